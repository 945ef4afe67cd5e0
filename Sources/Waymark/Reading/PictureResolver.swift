import Foundation
import WaymarkModel
import WaymarkXML

/// Finds, checks and loads the picture files a guide names.
///
/// A picture is looked for beside the guide, then in the guides folder's
/// shared `pictures/`. It must stay inside the guides folder, be SVG, PNG
/// or JPEG, and be what its name says it is.
final class PictureResolver {
    /// The largest picture file accepted, in bytes.
    static let maximumSize = 5 * 1024 * 1024

    /// The guides folder and the guide's folder, standardised with links resolved, as paths.
    private let guidesRoot: String
    private let guideFolder: String
    private(set) var resources: [String: Resource] = [:]
    private var usedFileNames: Set<String> = []
    /// Pictures already found, as written → their key: a guide names the same picture many times.
    private var found: [String: String] = [:]

    /// Creates a resolver for a guide in `guideFolder` under `guidesRoot`.
    init(guidesRoot: URL, guideFolder: URL) {
        self.guidesRoot = guidesRoot.standardizedFileURL.resolvingSymlinksInPath().path
        self.guideFolder = guideFolder.standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// The file a picture path (percent escapes decoded) names: beside the guide first, then in
    /// the guides folder; nil when neither has it. The build cache looks pictures up the same way.
    static func find(_ path: String, guideFolder: URL, guidesRoot: URL) -> URL? {
        [guideFolder.appendingPathComponent(path), guidesRoot.appendingPathComponent(path)]
            .first { FileManager.default.fileExists(atPath: $0.path) }
    }

    /// ``find(_:guideFolder:guidesRoot:)`` on paths: the same files, asked of the file system as
    /// `FileManager.fileExists` asks (`stat`, links followed), without making URLs (issue #23).
    static func find(_ path: String, guideFolder: String, guidesRoot: String) -> String? {
        [join(guideFolder, path), join(guidesRoot, path)].first { candidate in
            var status = stat()
            return stat(candidate, &status) == 0
        }
    }

    /// `folder` and `path` joined as `appendingPathComponent` joins them: one slash between.
    static func join(_ folder: String, _ path: String) -> String {
        folder.hasSuffix("/") ? folder + path : folder + "/" + path
    }

    /// `path` standardised with every link resolved (`realpath`), as `standardizedFileURL` and
    /// `resolvingSymlinksInPath()` give it for a file that exists; nil when it no longer does.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Resolves `source` as written in the guide; the key of its resource, or a diagnostic.
    func resolve(_ source: String, at location: Location) -> Result<String, Diagnostic> {
        if let key = found[source] { return .success(key) }
        let result = look(for: source, at: location)
        if case .success(let key) = result { found[source] = key }
        return result
    }

    private func look(for source: String, at location: Location) -> Result<String, Diagnostic> {
        if PictureResolver.startsWithScheme(source, ["http:", "https:", "//", "ftp:"]) {
            return .failure(.error(
                at: location, "the picture '\(source)' is on another website; pictures must be files beside the guide",
                hint: "save the picture into Guides/pictures/ and write its path, e.g. pictures/meeting.svg (a picture from another website would let that website see who reads the guide)"))
        }
        if PictureResolver.startsWithScheme(source, ["data:", "file:"]) || source.utf8.contains(UInt8(ascii: ":")) {
            return .failure(.error(
                at: location, "the picture '\(source)' is not a file path",
                hint: "save the picture into Guides/pictures/ and write its path, e.g. pictures/meeting.svg"))
        }
        let path = source.utf8.contains(UInt8(ascii: "%")) ? source.removingPercentEncoding ?? source : source
        if path.hasPrefix("/") || path.split(separator: "/").contains("..") {
            return .failure(.error(
                at: location, "the picture path '\(source)' leaves the guides folder",
                hint: "put the picture in Guides/pictures/ and write a path such as pictures/meeting.svg, without '..' or a leading '/'"))
        }
        guard let found = PictureResolver.find(path, guideFolder: guideFolder, guidesRoot: guidesRoot),
              let realPath = PictureResolver.realPath(found) else {
            return .failure(.error(
                at: location, "the picture '\(source)' does not exist",
                hint: "check the spelling of the file name, or save the picture as Guides/\(path)"))
        }
        guard realPath.hasPrefix(guidesRoot + "/") else {
            // Say "link" only when it is one: a picture can also sit beside a guide outside the folder.
            let isLink = URL(fileURLWithPath: found).standardizedFileURL.path != realPath
            return .failure(.error(
                at: location, isLink ? "the picture '\(source)' is a link to a file outside the guides folder"
                    : "the picture '\(source)' is outside the guides folder",
                hint: isLink ? "copy the picture itself into Guides/pictures/ instead of linking to it"
                    : "put the picture in the guides folder's pictures/ folder, or beside the guide"))
        }
        let key = String(realPath.dropFirst(guidesRoot.count + 1))
        if resources[key] != nil { return .success(key) }
        let real = URL(fileURLWithPath: realPath)
        guard let mediaType = PictureResolver.mediaType(of: real.pathExtension) else {
            return .failure(.error(
                at: location, "'\(source)' is not an SVG, PNG or JPEG picture",
                hint: "save the picture as .svg, .png or .jpg"))
        }
        var bytes: [UInt8]
        do {
            bytes = try BoundedFile.read(real, limit: PictureResolver.maximumSize)
        } catch {
            switch error {
            case .tooLarge(let size):
                return .failure(.error(
                    at: location, "the picture '\(source)' is \(GuideReader.describe(size: size)); the largest allowed is \(PictureResolver.maximumSize / 1024 / 1024) MB",
                    hint: "make the picture smaller (fewer pixels, or save it as JPEG)"))
            case .notAFile:
                return .failure(.error(
                    at: location, "the picture '\(source)' is not a file (it is a folder, a pipe or a device)",
                    hint: "write the path of the picture file itself, e.g. pictures/meeting.svg"))
            case .unreadable(let reason):
                return .failure(.error(at: location, "the picture '\(source)' could not be read: \(reason)", hint: "check the file is readable"))
            }
        }
        // Every guide of a build uses the same few pictures: check (and clean) each content once.
        let checked = PictureResolver.checked.value(for: PictureKey(bytes: bytes, mediaType: mediaType)) {
            PictureContent.check(bytes, mediaType: mediaType)
        }
        switch checked {
        case .success(let safe):
            bytes = safe
        case .failure(let problem):
            let hint = mediaType == "image/svg+xml" && !problem.message.contains("well-formed")
                ? "remove that part of the picture (in an editor such as Inkscape, save as 'Plain SVG'), or use a PNG instead; pictures in guides for children must not run code or load anything from elsewhere"
                : problem.hasTooManyPixels
                    ? "make the picture smaller (fewer pixels) in an image editor, for example no more than 2000 pixels wide, and save it again as \(real.pathExtension.uppercased())"
                    : "open the picture in an image editor and save it again as \(real.pathExtension.uppercased())"
            return .failure(.error(at: location, "the picture '\(source)' \(problem)", hint: hint))
        }
        resources[key] = Resource(mediaType: mediaType, bytes: bytes, fileName: uniqueFileName(real.lastPathComponent))
        return .success(key)
    }
}

extension PictureResolver {
    /// Whether `source` starts with one of `schemes` (lower case ASCII), whatever the case of
    /// its letters: what `source.lowercased().hasPrefix` says, as no character beyond ASCII
    /// lower-cases to one of these letters.
    static func startsWithScheme(_ source: String, _ schemes: [String]) -> Bool {
        schemes.contains { scheme in
            var bytes = source.utf8.makeIterator()
            return scheme.utf8.allSatisfy { wanted in
                guard let byte = bytes.next() else { return false }
                return (byte >= 65 && byte <= 90 ? byte + 32 : byte) == wanted
            }
        }
    }

