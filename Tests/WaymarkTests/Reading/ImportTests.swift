import Foundation
import Testing
@testable import Waymark
import WaymarkModel

/// `waymark import`'s readers: golden drafts of a small Word file and a small web page.
@Suite struct ImportTests {
    static let today = GuideDate(year: 2026, month: 12, day: 1)

    /// A fresh guides folder and an importer writing into it.
    static func importer() throws -> (Importer, URL) {
        let folder = TestTemporary.url("import").appendingPathComponent("Guides")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("pictures"), withIntermediateDirectories: true)
        return (Importer(guidesFolder: folder, guidesDisplay: "Guides", today: today), folder)
    }

    /// The notes as the command lists them, with the draft line of each.
    static func listing(_ draft: Importer.Draft) -> String {
        zip(draft.notes, draft.noteLines).map { "\($0.location): \($0.message)\n    in \(draft.displayPath):\($1)\n" }.joined()
    }

    /// Imports the fixture `name`, compares the draft and its notes with the golden files, saves the
    /// pictures and checks that the draft reads back as the same guide.
    static func golden(_ name: String, ext: String) throws -> (Importer.Draft, URL) {
        let (importer, folder) = try importer()
        let draft = try importer.draft(file: Fixtures.url("import/\(name).\(ext)"), displayPath: "\(name).\(ext)")
        try Fixtures.expectGolden(Array(draft.text.utf8), "import/\(name).md")
        try Fixtures.expectGolden(Array(listing(draft).utf8), "import/\(name).notes.txt")
        for picture in draft.pictures { try AtomicFileWriter.write(picture.bytes, to: picture.url) }
        #expect(importer.verify(draft) == .same)
        // The same file gives the same draft.
        let again = try importer.draft(file: Fixtures.url("import/\(name).\(ext)"), displayPath: "\(name).\(ext)")
        #expect(again.text == draft.text)
        return (draft, folder)
    }

    @Test func wordDocumentGolden() throws {
        let (draft, folder) = try Self.golden("council-guide", ext: "docx")
        let guide = draft.guide
        // Headings: Heading 1, a style based on Heading 2, a German style name.
        var headings: [(Int, String)] = []
        if let heading = guide.chapters.first?.heading { headings.append((heading.level, Inline.plainText(heading.content))) }
        guide.forEachBlock { block in
            if case .heading(let heading) = block.kind { headings.append((heading.level, Inline.plainText(heading.content))) }
        }
        #expect(headings.map(\.0) == [1, 2, 3])
        #expect(guide.metadata.title == "Going to a Review Meeting")
        #expect(guide.metadata.subtitle == "A guide for young people")
        #expect(guide.metadata.language == "en-GB")
        #expect(guide.metadata.keywords == ["review", "meeting"])
        // The pictures went through the picture checks and keep their alt text; the one with none gets none.
        let pictures = draft.pictures.map { $0.url.lastPathComponent }
        #expect(pictures == ["council-guide-image1.png", "council-guide-image2.png"])
        var alts: [String] = []
        guide.forEachBlock { if case .picture(let picture) = $0.kind { alts.append(picture.alt) } }
        #expect(alts == ["A group of people sitting round a table", ""])
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("pictures/council-guide-image1.png").path))
        // Left out and kept: the deletion and the hidden text are gone, the insertion is there.
        #expect(!draft.text.contains("This sentence was deleted"))
        #expect(draft.text.contains("You can bring a\nfriend.") || draft.text.contains("You can bring a friend."))
        #expect(!draft.text.contains("\nStaff only"))
    }

    @Test func webPageGolden() throws {
        let (draft, _) = try Self.golden("council-page", ext: "html")
        #expect(draft.guide.metadata.title == "Staying safe online")
        #expect(!draft.text.contains("cookies"))
        #expect(!draft.text.contains("Skip to main content"))
        #expect(!draft.text.contains("Bins"))
        #expect(!draft.text.contains("Share this page"))
        #expect(!draft.text.contains("tracker.example.com/pixel.png)"))
        #expect(draft.text.contains("(https://www.example.org/children/online-bullying)"))
    }

    @Test func theDraftIsAGuideThatCheckingStopsUntilEveryToDoIsDone() throws {
        let (draft, folder) = try Self.golden("council-guide", ext: "docx")
        try AtomicFileWriter.write(Array(draft.text.utf8), to: draft.guideURL)
        let guide = try GuideReader(guidesRoot: folder).read(file: draft.guideURL, displayPath: draft.displayPath)
        let check = Checker(options: CheckOptions(today: Self.today)).check(guide, source: SourceMap(text: draft.text))
        let todos = check.findings.filter { $0.rule == "to-do" }
        #expect(check.hasErrors)
        // Each note's TO DO is reported on the line the import said it is on.
        for line in draft.noteLines { #expect(todos.contains { $0.location.line == line }, "no to-do finding on line \(line)") }
        #expect(!check.findings.contains { $0.rule == nil })
    }

    @Test func anExistingPictureIsReusedOrNeverReplaced() throws {
        let (importer, folder) = try Self.importer()
        let first = try importer.draft(file: Fixtures.url("import/council-guide.docx"), displayPath: "council-guide.docx")
        for picture in first.pictures { try AtomicFileWriter.write(picture.bytes, to: picture.url) }
        let same = try importer.draft(file: Fixtures.url("import/council-guide.docx"), displayPath: "council-guide.docx")
        #expect(same.pictures.allSatisfy { $0.alreadyThere })
        #expect(same.pictures.map(\.url) == first.pictures.map(\.url))
        // Another picture under the name the import would choose: the import takes another name.
        try Data("other".utf8).write(to: folder.appendingPathComponent("pictures/council-guide-image1.png"))
        let other = try importer.draft(file: Fixtures.url("import/council-guide.docx"), displayPath: "council-guide.docx")
        #expect(other.pictures[0].url.lastPathComponent == "council-guide-image1-2.png")
        #expect(other.text.contains("(pictures/council-guide-image1-2.png)"))
    }

    @Test func slugsComeFromFileNames() {
        #expect(Importer.slug(for: "Bullying Guide (2024) FINAL") == "bullying-guide-2024-final")
        #expect(Importer.slug(for: "Überschrift & Co") == "uberschrift-co")
        #expect(Importer.slug(for: "!!!") == "imported-guide")
        #expect(Importer.isValidSlug("going-to-a-review"))
        #expect(!Importer.isValidSlug("Going To"))
        #expect(!Importer.isValidSlug("../escape"))
    }

    @Test func hyperlinkFieldsAreParsed() {
        #expect(DocxField.hyperlink("\"https://example.org/a b\"") == "https://example.org/a b")
        #expect(DocxField.hyperlink("\\l \"_Toc1\"") == "#_Toc1")
        #expect(DocxField.hyperlink("https://example.org \\o \"tip\"") == "https://example.org")
        #expect(DocxField.kind(of: " PAGEREF _Toc1 \\h ") == .dropped)
        #expect(DocxField.kind(of: "TOC \\o \"1-3\"") == .contents)
    }

    /// A line break (Shift+Enter in Word) where a guide has one line: a heading, a table cell.
    @Test func aLineBreakInAHeadingOrACellBecomesASpace() throws {
        let heading = #"<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Who can</w:t><w:br/><w:t>help?</w:t></w:r></w:p>"#
        let cell = #"<w:tc><w:p><w:r><w:t>Call</w:t><w:br/><w:t>0800 1111</w:t></w:r></w:p></w:tc>"#
        let table = "<w:tbl><w:tr><w:trPr><w:tblHeader/></w:trPr>\(cell)\(cell)</w:tr><w:tr>\(cell)\(cell)</w:tr></w:tbl>"
        let styles = #"<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style>"#
        let result = try DocxReader().read(bytes: try TestDocx.make(body: heading + table + "<w:p><w:r><w:t>a</w:t><w:br/><w:t>b</w:t></w:r></w:p>", styles: styles), file: "breaks.docx")
        let (importer, _) = try Self.importer()
        let draft = try importer.draft(of: result, input: "breaks.docx", slug: "breaks")
        #expect(draft.text.contains("\n# Who can help?\n"))
        #expect(draft.text.contains("| Call 0800 1111 | Call 0800 1111 |"))
        #expect(draft.text.contains("\na\\\nb\n"), "a line break in a paragraph stays one")
        #expect(importer.verify(draft) == .same)
    }

    @Test func headingStylesFollowTheirChainAndOtherLanguages() throws {
        let styles = """
            <w:style w:type="paragraph" w:styleId="Normal" w:default="1"><w:name w:val="Normal"/></w:style>
            <w:style w:type="paragraph" w:styleId="berschrift2"><w:name w:val="Überschrift 2"/></w:style>
            <w:style w:type="paragraph" w:styleId="Mine"><w:name w:val="Council heading"/><w:basedOn w:val="berschrift2"/></w:style>
            <w:style w:type="paragraph" w:styleId="Outline"><w:name w:val="Big words"/><w:pPr><w:outlineLvl w:val="3"/></w:pPr></w:style>
            <w:style w:type="paragraph" w:styleId="Loop1"><w:name w:val="Loop 1"/><w:basedOn w:val="Loop2"/></w:style>
            <w:style w:type="paragraph" w:styleId="Loop2"><w:name w:val="Loop 2"/><w:basedOn w:val="Loop1"/></w:style>
            """
        let body = ["berschrift2", "Mine", "Outline", "Loop1"].map { #"<w:p><w:pPr><w:pStyle w:val="\#($0)"/></w:pPr><w:r><w:t>\#($0)</w:t></w:r></w:p>"# }
        let result = try DocxReader().read(bytes: try TestDocx.make(body: body.joined(), styles: styles), file: "styles.docx")
        let kinds = result.blocks.map { block -> String in
            if case .heading(let heading) = block.kind { return "h\(heading.level)" }
            return "p"
        }
        #expect(kinds == ["h2", "h2", "h4", "p"])
    }
}
