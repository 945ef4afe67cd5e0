import Foundation
import Testing
@testable import Waymark
import WaymarkModel
import WaymarkXML

@Suite("Writing: EPUB cover and contents") struct EPUBCoverTests {
    /// A guide with `title` (quoted for YAML) and the given body.
    static func guide(title: String, subtitle: String? = nil, extra: String = "", body: String = "# One\n\nJust words.\n") throws -> Guide {
        let quoted = "'" + title.replacingOccurrences(of: "'", with: "''") + "'"
        return try GuideFolder().read("""
            ---
            title: \(quoted)
            \(subtitle.map { "subtitle: \($0)\n" } ?? "")language: en-GB
            publisher: Test Partnership
            published: 2026-11-01
            summary: A guide for the tests.
            \(extra)---

            \(body)
            """)
    }

    static func cover(_ entries: [String: String]) throws -> XMLElement {
        try XMLDocument.parse(Array(try #require(entries["EPUB/images/cover.svg"]).utf8))
    }

    static func elements(_ element: XMLElement, named name: String) -> [XMLElement] {
        (element.localName == name ? [element] : []) + element.children.flatMap { node -> [XMLElement] in
            if case .element(let child) = node { return elements(child, named: name) } else { return [] }
        }
    }

    // MARK: - The cover

    @Test func goldenCover() throws {
        let entries = try EPUBWriterTests.entries(try EPUBWriterTests.fixture("everything.md"))
        try Fixtures.expectGolden(Array(try #require(entries["EPUB/images/cover.svg"]).utf8), "epub/everything-cover.svg")
        try Fixtures.expectGolden(Array(try #require(entries["EPUB/cover.xhtml"]).utf8), "epub/everything-cover.xhtml")
        let rtl = try EPUBWriterTests.entries(try EPUBWriterTests.fixture("rtl-arabic.md"))
        try Fixtures.expectGolden(Array(try #require(rtl["EPUB/images/cover.svg"]).utf8), "epub/rtl-arabic-cover.svg")
    }

    @Test func coverIsDeclaredForEPUB3AndEPUB2ReadersAndReadFirst() throws {
        let entries = try EPUBWriterTests.entries(try EPUBWriterTests.fixture("everything.md"))
        let opf = try #require(entries["EPUB/package.opf"])
        #expect(opf.contains(#"<item id="cover-image" href="images/cover.svg" media-type="image/svg+xml" properties="cover-image"/>"#))
        #expect(opf.contains(#"<meta name="cover" content="cover-image"/>"#))
        #expect(opf.contains(#"<spine><itemref idref="cover" linear="yes"/><itemref idref="title"/>"#))
        let page = try #require(entries["EPUB/cover.xhtml"])
        #expect(page.contains(#"<title>Cover – Everything in one guide</title>"#))
        #expect(page.contains(#"<section epub:type="cover"><img src="images/cover.svg" alt="Cover: Everything in one guide" role="doc-cover""#))
        let nav = try #require(entries["EPUB/nav.xhtml"])
        #expect(nav.contains(#"<li><a epub:type="cover" href="cover.xhtml">Cover</a></li><li><a epub:type="titlepage" href="title.xhtml">"#))
    }

    @Test func coverShowsTheWordsAndTheFirstPicture() throws {
        let svg = try Self.cover(try EPUBWriterTests.entries(try EPUBWriterTests.fixture("everything.md")))
        let lines = Self.elements(svg, named: "text").map(\.textContent)
        #expect(lines == ["Everything", "in one guide", "A fixture for the writers", "Test Safeguarding Partnership"])
        #expect(Self.elements(svg, named: "title").first?.textContent == "Cover: Everything in one guide")
        // The guide's first picture (phone.svg, the phone's button) is drawn, scaled into the cover.
        #expect(Self.elements(svg, named: "g").contains { $0.attribute("transform") == "translate(280 744) scale(6.4)" })
        #expect(Self.elements(svg, named: "circle").contains { $0.attribute("cx") == "50" && $0.attribute("cy") == "83" })
        #expect(Self.elements(svg, named: "title").count == 1)
    }

    @Test func coverUsesAPictogramWhenTheGuideHasNoPicture() throws {
        var options = try EPUBWriterTests.options()
        options.pictograms = try EasyReadWriterTests.pictograms()
        let guide = try Self.guide(title: "Talking on the phone")
        let picture = try #require(Cover.picture(for: guide, pictograms: options.pictograms))
        let phone = try #require(options.pictograms.entries.first { $0.file == "phone.svg" })
        #expect(picture == (try SVGSanitizer.sanitize(phone.bytes)))
        // Nothing chosen and no pictograms at all: a cover of words alone.
        #expect(Cover.picture(for: guide, pictograms: PictogramSet()) == nil)
    }

    @Test func coverPassesTheSanitiserUnchangedAndIsCalm() throws {
        let svg = Array(try #require(try EPUBWriterTests.entries(try EPUBWriterTests.fixture("everything.md"))["EPUB/images/cover.svg"]).utf8)
        #expect(try SVGSanitizer.sanitize(svg) == svg)
        let ink = try #require(Colour(css: Cover.ink))
        let paper = try #require(Colour(css: Cover.paper))
        #expect(Colour.contrast(ink, paper) >= 7)
        #expect(Cover.fontFamily.hasSuffix("sans-serif"))
        #expect(!String(decoding: svg, as: UTF8.self).contains("@font-face"))
    }

    @Test func everyValueFromTheGuideIsEscaped() throws {
        let hostile = #"<script>alert(1)</script>&"x' ]]>"#
        let guide = try Self.guide(title: hostile, subtitle: "'<b>&amp;'", extra: "")
        let entries = try EPUBWriterTests.entries(guide)
        let text = try #require(entries["EPUB/images/cover.svg"])
        #expect(!text.contains("<script>"))
        #expect(!text.contains("<b>"))
        let svg = try Self.cover(entries)
        let words = Self.elements(svg, named: "text").map(\.textContent)
        #expect(words.joined(separator: " ").hasPrefix(hostile))
        #expect(words.contains("<b>&amp;"))
        #expect(Self.elements(svg, named: "script").isEmpty)
        // The cover page's alt text reads back as the title, too.
        let page = try XMLDocument.parse(Array(try #require(entries["EPUB/cover.xhtml"]).utf8))
        #expect(Self.elements(page, named: "img").first?.attribute("alt") == "Cover: " + hostile)
        #expect(Self.elements(page, named: "title").first?.textContent == "Cover – " + hostile)
    }

    @Test(arguments: [
        "Bullying",
        "Going to a Child Protection Conference",
        "What happens when a social worker, a teacher, a doctor and the police all want to talk to you about something that happened at home",
        "Supercalifragilisticexpialidociousnessesandmorewordswithoutanyspaceatall in a title",
        String(repeating: "Very long words in a title that goes on ", count: 30),
        "子どもの安全について話しましょう 子どもの安全について話しましょう 子どもの安全について話しましょう",
    ])
    func longTitlesWrapInsideThePage(title: String) throws {
        for edition in [nil, Labels.english(.easyRead)] {
            let cover = Cover(title: title, edition: edition, subtitle: "A guide for young people in Warwickshire and beyond",
                              publisher: "Warwickshire Safeguarding Children Partnership", language: "en-GB", picture: nil)
            let layout = Cover.Layout(cover: cover)
            let measure = Double(Cover.width - 2 * Cover.margin)
            for line in layout.lines {
                #expect(Cover.width(line.text, size: Double(line.size), bold: line.bold) <= measure, "\(line.text) is too wide")
                #expect(line.baseline > Cover.band && line.baseline < Cover.height - Cover.band)
            }
            // Every word is there, in order, broken only at spaces unless a word is wider than the page.
            let drawn = layout.lines.filter(\.bold).map(\.text)
            let words = title.split(separator: " ").joined(separator: " ") + (edition.map { " " + GuideText.editionLabel($0, .english) } ?? "")
            if title.split(separator: " ").allSatisfy({ Cover.width(String($0), size: Cover.Layout.titleSize / 2, bold: true) <= measure }) {
                #expect(drawn.joined(separator: " ") == words)
            } else {
                #expect(drawn.joined().replacingOccurrences(of: " ", with: "") == words.replacingOccurrences(of: " ", with: ""))
            }
            // Lines go down the page without overlapping.
            let baselines = layout.lines.map(\.baseline)
            #expect(baselines == baselines.sorted())
            #expect(Set(baselines).count == baselines.count)
            // The edition's words start a line of their own.
            if let edition { #expect(drawn.last == GuideText.editionLabel(edition, .english)) }
        }
    }

    @Test func shortTitlesStayLargeAndLinesAreEven() {
        let layout = Cover.Layout(cover: Cover(title: "I don't feel safe", subtitle: nil, publisher: "Us", language: "en-GB", picture: nil))
        #expect(layout.scale == 1)
        #expect(layout.lines.filter(\.bold).map(\.text) == ["I don't", "feel safe"])
        #expect(Cover.wrap("one two three", size: 100, bold: false, measure: 10_000, breakWords: false) == ["one two three"])
        #expect(Cover.wrap("Averyveryverylongword", size: 100, bold: false, measure: 500, breakWords: false) == nil)
    }

    @Test func coverIsTheSameBytesEveryTime() throws {
        let cover = Cover(title: "Bullying", edition: Labels.english(.easyRead), subtitle: "What it is", publisher: "Us", language: "en-GB",
                          picture: try SVGSanitizer.sanitize(Array(try Data(contentsOf: Fixtures.url("guides/pictures/meeting.svg")))))
        #expect(try cover.svg() == cover.svg())
        #expect(Cover.number(4.48) == "4.48")
        #expect(Cover.number(-12.0004) == "-12")
        #expect(Cover.number(0.1 + 0.2) == "0.3")
    }

    @Test func aGuideThatNamesACoverKeepsItsOwn() throws {
        let guide = try Self.guide(title: "With a cover", extra: "cover: pictures/meeting.svg\n")
        let entries = try EPUBWriterTests.entries(guide)
        #expect(entries["EPUB/images/cover.svg"] == nil)
        let opf = try #require(entries["EPUB/package.opf"])
        #expect(opf.contains(#"<item id="cover-image" href="images/meeting.svg" media-type="image/svg+xml" properties="cover-image"/>"#))
        #expect(opf.contains(#"<meta name="cover" content="cover-image"/>"#))
        #expect(try #require(entries["EPUB/cover.xhtml"]).contains(#"<img src="images/meeting.svg" alt="Cover: With a cover""#))
        // Shown on the cover page, not again on the title page.
        #expect(!(try #require(entries["EPUB/title.xhtml"]).contains("<img")))
    }

    @Test func generatedCoverNeverTakesAPicturesName() throws {
        let folder = try GuideFolder()
        try folder.write("pictures/cover.svg", bytes: Array(try Data(contentsOf: Fixtures.url("guides/pictures/meeting.svg"))))
        let guide = try folder.read(frontMatter() + "# One\n\n![A meeting](pictures/cover.svg)\n")
        let entries = try EPUBWriterTests.entries(guide)
        let opf = try #require(entries["EPUB/package.opf"])
        #expect(opf.contains(#"<item id="cover-image" href="images/cover-2.svg" media-type="image/svg+xml" properties="cover-image"/>"#))
        #expect(opf.contains(#"<item id="image-1" href="images/cover.svg" media-type="image/svg+xml"/>"#))
    }

    // MARK: - Contents

    @Test func contentsStartWithTheFirstChapter() throws {
        let nav = try XMLDocument.parse(Array(try #require(try EPUBWriterTests.entries(try EPUBWriterTests.fixture("everything.md"))["EPUB/nav.xhtml"]).utf8))
        let toc = try #require(Self.elements(nav, named: "nav").first { $0.attribute("epub:type") == "toc" })
        let list = try #require(Self.elements(toc, named: "ol").first)
        let items = list.children.compactMap { node -> XMLElement? in if case .element(let li) = node { return li } else { return nil } }
        let hrefs = items.compactMap { Self.elements($0, named: "a").first?.attribute("href") }
        #expect(hrefs == ["chapter-01.xhtml", "chapter-02.xhtml", "who-can-help.xhtml", "glossary.xhtml"])
        let landmarks = try #require(Self.elements(nav, named: "nav").first { $0.attribute("epub:type") == "landmarks" })
        #expect(Self.elements(landmarks, named: "a").compactMap { $0.attribute("epub:type") }.prefix(2) == ["cover", "titlepage"])
    }

    @Test func contentsOfAGuideWithoutChaptersStillHaveAnItem() throws {
        let entries = try EPUBWriterTests.entries(try Self.guide(title: "Only words", body: "Just words, no headings.\n"))
        let nav = try #require(entries["EPUB/nav.xhtml"])
        #expect(nav.contains(#"<ol><li><a href="title.xhtml">Only words</a></li></ol>"#))
    }

    @Test func asciiIsMeasuredAsCharacterByCharacter() {
        var texts = (0..<128).map { String(UnicodeScalar(UInt8($0))) }
        texts += ["Going to a Child Protection Conference", "a\r\nb\r\r\n\n", "WWW @ 100% & mmm; (fij) [lrt]!", "", "x' | y,z."]
        for text in texts {
            for bold in [false, true] {
                #expect(Cover.width(text, size: 112, bold: bold) == Cover.widthByCharacter(text, size: 112, bold: bold), "\(text.debugDescription)")
            }
        }
    }

    /// The wrap as first written: every candidate line measured from its start.
    static func referenceWrap(_ text: String, size: Double, bold: Bool, measure: Double, breakWords: Bool) -> [String]? {
        var lines: [String] = []
        var line = ""
        for word in text.split(whereSeparator: \.isWhitespace).map(String.init) {
            let candidate = line.isEmpty ? word : line + " " + word
            if Cover.width(candidate, size: size, bold: bold) <= measure {
                line = candidate
                continue
            }
            if !line.isEmpty { lines.append(line) }
            line = ""
            guard Cover.width(word, size: size, bold: bold) > measure else { line = word; continue }
            guard breakWords else { return nil }
            for character in word {
                if !line.isEmpty, Cover.width(line + String(character), size: size, bold: bold) > measure {
                    lines.append(line)
                    line = ""
                }
                line.append(character)
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    /// The wrap measures a growing line by adding to its sum (issue #23); the lines are the
    /// ones measuring each candidate afresh gives, for seeded titles of ASCII and beyond, at
    /// every size the covers use and at measures where a line only just fits.
    @Test func growingLinesAreMeasuredAsAfresh() {
        let pieces = ["Going", "to", "a", "Child", "Protection", "Conference", "I", "don't", "feel", "safe", "(Easy", "read)",
                      "Keeping", "online", "WWW", "100%", "mmmmmmmmmmmmmmmmmmmmmmmmmmmmm", "Bwlio", "Ffôn", "ﻻ", "東京", "e\u{301}", "fij;lrt"]
        var random = SeededPicks(state: 8)
        for _ in 0..<400 {
            let text = (0..<(1 + random.next(9))).map { _ in pieces[random.next(pieces.count)] }.joined(separator: random.next(4) == 0 ? "  " : " ")
            let size = [112.0, 101, 91, 64, 56, 30][random.next(6)]
            let bold = random.next(2) == 0
            let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
            // A third of the time the measure is exactly the width of the first few words.
            let measure = random.next(3) == 0
                ? Cover.width(words.prefix(1 + random.next(words.count)).joined(separator: " "), size: size, bold: bold)
                : Cover.width(text, size: size, bold: bold) * (0.2 + Double(random.next(100)) / 100)
            for breakWords in [false, true] {
                let wrapped = Cover.greedyWrap(words, size: size, bold: bold, measure: measure, breakWords: breakWords)
                #expect(wrapped == Self.referenceWrap(text, size: size, bold: bold, measure: measure, breakWords: breakWords), "\(text)")
            }
        }
    }
}
