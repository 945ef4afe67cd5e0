import Foundation
import Testing
@testable import Waymark
import WaymarkModel

@Suite("Writing: large print") struct LargePrintWriterTests {
    static let styles = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Styles")

    static func options(style: String? = nil, replacing: [String: String] = [:]) throws -> WriterOptions {
        var sheets = try StyleSet(projectFolder: styles, base: styles).sheets
        sheets.merge(replacing) { _, new in new }
        return WriterOptions(styles: sheets, style: style, sourceDateEpoch: nil)
    }

    static func html(style: String? = nil) throws -> String {
        let guide = try EPUBWriterTests.fixture("everything.md")
        let files = try LargePrintWriter().write(guide, options: try options(style: style))
        #expect(files.map(\.path) == ["everything-large-print.html"])
        return String(decoding: files[0].bytes, as: UTF8.self)
    }

    @Test func golden() throws {
        let guide = try EPUBWriterTests.fixture("everything.md")
        let files = try LargePrintWriter().write(guide, options: try Self.options())
        try Fixtures.expectGolden(files[0].bytes, "large-print/everything-large-print.html")
    }

    @Test func selfContainedWithNoScriptOrRemoteResource() throws {
        let html = try Self.html()
        #expect(!html.contains("<script"))
        #expect(!html.contains("<link"))
        #expect(!html.contains("src=\"http"))
        #expect(!html.contains("url("))
        #expect(html.contains("src=\"data:image/svg+xml;base64,"))
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en-GB\">"))
    }

    @Test func screenAndPrintFeatures() throws {
        let html = try Self.html()
        #expect(html.contains(##"<a class="skip-link" href="#main">Skip to the guide</a>"##))
        #expect(html.contains(#"<nav class="page contents" aria-labelledby="contents-title">"#))
        #expect(html.contains(#"<meta name="waymark-body-size" content="18pt">"#))
        #expect(html.contains(#"<a href="tel:08001111" class="phone" aria-label="0 8 0 0, 1 1 1 1">0800 1111</a>"#))
        #expect(html.contains(#"<th scope="col">Who</th>"#))
        // Each cell carries its header's words, for the one-card-per-row layout of a narrow screen.
        #expect(html.contains(#"<td data-label="Who">"#))
        #expect(html.contains(#"<abbr title="child sexual exploitation">CSE</abbr>"#))
        #expect(html.contains(#"counter(page) " of " counter(pages)"#))
        #expect(html.contains("font-size: 18pt; color: #000000; }"))
        #expect(html.components(separatedBy: #"<div class="ruled-line"></div>"#).count - 1 == 4)
        // The urgent box comes first in its chapter.
        let chapter = try #require(html.range(of: #"<h2 id="getting-help">Getting help</h2>"#))
        #expect(html[chapter.upperBound...].hasPrefix(#"<div class="urgent" role="note""#))
    }

    @Test func profilesChooseTheSize() throws {
        #expect(try Self.html(style: "giant-print").contains(#"content="24pt""#))
        #expect(try Self.html(style: "large-print-16").contains(#"content="16pt""#))
        #expect(throws: WriterError.self) { try Self.html(style: "no-such-profile") }
    }

    static let badProfiles: [(String, String, String)] = [
        ("justified", "body { font-family: Verdana, sans-serif; font-size: 18pt; line-height: 1.5; color: #000; background-color: #fff; }\np { text-align: justify; }\n", "Styles/bad.css:2:5: text-align: justify is not allowed"),
        ("12 pt", "body { font-family: Verdana, sans-serif; font-size: 12pt; line-height: 1.5; color: #000; background-color: #fff; }\n", "Styles/bad.css:1:42: font-size: 12pt is too small"),
        ("low contrast", "body { font-family: Verdana, sans-serif; font-size: 18pt; line-height: 1.5; color: #777777; background-color: #ffffff; }\n", "Styles/bad.css:1:77: color: text #777777 on #ffffff in 'body' has a contrast of 4.48:1"),
        ("serif", "body { font-family: Georgia, serif; font-size: 18pt; line-height: 1.5; color: #000; background-color: #fff; }\n", "Styles/bad.css:1:8: font-family: Georgia, serif does not end with sans-serif"),
        ("tight lines", "body { font-family: Verdana, sans-serif; font-size: 18pt; line-height: 1.2; color: #000; background-color: #fff; }\n", "Styles/bad.css:1:59: line-height: 1.2 is too tight"),
        ("italics", "body { font-family: Verdana, sans-serif; font-size: 18pt; line-height: 1.5; color: #000; background-color: #fff; }\nem { font-style: italic; }\n", "Styles/bad.css:2:6: font-style: italic is not allowed"),
        ("underlined emphasis", "body { font-family: Verdana, sans-serif; font-size: 18pt; line-height: 1.5; color: #000; background-color: #fff; }\nstrong { text-decoration: underline; }\n", "Styles/bad.css:2:10: text-decoration: underline is not allowed on 'strong': underline is only for links"),
        ("two columns", "body { font-family: Verdana, sans-serif; font-size: 18pt; line-height: 1.5; color: #000; background-color: #fff; }\nmain { column-count: 2; }\n", "Styles/bad.css:2:8: column-count: 2 is not allowed: 'main' must be a single column"),
        ("pale urgent box", "body { font-family: Verdana, sans-serif; font-size: 18pt; line-height: 1.5; color: #000; background-color: #fff; }\n.urgent { background-color: #666666; }\n", "Styles/bad.css:2:11: background-color: text #000000 on #666666 in '.urgent' has a contrast"),
    ]

    @Test(arguments: badProfiles.indices)
    func badProfileIsRefusedNamingFileAndProperty(_ index: Int) throws {
        let (name, css, message) = Self.badProfiles[index]
        let guide = try EPUBWriterTests.fixture("everything.md")
        do {
            _ = try LargePrintWriter().write(guide, options: try Self.options(style: "bad", replacing: ["bad.css": css]))
            Issue.record("\(name): the profile was accepted")
        } catch let error as WriterError {
            #expect(error.message.contains(message), "\(name): \(error.message)")
        }
    }

    @Test func everyShippedProfileIsValid() throws {
        let sheets = try StyleSet(projectFolder: Self.styles, base: Self.styles).sheets
        for name in ["large-print", "large-print-16", "giant-print"] {
            let profile = try StyleProfile(name: name, styles: sheets, minimumBodySize: LargePrintWriter.profileUse.minimumBodySize)
            #expect(profile.bodySize >= 16)
        }
    }

    @Test func gatheredServicesNeverShareANameWithAChapter() throws {
        let guide = try GuideFolder().read(frontMatter() + "# Who can help\n\n:::contact\nname: Childline\nphone: 0800 1111\n:::\n")
        #expect(GuideText.helpTitle(for: guide, .english) == "All the services in this guide")
        let html = String(decoding: try LargePrintWriter().write(guide, options: try Self.options())[0].bytes, as: UTF8.self)
        #expect(html.contains(#"<h2 id="who-can-help-2">Who can help</h2>"#))
        #expect(html.contains(#"<h2 id="who-can-help">All the services in this guide</h2>"#))
        let plain = try GuideFolder().read(frontMatter() + "# Help\n\n:::contact\nname: Childline\nphone: 0800 1111\n:::\n")
        #expect(GuideText.helpTitle(for: plain, .english) == "Who can help")
    }

    @Test func contrastFollowsWCAG() {
        let black = Colour(css: "#000")!, white = Colour(css: "white")!
        #expect(abs(Colour.contrast(black, white) - 21) < 0.01)
        #expect(abs(Colour.contrast(Colour(css: "#777777")!, white) - 4.48) < 0.01)
        #expect(Colour(css: "rgb(0, 55, 122)") == Colour(css: "#00377a"))
        #expect(Colour(css: "hsl(0,0%,0%)") == black)
        #expect(Colour(css: "lab(20% 0 0)") == nil)
    }

    @Test func cssStringsAreEscaped() {
        #expect(PrintDocument.cssString("A “quote” – </style>") == #""A \201c quote\201d  \2013  \3c /style\3e ""#)
    }
}
