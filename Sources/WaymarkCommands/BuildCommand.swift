import ArgumentParser
import Foundation
import Waymark

/// `waymark build`: reads guides and writes every format they ask for.
struct BuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build guides into Output/<slug>/.",
        discussion: """
            Reads every guide in the guides folder (or the GUIDE files named), runs the accessibility \
            checks ('waymark check'), and writes each format the guide asks for into OUTPUT/<slug>/. \
            A guide with reading or check errors is not built (unless --allow-errors); the others \
            still are. Check warnings are printed but do not stop the build. Files are replaced \
            whole, never left half-written.
            Exit status: 0 when every guide was built, 1 when any failed, 2 when waymark.yml is wrong \
            or the guides cannot be listed.
            """
    )

    @OptionGroup var folders: FolderOptions

    @Option(
        name: .customLong("format"),
        help: ArgumentHelp("Only these formats (comma-separated), e.g. text,epub.", valueName: "ID,…"),
        transform: { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } })
    var formats: [String]?

    @Option(help: ArgumentHelp("Hard-wrap plain text at N characters (for email).", valueName: "N"))
    var wrap: Int?

    @Option(help: ArgumentHelp(
        "The large-print style profile: large-print (18 pt, the default), large-print-16, giant-print (24 pt), or your own Styles/NAME.css.",
        valueName: "NAME"))
    var style: String?

    @Flag(help: "Also make A5 booklets of the PDF handouts, two pages a side on A4, to print on both sides and fold (<slug>-large-print-booklet.pdf, <slug>-easy-read-booklet.pdf).")
    var booklet = false

    @Option(help: ArgumentHelp(
        "The address Output/ is published at, for the e-reader catalogues' links (default: waymark.yml's site-url:, else relative links).",
        valueName: "URL"))
    var siteURL: String?

    @Option(help: ArgumentHelp(
        "The braille page: cells a line, x, lines a page (default 40x25, or braille-page: in waymark.yml).",
        valueName: "CELLSxLINES"))
    var braillePage: String?

    @Flag(help: "Build guides even when the checks find errors (the errors are still printed).")
    var allowErrors = false

    @Flag(help: "Rebuild every guide, even those whose guide, pictures, styles and options have not changed.")
    var force = false

    @Option(help: ArgumentHelp("Build N guides at once (default: two per core, so one is written while the next is made).", valueName: "N"))
    var jobs: Int?

    @Argument(help: ArgumentHelp("Guide files to build (default: every guide in the guides folder).", valueName: "GUIDE"))
    var guides: [String] = []

    func validate() throws {
        if let formats {
            for format in formats where WriterRegistry.writer(for: format) == nil {
                throw ValidationError("unknown format '\(format)'; the formats are: \(WriterRegistry.formatIDs.joined(separator: ", "))")
            }
        }
        if let style, style.isEmpty || style.contains("/") || style.hasSuffix(".css") {
            throw ValidationError("--style takes a profile name such as giant-print (the file Styles/giant-print.css)")
        }
        if let wrap, wrap < 20 {
            throw ValidationError("--wrap needs at least 20 characters a line")
        }
        if let siteURL, let problem = ProjectConfiguration.siteURLProblem(siteURL) {
            throw ValidationError("--site-url: the address '\(TerminalText.escaped(siteURL))' \(problem); write the address Output/ is published at, e.g. https://www.example.org/guides/")
        }
        if let braillePage {
            guard let page = BraillePage(parsing: braillePage) else {
                throw ValidationError("--braille-page takes the cells a line and the lines a page, such as 40x25")
            }
            if let problem = page.problem { throw ValidationError("--braille-page \(braillePage): \(problem)") }
        }
        if let jobs, jobs < 1 {
            throw ValidationError("--jobs takes a number of guides, 1 or more")
        }
    }

    func run() async throws {
        let request = BuildRequest(
            guidesRoot: folders.guidesURL, outputRoot: folders.outputURL,
            guides: guides.map { folders.guideURL($0) }, formats: formats,
            options: {
                var options = WriterOptions(wrap: wrap, style: style)
                options.booklet = booklet
                options.site.siteURL = siteURL
                options.braillePage = braillePage.flatMap(BraillePage.init(parsing:))
                return options
            }(), displayBase: folders.base, stylesRoot: folders.stylesFolder,
            checks: try folders.checkOptions(), allowErrors: allowErrors, force: force, concurrency: jobs)
        let summary: BuildSummary
        var siteErrors = 0
        do {
            summary = try await Builder().buildCounting(request, styles: { findings in
                for finding in findings { printError(finding.formatted) }
            }, site: { site in
                siteErrors = site.errors.count
                if !site.written.isEmpty { printOut("site    \(site.written.map { TerminalText.escaped($0) }.joined(separator: ", ")) (\(site.guides) \(site.guides == 1 ? "guide" : "guides") listed)") }
                for diagnostic in site.errors { printError(diagnostic.formatted) }
            }) { result in
                if result.unchanged {
                    printOut("same    \(TerminalText.escaped(result.displayPath)) (unchanged since the last build)")
                } else if result.succeeded {
                    printOut("built   \(TerminalText.escaped(result.displayPath)) -> \(result.files.map { TerminalText.escaped($0) }.joined(separator: ", "))")
                } else {
                    printOut("failed  \(TerminalText.escaped(result.displayPath))")
                    for diagnostic in result.errors { printError(diagnostic.formatted) }
                }
                for finding in result.findings { printError(finding.formatted) }
            }
        } catch let busy as OutputLock.Failure {
            printError("error: \(TerminalText.escaped(busy.description))")
            throw ExitCode(2)
        } catch let setup as BuildSetupError {
            if setup.diagnostics.isEmpty {
                printError("error: \(TerminalText.escaped(setup.message))")
                printError("    fix: check that the folder and its files exist and can be read; 'waymark help build' lists the folder options")
            }
            for diagnostic in setup.diagnostics { printError(diagnostic.formatted) }
            throw ExitCode(2)
        } catch {
            printError("error: the build could not start: \(TerminalText.escaped(error.localizedDescription))")
            throw ExitCode(2)
        }
        let (failed, unchanged, built, warnings) = (summary.failed, summary.unchanged, summary.built, summary.warnings)
        let warningNote = warnings == 0 ? "" : " (\(warnings) \(warnings == 1 ? "warning" : "warnings"); 'waymark check' lists them)"
        let same = unchanged == 0 ? "" : ", \(unchanged) unchanged"
        printOut("\(built) \(built == 1 ? "guide" : "guides") built\(same), \(failed) failed\(warningNote).")
        if summary.guides == 0 { printOut("No guides found in \(TerminalText.escaped(folders.guides)).") }
        if failed > 0 || siteErrors > 0 { throw ExitCode(1) }
    }
}
