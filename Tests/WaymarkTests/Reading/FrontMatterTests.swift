import Testing
@testable import Waymark
import WaymarkModel

@Suite("Reading: front matter") struct FrontMatterTests {
    @Test func everyKeyIsRead() throws {
        let folder = try GuideFolder()
        let guide = try folder.read("""
            ---
            title: Going to a Child Protection Conference
            subtitle: A guide for young people
            language: en-GB
            audience: Young people aged 11 to 17
            reading-age: 9
            publisher: Warwickshire Safeguarding
            published: 2026-11-01
            review-by: 2027-11-01
            version: "2.1"
            identifier: urn:uuid:5f0c3a1e-0000-4000-8000-000000000001
            summary: >
              What a child protection conference is,
              and how you can have your say.
            keywords: [child protection, conference, advocate]
            cover: pictures/meeting.svg
            formats: [epub, text]
            glossary:
              advocate: Someone who helps you say what you think.
              confidential: Kept private.
            abbreviations:
              CSE: child sexual exploitation
            checks:
              sentence-length: {max: 20}
              italics: off
            ---

            # Start

            Text.
            """)
        let metadata = guide.metadata
        #expect(metadata.title == "Going to a Child Protection Conference")
        #expect(metadata.subtitle == "A guide for young people")
        #expect(metadata.language == "en-GB")
        #expect(metadata.audience == "Young people aged 11 to 17")
        #expect(metadata.readingAge == 9)
        #expect(metadata.publisher == "Warwickshire Safeguarding")
        #expect(metadata.published == GuideDate(year: 2026, month: 11, day: 1))
        #expect(metadata.reviewBy == GuideDate(year: 2027, month: 11, day: 1))
        #expect(metadata.version == "2.1")
        #expect(metadata.identifier == "urn:uuid:5f0c3a1e-0000-4000-8000-000000000001")
        #expect(metadata.summary == "What a child protection conference is, and how you can have your say.")
        #expect(metadata.keywords == ["child protection", "conference", "advocate"])
        #expect(metadata.cover?.resource == "pictures/meeting.svg")
        #expect(metadata.formats == ["epub", "text"])
        #expect(metadata.glossary.map(\.term) == ["advocate", "confidential"])
        #expect(metadata.glossary[0].location == Location(file: "Guides/guide.md", line: 19, column: 3))
        #expect(metadata.abbreviations.map(\.abbreviation) == ["CSE"])
        #expect(metadata.abbreviations[0].expansion == "child sexual exploitation")
        #expect(metadata.checks.map(\.rule) == ["sentence-length", "italics"])
        #expect(metadata.checks[0].parameters == ["max": 20])
        #expect(metadata.checks[1].enabled == false)
        #expect(guide.resources["pictures/meeting.svg"]?.mediaType == "image/svg+xml")
    }

    @Test func glossaryKeepsSourceOrder() throws {
        let terms = ["zebra", "apple", "mango", "kiwi", "banana", "cherry"]
        let lines = terms.map { "  \($0): The word \($0)." }.joined(separator: "\n")
        let guide = try GuideFolder().read(frontMatter("glossary:\n\(lines)\n") + "Text.\n")
        #expect(guide.metadata.glossary.map(\.term) == terms)
    }

