import ArgumentParser
import Foundation
import Waymark

/// `waymark styles`: lists the style sheets, profiles and pictograms a build uses, and where each comes from.
struct StylesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "styles",
        abstract: "List the style sheets, profiles and pictograms, and which are built in.",
        discussion: """
            Waymark has its own style sheets, style profiles and easy-read pictograms built in. A project's \
            Styles folder (beside the guides folder, or --styles DIR) replaces them file by file: its \
            large-print.css is used instead of the built-in one, a new NAME.css adds a profile for \
            'waymark build --style NAME', an SVG in Styles/pictograms replaces or adds a pictogram, and the \
            entries of Styles/pictograms/pictograms.yml come before the built-in ones. This lists every file \
            and where it comes from, then the pictograms in the order a row is matched against them.
            Exit status: 0, or 2 when a file of the styles folder cannot be read.
            """
    )

    @OptionGroup var folders: FolderOptions

    func run() throws {
        let set: StyleSet
        let pictograms: PictogramSet
        do {
            set = try StyleSet(projectFolder: folders.stylesFolder, base: folders.base)
            pictograms = try set.pictograms(base: folders.base)
        } catch {
            for diagnostic in error.diagnostics { printError(diagnostic.formatted) }
            throw ExitCode(2)
        }
        printOut(StylesCommand.listing(set, pictograms: pictograms, base: folders.base), terminator: "")
    }

    /// The listing: every file with its origin, then the pictograms in the order they are matched.
    static func listing(_ set: StyleSet, pictograms: PictogramSet, base: URL) -> String {
        var lines: [String] = []
        let project = set.projectFolder.map { Builder.displayPath(of: $0, base: base) }
        lines.append(project.map { "Styles: built in, with the files of \($0) replacing or adding to them." }
            ?? "Styles: built in (there is no styles folder beside the guides folder)."
        )
        lines.append("")
        let sheets = set.files.filter { !$0.path.contains("/") }
        let pictures = set.files.filter { $0.path.contains("/") }
        let width = set.files.map(\.path.count).max() ?? 0
        lines.append("Style sheets and profiles:")
        lines += sheets.map { "  " + row($0, in: set, width: width, base: base) + uses($0.path) }
        lines.append("")
        lines.append("Pictogram files:")
        lines += pictures.map { "  " + row($0, in: set, width: width, base: base) }
        lines.append("")
        lines.append("Pictograms, in the order a row's words are matched (the first match wins):")
        let fileWidth = pictograms.entries.map(\.file.count).max() ?? 0
        for entry in pictograms.entries {
            var words = entry.words
            if entry.phoneNumber { words.insert("(any phone number)", at: 0) }
            lines.append("  \(entry.file.padding(toLength: fileWidth, withPad: " ", startingAt: 0))  \(words.joined(separator: ", "))")
        }
        return lines.map { $0 + "\n" }.joined()
    }
}

// MARK: - Implementation

private extension StylesCommand {
    /// `large-print.css   Styles/large-print.css (instead of the built-in one)`, or `…   built in`.
    static func row(_ file: StyleSet.File, in set: StyleSet, width: Int, base: URL) -> String {
        let origin: String
        switch file.origin {
        case .builtIn: origin = "built in"
        case .project:
            let same = StyleSet.builtIn.file(file.path)?.bytes == file.bytes
            let note = !file.replacesBuiltIn ? "" : same ? " (the same as the built-in one)" : " (instead of the built-in one)"
            origin = set.displayPath(of: file, base: base) + note
        }
        return "\(file.path.padding(toLength: width, withPad: " ", startingAt: 0))  \(origin)"
    }

    /// `; used by epub` or `; a large-print profile (the default)`, from what the writers declare.
    static func uses(_ name: String) -> String {
        guard name.hasSuffix(".css") else { return "" }
        let profile = StyleSheet.Profile(fileName: name)
        let profileName = String(name.dropLast(4))
        if let use = profile.use {
            if profile.formatIDs.isEmpty { return "; a profile of your own (--style \(profileName))" }
            let formats = profile.formatIDs.joined(separator: ", ")
            if use.defaultProfile == profileName { return "; the \(formats) profile (the default)" }
            return "; a \(formats) profile" + (use.takesStyleOption ? " (--style \(profileName))" : "")
        }
        if profile.formatIDs.isEmpty { return "; used by no format" }
        return "; used by \(profile.formatIDs.joined(separator: ", "))"
    }
}
