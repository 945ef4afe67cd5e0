import Foundation
import Testing
@testable import Waymark
import WaymarkModel
import WaymarkZip

/// Files that are not what they say, or are built to hurt: `waymark import` refuses each with an
/// error that names the file and the part, and never crashes, hangs or fills memory. The hostile
/// files are made here (nothing of 100 MB is kept in the repository).
@Suite struct HostileImportTests {
    func failure(_ bytes: [UInt8], file: String = "hostile.docx") -> ImportFailure? {
        do {
            _ = try DocxReader().read(bytes: bytes, file: file)
            return nil
        } catch {
            return error
        }
    }

    @Test func notAZipSaysItIsNotAWordDocument() throws {
        let refused = try #require(failure(Array("This is a plain text file someone renamed.".utf8)))
        #expect(refused.location.file == "hostile.docx")
        #expect(refused.message.contains("not a Word document"))
        #expect(refused.description.hasPrefix("hostile.docx: error: "))
    }

    @Test func aZipBombIsRefusedNamingThePart() throws {
        // 15 MB of empty paragraphs deflate to about 20 KB: far more than a real document compresses.
        let document = try TestDocx.make(document: "<w:document " + TestDocx.namespaces + "><w:body>"
                                         + String(repeating: "<w:p/>", count: 2_500_000) + "</w:body></w:document>")
        let refused = try #require(failure(document))
        #expect(refused.location.part == "word/document.xml")
        #expect(refused.message.contains("zip bomb"))
        // A bomb among the pictures is not read past a picture's limit, and costs a note, not the import.
        let rels = """
            <?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rIdP" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image1.png"/>\
            </Relationships>
            """
        let body = #"<w:p><w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml" alt="A phone"><v:imagedata r:id="rIdP"/></v:shape></w:pict></w:r></w:p>"#
        let bomb = try TestDocx.make(body: body, extra: [
            ("word/_rels/document.xml.rels", Array(rels.utf8)), ("word/media/image1.png", [UInt8](repeating: 0x41, count: 16 << 20)),
        ])
        let result = try DocxReader().read(bytes: bomb, file: "bomb.docx")
        #expect(result.pictures.isEmpty)
        #expect(result.notes.contains { $0.message.contains("image1.png") })
    }

    @Test func aDocumentTypeDeclarationIsRefused() throws {
        let laughs = """
            <?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>\
            <w:document \(TestDocx.namespaces)><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>
            """
        let external = """
            <?xml version="1.0"?><!DOCTYPE w:document SYSTEM "http://127.0.0.1:9/evil.dtd">\
            <w:document \(TestDocx.namespaces)><w:body><w:p/></w:body></w:document>
            """
        for document in [laughs, external] {
            let refused = try #require(failure(try TestDocx.make(document: document)))
            #expect(refused.location.part == "word/document.xml")
            #expect(refused.message.contains("document type"))
        }
    }

    @Test func anEntityInAStylesPartIsRefusedToo() throws {
        let styles = "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
        let bytes = try TestDocx.make(body: "<w:p/>", styles: "")
        // Put the declaration in front of the styles part: the part is named in the error.
        var entries = try ZipArchiveReader.entries(of: bytes)
        let index = try #require(entries.firstIndex { $0.path == "word/styles.xml" })
        entries[index].bytes = Array(("<?xml version=\"1.0\"?>" + styles + "<w:styles \(TestDocx.namespaces)/>").utf8)
        let writer = try ZipArchiveWriter()
        for entry in entries { try writer.add(path: entry.path, bytes: entry.bytes, compression: .deflated, modified: Date(timeIntervalSince1970: 315_532_800)) }
        let refused = try #require(failure(try writer.finish()))
        #expect(refused.location.part == "word/styles.xml")
    }

    @Test func missingPartsAreSaidSo() throws {
        let writer = try ZipArchiveWriter()
        try writer.add(path: "hello.txt", bytes: Array("hi".utf8), compression: .deflated, modified: Date(timeIntervalSince1970: 315_532_800))
        let refused = try #require(failure(try writer.finish()))
        #expect(refused.location.part == "word/document.xml")
        #expect(refused.message.contains("no main document part"))
        // No styles, numbering, notes or properties: still a document.
        let plain = try DocxReader().read(bytes: try TestDocx.make(body: "<w:p><w:r><w:t>Hello</w:t></w:r></w:p>"), file: "plain.docx")
        #expect(plain.blocks.count == 1)
    }

