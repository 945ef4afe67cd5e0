import ArgumentParser
import Foundation
import Testing
@testable import WaymarkCommands

@Suite struct CommandTests {
    func folder() throws -> URL {
        let root = TestTemporary.url("waymark-cmd")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Guides"), withIntermediateDirectories: true)
        return root
    }

    let good = "---\ntitle: Good\nlanguage: en-GB\npublisher: p\npublished: 2026-11-01\nsummary: s\n---\n\n# Hello\n\nCall 0800 1111.\n"

    @Test func buildExitsOneWhenAGuideFailsAndStillBuildsTheOthers() async throws {
        let root = try folder()
        try Data(good.utf8).write(to: root.appendingPathComponent("Guides/good.md"))
        try Data("# no front matter\n".utf8).write(to: root.appendingPathComponent("Guides/bad.md"))
        let guides = root.appendingPathComponent("Guides").path
        let output = root.appendingPathComponent("Output").path
        let command = try WaymarkCommand.parseAsRoot(["build", "--guides", guides, "--output", output])
        await #expect(throws: ExitCode(1)) { try await command.execute() }
        #expect(FileManager.default.fileExists(atPath: output + "/good/good.txt"))
    }

    /// Builds the good guide in a new folder with `options`, returning the folder.
    func buildGood(_ options: [String]) async throws -> URL {
        let root = try folder()
        try Data(good.utf8).write(to: root.appendingPathComponent("Guides/good.md"))
        let command = try WaymarkCommand.parseAsRoot([
            "build", "--guides", root.appendingPathComponent("Guides").path, "--output", root.appendingPathComponent("Output").path,
        ] + options)
        try await command.execute()
        return root
    }

    @Test func buildExitsZeroWhenAllIsWell() async throws {
        let root = try await buildGood(["--format", "text", "--wrap", "60"])
        let text = try String(contentsOfFile: root.appendingPathComponent("Output/good/good.txt").path, encoding: .utf8)
        #expect(text.contains("Call 0800 1111."))
    }

    @Test func unknownFormatIsAUsageError() {
        #expect(throws: (any Error).self) { try WaymarkCommand.parseAsRoot(["build", "--format", "docx"]) }
        #expect(WaymarkCommand.exitCode(for: ValidationError("x")) == ExitCode.validationFailure)
    }

    @Test func braillePageTakesCellsAndLines() async throws {
        for wrong in ["40", "40x", "x25", "forty", "10x25", "40x2"] {
            #expect(throws: (any Error).self, "\(wrong)") { try WaymarkCommand.parseAsRoot(["build", "--braille-page", wrong]) }
        }
        let root = try await buildGood(["--format", "braille", "--braille-page", "32x20"])
        let braille = try String(contentsOfFile: root.appendingPathComponent("Output/good/good.brf").path, encoding: .utf8)
        let lines = braille.replacingOccurrences(of: "\u{0C}", with: "").components(separatedBy: "\r\n")
        #expect(lines.contains { $0.count == 32 } && lines.allSatisfy { $0.count <= 32 })
    }

    @Test func everyCommandHasHelp() {
        for arguments in [["build"], ["formats"], []] {
            let help = WaymarkCommand.helpMessage(for: arguments.isEmpty ? WaymarkCommand.self : (arguments == ["build"] ? BuildCommand.self : FormatsCommand.self))
            #expect(help.contains("USAGE"), "\(arguments)")
        }
    }
}
