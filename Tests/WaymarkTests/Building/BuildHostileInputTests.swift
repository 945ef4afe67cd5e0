import Foundation
import Testing
@testable import Waymark
import WaymarkModel

/// Issue #12, the build's part: what sits in the guides and output folders cannot make a build
/// read more than a guide uses, lose one guide's files under another's, write through a link,
/// or claim more than it did when the disk is full.
@Suite("Building: hostile input") struct BuildHostileInputTests {
    static let styles = BuilderTests.styles

    let guide = frontMatter() + "# Help\n\n![A phone](pictures/phone.svg)\n\nCall 0800 1111.\n"

    func request(_ folder: GuideFolder, output: URL? = nil, guides: [URL] = [], formats: [String]? = ["text", "epub"]) -> BuildRequest {
        BuildRequest(
            guidesRoot: folder.root, outputRoot: output ?? TestTemporary.url("hostile-output"), guides: guides, formats: formats,
            displayBase: folder.root.deletingLastPathComponent(), stylesRoot: Self.styles)
    }

    /// A file of `size` bytes that takes no room on disk: a seek, then one byte.
    func sparseFile(_ url: URL, size: UInt64) throws {
        #expect(FileManager.default.createFile(atPath: url.path, contents: nil))
        let handle = try FileHandle(forWritingTo: url)
        try handle.seek(toOffset: size - 1)
        try handle.write(contentsOf: [1])
        try handle.close()
    }

    // MARK: - Memory: only what a guide uses is read

    @Test func aHugeUnusedFileInPicturesIsNeverRead() async throws {
        let folder = try GuideFolder()
        try folder.write("help.md", guide)
        let huge = folder.root.appendingPathComponent("pictures/huge.png")
        try sparseFile(huge, size: 3 << 30)
        let request = request(folder)
        let first = try await Builder().build(request) { _ in }
        #expect(first.map(\.succeeded) == [true], "\(first.flatMap(\.errors).map(\.formatted))")
        #expect(first.map(\.unchanged) == [false])
        #expect(FileManager.default.fileExists(atPath: request.outputRoot.appendingPathComponent("help/help.epub").path))
        // The cache does not read it either, and does not care when it changes.
        try sparseFile(huge, size: 2 << 30)
        #expect(try await Builder().build(request) { _ in }.map(\.unchanged) == [true])
    }

    @Test func theCacheFollowsTheFilesAGuideUsesAndNoOthers() throws {
        let folder = try GuideFolder()
        let file = try folder.write("help.md", guide)
        let request = request(folder)
        let read = try GuideReader(guidesRoot: folder.root).read(file: file, displayPath: "Guides/help.md")
        let cache = BuildCache(request: request)
        let pictures = try #require(cache.pictures(of: read, guideFolder: folder.root))
        #expect(pictures.map(\.file) == ["pictures/phone.svg"])
        #expect(pictures.map(\.sources) == [["pictures/phone.svg"]])
        let key = cache.key(forGuide: Array(try Data(contentsOf: file)), at: file)

        // An unused picture and a new unused file change neither the key nor the pictures.
        try folder.write("pictures/meeting.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")
        try folder.write("pictures/notes.txt", "anything")
        let after = BuildCache(request: request)
        #expect(after.shared == cache.shared)
        #expect(after.key(forGuide: Array(try Data(contentsOf: file)), at: file) == key)
        #expect(after.unchanged(pictures, guideFolder: folder.root))

        // The picture it uses, changed in one byte with the same size, is a change.
        var bytes = Array(try Data(contentsOf: folder.root.appendingPathComponent("pictures/phone.svg")))
        bytes[bytes.count - 2] = bytes[bytes.count - 2] == 0x20 ? 0x0A : 0x20
        try folder.write("pictures/phone.svg", bytes: bytes)
        #expect(!BuildCache(request: request).unchanged(pictures, guideFolder: folder.root))
    }

