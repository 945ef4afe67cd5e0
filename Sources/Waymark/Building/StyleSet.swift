import Foundation
import WaymarkModel

/// The style sheets, style profiles, easy-read pictograms and label catalogues a build uses: the ones built
/// into Waymark, overlaid file by file by a project's own `Styles/` folder.
///
/// A project's `large-print.css` replaces the built-in one, a new `mine.css` adds a profile,
/// a project's `pictograms/x.svg` replaces or adds a pictogram, and the entries of a project's
/// `pictograms/pictograms.yml` come before the built-in ones and replace those for the same file.
/// Every file knows where it came from, so messages and `waymark styles` can say so.
public struct StyleSet: Sendable {
    /// Where a file of the set comes from.
    public enum Origin: Hashable, Sendable {
        /// Built into Waymark.
        case builtIn
        /// The project's own file at this place.
        case project(URL)
    }

    /// One file of the set.
    public struct File: Hashable, Sendable {
        /// Its path inside `Styles/`: `large-print.css`, `pictograms/help.svg`.
        public var path: String
        /// Its contents.
        public var bytes: [UInt8]
        /// Where it comes from.
        public var origin: Origin
        /// Whether a built-in file of the same path is hidden by this one.
        public var replacesBuiltIn: Bool
    }

    /// Problems with a project's style files: each names the file and, where known, the line.
    public struct LoadError: Error, Sendable, CustomStringConvertible {
        /// The problems, as `file:line:column` diagnostics.
        public var diagnostics: [Diagnostic]

        /// The problems on one line each, `file:line:column: message`.
        public var description: String {
            diagnostics.map { "\($0.location): \($0.message)" }.joined(separator: "; ")
        }
    }

    /// The folder shown in place of a path for built-in files (`<built-in>/large-print.css`):
    /// it reads as a path to tools that parse `file:line:column`, and no real folder is named so.
    public static let builtInFolder = "<built-in>"
    /// The folder inside `Styles/` that holds the pictograms and their list.
    public static let pictogramFolder = "pictograms"
    /// The list of pictograms and the words that choose them, inside ``pictogramFolder``.
    public static let pictogramList = "pictograms.yml"

    /// The project's `Styles/` folder, when it has one.
    public let projectFolder: URL?
    /// Every file, sorted by path.
    public let files: [File]

    /// The built-in files alone.
    public static let builtIn = StyleSet(builtInOnly: ())

    /// The built-in files, overlaid by the files of `projectFolder` when it is given and exists.
    ///
    /// Only files that mean something to Waymark are read from the project: `*.css` directly in the
    /// folder, `*.svg` and `pictograms.yml` in `pictograms/`, and `*.yml` in `labels/`; hidden files are skipped. A file that
    /// cannot be read, or a style sheet or list that is not UTF-8 text, throws a ``LoadError``.
    /// - Parameter base: the folder paths in messages are relative to.
    public init(projectFolder: URL?, base: URL) throws(LoadError) {
        guard let projectFolder, StyleSet.exists(projectFolder) else {
            self = StyleSet.builtIn
            return
        }
        var byPath = Dictionary(uniqueKeysWithValues: StyleSet.builtIn.files.map { ($0.path, $0) })
        for file in try StyleSet.projectFiles(in: projectFolder, base: base) {
            var file = file
            file.replacesBuiltIn = byPath[file.path] != nil
            byPath[file.path] = file
        }
        self.projectFolder = projectFolder
        self.files = byPath.values.sorted { StyleSet.precedes($0.path, $1.path) }
    }

    /// The file at `path` inside `Styles/`, if there is one.
    public func file(_ path: String) -> File? {
        files.first { $0.path == path }
    }

    /// The style sheets and profiles (`*.css` directly in `Styles/`), file name → CSS, as the writers take them.
    public var sheets: [String: String] {
        var sheets: [String: String] = [:]
        for file in files where !file.path.contains("/") && file.path.hasSuffix(".css") {
            sheets[file.path] = StyleSet.text(of: file.bytes)
        }
        return sheets
    }

    /// The style sheets keyed by the path messages show (``displayPath(of:base:)``), as the style checks take them.
    public func sheetsForChecking(base: URL) -> [String: String] {
        var sheets: [String: String] = [:]
        for file in files where !file.path.contains("/") && file.path.hasSuffix(".css") {
            sheets[displayPath(of: file, base: base)] = StyleSet.text(of: file.bytes)
        }
        return sheets
    }

    /// Where `file` is, as messages show it: the project path relative to `base`, or
    /// `<built-in>/large-print.css` for a built-in file.
    public func displayPath(of file: File, base: URL) -> String {
        switch file.origin {
        case .builtIn: return "\(StyleSet.builtInFolder)/\(file.path)"
        case .project(let url): return Builder.displayPath(of: url, base: base)
        }
    }

    /// The label catalogues (`labels/*.yml`): the built-in ones, with the project's adding
    /// languages or replacing a built-in catalogue; every catalogue is checked against English.
    public func labels(base: URL) throws(LoadError) -> LabelCatalogues {
        let files = files.filter { $0.path.hasPrefix(LabelCatalogues.folder + "/") && $0.path.hasSuffix(".yml") }
        // A project's copy of a built-in catalogue, byte for byte (as Styles/labels holds them here),
        // is not read again: reading the catalogues was a tenth of a no-op rebuild (issue #23).
        guard files.contains(where: { $0.origin != .builtIn && $0.bytes != StyleSet.builtIn.file($0.path)?.bytes }) else { return .builtIn }
        return try LabelCatalogues(files.map { (path: displayPath(of: $0, base: base), bytes: $0.bytes) })
    }

