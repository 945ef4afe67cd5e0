import Foundation
import Testing
@testable import Waymark
import WaymarkModel

/// A guide named on the command line is its own root (issue 14): its pictures are found
/// beside it, and it gets the same findings as when its folder is the guides folder.
@Suite("Building: a guide's own folder") struct GuideRootTests {
    /// `~/drafts/my-guide.md` with `pictures/phone.svg` beside it, and things to find in it.
    func drafts() throws -> URL {
        let drafts = TestTemporary.url("drafts")
        try FileManager.default.createDirectory(at: drafts.appendingPathComponent("pictures"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: Fixtures.url("guides/pictures/phone.svg"), to: drafts.appendingPathComponent("pictures/phone.svg"))
        let text = frontMatter() + """
            # Getting help

            ![A phone](pictures/phone.svg)

            You can talk to someone you trust about anything that is worrying you at home or at school or online or anywhere else at all today.

            It is NOT YOUR FAULT AT ALL.

            :::contact
            name: Childline
            phone: 0800 1111
            website: http://www.childline.org.uk
            :::

            """
        try Data(text.utf8).write(to: drafts.appendingPathComponent("my-guide.md"))
        return drafts
    }

    @Test func aGuideOutsideTheGuidesFolderGetsTheFindingsItWouldGetInItsOwnFolder() async throws {
        let drafts = try drafts()
        let guide = drafts.appendingPathComponent("my-guide.md")
        let checker = Checker(options: CheckOptions(today: RuleExample.today))
        let elsewhere = try GuideFolder().root
        let named = await checker.run(guides: [guide], guidesRoot: elsewhere, displayBase: drafts, styleSheets: [:])
        let own = await checker.run(guides: [guide], guidesRoot: drafts, displayBase: drafts, styleSheets: [:])
        let findings = { (report: CheckReport) in report.allFindings.map { "\($0.location) \($0.severity.rawValue) \($0.message)" } }
        #expect(findings(named) == findings(own))
        #expect(findings(own).count >= 3, "\(findings(own))")
        #expect(!findings(named).contains { $0.contains("outside the guides folder") }, "\(findings(named))")
    }

    @Test func aGuideNamedOutsideTheGuidesFolderIsBuiltWithItsPictures() async throws {
        let drafts = try drafts()
        let guide = drafts.appendingPathComponent("my-guide.md")
        let output = TestTemporary.url("drafts-output")
        let request = BuildRequest(
            guidesRoot: try GuideFolder().root, outputRoot: output, guides: [guide], displayBase: drafts,
            stylesRoot: BuilderTests.repository.appendingPathComponent("Styles"), allowErrors: true)
        let results = try await Builder().build(request) { _ in }
        #expect(results.map(\.succeeded) == [true], "\(results.flatMap(\.errors).map(\.formatted))")
        let epub = try Data(contentsOf: output.appendingPathComponent("my-guide/my-guide.epub"))
        #expect(epub.count > 1000)
        let page = try String(contentsOf: output.appendingPathComponent("my-guide/my-guide-large-print.html"), encoding: .utf8)
        #expect(page.contains("data:image/svg+xml;base64,"))
    }

    @Test func theRootIsTheNearestProjectAboveTheGuide() throws {
        let project = TestTemporary.url("project")
        let guides = project.appendingPathComponent("Guides/topic")
        try FileManager.default.createDirectory(at: guides, withIntermediateDirectories: true)
        try Data("checks:\n  italics: off\n".utf8).write(to: project.appendingPathComponent("waymark.yml"))
        let guide = guides.appendingPathComponent("a.md")
        #expect(Builder.root(of: guide).path == project.appendingPathComponent("Guides").standardizedFileURL.resolvingSymlinksInPath().path)
        let loose = TestTemporary.url("loose").appendingPathComponent("b.md")
        #expect(Builder.root(of: loose).path == loose.deletingLastPathComponent().standardizedFileURL.resolvingSymlinksInPath().path)
    }
}