    @Test func aPictureThatNowResolvesElsewhereIsAChange() throws {
        let folder = try GuideFolder()
        let sub = folder.root.appendingPathComponent("sub")
        try FileManager.default.createDirectory(at: sub.appendingPathComponent("pictures"), withIntermediateDirectories: true)
        let file = try folder.write("sub/help.md", guide)
        let read = try GuideReader(guidesRoot: folder.root).read(file: file, displayPath: "Guides/sub/help.md")
        let cache = BuildCache(request: request(folder))
        let pictures = try #require(cache.pictures(of: read, guideFolder: sub))
        #expect(pictures.map(\.file) == ["pictures/phone.svg"])
        #expect(BuildCache(request: request(folder)).unchanged(pictures, guideFolder: sub))
        // The same bytes put beside the guide are found first now: another file, so rebuilt.
        try FileManager.default.copyItem(at: folder.root.appendingPathComponent("pictures/phone.svg"), to: sub.appendingPathComponent("pictures/phone.svg"))
        #expect(!BuildCache(request: request(folder)).unchanged(pictures, guideFolder: sub))
    }

    @Test func aStreamingDigestDoesNotDependOnHowTheBytesArrive() throws {
        let bytes = (0..<(3 * StreamingDigest.pieceSize + 17)).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        var whole = StreamingDigest()
        whole.add(bytes)
        var pieces = StreamingDigest()
        for start in stride(from: 0, to: bytes.count, by: 1000) { pieces.add(bytes[start..<min(start + 1000, bytes.count)]) }
        #expect(whole.finish() == pieces.finish())
        let url = TestTemporary.url("digest")
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
        #expect(StreamingDigest.file(url)?.digest == whole.finish())
        #expect(StreamingDigest.file(url)?.size == bytes.count)
        var other = StreamingDigest()
        other.add(bytes.dropLast())
        #expect(other.finish() != whole.finish())
    }

    // MARK: - Two guides, one output folder

    @Test func guidesWhoseSlugsFoldAlikeAreRefusedAndTheOthersBuilt() async throws {
        let folder = try GuideFolder()
        try folder.write("same.md", guide)
        try folder.write("same.MD", guide)
        try folder.write("caf\u{E9}.md", guide)
        try folder.write("cafe\u{301}.md", guide)
        try folder.write("other.md", guide)
        let request = request(folder)
        let results = try await Builder().build(request) { _ in }
        // In name order, by UTF-8 bytes: "cafe\u{301}" sorts before "caf\u{E9}", "same.MD" before "same.md".
        // (Swift compares strings by canonical equivalence, so the two café names are == here.)
        #expect(results.map { Array($0.displayPath.unicodeScalars) } == ["cafe\u{301}.md", "caf\u{E9}.md", "other.md", "same.MD", "same.md"].map { Array("Guides/\($0)".unicodeScalars) })
        #expect(results.map(\.succeeded) == [false, false, true, false, false])
        for index in [0, 1, 3, 4] {
            let result = results[index]
            #expect(result.files.isEmpty)
            let message = try #require(result.errors.first?.message)
            #expect(message.components(separatedBy: "Guides/").count == 3, "\(message)")
            #expect(message.contains("would both be written to"), "\(message)")
            #expect(result.errors.first?.hint.hasPrefix("rename one of them") == true)
        }
        for index in [0, 1] {
            let scalars = results[index].errors.first.map { Array($0.message.unicodeScalars) } ?? []
            #expect(scalars.contains("\u{301}") && scalars.contains("\u{E9}"))
        }
        #expect(results[3].errors.first?.message.hasPrefix("the guides Guides/same.MD and Guides/same.md would both be written to ") == true)
        let made = try FileManager.default.contentsOfDirectory(atPath: request.outputRoot.path).filter { !$0.hasPrefix(".") }
        // The one guide built, and the download site's list and catalogues of it.
        #expect(made.sorted() == ["index.html", "opds.json", "opds.xml", "other"])
    }

    @Test func guidesInTwoFoldersWithOneNameAreRefused() async throws {
        let folder = try GuideFolder()
        let top = try folder.write("same.md", guide)
        try FileManager.default.createDirectory(at: folder.root.appendingPathComponent("sub"), withIntermediateDirectories: true)
        let nested = try folder.write("sub/same.md", guide)
        let results = try await Builder().build(request(folder, guides: [top, nested])) { _ in }
        #expect(results.map(\.succeeded) == [false, false])
        let message = try #require(results[0].errors.first?.message)
        #expect(message.hasPrefix("the guides Guides/same.md and Guides/sub/same.md would both be written to "), "\(message)")
        #expect(message.hasSuffix("/same/, so none of them was built"), "\(message)")
        #expect(results[1].errors.first?.location.file == "Guides/sub/same.md")
    }

