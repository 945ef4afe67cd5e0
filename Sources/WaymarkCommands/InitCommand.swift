import ArgumentParser
import Foundation
import Waymark

/// `waymark init`: starts a new guides project with an example guide.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Start a new guides project in DIR.",
        discussion: """
            Writes an example guide and its pictures into DIR/Guides/, the project's settings \
            (DIR/waymark.yml: publisher, language, where to ask for other formats), a README for \
            the people who write the guides, and a .gitignore that leaves the built files in \
            Output/ out of git. Then 'waymark build' in DIR builds every format. \
            Nothing is ever written over: when any of these files is already there, nothing is written.
            Exit status: 0 when the project was made, 2 when a file is already there or cannot be written.
            """
    )

    @Argument(help: ArgumentHelp("The folder to start the project in (default: this folder). It is made if it is missing.", valueName: "DIR"))
    var directory = "."

    func run() throws {
        let base = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let folder = URL(fileURLWithPath: directory, relativeTo: base).standardizedFileURL
        let shown = TerminalText.escaped(directory == "." ? "this folder" : directory)
        let written: [String]
        do {
            written = try StarterProject.create(in: folder, today: Checker.today())
        } catch {
            switch error {
            case .exists(let path):
                printError("error: \(TerminalText.escaped(path)) is already there, so \(shown) already holds a project")
                printError("    fix: nothing was written; run 'waymark init' in an empty folder, e.g. 'waymark init my-guides'")
            case .notAFolder:
                printError("error: \(shown) is a file, not a folder")
                printError("    fix: name a folder that does not exist yet, or an empty one")
            case .unwritable(let path, let reason):
                printError("error: could not write \(TerminalText.escaped(path)) in \(shown): \(TerminalText.escaped(reason))")
                printError("    fix: nothing was left behind; check that the folder can be written to")
            }
            throw ExitCode(2)
        }
        for path in written { printOut("created \(TerminalText.escaped(path))") }
        let step = directory == "." ? "" : "cd \(TerminalText.escaped(directory)) && "
        printOut("Started a project in \(shown). Next: \(step)waymark build")
    }
}