    @Test func crlfAndByteOrderMarkAreValid() throws {
        let text = frontMatter() + "# Chapter\n\nCall 0800 1111.\n"
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)
        let folder = try GuideFolder()
        let url = try folder.write("crlf.md", bytes: bytes)
        let guide = try GuideReader(guidesRoot: folder.root).read(file: url, displayPath: "Guides/crlf.md")
        #expect(guide.metadata.title == "Test guide")
        #expect(guide.chapters.count == 1)
        let paragraph = try #require(guide.chapters[0].blocks.first)
        #expect(paragraph.location.line == 11)
        guard case .paragraph(let inlines) = paragraph.kind else { Issue.record("not a paragraph"); return }
        #expect(inlines.contains { if case .phone = $0.kind { return true } else { return false } })
    }

    @Test func rightToLeftLanguages() {
        for (tag, rtl) in [("ar", true), ("ur-PK", true), ("he", true), ("en-GB", false), ("cy", false)] {
            let metadata = Metadata(title: "t", language: tag, publisher: "p", published: GuideDate(year: 2026, month: 1, day: 1), summary: "s")
            #expect(metadata.isRightToLeft == rtl, "\(tag)")
        }
    }

    @Test func billionLaughsIsRefusedFast() throws {
        let yaml = """
            ---
            title: Laughs
            language: en-GB
            publisher: p
            published: 2026-11-01
            summary: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
            keywords: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
            version: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
            audience: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
            subtitle: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
            cover: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
            identifier: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
            ---
            Text.
            """
        let errors = try GuideFolder().errors(yaml)
        #expect(errors.positions == ["6:10"])
        #expect(errors.first?.message.contains("anchor") == true)
    }

    @Test(arguments: [
        ("summary: \"a *starred* word & more\"\n", true),
        ("summary: Tom & Jerry\n", true),
        ("summary: >\n  * not an alias, block text\n", true),
        ("summary: 'single *quoted*'\n", true),
        ("keywords: [a, *b]\n", false),
        ("keywords:\n  - *b\n", false),
        ("glossary: &g\n  a: b\n", false),
        ("summary:\t&a x\nkeywords: [*a]\n", false),
        ("keywords: [\t*a]\n", false),
        ("summary: !!str &a x\n", false),
        ("? &k key\n: value\n", false),
    ])
    func onlyRealAnchorsAreRefused(yamlText: String, valid: Bool) throws {
        let source = try SourceText(file: "t.yml", bytes: Array(yamlText.utf8))
        let refused: Bool
        do {
            _ = try YAMLReader(source: source, lineOffset: 0).compose(yamlText)
            refused = false
        } catch {
            refused = true
        }
        #expect(refused == !valid, "\(yamlText)")
    }

    @Test func aBillionLaughsWithTabsIsRefusedAtTheFirstAnchor() throws {
        var lines = ["a:\t&a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]"]
        for (index, name) in "bcdefghijklmnop".enumerated() {
            let previous = index == 0 ? "a" : String(Array("bcdefghijklmnop")[index - 1])
            lines.append("\(name):\t&\(name) [" + Array(repeating: "\t*\(previous)", count: 9).joined(separator: ",") + "]")
        }
        lines.append("? *p\n: x")
        let text = lines.joined(separator: "\n") + "\n"
        let source = try SourceText(file: "t.yml", bytes: Array(text.utf8))
        #expect(throws: GuideReadFailure.self) { _ = try YAMLReader(source: source, lineOffset: 0).compose(text) }
        do {
            _ = try YAMLReader(source: source, lineOffset: 0).compose(text)
        } catch {
            #expect(error.diagnostics.first.map { "\($0.location.line):\($0.location.column)" } == "1:4")
        }
    }

    @Test(arguments: ["\\0", "\\f", "\\e", "\\x01", "\\u0085", "\\x7F"])
    func aControlCharacterFromAYAMLEscapeIsRefused(escape: String) throws {
        let guide = frontMatter().replacingOccurrences(of: "title: Test guide", with: "title: \"Staying safe\(escape)}} body{x}\"") + "Text.\n"
        let errors = try GuideFolder().errors(guide)
        #expect(errors.positions == ["2:8"])
        #expect(errors.first?.message.contains("control character") == true)
    }

    @Test func datesAreChecked() {
        #expect(FrontMatterReader.parseDate("2026-02-29") == nil)
        #expect(FrontMatterReader.parseDate("2028-02-29") == GuideDate(year: 2028, month: 2, day: 29))
        #expect(FrontMatterReader.parseDate("1/11/2026") == nil)
        #expect(FrontMatterReader.parseDate("2026-13-01") == nil)
    }
}