    @Test func theSameGuideNamedTwiceIsBuiltOnce() async throws {
        let folder = try GuideFolder()
        let file = try folder.write("help.md", guide)
        let again = folder.root.appendingPathComponent("sub/../help.md")
        let results = try await Builder().build(request(folder, guides: [file, file, again])) { _ in }
        #expect(results.map(\.displayPath) == ["Guides/help.md"])
        #expect(results.map(\.succeeded) == [true])
    }

    @Test(arguments: ["...md", "..md", ".hidden.md"])
    func aGuideNamedWithALeadingDotIsRefused(_ name: String) async throws {
        let folder = try GuideFolder()
        let file = try folder.write(name, guide)
        let output = TestTemporary.url("hostile-output").appendingPathComponent("Output")
        let results = try await Builder().build(request(folder, output: output, guides: [file])) { _ in }
        #expect(results.map(\.succeeded) == [false])
        #expect(results.first?.errors.first?.message.hasPrefix("the guide's name starts with a dot") == true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path) == ["Output"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.path) == [OutputLock.fileName])
    }

    // MARK: - Links in the output folder

    @Test func aLinkedGuideFolderInTheOutputIsRefused() async throws {
        let folder = try GuideFolder()
        try folder.write("help.md", guide)
        try folder.write("other.md", guide)
        let output = TestTemporary.url("hostile-output")
        let elsewhere = TestTemporary.url("elsewhere")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: output.appendingPathComponent("help"), withDestinationURL: elsewhere)
        let results = try await Builder().build(request(folder, output: output)) { _ in }
        #expect(results.map(\.succeeded) == [false, true])
        let error = try #require(results[0].errors.first)
        #expect(error.message.hasSuffix("/help is a link; Waymark never writes through links in the output folder"), "\(error.message)")
        #expect(error.hint.hasPrefix("remove the link"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path).isEmpty)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: output.appendingPathComponent("help").path) == elsewhere.path)
    }

    @Test func aLinkedFileInTheOutputIsRefusedAndWhatItPointsToKept() async throws {
        let folder = try GuideFolder()
        try folder.write("help.md", guide)
        let request = request(folder)
        #expect(try await Builder().build(request) { _ in }.map(\.succeeded) == [true])
        let target = TestTemporary.url("precious")
        try Data("keep me\n".utf8).write(to: target)
        let text = request.outputRoot.appendingPathComponent("help/help.txt")
        try FileManager.default.removeItem(at: text)
        try FileManager.default.createSymbolicLink(at: text, withDestinationURL: target)
        var forced = request
        forced.force = true
        let results = try await Builder().build(forced) { _ in }
        #expect(results.map(\.succeeded) == [false])
        let error = try #require(results[0].errors.first)
        #expect(error.message.hasSuffix("/help/help.txt is a link; Waymark never writes through links in the output folder"), "\(error.message)")
        #expect(error.hint.hasPrefix("remove it and build again"))
        #expect(FileManager.default.contents(atPath: target.path) == Data("keep me\n".utf8))
        // Not trusted to the last build's record either.
        #expect(try await Builder().build(request) { _ in }.map(\.unchanged) == [false])
        #expect(FileManager.default.contents(atPath: target.path) == Data("keep me\n".utf8))
    }

    @Test func aLinkedLockFileIsRefusedAndNotTruncated() throws {
        let output = TestTemporary.url("hostile-output")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        let target = TestTemporary.url("precious")
        try Data("keep me\n".utf8).write(to: target)
        try FileManager.default.createSymbolicLink(at: output.appendingPathComponent(OutputLock.fileName), withDestinationURL: target)
        #expect { _ = try OutputLock.acquire(in: output) } throws: { error in
            "\(error)".contains("is a link; Waymark never writes through links in the output folder")
        }
        #expect(FileManager.default.contents(atPath: target.path) == Data("keep me\n".utf8))
    }

    @Test func aLinkedManifestIsNotFollowed() throws {
        let folder = TestTemporary.url("hostile-output")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let target = TestTemporary.url("manifest")
        try Data("waymark-build 1\nkey k\nlisted 0\n".utf8).write(to: target)
        #expect(BuildCache.manifest(in: folder) == nil)
        try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent(BuildCache.manifestName), withDestinationURL: target)
        #expect(BuildCache.manifest(in: folder) == nil)
        try FileManager.default.removeItem(at: folder.appendingPathComponent(BuildCache.manifestName))
        try FileManager.default.copyItem(at: target, to: folder.appendingPathComponent(BuildCache.manifestName))
        #expect(BuildCache.manifest(in: folder)?.key == "k")
    }

    /// Issue #23: a guide's site entry lives beside its manifest; a manifest that lists the guide
    /// is trusted only while that file is there as a plain file, and an entry is read only for its own build.
    @Test func aManifestThatListsTheGuideNeedsItsSiteEntryAsAPlainFile() throws {
        let folder = TestTemporary.url("hostile-site-entry")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("waymark-build 1\nkey k\nlisted 1\n".utf8)
            .write(to: folder.appendingPathComponent(BuildCache.manifestName))
        #expect(BuildCache.manifest(in: folder) == nil, "no site entry file")
        let target = TestTemporary.url("site-entry")
        try Data("{}".utf8).write(to: target)
        let entryFile = folder.appendingPathComponent(BuildCache.siteEntryName)
        try FileManager.default.createSymbolicLink(at: entryFile, withDestinationURL: target)
        #expect(BuildCache.manifest(in: folder) == nil, "a link is not followed")
        #expect(BuildCache.siteRecord(in: folder, key: "k") == nil)
        try FileManager.default.removeItem(at: entryFile)
        try Data("{}".utf8).write(to: entryFile)
        #expect(BuildCache.manifest(in: folder)?.key == "k")
        #expect(BuildCache.siteRecord(in: folder, key: "k") == nil, "not an entry")
    }

    // MARK: - A file that cannot be written

    @Test func aFailedWriteSaysWhichFilesAreNewAndWhichOld() async throws {
        let folder = try GuideFolder()
        try folder.write("help.md", guide)
        let request = request(folder)
        #expect(try await Builder().build(request) { _ in }.map(\.succeeded) == [true])
        // A folder where the EPUB goes: renaming the new EPUB over it fails, as on a full disk.
        let epub = request.outputRoot.appendingPathComponent("help/help.epub")
        try FileManager.default.removeItem(at: epub)
        try FileManager.default.createDirectory(at: epub, withIntermediateDirectories: false)
        try folder.write("help.md", guide + "\nMore words.\n")
        let results = try await Builder().build(request) { _ in }
        #expect(results.map(\.succeeded) == [false])
        let error = try #require(results[0].errors.first)
        let base = folder.root.deletingLastPathComponent()
        let shownEPUB = Builder.displayPath(of: epub, base: base)
        let shownText = Builder.displayPath(of: request.outputRoot.appendingPathComponent("help/help.txt"), base: base)
        #expect(error.message.hasPrefix("could not write \(shownEPUB): "), "\(error.message)")
        // The download page, cover and ZIP are not rewritten: they would describe an EPUB that is not there.
        let shownPage = Builder.displayPath(of: request.outputRoot.appendingPathComponent("help/index.html"), base: base)
        #expect(error.hint.contains("until then \(shownText) is the new version; \(shownEPUB), \(shownPage), "), "\(error.hint)")
        #expect(error.hint.contains("help-all-formats.zip are still the old one"), "\(error.hint)")
        #expect(!error.hint.contains("unchanged"))
        let text = try String(contentsOf: request.outputRoot.appendingPathComponent("help/help.txt"), encoding: .utf8)
        #expect(text.contains("More words."))
        #expect(BuildCache.manifest(in: request.outputRoot.appendingPathComponent("help")) == nil)
    }
}
