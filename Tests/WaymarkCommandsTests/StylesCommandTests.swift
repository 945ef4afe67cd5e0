import ArgumentParser
import Foundation
import Testing
import Waymark
@testable import WaymarkCommands

/// `waymark styles` and `waymark check` with the built-in styles and a project's own (issue #14).
@Suite struct StylesCommandTests {
    /// What a command printed, both streams in order.
    final class Captured: @unchecked Sendable {
        private let lock = NSLock()
        private var data = Data()

        func append(_ more: Data) { lock.withLock { data += more } }
        var text: String { lock.withLock { String(decoding: data, as: UTF8.self) } }
    }

    /// Runs `arguments` for the project `root` and returns what it printed and the error it ended with.
    func run(_ arguments: [String], in root: URL) async -> (text: String, error: (any Error)?) {
        let captured = Captured()
        var failure: (any Error)?
        await Terminal.$capture.withValue({ _, data in captured.append(data) }) {
            do {
                try await WaymarkCommand.parseAsRoot(arguments + ["--guides", root.appendingPathComponent("Guides").path]).execute()
            } catch {
                failure = error
            }
        }
        return (captured.text, failure)
    }

    /// A project with one guide; `styles` are files of its `Styles/` folder (none: no folder).
    func project(styles: [String: String] = [:]) throws -> URL {
        let root = TestTemporary.url("waymark-styles")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Guides"), withIntermediateDirectories: true)
        let guide = "---\ntitle: T\nlanguage: en-GB\npublisher: p\npublished: 2026-11-01\nsummary: s\n---\n\n# Help\n\nYou can talk to someone.\n"
        try Data(guide.utf8).write(to: root.appendingPathComponent("Guides/guide.md"))
        for (path, text) in styles {
            let url = root.appendingPathComponent("Styles/\(path)")
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return root
    }

    /// The listing's line for `path`.
    func line(_ path: String, in text: String) -> String {
        text.split(separator: "\n").first { $0.hasPrefix("  \(path) ") }.map(String.init) ?? ""
    }

    static func builtIn(_ path: String) -> String {
        StyleSet.builtIn.file(path).map { String(decoding: $0.bytes, as: UTF8.self) } ?? ""
    }

    static let kite = #"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><title>A kite</title><path d="M50 5 L80 50 L50 95 L20 50 Z"/></svg>"#

    @Test func withNoStylesFolderEverythingIsBuiltIn() async throws {
        let root = try project()
        let (text, error) = await run(["styles"], in: root)
        #expect(error == nil)
        #expect(text.hasPrefix("Styles: built in (there is no styles folder beside the guides folder).\n"))
        for path in ["easy-read.css", "epub.css", "large-print.css", "print.css", "pictograms/help.svg", "pictograms/pictograms.yml"] {
            #expect(line(path, in: text).contains("built in"), "\(path): \(line(path, in: text))")
        }
        #expect(line("large-print.css", in: text).hasSuffix("the large-print profile (the default)"))
        #expect(line("epub.css", in: text).hasSuffix("used by epub, easy-read"))
        #expect(text.contains("\nPictograms, in the order a row's words are matched (the first match wins):\n  police.svg "))
    }

    @Test func aProjectsFilesAreListedWithWhereTheyComeFrom() async throws {
        let profile = Self.builtIn("large-print.css").replacingOccurrences(of: "  font-size: 18pt;", with: "  font-size: 20pt;")
        let root = try project(styles: [
            "large-print.css": profile,
            "epub.css": Self.builtIn("epub.css"),
            "mine.css": Self.builtIn("giant-print.css"),
            "pictograms/kite.svg": Self.kite,
            "pictograms/pictograms.yml": "- file: kite.svg\n  alt: A kite\n  words: [kite, kites]\n",
        ])
        let styles = root.appendingPathComponent("Styles").path
        let (text, error) = await run(["styles"], in: root)
        #expect(error == nil, "\(text)")
        #expect(line("large-print.css", in: text).contains("\(styles)/large-print.css (instead of the built-in one); the large-print profile"))
        #expect(line("epub.css", in: text).contains("\(styles)/epub.css (the same as the built-in one); used by epub"))
        #expect(line("mine.css", in: text).contains("\(styles)/mine.css; a profile of your own (--style mine)"))
        #expect(line("easy-read.css", in: text).contains("built in"))
        #expect(line("pictograms/kite.svg", in: text).hasSuffix("\(styles)/pictograms/kite.svg"))
        #expect(line("pictograms/pictograms.yml", in: text).contains("\(styles)/pictograms/pictograms.yml (instead of the built-in one)"))
        #expect(line("pictograms/help.svg", in: text).hasSuffix("built in"))
        // The project's entries are matched first.
        #expect(text.contains("(the first match wins):\n  kite.svg ") && line("kite.svg", in: text).hasSuffix("kite, kites"))
    }

    @Test func checkChecksTheSheetsBuildUses() async throws {
        let clean = try project()
        let (text, error) = await run(["check"], in: clean)
        #expect(error == nil, "\(text)")
        #expect(text.contains("== <built-in>/large-print.css: 0 errors, 0 warnings, 0 notes"))

        let justified = Self.builtIn("large-print.css").replacingOccurrences(of: "  line-height: 1.5;", with: "  line-height: 1.5;\n  text-align: justify;")
        let root = try project(styles: ["large-print.css": justified])
        let (found, failure) = await run(["check"], in: root)
        #expect((failure as? ExitCode) == ExitCode(1))
        let styles = root.appendingPathComponent("Styles").path
        #expect(found.contains("\(styles)/large-print.css:10:3: error: "), "\(found)")
        #expect(found.contains("== <built-in>/easy-read.css: 0 errors"))
    }

    @Test func aWrongStylesFileStopsWithItsFileAndLine() async throws {
        let root = try project(styles: ["pictograms/pictograms.yml": "- file: missing.svg\n  alt: Nothing\n"])
        let list = root.appendingPathComponent("Styles/pictograms/pictograms.yml").path
        for command in ["styles", "check"] {
            let (text, error) = await run([command], in: root)
            #expect((error as? ExitCode) == ExitCode(2), "\(command)")
            #expect(text.contains("\(list):1:3: error: the pictogram 'missing.svg' is not an SVG file in the pictograms folder"), "\(command): \(text)")
        }
    }
}
