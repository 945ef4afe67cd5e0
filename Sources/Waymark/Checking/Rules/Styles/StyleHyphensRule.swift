import WaymarkModel

/// Words are never split across lines by automatic hyphenation.
struct StyleHyphensRule: Rule {
    static let description = RuleDescription(
        id: "style-hyphens",
        name: "Automatic hyphenation",
        summary: "'hyphens: auto' (or a vendor form such as '-webkit-hyphens: auto') in a style sheet.",
        rationale: """
            A word broken across two lines has to be put back together before it can be read, which is \
            hard for a child, for a reader with dyslexia and for anyone reading slowly in large print. \
            'hyphens: manual' (the default) and 'hyphens: none' are fine: they only break a word where \
            the author put a soft hyphen, or never.
            """,
        severity: .error,
        standards: [Standard("UKAAF", "G003 Clear and large print: no hyphenation"), Standard("RNIB", "Clear print: do not split words")],
        scope: .styleSheet,
        passing: [
            RuleExample(css: "p { hyphens: manual; }\n", file: "epub.css"),
            RuleExample(css: "body { hyphens: none; -webkit-hyphens: none; -epub-hyphens: none; }\n", file: "large-print.css"),
            RuleExample(css: "h1, h2, p, li {\n  text-align: left;\n  hyphens: manual;\n  -webkit-hyphens: manual;\n}\n", file: "print.css"),
        ],
        failing: [
            RuleExample(css: "p { ↓hyphens: auto; }\n", file: "epub.css"),
            RuleExample(css: "body { ↓-webkit-hyphens: auto; ↓-epub-hyphens: AUTO; }\n", file: "large-print.css"),
            RuleExample(css: "@media print {\n  li { ↓hyphens: auto !important; }\n}\n", file: "mine.css"),
        ]
    )

    func check(styleSheet context: StyleSheetContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for rule in context.sheet.rules {
            for declaration in rule.declarations where declaration.standardProperty == "hyphens" && context.sheet.resolved(declaration.value).lowercased() == "auto" {
                findings.append(context.finding(
                    at: declaration.location,
                    "\(declaration.property): \(declaration.value) is not allowed: words in '\(rule.selectors.joined(separator: ", "))' must not be split across lines",
                    hint: "use '\(declaration.property): manual' (or 'none'), so every word stays whole"))
            }
        }
        return findings
    }
}
