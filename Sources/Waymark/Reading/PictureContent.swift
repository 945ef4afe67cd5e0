/// Checks that a picture file is what its name says, whole, and safe to put in an output.
///
/// PNG: the signature, then every chunk whole with a correct CRC, `IHDR` first
/// and `IEND` last with nothing after it. JPEG: the start and end markers.
/// SVG: rewritten by ``SVGSanitizer``, so the bytes that reach an output are
/// never the author's bytes as is.
public enum PictureContent {
    /// Why a picture was refused: a sentence that follows the picture's name.
    public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
        /// The words after "the picture 'x.svg'" ("is cut short (…)").
        public var message: String

        /// The message.
        public var description: String { message }
    }

    /// The bytes to put in outputs for a picture of `mediaType`, or why it is refused.
    public static func check(_ bytes: [UInt8], mediaType: String) -> Result<[UInt8], Problem> {
        switch mediaType {
        case "image/png":
            if let problem = pngProblem(bytes) { return .failure(Problem(message: problem)) }
            return .success(bytes)
        case "image/jpeg":
            guard bytes.starts(with: [0xFF, 0xD8, 0xFF]) else { return .failure(Problem(message: "is not a JPEG file, whatever its name says")) }
            guard bytes.count >= 5, bytes.suffix(2).elementsEqual([0xFF, 0xD9]) else {
                return .failure(Problem(message: "is cut short (the end of the JPEG file is missing)"))
            }
            return .success(bytes)
        default:
            do {
                return .success(try SVGSanitizer.sanitize(bytes))
            } catch {
                return .failure(Problem(message: error.description))
            }
        }
    }
}

// MARK: - PNG

private extension PictureContent {
    static let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// What is wrong with a PNG's structure (PNG 3rd edition §5), if anything.
    static func pngProblem(_ bytes: [UInt8]) -> String? {
        guard bytes.starts(with: pngSignature) else { return "is not a PNG file, whatever its name says" }
        let cutShort = "is cut short (the end of the PNG file is missing)"
        var index = pngSignature.count
        var first = true
        while true {
            guard index + 12 <= bytes.count else { return cutShort }
            let length = Int(bytes[index]) << 24 | Int(bytes[index + 1]) << 16 | Int(bytes[index + 2]) << 8 | Int(bytes[index + 3])
            // §5.3: a chunk's length is at most 2^31 - 1.
            guard length <= 0x7FFF_FFFF, index + 12 + length <= bytes.count else { return cutShort }
            let type = bytes[(index + 4)..<(index + 8)]
            guard type.allSatisfy({ (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }) else {
                return "is damaged (a PNG chunk has an invalid name)"
            }
            let name = String(decoding: type, as: UTF8.self)
            if first && name != "IHDR" { return "is damaged (it does not start with a PNG header)" }
            first = false
            let crcStart = index + 8 + length
            let stored = UInt32(bytes[crcStart]) << 24 | UInt32(bytes[crcStart + 1]) << 16 | UInt32(bytes[crcStart + 2]) << 8 | UInt32(bytes[crcStart + 3])
            guard crc32(bytes[(index + 4)..<crcStart]) == stored else {
                return "is damaged (the PNG chunk '\(name)' fails its checksum)"
            }
            index = crcStart + 4
            if name == "IEND" {
                return index == bytes.count ? nil : "has extra data after the end of the PNG image"
            }
        }
    }

    static let crcTable: [UInt32] = (0..<256).map { value -> UInt32 in
        var crc = UInt32(value)
        for _ in 0..<8 { crc = crc & 1 == 1 ? 0xEDB8_8320 ^ (crc >> 1) : crc >> 1 }
        return crc
    }

    static func crc32(_ bytes: ArraySlice<UInt8>) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes { crc = crcTable[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }
}
