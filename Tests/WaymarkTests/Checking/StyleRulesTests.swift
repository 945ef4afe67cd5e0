import Foundation
import Testing
@testable import Waymark
import WaymarkModel

/// One profile of the issue-13 list: accepted by both `check` and `build`, or refused by both at the same place.
struct ProfileCase: Sendable, CustomTestStringConvertible {
    /// A body rule every case starts from, which passes every rule.
    static let body = "body { font-family: Verdana, sans-serif; font-size: 18pt; line-height: 1.5; color: #000000; background-color: #ffffff; }\n"

    let name: String
    /// The profile's text (the body rule and the case's own lines).
    let css: String
    /// `line:column: message start [rule]` of the first error, or nil when the profile is accepted.
    let refusal: String?

    var testDescription: String { name }

    init(_ name: String, _ lines: String, refusal: String? = nil, body: String = ProfileCase.body) {
        self.name = name
        self.css = body + lines
        self.refusal = refusal
    }

    static let all: [ProfileCase] = [
        // Accepted (refused by the old StyleProfile).
        ProfileCase("hyphens: manual", "p { hyphens: manual; -webkit-hyphens: manual; }\n"),
        ProfileCase("hyphens: none", "p { hyphens: none; }\n"),
        ProfileCase("a underlined", "a { text-decoration: underline; }\n"),
        ProfileCase("a not underlined", "a { text-decoration: none; }\n"),
        ProfileCase("link states underlined", "a:hover, a:focus, a:visited, a[href], nav a.phone { text-decoration-line: underline; }\n"),
        ProfileCase("column-count: 1", "main { column-count: 1; }\n"),
        ProfileCase("columns: 1", "main { columns: 1; }\n"),
        ProfileCase("the contrast rule's var(--ink)", ":root { --ink: #111; }\n",
                    body: "body { font-family: Verdana, sans-serif; font-size: 18pt; line-height: 1.5; color: var(--ink); }\n"),
        ProfileCase("no colours set (black on white)", "",
                    body: "body { font-family: Verdana, sans-serif; font-size: 18pt; line-height: 1.5; }\n"),
        ProfileCase("the font shorthand", "", body: "body { font: 18pt/1.5 Verdana, Tahoma, sans-serif; }\n"),
        // Refused.
        ProfileCase("justified", "p { text-align: justify; }\n", refusal: "2:5: text-align: justify is not allowed [style-justify]"),
        ProfileCase("hyphens: auto", "p { hyphens: auto; }\n", refusal: "2:5: hyphens: auto is not allowed [style-hyphens]"),
        ProfileCase("-webkit-hyphens: auto", "p { -webkit-hyphens: auto; }\n", refusal: "2:5: -webkit-hyphens: auto is not allowed [style-hyphens]"),
        ProfileCase("italic via font", "p { font: italic 18pt Verdana, sans-serif; }\n", refusal: "2:5: font: italic 18pt Verdana, sans-serif is not allowed [style-italics]"),
        ProfileCase("font-style: italic", "em { font-style: italic; }\n", refusal: "2:6: font-style: italic is not allowed [style-italics]"),
        ProfileCase("-webkit-column-count: 2", "main { -webkit-column-count: 2; }\n", refusal: "2:8: -webkit-column-count: 2 is not allowed [style-columns]"),
        ProfileCase("column-count: 2", "main { column-count: 2; }\n", refusal: "2:8: column-count: 2 is not allowed [style-columns]"),
        ProfileCase("columns: 2", "main { columns: 2; }\n", refusal: "2:8: columns: 2 is not allowed [style-columns]"),
        ProfileCase("aside underlined", "aside { text-decoration-line: underline; }\n", refusal: "2:9: text-decoration-line: underline is not allowed on 'aside' [style-underline]"),
        ProfileCase("strong underlined", "strong { text-decoration: underline; }\n", refusal: "2:10: text-decoration: underline is not allowed on 'strong' [style-underline]"),
        ProfileCase("a span underlined", "a span { text-decoration: underline; }\n", refusal: "2:10: text-decoration: underline is not allowed on 'a span' [style-underline]"),
        ProfileCase("12 pt", "", refusal: "1:42: font-size: 12pt is too small [style-font-size]",
                    body: "body { font-family: Verdana, sans-serif; font-size: 12pt; line-height: 1.5; }\n"),
        ProfileCase("no size", "", refusal: "1:1: mine.css sets no body font-size [style-font-size]",
                    body: "body { font-family: Verdana, sans-serif; line-height: 1.5; }\n"),
        ProfileCase("tight lines", "", refusal: "1:59: line-height: 1.2 is too tight [style-line-height]",
                    body: "body { font-family: Verdana, sans-serif; font-size: 18pt; line-height: 1.2; }\n"),
        ProfileCase("no line height", "", refusal: "1:1: mine.css sets no line height [style-line-height]",
                    body: "body { font-family: Verdana, sans-serif; font-size: 18pt; }\n"),
        ProfileCase("serif", "", refusal: "1:8: font-family: Georgia, serif does not end with sans-serif [style-font-family]",
                    body: "body { font-family: Georgia, serif; font-size: 18pt; line-height: 1.5; }\n"),
        ProfileCase("low contrast", ".note { color: #767676; }\n", refusal: "2:9: color: text #767676 on #ffffff in '.note' has a contrast [style-contrast]"),
    ]
}

