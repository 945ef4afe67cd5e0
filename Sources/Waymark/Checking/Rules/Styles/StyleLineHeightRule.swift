import Foundation
import WaymarkModel

/// Lines of text are at least one and a half apart.
struct StyleLineHeightRule: Rule {
    static let description = RuleDescription(
        id: "style-line-height",
        name: "Line spacing",
        summary: "A line height below 1.5 for text other than headings, or a profile that sets none for the body.",
        rationale: """
            Lines set close together are hard to follow from the end of one to the start of the next, \
            especially in large print and for readers with dyslexia. Every 'line-height' (or the '/1.5' \
            of a 'font' shorthand) is checked, as a number, a percentage, em, or a length over the body \
            size; 'normal' is about 1.2. Headings (h1 to h6) may be tighter. A profile \
            (large-print*.css, giant-print*.css, easy-read*.css, or one of your own) must set the body's \
            line height, and a 'font' shorthand on the page that leaves it out resets it to 'normal'.
            """,
        severity: .error,
        standards: [Standard("WCAG 2.2", "1.4.8 Visual Presentation"), Standard("RNIB", "Clear print: generous line spacing")],
        scope: .styleSheet,
        passing: [
            RuleExample(css: "body { line-height: 1.5; }\nh1, h2, h3 { line-height: 1.25; }\n", file: "epub.css"),
            RuleExample(css: "body { font-size: 18pt; line-height: 150%; }\n", file: "large-print.css"),
            RuleExample(css: "body { font: 18pt/1.6 Verdana, sans-serif; }\n", file: "mine.css"),
            RuleExample(css: "body { font-size: 18pt; line-height: 27pt; }\n.note h2 { line-height: 1.1; }\n", file: "giant-print.css"),
        ],
        failing: [
            RuleExample(css: "body { ↓line-height: 1.2; }\n", file: "large-print.css"),
            RuleExample(css: "p { ↓line-height: normal; }\n", file: "epub.css"),
            RuleExample(css: "↓body { font-size: 18pt; }\n", file: "easy-read.css"),
            RuleExample(css: "body { line-height: 1.5; ↓font: 18pt Verdana, sans-serif; }\n", file: "giant-print.css"),
            RuleExample(css: "body { ↓font: 18pt/1.2 Verdana, sans-serif; }\nh1, p { ↓line-height: 1.25; }\n", file: "mine.css"),
        ]
    )

    func check(styleSheet context: StyleSheetContext) -> [Diagnostic] {
        let sheet = context.sheet
        let minimum = Thresholds.lineSpacingMinimum
        let bodyPoints = sheet.bodyText.points ?? Thresholds.defaultFontPixels / Thresholds.pixelsPerPoint
        var findings: [Diagnostic] = []
        func tooTight(_ value: String) -> Double? {
            guard let spacing = StyleSheet.lineSpacing(sheet.resolved(value), fontPoints: bodyPoints), spacing < minimum - 0.001 else { return nil }
            return spacing
        }
        for rule in sheet.rules where rule.atRule == nil && !StyleLineHeightRule.isHeadings(rule) {
            for declaration in rule.declarations {
                guard let value = declaration.value(for: "line-height"), let spacing = tooTight(value) else { continue }
                findings.append(context.finding(
                    at: declaration.location,
                    "\(declaration.property): \(declaration.value) is too tight: lines in '\(rule.selectors.joined(separator: ", "))' are \(StyleProfile.format((spacing * 100).rounded() / 100)) apart, and need at least \(StyleProfile.format(minimum))",
                    hint: "set 'line-height: \(StyleProfile.format(minimum))' (or more)"))
            }
        }
        // The page's own spacing, as the cascade leaves it: set, and not reset by a 'font' shorthand.
        let page = sheet.pageRules.compactMap { rule in rule.setting("line-height").map { (rule, $0) } }.last
        if let (rule, setting) = page, setting.declaration.value(for: "line-height") == nil, tooTight(setting.value) != nil {
            findings.append(context.finding(
                at: setting.declaration.location,
                "\(setting.declaration.property): \(setting.declaration.value) resets the line height of '\(rule.selectors.joined(separator: ", "))' to normal, about 1.2",
                hint: "write the line height in the shorthand ('font: 18pt/\(StyleProfile.format(minimum)) …') or set 'line-height' after it"))
        } else if page == nil, sheet.profile.isProfile {
            findings.append(context.finding(
                at: sheet.pageRules.last?.location ?? Location(file: sheet.path, line: 1, column: 1),
                "\(sheet.name) sets no line height for the body, so lines are about 1.2 apart",
                hint: "add 'line-height: \(StyleProfile.format(minimum))' to the body rule"))
        }
        return findings
    }

    /// Whether every selector of `rule` styles a heading (h1 to h6), which may be set tighter.
    static func isHeadings(_ rule: StyleSheet.Rule) -> Bool {
        rule.selectors.allSatisfy { selector in
            let name = StyleSheet.elementName(of: StyleSheet.subject(of: selector))
            return name.count == 2 && name.first == "h" && ("1"..."6").contains(String(name.dropFirst()))
        }
    }
}
