import Foundation
import Testing
@testable import Waymark

@Suite("Building") struct BuilderTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let styles = repository.appendingPathComponent("Styles")

    func temporaryFolder() throws -> URL {
        let url = TestTemporary.url("waymark-build")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func files(in folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                result[String(url.path.dropFirst(folder.path.count))] = FileManager.default.contents(atPath: url.path)
            }
        }
        return result
    }

    @Test func everyGuideBuildsTwiceToIdenticalBytes() async throws {
        let guides = Self.repository.appendingPathComponent("Guides")
        var outputs: [[String: Data]] = []
        for _ in 0..<2 {
            let output = try temporaryFolder()
            let request = BuildRequest(guidesRoot: guides, outputRoot: output, displayBase: Self.repository, stylesRoot: Self.styles)
            let results = try await Builder().build(request) { _ in }
            #expect(results.count >= 5)
            let problems = results.flatMap(\.errors).map(\.formatted)
            #expect(problems.isEmpty, "\(problems)")
            outputs.append(try files(in: output))
        }
        #expect(outputs[0].count >= 5)
        #expect(outputs[0] == outputs[1])
        #expect(outputs[0].keys.contains("/bullying/bullying.txt"))
        #expect(outputs[0].keys.contains("/bullying/bullying.epub"))
    }

    @Test func aBrokenGuideDoesNotStopTheOthers() async throws {
        let folder = try GuideFolder()
        try folder.write("a-good.md", frontMatter() + "# Hello\n\nCall 0800 1111.\n")
        try folder.write("b-broken.md", frontMatter() + "# Hello\n\n<script>alert(1)</script>\n")
        try folder.write("c-good.md", frontMatter() + "# Bye\n\nText.\n")
        try folder.write("README.md", "Not a guide.\n")
        let output = try temporaryFolder()
        var progress: [String] = []
        let results = try await Builder().build(BuildRequest(guidesRoot: folder.root, outputRoot: output, displayBase: folder.root.deletingLastPathComponent(), stylesRoot: Self.styles)) {
            progress.append($0.slug)
        }
        #expect(progress == ["a-good", "b-broken", "c-good"])
        #expect(results.map(\.succeeded) == [true, false, true])
        #expect(results[1].errors.map(\.location.description) == ["Guides/b-broken.md:11:1"])
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("c-good/c-good.txt").path))
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("b-broken").path))
    }

    @Test func formatsCanBeLimitedAndGuidesChooseTheirs() async throws {
        let folder = try GuideFolder()
        try folder.write("only-epub.md", frontMatter("formats: [epub]\n") + "Text.\n")
        let output = try temporaryFolder()
        let results = try await Builder().build(BuildRequest(guidesRoot: folder.root, outputRoot: output, displayBase: folder.root, stylesRoot: Self.styles)) { _ in }
        #expect(results[0].succeeded)
        #expect(!results[0].files.contains { $0.hasSuffix(".txt") })
        #expect(results[0].files.contains { $0.hasSuffix(".epub") })
    }

    @Test func guidesAreBuiltConcurrentlyButReportedInOrder() async throws {
        let folder = try GuideFolder()
        let names = (1...24).map { String(format: "guide-%02d", $0) }
        for name in names.shuffled() {
            try folder.write("\(name).md", frontMatter() + "# \(name)\n\n" + String(repeating: "Call 0800 1111 any time. ", count: Int.random(in: 1...200)) + "\n")
        }
        let output = try temporaryFolder()
        var progress: [String] = []
        let request = BuildRequest(guidesRoot: folder.root, outputRoot: output, formats: ["text", "epub"], displayBase: folder.root, stylesRoot: Self.styles, concurrency: 4)
        let results = try await Builder().build(request) { progress.append($0.slug) }
        #expect(progress == names)
        #expect(results.map(\.slug) == names)
        #expect(results.allSatisfy { $0.succeeded && !$0.unchanged })
        let serial = try temporaryFolder()
        var one = request
        one.outputRoot = serial
        one.concurrency = 1
        _ = try await Builder().build(one) { _ in }
        #expect(try files(in: output) == files(in: serial))
    }

    @Test func rebuildSkipsGuidesWhoseInputsHaveNotChanged() async throws {
        let folder = try GuideFolder()
        try folder.write("a.md", frontMatter() + "# A\n\n![A phone](pictures/phone.svg)\n\nCall 0800 1111.\n")
        try folder.write("b.md", frontMatter() + "# B\n\nWords.\n")
        let output = try temporaryFolder()
        let request = BuildRequest(guidesRoot: folder.root, outputRoot: output, displayBase: folder.root, stylesRoot: Self.styles)
        let first = try await Builder().build(request) { _ in }
        #expect(first.map(\.unchanged) == [false, false])
        let before = try files(in: output)

        let second = try await Builder().build(request) { _ in }
        #expect(second.map(\.unchanged) == [true, true])
        #expect(second[0].files == first[0].files)
        #expect(try files(in: output) == before)

        // An edited guide is rebuilt; the other is not.
        try folder.write("b.md", frontMatter() + "# B\n\nOther words.\n")
        #expect(try await Builder().build(request) { _ in }.map(\.unchanged) == [true, false])

        // A changed picture rebuilds the guide that uses it, and only that one.
        try folder.write("pictures/phone.svg", String(decoding: try Data(contentsOf: Fixtures.url("guides/pictures/meeting.svg")), as: UTF8.self))
        #expect(try await Builder().build(request) { _ in }.map(\.unchanged) == [false, true])

        // A missing output file, or --force, rebuilds.
        try FileManager.default.removeItem(at: output.appendingPathComponent("a/a.txt"))
        #expect(try await Builder().build(request) { _ in }.map(\.unchanged) == [false, true])
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("a/a.txt").path))
        var forced = request
        forced.force = true
        #expect(try await Builder().build(forced) { _ in }.map(\.unchanged) == [false, false])

        // Other options make other outputs.
        var wrapped = request
        wrapped.options.wrap = 40
        #expect(try await Builder().build(wrapped) { _ in }.map(\.unchanged) == [false, false])
    }

    /// Issue #23: slugs and the paths shown for a guide found unchanged are worked out on
    /// strings; they are what Foundation's URL methods gave.
    @Test(arguments: ["bullying.md", "a.b.md", "..md", ".x.md", "Guide.MD", "notes", "a.md.txt", "ünïcode guide.md", ".md", "md", "...md", "a..md", "a .md"])
    func slugsAndShownPathsAreFoundationsOwn(_ name: String) {
        let file = URL(fileURLWithPath: "/tmp/Guides/\(name)")
        #expect(Builder.slug(of: file) == file.deletingPathExtension().lastPathComponent)
        let files = ["\(name).txt", "pictures/a b.svg"]
        for base in ["/tmp", "/tmp/Output/x", "/elsewhere", "/tmp/Output/x/"] {
            let folder = URL(fileURLWithPath: "/tmp/Output/x")
            #expect(Builder.displayPaths(of: files, in: folder, base: URL(fileURLWithPath: base))
                == files.map { Builder.displayPath(of: folder.appendingPathComponent($0), base: URL(fileURLWithPath: base)) })
        }
    }

    @Test func atomicWriteReplacesWholeAndLeavesNoTemporaryFiles() throws {
        let folder = try temporaryFolder()
        let target = folder.appendingPathComponent("deep/out.txt")
        #expect(try AtomicFileWriter.write(Array("one\n".utf8), to: target))
        #expect(try !AtomicFileWriter.write(Array("one\n".utf8), to: target))
        #expect(try AtomicFileWriter.write(Array("two\n".utf8), to: target))
        #expect(FileManager.default.contents(atPath: target.path) == Data("two\n".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: target.deletingLastPathComponent().path) == ["out.txt"])
    }

    @Test func aFileWrittenInPiecesIsReplacedOnlyWhenItChanges() throws {
        let folder = try temporaryFolder()
        let target = folder.appendingPathComponent("deep/opds.json")
        func write(_ pieces: [String]) throws -> Bool {
            let stream = try AtomicFileStream(target)
            for piece in pieces { stream.append(Array(piece.utf8)) }
            return try stream.finish()
        }
        #expect(try write(["one ", "two"]))
        #expect(try !write(["one two"]))  // the same bytes in other pieces: left alone
        #expect(try write(["one two", " three"]))  // longer
        #expect(try write(["one"]))  // shorter
        #expect(try write(["ONE"]))  // as long, different
        #expect(try !write(["O", "N", "E"]))
        #expect(FileManager.default.contents(atPath: target.path) == Data("ONE".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: target.deletingLastPathComponent().path) == ["opds.json"])
    }

    @Test func unwritableOutputIsAClearErrorAndKeepsOldFiles() throws {
        guard getuid() != 0 else { return }
        let folder = try temporaryFolder()
        let target = folder.appendingPathComponent("out.txt")
        try AtomicFileWriter.write(Array("old\n".utf8), to: target)
        chmod(folder.path, 0o555)
        defer { chmod(folder.path, 0o755) }
        #expect(throws: AtomicFileWriter.Failure.self) { try AtomicFileWriter.write(Array("new\n".utf8), to: target) }
        #expect(FileManager.default.contents(atPath: target.path) == Data("old\n".utf8))
    }
}
