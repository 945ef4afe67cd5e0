import Foundation
import WaymarkModel

/// What to build: which guides, into which folder, in which formats.
public struct BuildRequest: Sendable {
    /// The folder of guides (`Guides/`).
    public var guidesRoot: URL
    /// The output folder (`Output/`).
    public var outputRoot: URL
    /// Particular guide files to build; empty means every guide in ``guidesRoot``.
    public var guides: [URL]
    /// The formats to build; nil means every format each guide asks for.
    public var formats: [String]?
    /// Options for the writers.
    public var options: WriterOptions
    /// The folder that paths in messages are relative to (the working directory).
    public var displayBase: URL
    /// The folder of style sheets and profiles (`Styles/`); nil when there is none.
    public var stylesRoot: URL?

    /// Creates a request.
    public init(
        guidesRoot: URL, outputRoot: URL, guides: [URL] = [], formats: [String]? = nil,
        options: WriterOptions = WriterOptions(), displayBase: URL, stylesRoot: URL? = nil
    ) {
        self.guidesRoot = guidesRoot
        self.outputRoot = outputRoot
        self.guides = guides
        self.formats = formats
        self.options = options
        self.displayBase = displayBase
        self.stylesRoot = stylesRoot
    }
}

/// What happened to one guide.
public struct GuideBuildResult: Sendable {
    /// The guide's path as shown to the user.
    public var displayPath: String
    /// The guide's slug.
    public var slug: String
    /// The files written (paths as shown to the user), when the guide was built.
    public var files: [String]
    /// Problems that stopped the guide from being built; empty when it was built.
    public var errors: [Diagnostic]

    /// Whether the guide was built.
    public var succeeded: Bool { errors.isEmpty }
}

/// The pipeline: find guides, read each, render it with every writer asked for,
/// and write the files atomically. One broken guide never stops the others.
public struct Builder: Sendable {
    /// Creates a builder.
    public init() {}

    /// The guide files in `folder`: every `*.md` file directly in it except `README.md`, in name order.
    public static func guideFiles(in folder: URL) throws -> [URL] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        return names
            .filter { $0.lowercased().hasSuffix(".md") && $0.lowercased() != "readme.md" && !$0.hasPrefix(".") }
            .sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
            .map { folder.appendingPathComponent($0) }
    }

    /// Builds every guide of `request`, calling `progress` after each one.
    public func build(_ request: BuildRequest, progress: (GuideBuildResult) -> Void) throws -> [GuideBuildResult] {
        var request = request
        if let stylesRoot = request.stylesRoot {
            request.options.styles = try Builder.styleSheets(in: stylesRoot)
            request.options.pictograms = try PictogramSet.load(from: stylesRoot.appendingPathComponent("pictograms"))
        }
        let files = request.guides.isEmpty ? try Builder.guideFiles(in: request.guidesRoot) : request.guides
        var results: [GuideBuildResult] = []
        for file in files {
            let result = buildGuide(file, request: request)
            progress(result)
            results.append(result)
        }
        return results
    }

    /// Reads and renders one guide, then writes its files.
    public func buildGuide(_ file: URL, request: BuildRequest) -> GuideBuildResult {
        let displayPath = Builder.displayPath(of: file, base: request.displayBase)
        let slug = file.deletingPathExtension().lastPathComponent
        var result = GuideBuildResult(displayPath: displayPath, slug: slug, files: [], errors: [])
        let start = Location(file: displayPath, line: 1, column: 1)
        let root = request.guidesRoot.standardizedFileURL.resolvingSymlinksInPath()
        guard file.standardizedFileURL.resolvingSymlinksInPath().path.hasPrefix(root.path + "/") else {
            result.errors = [.error(
                at: start, "the guide is outside the guides folder \(Builder.displayPath(of: request.guidesRoot, base: request.displayBase)) (or is a link to a file outside it)",
                hint: "copy the guide itself into the guides folder")]
            return result
        }
        let guide: Guide
        do {
            guide = try GuideReader(guidesRoot: request.guidesRoot).read(file: file, displayPath: displayPath)
        } catch {
            result.errors = error.diagnostics
            return result
        }
        var outputs: [OutputFile] = []
        for writer in writers(for: guide, request: request) {
            do {
                outputs += try writer.write(guide, options: request.options)
            } catch {
                result.errors.append(.error(
                    at: start, "the \(writer.formatID) version could not be made: \(error)",
                    hint: "this is a fault in Waymark, not in the guide; please report it with the guide attached"))
            }
        }
        guard result.errors.isEmpty else { return result }
        let folder = request.outputRoot.appendingPathComponent(guide.slug)
        for output in outputs {
            let url = folder.appendingPathComponent(output.path)
            do {
                try AtomicFileWriter.write(output.bytes, to: url)
                result.files.append(Builder.displayPath(of: url, base: request.displayBase))
            } catch {
                result.errors.append(.error(
                    at: start, error.description,
                    hint: "check that the output folder exists, is writable and the disk is not full; the files there before are unchanged"))
            }
        }
        return result
    }

    /// Every `*.css` file directly in `folder`, by file name; empty when the folder does not exist.
    public static func styleSheets(in folder: URL) throws -> [String: String] {
        guard FileManager.default.fileExists(atPath: folder.path) else { return [:] }
        var sheets: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".css") {
            sheets[name] = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        }
        return sheets
    }

    /// A path relative to `base` when it is inside it, else absolute.
    public static func displayPath(of url: URL, base: URL) -> String {
        let path = url.standardizedFileURL.path
        let basePath = base.standardizedFileURL.path
        if path.hasPrefix(basePath + "/") { return String(path.dropFirst(basePath.count + 1)) }
        return path
    }
}

private extension Builder {
    func writers(for guide: Guide, request: BuildRequest) -> [any Writer] {
        let asked = guide.metadata.formats ?? WriterRegistry.formatIDs
        let wanted = request.formats.map { requested in asked.filter(requested.contains) } ?? asked
        return WriterRegistry.all.filter { wanted.contains($0.formatID) }
    }
}
