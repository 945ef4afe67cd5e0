import Foundation
import Testing
@testable import Waymark
import WaymarkModel

@Suite("Writing: plain text") struct PlainTextWriterTests {
    static func fixture() throws -> Guide {
        let root = Fixtures.url("guides")
        return try GuideReader(guidesRoot: root).read(file: root.appendingPathComponent("everything.md"), displayPath: "everything.md")
    }

    static func text(wrap: Int? = nil) throws -> String {
        let files = try PlainTextWriter().write(try fixture(), options: WriterOptions(wrap: wrap))
        #expect(files.map(\.path) == ["everything.txt"])
        return String(decoding: files[0].bytes, as: UTF8.self)
    }

    @Test func goldenOnePargraphALine() throws {
        let files = try PlainTextWriter().write(try Self.fixture(), options: WriterOptions())
        try Fixtures.expectGolden(files[0].bytes, "text/everything.txt")
    }

    @Test func goldenWrappedAt40() throws {
        let files = try PlainTextWriter().write(try Self.fixture(), options: WriterOptions(wrap: 40))
        try Fixtures.expectGolden(files[0].bytes, "text/everything-wrap-40.txt")
    }

    @Test func encodingIsUTF8NFCWithoutBOM() throws {
        let guide = try GuideFolder().read(frontMatter() + "Cafe\u{301} and “quotes”.\n")
        let bytes = try PlainTextWriter().write(guide, options: WriterOptions())[0].bytes
        #expect(!bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("Caf\u{E9} and"))
        #expect(text == text.precomposedStringWithCanonicalMapping)
        #expect(text.hasSuffix(".\n") && !text.hasSuffix("\n\n"))
    }

    @Test func noMarkupCharactersOrRules() throws {
        let text = try Self.text()
        for line in text.split(separator: "\n") {
            #expect(!line.hasPrefix("#") && !line.hasPrefix("==") && !line.hasPrefix("--") && !line.hasPrefix(">"), "\(line)")
            #expect(!line.contains("**") && !line.contains("*worrying*") && !line.contains("]("), "\(line)")
        }
    }

    @Test func urgentComesFirstInItsChapter() throws {
        let text = try Self.text()
        let chapter = try #require(text.range(of: "\nGetting help\n\n"))
        #expect(text[chapter.upperBound...].hasPrefix("Urgent: If you are in danger now, call 999."))
    }

    @Test func glossaryAndAbbreviationsExplainedOnFirstUseOnly() throws {
        let text = try Self.text()
        #expect(text.contains("talk to an advocate (someone who helps you say what you think). Your advocate is on your side."))
        #expect(text.contains("child sexual exploitation (CSE) and what CSE means"))
        #expect(text.contains("\nWords and what they mean\n\nadvocate: Someone who helps you say what you think.\n"))
    }

    @Test func picturesLinksAndContacts() throws {
        let text = try Self.text()
        #expect(text.contains("[Picture: A phone with a speech bubble]\nYou can call any time\n"))
        #expect(!text.contains("meeting"))
        #expect(text.contains("Read Childline's advice pages (https://www.childline.org.uk/info-advice/)."))
        #expect(text.contains("Email help@example.org or see https://www.example.org."))
        #expect(text.contains("Phone: 01926 414144 (Monday to Thursday 8.30am to 5.30pm, Friday 8.30am to 5pm)\nPhone: 999 (In an emergency)"))
        #expect(text.contains("\nWho can help\n\nChildline: see above, under “Ways to get in touch”.\n"))
        #expect(text.contains("Something to think about: People I can talk to"))
        // Easy-read rows belong to the easy-read format.
        #expect(!text.contains("You can call Childline on"))
    }

    @Test func wrappingNeverBreaksPhoneNumbersOrExceedsWidth() throws {
        let text = try Self.text(wrap: 40)
        for line in text.split(separator: "\n") {
            #expect(line.count <= 40 || !line.trimmingCharacters(in: .whitespaces).contains(" "), "\(line)")
            #expect(!line.hasSuffix(" 0800") && !line.hasSuffix(" 01926") && !line.hasPrefix("1111"), "\(line)")
        }
        #expect(text.contains("0800 1111"))
    }
}
