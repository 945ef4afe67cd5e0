import Foundation
import Testing
@testable import Waymark

/// Every input in Fixtures/fuzz/ goes through the same entry point as its fuzzer without a
/// crash, and every refusal has a placed message (see Fixtures/fuzz/README.md).
@Suite("Reliability: fuzz finds") struct FuzzRegressionTests {
    static func inputs(_ target: String) -> [String] {
        let folder = Fixtures.url("fuzz/\(target)")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    @Test(arguments: inputs("reader"))
    func readerInput(_ name: String) throws {
        let bytes = try Array(Data(contentsOf: Fixtures.url("fuzz/reader/\(name)")))
        let folder = try GuideFolder()
        do {
            let guide = try GuideReader(guidesRoot: folder.root).read(bytes: bytes, slug: "fuzz", displayPath: "Guides/fuzz.md", folder: folder.root)
            _ = try PlainTextWriter().write(guide, options: WriterOptions())
        } catch let failure as GuideReadFailure {
            #expect(!failure.diagnostics.isEmpty)
            #expect(failure.diagnostics.allSatisfy { $0.location.line >= 1 && $0.location.column >= 1 && !$0.hint.isEmpty })
        }
    }

    /// As `Sources/FuzzSettings`: the first byte picks a `waymark.yml` (even) or a style profile (odd).
    @Test(arguments: inputs("settings"))
    func settingsInput(_ name: String) throws {
        let data = try Array(Data(contentsOf: Fixtures.url("fuzz/settings/\(name)")))
        guard let first = data.first else { return }
        let bytes = Array(data.dropFirst())
        let folder = try GuideFolder()
        let text = "---\ntitle: Fuzz\nlanguage: en-GB\npublisher: Fuzz\npublished: 2026-11-01\nsummary: A guide.\n---\n\n# Talk to someone\n\nYou can call Childline.\n"
        let guide = try GuideReader(guidesRoot: folder.root).read(bytes: Array(text.utf8), slug: "fuzz", displayPath: "Guides/fuzz.md", folder: folder.root)
        if first % 2 == 0 {
            do {
                let project = try ProjectConfiguration.parse(bytes, displayPath: "waymark.yml")
                _ = Checker(options: CheckOptions(project: project)).check(guide, source: SourceMap(text: text))
            } catch {
                #expect(!error.diagnostics.isEmpty)
                #expect(error.diagnostics.allSatisfy { $0.location.line >= 1 && $0.location.column >= 1 && !$0.hint.isEmpty })
            }
        } else {
            let css = String(decoding: bytes, as: UTF8.self)
            _ = Checker().check(styleSheets: ["Styles/large-print.css": css])
            var options = WriterOptions()
            options.styles = ["large-print.css": css]
            // A sheet the style rules refuse stops the writer with an error; it must not crash it.
            _ = try? LargePrintWriter().write(guide, options: options)
        }
    }

    @Test(arguments: inputs("picture"))
    func pictureInput(_ name: String) throws {
        let data = try Array(Data(contentsOf: Fixtures.url("fuzz/picture/\(name)")))
        guard let first = data.first else { return }
        let mediaType = ["image/svg+xml", "image/png", "image/jpeg"][Int(first) % 3]
        if case .success(let safe) = PictureContent.check(Array(data.dropFirst()), mediaType: mediaType), mediaType == "image/svg+xml" {
            #expect(PictureContent.check(safe, mediaType: mediaType) == .success(safe))
            let text = String(decoding: safe, as: UTF8.self).lowercased()
            #expect(!text.contains("<script") && !(text.contains("\\") && text.contains("(")) && !text.contains("@import"), "\(text)")
            // Searched in bytes: `url(` then a combining mark is one Character, and was missed so.
            let bytes = Array(text.utf8)
            var rest = bytes[...]
            while let found = rest.firstRange(of: Array("url(".utf8)) {
                let after = rest[found.upperBound...].drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'") }
                #expect(after.first == UInt8(ascii: "#"), "an address that is not a fragment: \(text)")
                rest = rest[found.upperBound...]
            }
        }
    }
}
