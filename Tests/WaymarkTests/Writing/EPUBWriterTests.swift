import Foundation
import Testing
@testable import Waymark
import WaymarkModel
import WaymarkZip

@Suite("Writing: EPUB") struct EPUBWriterTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func options(passed: Bool = false) throws -> WriterOptions {
        WriterOptions(styles: try StyleSet(projectFolder: repository.appendingPathComponent("Styles"), base: repository).sheets,
                      passedAccessibilityChecks: passed, sourceDateEpoch: nil)
    }

    static func fixture(_ name: String) throws -> Guide {
        let root = Fixtures.url("guides")
        return try GuideReader(guidesRoot: root).read(file: root.appendingPathComponent(name), displayPath: name)
    }

    static func entries(_ guide: Guide, passed: Bool = false) throws -> [String: String] {
        let files = try EPUBWriter().write(guide, options: try options(passed: passed))
        #expect(files.map(\.path) == ["\(guide.slug).epub"])
        var result: [String: String] = [:]
        for entry in try ZipArchiveReader.entries(of: files[0].bytes) {
            result[entry.path] = String(decoding: entry.bytes, as: UTF8.self)
        }
        return result
    }

    @Test func goldenPackageNavAndChapter() throws {
        let entries = try Self.entries(try Self.fixture("everything.md"))
        for (entry, golden) in [("EPUB/package.opf", "epub/everything.opf"), ("EPUB/nav.xhtml", "epub/everything-nav.xhtml"),
                                ("EPUB/chapter-01.xhtml", "epub/everything-chapter-01.xhtml"), ("EPUB/glossary.xhtml", "epub/everything-glossary.xhtml")] {
            try Fixtures.expectGolden(Array(try #require(entries[entry]).utf8), golden)
        }
    }

    @Test func goldenRightToLeft() throws {
        let entries = try Self.entries(try Self.fixture("rtl-arabic.md"))
        try Fixtures.expectGolden(Array(try #require(entries["EPUB/package.opf"]).utf8), "epub/rtl-arabic.opf")
        try Fixtures.expectGolden(Array(try #require(entries["EPUB/chapter-01.xhtml"]).utf8), "epub/rtl-arabic-chapter-01.xhtml")
        #expect(entries["EPUB/package.opf"]?.contains(#"<spine page-progression-direction="rtl">"#) == true)
        #expect(entries["EPUB/chapter-01.xhtml"]?.contains(#"lang="ar" xml:lang="ar" dir="rtl""#) == true)
    }

    @Test func containerLayout() throws {
        let files = try EPUBWriter().write(try Self.fixture("everything.md"), options: try Self.options())
        let entries = try ZipArchiveReader.entries(of: files[0].bytes)
        #expect(entries.first?.path == "mimetype")
        #expect(entries.first?.isStored == true)
        #expect(entries.map(\.path).contains("META-INF/container.xml"))
        // Pictures used only in easy-read rows are not part of this book; the cover made for it is.
        #expect(entries.map(\.path).filter { $0.hasPrefix("EPUB/images/") } == ["EPUB/images/cover.svg", "EPUB/images/meeting.svg", "EPUB/images/phone.svg"])
    }

    @Test func accessibilityMetadataFollowsTheContent() throws {
        let withPictures = try Self.entries(try Self.fixture("everything.md"))["EPUB/package.opf"] ?? ""
        #expect(withPictures.contains(#"<meta property="schema:accessMode">visual</meta>"#))
        #expect(withPictures.contains(#"<meta property="schema:accessibilityFeature">alternativeText</meta>"#))
        // "glossary" is not in the accessibilityFeature vocabulary: the summary says it instead.
        #expect(!withPictures.contains(#"<meta property="schema:accessibilityFeature">glossary</meta>"#))
        #expect(withPictures.contains("explained where they are first used and in a glossary at the end"))

        let plain = try GuideFolder().read(frontMatter() + "# One\n\nJust words.\n")
        let textOnly = try Self.entries(plain)["EPUB/package.opf"] ?? ""
        #expect(textOnly.contains(#"<meta property="schema:accessMode">textual</meta>"#))
        #expect(!textOnly.contains(#"<meta property="schema:accessMode">visual</meta>"#))
        #expect(!textOnly.contains("alternativeText"))
        #expect(!textOnly.contains("in a glossary"))
        #expect(textOnly.contains("All its content is text."))

        let decorativeOnly = try GuideFolder().read(frontMatter() + "# One\n\n![](pictures/meeting.svg)\n\nWords.\n")
        let decorative = try Self.entries(decorativeOnly)["EPUB/package.opf"] ?? ""
        #expect(!decorative.contains(#">visual<"#))
    }

    @Test func conformanceIsClaimedOnlyWhenChecksPassed() throws {
        let guide = try Self.fixture("everything.md")
        let unchecked = try Self.entries(guide, passed: false)["EPUB/package.opf"] ?? ""
        #expect(!unchecked.contains("dcterms:conformsTo"))
        #expect(!unchecked.contains("a11y:certifiedBy"))
        let passed = try Self.entries(guide, passed: true)["EPUB/package.opf"] ?? ""
        #expect(passed.contains(#"<meta property="dcterms:conformsTo">EPUB Accessibility 1.1 - WCAG 2.2 Level AA</meta>"#))
        #expect(passed.contains(#"<meta property="a11y:certifiedBy">Test Safeguarding Partnership</meta>"#))
    }

    @Test func identifierIsStableAndDerivedWhenAbsent() throws {
        #expect(StableIdentifier.urn(for: "Warwickshire Safeguarding/bullying") == StableIdentifier.urn(for: "Warwickshire Safeguarding/bullying"))
        #expect(StableIdentifier.urn(for: "a/b") != StableIdentifier.urn(for: "a/c"))
        // RFC 4122 appendix B style check: SHA-1 of "abc".
        let digest = SHA1.hash(Array("abc".utf8)).map { String(format: "%02x", $0) }.joined()
        #expect(digest == "a9993e364706816aba3e25717850c26c9cd0d89d")
        let opf = try Self.entries(try Self.fixture("everything.md"))["EPUB/package.opf"] ?? ""
        #expect(opf.contains(StableIdentifier.urn(for: "Test Safeguarding Partnership/everything")))
    }

    @Test func sameGuideGivesIdenticalBytesInAnyTimeZone() throws {
        let guide = try Self.fixture("everything.md")
        let first = try EPUBWriter().write(guide, options: try Self.options())
        let saved = ProcessInfo.processInfo.environment["TZ"]
        setenv("TZ", "Pacific/Kiritimati", 1)
        tzset()
        let second = try EPUBWriter().write(guide, options: try Self.options())
        if let saved { setenv("TZ", saved, 1) } else { unsetenv("TZ") }
        tzset()
        #expect(first == second)
    }

    @Test func sourceDateEpochDatesTheBook() throws {
        var options = try Self.options()
        options.sourceDateEpoch = 1_800_000_000
        let files = try EPUBWriter().write(try Self.fixture("everything.md"), options: options)
        let opf = try ZipArchiveReader.entries(of: files[0].bytes).first { $0.path == "EPUB/package.opf" }.map { String(decoding: $0.bytes, as: UTF8.self) } ?? ""
        #expect(opf.contains(#"<meta property="dcterms:modified">2027-01-15T08:00:00Z</meta>"#))
    }

    @Test func missingStyleSheetIsAClearError() throws {
        #expect(throws: WriterError.self) { try EPUBWriter().write(try Self.fixture("everything.md"), options: WriterOptions()) }
    }

    /// The package's `dcterms:modified` is worked out from the seconds (issue #23): the same text
    /// as Foundation's formatter, for leap days, the ends of years and centuries, and seeded instants
    /// from 1970 to 9999 (and Foundation's own answer beyond them).
    @Test func modifiedDatesAreFoundationsOwn() {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.formatOptions = [.withInternetDateTime]
        var instants: [TimeInterval] = [0, 59, 86_399, 86_400, 951_782_400, 951_868_799, 4_107_542_399, 4_107_542_400,
                                        946_684_799, 1_709_164_800, 253_402_300_799, 253_402_300_800, -1, 0.5, 1_700_000_000.25]
        var state: UInt64 = 3
        for _ in 0..<5000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            instants.append(TimeInterval((state >> 11) % 253_402_300_800))
        }
        for seconds in instants {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(EPUBPackage.internetDateTime(date) == formatter.string(from: date), "\(seconds)")
        }
    }
}
