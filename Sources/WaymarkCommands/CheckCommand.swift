import ArgumentParser
import Foundation
import Waymark
import WaymarkModel

/// `waymark check`: runs the accessibility checks and prints what they find.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check guides and style sheets against the accessibility standards.",
        discussion: """
            Checks every guide in the guides folder (or the GUIDE files named) and every *.css file in the \
            styles folder. Findings are printed like a compiler's, grouped by guide and sorted by position, \
            each with how to fix it; then a summary with each guide's reading age. Settings come from \
            waymark.yml beside the guides folder and each guide's 'checks:'. Dates are compared with \
            SOURCE_DATE_EPOCH when it is set, else today. 'waymark rules' lists the checks.
            Exit status: 0 when nothing needs fixing, 1 when there are errors (or warnings with --werror), \
            2 when the command is used wrongly or files cannot be read.
            """
    )

    /// The report formats.
    static let formats = ["text", "json", "sarif"]

    @OptionGroup var folders: FolderOptions

    @Option(name: .customLong("format"), help: ArgumentHelp("Report format: text, json or sarif.", valueName: "FORMAT"))
    var format = "text"

    @Flag(help: "Treat warnings as errors (exit status 1 when there are any).")
    var werror = false

    @Option(help: ArgumentHelp("Check N guides at once (default: one per core).", valueName: "N"))
    var jobs: Int?

    @Argument(help: ArgumentHelp("Guide files to check (default: every guide in the guides folder).", valueName: "GUIDE"))
    var guides: [String] = []

    func validate() throws {
        if let jobs, jobs < 1 {
            throw ValidationError("--jobs takes a number of guides, 1 or more")
        }
    }

    func run() async throws {
        guard CheckCommand.formats.contains(format) else {
            printError("error: unknown report format '\(format)'; the formats are: \(CheckCommand.formats.joined(separator: ", "))")
            throw ExitCode(2)
        }
        let checker = Checker(options: try folders.checkOptions())
        let files = try folders.guideFiles(guides)
        let styles = try folders.styleSheets()
        let report = await checker.run(guides: files, guidesRoot: folders.guidesURL, displayBase: folders.base, styleSheets: styles, concurrency: jobs)
        switch format {
        case "json": try printData(report.json())
        case "sarif": try printData(report.sarif())
        default: printOut(report.text, terminator: "")
        }
        if report.failed(warningsAsErrors: werror) { throw ExitCode(1) }
    }

    private func printData(_ data: Data) {
        Terminal.write(Terminal.json(data) + Data("\n".utf8), to: .output)
    }
}

extension FolderOptions {
    /// The project's `waymark.yml` (beside the guides folder) and today's date; exit 2 when the file is wrong.
    func checkOptions() throws -> CheckOptions {
        let file = guidesURL.deletingLastPathComponent().appendingPathComponent(ProjectConfiguration.fileName)
        do {
            let project = try ProjectConfiguration.load(from: file, displayPath: Builder.displayPath(of: file, base: base))
            return CheckOptions(today: Checker.today(), project: project)
        } catch {
            for diagnostic in error.diagnostics { printError(diagnostic.formatted) }
            throw ExitCode(2)
        }
    }

    /// The guide files named, or every guide in the guides folder; exit 2 when they cannot be found.
    func guideFiles(_ named: [String]) throws -> [URL] {
        if !named.isEmpty {
            let urls = named.map { guideURL($0) }
            for (name, url) in zip(named, urls) where !FileManager.default.fileExists(atPath: url.path) {
                printError("error: there is no guide '\(TerminalText.escaped(name))'")
                throw ExitCode(2)
            }
            return urls
        }
        do {
            return try Builder.guideFiles(in: guidesURL)
        } catch {
            printError("error: could not list the guides in \(TerminalText.escaped(guides)): \(TerminalText.escaped(error.localizedDescription))")
            throw ExitCode(2)
        }
    }

    /// The style sheets build uses, keyed by the path shown in messages: the built-in ones
    /// (`<built-in>/large-print.css`) overlaid by the project's styles folder; exit 2 when a
    /// file is wrong, the pictogram list included, as build would.
    func styleSheets() throws -> [String: String] {
        do {
            let set = try StyleSet(projectFolder: stylesFolder, base: base)
            _ = try set.pictograms(base: base)
            return set.sheetsForChecking(base: base)
        } catch {
            for diagnostic in error.diagnostics { printError(diagnostic.formatted) }
            throw ExitCode(2)
        }
    }
}
