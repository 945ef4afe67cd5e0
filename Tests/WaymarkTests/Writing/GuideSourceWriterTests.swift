import Foundation
import Testing
@testable import Waymark
import WaymarkModel

/// The guide-source writer: what it writes reads back as the same guide.
@Suite struct GuideSourceWriterTests {
    static let repository = BuilderTests.repository

    /// Every guide in Guides/ and every fixture guide: read, written, read again.
    static let guides: [URL] = {
        let folders = [repository.appendingPathComponent("Guides"), Fixtures.url("guides"), Fixtures.url("checking")]
        return folders.flatMap { folder in
            ((try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? [])
                .filter { $0.pathExtension == "md" }
                .sorted { $0.lastPathComponent < $1.lastPathComponent }
        }
    }()

    @Test(arguments: guides)
    func roundTrip(_ file: URL) throws {
        let folder = file.deletingLastPathComponent()
        let reader = GuideReader(guidesRoot: folder)
        let guide = try reader.read(file: file, displayPath: file.lastPathComponent)
        let written = GuideSourceWriter().write(guide)
        let again: Guide
        do {
            again = try reader.read(bytes: Array(written.utf8), slug: guide.slug, displayPath: file.lastPathComponent, folder: folder)
        } catch {
            Issue.record("the written guide does not read: \(error.diagnostics.map(\.formatted))\n\(written)")
            return
        }
        let before = guide.withoutLocations(), after = again.withoutLocations()
        #expect(before.metadata == after.metadata)
        #expect(before.resources == after.resources)
        #expect(before.chapters.count == after.chapters.count)
        for (one, other) in zip(before.chapters, after.chapters) where one != other {
            #expect(one.heading == other.heading)
            for (a, b) in zip(one.blocks, other.blocks) where a != b {
                Issue.record("block differs:\n\(a)\n---\n\(b)")
                break
            }
        }
        #expect(before == after)
        // Writing what was read back gives the same text: the writer is stable.
        #expect(GuideSourceWriter().write(again) == written)
    }

    @Test func escapesWhatCmarkWouldReadAsMarkup() throws {
        let folder = try GuideFolder()
        let texts = [
            "1. not a list", "- not a bullet", "# not a heading", "> not a quote", ":::note not a block",
            "a *star* and _under_ and `tick` and [bracket] and <tag> and &amp; and a | bar",
            "trailing backslash \\", "ends with hashes ##", "= not a heading underline", "+ plus", "~~~ tildes",
        ]
        let place = Location(file: "", line: 1, column: 1)
        let blocks = texts.map { Block(.paragraph([Inline(.text($0), at: place)]), at: place) }
            + [Block(.heading(Heading(level: 2, content: [Inline(.text("Ends with #"), at: place)], id: "")), at: place)]
        let metadata = Metadata(
            title: "Yes: a guide", language: "en-GB", publisher: "on", published: GuideDate(year: 2026, month: 11, day: 1),
            version: "1.1", summary: "A summary: with a colon # and a hash")
        let guide = Guide(slug: "g", sourcePath: "g.md", metadata: metadata, chapters: GuideReader.chapters(from: blocks, file: "g.md"))
        let written = GuideSourceWriter().write(guide)
        let again = try GuideReader(guidesRoot: folder.root).read(bytes: Array(written.utf8), slug: "g", displayPath: "g.md", folder: folder.root)
        #expect(again.withoutLocations() == guide.withoutLocations(), "\(written)")
    }

    /// Bold and italic next to each other, inside each other and next to words and punctuation,
    /// as a Word file's runs give them (the inline assembler's output), written and read back.
    @Test func formattingInEveryArrangementReadsBack() throws {
        let folder = try GuideFolder()
        let place = Location(file: "", line: 1, column: 1)
        func text(_ value: String) -> Inline { Inline(.text(value), at: place) }
        func em(_ children: Inline...) -> Inline { Inline(.emphasis(children), at: place) }
        func strong(_ children: Inline...) -> Inline { Inline(.strong(children), at: place) }
        let arrangements: [[Inline]] = [
            [text("x"), strong(em(text("a")), text(" b"))],
            [text("x"), strong(text("b "), em(text("a"))), text("y")],
            [em(strong(text("a")))],
            [text("x"), em(strong(text("a"))), text("y")],
            [strong(text("a")), em(text("b"))],
            [em(text("a")), strong(text("b"))],
            [text("x"), strong(text("\"quoted\"")), text("y")],
            [text("x"), em(text("(aside)")), text(".")],
            [strong(text("Note:")), text("Call")],
            [text("un"), strong(text("happy"))],
            [text("x"), em(text("a")), strong(text("b")), text("y")],
            [text("x"), strong(text("a")), em(text("b")), text("y")],
            [strong(text("a "), em(text("b")), text(" c"))],
            [text("call "), strong(text("0800 1111")), text(" now")],
            [strong(text("'Quoted,'")), text(" she said")],
            [em(text("*stars* and _lines_"))],
        ]
        for inlines in arrangements {
            var spans = InlineAssemblerProbe.spans(of: inlines)
            if inlines.count == 3, case .text("x") = inlines[0].kind, case .text("y") = inlines[2].kind {
                spans[1].link = "https://example.org/"
            }
            let assembled = InlineAssembler.inlines(spans, recognise: true)
            let block = Block(.paragraph(assembled), at: place)
            let metadata = Metadata(title: "T", language: "en-GB", publisher: "P", published: GuideDate(year: 2026, month: 11, day: 1), summary: "S")
            let guide = Guide(slug: "g", sourcePath: "g.md", metadata: metadata, chapters: GuideReader.chapters(from: [block], file: "g.md"))
            let written = GuideSourceWriter().write(guide)
            let again = try GuideReader(guidesRoot: folder.root).read(bytes: Array(written.utf8), slug: "g", displayPath: "g.md", folder: folder.root)
            #expect(again.withoutLocations() == guide.withoutLocations(), "\(written)\n\(assembled)")
            #expect(Inline.plainText(assembled) == Inline.plainText(inlines))
        }
    }

    @Test func commentsGoWhereTheyBelongAndAreNotRead() throws {
        let folder = try GuideFolder()
        let place = Location(file: "", line: 1, column: 1)
        let blocks = [
            Block(.heading(Heading(level: 1, content: [Inline(.text("First"), at: place)], id: "")), at: place),
            Block(.paragraph([Inline(.text("Some words."), at: place)]), at: place),
        ]
        let metadata = Metadata(title: "T", language: "en-GB", publisher: "P", published: GuideDate(year: 2026, month: 11, day: 1), summary: "S")
        let guide = Guide(slug: "g", sourcePath: "g.md", metadata: metadata, chapters: GuideReader.chapters(from: blocks, file: "g.md"))
        let comments = GuideSourceWriter.Comments(
            frontMatter: ["publisher": ["TO DO: who publishes it?"], "audience": ["TO DO: who is it for?"]],
            blocks: [1: ["TO DO: a \"quoted\" word"], 2: ["TO DO: at the end"]])
        let written = GuideSourceWriter().write(guide, comments: comments)
        #expect(written.contains("# TO DO: who publishes it?\npublisher: P\n"))
        #expect(written.contains("# TO DO: who is it for?\n"))
        #expect(written.contains("# First\n\n[//]: # \"TO DO: a \\\"quoted\\\" word\"\n\nSome words.\n\n[//]: # \"TO DO: at the end\"\n"))
        let again = try GuideReader(guidesRoot: folder.root).read(bytes: Array(written.utf8), slug: "g", displayPath: "g.md", folder: folder.root)
        #expect(again.withoutLocations() == guide.withoutLocations())
    }
}

/// Spans (as a Word file's runs are) for inlines, to feed the inline assembler.
enum InlineAssemblerProbe {
    static func spans(of inlines: [Inline], strong: Bool = false, emphasis: Bool = false) -> [TextSpan] {
        inlines.flatMap { inline -> [TextSpan] in
            switch inline.kind {
            case .text(let text): return [TextSpan(.text(text), strong: strong, emphasis: emphasis, at: inline.location)]
            case .emphasis(let children): return spans(of: children, strong: strong, emphasis: true)
            case .strong(let children): return spans(of: children, strong: true, emphasis: emphasis)
            case .link, .phone, .term, .abbreviation, .lineBreak: return []
            }
        }
    }
}
