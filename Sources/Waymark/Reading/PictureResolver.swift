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

    private let guidesRoot: URL
    private let guideFolder: URL
    private(set) var resources: [String: Resource] = [:]
    private var usedFileNames: Set<String> = []

    /// Creates a resolver for a guide in `guideFolder` under `guidesRoot`.
    init(guidesRoot: URL, guideFolder: URL) {
        self.guidesRoot = guidesRoot.standardizedFileURL.resolvingSymlinksInPath()
        self.guideFolder = guideFolder.standardizedFileURL.resolvingSymlinksInPath()
    }

    /// Resolves `source` as written in the guide; the key of its resource, or a diagnostic.
    func resolve(_ source: String, at location: Location) -> Result<String, Diagnostic> {
        let lowered = source.lowercased()
        if lowered.hasPrefix("http:") || lowered.hasPrefix("https:") || lowered.hasPrefix("//") || lowered.hasPrefix("ftp:") {
            return .failure(.error(
                at: location, "the picture '\(source)' is on another website; pictures must be files beside the guide",
                hint: "save the picture into Guides/pictures/ and write its path, e.g. pictures/meeting.svg (a picture from another website would let that website see who reads the guide)"))
        }
        if lowered.hasPrefix("data:") || lowered.hasPrefix("file:") || source.contains(":") {
            return .failure(.error(
                at: location, "the picture '\(source)' is not a file path",
                hint: "save the picture into Guides/pictures/ and write its path, e.g. pictures/meeting.svg"))
        }
        let path = source.removingPercentEncoding ?? source
        if path.hasPrefix("/") || path.split(separator: "/").contains("..") {
            return .failure(.error(
                at: location, "the picture path '\(source)' leaves the guides folder",
                hint: "put the picture in Guides/pictures/ and write a path such as pictures/meeting.svg, without '..' or a leading '/'"))
        }
        let candidates = [guideFolder.appendingPathComponent(path), guidesRoot.appendingPathComponent(path)]
        guard let found = candidates.first(where: { FileManager.default.fileExists(atPath: $0.path) }) else {
            return .failure(.error(
                at: location, "the picture '\(source)' does not exist",
                hint: "check the spelling of the file name, or save the picture as Guides/\(path)"))
        }
        let real = found.standardizedFileURL.resolvingSymlinksInPath()
        guard real.path.hasPrefix(guidesRoot.path + "/") else {
            return .failure(.error(
                at: location, "the picture '\(source)' is a link to a file outside the guides folder",
                hint: "copy the picture itself into Guides/pictures/ instead of linking to it"))
        }
        let key = String(real.path.dropFirst(guidesRoot.path.count + 1))
        if resources[key] != nil { return .success(key) }
        guard let mediaType = PictureResolver.mediaType(of: real.pathExtension) else {
            return .failure(.error(
                at: location, "'\(source)' is not an SVG, PNG or JPEG picture",
                hint: "save the picture as .svg, .png or .jpg"))
        }
        let bytes: [UInt8]
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: real.path)
            let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
            guard size <= PictureResolver.maximumSize else {
                return .failure(.error(
                    at: location, "the picture '\(source)' is \(size / 1024) KB; the largest allowed is \(PictureResolver.maximumSize / 1024 / 1024) MB",
                    hint: "make the picture smaller (fewer pixels, or save it as JPEG)"))
            }
            bytes = Array(try Data(contentsOf: real))
        } catch {
            return .failure(.error(at: location, "the picture '\(source)' could not be read", hint: "check the file is readable"))
        }
        if let problem = PictureResolver.contentProblem(bytes, mediaType: mediaType) {
            return .failure(.error(at: location, "the picture '\(source)' \(problem)", hint: "open the picture in an image editor and save it again as \(real.pathExtension.uppercased())"))
        }
        resources[key] = Resource(mediaType: mediaType, bytes: bytes, fileName: uniqueFileName(real.lastPathComponent))
        return .success(key)
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

    /// What is wrong with the file's content for its media type, if anything.
    static func contentProblem(_ bytes: [UInt8], mediaType: String) -> String? {
        switch mediaType {
        case "image/png":
            let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
            guard bytes.starts(with: signature) else { return "is not a PNG file, whatever its name says" }
            // A whole PNG ends with an IEND chunk and its CRC.
            let end: [UInt8] = [0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82]
            return bytes.suffix(8).elementsEqual(end) ? nil : "is cut short (the end of the PNG file is missing)"
        case "image/jpeg":
            guard bytes.starts(with: [0xFF, 0xD8, 0xFF]) else { return "is not a JPEG file, whatever its name says" }
            return bytes.suffix(2).elementsEqual([0xFF, 0xD9]) ? nil : "is cut short (the end of the JPEG file is missing)"
        default:
            do {
                let root = try XMLDocument.parse(bytes)
                return root.localName == "svg" ? nil : "is not an SVG file (its first element is <\(root.name)>)"
            } catch {
                return "is not a well-formed SVG file (\(error))"
            }
        }
    }

    func uniqueFileName(_ name: String) -> String {
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
