import ArgumentParser
import Foundation
import Waymark

/// `waymark labels [LANGUAGE]`: prints a label catalogue, to translate or to check.
struct LabelsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "labels",
        abstract: "Print the words Waymark adds to the outputs, in one language, or list the languages.",
        discussion: """
            Waymark adds words of its own to every output: 'Contents', 'Who can help', the labels on \
            contact cards, what screen readers are told. They come from a catalogue for the guide's \
            language, built in for English (en), Welsh (cy), Polish (pl), Romanian (ro), Panjabi (pa), \
            Urdu (ur) and Arabic (ar). To add a language, save the English catalogue in the Styles folder \
            and translate it: 'waymark labels en > Styles/labels/fr.yml', then set 'language: fr' in it. \
            A catalogue of the project's own with the name of a built-in one replaces it.
            With no language, lists the languages there are catalogues for, and where each comes from.
            Exit status: 0, or 2 when there is no catalogue for the language or a file cannot be read.
            """
    )

    @Argument(help: "The language code, as in a guide's 'language:' (en, cy, pa-Guru). Leave out to list the languages.")
    var language: String?

    @OptionGroup var folders: FolderOptions

    func run() throws {
        let set: StyleSet
        let catalogues: LabelCatalogues
        do {
            set = try StyleSet(projectFolder: folders.stylesFolder, base: folders.base)
            catalogues = try set.labels(base: folders.base)
        } catch {
            for diagnostic in error.diagnostics { printError(diagnostic.formatted) }
            throw ExitCode(2)
        }
        guard let language else {
            for code in catalogues.languages {
                guard let labels = catalogues.catalogue(for: code), let file = set.file("\(LabelCatalogues.folder)/\(code).yml") else { continue }
                printOut("\(code.padding(toLength: 6, withPad: " ", startingAt: 0)) \(labels.name)  (\(set.displayPath(of: file, base: folders.base)))")
            }
            return
        }
        guard let labels = catalogues.catalogue(for: language), let file = set.file("\(LabelCatalogues.folder)/\(labels.language).yml") else {
            printError("error: there is no label catalogue for '\(TerminalText.escaped(language))'; there are: \(catalogues.languages.joined(separator: ", "))")
            printError("    fix: start one from the English catalogue: waymark labels en > Styles/labels/\(TerminalText.escaped(language)).yml")
            throw ExitCode(2)
        }
        printOut(String(decoding: file.bytes, as: UTF8.self), terminator: "")
    }
}
