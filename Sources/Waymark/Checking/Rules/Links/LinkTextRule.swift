import Foundation
import WaymarkModel

/// A link's words must say where it goes.
struct LinkTextRule: Rule {
    static let description = RuleDescription(
        id: "link-text",
        name: "Link text",
        summary: "Link text must make sense on its own: not 'click here', 'here', 'this link', 'read more' or a bare web address.",
        rationale: """
            Screen reader users often list a page's links and pick one by its words alone. "Click here" \
            says nothing out of context, and a web address is read out letter by letter. Printed formats \
            also lose the link, so the words must say where it goes.
            """,
        severity: .error,
        standards: [Standard("WCAG 2.2", "2.4.4 Link Purpose (In Context)")],
        passing: [RuleExample("Read [Childline's advice on bullying](https://www.childline.org.uk/info-advice/bullying/).\n")],
        failing: [
            RuleExample("For advice, ↓[click here](https://www.childline.org.uk).\n"),
            RuleExample("Go to ↓[https://www.childline.org.uk](https://www.childline.org.uk).\n"),
            RuleExample("There is more advice. ↓[Read more](https://www.childline.org.uk)\n"),
        ]
    )

    /// Link words that say nothing on their own.
    static let vague: Set<String> = ["click here", "here", "this link", "read more", "more", "link", "click", "this",
                                     "click this link", "this page", "more info", "find out more", "go here", "see here"]

    func check(guide context: GuideContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        context.forEachInline { inline, _ in
            guard case .link(let destination, let content) = inline.kind else { return }
            let text = Inline.plainText(content).trimmingCharacters(in: .whitespacesAndNewlines)
            let key = text.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ".:!?"))
            if LinkTextRule.vague.contains(key) {
                findings.append(context.finding(
                    at: inline.location, "the link text '\(text)' does not say where the link goes",
                    hint: "use words that name the page, e.g. '[Childline's advice on bullying](\(destination))'"))
            } else if key.hasPrefix("http://") || key.hasPrefix("https://") || key.hasPrefix("www.") {
                findings.append(context.finding(
                    at: inline.location, "the link text is a web address, which a screen reader reads out letter by letter",
                    hint: "use words that name the page, e.g. '[the Childline website](\(destination))'"))
            }
        }
        return findings
    }
}
