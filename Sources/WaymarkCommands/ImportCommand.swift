import ArgumentParser
import Foundation
import Waymark
import WaymarkModel

/// `waymark import`: turns Word documents and web pages into draft guides.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Turn Word documents (.docx) and web pages (.html) into draft guides.",
        discussion: """
            Writes one draft guide for each FILE into the guides folder (DIR/<name>.md), with its pictures \
            in DIR/pictures/, then lists what a person must decide: each of those is also written into \
            the draft where it belongs, as a line with 'TO DO', which 'waymark check' reports as an error \
            until it is done. An existing guide is never replaced unless --force is given; an existing \
            picture is never replaced (a new one gets a name of its own). Nothing is fetched from the network. \
            docs/import.md explains what is kept and what to check.
            Exit status: 0 when every file was imported, 1 when any could not be, 2 when the command is used wrongly.
            """
    )

    @Option(help: ArgumentHelp("The guides folder to write the drafts into (default: Guides).", valueName: "DIR"))
    var output = "Guides"

    @Option(help: ArgumentHelp("The draft's file name, without .md (only with one FILE; default: from the file's name).", valueName: "NAME"))
    var slug: String?

    @Flag(help: "Replace a guide that is already there.")
    var force = false

    @Argument(help: ArgumentHelp("The Word documents and web pages to import.", valueName: "FILE"))
    var files: [String] = []

    func validate() throws {
        if files.isEmpty { throw ValidationError("name at least one Word document (.docx) or web page (.html) to import") }
        if let slug {
            guard files.count == 1 else { throw ValidationError("--slug names one draft, so it takes one FILE; import the others on their own") }
            guard Importer.isValidSlug(slug) else {
                throw ValidationError("--slug '\(slug)' is not a guide name: use lower case letters, digits and '-', such as '\(Importer.slug(for: slug))'")
            }
        }
    }

    func run() throws {
        let base = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let folder = URL(fileURLWithPath: output, relativeTo: base).standardizedFileURL
        let shownFolder = output.hasSuffix("/") ? String(output.dropLast()) : output
        let project: ProjectConfiguration
        let settings = folder.deletingLastPathComponent().appendingPathComponent(ProjectConfiguration.fileName)
        do {
            project = try ProjectConfiguration.load(from: settings, displayPath: ProjectConfiguration.fileName)
        } catch {
            for diagnostic in error.diagnostics { printError(diagnostic.formatted) }
            throw ExitCode(2)
        }
        let importer = Importer(guidesFolder: folder, guidesDisplay: shownFolder, project: project, today: Checker.today())
        var failed = 0
        var decisions: [(note: ImportNote, draft: String, line: Int)] = []
        var planned: Set<String> = []
        for file in files {
            let url = URL(fileURLWithPath: file, relativeTo: base).standardizedFileURL
            do {
                let draft = try importer.draft(file: url, displayPath: file, slug: slug)
                guard planned.insert(draft.slug).inserted else {
                    printError("error: \(file): another file of this run is imported as \(draft.displayPath) too; nothing was written for \(file)")
                    printError("    fix: import it on its own with --slug NAME")
                    failed += 1
                    continue
                }
                if !force, (try? FileManager.default.attributesOfItem(atPath: draft.guideURL.path)) != nil {
                    printError("error: \(draft.displayPath) is already there, so \(file) was not imported (nothing was written)")
                    printError("    fix: give the draft another name with --slug NAME, or add --force to replace \(draft.displayPath)")
                    failed += 1
                    continue
                }
                try write(draft, importer: importer)
                let count = draft.notes.count
                let pictures = draft.pictures.count
                printOut("imported \(file) -> \(draft.displayPath)"
                         + (pictures == 0 ? "" : " and \(pictures) picture\(pictures == 1 ? "" : "s")")
                         + ": \(count) thing\(count == 1 ? "" : "s") to decide")
                for (index, note) in draft.notes.enumerated() { decisions.append((note, draft.displayPath, draft.noteLines[index])) }
            } catch let failure as ImportFailure {
                printError(failure.description)
                failed += 1
            } catch let failure as CommandFailure {
                printError("error: \(failure.message)")
                printError("    fix: \(failure.hint)")
                failed += 1
            }
        }
        if !decisions.isEmpty {
            printOut("")
            printOut("To decide (each is a TO DO line in the draft; 'waymark check' lists them until they are done):")
            for decision in decisions {
                printOut("\(decision.note.location): \(decision.note.message)")
                printOut("    in \(decision.draft):\(decision.line)")
            }
        }
        let imported = files.count - failed
        printOut("")
        printOut("\(imported) file\(imported == 1 ? "" : "s") imported, \(failed) failed.")
        if failed > 0 { throw ExitCode(1) }
    }
}

// MARK: - Writing

private extension ImportCommand {
    struct CommandFailure: Error {
        var message: String
        var hint: String
    }

    /// Writes the pictures, checks that the draft reads back as what was imported, then writes
    /// the draft; every file is written whole or not at all (a temporary file, then a rename).
    func write(_ draft: Importer.Draft, importer: Importer) throws {
        for picture in draft.pictures where !picture.alreadyThere {
            // A picture is never written over: its name was chosen to be free.
            guard !FileManager.default.fileExists(atPath: picture.url.path) else {
                throw CommandFailure(message: "\(picture.displayPath) appeared while importing \(draft.input); nothing more was written",
                                     hint: "run the import again")
            }
            do {
                try AtomicFileWriter.write(picture.bytes, to: picture.url)
            } catch {
                throw CommandFailure(message: error.description, hint: "check that \(importer.guidesDisplay)/pictures can be written to")
            }
        }
        switch importer.verify(draft) {
        case .same:
            break
        case .differs(let place):
            throw CommandFailure(
                message: "the draft of \(draft.input) does not read back as what was imported (\(place)); it was not written",
                hint: "this is a mistake in Waymark: please report it with the file, if you can share it")
        case .unreadable(let diagnostics):
            let first = diagnostics.first.map { ": \($0.message)" } ?? ""
            throw CommandFailure(
                message: "the draft of \(draft.input) does not read as a guide\(first); it was not written",
                hint: "this is a mistake in Waymark: please report it with the file, if you can share it")
        }
        do {
            try AtomicFileWriter.write(Array(draft.text.utf8), to: draft.guideURL)
        } catch {
            throw CommandFailure(message: error.description, hint: "check that \(importer.guidesDisplay) can be written to")
        }
    }
}
