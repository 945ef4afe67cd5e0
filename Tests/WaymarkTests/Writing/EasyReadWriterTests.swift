import Foundation
import Testing
@testable import Waymark
import WaymarkModel
import WaymarkZip

@Suite("Writing: easy read") struct EasyReadWriterTests {
    static func pictograms() throws -> PictogramSet {
        try PictogramSet.load(from: Fixtures.url("pictograms"))
    }

    static func easyGuide() throws -> Guide {
        EasyReadTransform.transform(try EPUBWriterTests.fixture("easy-read.md"), pictograms: try pictograms(), labels: .english)
    }

    static func files() throws -> [OutputFile] {
        var options = try LargePrintWriterTests.options()
        options.pictograms = try pictograms()
        return try EasyReadWriter().write(try EPUBWriterTests.fixture("easy-read.md"), options: options)
    }

    func rows(_ chapter: Chapter) -> [EasyReadRow] {
        chapter.blocks.flatMap { block -> [EasyReadRow] in
            if case .easyRead(let rows) = block.kind { return rows } else { return [] }
        }
    }

    @Test func goldenHTMLAndEditionDocuments() throws {
        let files = try Self.files()
        #expect(files.map(\.path) == ["easy-read-easy-read.html", "easy-read-easy-read.epub"])
        try Fixtures.expectGolden(files[0].bytes, "easy-read/easy-read.html")
        let entries = try ZipArchiveReader.entries(of: files[1].bytes)
        for (entry, golden) in [("EPUB/package.opf", "easy-read/easy-read.opf"), ("EPUB/chapter-01.xhtml", "easy-read/easy-read-chapter-01.xhtml")] {
            let bytes = try #require(entries.first { $0.path == entry }).bytes
            try Fixtures.expectGolden(bytes, golden)
        }
    }

    @Test func urgentBoxesLeadAndHelpEnds() throws {
        let guide = try Self.easyGuide()
        #expect(guide.chapters.first?.heading == nil)
        guard case .callout(let urgent) = guide.chapters.first?.blocks.first?.kind else { Issue.record("no urgent box first"); return }
        #expect(urgent.kind == .urgent)
        #expect(guide.chapters.last?.heading?.id == "who-can-help")
        let help = rows(guide.chapters.last!)
        #expect(help.count == 1)
        #expect(help[0].picture?.resource == "pictograms/phone.svg")
        #expect(Inline.plainText(help[0].content) == "Childline\nCall 0800 1111.\nOpen: Any time.\nFree")
    }

    @Test func authoredRowsAreUsedWithTheAuthorsPictureFirst() throws {
        let rows = rows(try Self.easyGuide().chapters[1])
        #expect(rows.count == 3)
        #expect(rows.allSatisfy { !$0.generated })
        // The author's own picture wins and keeps its alt text.
        #expect(rows[0].picture?.alt == "Two people talking")
        // Chosen from the words: "school" gives the school pictogram, a phone number the phone one.
        #expect(rows[1].picture?.resource == "pictograms/school.svg")
        #expect(rows[1].picture?.isDecorative == true)
        #expect(rows[2].picture?.resource == "pictograms/phone.svg")
        // A hard word is in bold and explained in the same row.
        #expect(Inline.plainText(rows[2].content).hasSuffix("\nAdvocate means someone who helps you say what you think."))
    }

