import WaymarkModel

/// Italics are hard to read in print; print formats show them in bold.
struct ItalicsRule: Rule {
    static let description = RuleDescription(
        id: "italics",
        name: "Italics",
        summary: "Text in italics (*one star* or _underscores_), which large print and easy read show in bold.",
        rationale: """
            Italic letters are slanted and thinner, which makes them harder to read for people with low \
            vision. Large print and easy read turn emphasis into bold, so the guide may read differently \
            there; this is for information, so the author can choose bold (**two stars**) directly.
            """,
        severity: .info,
        standards: [Standard("UKAAF", "G003 Clear and large print: no italics")],
        passing: [RuleExample("It is **not** your fault.\n")],
        failing: [RuleExample("It is ↓*not* your fault.\n")]
    )

    func check(guide context: GuideContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        context.forEachInline { inline, _ in
            guard case .emphasis(let content) = inline.kind else { return }
            findings.append(context.finding(
                at: inline.location, "'\(Inline.plainText(content).prefix(40))' is in italics; large print and easy read show it in bold",
                hint: "use **two stars** for bold emphasis, or no emphasis at all"))
        }
        return findings
    }
}
