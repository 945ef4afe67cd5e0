import Foundation
import Testing
@testable import Waymark
import WaymarkModel
import WaymarkZip

/// Issue #14: the built-in styles, and a project's own `Styles/` replacing or adding to them file by file.
@Suite("Building: style set") struct StyleSetTests {
    /// A project folder holding `Guides/` (with `guide.md`) and, once written to, `Styles/`.
    struct Project {
        let guides: GuideFolder
        var root: URL { guides.root.deletingLastPathComponent() }
        var styles: URL { root.appendingPathComponent("Styles") }

        init(guide: String) throws {
            guides = try GuideFolder()
            try guides.write("guide.md", frontMatter() + guide)
        }

        /// Writes `text` as `path` inside `Styles/`.
        func style(_ path: String, _ text: String) throws {
            try style(path, bytes: Array(text.utf8))
        }

        func style(_ path: String, bytes: [UInt8]) throws {
            let url = styles.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        }

        /// Builds every format, returning the results and what the style checks found.
        func build(stylesRoot: URL?) async throws -> (results: [GuideBuildResult], styleFindings: [Diagnostic], output: URL) {
            let output = root.appendingPathComponent("Output")
            var findings: [Diagnostic] = []
            let request = BuildRequest(guidesRoot: guides.root, outputRoot: output, displayBase: root, stylesRoot: stylesRoot)
            let results = try await Builder().build(request, styles: { findings = $0 }) { _ in }
            return (results, findings, output)
        }

        func output(_ path: String) throws -> [UInt8] {
            Array(try Data(contentsOf: root.appendingPathComponent("Output/guide/\(path)")))
        }
    }

    static func builtIn(_ path: String) throws -> String {
        try #require(EmbeddedStyles.files.first { $0.path == path }).text
    }

    /// A pictogram of the project's own, with a mark to find it by.
    static let kite = ##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100" width="100" height="100"><title>A kite</title><path d="M50 5 L80 50 L50 95 L20 50 Z" fill="#ffd27f" stroke="#000000" stroke-width="5"/></svg>"##

    /// The entry of a picture in a print page: a `data:` URI of its bytes.
    static func dataURI(_ bytes: [UInt8]) -> String {
        "data:image/svg+xml;base64," + Data(bytes).base64EncodedString()
    }

    // MARK: - No Styles folder

