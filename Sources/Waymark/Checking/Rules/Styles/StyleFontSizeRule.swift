import Foundation
import WaymarkModel

/// Body text in print profiles is big enough, and its size can be told.
struct StyleFontSizeRule: Rule {
    static let description = RuleDescription(
        id: "style-font-size",
        name: "Style font size",
        summary: "A body font size in a large-print profile below 16 pt, or in an easy-read profile below 14 pt, or one that cannot be told.",
        rationale: """
            Large print means at least 16 pt (ideally 18 pt); below that it is only "enlarged". Easy read \
            needs at least 14 pt. The size is read from the html, body or :root rule (or their 'font' \
            shorthand), in pt, px (4 px = 3 pt), em, rem, % (of the 12 pt default) or a keyword, and checked \
            in profiles: large-print*.css, giant-print*.css, easy-read*.css and a profile of your own \
            (any other name, chosen with 'waymark build --style'). A profile that sets no size gets the \
            browser's 12 pt; one whose size cannot be told (calc()) cannot be printed at a known size.
            """,
        severity: .error,
        standards: [Standard("UKAAF", "G003 Clear and large print: at least 16 pt"), Standard("UK government", "Accessible communication formats: at least 14 pt")],
        scope: .styleSheet,
        passing: [
            RuleExample(css: "body { font-size: 18pt; }\n", file: "large-print.css"),
            RuleExample(css: "html { font-size: 24px; }\n", file: "large-print.css"),
            RuleExample(css: "body { font: bold 18pt/1.5 Verdana, sans-serif; }\n", file: "mine.css"),
            RuleExample(css: "body { font-size: 12pt; }\n", file: "epub.css"),
            RuleExample(css: "body { margin: 0; }\n", file: "print.css"),
        ],
        failing: [
            RuleExample(css: "body { ↓font-size: 12pt; }\n", file: "large-print.css"),
            RuleExample(css: "body {\n  ↓font-size: 16px;\n}\n", file: "easy-read.css"),
            RuleExample(css: "body { ↓font: 15pt Verdana, sans-serif; }\n", file: "mine.css"),
            RuleExample(css: "↓body { line-height: 1.5; }\n", file: "giant-print.css"),
            RuleExample(css: "body { ↓font-size: calc(10pt + 1vw); }\n", file: "large-print.css"),
        ]
    )

    func check(styleSheet context: StyleSheetContext) -> [Diagnostic] {
        let sheet = context.sheet
        guard let minimum = sheet.profile.minimumBodySize else { return [] }
        var findings: [Diagnostic] = []
        let ideal = sheet.profile.idealBodySize ?? minimum
        let hint = "set 'font-size: \(String(format: "%.0f", ideal))pt' (or larger) in the body rule"
        // Every size the page is given, in @media too (html and :root first: they set what rem and % mean).
        var root = Thresholds.defaultFontPixels / Thresholds.pixelsPerPoint
        let page = sheet.rules.filter(\.isPage)
        for rule in page.filter({ !$0.isBody }) + page.filter(\.isBody) {
            guard let size = rule.setting("font-size"),
                  let points = StyleSheet.points(fontSize: sheet.resolved(size.value), root: root) else { continue }
            if !rule.isBody { root = points }
            guard points < minimum - 0.01 else { continue }
            findings.append(context.finding(
                at: size.declaration.location,
                "\(size.declaration.property): \(size.declaration.value) is too small: the body text is \(String(format: "%.1f", points)) pt; \(sheet.name) needs at least \(String(format: "%.0f", minimum)) pt",
                hint: hint))
        }
        // The size the writers print with must be known: set, and readable.
        let body = sheet.bodyText
        if let declaration = body.declaration, body.points == nil {
            findings.append(context.finding(
                at: declaration.location,
                "\(declaration.property): \(declaration.value) cannot be told as a size in points, so \(sheet.name) cannot be printed at a size it promises",
                hint: hint))
        } else if body.declaration == nil {
            let rule = sheet.pageRules.last
            findings.append(context.finding(
                at: rule?.location ?? Location(file: sheet.path, line: 1, column: 1),
                "\(sheet.name) sets no body font-size, so the text is the browser's 12 pt; it needs at least \(String(format: "%.0f", minimum)) pt",
                hint: hint))
        }
        return findings
    }
}