    @Test func chaptersWithoutRowsAreGeneratedOneSentenceARow() throws {
        let rows = rows(try Self.easyGuide().chapters[2])
        #expect(rows.allSatisfy { $0.generated })
        #expect(rows.map { Inline.plainText($0.content) } == [
            "The National Society for the Prevention of Cruelty to Children can help.",
            "Call them any time.",
            "Ring 0808 800 5000.",
            "Tell them what is wrong.",
        ])
        #expect(rows[1].picture?.resource == "pictograms/phone.svg")
        #expect(rows[3].picture == nil)
        // Each generated row points at its sentence in the guide.
        #expect(rows[1].location.line == 32)
        #expect(rows[1].location.column == 21)
    }

    @Test func htmlShowsEachSentenceOnItsOwnLine() throws {
        let html = String(decoding: try Self.files()[0].bytes, as: UTF8.self)
        #expect(html.contains(#"<div class="row-words"><p>An <strong>advocate</strong> can help you.</p><p>Call Childline on <a href="tel:08001111" class="phone" aria-label="0 8 0 0, 1 1 1 1">0800 1111</a>.</p><p><strong>Advocate</strong> means someone who helps you say what you think.</p></div>"#))
        #expect(html.contains(#"<meta name="waymark-body-size" content="16pt">"#))
        #expect(!html.contains("<abbr"))
    }

    @Test func editionSaysItIsEasyReadAndCarriesItsPictures() throws {
        let entries = try ZipArchiveReader.entries(of: try Self.files()[1].bytes)
        let opf = String(decoding: try #require(entries.first { $0.path == "EPUB/package.opf" }).bytes, as: UTF8.self)
        #expect(opf.contains("<dc:title>Talking to someone (Easy read)</dc:title>"))
        #expect(opf.contains("This is the easy-read version"))
        #expect(entries.contains { $0.path == "EPUB/images/pictogram-school.svg" })
    }

    @Test func editionIsTitledEasyReadEverywhere() throws {
        let files = try Self.files()
        let title = GuideText.editionTitle("Talking to someone", edition: Labels.english(.easyRead), .english)
        #expect(title == "Talking to someone (Easy read)")
        let html = String(decoding: files[0].bytes, as: UTF8.self)
        #expect(html.contains("<title>\(title)</title>"))
        #expect(html.contains("<h1>\(title)</h1>"))
        var entries: [String: String] = [:]
        for entry in try ZipArchiveReader.entries(of: files[1].bytes) { entries[entry.path] = String(decoding: entry.bytes, as: UTF8.self) }
        #expect(entries["EPUB/package.opf"]?.contains("<dc:title>\(title)</dc:title>") == true)
        #expect(entries["EPUB/title.xhtml"]?.contains(#"<h1 id="title">\#(title)</h1>"#) == true)
        #expect(entries["EPUB/cover.xhtml"]?.contains(#"alt="Cover: \#(title)""#) == true)
        #expect(entries["EPUB/images/cover.svg"]?.contains("<title>Cover: \(title)</title>") == true)
        #expect(entries["EPUB/images/cover.svg"]?.contains(#"font-weight="bold">(Easy read)</text>"#) == true)
        // Every content document's <title> ends with the edition's title, the nav's too.
        for (path, text) in entries where path.hasSuffix(".xhtml") {
            let documentTitle = text.firstRange(of: "<title>").flatMap { start in
                text.firstRange(of: "</title>").map { String(text[start.upperBound..<$0.lowerBound]) }
            }
            #expect(documentTitle?.hasSuffix(title) == true, "\(path): \(documentTitle ?? "no title")")
        }
        // The contents name no title page by the plain title: they start with the first chapter.
        #expect(entries["EPUB/nav.xhtml"]?.contains(#"<a href="title.xhtml">"#) == false)
    }

    @Test func bothBooksOfAGuideHaveTheSameCoverPicture() throws {
        var options = try LargePrintWriterTests.options()
        options.pictograms = try Self.pictograms()
        // Its first picture (a phone) is in a chapter that easy read shows as rows of its own.
        let guide = try EPUBWriterTests.fixture("everything.md")
        func picture(_ epub: [UInt8]) throws -> Substring {
            let svg = String(decoding: try #require(try ZipArchiveReader.entries(of: epub).first { $0.path == "EPUB/images/cover.svg" }).bytes, as: UTF8.self)
            // The picture's own elements, after the group that places it (the title's lines move it).
            let start = try #require(svg.firstRange(of: "<g transform="))
            let drawing = svg[start.upperBound...]
            return drawing[try #require(drawing.firstRange(of: ">")).upperBound...]
        }
        let easy = try #require(try EasyReadWriter().write(guide, options: options).last)
        let plain = try #require(try EPUBWriter().write(guide, options: options).first)
        #expect(try picture(easy.bytes) == picture(plain.bytes))
        // The easy-read version alone would give another picture: its rows replace the chapter's own.
        let easyGuide = EasyReadTransform.transform(guide, pictograms: options.pictograms, labels: .english)
        #expect(Cover.picture(for: easyGuide, pictograms: options.pictograms) != Cover.picture(for: guide, pictograms: options.pictograms))
    }

    @Test func sentenceSplitterKeepsTimesAndPlaces() {
        let location = Location(file: "g.md", line: 3, column: 5)
        let sentences = SentenceSplitter.sentences([Inline(.text("Open at 8.30am. Call now! Why? Yes"), at: location)])
        #expect(sentences.map(Inline.plainText) == ["Open at 8.30am.", "Call now!", "Why?", "Yes"])
        #expect(sentences.map { $0[0].location.column } == [5, 21, 31, 36])
    }

    /// A row's words are found on the bytes of ASCII text (issue #23); they are the words a
    /// character at a time finds, for seeded texts with apostrophes, capitals, digits and breaks.
    @Test func asciiRowWordsAreTheCharactersOwn() {
        let pieces = ["Call", "0800", "1111", "don't", "'", "GP's", " ", "\r\n", "-", ".", "Meeting", "x", "!", "\t", "A1b2"]
        var random = SeededPicks(state: 11)
        for _ in 0..<2000 {
            let text = (0..<random.next(10)).map { _ in pieces[random.next(pieces.count)] }.joined()
            #expect(PictogramSet.words(in: text) == PictogramSet.wordsByCharacter(in: text), "\(text.debugDescription)")
        }
        #expect(PictogramSet.words(in: "Ffôn’s") == ["ffôn’s"])
    }
}
