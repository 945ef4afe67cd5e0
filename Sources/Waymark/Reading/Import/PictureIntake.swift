/// Why a picture from an input cannot go into the draft, in words that follow "the picture 'x'".
enum PictureRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    /// A format guides cannot use (GIF, BMP, TIFF, EMF, WMF…), named.
    case format(String)
    /// Larger than a guide's pictures may be.
    case tooLarge(Int)
    /// Refused by the checks every picture goes through (``PictureContent``).
    case problem(PictureContent.Problem)
    /// The document has more pictures than an import takes.
    case tooMany

    var description: String {
        switch self {
        case .format(let name):
            return "is \(name), which a guide cannot use: save it as PNG (or JPEG for a photo) into Guides/pictures/ and add it to the draft"
        case .tooLarge(let size):
            return "is \(GuideReader.describe(size: size)); the largest picture a guide may have is \(PictureResolver.maximumSize / 1024 / 1024) MB: make it smaller (fewer pixels, or a JPEG) and add it to the draft"
        case .problem(let problem):
            return "\(problem.message): open it in an image editor, save it again as PNG or JPEG and add it to the draft"
        case .tooMany:
            return "was left out: the document has more than \(DraftBuilder.maximumPictures) pictures"
        }
    }
}

/// Checks a picture's bytes from an input the way every picture of a guide is checked:
/// what the bytes are (not what the name says), how large, and ``PictureContent``'s checks
/// (PNG and JPEG structure and pixel size; an SVG cleaned of anything that runs or loads).
enum PictureIntake {
    /// The media type and the bytes to save (an SVG cleaned), or why the picture cannot be used.
    static func check(_ bytes: [UInt8], name: String) -> Result<(String, [UInt8]), PictureRefusal> {
        guard bytes.count <= PictureResolver.maximumSize else { return .failure(.tooLarge(bytes.count)) }
        let mediaType: String
        switch kind(of: bytes, name: name) {
        case .some(let type) where type.hasPrefix("image/"):
            mediaType = type
        case .some(let other):
            return .failure(.format(other))
        case .none:
            return .failure(.format("not a picture Waymark knows"))
        }
        switch PictureContent.check(bytes, mediaType: mediaType) {
        case .success(let safe): return .success((mediaType, safe))
        case .failure(let problem): return .failure(.problem(problem))
        }
    }

    /// `image/png`, `image/jpeg` or `image/svg+xml` for what guides can use; the format's name
    /// (`a GIF picture`) for what they cannot; nil when the bytes are no picture known.
    static func kind(of bytes: [UInt8], name: String) -> String? {
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "image/png" }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        if bytes.starts(with: Array("GIF8".utf8)) { return "a GIF picture" }
        if bytes.starts(with: [0x42, 0x4D]) { return "a BMP picture" }
        if bytes.starts(with: [0x49, 0x49, 0x2A, 0x00]) || bytes.starts(with: [0x4D, 0x4D, 0x00, 0x2A]) { return "a TIFF picture" }
        if bytes.starts(with: [0xD7, 0xCD, 0xC6, 0x9A]) || bytes.starts(with: [0x01, 0x00, 0x09, 0x00]) { return "a WMF (Windows Metafile) drawing" }
        if bytes.count > 44, bytes.starts(with: [0x01, 0x00, 0x00, 0x00]), Array(bytes[40..<44]) == Array(" EMF".utf8) {
            return "an EMF (Windows Metafile) drawing"
        }
        if bytes.starts(with: Array("RIFF".utf8)) { return "a WebP picture" }
        let lowered = name.lowercased()
        let head = String(decoding: bytes.prefix(1024), as: UTF8.self).lowercased()
        if lowered.hasSuffix(".svg") || head.contains("<svg") { return "image/svg+xml" }
        if lowered.hasSuffix(".emf") || lowered.hasSuffix(".emz") { return "an EMF (Windows Metafile) drawing" }
        if lowered.hasSuffix(".wmf") || lowered.hasSuffix(".wmz") { return "a WMF (Windows Metafile) drawing" }
        return nil
    }
}
