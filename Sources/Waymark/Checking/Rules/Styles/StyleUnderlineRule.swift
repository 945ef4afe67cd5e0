import WaymarkModel

/// Only links are underlined.
struct StyleUnderlineRule: Rule {
    static let description = RuleDescription(
        id: "style-underline",
        name: "Underline only on links",
        summary: "'text-decoration' or 'text-decoration-line' that underlines anything but a link.",
        rationale: """
            Readers learn that underlined words are links: underlining anything else makes them try to \
            follow it, and underlines cut through the descenders of letters. A selector is a link when \
            the element it styles (its last part) is 'a', with any classes, attributes or states \
            ('a', 'nav a', 'a:hover', 'a:focus', 'a:visited', 'a[href]', 'a.phone'), or is ':link' or \
            ':any-link'. Emphasis is bold.
            """,
        severity: .error,
        standards: [Standard("UKAAF", "G003 Clear and large print: avoid underlining"), Standard("RNIB", "Clear print: use bold for emphasis")],
        scope: .styleSheet,
        passing: [
            RuleExample(css: "a { text-decoration: underline; }\n", file: "large-print.css"),
            RuleExample(css: "a:hover, a:focus, a:visited, a[href] { text-decoration-line: underline; }\n", file: "epub.css"),
            RuleExample(css: "nav a.phone, :any-link { text-decoration: underline dotted; }\n", file: "easy-read.css"),
            RuleExample(css: "a { text-decoration: none; }\nabbr { text-decoration: none; }\n", file: "print.css"),
        ],
        failing: [
            RuleExample(css: "strong { ↓text-decoration: underline; }\n", file: "large-print.css"),
            RuleExample(css: "aside { ↓text-decoration-line: underline; }\n", file: "mine.css"),
            RuleExample(css: "a span, abbr { ↓text-decoration: underline dotted; }\n", file: "epub.css"),
            RuleExample(css: "a, em { ↓-webkit-text-decoration-line: underline overline; }\n", file: "easy-read.css"),
        ]
    )

    func check(styleSheet context: StyleSheetContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for rule in context.sheet.rules where rule.atRule == nil {
            let others = rule.selectors.filter { !StyleUnderlineRule.isLink($0) }
            guard !others.isEmpty else { continue }
            for declaration in rule.declarations {
                guard let lines = declaration.value(for: "text-decoration-line"),
                      StyleSheet.tokens(context.sheet.resolved(lines).lowercased()).contains("underline") else { continue }
                findings.append(context.finding(
                    at: declaration.location,
                    "\(declaration.property): \(declaration.value) is not allowed on '\(others.joined(separator: ", "))': underline is only for links",
                    hint: "remove the underline and show emphasis in bold ('font-weight: bold'); links ('a') keep theirs"))
            }
        }
        return findings
    }

    /// Whether `selector` styles a link: its subject is `a` (`nav a:hover`, `a[href]`) or `:link`/`:any-link`.
    static func isLink(_ selector: String) -> Bool {
        let subject = StyleSheet.subject(of: selector).lowercased()
        return StyleSheet.elementName(of: subject) == "a" || subject.contains(":link") || subject.contains(":any-link")
    }
}
