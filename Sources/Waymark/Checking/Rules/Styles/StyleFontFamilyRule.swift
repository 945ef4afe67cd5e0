import Foundation
import WaymarkModel

/// Text is set in a sans-serif font.
struct StyleFontFamilyRule: Rule {
    static let description = RuleDescription(
        id: "style-font-family",
        name: "Sans-serif font",
        summary: "A font list that does not end with the generic 'sans-serif', or a profile that sets no font for the body.",
        rationale: """
            Clear-print guidance asks for a plain sans-serif font; Verdana, Tahoma and DejaVu Sans also tell \
            I, l and 1 apart. A reader may not have the fonts a sheet names, so every 'font-family' (and the \
            font of a 'font' shorthand) must end with the generic sans-serif, unquoted ("sans-serif" in \
            quotes names a font that does not exist). A profile (large-print*.css, giant-print*.css, \
            easy-read*.css, or one of your own) must set the body's font. @font-face rules, which name a \
            font file, are left alone.
            """,
        severity: .error,
        standards: [Standard("UKAAF", "G003 Clear and large print: sans serif"), Standard("RNIB", "Clear print: plain fonts")],
        scope: .styleSheet,
        passing: [
            RuleExample(css: "body { font-family: Verdana, Tahoma, \"DejaVu Sans\", sans-serif; }\n", file: "large-print.css"),
            RuleExample(css: "body { font: bold 18pt/1.5 Verdana, sans-serif; }\n", file: "mine.css"),
            RuleExample(css: "p { font-family: inherit; }\n", file: "epub.css"),
            RuleExample(css: "@font-face { font-family: \"Atkinson Hyperlegible\"; src: local(\"Atkinson Hyperlegible\"); }\nbody { font-family: \"Atkinson Hyperlegible\", SANS-SERIF; }\n", file: "easy-read.css"),
        ],
        failing: [
            RuleExample(css: "body { ↓font-family: Georgia, serif; }\n", file: "large-print.css"),
            RuleExample(css: "body { ↓font-family: Verdana, \"sans-serif\"; }\n", file: "mine.css"),
            RuleExample(css: "↓body { font-size: 18pt; }\n", file: "giant-print.css"),
            RuleExample(css: "h1 { ↓font: bold 28pt Georgia; }\n", file: "epub.css"),
        ]
    )

    func check(styleSheet context: StyleSheetContext) -> [Diagnostic] {
        let sheet = context.sheet
        var findings: [Diagnostic] = []
        for rule in sheet.rules where rule.atRule == nil {
            for declaration in rule.declarations {
                guard let family = declaration.value(for: "font-family").map(sheet.resolved),
                      !StyleFontFamilyRule.endsSansSerif(family) else { continue }
                findings.append(context.finding(
                    at: declaration.location,
                    "\(declaration.property): \(declaration.value) does not end with sans-serif, so '\(rule.selectors.joined(separator: ", "))' may be shown in a serif font",
                    hint: "end the list with sans-serif, for example 'font-family: Verdana, Tahoma, \"DejaVu Sans\", sans-serif'"))
            }
        }
        if sheet.profile.isProfile, !sheet.pageRules.contains(where: { $0.setting("font-family") != nil }) {
            findings.append(context.finding(
                at: sheet.pageRules.last?.location ?? Location(file: sheet.path, line: 1, column: 1),
                "\(sheet.name) sets no font for the body, so it may be printed in a serif font",
                hint: "add 'font-family: Verdana, Tahoma, \"DejaVu Sans\", sans-serif' to the body rule"))
        }
        return findings
    }

    /// Whether a font list ends with the unquoted generic `sans-serif`, or is a CSS-wide keyword (`inherit`).
    static func endsSansSerif(_ family: String) -> Bool {
        let value = family.trimmingCharacters(in: .whitespaces).lowercased()
        if StyleSheet.cssWideKeywords.contains(value) { return true }
        let last = value.split(separator: ",").last?.trimmingCharacters(in: .whitespaces)
        return last == "sans-serif"
    }
}
