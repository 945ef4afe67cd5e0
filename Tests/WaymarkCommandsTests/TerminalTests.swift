import ArgumentParser
import Foundation
import Testing
import Waymark
@testable import WaymarkCommands

/// Issue #12: a file name holding terminal escapes, a bell, a carriage return or a
/// right-to-left override reaches the terminal only as visible escapes.
@Suite struct TerminalTests {
    /// What a command printed, both streams in order.
    final class Captured: @unchecked Sendable {
        private let lock = NSLock()
        private var data = Data()

        func append(_ more: Data) { lock.withLock { data += more } }
        var text: String { lock.withLock { String(decoding: data, as: UTF8.self) } }
    }

    /// Runs `arguments` and returns what it printed and the error it ended with.
    func run(_ arguments: [String]) async -> (text: String, error: (any Error)?) {
        let captured = Captured()
        var failure: (any Error)?
        await Terminal.$capture.withValue({ _, data in captured.append(data) }) {
            do {
                let command = try WaymarkCommand.parseAsRoot(arguments)
                try await command.execute()
            } catch {
                failure = error
            }
        }
        return (captured.text, failure)
    }

    static let hostileNames = ["\u{1B}[31mred", "bell\u{7}", "back\rspace", "\u{202E}txt.exe", "c1\u{9B}2J", "new\nline"]

    func unsafe(_ text: String) -> [Unicode.Scalar] {
        text.unicodeScalars.filter { $0 != "\n" && TerminalText.needsEscape($0, keepingLineBreaks: true) }
    }

    /// ASCII is told from its value and the rest from Unicode's tables (issue #23): for every
    /// scalar the answer is the rule's, a control character (Cc) or a Bidi_Control one.
    @Test func theQuickAnswerIsTheRulesForEveryScalar() {
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let rule = scalar.properties.generalCategory == .control || scalar.properties.isBidiControl
            if TerminalText.needsEscape(scalar, keepingLineBreaks: false) != rule { Issue.record("U+\(String(value, radix: 16))") }
            if TextSafety.isBidiControl(scalar) != scalar.properties.isBidiControl { Issue.record("bidi U+\(String(value, radix: 16))") }
        }
        #expect(!TerminalText.needsEscape("\n", keepingLineBreaks: true))
        #expect(TerminalText.needsEscape("\n", keepingLineBreaks: false))
    }

    @Test(arguments: [
        ("plain/path é 🌟.md", "plain/path é 🌟.md"),
        ("\u{1B}[31mred.md", "\\u{1B}[31mred.md"),
        ("a\u{7}b\rc\u{7F}d\u{85}e", "a\\u{7}b\\u{D}c\\u{7F}d\\u{85}e"),
        ("\u{202E}gpj.exe \u{200F}\u{2066}x\u{2069}\u{61C}", "\\u{202E}gpj.exe \\u{200F}\\u{2066}x\\u{2069}\\u{61C}"),
        ("two\nlines\t", "two\\u{A}lines\\u{9}"),
    ])
    func escapesWhatATerminalWouldActOn(_ input: String, _ expected: String) {
        #expect(TerminalText.escaped(input) == expected)
        #expect(TerminalText.escaped(expected) == expected)
    }

    @Test func lineBreaksCanBeKept() {
        #expect(TerminalText.escaped("a\u{1B}\nb", keepingLineBreaks: true) == "a\\u{1B}\nb")
    }

    @Test func hostileGuideNamesAreEscapedByBuildAndCheck() async throws {
        let root = TestTemporary.url("waymark-terminal")
        let guides = root.appendingPathComponent("Guides")
        try FileManager.default.createDirectory(at: guides, withIntermediateDirectories: true)
        let head = "---\ntitle: T\nlanguage: en-GB\npublisher: p\npublished: 2026-11-01\nsummary: s\n---\n\n# Help\n\n"
        for name in Self.hostileNames {
            // One guide builds, the others fail a check, so names show in "built", "failed" and in findings.
            let body = name == Self.hostileNames[0] ? "You can talk to someone.\n" : "[Click here](https://example.org).\n"
            try Data((head + body).utf8).write(to: guides.appendingPathComponent(name + ".md"))
        }
        let folders = ["--guides", guides.path, "--styles", root.appendingPathComponent("Styles").path]
        let build = await run(["build", "--output", root.appendingPathComponent("Output").path, "--format", "text"] + folders)
        #expect(build.error.map { "\($0)" } == "\(ExitCode(1))")
        #expect(unsafe(build.text).isEmpty, "\(build.text.debugDescription)")
        #expect(build.text.contains("built   \(guides.path)/\\u{1B}[31mred.md -> "), "\(build.text)")
        #expect(build.text.contains("failed  \(guides.path)/\\u{202E}txt.exe.md"), "\(build.text)")
        #expect(build.text.contains("\(guides.path)/new\\u{A}line.md:11:1: error: the link text"), "\(build.text)")
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("Output/\u{1B}[31mred/\u{1B}[31mred.txt").path))

        for format in ["text", "json", "sarif"] {
            let check = await run(["check", "--format", format] + folders)
            #expect(check.error != nil)
            #expect(unsafe(check.text).isEmpty, "\(format): \(check.text.debugDescription)")
            if format == "text" {
                #expect(check.text.contains("\(guides.path)/bell\\u{7}.md:11:1: error:"), "\(check.text)")
            }
        }
        let missing = await run(["check", guides.appendingPathComponent("\u{1B}]0;title\u{7}.md").path] + folders)
        #expect(unsafe(missing.text).isEmpty, "\(missing.text.debugDescription)")
        #expect(missing.text.contains("\\u{1B}]0;title\\u{7}.md"))
    }
}
