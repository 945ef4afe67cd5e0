import ArgumentParser
import Foundation

/// The folders every command that reads guides shares.
///
/// The project is the folder that holds the guides folder (and `waymark.yml`). Only the
/// guides folder is found from the working directory, and only when `--guides` is not
/// given; everything else is found from the project, so `waymark build --guides
/// ~/council/Guides` works from anywhere.
struct FolderOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The folder of guides (default: Guides in the working directory).", valueName: "DIR"))
    var guides = "Guides"

    @Option(help: ArgumentHelp("Where built files go (default: Output beside the guides folder).", valueName: "DIR"))
    var output: String?

    @Option(help: ArgumentHelp(
        "A folder of style sheets, profiles and pictograms that replace or add to the built-in ones "
            + "(default: Styles beside the guides folder, when there is one).",
        valueName: "DIR"))
    var styles: String?

    /// The working directory, which paths in messages are shown relative to.
    var base: URL { URL(fileURLWithPath: FileManager.default.currentDirectoryPath) }
    /// The guides folder.
    var guidesURL: URL { url(guides) }
    /// The project: the folder that holds the guides folder.
    var projectURL: URL { guidesURL.deletingLastPathComponent() }
    /// The output folder.
    var outputURL: URL { output.map(url) ?? projectURL.appendingPathComponent("Output") }
    /// The styles folder named, or the project's `Styles/` (which may not exist).
    var stylesURL: URL { styles.map(url) ?? projectURL.appendingPathComponent("Styles") }
    /// The project's own styles folder, if it has one (or one was named): nil means the built-in styles only.
    var stylesFolder: URL? {
        if styles != nil { return stylesURL }
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: stylesURL.path, isDirectory: &isFolder) && isFolder.boolValue ? stylesURL : nil
    }

    /// A guide named on the command line: a path, or a slug such as `bullying` for `Guides/bullying.md`.
    func guideURL(_ name: String) -> URL {
        let direct = url(name)
        if FileManager.default.fileExists(atPath: direct.path) || name.hasSuffix(".md") || name.contains("/") { return direct }
        return guidesURL.appendingPathComponent(name + ".md")
    }

    /// `path` as the user gave it, from the working directory.
    func url(_ path: String) -> URL {
        URL(fileURLWithPath: path, relativeTo: base).standardizedFileURL
    }
}