    @Test func aProjectWithNoStylesFolderBuildsEveryFormatWithTheBuiltInStyles() async throws {
        let project = try Project(guide: "# Help\n\nYou can talk to someone you trust.\n\nCall 0800 1111 for help.\n")
        #expect(!FileManager.default.fileExists(atPath: project.styles.path))
        for stylesRoot in [nil, project.styles] {
            let (results, findings, output) = try await project.build(stylesRoot: stylesRoot)
            #expect(findings.isEmpty, "\(findings.map(\.formatted))")
            #expect(results.map(\.succeeded) == [true], "\(results.flatMap(\.errors).map(\.formatted))")
            let made = try FileManager.default.contentsOfDirectory(atPath: output.appendingPathComponent("guide").path).filter { !$0.hasPrefix(".") }.sorted()
            #expect(made == [
                "cover.png", "guide-all-formats.zip", "guide-easy-read.epub", "guide-easy-read.html", "guide-easy-read.pdf",
                "guide-large-print.html", "guide-large-print.pdf", "guide.brf", "guide.epub", "guide.txt", "index.html",
            ])
            let largePrint = String(decoding: try project.output("guide-large-print.html"), as: UTF8.self)
            #expect(largePrint.contains("font-size: 18pt;"))
            // The built-in phone pictogram is chosen for the row with a phone number.
            let easyRead = String(decoding: try project.output("guide-easy-read.html"), as: UTF8.self)
            #expect(easyRead.contains(Self.dataURI(Array(try Self.builtIn("pictograms/phone.svg").utf8))))
        }
    }

    @Test func theBuiltInSheetsPassTheChecks() {
        let findings = Checker().check(styleSheets: StyleSet.builtIn.sheetsForChecking(base: URL(fileURLWithPath: "/")))
        #expect(findings.isEmpty, "\(findings.map(\.formatted))")
        #expect(StyleSet.builtIn.sheets.keys.sorted() == ["easy-read.css", "epub.css", "giant-print.css", "large-print-16.css", "large-print.css", "print.css", "site.css"])
    }

    // MARK: - Overriding and adding

    @Test func aProjectProfileAndPictogramAreUsedAndTheBuiltInFilesForTheRest() async throws {
        let project = try Project(guide: "# Play\n\nYou can fly a kite in the park.\n\nCall 0800 1111 for help.\n")
        let builtInProfile = try Self.builtIn("large-print.css")
        try #require(builtInProfile.components(separatedBy: "  font-size: 18pt;").count == 2)
        try project.style("large-print.css", builtInProfile.replacingOccurrences(of: "  font-size: 18pt;", with: "  font-size: 20pt;"))
        try project.style("pictograms/kite.svg", Self.kite)
        try project.style("pictograms/pictograms.yml", "# Our own pictures.\n- file: kite.svg\n  alt: A kite\n  words: [kite]\n")

        let (results, findings, _) = try await project.build(stylesRoot: project.styles)
        #expect(findings.isEmpty, "\(findings.map(\.formatted))")
        #expect(results.map(\.succeeded) == [true], "\(results.flatMap(\.errors).map(\.formatted))")

        // The project's profile…
        let largePrint = String(decoding: try project.output("guide-large-print.html"), as: UTF8.self)
        #expect(largePrint.contains("font-size: 20pt;"))
        #expect(!largePrint.contains("font-size: 18pt;"))
        // …and pictogram, for the row with its word; the built-in phone pictogram still for the phone row.
        let easyRead = String(decoding: try project.output("guide-easy-read.html"), as: UTF8.self)
        #expect(easyRead.contains(Self.dataURI(Array(Self.kite.utf8))))
        #expect(easyRead.contains(Self.dataURI(Array(try Self.builtIn("pictograms/phone.svg").utf8))))
        // The built-in easy-read profile and e-book sheet.
        #expect(easyRead.contains("grid-template-columns: minmax(4.5em, 1fr) minmax(0, 2fr);"))
        let epub = try ZipArchiveReader.entries(of: try project.output("guide.epub"))
        let css = try #require(epub.first { $0.path.hasSuffix(".css") })
        #expect(String(decoding: css.bytes, as: UTF8.self) == (try Self.builtIn("epub.css")))
    }

    @Test func eachFileSaysWhereItComesFrom() throws {
        let project = try Project(guide: "# Help\n\nText.\n")
        try project.style("large-print.css", try Self.builtIn("large-print.css"))
        try project.style("mine.css", try Self.builtIn("giant-print.css"))
        try project.style("notes.txt", "not a style sheet\n")
        try project.style(".hidden.css", "body { }\n")
        try project.style("pictograms/help.svg", Self.kite)
        let set = try StyleSet(projectFolder: project.styles, base: project.root)

        #expect(set.file("large-print.css")?.origin == .project(project.styles.appendingPathComponent("large-print.css")))
        #expect(set.file("large-print.css")?.replacesBuiltIn == true)
        #expect(set.file("mine.css")?.replacesBuiltIn == false)
        #expect(set.file("epub.css")?.origin == .builtIn)
        #expect(set.file("pictograms/help.svg")?.bytes == Array(Self.kite.utf8))
        #expect(set.file("notes.txt") == nil)
        #expect(set.file(".hidden.css") == nil)
        #expect(set.files.count == StyleSet.builtIn.files.count + 1)
        #expect(set.sheets["mine.css"] == (try Self.builtIn("giant-print.css")))
        #expect(set.sheetsForChecking(base: project.root).keys.sorted() == [
            "<built-in>/easy-read.css", "<built-in>/epub.css", "<built-in>/giant-print.css", "<built-in>/large-print-16.css",
            "<built-in>/print.css", "<built-in>/site.css", "Styles/large-print.css", "Styles/mine.css",
        ])
        // The replaced pictogram keeps its built-in entry and words.
        let help = try #require(try set.pictograms(base: project.root).entries.first { $0.file == "help.svg" })
        #expect(help.bytes == Array(Self.kite.utf8))
        #expect(help.words == (try #require(StyleSet.builtIn.pictograms(base: project.root).entries.first { $0.file == "help.svg" })).words)
    }

    @Test func theProjectsListComesFirstAndReplacesEntriesByFileName() throws {
        let project = try Project(guide: "# Help\n\nText.\n")
        try project.style("pictograms/kite.svg", Self.kite)
        try project.style("pictograms/pictograms.yml", "- file: help.svg\n  alt: Our help sign\n  words: [assist]\n- file: kite.svg\n  alt: A kite\n  words: [kite, help]\n")
        let builtIn = try StyleSet.builtIn.pictograms(base: project.root).entries
        let entries = try StyleSet(projectFolder: project.styles, base: project.root).pictograms(base: project.root).entries
        #expect(entries.prefix(2).map(\.file) == ["help.svg", "kite.svg"])
        #expect(entries[0].alt == "Our help sign")
        #expect(entries.filter { $0.file == "help.svg" }.count == 1)
        #expect(entries.count == builtIn.count + 1)
        // A word of the project's list wins over the built-in list.
        let row = [Inline(.text("Help."), at: Location(file: "g.md", line: 1, column: 1))]
        #expect(PictogramSet(entries: entries).choose(for: row)?.file == "kite.svg")
        #expect(PictogramSet(entries: builtIn).choose(for: row)?.file == "help.svg")
    }

    // MARK: - Wrong files

    /// A wrong file and where its error must point, relative to the project.
    struct WrongFile: Sendable, CustomTestStringConvertible {
        var path: String
        var bytes: [UInt8]
        var location: String
        var testDescription: String { location }
    }

    static let wrongFiles: [WrongFile] = [
        WrongFile(path: "pictograms/pictograms.yml", bytes: Array("# List\n- file: kite.svg\n  alt: [unclosed\n".utf8), location: "Styles/pictograms/pictograms.yml:4:1"),
        WrongFile(path: "pictograms/pictograms.yml", bytes: Array("# List\n\n- file: missing.svg\n  alt: Nothing\n".utf8), location: "Styles/pictograms/pictograms.yml:3:3"),
        WrongFile(path: "pictograms/pictograms.yml", bytes: Array("- file: help.svg\n  alt: Help\n  word: [help]\n".utf8), location: "Styles/pictograms/pictograms.yml:3:3"),
        WrongFile(path: "pictograms/pictograms.yml", bytes: Array("- file: help.svg\n".utf8), location: "Styles/pictograms/pictograms.yml:1:3"),
        WrongFile(path: "bad.css", bytes: Array("body {\n  color: ".utf8) + [0xFF] + Array(" #000000;\n}\n".utf8), location: "Styles/bad.css:2:10"),
    ]

    @Test(arguments: wrongFiles) func aWrongFileIsAnErrorAtItsFileAndLine(_ wrong: WrongFile) async throws {
        let project = try Project(guide: "# Help\n\nText.\n")
        try project.style(wrong.path, bytes: wrong.bytes)
        do {
            _ = try StyleSet(projectFolder: project.styles, base: project.root).pictograms(base: project.root)
            Issue.record("no error for \(wrong.path)")
        } catch {
            #expect(error.diagnostics.map(\.location.description) == [wrong.location], "\(error.diagnostics.map(\.formatted))")
        }
        await #expect {
            _ = try await project.build(stylesRoot: project.styles)
        } throws: { error in
            guard let setup = error as? BuildSetupError else { return false }
            return setup.diagnostics.map(\.location.description) == [wrong.location] && !setup.description.contains("could not list the guides")
        }
    }
}
