import Foundation
import Testing
@testable import Waymark
import WaymarkModel

/// Issue #16: a guide and its translations name one another, each language in its own name.
@Suite("Building: translations") struct TranslationsTests {
    /// A guides folder with an English guide and its Welsh and Polish translations.
    static func project(welshFirst: Bool = false, extra: [(String, String)] = []) throws -> (GuideFolder, BuildRequest) {
        let folder = try GuideFolder()
        try folder.write("bullying.md", frontMatter() + "# Help\n\nTalk to someone you trust.\n")
        try folder.write("bwlio.md", frontMatter("translation-of: bullying\n").replacingOccurrences(of: "language: en-GB", with: "language: cy")
            .replacingOccurrences(of: "title: Test guide", with: "title: Bwlio") + "# Help\n\nSiaradwch â rhywun.\n")
        try folder.write("przemoc.md", frontMatter("translation-of: bullying\n").replacingOccurrences(of: "language: en-GB", with: "language: pl") + "# Pomoc\n\nPorozmawiaj z kimś.\n")
        for (name, text) in extra { try folder.write(name, text) }
        var checks = CheckOptions()
        checks.project.welshFirst = welshFirst
        let root = folder.root.deletingLastPathComponent()
        let request = BuildRequest(guidesRoot: folder.root, outputRoot: root.appendingPathComponent("Output"), displayBase: root, checks: checks)
        return (folder, request)
    }

    static func output(_ request: BuildRequest, _ path: String) throws -> String {
        String(decoding: try Data(contentsOf: request.outputRoot.appendingPathComponent(path)), as: UTF8.self)
    }

    @Test func everyVersionNamesTheOthersInTheirOwnLanguage() async throws {
        let (_, request) = try Self.project()
        let results = try await Builder().build(request) { _ in }
        #expect(results.map(\.succeeded) == [true, true, true], "\(results.flatMap(\.errors).map(\.formatted))")
        // The guide the others translate first, then by language.
        #expect(try Self.output(request, "bwlio/bwlio.txt").contains("Hefyd ar gael yn: English, Polski\n"))
        #expect(try Self.output(request, "bullying/bullying.txt").contains("Also in: Cymraeg, Polski\n"))
        let page = try Self.output(request, "bullying/bullying-large-print.html")
        #expect(page.contains(#"<p class="versions">Also in: <a href="../bwlio/bwlio-large-print.html" lang="cy" hreflang="cy">Cymraeg</a>, <a href="../przemoc/przemoc-large-print.html" lang="pl" hreflang="pl">Polski</a></p>"#))
        #expect(try Self.output(request, "przemoc/przemoc-easy-read.html").contains(#"<a href="../bullying/bullying-easy-read.html" lang="en-GB" hreflang="en-GB">English</a>"#))
    }

    @Test func welshComesFirstWhenTheProjectSaysSo() async throws {
        let (_, request) = try Self.project(welshFirst: true)
        _ = try await Builder().build(request) { _ in }
        #expect(try Self.output(request, "przemoc/przemoc.txt").contains("Cymraeg, English"))
        #expect(try Self.output(request, "bullying/bullying.txt").contains("Also in: Cymraeg, Polski\n"))
    }

    @Test func aTranslationOfNoGuideIsAnErrorAndTheOthersStillBuild() async throws {
        let (_, request) = try Self.project(extra: [("lost.md", frontMatter("translation-of: no-such-guide\n") + "# Help\n\nText.\n")])
        let results = try await Builder().build(request) { _ in }
        let lost = try #require(results.first { $0.slug == "lost" })
        #expect(!lost.succeeded)
        #expect(lost.errors.first?.message == "'translation-of: no-such-guide' names no guide in the guides folder")
        #expect(results.filter { $0.slug != "lost" }.allSatisfy { $0.succeeded })
    }

    @Test func aNewTranslationRebuildsTheGuidesItJoins() async throws {
        let (folder, request) = try Self.project()
        _ = try await Builder().build(request) { _ in }
        let again = try await Builder().build(request) { _ in }
        #expect(again.allSatisfy { $0.unchanged })
        try folder.write("bwlio-ro.md", frontMatter("translation-of: bullying\n").replacingOccurrences(of: "language: en-GB", with: "language: ro") + "# Ajutor\n\nVorbește cu cineva.\n")
        let third = try await Builder().build(request) { _ in }
        #expect(third.allSatisfy { !$0.unchanged }, "every version lists the new one, so none is unchanged")
        #expect(try Self.output(request, "bullying/bullying.txt").contains("Also in: Cymraeg, Polski, Română\n"))
    }

    @Test func aNameThatIsNotAGuideNameIsRefusedAtTheKey() throws {
        let diagnostics = try GuideFolder().errors(frontMatter("translation-of: bullying.md\n") + "Text.\n")
        #expect(diagnostics.first?.message == "'bullying.md' is not the name of a guide")
        #expect(diagnostics.first?.location.line == 7)
    }
}
