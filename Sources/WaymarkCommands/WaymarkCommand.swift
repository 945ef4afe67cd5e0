import Foundation
import ArgumentParser

/// The `waymark` command: builds and checks accessible guides for young people.
public struct WaymarkCommand: AsyncParsableCommand {
    /// The command's description and subcommands.
    public static let configuration = CommandConfiguration(
        commandName: "waymark",
        abstract: "Turn guides for young people into accessible e-books, plain text, large print and easy read.",
        version: WaymarkCommand.version,
        subcommands: [BuildCommand.self, CheckCommand.self, RulesCommand.self, FormatsCommand.self, StylesCommand.self, LabelsCommand.self, InitCommand.self, ImportCommand.self, PreviewCommand.self],
        defaultSubcommand: BuildCommand.self
    )

    /// Creates the command (ArgumentParser needs this).
    public init() {}
}

extension WaymarkCommand {
    /// Runs the command line like `main()`, except that a usage mistake exits with
    /// status 2, as every command documents (ArgumentParser's own default is 64).
    public static func runMain() async -> Never {
        do {
            try await execute(try parseAsRoot())
            exit(withError: nil)
        } catch {
            if exitCode(for: error) == .validationFailure {
                printError(fullMessage(for: error))
                exit(withError: ExitCode(2))
            }
            exit(withError: error)
        }
    }
}

extension ParsableCommand {
    /// Runs the command, awaiting it when it is asynchronous (`waymark build`).
    public func execute() async throws {
        try await WaymarkCommand.execute(self)
    }
}

extension WaymarkCommand {
    /// Runs a parsed command, sync or async.
    public static func execute(_ command: ParsableCommand) async throws {
        if var asyncCommand = command as? AsyncParsableCommand {
            try await asyncCommand.run()
        } else {
            var syncCommand = command
            try syncCommand.run()
        }
    }
}
