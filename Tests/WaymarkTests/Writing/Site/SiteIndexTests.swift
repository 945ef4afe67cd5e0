import Foundation
import Testing
@testable import Waymark
import WaymarkModel

/// The list of every guide and the two catalogues, written a piece at a time (issue #23: memory
/// flat from 100 guides to 10,000), against the bytes the whole-tree writer made before.
@Suite("Writing: the list of guides and the catalogues") struct SiteIndexTests {
    /// The expected files, made by the list's whole-tree writer (commit 7d9499b) from ``sites``.
    static let golden = Fixtures.folder.appendingPathComponent("site-index")

    /// A guide's entry, with what the list and the catalogues show of it.
    static func entry(
        _ slug: String, _ title: String, language: String = "en-GB", name: String = "English", of original: String? = nil,
        keywords: [String] = [], audience: String? = nil, age: Int? = nil, published: String = "2026-11-01",
        subtitle: String? = nil, summary: String? = nil, png: Bool = false
    ) -> SiteEntry {
        let labels = LabelCatalogues.builtIn.labels(for: "en-GB")
        func file(_ path: String, _ type: String, pages: Int? = nil, first: Bool = false) -> SiteEntry.File {
            var file = DownloadSite.file(path: path, bytes: Array(repeating: 7, count: 1500 + path.utf8.count), name: "Name of \(path)",
                                         about: "About \(path)", kind: "Kind", mediaType: type, pages: pages, edition: .standard, labels: labels)
            file.isFirstChoice = first
            return file
        }
        let access = SiteEntry.Accessibility(accessModes: ["textual"], accessModesSufficient: ["textual"], features: ["tableOfContents"], hazards: ["none"], summary: "Readable.")
        return SiteEntry(
            slug: slug, title: title, subtitle: subtitle, summary: summary ?? "What \(title) is & who can help.", audience: audience,
            language: language, languageName: name, publisher: "Test <Partnership>", published: published, publishedText: "1 November 2026",
            readingAge: age, keywords: keywords, translationOf: original, identifier: "urn:uuid:\(slug)",
            cover: png ? "cover.png" : "cover.svg", coverType: png ? "image/png" : "image/svg+xml",
            files: [file("\(slug)-large-print.html", "text/html", first: true), file("\(slug).pdf", "application/pdf", pages: 4), file("\(slug).txt", "text/plain")],
            bundle: file("\(slug)-all-formats.zip", "application/zip"), accessibility: access, easyReadAccessibility: nil)
    }

    /// Three sites: many languages and families under mixed topics; an address and a publisher
    /// with the list in Welsh; one guide alone.
    static let sites: [(name: String, entries: [SiteEntry], settings: DownloadSite.Settings)] = [
        ("mixed", [
            entry("safe", "Feeling \"safe\"", keywords: ["Safety", "help"], audience: "Young people aged 11 to 16", age: 9),
            entry("safe-cy", "Teimlo’n ddiogel", language: "cy", name: "Cymraeg", of: "safe", keywords: ["diogelwch"], age: 10),
            entry("safe-ar", "الشعور بالأمان", language: "ar", name: "العربية", of: "safe", keywords: ["safety"]),
            entry("bullying", "bullying & you", keywords: ["safety"], published: "2026-11-20", subtitle: "A guide", png: true),
            entry("online", "Keeping safe online", keywords: ["Online"], audience: "Children", age: 7),
            entry("lost-ur", "جب آپ محفوظ نہ ہوں", language: "ur", name: "اردو", of: "not-built", keywords: ["مدد"]),
            entry("lost-cy", "Pan nad wyt ti’n ddiogel", language: "cy", name: "Cymraeg", of: "not-built"),
            entry("zz-untopical", "A guide with no keywords"),
            entry("aa-untopical", "Another <guide>", summary: "Line one\nline two"),
        ], DownloadSite.Settings()),
        ("address", [
            entry("cy-one", "Canllaw un", language: "cy", name: "Cymraeg", keywords: ["help"], published: "2025-01-31"),
            entry("en-one", "Guide one", of: "cy-one", keywords: ["help"]),
            entry("en-two", "Guide two", keywords: ["Help"], png: true),
        ], DownloadSite.Settings(
            siteURL: "https://www.example.org/guides", publisher: "Council & Partners", language: "cy")),
        ("alone", [entry("only", "The only guide", keywords: ["safety"], audience: "Everyone", age: 8)],
         DownloadSite.Settings(siteURL: "https://example.org/a b/")),
    ]

    static func options() throws -> WriterOptions {
        var options = WriterOptions()
        options.styles = try StyleSet(projectFolder: BuilderTests.styles, base: BuilderTests.styles).sheets
        return options
    }

    @Test(arguments: sites.indices) func theListAndTheCataloguesAreTheBytesTheyWere(_ site: Int) throws {
        let (name, entries, settings) = Self.sites[site]
        let files = try SiteIndex(entries: entries.reversed(), settings: settings).write(options: Self.options())
        #expect(files.map(\.path) == SiteIndex.files)
        for file in files {
            let expected = try [UInt8](Data(contentsOf: Self.golden.appendingPathComponent("\(name)/\(file.path)")))
            #expect(file.bytes == expected, "\(name)/\(file.path) differs")
        }
    }

    @Test func aRecordReadsBackAsItWasWritten() throws {
        let settings = DownloadSite.Settings(siteURL: "https://example.org/guides/")
        let odd = Self.entry("odd", "100% safe\r\nor not", of: "safe", keywords: ["a%0Ab"], audience: "", age: 12, summary: "")
        for entry in Self.sites[0].entries + [odd] {
            let record = try SiteRecord(entry: entry, settings: settings)
            #expect(SiteRecord(text: record.text(key: "k1"), key: "k1") == record, "\(entry.slug)")
            #expect(SiteRecord(text: record.text(key: "k1"), key: "k2") == nil, "another build's record")
        }
        let record = try SiteRecord(entry: odd, settings: settings)
        #expect(record.listing == SiteListing(odd))
        #expect(record.listing.family == "safe" && record.listing.topic == "a%0Ab" && record.listing.audience == "")
        #expect(record.atom.starts(with: Array(#"<entry xml:lang="en-GB"><title>100% safe&#13;"#.utf8)))
        #expect(record.opds.starts(with: Array("{\n      \"metadata\": {".utf8)))
    }

    @Test func anythingElseIsNoRecord() throws {
        let text = String(decoding: try SiteRecord(entry: Self.sites[0].entries[0], settings: .init()).text(key: "k"), as: UTF8.self)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines.removeLast()
        let broken: [String] = [
            "", "{\"key\":\"k\",\"entry\":{}}", String(text.dropLast()), text.replacingOccurrences(of: "waymark-site 1", with: "waymark-site 2"),
            (lines.filter { !$0.hasPrefix("title ") }).joined(separator: "\n") + "\n",
            (lines.filter { !$0.hasPrefix("opds ") }).joined(separator: "\n") + "\n",
            (lines + ["extra line"]).joined(separator: "\n") + "\n",
            text.replacingOccurrences(of: "reading-age 9", with: "reading-age nine"),
            text.replacingOccurrences(of: "title Feeling", with: "title %zzFeeling"),
            (lines.reversed()).joined(separator: "\n") + "\n",
        ]
        for bytes in broken {
            #expect(SiteRecord(text: Array(bytes.utf8), key: "k") == nil, "\(bytes.prefix(60))")
        }
        #expect(SiteRecord(text: Array(text.utf8), key: "k") != nil)
    }
}