    /// The easy-read pictograms: the project's list entries first (they win when a word
    /// chooses two pictures), then the built-in entries for files the project does not list,
    /// each with its SVG from the set (the project's when it has one of that name).
    public func pictograms(base: URL) throws(LoadError) -> PictogramSet {
        let listPath = "\(StyleSet.pictogramFolder)/\(StyleSet.pictogramList)"
        let builtInList = StyleSet.builtIn.file(listPath)
        let projectList = file(listPath).flatMap { $0.origin == .builtIn ? nil : $0 }
        var listed: [PictogramSet.Listing] = []
        do throws(PictogramSet.LoadError) {
            if let projectList {
                listed += try PictogramSet.listing(projectList.bytes, file: displayPath(of: projectList, base: base))
            }
            if let builtInList {
                let named = Set(listed.map(\.file))
                listed += try PictogramSet.listing(builtInList.bytes, file: StyleSet.builtIn.displayPath(of: builtInList, base: base))
                    .filter { !named.contains($0.file) }
            }
            return try PictogramSet(listed) { name in file("\(StyleSet.pictogramFolder)/\(name)")?.bytes }
        } catch {
            throw LoadError(diagnostics: error.diagnostics)
        }
    }
}

// MARK: - Implementation

private extension StyleSet {
    init(builtInOnly: Void) {
        projectFolder = nil
        files = EmbeddedStyles.files
            .map { File(path: $0.path, bytes: Array($0.text.utf8), origin: .builtIn, replacesBuiltIn: false) }
            .sorted { StyleSet.precedes($0.path, $1.path) }
    }

    /// Paths in byte order, as the generated table and `waymark styles` list them.
    static func precedes(_ lhs: String, _ rhs: String) -> Bool {
        Array(lhs.utf8).lexicographicallyPrecedes(Array(rhs.utf8))
    }

    static func exists(_ url: URL) -> Bool {
        FileManager.default.fileExists(atPath: url.path)
    }

    /// A sheet's text: UTF-8 without its byte-order mark (checked when it was read).
    static func text(of bytes: [UInt8]) -> String {
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...]
        return String(decoding: body, as: UTF8.self)
    }

    /// Why a file operation failed, in the system's words ("Permission denied").
    static func reason(_ error: any Error) -> String {
        (error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription
    }

    /// The files of a project's `Styles/` folder that Waymark uses.
    static func projectFiles(in folder: URL, base: URL) throws(LoadError) -> [File] {
        let shown = { (url: URL) in Builder.displayPath(of: url, base: base) }
        var files: [File] = []
        let names = try listing(folder, shown: shown(folder))
        for name in names where name.hasSuffix(".css") {
            files.append(try read(folder.appendingPathComponent(name), path: name, text: true, shown: shown))
        }
        let pictures = folder.appendingPathComponent(pictogramFolder)
        var isFolder: ObjCBool = false
        if names.contains(pictogramFolder), FileManager.default.fileExists(atPath: pictures.path, isDirectory: &isFolder) {
            guard isFolder.boolValue else {
                throw LoadError(diagnostics: [.error(
                    at: Location(file: shown(pictures), line: 1, column: 1), "this is a file, but the pictograms go in a folder of this name",
                    hint: "move the file away, and put your pictograms' SVG files and pictograms.yml in a folder named pictograms")])
            }
            for name in try listing(pictures, shown: shown(pictures)) where name.hasSuffix(".svg") || name == pictogramList {
                files.append(try read(
                    pictures.appendingPathComponent(name), path: "\(pictogramFolder)/\(name)", text: name == pictogramList, shown: shown))
            }
        }
        let labels = folder.appendingPathComponent(LabelCatalogues.folder)
        if names.contains(LabelCatalogues.folder), FileManager.default.fileExists(atPath: labels.path, isDirectory: &isFolder), isFolder.boolValue {
            for name in try listing(labels, shown: shown(labels)) where name.hasSuffix(".yml") {
                files.append(try read(labels.appendingPathComponent(name), path: "\(LabelCatalogues.folder)/\(name)", text: true, shown: shown))
            }
        }
        return files
    }

    /// The names in `folder`, hidden ones left out.
    static func listing(_ folder: URL, shown: String) throws(LoadError) -> [String] {
        do {
            return try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }
        } catch {
            throw LoadError(diagnostics: [.error(
                at: Location(file: shown, line: 1, column: 1), "the styles folder could not be listed: \(StyleSet.reason(error))",
                hint: "check that it is a folder you can read, or leave it out to use the built-in styles")])
        }
    }

    /// Reads one project file; `text` files must be UTF-8.
    static func read(_ url: URL, path: String, text: Bool, shown: (URL) -> String) throws(LoadError) -> File {
        let bytes: [UInt8]
        do {
            bytes = Array(try Data(contentsOf: url))
        } catch {
            throw LoadError(diagnostics: [.error(
                at: Location(file: shown(url), line: 1, column: 1), "the file could not be read: \(StyleSet.reason(error))",
                hint: "check that it is a file you can read, or remove it to use the built-in one")])
        }
        if text {
            do {
                _ = try SourceText(file: shown(url), bytes: bytes)
            } catch {
                throw LoadError(diagnostics: [error])
            }
        }
        return File(path: path, bytes: bytes, origin: .project(url), replacesBuiltIn: false)
    }
}