    struct PictureKey: Hashable, Sendable {
        var bytes: [UInt8]
        var mediaType: String
    }

    /// Pictures already checked in this process, by content.
    /// At most 64 MB of pictures are remembered (a guide's pictures are usually a few KB).
    static let checked = Memo<PictureKey, Result<[UInt8], PictureContent.Problem>>(limit: 64 << 20) { key, result in
        key.bytes.count + ((try? result.get())?.count ?? 0)
    }

    /// A file name safe in every output: ASCII letters, digits, `-`, `_` and one `.`; accents are
    /// dropped and spaces or other characters become `-` (EPUB OCF 3.3 §4.2.3: names with spaces
    /// or non-ASCII characters need escaping and trouble some reading systems).
    static func portableFileName(_ name: String) -> String {
        portableNames.value(for: name) { portableFileNameMade(name) }
    }

    /// The portable names made in this process (issue #23: every guide of a build names the same
    /// pictures, and folding each name afresh took 40,000 instructions); at most 4,096 remembered.
    static let portableNames = Memo<String, String>(limit: 4096)

    /// ``portableFileName(_:)``, worked out.
    static func portableFileNameMade(_ name: String) -> String {
        let stem = (name as NSString).deletingPathExtension.folding(options: [.diacriticInsensitive], locale: nil)
        let ext = (name as NSString).pathExtension.lowercased()
        var portable = ""
        for scalar in stem.unicodeScalars {
            if scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || scalar == "-" || scalar == "_") {
                portable.unicodeScalars.append(scalar)
            } else if !portable.isEmpty && !portable.hasSuffix("-") {
                portable += "-"
            }
        }
        while portable.hasSuffix("-") { portable.removeLast() }
        if portable.isEmpty { portable = "picture" }
        return "\(portable.prefix(80)).\(ext)"
    }

}

private extension PictureResolver {
    static func mediaType(of fileExtension: String) -> String? {
        switch fileExtension.lowercased() {
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        default: return nil
        }
    }

    func uniqueFileName(_ original: String) -> String {
        let name = PictureResolver.portableFileName(original)
        var candidate = name
        var counter = 2
        while usedFileNames.contains(candidate.lowercased()) {
            let stem = (name as NSString).deletingPathExtension
            let ext = (name as NSString).pathExtension
            candidate = "\(stem)-\(counter).\(ext)"
            counter += 1
        }
        usedFileNames.insert(candidate.lowercased())
        return candidate
    }
}
