import ArgumentParser

/// The `waymark` command: builds and checks accessible guides for young people.
public struct WaymarkCommand: ParsableCommand {
    /// The command's description and subcommands.
    public static let configuration = CommandConfiguration(
        commandName: "waymark",
        abstract: "Turn guides for young people into accessible e-books, plain text, large print and easy read.",
        subcommands: [BuildCommand.self, CheckCommand.self, RulesCommand.self, FormatsCommand.self],
        defaultSubcommand: BuildCommand.self
    )

    /// Creates the command (ArgumentParser needs this).
    public init() {}
}
