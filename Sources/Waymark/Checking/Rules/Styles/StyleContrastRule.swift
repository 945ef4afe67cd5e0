import Foundation
import WaymarkModel

/// Text colours in style sheets contrast enough with their background.
struct StyleContrastRule: Rule {
    static let description = RuleDescription(
        id: "style-contrast",
        name: "Style contrast",
        summary: "A text colour in Styles/*.css whose contrast with its background is below 7:1 (print sheets) or 4.5:1 (epub.css), or that cannot be read in a print sheet.",
        rationale: """
            Low contrast makes text hard or impossible to read for people with low vision, and on a phone in \
            daylight. Each rule's 'color' is checked against the same rule's 'background-color' (or \
            'background'), else against the page background (the html, body or :root rule; white when none \
            is set); a rule that sets only a background is checked against the page text colour. \
            Rules inside '@media (prefers-color-scheme: dark)' are checked against the dark page colours \
            that such a block sets (a page rule there may be written ':root body'). \
            Sheets for print (large-print*.css, giant-print*.css, easy-read*.css, the shared print*.css and \
            a profile of your own, any other name) need 7:1 (WCAG AAA); epub.css 4.5:1 (WCAG AA). In a print \
            sheet, a colour that cannot be read (lab(), color-mix()) is an error too, since its contrast \
            cannot be known; write it as #rrggbb.
            """,
        severity: .error,
        standards: [Standard("WCAG 2.2", "1.4.3 Contrast (Minimum)"), Standard("WCAG 2.2", "1.4.6 Contrast (Enhanced)")],
        scope: .styleSheet,
        passing: [
            RuleExample(css: "body { color: #1a1a1a; background-color: #ffffff; }\n.note { color: #000; background: #fff8dc; }\n", file: "epub.css"),
            RuleExample(css: ":root { --ink: #111; }\nbody { color: var(--ink); }\n", file: "large-print.css"),
            RuleExample(css: "body { color: hsl(0, 0%, 5%); background-color: white; }\na { color: inherit; }\n", file: "mine.css"),
            RuleExample(css: "body { color: #000000; background-color: #ffffff; }\n.urgent { color: #000000; background-color: #fff0b3; }\n", file: "giant-print.css"),
            RuleExample(css: "body { color: #000; background: #fff; }\n@media (prefers-color-scheme: dark) {\n  :root body { color: #f2f2f2; background-color: #121212; }\n  :root a { color: #a8d4ff; }\n}\n", file: "print.css"),
        ],
        failing: [
            RuleExample(css: "body { ↓color: #777777; }\n", file: "epub.css"),
            RuleExample(css: "body { color: #111; }\n.note { ↓color: #666666; background-color: #ffffff; }\n", file: "large-print.css"),
            RuleExample(css: "body { color: #222; }\n.warning { ↓background-color: #555555; }\n", file: "easy-read.css"),
            RuleExample(css: "body { ↓color: #777777; background-color: #ffffff; }\n", file: "mine.css"),
            RuleExample(css: "body { ↓color: lab(20% 0 0); }\n", file: "large-print.css"),
            RuleExample(css: "body { color: #000; }\n@media screen and (prefers-color-scheme: dark) {\n  body { color: #f2f2f2; background-color: #121212; }\n  a { ↓color: #00377a; }\n}\n", file: "print.css"),
        ]
    )