@Suite("Checking: style rules") struct StyleRulesTests {
    static let styles = LargePrintWriterTests.styles

    /// The first error `check` reports in `css` as `Styles/mine.css`, as `line:column: message [rule]`.
    static func checkError(_ css: String) -> Diagnostic? {
        Checker().check(styleSheets: ["Styles/mine.css": css]).first { $0.severity == .error }
    }

    @Test("check and build agree on every profile of issue 13", arguments: ProfileCase.all)
    func checkAndBuildAgree(_ item: ProfileCase) throws {
        let found = Self.checkError(item.css)
        var sheets = try StyleSet(projectFolder: Self.styles, base: Self.styles).sheets
        sheets["mine.css"] = item.css
        let built = Result { try StyleProfile(name: "mine", styles: sheets, minimumBodySize: Thresholds.largePrintMinimumPoints) }
        guard let refusal = item.refusal else {
            #expect(found == nil, "check: \(found?.formatted ?? "")")
            #expect(throws: Never.self) { try built.get() }
            // And the writer makes the page with it.
            let guide = try EPUBWriterTests.fixture("everything.md")
            #expect(throws: Never.self) { try LargePrintWriter().write(guide, options: WriterOptions(styles: sheets, style: "mine", sourceDateEpoch: nil)) }
            return
        }
        let finding = try #require(found, "check reports nothing")
        let (place, rest) = (refusal.prefix { $0 != " " }.dropLast(), refusal.drop { $0 != " " }.dropFirst())
        let rule = rest.split(separator: "[").last.map { String($0.dropLast()) }
        let message = rest.split(separator: "[").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        #expect("\(finding.location.line):\(finding.location.column)" == place)
        #expect(finding.message.hasPrefix(message), "\(finding.message)")
        #expect(finding.rule == rule)
        do {
            _ = try built.get()
            Issue.record("build accepted a profile that check refuses")
        } catch let problem as StyleProfile.Problem {
            #expect(problem.description.hasPrefix("Styles/mine.css:\(place): \(message)"), "\(problem)")
            #expect(problem.description.hasSuffix("[\(rule ?? "")]"))
        }
    }

    @Test func theRefusalNamesFileLineAndProperty() throws {
        let css = "body { font-family: Verdana, sans-serif; font-size: 18pt; line-height: 1.5; }\np { text-align: justify; }\n"
        #expect(throws: StyleProfile.Problem.self) { try StyleProfile(name: "mine", styles: ["mine.css": css], minimumBodySize: 16) }
        do {
            _ = try StyleProfile(name: "mine", styles: ["mine.css": css], minimumBodySize: 16)
        } catch {
            #expect("\(error)".hasPrefix("Styles/mine.css:2:5: text-align: justify is not allowed: "))
        }
    }

