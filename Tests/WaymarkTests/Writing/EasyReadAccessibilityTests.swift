import Foundation
import Testing
@testable import Waymark
import WaymarkModel
import WaymarkZip

/// The easy-read edition's accessibility metadata counts the pictures of its rows, which only it shows.
@Suite("Writing: easy-read accessibility metadata") struct EasyReadAccessibilityTests {
    /// Informative pictures only inside easy-read rows.
    static let rowPicturesOnly = frontMatter() + """
        # Help

        You can phone for help.

        :::easy-read
        ![A person on the phone](pictures/phone.svg)
        You can phone for help.
        :::

        """

    static func packages(_ source: String) throws -> (standard: String, easyRead: String) {
        let guide = try GuideFolder().read(source)
        var options = try LargePrintWriterTests.options()
        options.pictograms = try PictogramSet.load(from: Fixtures.url("pictograms"))
        let easy = try EasyReadWriter().write(guide, options: options)
        let book = try #require(easy.first { $0.path.hasSuffix(".epub") })
        let entry = try #require(try ZipArchiveReader.entries(of: book.bytes).first { $0.path == "EPUB/package.opf" })
        let standard = try #require(try EPUBWriterTests.entries(guide)["EPUB/package.opf"])
        return (standard, String(decoding: entry.bytes, as: UTF8.self))
    }

    @Test func informativePicturesInRowsMakeTheEditionVisual() throws {
        let opf = try Self.packages(Self.rowPicturesOnly).easyRead
        #expect(opf.contains(#"<meta property="schema:accessMode">visual</meta>"#))
        #expect(opf.contains(#"<meta property="schema:accessModeSufficient">textual</meta>"#))
        #expect(opf.contains(#"<meta property="schema:accessModeSufficient">textual,visual</meta>"#))
        #expect(opf.contains(#"<meta property="schema:accessibilityFeature">alternativeText</meta>"#))
        #expect(opf.contains("Its 1 picture has a text description"))
        #expect(!opf.contains("All its content is text."))
    }

    @Test func theStandardBookDoesNotShowRowsSoStaysTextual() throws {
        let opf = try Self.packages(Self.rowPicturesOnly).standard
        #expect(opf.contains(#"<meta property="schema:accessMode">textual</meta>"#))
        #expect(!opf.contains(#">visual<"#))
        #expect(!opf.contains("alternativeText"))
        #expect(opf.contains("All its content is text."))
    }

    @Test func chosenPictogramsAreDecorativeSoTheEditionStaysTextual() throws {
        // Generated rows get pictograms with empty alt text: they repeat the words.
        let opf = try Self.packages(frontMatter() + "# Help\n\nYou can phone for help.\n").easyRead
        #expect(opf.contains(#"<meta property="schema:accessMode">textual</meta>"#))
        #expect(!opf.contains(#">visual<"#))
    }
}
