import Foundation
import Testing
@testable import Waymark
import WaymarkModel

/// A throwaway guides folder with a `pictures/` folder holding two real SVGs.
struct GuideFolder {
    let root: URL

    init() throws {
        root = TestTemporary.url("guides").appendingPathComponent("Guides")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("pictures"), withIntermediateDirectories: true)
        for name in ["phone.svg", "meeting.svg"] {
            try FileManager.default.copyItem(
                at: Fixtures.url("guides/pictures/\(name)"), to: root.appendingPathComponent("pictures/\(name)"))
        }
    }

    /// Writes `text` as `name` and returns its URL.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> URL {
        let url = root.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }

    /// Writes raw `bytes` as `name` and returns its URL.
    @discardableResult
    func write(_ name: String, bytes: [UInt8]) throws -> URL {
        let url = root.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url
    }

    /// Reads the guide `name` (default `guide.md`) holding `text`.
    func read(_ text: String, name: String = "guide.md") throws(GuideReadFailure) -> Guide {
        let url: URL
        do { url = try write(name, text) } catch { fatalError("cannot write the test guide: \(error)") }
        return try GuideReader(guidesRoot: root).read(file: url, displayPath: "Guides/\(name)")
    }

    /// The diagnostics reading `text` gives; empty if it reads cleanly.
    func errors(_ text: String) -> [Diagnostic] {
        do {
            _ = try read(text)
            return []
        } catch {
            return error.diagnostics
        }
    }
}

/// Test fixtures in `Tests/WaymarkTests/Fixtures`.
enum Fixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func url(_ path: String) -> URL {
        folder.appendingPathComponent(path)
    }

    /// Compares `bytes` with the golden file `path`; `WAYMARK_RECORD=1` rewrites it instead.
    static func expectGolden(_ bytes: [UInt8], _ path: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = url(path)
        if ProcessInfo.processInfo.environment["WAYMARK_RECORD"] == "1" {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
            return
        }
        let expected = try #require(FileManager.default.contents(atPath: url.path), "missing golden file \(path); run with WAYMARK_RECORD=1", sourceLocation: sourceLocation)
        if Array(expected) != bytes {
            let actual = String(decoding: bytes, as: UTF8.self)
            let wanted = String(decoding: expected, as: UTF8.self)
            let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let wantedLines = wanted.split(separator: "\n", omittingEmptySubsequences: false)
            let firstDifference = zip(actualLines, wantedLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
                ?? min(actualLines.count, wantedLines.count)
            let got = firstDifference < actualLines.count ? String(actualLines[firstDifference]) : "<end>"
            let want = firstDifference < wantedLines.count ? String(wantedLines[firstDifference]) : "<end>"
            Issue.record("\(path) differs at line \(firstDifference + 1):\n  got:  \(got)\n  want: \(want)", sourceLocation: sourceLocation)
        }
    }
}

/// Minimal valid front matter, with `extra` lines added before the closing `---`.
func frontMatter(_ extra: String = "") -> String {
    """
    ---
    title: Test guide
    language: en-GB
    publisher: Test Partnership
    published: 2026-11-01
    summary: A guide for the tests.
    \(extra)---


    """
}

extension Array where Element == Diagnostic {
    /// `line:column` of each diagnostic.
    var positions: [String] { map { "\($0.location.line):\($0.location.column)" } }
}

/// Temporary folders for tests, all under one folder per test run that is removed when the run ends.
enum TestTemporary {
    static let root: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-tests-\(getpid())")
        atexit { try? FileManager.default.removeItem(at: TestTemporary.root) }
        return url
    }()

    /// A new, not yet created, folder path under the run's folder.
    static func url(_ prefix: String) -> URL {
        root.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
    }
}

extension Labels {
    /// The built-in English labels, as a guide in English is written with.
    static let english = LabelCatalogues.builtIn.labels(for: "en-GB")
}

/// Seeded numbers for tests that compare two ways of doing the same thing on generated input:
/// a linear congruential generator, so the same seed gives the same inputs on every machine.
struct SeededPicks {
    var state: UInt64

    /// A number from 0 to `bound - 1`.
    mutating func next(_ bound: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int(state >> 33) % bound
    }

    mutating func pick(_ items: [String]) -> String { items[next(items.count)] }
}
