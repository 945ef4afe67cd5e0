import Foundation
import Testing
@testable import Waymark
import WaymarkModel
@testable import WaymarkTypst

/// Issue #17: tagged PDF/UA-1 handouts through Typst. The PDFs themselves are checked by the
/// outside tools in `make conformance` (pdfua, pikepdf, pdffonts, pdftotext); these tests check
/// the Typst source Waymark writes and the engine's behaviour.
@Suite("Writing: PDF") struct PDFWriterTests {
    static func markup(_ guide: Guide, easyRead: Bool = false) -> (source: String, files: [String: [UInt8]]) {
        var markup = TypstMarkup(guide: guide, labels: .english, layout: .init(
            bodySize: 18, fonts: ["DejaVu Sans"], lineHeight: 1.5, edition: easyRead ? "Easy read" : nil, easyRead: easyRead))
        let source = markup.document()
        return (source, markup.files)
    }

    @Test(arguments: [
        ("plain", "\"plain\""),
        ("a \"quote\" and a \\ backslash", "\"a \\\"quote\\\" and a \\\\ backslash\""),
        ("#set page(fill: red) *bold* _it_ $x$ <label> @ref = heading", "\"#set page(fill: red) *bold* _it_ $x$ <label> @ref = heading\""),
        ("line\nbreak\ttab\u{7}bell", "\"line\\nbreak\\ttab\\u{7}bell\""),
    ])
    func guideWordsBecomeTypstStringsNeverMarkup(text: String, literal: String) {
        #expect(TypstMarkup.string(text) == literal)
        #expect(TypstMarkup.text(text) == "#\(literal);")
    }

    @Test func aHostileTitleStaysTextInTheDocument() throws {
        let guide = try GuideFolder().read(frontMatter().replacingOccurrences(of: "title: Test guide", with: "title: '\"] #set page(fill: red) #[ *x*'") + "# Help\n\nText.\n")
        let (source, _) = Self.markup(guide)
        #expect(source.contains(#"#set document(title: "\"] #set page(fill: red) #[ *x*""#))
        #expect(!source.contains("#set page(fill: red)\n"))
    }

    @Test func theDocumentIsTaggedAsTheGuideIsBuilt() throws {
        let guide = try EPUBWriterTests.fixture("everything.md")
        let (source, files) = Self.markup(guide)
        #expect(source.contains(#"#set text(lang: "en", region: "gb""#))
        #expect(source.contains(#"#set document(title: "Everything in one guide""#))
        // The title is the one level-1 heading; chapters are level 2, and in the contents.
        #expect(source.components(separatedBy: "#heading(level: 1").count == 2)
        #expect(source.contains(#"#heading(level: 2, outlined: false, bookmarked: true)[#"Contents";]"#))
        #expect(source.contains("#outline(title: none, target: heading.where(level: 2)"))
        // Pictures carry their alt text; decorative ones are artifacts.
        #expect(source.contains(#"alt: "A phone with a speech bubble")"#))
        #expect(source.contains("#pdf.artifact(image("))
        #expect(files.keys.contains { $0.hasPrefix("images/") })
        // Boxes and cards are never split; tables keep their header row as a header.
        #expect(source.contains("#block(breakable: false"))
        #expect(source.contains("table.header("))
        // Page numbers in the catalogue's words, at the body size.
        #expect(source.contains(#"footer: context align(center)[#"Page ";#counter(page).display();#" of ";#counter(page).final().first();]"#))
        // A printed web link shows its address in full.
        #expect(source.contains(#"#link("https://www.childline.org.uk/info-advice/")[#"Childline's advice pages";];#" (";"#))
    }

    @Test func theEasyReadHandoutDrawsEveryRowWithItsPicture() throws {
        let guide = EasyReadTransform.transform(try EPUBWriterTests.fixture("easy-read.md"), pictograms: try EasyReadWriterTests.pictograms(), labels: .english)
        let (source, _) = Self.markup(guide, easyRead: true)
        #expect(source.contains("#grid(columns: (30%, 1fr)"))
        #expect(source.contains(#"#heading(level: 1, outlined: false, bookmarked: true)[#"Talking to someone (Easy read)";]"#))
    }

    @Test func veryDeepListsAndQuotesAreFlattenedNotRefused() throws {
        let lists = (0..<30).map { String(repeating: "  ", count: $0) + "- Item \($0).\n" }.joined()
        let guide = try GuideFolder().read(frontMatter() + "# Deep\n\n" + lists)
        let (source, _) = Self.markup(guide)
        #expect(source.components(separatedBy: "#list(").count - 1 == TypstMarkup.deepestList)
        #expect(source.contains(#"#"Item 29.";"#))
    }

    @Test func theSameGuideGivesTheSameBytes() throws {
        let guide = try EPUBWriterTests.fixture("everything.md")
        let options = try LargePrintWriterTests.options()
        let first = try PDFWriter().write(guide, options: options)
        let second = try PDFWriter().write(guide, options: options)
        #expect(first.map(\.path) == ["everything-large-print.pdf", "everything-easy-read.pdf"])
        #expect(first == second)
        #expect(first.allSatisfy { $0.bytes.starts(with: Array("%PDF-".utf8)) })
    }

