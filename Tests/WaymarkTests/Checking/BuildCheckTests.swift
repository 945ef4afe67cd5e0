import Foundation
import Testing
@testable import Waymark
import WaymarkModel
import WaymarkZip

@Suite("Checking: build integration") struct BuildCheckTests {
    func output() throws -> URL {
        let url = TestTemporary.url("waymark-check-build")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func aGuideWithCheckErrorsIsNotBuiltUnlessErrorsAreAllowed() async throws {
        let folder = try GuideFolder()
        try folder.write("bad-link.md", frontMatter() + "# Help\n\nFor help, [click here](https://www.childline.org.uk).\n")
        try folder.write("fine.md", frontMatter() + "# Help\n\nYou can talk to *someone* you trust.\n")
        let out = try output()
        let base = folder.root.deletingLastPathComponent()
        let request = BuildRequest(guidesRoot: folder.root, outputRoot: out, formats: ["text"], displayBase: base)
        let results = try await Builder().build(request) { _ in }
        #expect(results.map(\.succeeded) == [false, true])
        #expect(results[0].errors.map(\.rule) == ["link-text"])
        #expect(results[1].findings.map(\.rule) == ["italics"])
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("bad-link").path))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("fine/fine.txt").path))

        var allowed = request
        allowed.allowErrors = true
        let again = try await Builder().build(allowed) { _ in }
        #expect(again.map(\.succeeded) == [true, true])
        #expect(again[0].findings.map(\.rule) == ["link-text"])
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("bad-link/bad-link.txt").path))
    }

    @Test func styleSheetErrorsStopTheGuidesThatUseTheSheet() async throws {
        let folder = try GuideFolder()
        try folder.write("guide.md", frontMatter() + "# Help\n\nYou can talk to someone you trust.\n")
        let styles = folder.root.deletingLastPathComponent().appendingPathComponent("Styles")
        try FileManager.default.createDirectory(at: styles, withIntermediateDirectories: true)
        try Data("p { text-align: justify; }\n".utf8).write(to: styles.appendingPathComponent("epub.css"))
        let base = folder.root.deletingLastPathComponent()
        let textOnly = BuildRequest(guidesRoot: folder.root, outputRoot: try output(), formats: ["text"], displayBase: base, stylesRoot: styles)
        #expect(try Builder.checkStyles(textOnly).map(\.location.description) == ["Styles/epub.css:1:5"])
        #expect(try await Builder().build(textOnly) { _ in }.map(\.succeeded) == [true])
        let epub = BuildRequest(guidesRoot: folder.root, outputRoot: try output(), formats: ["epub"], displayBase: base, stylesRoot: styles)
        let results = try await Builder().build(epub) { _ in }
        #expect(results.map(\.succeeded) == [false])
        #expect(results[0].errors.first?.message.contains("Styles/epub.css") == true)
    }

    @Test func onlyAGuideWithNoErrorsClaimsConformanceInItsEPUB() async throws {
        let folder = try GuideFolder()
        try folder.write("clean.md", frontMatter() + "# Help\n\nYou can talk to someone you trust.\n")
        try folder.write("error.md", frontMatter() + "# Help\n\nFor help, [click here](https://www.childline.org.uk).\n")
        let out = try output()
        let request = BuildRequest(guidesRoot: folder.root, outputRoot: out, formats: ["epub"],
                                   displayBase: folder.root.deletingLastPathComponent(),
                                   stylesRoot: BuilderTests.repository.appendingPathComponent("Styles"), allowErrors: true)
        let results = try await Builder().build(request) { _ in }
        #expect(results.map(\.succeeded) == [true, true], "\(results.flatMap(\.errors).map(\.formatted))")
        func package(_ slug: String) throws -> String {
            let bytes = try #require(FileManager.default.contents(atPath: out.appendingPathComponent("\(slug)/\(slug).epub").path))
            let opf = try #require(try ZipArchiveReader.entries(of: Array(bytes)).first { $0.path.hasSuffix(".opf") })
            return String(decoding: opf.bytes, as: UTF8.self)
        }
        #expect(try package("clean").contains("dcterms:conformsTo"))
        #expect(try !package("error").contains("dcterms:conformsTo"))
    }
}
