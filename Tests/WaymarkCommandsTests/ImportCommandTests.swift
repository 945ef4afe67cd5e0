import ArgumentParser
import Foundation
import Testing
import Waymark
@testable import WaymarkCommands

/// `waymark import`: drafts written whole, never over a guide without --force, what to decide listed.
@Suite struct ImportCommandTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("WaymarkTests/Fixtures/import")

    func run(_ arguments: [String]) async -> (text: String, error: (any Error)?) {
        let captured = StylesCommandTests.Captured()
        var failure: (any Error)?
        await Terminal.$capture.withValue({ _, data in captured.append(data) }) {
            do {
                try await WaymarkCommand.parseAsRoot(arguments).execute()
            } catch {
                failure = error
            }
        }
        return (captured.text, failure)
    }

    func project() throws -> URL {
        let root = TestTemporary.url("waymark-import")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Guides"), withIntermediateDirectories: true)
        return root
    }

    @Test func importsADraftAndListsWhatToDecide() async throws {
        let root = try project()
        let guides = root.appendingPathComponent("Guides").path
        let (text, error) = await run(["import", "--output", guides, Self.fixtures.appendingPathComponent("council-guide.docx").path])
        #expect(error == nil)
        #expect(text.contains("-> \(guides)/council-guide.md and 2 pictures:"))
        #expect(text.contains("To decide"))
        #expect(text.contains("council-guide.docx:word/document.xml:paragraph 35: this picture ('image2.png') has no alt text"))
        #expect(text.contains("1 file imported, 0 failed."))
        let draft = try String(contentsOfFile: guides + "/council-guide.md", encoding: .utf8)
        #expect(draft.hasPrefix("---\n"))
        #expect(FileManager.default.fileExists(atPath: guides + "/pictures/council-guide-image1.png"))
        // Nothing but the draft and its pictures, and no temporary file left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: guides).sorted() == ["council-guide.md", "pictures"])
    }

    @Test func neverWritesOverAGuideWithoutForce() async throws {
        let root = try project()
        let guides = root.appendingPathComponent("Guides").path
        let mine = "---\ntitle: Mine\n---\n"
        try Data(mine.utf8).write(to: URL(fileURLWithPath: guides + "/council-guide.md"))
        let input = Self.fixtures.appendingPathComponent("council-guide.docx").path
        let (text, error) = await run(["import", "--output", guides, input])
        #expect(error as? ExitCode == ExitCode(1))
        #expect(text.contains("council-guide.md is already there"))
        #expect(try String(contentsOfFile: guides + "/council-guide.md", encoding: .utf8) == mine)
        #expect(!FileManager.default.fileExists(atPath: guides + "/pictures"))
        let (_, forced) = await run(["import", "--output", guides, "--force", input])
        #expect(forced == nil)
        #expect(try String(contentsOfFile: guides + "/council-guide.md", encoding: .utf8).contains("title: Going to a Review Meeting"))
    }

    @Test func slugNamesTheDraft() async throws {
        let root = try project()
        let guides = root.appendingPathComponent("Guides").path
        let (_, error) = await run(["import", "--output", guides, "--slug", "staying-safe", Self.fixtures.appendingPathComponent("council-page.html").path])
        #expect(error == nil)
        #expect(FileManager.default.fileExists(atPath: guides + "/staying-safe.md"))
        #expect(FileManager.default.fileExists(atPath: guides + "/pictures/staying-safe-talk.svg"))
    }

    @Test func usageMistakesAreRefusedBeforeAnythingIsRead() {
        #expect(throws: (any Error).self) { try WaymarkCommand.parseAsRoot(["import"]) }
        #expect(throws: (any Error).self) { try WaymarkCommand.parseAsRoot(["import", "--slug", "one", "a.docx", "b.docx"]) }
        #expect(throws: (any Error).self) { try WaymarkCommand.parseAsRoot(["import", "--slug", "Not A Slug", "a.docx"]) }
    }

    @Test func aFileOfAnotherKindOrNotThereFailsAndTheOthersAreImported() async throws {
        let root = try project()
        let guides = root.appendingPathComponent("Guides").path
        let other = root.appendingPathComponent("notes.pdf")
        try Data("%PDF-1.7".utf8).write(to: other)
        let (text, error) = await run([
            "import", "--output", guides, other.path, root.appendingPathComponent("missing.docx").path,
            Self.fixtures.appendingPathComponent("council-page.html").path,
        ])
        #expect(error as? ExitCode == ExitCode(1))
        #expect(text.contains("notes.pdf: error: Waymark imports Word documents (.docx) and web pages (.html)"))
        #expect(text.contains("missing.docx: error: the file could not be imported"))
        #expect(text.contains("1 file imported, 2 failed."))
        #expect(FileManager.default.fileExists(atPath: guides + "/council-page.md"))
    }
}
