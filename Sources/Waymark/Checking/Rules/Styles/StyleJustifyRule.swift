import WaymarkModel

/// Text is left aligned, never justified.
struct StyleJustifyRule: Rule {
    static let description = RuleDescription(
        id: "style-justify",
        name: "Justified text",
        summary: "'text-align: justify' in a style sheet.",
        rationale: """
            Justified text has uneven gaps between words, which form "rivers" down the page and make it hard \
            to keep one's place, especially for readers with dyslexia or low vision. Text is left aligned.
            """,
        severity: .error,
        standards: [Standard("WCAG 2.2", "1.4.8 Visual Presentation"), Standard("RNIB", "Clear print: never justified"), Standard("UKAAF", "G003: left aligned")],
        scope: .styleSheet,
        passing: [
            RuleExample(css: "p { text-align: left; }\n", file: "epub.css"),
            RuleExample(css: "h1, p { text-align: start; }\n", file: "large-print.css"),
        ],
        failing: [
            RuleExample(css: "p {\n  margin: 0;\n  ↓text-align: justify;\n}\n", file: "epub.css"),
            RuleExample(css: "body { font-size: 18pt; }\np { ↓text-align: justify; }\n", file: "mine.css"),
            RuleExample(css: "@media print {\n  .note { ↓text-align: JUSTIFY !important; }\n}\n", file: "large-print.css"),
        ]
    )

    func check(styleSheet context: StyleSheetContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for rule in context.sheet.rules {
            for declaration in rule.declarations where declaration.property == "text-align" && declaration.value.lowercased().hasPrefix("justify") {
                findings.append(context.finding(
                    at: declaration.location,
                    "text-align: \(declaration.value) is not allowed: text in '\(rule.selectors.joined(separator: ", "))' must be left aligned, not justified",
                    hint: "use 'text-align: left' (or 'start'), so the gaps between words stay even"))
            }
        }
        return findings
    }
}
