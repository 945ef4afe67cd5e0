import WaymarkModel

/// Text runs in one column.
struct StyleColumnsRule: Rule {
    static let description = RuleDescription(
        id: "style-columns",
        name: "One column",
        summary: "A multi-column layout: 'column-count' or 'columns' above 1, or a 'column-width' (any vendor form).",
        rationale: """
            Text in columns makes the reader jump from the foot of one column to the top of the next, and \
            in large print leaves only a few words to a line. A 'column-width' (or 'columns: 12em') asks \
            for as many columns as fit, so it is flagged too unless the count is 1. 'column-count: 1' and \
            'columns: auto' are fine, and so are grid layouts ('grid-template-columns'), which Waymark uses \
            to put a picture beside its words.
            """,
        severity: .error,
        standards: [Standard("UKAAF", "G003 Clear and large print: single column"), Standard("RNIB", "Clear print: avoid columns")],
        scope: .styleSheet,
        passing: [
            RuleExample(css: "main { column-count: 1; }\n", file: "large-print.css"),
            RuleExample(css: ".page { columns: auto; }\nmain { columns: 1 20em; }\n", file: "epub.css"),
            RuleExample(css: ".row { display: grid; grid-template-columns: minmax(4.5em, 1fr) 2fr; }\n", file: "easy-read.css"),
        ],
        failing: [
            RuleExample(css: "main { ↓column-count: 2; }\n", file: "large-print.css"),
            RuleExample(css: "main { ↓-webkit-column-count: 2; }\n", file: "mine.css"),
            RuleExample(css: "ul { ↓columns: 3 10em; }\n", file: "epub.css"),
            RuleExample(css: ".list { ↓columns: 12em; }\n.glossary { ↓-moz-column-width: 15em; }\n", file: "print.css"),
        ]
    )

    func check(styleSheet context: StyleSheetContext) -> [Diagnostic] {
        let sheet = context.sheet
        var findings: [Diagnostic] = []
        for rule in sheet.rules where rule.atRule == nil {
            let selectors = rule.selectors.joined(separator: ", ")
            let countIsOne = rule.setting("column-count").map { sheet.resolved($0.value) == "1" } ?? false
            for declaration in rule.declarations {
                let count = declaration.value(for: "column-count").map(sheet.resolved).flatMap { Int($0) } ?? 1
                let width = declaration.value(for: "column-width").map { sheet.resolved($0).lowercased() }
                let asksForWidth = width.map { $0 != "auto" && !StyleSheet.cssWideKeywords.contains($0) } ?? false
                guard count > 1 || (asksForWidth && !countIsOne) else { continue }
                findings.append(context.finding(
                    at: declaration.location,
                    "\(declaration.property): \(declaration.value) is not allowed: '\(selectors)' must be a single column",
                    hint: "remove it (or write 'column-count: 1'), so the text runs in one column"))
            }
        }
        return findings
    }
}
