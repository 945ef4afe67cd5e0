import Foundation
import Testing
@testable import Waymark
import WaymarkModel

/// A writer that exists only in this test, to prove that registering a writer is all it takes.
struct ShoutWriter: Writer {
    let formatID = "shout"
    let summary = "The guide's title in capitals, for the registry test."
    let audience = "nobody: a test"
    let files = ["<slug>.shout.txt"]
    let downloads = [Download(file: "<slug>.shout.txt", name: .downloadText, about: .aboutText, kind: .label(.kindText), mediaType: "text/plain")]

    func write(_ guide: Guide, options: WriterOptions) throws -> [OutputFile] {
        [OutputFile(path: "\(guide.slug).shout.txt", bytes: Array(guide.metadata.title.uppercased().utf8))]
    }
}

@Suite("Writers: one registry") struct WriterRegistryTests {
    static let repository = BuilderTests.repository
    static let writers: [any Writer] = WriterRegistry.all + [ShoutWriter()]

    @Test func aWriterRegisteredInATestIsAcceptedListedBuiltAndDocumented() async throws {
        let folder = try GuideFolder()
        let text = frontMatter("formats: [shout, text]\n") + "# Hello\n\nYou can talk to someone.\n"
        // Without it, the format is refused with a hint naming the registered ones.
        let refused = folder.errors(text)
        #expect(refused.map(\.message) == ["unknown format 'shout'"])
        // With it, the guide reads, builds and lists the new format; nothing else was touched.
        let url = try folder.write("hello.md", text)
        let guide = try GuideReader(guidesRoot: folder.root, writers: Self.writers).read(file: url, displayPath: "Guides/hello.md")
        #expect(guide.metadata.formats == ["shout", "text"])
        let output = TestTemporary.url("registry-output")
        let request = BuildRequest(
            guidesRoot: folder.root, outputRoot: output, guides: [url], displayBase: folder.root.deletingLastPathComponent(),
            stylesRoot: Self.repository.appendingPathComponent("Styles"), allowErrors: true, writers: Self.writers)
        let results = try await Builder().build(request) { _ in }
        #expect(results.map(\.succeeded) == [true], "\(results.flatMap(\.errors).map(\.formatted))")
        let shout = try String(contentsOf: output.appendingPathComponent("hello/hello.shout.txt"), encoding: .utf8)
        #expect(shout == "TEST GUIDE")
        #expect(WriterRegistry.markdownTable(Self.writers).contains("| `shout` | `Output/<slug>/<slug>.shout.txt` | nobody: a test |"))
        #expect(WriterRegistry.formatWords(Self.writers).hasSuffix("`braille` and `shout`"))
    }

    @Test func everyWriterFileIsRegisteredAndEveryIdUnique() throws {
        let folder = Self.repository.appendingPathComponent("Sources/Waymark/Writing")
        let enumerator = try #require(FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil))
        var writerFiles: [String] = []
        while let url = enumerator.nextObject() as? URL {
            // GuideSource/ writes a guide's source (waymark import), not an output format: it is no Writer.
            if url.pathComponents.contains("GuideSource") { continue }
            if url.lastPathComponent.hasSuffix("Writer.swift"), url.lastPathComponent != "Writer.swift" { writerFiles.append(url.deletingPathExtension().lastPathComponent) }
        }
        let registered = Set(WriterRegistry.all.map { String(describing: type(of: $0)) })
        #expect(writerFiles.count >= 4)
        #expect(Set(writerFiles) == registered, "a <Name>Writer.swift in Sources/Waymark/Writing must be in WriterRegistry.all")
        #expect(Set(WriterRegistry.formatIDs).count == WriterRegistry.all.count)
        for writer in WriterRegistry.all {
            #expect(!writer.files.isEmpty && writer.files.allSatisfy { $0.contains("<slug>") }, "\(writer.formatID)")
            #expect(!writer.audience.isEmpty && !writer.summary.isEmpty)
        }
    }

    @Test func theReadmeAndTheAuthorsGuideListTheRegisteredFormats() throws {
        let readme = try String(contentsOf: Self.repository.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains(WriterRegistry.markdownTable()), "README.md's format table must be:\n\(WriterRegistry.markdownTable())")
        let authors = try String(contentsOf: Self.repository.appendingPathComponent("docs/writing-guides.md"), encoding: .utf8)
        let sentence = "The `formats` key takes these words: \(WriterRegistry.formatWords())."
        #expect(authors.contains(sentence), "docs/writing-guides.md must say: \(sentence)")
    }

    @Test func eachWriterMakesExactlyTheFilesItDeclares() async throws {
        let folder = try GuideFolder()
        let url = try folder.write("files.md", frontMatter() + "# Hello\n\nYou can talk to someone.\n")
        let guide = try GuideReader(guidesRoot: folder.root).read(file: url, displayPath: "Guides/files.md")
        var options = WriterOptions()
        options.styles = try StyleSet(projectFolder: Self.repository.appendingPathComponent("Styles"), base: Self.repository).sheets
        options.pictograms = try PictogramSet.load(from: Self.repository.appendingPathComponent("Styles/pictograms"))
        for writer in WriterRegistry.all {
            let made = try writer.write(guide, options: options).map(\.path)
            #expect(made == writer.files.map { $0.replacingOccurrences(of: "<slug>", with: "files") }, "\(writer.formatID)")
        }
    }

    @Test(arguments: [
        ("epub.css", ["epub", "easy-read"]), ("print.css", ["large-print", "easy-read"]),
        ("large-print.css", ["large-print"]), ("giant-print.css", ["large-print"]), ("large-print-16.css", ["large-print"]),
        ("easy-read.css", ["easy-read"]), ("notes.css", []),
    ])
    func aStyleSheetStopsOnlyTheFormatsWhoseWritersReadIt(sheet: String, formats: [String]) {
        #expect(WriterRegistry.formats(using: sheet) == formats)
    }
}
