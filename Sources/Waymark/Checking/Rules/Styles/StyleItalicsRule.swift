import WaymarkModel

/// Text is never set in italics; emphasis is bold.
struct StyleItalicsRule: Rule {
    static let description = RuleDescription(
        id: "style-italics",
        name: "Italics in a style sheet",
        summary: "'font-style: italic' or 'oblique' in a style sheet, or a 'font' shorthand that sets it.",
        rationale: """
            Italic letters lean and run together, which makes them hard to read for people with low vision \
            or dyslexia; clear-print guidance asks for bold instead. Waymark's sheets show emphasis, \
            citations and defined words in bold. The descriptors of an @font-face rule, which only say \
            which font file is the italic one, are left alone.
            """,
        severity: .error,
        standards: [Standard("UKAAF", "G003 Clear and large print: avoid italics"), Standard("RNIB", "Clear print: use bold for emphasis")],
        scope: .styleSheet,
        passing: [
            RuleExample(css: "em, i, cite, dfn { font-style: normal; font-weight: bold; }\n", file: "print.css"),
            RuleExample(css: "p { font: bold 18pt/1.5 Verdana, sans-serif; }\n", file: "large-print.css"),
            RuleExample(css: "@font-face {\n  font-family: \"Atkinson Hyperlegible\";\n  font-style: italic;\n  src: local(\"Atkinson Hyperlegible Italic\");\n}\n", file: "easy-read.css"),
        ],
        failing: [
            RuleExample(css: "em { ↓font-style: italic; }\n", file: "large-print.css"),
            RuleExample(css: "p { ↓font: italic 18pt Verdana, sans-serif; }\n", file: "mine.css"),
            RuleExample(css: "blockquote { ↓font-style: oblique 10deg; }\n", file: "epub.css"),
            RuleExample(css: "h2 { ↓font: bold italic 24pt/1.25 Verdana, sans-serif; }\n", file: "giant-print.css"),
        ]
    )

    func check(styleSheet context: StyleSheetContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for rule in context.sheet.rules where rule.atRule == nil {
            for declaration in rule.declarations {
                guard let style = declaration.value(for: "font-style").map({ context.sheet.resolved($0).lowercased() }),
                      style.hasPrefix("italic") || style.hasPrefix("oblique") else { continue }
                findings.append(context.finding(
                    at: declaration.location,
                    "\(declaration.property): \(declaration.value) is not allowed: it sets the text of '\(rule.selectors.joined(separator: ", "))' in italics",
                    hint: "use 'font-style: normal' and show emphasis in bold ('font-weight: bold')"))
            }
        }
        return findings
    }
}
