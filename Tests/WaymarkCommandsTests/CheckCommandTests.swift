import ArgumentParser
import Foundation
import Testing
import Waymark
@testable import WaymarkCommands

@Suite struct CheckCommandTests {
    func project(_ guides: [String: String], config: String? = nil) throws -> URL {
        let root = TestTemporary.url("waymark-check")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Guides"), withIntermediateDirectories: true)
        for (name, text) in guides { try Data(text.utf8).write(to: root.appendingPathComponent("Guides/\(name)")) }
        if let config { try Data(config.utf8).write(to: root.appendingPathComponent("waymark.yml")) }
        return root
    }

    let head = "---\ntitle: T\nlanguage: en-GB\npublisher: p\npublished: 2026-11-01\nsummary: s\n---\n\n"

    func run(_ arguments: [String], in root: URL) async throws {
        let command = try WaymarkCommand.parseAsRoot(arguments + ["--guides", root.appendingPathComponent("Guides").path,
                                                                  "--styles", root.appendingPathComponent("Styles").path])
        try await command.execute()
    }

    @Test func exitStatusSaysWhetherAnythingNeedsFixing() async throws {
        let clean = try project(["a.md": head + "# Help\n\nYou can talk to someone.\n"])
        try await run(["check"], in: clean)
        try await run(["check", "--format", "json"], in: clean)
        try await run(["check", "--format", "sarif"], in: clean)

        let warning = try project(["a.md": head + "# Help\n\nAsk CAMHS.\n"])
        try await run(["check"], in: warning)
        await #expect(throws: ExitCode(1)) { try await run(["check", "--werror"], in: warning) }

        let error = try project(["a.md": head + "# Help\n\n[Click here](https://example.org).\n", "b.md": "no front matter\n"])
        await #expect(throws: ExitCode(1)) { try await run(["check"], in: error) }
    }

    @Test func usageAndFileTroubleExitTwo() async throws {
        let root = try project(["a.md": head + "Text.\n"])
        await #expect(throws: ExitCode(2)) { try await run(["check", "--format", "xml"], in: root) }
        await #expect(throws: ExitCode(2)) { try await run(["check", root.appendingPathComponent("Guides/missing.md").path], in: root) }
        let badConfig = try project(["a.md": head + "Text.\n"], config: "checks:\n  italix: off\n")
        await #expect(throws: ExitCode(2)) { try await run(["check"], in: badConfig) }
        await #expect(throws: ExitCode(2)) { try await run(["build", "--output", badConfig.appendingPathComponent("Output").path], in: badConfig) }
    }

    @Test func buildAllowsErrorsOnlyWhenAsked() async throws {
        let root = try project(["a.md": head + "# Help\n\n[Click here](https://example.org).\n"])
        let output = root.appendingPathComponent("Output").path
        await #expect(throws: ExitCode(1)) { try await run(["build", "--output", output, "--format", "text"], in: root) }
        #expect(!FileManager.default.fileExists(atPath: output + "/a/a.txt"))
        try await run(["build", "--output", output, "--format", "text", "--allow-errors"], in: root)
        #expect(FileManager.default.fileExists(atPath: output + "/a/a.txt"))
    }

    @Test func rulesListsAndExplains() async throws {
        let list = try WaymarkCommand.parseAsRoot(["rules"])
        try await list.execute()
        let one = try WaymarkCommand.parseAsRoot(["rules", "sentence-length"])
        try await one.execute()
        let unknown = try WaymarkCommand.parseAsRoot(["rules", "sentence-lenght"])
        await #expect(throws: ExitCode(2)) { try await unknown.execute() }
        #expect(RulesCommand.explanation(try #require(RuleRegistry.rule("picture-alt-text")).description).contains("Fails (↓ marks where each finding points):"))
        for command in [CheckCommand.self, RulesCommand.self] as [any ParsableCommand.Type] {
            #expect(WaymarkCommand.helpMessage(for: command).contains("USAGE"))
        }
    }
}