    func check(styleSheet context: StyleSheetContext) -> [Diagnostic] {
        let sheet = context.sheet
        let minimum = sheet.profile.needsEnhancedContrast ? Thresholds.contrastEnhanced : Thresholds.contrastStandard
        // Light colours first; dark mode starts from them and takes its own page rules.
        let light = pageColours(sheet.rules.filter { !isDarkMode($0) }, in: sheet, from: (.white, .black))
        let dark = pageColours(sheet.rules.filter(isDarkMode), in: sheet, from: light)
        var findings: [Diagnostic] = []
        if sheet.profile.isPrint { findings += unreadable(in: context) }
        for rule in sheet.rules {
            let (pageBackground, pageText) = isDarkMode(rule) ? dark : light
            let ownBackground = background(of: rule, in: sheet)?.over(pageBackground)
            let colour = rule.declaration("color")
            let text = colour.flatMap { Colour(css: sheet.resolved($0.value)) }
            let declaration = text != nil ? colour : rule.declaration("background-color") ?? rule.declaration("background")
            guard let declaration, text != nil || ownBackground != nil else { continue }
            let background = ownBackground ?? pageBackground
            let foreground = (text ?? pageText).over(background)
            let ratio = Colour.contrast(foreground, background)
            guard ratio < minimum else { continue }
            let selector = rule.selectors.joined(separator: ", ")
            findings.append(context.finding(
                at: declaration.location,
                "\(declaration.property): text \(foreground) on \(background) in '\(selector)'\(isDarkMode(rule) ? " (dark mode)" : "") has a contrast of \(String(format: "%.2f", ratio)):1; \(sheet.name) needs \(String(format: "%.1f", minimum)):1",
                hint: "make the text darker or the background lighter (or the other way round) until the contrast is at least \(String(format: "%.1f", minimum)):1; a contrast checker such as WebAIM's shows the ratio"))
        }
        return findings
    }

    /// Colours a print sheet gives that cannot be read, so their contrast cannot be checked.
    private func unreadable(in context: StyleSheetContext) -> [Diagnostic] {
        let keywords: Set<String> = ["inherit", "initial", "unset", "revert", "revert-layer", "currentcolor", "transparent"]
        var findings: [Diagnostic] = []
        for rule in context.sheet.rules {
            for declaration in rule.declarations where ["color", "background-color"].contains(declaration.property) {
                let value = context.sheet.resolved(declaration.value)
                guard Colour(css: value) == nil, !keywords.contains(value.lowercased()) else { continue }
                findings.append(context.finding(
                    at: declaration.location,
                    "\(declaration.property): \(declaration.value) cannot be read as a colour, so its contrast cannot be checked",
                    hint: "write the colour as #rrggbb (for example #000000 for black)"))
            }
        }
        return findings
    }

    /// Whether the rule applies only in dark mode (`@media (prefers-color-scheme: dark)`).
    private func isDarkMode(_ rule: StyleSheet.Rule) -> Bool {
        rule.conditions.contains { condition in
            let compact = condition.lowercased().filter { !$0.isWhitespace }
            return compact.contains("prefers-color-scheme:dark")
        }
    }

    /// The page's background and text colours after `rules`' page rules (`html`, `body`,
    /// `:root`, or a selector ending in one, such as `:root body`), starting from `start`.
    private func pageColours(_ rules: [StyleSheet.Rule], in sheet: StyleSheet, from start: (Colour, Colour)) -> (background: Colour, text: Colour) {
        var (pageBackground, pageText) = start
        for rule in rules where rule.atRule == nil && rule.selectors.contains(where: isPageSelector) {
            if let background = background(of: rule, in: sheet) { pageBackground = background.over(.white) }
            if let text = rule.declaration("color").flatMap({ Colour(css: sheet.resolved($0.value)) }) { pageText = text }
        }
        return (pageBackground, pageText.over(pageBackground))
    }

    private func isPageSelector(_ selector: String) -> Bool {
        let last = selector.split(whereSeparator: { $0.isWhitespace || $0 == ">" }).last.map { $0.lowercased() } ?? ""
        return ["html", "body", ":root"].contains(last)
    }

    private func background(of rule: StyleSheet.Rule, in sheet: StyleSheet) -> Colour? {
        if let value = rule.declaration("background-color") { return Colour(css: sheet.resolved(value.value)) }
        if let value = rule.declaration("background") { return Colour.inBackground(sheet.resolved(value.value)) }
        return nil
    }
}
