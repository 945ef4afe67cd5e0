import Foundation
import Testing
@testable import Waymark
import WaymarkModel

/// Every reading error the format promises, with its exact `line:column`.
@Suite("Reading: errors") struct ReaderErrorTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let text: String
        let position: String
        let message: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "no front matter", text: "# Hello\n\nText.\n", position: "1:1", message: "has no front matter"),
        Case(name: "front matter not closed", text: "---\ntitle: x\n", position: "1:1", message: "not closed"),
        Case(name: "malformed YAML", text: "---\ntitle: x\nlanguage: [en\n---\nText.\n", position: "4:1", message: "malformed"),
        Case(name: "missing required key",
             text: "---\ntitle: x\nlanguage: en-GB\npublisher: p\npublished: 2026-11-01\n---\nText.\n",
             position: "1:1", message: "no 'summary:'"),
        Case(name: "unknown key with a hint", text: frontMatter("sumary: typo\n") + "Text.\n", position: "7:1", message: "unknown front matter key 'sumary'"),
        Case(name: "bad date", text: frontMatter("review-by: next year\n") + "Text.\n", position: "7:12", message: "not a date"),
        Case(name: "unknown format", text: frontMatter("formats: [text, ebook]\n") + "Text.\n", position: "7:17", message: "unknown format 'ebook'"),
        Case(name: "unknown directive", text: frontMatter() + "# A\n\n:::warning\nBe careful.\n:::\n", position: "11:4", message: "unknown block ':::warning'"),
        Case(name: "unclosed directive", text: frontMatter() + "# A\n\n:::note\nAn aside.\n", position: "11:1", message: "never closed"),
        Case(name: "nested directive", text: frontMatter() + ":::note\nA\n:::urgent\nB\n:::\n", position: "11:1", message: "starts inside"),
        Case(name: "stray closing line", text: frontMatter() + "Text.\n\n:::\n", position: "11:1", message: "closes nothing"),
        Case(name: "malformed contact YAML", text: frontMatter() + ":::contact\nname: Childline\nphone: [0800 1111\n:::\n", position: "12:1", message: "malformed"),
        Case(name: "unknown contact key", text: frontMatter() + ":::contact\nname: Childline\nphone: 0800 1111\nwebsite: https://a.org\nopen: always\n:::\n", position: "13:1", message: "unknown contact key 'open'"),
        Case(name: "contact without a way to get in touch", text: frontMatter() + ":::contact\nname: Childline\nhours: Any time\n:::\n", position: "9:1", message: "no way to get in touch"),
        Case(name: "raw HTML block", text: frontMatter() + "# A\n\n<div>Hello</div>\n", position: "11:1", message: "HTML"),
        Case(name: "raw HTML inline", text: frontMatter() + "# A\n\nSome <b>bold</b> text.\n", position: "11:6", message: "HTML"),
        Case(name: "remote picture", text: frontMatter() + "![A phone](https://example.org/phone.png)\n", position: "9:1", message: "on another website"),
        Case(name: "missing picture", text: frontMatter() + "Text.\n\n![A phone](pictures/nope.svg)\n", position: "11:1", message: "does not exist"),
        Case(name: "picture leaving the folder", text: frontMatter() + "![A phone](../secret.svg)\n", position: "9:1", message: "leaves the guides folder"),
        Case(name: "absolute picture path", text: frontMatter() + "![A phone](/etc/passwd.svg)\n", position: "9:1", message: "leaves the guides folder"),
        Case(name: "picture in a sentence", text: frontMatter() + "Call ![a phone](pictures/phone.svg) now.\n", position: "9:6", message: "middle of a sentence"),
        Case(name: "code block", text: frontMatter() + "Text.\n\n    indented by mistake\n", position: "11:5", message: "set as code"),
        Case(name: "javascript link", text: frontMatter() + "A [link](javascript:alert(1)).\n", position: "9:3", message: "not a web address"),
        Case(name: "heading inside a note", text: frontMatter() + ":::note\n## Title\n:::\n", position: "10:1", message: "heading cannot go inside"),
        Case(name: "write lines out of range", text: frontMatter() + ":::write lines=500\nDraw.\n:::\n", position: "9:1", message: "not a number of lines"),
        Case(name: "unknown directive argument", text: frontMatter() + ":::note colour=red\nA.\n:::\n", position: "9:9", message: "does not understand"),
    ]

    @Test(arguments: cases)
    func errorIsReportedAtItsPlace(_ example: Case) throws {
        let errors = try GuideFolder().errors(example.text)
        #expect(errors.first?.location.file == "Guides/guide.md")
        #expect(errors.positions.first == example.position, "\(errors.map(\.formatted))")
        #expect(errors.first?.message.contains(example.message) == true, "\(errors.map(\.formatted))")
        #expect(errors.allSatisfy { !$0.hint.isEmpty })
    }

    @Test func unknownKeyHintSuggestsTheRightKey() throws {
        let errors = try GuideFolder().errors(frontMatter("sumary: typo\nreview_by: 2027-01-01\n") + "Text.\n")
        #expect(errors.count == 2)
        #expect(errors[0].hint.hasPrefix("did you mean 'summary'?"))
        #expect(errors[1].hint.hasPrefix("did you mean 'review-by'?"))
    }

    @Test func invalidUTF8IsPlaced() throws {
        let folder = try GuideFolder()
        var bytes = Array((frontMatter() + "Line one.\nAb").utf8)
        bytes += [0xC3, 0x28]
        bytes += Array(" rest.\n".utf8)
        let url = try folder.write("bad.md", bytes: bytes)
        #expect(throws: GuideReadFailure.self) { try GuideReader(guidesRoot: folder.root).read(file: url, displayPath: "bad.md") }
        do {
            _ = try GuideReader(guidesRoot: folder.root).read(file: url, displayPath: "bad.md")
        } catch {
            #expect(error.diagnostics.positions == ["10:3"])
            #expect(error.diagnostics[0].message.contains("UTF-8"))
        }
    }

    @Test func severalErrorsAreAllReported() throws {
        let errors = try GuideFolder().errors(frontMatter() + "![a](pictures/a.svg)\n\n![b](pictures/b.svg)\n\n<br>\n")
        #expect(errors.positions == ["9:1", "11:1", "13:1"])
    }

    @Test func deepNestingIsAnErrorNotACrash() throws {
        let quotes = String(repeating: ">", count: 20_000) + " deep\n"
        let errors = try GuideFolder().errors(frontMatter() + quotes)
        #expect(errors.first?.message.contains("nested more than") == true)
        let list = (0..<300).map { String(repeating: "  ", count: $0) + "- item" }.joined(separator: "\n")
        #expect(try GuideFolder().errors(frontMatter() + list + "\n").first?.message.contains("nested more than") == true)
    }

    @Test func symlinkedPictureOutsideTheFolderIsRefused() throws {
        let folder = try GuideFolder()
        let outside = folder.root.deletingLastPathComponent().appendingPathComponent("outside.svg")
        try FileManager.default.copyItem(at: Fixtures.url("guides/pictures/phone.svg"), to: outside)
        try FileManager.default.createSymbolicLink(at: folder.root.appendingPathComponent("pictures/link.svg"), withDestinationURL: outside)
        let errors = folder.errors(frontMatter() + "![A phone](pictures/link.svg)\n")
        #expect(errors.first?.message.contains("outside the guides folder") == true)
    }

    @Test func pictureThatIsNotWhatItsNameSays() throws {
        let folder = try GuideFolder()
        try folder.write("pictures/fake.png", "not a png")
        let errors = folder.errors(frontMatter() + "![A phone](pictures/fake.png)\n")
        #expect(errors.first?.message.contains("is not a PNG file") == true)
    }
}