    @Test func aBrokenPartIsNamedWithItsLine() throws {
        let refused = try #require(failure(try TestDocx.make(document: "<?xml version=\"1.0\"?>\n<w:document \(TestDocx.namespaces)>\n<w:body><w:p></w:body>")))
        #expect(refused.location.part == "word/document.xml")
        #expect(refused.location.line == 3)
        #expect(refused.message.contains("not well-formed"))
    }

    @Test func aFileOver64MBIsRefusedBeforeItIsRead() throws {
        let url = TestTemporary.url("huge").appendingPathExtension("docx")
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        // A sparse file: 100 MB long, no disk used.
        #expect(FileManager.default.createFile(atPath: url.path, contents: nil))
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: 100 << 20)
        try handle.close()
        let importer = Importer(guidesFolder: url.deletingLastPathComponent(), guidesDisplay: "Guides", today: GuideDate(year: 2026, month: 12, day: 1))
        #expect {
            try importer.draft(file: url, displayPath: "huge.docx")
        } throws: { error in
            guard let failure = error as? ImportFailure else { return false }
            return failure.location.file == "huge.docx" && failure.message.contains("100 MB") && failure.message.contains("64 MB")
        }
    }

    @Test func tenThousandTablesAreRefusedNamingThePart() throws {
        let table = "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
        let bytes = try TestDocx.make(body: String(repeating: table, count: 10_000), compression: .stored)
        let refused = try #require(failure(bytes))
        #expect(refused.location.part == "word/document.xml")
        #expect(refused.message.contains("more than 500 tables"))
    }

    @Test func deepNestingIsRefused() throws {
        let deep = String(repeating: "<w:sdt><w:sdtContent>", count: 400) + "<w:p/>" + String(repeating: "</w:sdtContent></w:sdt>", count: 400)
        let refused = try #require(failure(try TestDocx.make(body: deep)))
        #expect(refused.location.part == "word/document.xml")
    }

    @Test func aPictureThatIsNotOneIsANoteNotACrash() throws {
        let rels = """
            <?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rIdP" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image1.png"/>\
            </Relationships>
            """
        let body = """
            <w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing">\
            <wp:docPr id="1" name="P" descr="A phone"/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">\
            <a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">\
            <pic:blipFill><a:blip r:embed="rIdP"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>
            """
        let fake = Array("\u{89}PNG\r\n\u{1A}\n and then nothing a PNG has".utf8)
        let bytes = try TestDocx.make(body: body, extra: [("word/_rels/document.xml.rels", Array(rels.utf8)), ("word/media/image1.png", fake)])
        let result = try DocxReader().read(bytes: bytes, file: "fake.docx")
        #expect(result.pictures.isEmpty)
        #expect(result.notes.contains { $0.message.contains("image1.png") })
    }

    @Test func aWebPageCannotReachFilesOutsideItsFolder() throws {
        let folder = TestTemporary.url("page")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("inside"), withIntermediateDirectories: true)
        let page = #"<html><body><main><p>Hi</p><img src="../secret.png" alt="x"><img src="/etc/hosts" alt="y"><img src="file:///etc/hosts" alt="z"></main></body></html>"#
        let result = try HTMLPageReader().read(bytes: Array(page.utf8), file: "page.html", folder: folder.appendingPathComponent("inside"))
        #expect(result.pictures.isEmpty)
        #expect(result.notes.filter { $0.message.contains("not a file beside the page") }.count == 3)
    }

    @Test func aDeeplyNestedWebPageIsBounded() throws {
        let page = "<html><body>" + String(repeating: "<div>", count: 20_000) + "deep" + String(repeating: "</div>", count: 20_000) + "</body></html>"
        do {
            let result = try HTMLPageReader().read(bytes: Array(page.utf8), file: "deep.html", folder: TestTemporary.url("deep"))
            #expect(result.blocks.count <= 1)
        } catch {
            #expect(error.location.file == "deep.html")
        }
    }
}
