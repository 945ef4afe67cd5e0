import Foundation
import Testing
@testable import Waymark
import WaymarkModel
import WaymarkZip

/// Issue 18: the download site that every build writes into `Output/`.
@Suite("Writing: the download site") struct DownloadSiteTests {
    static let styles = BuilderTests.styles

    func guide(_ title: String, keywords: String = "[bullying, help]", extra: String = "") -> String {
        """
        ---
        title: \(title)
        language: en-GB
        publisher: Test Partnership
        published: 2026-11-01
        summary: What \(title.lowercased()) is and who can help.
        audience: Young people aged 11 to 16
        keywords: \(keywords)
        \(extra)---

        # Who can help

        You can talk to a teacher you trust.

        """
    }

    func request(_ folder: GuideFolder, output: URL, siteURL: String? = nil) -> BuildRequest {
        var options = WriterOptions()
        options.site.siteURL = siteURL
        return BuildRequest(
            guidesRoot: folder.root, outputRoot: output, formats: ["text", "epub"], options: options,
            displayBase: folder.root.deletingLastPathComponent(), stylesRoot: Self.styles)
    }

    func text(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

    func feedTitles(_ output: URL) throws -> [String] {
        let feed = try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("opds.json"))) as? [String: Any]
        let publications = feed?["publications"] as? [[String: Any]] ?? []
        return publications.compactMap { ($0["metadata"] as? [String: Any])?["title"] as? String }
    }

    func atomTitles(_ output: URL) throws -> [String] {
        try text(output.appendingPathComponent("opds.xml")).matches(of: /<entry[^>]*>\s*<title>([^<]*)<\/title>/).map { String($0.output.1) }
    }

    // MARK: - The index and the feeds follow the guides

    /// Two guides, "Bullying" and "Feeling unsafe", built once into a new output folder.
    func twoGuidesBuilt(into name: String) async throws -> (folder: GuideFolder, output: URL, site: SiteBuildResult) {
        let folder = try GuideFolder()
        let output = TestTemporary.url(name)
        try folder.write("a-guide.md", guide("Bullying"))
        try folder.write("b-guide.md", guide("Feeling unsafe", keywords: "[feeling unsafe]"))
        var site = SiteBuildResult()
        _ = try await Builder().build(request(folder, output: output), site: { site = $0 }) { _ in }
        return (folder, output, site)
    }

    @Test func addingChangingAndRemovingAGuideUpdatesTheIndexAndTheFeeds() async throws {
        let (folder, output, first) = try await twoGuidesBuilt(into: "site")
        var site = first
        #expect(site.errors.isEmpty && site.guides == 2)
        #expect(try feedTitles(output) == ["Bullying", "Feeling unsafe"])
        #expect(try atomTitles(output) == ["Bullying", "Feeling unsafe"])
        var index = try text(output.appendingPathComponent("index.html"))
        #expect(index.contains(#"<a href="a-guide/index.html">Bullying</a>"#))
        #expect(index.contains(">Feeling unsafe</h3>"), "the topic, from the first keyword")

        // Changed: the new title everywhere, the old one nowhere.
        try folder.write("b-guide.md", guide("Not feeling safe", keywords: "[feeling unsafe]"))
        _ = try await Builder().build(request(folder, output: output), site: { site = $0 }) { _ in }
        #expect(site.written.count == 3)
        index = try text(output.appendingPathComponent("index.html"))
        #expect(index.contains("Not feeling safe") && !index.contains(">Feeling unsafe</a>"))
        #expect(try feedTitles(output) == ["Bullying", "Not feeling safe"])

        // Added.
        try folder.write("c-guide.md", guide("Keeping safe online", keywords: "[online safety]"))
        _ = try await Builder().build(request(folder, output: output), site: { site = $0 }) { _ in }
        #expect(try feedTitles(output) == ["Bullying", "Not feeling safe", "Keeping safe online"])
        #expect(try atomTitles(output).count == 3)

        // Removed: no longer listed (its folder is left alone).
        try FileManager.default.removeItem(at: folder.root.appendingPathComponent("a-guide.md"))
        _ = try await Builder().build(request(folder, output: output), site: { site = $0 }) { _ in }
        #expect(site.guides == 2)
        #expect(try feedTitles(output) == ["Not feeling safe", "Keeping safe online"])
        #expect(try !text(output.appendingPathComponent("index.html")).contains("a-guide/"))
        #expect(try !text(output.appendingPathComponent("opds.xml")).contains("a-guide/"))
    }

    /// Issue #23: a build in which no guide changed leaves the list and the catalogues alone
    /// without making them; a lost or damaged site file, or a changed guide, makes them again.
    @Test func anUnchangedSiteIsNotMadeAgainUntilAGuideOrAFileChanges() async throws {
        let (folder, output, first) = try await twoGuidesBuilt(into: "site-key")
        var site = first
        #expect(site.written.count == 3)
        let manifest = output.appendingPathComponent(BuildCache.manifestName)
        #expect(FileManager.default.fileExists(atPath: manifest.path))
        let before = try Data(contentsOf: output.appendingPathComponent("opds.json"))

        _ = try await Builder().build(request(folder, output: output), site: { site = $0 }) { _ in }
        #expect(site.written.isEmpty && site.unchanged.count == 3 && site.guides == 2)

        // A lost catalogue comes back, the same bytes.
        try FileManager.default.removeItem(at: output.appendingPathComponent("opds.json"))
        _ = try await Builder().build(request(folder, output: output), site: { site = $0 }) { _ in }
        #expect(site.written.map { URL(fileURLWithPath: $0).lastPathComponent } == ["opds.json"])
        #expect(try Data(contentsOf: output.appendingPathComponent("opds.json")) == before)

        // A list cut short is made again.
        try Data("<!DOCTYPE html>".utf8).write(to: output.appendingPathComponent("index.html"))
        _ = try await Builder().build(request(folder, output: output), site: { site = $0 }) { _ in }
        #expect(site.written.map { URL(fileURLWithPath: $0).lastPathComponent } == ["index.html"])

        // A changed guide changes the key.
        try folder.write("b-guide.md", guide("Not feeling safe", keywords: "[feeling unsafe]"))
        _ = try await Builder().build(request(folder, output: output), site: { site = $0 }) { _ in }
        #expect(site.written.count == 3)
        #expect(try feedTitles(output) == ["Bullying", "Not feeling safe"])

        // A guide that no longer reads is listed from its last good build, and the site is kept.
        try folder.write("a-guide.md", "---\ntitle: [broken\n---\n")
        let results = try await Builder().build(request(folder, output: output), site: { site = $0 }) { _ in }
        #expect(results.map(\.succeeded) == [false, true])
        #expect(site.written.isEmpty && site.guides == 2)
        #expect(try feedTitles(output) == ["Bullying", "Not feeling safe"])
    }

    @Test func anUnchangedBuildRewritesNothingAndTheZIPIsTheSameBytes() async throws {
        let folder = try GuideFolder()
        let output = TestTemporary.url("site")
        try folder.write("a-guide.md", guide("Bullying"))
        _ = try await Builder().build(request(folder, output: output)) { _ in }
        let zip = output.appendingPathComponent("a-guide/a-guide-all-formats.zip")
        let first = try Data(contentsOf: zip)
        var site = SiteBuildResult()
        let again = try await Builder().build(request(folder, output: output), site: { site = $0 }) { _ in }
        #expect(again.map(\.unchanged) == [true])
        #expect(site.written.isEmpty && site.unchanged.count == 3)
        // Built again from nothing: byte for byte the same.
        try FileManager.default.removeItem(at: output)
        _ = try await Builder().build(request(folder, output: output)) { _ in }
        #expect(try Data(contentsOf: zip) == first)
    }

    @Test func aGuideThatFailsKeepsItsLastGoodEntry() async throws {
        let folder = try GuideFolder()
        let output = TestTemporary.url("site")
        try folder.write("a-guide.md", guide("Bullying"))
        _ = try await Builder().build(request(folder, output: output)) { _ in }
        try folder.write("a-guide.md", guide("Bullying") + "\n[Click here](https://example.org)\n")
        var site = SiteBuildResult()
        let results = try await Builder().build(request(folder, output: output), site: { site = $0 }) { _ in }
        #expect(results.map(\.succeeded) == [false])
        #expect(site.guides == 1)
        #expect(try feedTitles(output) == ["Bullying"])
    }

    // MARK: - A guide's page

    @Test func theGuidePageOffersEveryFileWithItsKindAndSizeAndTheZIPHoldsThemAll() async throws {
        let folder = try GuideFolder()
        let output = TestTemporary.url("site")
        try folder.write("a-guide.md", guide("Bullying"))
        _ = try await Builder().build(request(folder, output: output)) { _ in }
        let guideFolder = output.appendingPathComponent("a-guide")
        let page = try text(guideFolder.appendingPathComponent("index.html"))
        #expect(page.contains("Choose the version that suits you"))
        let textSize = try Data(contentsOf: guideFolder.appendingPathComponent("a-guide.txt")).count
        #expect(page.contains(#"<a href="a-guide.txt" type="text/plain""#))
        #expect(page.contains(">Plain text, \(DownloadSite.size(textSize, labels: .english))</p>"))
        #expect(page.contains(#"<a href="../index.html">All the guides</a>"#))
        #expect(page.contains(#"<script type="application/ld+json">"#) && page.contains(#""@type": "Book""#))
        #expect(!page.contains("<script>") && !page.contains("http://") && !page.contains("src=\"https"))
        // The EPUB comes before the text (e-books before the rest), the ZIP last.
        let order = page.matches(of: /<li class="download[^"]*"><h3><a href="([^"]+)"/).map { String($0.output.1) }
        #expect(order == ["a-guide.epub", "a-guide.txt", "a-guide-all-formats.zip"])
        let entries = try ZipArchiveReader.entries(of: Array(Data(contentsOf: guideFolder.appendingPathComponent("a-guide-all-formats.zip"))))
        #expect(entries.map(\.path) == ["README.txt", "a-guide.txt", "a-guide.epub"])
        for entry in entries.dropFirst() {
            #expect(entry.bytes == Array(try Data(contentsOf: guideFolder.appendingPathComponent(entry.path))))
        }
        let readme = String(decoding: entries[0].bytes, as: UTF8.self)
        #expect(readme.hasPrefix("This folder holds every version of “Bullying”, from Test Partnership:\r\n"))
    }

    @Test func theCouncilsContactForAnotherFormatIsOnEveryGuidePage() async throws {
        let folder = try GuideFolder()
        let output = TestTemporary.url("site")
        let settings = "publisher: Test Partnership\nalternative-formats:\n  email: formats@example.org\n  phone: 01632 960000\n"
        try folder.write("a-guide.md", guide("Bullying"))
        var request = request(folder, output: output)
        request.checks.project = try ProjectConfiguration.parse(Array(settings.utf8), displayPath: "waymark.yml")
        _ = try await Builder().build(request) { _ in }
        let page = try text(output.appendingPathComponent("a-guide/index.html"))
        #expect(page.contains(#"<a href="mailto:formats@example.org">formats@example.org</a>"#))
        #expect(page.contains(#"href="tel:01632960000""#))
        #expect(try text(output.appendingPathComponent("index.html")).contains(#"<p class="subtitle">Test Partnership</p>"#))
    }

    @Test func aSiteAddressMakesTheCataloguesLinksAbsoluteAndThePagesStayRelative() async throws {
        let folder = try GuideFolder()
        let output = TestTemporary.url("site")
        try folder.write("a-guide.md", guide("Bullying"))
        _ = try await Builder().build(request(folder, output: output, siteURL: "https://www.example.org/guides/")) { _ in }
        let feed = try text(output.appendingPathComponent("opds.json"))
        #expect(feed.contains(#""href": "https://www.example.org/guides/opds.json""#))
        #expect(feed.contains(#""href": "https://www.example.org/guides/a-guide/a-guide.epub""#))
        #expect(try text(output.appendingPathComponent("opds.xml")).contains(#"href="https://www.example.org/guides/a-guide/a-guide.txt""#))
        let page = try text(output.appendingPathComponent("a-guide/index.html"))
        #expect(page.contains(#"<a href="a-guide.txt""#))
        #expect(page.contains(#""contentUrl": "https://www.example.org/guides/a-guide/a-guide.txt""#))
        #expect(ProjectConfiguration.siteURLProblem("javascript:alert(1)") != nil)
        #expect(ProjectConfiguration.siteURLProblem("https://www.example.org/guides/?utm=1") != nil)
        #expect(ProjectConfiguration.siteURLProblem("https://www.example.org/guides/") == nil)
    }

    @Test func translationsAreListedTogetherUnderTheirOriginal() throws {
        func entry(_ slug: String, _ language: String, _ name: String, of original: String? = nil) -> SiteEntry {
            let file = DownloadSite.file(path: "\(slug).txt", bytes: [1], name: "Plain text", about: "", kind: "Plain text", mediaType: "text/plain", pages: nil, edition: .standard, labels: .english)
            let access = SiteEntry.Accessibility(accessModes: ["textual"], accessModesSufficient: ["textual"], features: [], hazards: ["none"], summary: "")
            return SiteEntry(
                slug: slug, title: "Title \(slug)", summary: "Summary", audience: nil, language: language, languageName: name,
                publisher: "P", published: "2026-11-01", publishedText: "", readingAge: 9, keywords: ["safety"], translationOf: original,
                identifier: "urn:x:\(slug)", cover: "cover.svg", coverType: "image/svg+xml", files: [file], bundle: file,
                accessibility: access, easyReadAccessibility: nil)
        }
        let index = try SiteIndex(entries: [entry("zz-welsh", "cy", "Cymraeg", of: "safe"), entry("safe", "en-GB", "English"), entry("other", "en-GB", "English")], settings: .init())
        #expect(index.families.map { $0.map { index.listings[$0].slug } } == [["other"], ["safe", "zz-welsh"]])
        #expect(index.language == "en-GB")
        #expect(index.byLanguage.map(\.language) == ["cy", "en-GB"])
    }

    // MARK: - Sizes and JSON

    @Test func sizesAreWrittenAsGOVUKWritesThem() {
        #expect(DownloadSite.size(1, labels: nil) == "1 KB")
        #expect(DownloadSite.size(461_824, labels: nil) == "451 KB")
        #expect(DownloadSite.size(1_310_720, labels: nil) == "1.3 MB")
        let polish = LabelCatalogues.builtIn.labels(for: "pl")
        #expect(DownloadSite.size(1_310_720, labels: polish).hasPrefix("1,3"))
    }

    @Test func jsonCanNeverEndItsScriptElement() {
        let value = JSONValue.object([("name", .string("</script><b>Tom & “Jerry”</b>")), ("none", nil), ("n", .number(3))])
        let json = value.text()
        #expect(!json.contains("<") && !json.contains(">") && !json.contains("&"))
        let ascii = json.unicodeScalars.allSatisfy { $0.isASCII }
        #expect(ascii)
        #expect(json.contains(#""\u003c/script\u003e\u003cb\u003eTom \u0026 \u201cJerry\u201d\u003c/b\u003e""#))
        #expect(!json.contains("none"))
    }
}
