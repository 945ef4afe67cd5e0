import Foundation
import WaymarkModel

/// Body text in print sheets is big enough.
struct StyleFontSizeRule: Rule {
    static let description = RuleDescription(
        id: "style-font-size",
        name: "Style font size",
        summary: "A body font size in a large-print sheet below 16 pt, or in an easy-read sheet below 14 pt.",
        rationale: """
            Large print means at least 16 pt (ideally 18 pt); below that it is only "enlarged". Easy read \
            needs at least 14 pt. The size is read from the html, body or :root rule, in pt, px (4 px = \
            3 pt), em, rem or % (of the 12 pt default), and checked for sheets named large-print*.css, \
            giant-print*.css and easy-read*.css.
            """,
        severity: .error,
        standards: [Standard("UKAAF", "G003 Clear and large print: at least 16 pt"), Standard("UK government", "Accessible communication formats: at least 14 pt")],
        scope: .styleSheet,
        passing: [
            RuleExample(css: "body { font-size: 18pt; }\n", file: "large-print.css"),
            RuleExample(css: "html { font-size: 24px; }\n", file: "large-print.css"),
            RuleExample(css: "body { font-size: 12pt; }\n", file: "epub.css"),
        ],
        failing: [
            RuleExample(css: "body { ↓font-size: 12pt; }\n", file: "large-print.css"),
            RuleExample(css: "body {\n  ↓font-size: 16px;\n}\n", file: "easy-read.css"),
        ]
    )

    func check(styleSheet context: StyleSheetContext) -> [Diagnostic] {
        let sheet = context.sheet
        let minimum: Double
        switch sheet.profile {
        case .largePrint: minimum = Thresholds.largePrintMinimumPoints
        case .easyRead: minimum = Thresholds.easyReadMinimumPoints
        case .epub, .print, .other: return []
        }
        let defaultPoints = Thresholds.defaultFontPixels / Thresholds.pixelsPerPoint
        var rootPoints = defaultPoints
        var findings: [Diagnostic] = []
        // html and :root first (they set what rem and % mean), then body.
        let pageRules = sheet.rules.filter(\.isPage)
        let ordered = pageRules.filter { !$0.selectors.contains { $0.lowercased() == "body" } } + pageRules.filter { $0.selectors.contains { $0.lowercased() == "body" } }
        for rule in ordered {
            guard let declaration = rule.declaration("font-size"),
                  let points = StyleFontSizeRule.points(sheet.resolved(declaration.value), root: rootPoints) else { continue }
            if !rule.selectors.contains(where: { $0.lowercased() == "body" }) { rootPoints = points }
            guard points < minimum - 0.01 else { continue }
            findings.append(context.finding(
                at: declaration.location,
                "the body text is \(String(format: "%.1f", points)) pt; \(sheet.name) needs at least \(String(format: "%.0f", minimum)) pt",
                hint: "set 'font-size: \(String(format: "%.0f", sheet.profile == .largePrint ? Thresholds.largePrintIdealPoints : minimum))pt' (or larger)"))
        }
        return findings
    }

    /// A CSS font size in points; nil for sizes it cannot tell (`calc()`, `larger`).
    static func points(_ value: String, root: Double) -> Double? {
        let text = value.trimmingCharacters(in: .whitespaces).lowercased()
        let keywords: [String: Double] = ["xx-small": 7, "x-small": 7.5, "small": 10, "medium": 12, "large": 13.5, "x-large": 18, "xx-large": 24, "xxx-large": 36]
        if let points = keywords[text] { return points }
        for (unit, factor) in [("pt", 1.0), ("px", 1 / Thresholds.pixelsPerPoint), ("rem", root), ("em", root), ("%", root / 100), ("pc", 12.0)] where text.hasSuffix(unit) {
            return Double(text.dropLast(unit.count).trimmingCharacters(in: .whitespaces)).map { $0 * factor }
        }
        return nil
    }
}