    @Test func everyShippedSheetPassesCheckAndEveryProfileBuilds() throws {
        let sheets = try StyleSet(projectFolder: Self.styles, base: Self.styles).sheets
        #expect(sheets.count >= 6)
        let shown = Dictionary(uniqueKeysWithValues: sheets.map { ("Styles/\($0.key)", $0.value) })
        let findings = Checker().check(styleSheets: shown)
        #expect(findings.filter { $0.severity == .error }.isEmpty, "\(findings.map(\.formatted))")
        for (name, size) in [("large-print", 18.0), ("large-print-16", 16), ("giant-print", 24)] {
            #expect(try StyleProfile(name: name, styles: sheets, minimumBodySize: Thresholds.largePrintMinimumPoints).bodySize == size)
        }
        #expect(try StyleProfile(name: "easy-read", styles: sheets, minimumBodySize: Thresholds.easyReadMinimumPoints).bodySize == 16)
    }

    @Test func printCSSIsNoLongerRefusedAtItsHyphens() throws {
        let sheets = try StyleSet(projectFolder: Self.styles, base: Self.styles).sheets
        let print = try #require(sheets["print.css"])
        // Its rules, after a profile's body rule, make a profile both check and build accept.
        let css = ProfileCase.body + print
        #expect(Self.checkError(css) == nil)
        #expect(throws: Never.self) { try StyleProfile(name: "mine", styles: ["mine.css": css], minimumBodySize: 16) }
        // On its own it is the shared base, not a profile: refused for that, at its first line.
        do {
            _ = try StyleProfile(name: "print", styles: sheets, minimumBodySize: 16)
            Issue.record("print.css was accepted as a profile")
        } catch {
            #expect("\(error)".hasPrefix("Styles/print.css:1:1: Styles/print.css is a style sheet, not a style profile"), "\(error)")
        }
    }

    @Test func aProfileOfOneKindUsedForAnotherIsHeldToTheFormatsSize() throws {
        let css = "body { font-family: Verdana, sans-serif; font-size: 14pt; line-height: 1.5; }\n"
        #expect(throws: Never.self) { try StyleProfile(name: "easy-read", styles: ["easy-read.css": css], minimumBodySize: Thresholds.easyReadMinimumPoints) }
        #expect(throws: StyleProfile.Problem.self) { try StyleProfile(name: "easy-read", styles: ["easy-read.css": css], minimumBodySize: Thresholds.largePrintMinimumPoints) }
    }

    // MARK: - The one reader

    @Test func declarationsCarryTheirPlaceThroughCommentsStringsAndMedia() throws {
        let css = """
            /* a comment with { braces } and a "quote */
            @import url("base.css");
            .a::before { content: "/* not a comment */ {"; color: #000 !important; }
            @media print {
              @supports (display: grid) { body { font-size: 18pt; } }
            }
            @page :first { margin: 2cm; }
            .b\\{ { content: "\\"; x: 1"; hyphens: auto; }

            """
        let sheet = StyleSheet(path: "Styles/mine.css", text: css)
        #expect(sheet.rules.map(\.selectors) == [[".a::before"], ["body"], ["@page :first"], [".b\\{"]])
        let first = sheet.rules[0]
        #expect(first.declarations.map(\.property) == ["content", "color"])
        #expect(first.declarations[1].value == "#000")
        #expect(first.declarations[1].location.description == "Styles/mine.css:3:48")
        #expect(sheet.rules[1].conditions == ["@media print", "@supports (display: grid)"])
        #expect(sheet.rules[1].declarations[0].location.description == "Styles/mine.css:5:38")
        #expect(sheet.rules[2].atRule == "@page")
        #expect(sheet.rules[3].declarations.map(\.property) == ["content", "hyphens"])
        // A size inside @media is checked, but the writers print with the one outside it.
        #expect(sheet.bodyText.declaration == nil)
    }

    static let fontShorthands: [(String, style: String?, size: String?, lineHeight: String?, family: String?)] = [
        ("italic 18pt Verdana, sans-serif", "italic", "18pt", nil, "Verdana, sans-serif"),
        ("bold 700 18pt/1.5 \"DejaVu Sans\", sans-serif", nil, "18pt", "1.5", "\"DejaVu Sans\", sans-serif"),
        ("oblique 10deg small-caps 1.5em / 2 serif", "oblique", "1.5em", "2", "serif"),
        ("inherit", nil, nil, nil, nil),
        ("caption", nil, nil, nil, nil),
    ]

