import Foundation
import Testing
@testable import Waymark
import WaymarkModel

@Suite("Starter project") struct StarterProjectTests {
    static let today = GuideDate(year: 2026, month: 11, day: 1)
    static let styles = BuilderTests.styles

    func folder() -> URL { TestTemporary.url("starter") }

    @Test func filesAreTheGuideItsPicturesTheSettingsTheReadmeAndGitignore() {
        let paths = StarterProject.files(today: Self.today).map(\.path)
        #expect(paths == [
            "Guides/someone-to-talk-to.md", "Guides/pictures/talk.svg", "Guides/pictures/phone.svg",
            "waymark.yml", "README.md", ".gitignore",
        ])
        let gitignore = StarterProject.files(today: Self.today).first { $0.path == ".gitignore" }
        #expect(gitignore.map { String(decoding: $0.bytes, as: UTF8.self) }?.contains("/Output/") == true)
    }

    @Test func exampleGuideUsesAPictureAContactAnUrgentBoxAndAGlossaryWord() throws {
        let root = folder()
        try StarterProject.create(in: root, today: Self.today)
        let guides = root.appendingPathComponent("Guides")
        let guide = try GuideReader(guidesRoot: guides)
            .read(file: root.appendingPathComponent(StarterProject.guidePath), displayPath: StarterProject.guidePath)
        var kinds: [String] = []
        guide.forEachBlock { block in
            if case .picture = block.kind { kinds.append("picture") }
            if case .contact = block.kind { kinds.append("contact") }
            if case .callout(let callout) = block.kind, callout.kind == .urgent { kinds.append("urgent") }
        }
        #expect(Set(kinds) == ["picture", "contact", "urgent"])
        #expect(guide.metadata.glossary.map(\.term) == ["trusted adult"])
        #expect(guide.metadata.published == Self.today)
        #expect(guide.metadata.reviewBy == GuideDate(year: 2027, month: 11, day: 1))
    }

    @Test func starterBuildsEveryFormatWithNoErrorsOrWarnings() async throws {
        let root = folder()
        try StarterProject.create(in: root, today: Self.today)
        let guides = root.appendingPathComponent("Guides")
        let project = try ProjectConfiguration.load(from: root.appendingPathComponent("waymark.yml"), displayPath: "waymark.yml")
        let request = BuildRequest(
            guidesRoot: guides, outputRoot: root.appendingPathComponent("Output"), displayBase: root, stylesRoot: Self.styles,
            checks: CheckOptions(today: Self.today, project: project))
        let results = try await Builder().build(request) { _ in }
        #expect(results.count == 1)
        #expect(results.flatMap(\.errors).map(\.formatted) == [])
        #expect(results.flatMap(\.findings).map(\.formatted) == [])
        let files = results.first?.files ?? []
        for writer in WriterRegistry.all {
            for file in writer.files.map({ $0.replacingOccurrences(of: "<slug>", with: "someone-to-talk-to") }) {
                #expect(files.contains { $0.hasSuffix(file) }, "\(writer.formatID): \(file) not in \(files)")
            }
        }
    }

    @Test func settingsFileReadsBackWithEverySetting() throws {
        let file = try #require(StarterProject.files(today: Self.today).first { $0.path == "waymark.yml" })
        let project = try ProjectConfiguration.parse(file.bytes, displayPath: "waymark.yml")
        #expect(project.publisher == "Our Safeguarding Partnership")
        #expect(project.language == "en-GB")
        #expect(project.alternativeFormats?.email == "accessible.formats@example.org")
        #expect(project.alternativeFormats?.phone?.dial == "01632960000")
        #expect(project.alternativeFormats?.website == "https://www.example.org/guides")
        #expect(project.checks.isEmpty)
    }

    @Test(arguments: StarterProject.files(today: today).map(\.path))
    func refusesWhenAnyFileIsThereAndWritesNothing(_ path: String) throws {
        let root = folder()
        let taken = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: taken.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("mine\n".utf8).write(to: taken)
        #expect(throws: StarterProject.Failure.exists(path: path)) { try StarterProject.create(in: root, today: Self.today) }
        #expect(try String(contentsOf: taken, encoding: .utf8) == "mine\n")
        for other in StarterProject.files(today: Self.today).map(\.path) where other != path {
            #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent(other).path), "\(other)")
        }
    }

    @Test func aLinkThatLeadsNowhereCountsAsThere() throws {
        let root = folder()
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("README.md").path, withDestinationPath: "/nowhere/at/all")
        #expect(throws: StarterProject.Failure.exists(path: "README.md")) { try StarterProject.create(in: root, today: Self.today) }
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("waymark.yml").path))
    }

    @Test func aFileInPlaceOfTheFolderIsRefused() throws {
        let root = folder()
        try FileManager.default.createDirectory(at: root.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data().write(to: root)
        #expect(throws: StarterProject.Failure.notAFolder(path: root.path)) { try StarterProject.create(in: root, today: Self.today) }
    }
}