    @Test func aBookletPutsTwoPagesASideInTheOrderTheyAreReadOnceFolded() {
        let source = PDFWriter.imposition(pages: 5, title: "T")
        // 5 pages make 8 (two sheets): sheet 1 has pages 8|1 and 2|7, sheet 2 pages 6|3 and 4|5; 6, 7, 8 are blank.
        let sides = source.components(separatedBy: "#grid(").dropFirst().map { side in
            side.matches(of: /page: (\d+)|\[\]/).map { $0.1.map(String.init) ?? "-" }
        }
        #expect(sides == [["-", "1"], ["2", "-"], ["-", "3"], ["4", "5"]])
        #expect(source.contains(#"#set page(paper: "a4", flipped: true, margin: 0pt)"#))
    }

    @Test func withBookletTheWriterMakesTheBookletsToo() throws {
        let guide = try EPUBWriterTests.fixture("everything.md")
        var options = try LargePrintWriterTests.options()
        options.booklet = true
        let files = try PDFWriter().write(guide, options: options)
        #expect(files.map(\.path) == ["everything-large-print.pdf", "everything-easy-read.pdf", "everything-large-print-booklet.pdf", "everything-easy-read-booklet.pdf"])
        #expect(files.map(\.path).dropFirst(2).elementsEqual(PDFWriter().optionalFiles["booklet"]!.map { $0.replacingOccurrences(of: "<slug>", with: "everything") }))
        #expect(PDFWriter.pageCount(files[2].bytes) % 2 == 0)
    }

    @Test(arguments: [
        "/Type /Page\n", "/Type/Pages", "<< /Type /Page >> << /Type /Page >>", "/Type\r\n/Page>>", "/Type /Page_x /Type /Page2",
        "/Type /Type /Page", "/Type /Pageé /Type /Page", "é/Type /Page", "/Type\u{A0}/Page", "/Type\u{1C}/Page", "/Type /Page\u{301}",
        "/Typ /Page", "", "/Type /Page", "/Type\t\u{0B}\u{0C} /Page/Type /Page",
    ])
    func pagesAreCountedAsTheRegexCountsThem(text: String) {
        let bytes = Array(text.utf8)
        #expect(PDFWriter.pageCount(bytes) == PDFWriter.pageCountByRegex(bytes))
        // In binary data (a compressed stream), too.
        let binary: [UInt8] = [0xFF, 0x00, 0xC3] + bytes + [0x80, 0x2F] + bytes + [0xE2, 0x82]
        #expect(PDFWriter.pageCount(binary) == PDFWriter.pageCountByRegex(binary))
    }

    @Test func aRealPDFsPagesAreCountedAsTheRegexCountsThem() throws {
        let guide = try EPUBWriterTests.fixture("everything.md")
        for file in try PDFWriter().write(guide, options: try LargePrintWriterTests.options()) {
            #expect(PDFWriter.pageCount(file.bytes) == PDFWriter.pageCountByRegex(file.bytes))
            #expect(PDFWriter.pageCount(file.bytes) > 1)
        }
    }

    @Test func theHelperIsSentWhatJSONSerializationWrote() throws {
        let source = "#set text(lang: \"cy\")\n\\ \"quoted\" \u{1} \t tab é ’ 😀 </script> / \u{7F}"
        for job in [
            TypstJob(source: source, files: ["images/a b.svg": [1, 2, 3], "z.png": []], timestamp: 1_793_491_200, fonts: ["/f/a.ttf", "/f/é.ttf"]),
            TypstJob(source: "", timestamp: -5, fonts: [], standards: [], pngPixelsPerInch: 72),
        ] {
            let names = job.files.keys.sorted()
            var old: [String: Any] = [
                "source": job.source, "timestamp": job.timestamp, "fonts": job.fonts, "standards": job.standards,
                "files": names.map { [$0, job.files[$0]?.count ?? 0] as [Any] },
            ]
            if let ppi = job.pngPixelsPerInch { old["png_ppi"] = ppi }
            let sent = try JSONSerialization.jsonObject(with: Data(TypstEngine.request(job, names: names))) as? NSDictionary
            #expect(sent == (old as NSDictionary))
        }
    }

    @Test(arguments: ["", "plain words", "\\ \" \n \r \t \u{1} \u{1F} \u{7F} é ’ 😀 e\u{301} \r\n"])
    func typstStringsAreWrittenAsScalarByScalar(text: String) {
        #expect(TypstMarkup.string(text) == TypstMarkup.stringByScalar(text))
    }

    @Test func aMissingEngineIsAClearErrorNotACrash() {
        let engine = TypstEngine(python: URL(fileURLWithPath: "/nonexistent/python3"))
        #expect {
            _ = try engine.compile(TypstJob(source: "Hello", timestamp: 0, fonts: []))
        } throws: { error in
            "\(error)".contains("the PDF engine (Typst, from the Python package 'typst') is not installed")
        }
    }

    @Test func typstRefusingADocumentIsAnErrorAndTheEngineGoesOn() throws {
        let engine = TypstEngine.shared
        #expect(throws: TypstError.self) { try engine.compile(TypstJob(source: "#image(\"missing.svg\")", timestamp: 0, fonts: PDFWriter.fontFiles)) }
        let pdf = try engine.compile(TypstJob(source: "#set document(title: \"T\")\n#set text(lang: \"en\")\nHello.", timestamp: 0, fonts: PDFWriter.fontFiles))
        #expect(pdf.starts(with: Array("%PDF-".utf8)))
    }
}
