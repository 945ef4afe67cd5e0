import Foundation
import Testing
@testable import Waymark
import WaymarkModel
import WaymarkZip

/// Every writer that explains words, on `Fixtures/guides/words-explained.md`: sentences that
/// define their own hard words (no explanation in brackets), a sentence that only uses one
/// (explained), an abbreviation next to its expansion (left as it is) and one starting a sentence
/// (written out with a capital), easy read explaining a word once in each row, and plain text
/// giving each service once in full. The rule is ``WordExplainer``'s; its own tests are in `Text/`.
@Suite("Writing: words explained once") struct WordsExplainedGoldenTests {
    static func guide() throws -> Guide {
        try EPUBWriterTests.fixture("words-explained.md")
    }

    @Test func goldenPlainText() throws {
        let files = try PlainTextWriter().write(try Self.guide(), options: WriterOptions())
        try Fixtures.expectGolden(files[0].bytes, "text/words-explained.txt")
    }

    @Test func goldenEPUBChapter() throws {
        let files = try EPUBWriter().write(try Self.guide(), options: try LargePrintWriterTests.options())
        let epub = try #require(files.first { $0.path.hasSuffix(".epub") })
        let entries = try ZipArchiveReader.entries(of: epub.bytes)
        let chapter = try #require(entries.first { $0.path == "EPUB/chapter-01.xhtml" })
        try Fixtures.expectGolden(chapter.bytes, "epub/words-explained-chapter-01.xhtml")
    }

    @Test func goldenEasyReadChapter() throws {
        var options = try LargePrintWriterTests.options()
        options.pictograms = try EasyReadWriterTests.pictograms()
        let files = try EasyReadWriter().write(try Self.guide(), options: options)
        let epub = try #require(files.first { $0.path.hasSuffix(".epub") })
        let entries = try ZipArchiveReader.entries(of: epub.bytes)
        let chapter = try #require(entries.first { $0.path == "EPUB/chapter-01.xhtml" })
        try Fixtures.expectGolden(chapter.bytes, "easy-read/words-explained-chapter-01.xhtml")
    }

    @Test func plainTextReadsEachCaseWell() throws {
        let bytes = try PlainTextWriter().write(try Self.guide(), options: WriterOptions())[0].bytes
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("\nOnline grooming is when someone uses the internet"))
        #expect(text.contains("You can bring a trusted adult. This is a grown-up"))
        #expect(text.contains("You can also have an advocate. An advocate is someone"))
        #expect(text.contains("This is called cyberbullying.\n"))
        #expect(text.contains("Ask your social worker (someone whose job is to help keep children safe) if you are not sure."))
        #expect(text.contains("Child sexual exploitation is sometimes called CSE. It is when someone"))
        #expect(text.contains("CSE is a kind of abuse."))
        #expect(text.contains("Children and young people's mental health services (CAMHS) can help"))
        // Each service once in full; elsewhere its name and where to find it.
        #expect(text.components(separatedBy: "Phone: 0800 1111").count == 2)
        #expect(text.contains("\nMore help\n\nChildline: see above, under “Who you can call”.\n"))
        #expect(text.contains("\nWho can help\n\nChildline and NSPCC: see above, under “Who you can call”.\n"))
    }

    @Test func easyReadExplainsOnceInEachRowUnlessTheRowDefinesIt() throws {
        let guide = EasyReadTransform.transform(try Self.guide(), pictograms: try EasyReadWriterTests.pictograms(), labels: .english)
        var rows: [String] = []
        guide.forEachBlock { block in
            if case .easyRead(let found) = block.kind { rows += found.map { Inline.plainText($0.content) } }
        }
        #expect(rows.contains("Grooming is when someone tricks you. Tell a trusted adult.\nTrusted adult means a grown-up you know and feel safe with, who will listen and help."))
        #expect(rows.contains("A trusted adult will listen to you.\nTrusted adult means a grown-up you know and feel safe with, who will listen and help."))
        #expect(rows.contains("Children and young people's mental health services can help you."))
        // The letters stay beside their expansion; the row does not define "exploitation", so it is explained.
        #expect(rows.contains("Child sexual exploitation is sometimes called CSE.\nExploitation is when someone uses another person unfairly to get something for themselves."))
    }
}
