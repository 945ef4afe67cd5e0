import ArgumentParser
import Foundation
import Waymark
import WaymarkPreview

/// `waymark preview`: a local web app to see, check and edit guides, updated as they change.
struct PreviewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preview",
        abstract: "See, check and edit guides in a web browser, updated as you save.",
        discussion: """
            Starts a small web server on this computer and prints its address. Open it in a browser: \
            the list of guides (or the site, once the build makes one), each guide's findings beside its \
            text chapter by chapter with the reading age, its formats side by side, an editor, a new \
            guide from a template and adding pictures. When a guide, picture, style sheet or waymark.yml \
            changes (saved here or in any editor), the open pages update by themselves. The guides are \
            built as 'waymark build' builds them, into a folder of the preview's own (a new temporary \
            folder unless --output is given), never into the project's Output/. Stop it with Control-C.
            It answers only this computer unless --host names another address; then every request needs \
            the access key (--token, or one made up and printed at the start).
            Exit status: 0 when stopped, 2 when it cannot start (the port is taken, the options are wrong).
            """
    )

    // Its own folder options rather than FolderOptions: --output has another default here.
    @Option(help: ArgumentHelp("The folder of guides (default: Guides in the working directory).", valueName: "DIR"))
    var guides = "Guides"

    @Option(help: ArgumentHelp(
        "A folder of style sheets, profiles and pictograms that replace or add to the built-in ones (default: Styles beside the guides folder).",
        valueName: "DIR"))
    var styles: String?

    @Option(help: ArgumentHelp(
        "Where the preview builds the guides (default: a new temporary folder, removed when it stops; never the project's Output/ unless named here).",
        valueName: "DIR"))
    var output: String?

    @Option(help: ArgumentHelp("The port to listen on (0 for any free one).", valueName: "N"))
    var port = 8080

    @Option(help: ArgumentHelp("The address to listen on (default 127.0.0.1: this computer only). Any other needs an access key.", valueName: "H"))
    var host = "127.0.0.1"

    @Option(help: ArgumentHelp("The access key for an address other than this computer's (at least 16 letters and digits; made up when not given).", valueName: "T"))
    var token: String?

    @Flag(help: "Open the preview in the web browser.")
    var open = false

    @Option(help: ArgumentHelp("The large-print style profile, as for 'waymark build'.", valueName: "NAME"))
    var style: String?

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port takes a number from 0 to 65535") }
        guard !host.isEmpty else { throw ValidationError("--host takes an address, such as 127.0.0.1") }
        if let style, style.isEmpty || style.contains("/") || style.hasSuffix(".css") {
            throw ValidationError("--style takes a profile name such as giant-print (the file Styles/giant-print.css)")
        }
    }

    func run() async throws {
        let base = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let path = { (given: String) in URL(fileURLWithPath: given, relativeTo: base).standardizedFileURL }
        let guidesURL = path(guides)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: guidesURL.path, isDirectory: &isFolder), isFolder.boolValue else {
            printError("error: there is no guides folder \(TerminalText.escaped(guides))")
            printError("    fix: run 'waymark preview' in a project folder (the one with Guides/ in it), or name the folder with --guides; 'waymark init' starts a project")
            throw ExitCode(2)
        }
        let temporary = self.output == nil
        let output: URL
        if let given = self.output {
            output = path(given)
        } else {
            guard let made = PreviewCommand.temporaryFolder() else {
                printError("error: could not make a temporary folder to build the preview in; give one with --output DIR")
                throw ExitCode(2)
            }
            output = made
        }
        defer { if temporary { try? FileManager.default.removeItem(at: output) } }
        var options = PreviewOptions(
            guidesFolder: guidesURL, stylesFolder: styles.map(path), outputFolder: output,
            host: host, port: port, token: token, writerOptions: WriterOptions(style: style))
        var madeToken = false
        if !options.isLoopback && token == nil {
            options.token = PreviewOptions.newToken()
            madeToken = true
        }
        if let problem = options.problem {
            printError("error: \(TerminalText.escaped(problem))")
            throw ExitCode(2)
        }
        let project = PreviewProject(options: options)
        let address = PreviewCommand.address(host: host, token: options.isLoopback ? nil : options.token)
        let opening = open
        let announceToken = madeToken
        let app = PreviewServer.application(project: project) { port in
            let url = address(port)
            printOut("Waymark preview of \(TerminalText.escaped(Builder.displayPath(of: guidesURL, base: base))) at \(url)")
            printOut("Built into \(TerminalText.escaped(output.path))\(temporary ? " (removed when the preview stops)" : ""). Stop it with Control-C.")
            if host == "0.0.0.0" || host == "::" { printOut("On another computer, put this computer's name or network address in place of \(host).") }
            if announceToken { printOut("Anyone with this address can change the guides: it holds the access key made up for this run.") }
            if opening { PreviewCommand.openBrowser(url) }
            // Checked and built once the server runs, so that Control-C from now on stops it cleanly
            // (and removes the temporary folder); a page asked for meanwhile waits for the checks.
            await project.refresh()
        }
        do {
            try await app.runService()
        } catch {
            printError("error: the preview could not listen on \(TerminalText.escaped(host)) port \(port): \(TerminalText.escaped("\(error)"))")
            printError("    fix: another program may be using the port; try another, e.g. --port \(port == 8080 ? 8081 : 8080), or --port 0 for any free one")
            throw ExitCode(2)
        }
    }

    /// The address to print, for the port the server got.
    static func address(host: String, token: String?) -> @Sendable (Int) -> String {
        let shown = host.contains(":") ? "[\(host)]" : host
        return { port in "http://\(shown):\(port)/" + (token.map { "?token=\($0)" } ?? "") }
    }

    /// A new folder only this user can read, in the system's temporary folder.
    static func temporaryFolder() -> URL? {
        var template = Array(FileManager.default.temporaryDirectory.appendingPathComponent("waymark-preview-XXXXXX").path.utf8CString)
        return template.withUnsafeMutableBufferPointer { buffer in
            mkdtemp(buffer.baseAddress!).map { URL(fileURLWithPath: String(cString: $0), isDirectory: true) }
        }
    }

    /// Opens `url` in the desktop's browser (xdg-open, or open on macOS); says so when it cannot.
    static func openBrowser(_ url: String) {
        let process = Process()
        #if os(macOS)
        process.executableURL = URL(fileURLWithPath: "/usr/bin/open")
        #else
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["xdg-open"]
        #endif
        process.arguments = (process.arguments ?? []) + [url]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            printOut("Could not open a browser: open \(url) yourself.")
        }
    }
}
