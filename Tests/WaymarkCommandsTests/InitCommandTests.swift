import ArgumentParser
import Foundation
import Testing
import Waymark
@testable import WaymarkCommands

@Suite struct InitCommandTests {
    @Test func versionIsTheLibrarysVersion() throws {
        #expect(WaymarkCommand.configuration.version == Waymark.version)
        #expect(!WaymarkCommand.version.isEmpty)
        #expect(throws: (any Error).self) { try WaymarkCommand.parseAsRoot(["--version"]) }
    }

    @Test func initMakesTheProjectThenBuildBuildsEveryFormat() async throws {
        let root = TestTemporary.url("waymark-init")
        try await WaymarkCommand.parseAsRoot(["init", root.path]).execute()
        for path in StarterProject.files(today: Checker.today()).map(\.path) {
            #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path), "\(path)")
        }
        let styles = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Styles").path
        try await WaymarkCommand.parseAsRoot([
            "build", "--guides", root.appendingPathComponent("Guides").path,
            "--output", root.appendingPathComponent("Output").path, "--styles", styles,
        ]).execute()
        let built = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Output/someone-to-talk-to").path)
        for writer in WriterRegistry.all {
            for file in writer.files.map({ $0.replacingOccurrences(of: "<slug>", with: "someone-to-talk-to") }) {
                #expect(built.contains(file), "\(writer.formatID): \(file) not in \(built)")
            }
        }
    }

    @Test func initRefusesAnExistingProjectWithExitTwoAndLeavesItAlone() async throws {
        let root = TestTemporary.url("waymark-init")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try Data("publisher: Mine\n".utf8).write(to: root.appendingPathComponent("waymark.yml"))
        let command = try WaymarkCommand.parseAsRoot(["init", root.path])
        await #expect(throws: ExitCode(2)) { try await command.execute() }
        #expect(try String(contentsOf: root.appendingPathComponent("waymark.yml"), encoding: .utf8) == "publisher: Mine\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["waymark.yml"])
    }
}