    @Test(arguments: fontShorthands.indices)
    func theFontShorthandIsReadPartByPart(_ index: Int) {
        let (value, style, size, lineHeight, family) = Self.fontShorthands[index]
        let declaration = StyleSheet.Declaration(property: "font", value: value, location: Location(file: "x.css", line: 1, column: 1))
        #expect(declaration.value(for: "font-style") == style)
        #expect(declaration.value(for: "font-size") == size)
        #expect(declaration.value(for: "line-height") == lineHeight)
        #expect(declaration.value(for: "font-family") == family)
    }

    @Test func aShorthandThatLeavesAPartOutResetsIt() {
        let sheet = StyleSheet(path: "Styles/mine.css", text: "body { line-height: 1.5; font: 18pt Verdana, sans-serif; }\np { font: inherit; }\n")
        #expect(sheet.rules[0].setting("line-height")?.value == "normal")
        #expect(sheet.rules[0].setting("font-style")?.value == "normal")
        #expect(sheet.rules[1].setting("line-height")?.value == "inherit")
        #expect(sheet.bodyText.points == 18)
    }

    @Test func bodySizeFollowsTheRoot() {
        #expect(StyleSheet(path: "a.css", text: "html { font-size: 150%; }\nbody { font-size: 1.25rem; }\n").bodyText.points == 22.5)
        #expect(StyleSheet(path: "a.css", text: "body { font-size: 24px; }\n").bodyText.points == 18)
        #expect(StyleSheet(path: "a.css", text: ":root { --size: 20pt; }\nbody { font-size: var(--size); }\n").bodyText.points == 20)
        #expect(StyleSheet(path: "a.css", text: "p { font-size: 30pt; }\n").bodyText.points == 12)
    }

    @Test func selectorsAreLinksByTheElementTheyStyle() {
        for link in ["a", "A", "a:hover", "a:focus", "a:visited", "a[href]", "a[href^=\"tel:\"]", "nav a.phone", ".note > a", ":link", "p :any-link"] {
            #expect(StyleUnderlineRule.isLink(link), "\(link)")
        }
        for other in ["aside", "abbr", "article", "address", "a span", "a > em", ".a", "#a", "a + p"] {
            #expect(!StyleUnderlineRule.isLink(other), "\(other)")
        }
    }

    @Test func oneColourTypeReadsEveryNotation() throws {
        let white = Colour.white
        #expect(Colour(css: "#fff") == white)
        #expect(Colour(css: "rgb(255 255 255)") == white)
        #expect(Colour(css: "hsl(0, 0%, 100%)") == white)
        let navy = try #require(Colour(css: "hsl(240deg 100% 25.1%)"))
        #expect(navy.description == "#000080")
        #expect(try #require(Colour(css: "hsla(120, 100%, 25%, 0.5)")).alpha == 0.5)
        #expect(Colour(css: "color-mix(in srgb, red, blue)") == nil)
    }

    /// A sheet is user input: a colour that cannot be read is skipped, never a crash (the settings
    /// fuzzer found `rgb)(`), and numbers out of range are clamped as CSS Color 4 says.
    @Test func aColourThatCannotBeReadIsSkipped() throws {
        for text in ["rgb)(", "hsl)(", "rgba)1 2 3(", "rgb(nan 0 0)", "rgb(1e400 0 0)", "hsl(1e400 50% 50%)", "hsl(0 nan% 50%)"] {
            #expect(Colour(css: text) == nil, "\(text)")
        }
        let clamped = try #require(Colour(css: "rgb(300 -20 1e300 / 2)"))
        #expect(clamped == Colour(red: 255, green: 0, blue: 255, alpha: 1))
        #expect(clamped.description == "#ff00ff")
        #expect(Colour(red: .nan, green: .infinity, blue: 1e300).description == "#0000ff")
    }
}
