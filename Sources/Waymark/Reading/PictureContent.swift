/// Checks that a picture file is what its name says, whole, and safe to put in an output.
///
/// PNG: the signature, then every chunk whole with a correct CRC, a valid `IHDR`
/// first and `IEND` last with nothing after it. JPEG: every marker segment from
/// the start to the picture data whole, a frame header among them, and the end
/// marker last. Both: no larger than ``maximumSide`` and ``maximumPixels``.
/// SVG: rewritten by ``SVGSanitizer``, so the bytes that reach an output are
/// never the author's bytes as is.
public enum PictureContent {
    // A reader decodes a picture to about 4 bytes a pixel whatever its file size: a black-and-white
    // 100000 × 100000 PNG is about 1 MB on disk and 40 GB in memory (issue 12). 8192 is twice the
    // width of a 4K screen, more than any page of a guide shows; 40 million pixels (160 MB decoded)
    // still takes a full-size photo from most cameras (6000 × 4000 is 24 million).

    /// The most pixels a PNG or JPEG picture may have across or down.
    public static let maximumSide = 8192
    /// The most pixels a PNG or JPEG picture may have in all.
    public static let maximumPixels = 40_000_000

    /// Why a picture was refused: a sentence that follows the picture's name.
    public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
        /// The words after "the picture 'x.svg'" ("is cut short (…)").
        public var message: String
        /// Whether the picture has more pixels than ``maximumSide`` or ``maximumPixels`` allow,
        /// so that the fix is to make it smaller rather than to save it again.
        public var hasTooManyPixels = false

        /// The message.
        public var description: String { message }
    }

    /// The bytes to put in outputs for a picture of `mediaType`, or why it is refused.
    public static func check(_ bytes: [UInt8], mediaType: String) -> Result<[UInt8], Problem> {
        switch mediaType {
        case "image/png", "image/jpeg":
            let size = mediaType == "image/png" ? pngSize(bytes) : jpegSize(bytes)
            switch size {
            case .failure(let problem):
                return .failure(problem)
            case .success(let size):
                if let problem = size.problem { return .failure(Problem(message: problem, hasTooManyPixels: true)) }
                return .success(bytes)
            }
        default:
            do {
                return .success(try SVGSanitizer.sanitize(bytes))
            } catch {
                return .failure(Problem(message: error.description))
            }
        }
    }
}

// MARK: - Size

extension PictureContent {
    /// A picture's width and height in pixels, as its header says.
    struct PixelSize: Equatable {
        var width: Int
        var height: Int

        /// Why a picture this size is refused, or nil when it is allowed.
        var problem: String? {
            if width > PictureContent.maximumSide || height > PictureContent.maximumSide {
                return "is \(width) × \(height) pixels; the largest allowed is \(PictureContent.maximumSide) pixels a side"
            }
            if width * height > PictureContent.maximumPixels {
                return "is \(width) × \(height) pixels, \(Self.millions(width * height)) in all; the largest allowed is \(Self.millions(PictureContent.maximumPixels)) pixels in all"
            }
            return nil
        }

        /// `pixels` in millions, rounded up to a tenth so that a size over a limit never reads as the limit.
        static func millions(_ pixels: Int) -> String {
            let tenths = (pixels + 99_999) / 100_000
            return tenths % 10 == 0 ? "\(tenths / 10) million" : "\(tenths / 10).\(tenths % 10) million"
        }
    }
}

// MARK: - JPEG

private extension PictureContent {
    /// The size in a JPEG's frame header, or what is wrong with its structure (ITU-T T.81 Annex B).
    /// The marker segments are walked from the start to the first scan; the coded picture data
    /// after it is not decoded, only the end marker after it is checked.
    static func jpegSize(_ bytes: [UInt8]) -> Result<PixelSize, Problem> {
        // B.2.1: SOI (FF D8), then a marker.
        guard bytes.starts(with: [0xFF, 0xD8, 0xFF]) else { return .failure(Problem(message: "is not a JPEG file, whatever its name says")) }
        let cutShort = "is cut short (the end of the JPEG file is missing)"
        func damaged(_ why: String) -> Problem { Problem(message: "is damaged (its JPEG structure is broken: \(why))") }
        var index = 2
        var size: PixelSize?
        while true {
            guard index < bytes.count else { return .failure(Problem(message: cutShort)) }
            guard bytes[index] == 0xFF else { return .failure(damaged("a marker is missing")) }
            // B.1.1.2: any marker may be preceded by fill bytes (FF).
            while index < bytes.count, bytes[index] == 0xFF { index += 1 }
            guard index < bytes.count else { return .failure(Problem(message: cutShort)) }
            let marker = bytes[index]
            index += 1
            switch marker {
            case 0xD9:
                return .failure(damaged("it ends before the picture starts"))
            case 0xD8:
                return .failure(damaged("it starts twice"))
            case 0x01, 0xD0...0xD7:
                // B.1.1.3, Table B.1: TEM and RSTn stand alone, without a length (libjpeg skips them here).
                continue
            case 0x00, 0x02...0xBF:
                // Table B.1: FF 00 is no marker, FF 02 to FF BF are reserved.
                return .failure(damaged("FF \(hex(marker)) is not a JPEG marker"))
            default:
                break
            }
            // B.1.1.4: a marker segment's length counts its own two bytes, not the marker's.
            guard index + 2 <= bytes.count else { return .failure(Problem(message: cutShort)) }
            let length = bigEndian(bytes[...], at: index, count: 2)
            guard length >= 2 else { return .failure(damaged("a segment is shorter than its length")) }
            guard index + length <= bytes.count else { return .failure(Problem(message: cutShort)) }
            let segment = bytes[(index + 2)..<(index + length)]
            switch marker {
            case 0xC0...0xCF where marker != 0xC4 && marker != 0xC8 && marker != 0xCC:
                // B.2.2 frame header (SOF0 to SOF15; C4 is DHT, C8 JPG and CC DAC): P, Y, X, Nf, then 3 bytes a component.
                guard segment.count >= 6, segment.count == 6 + 3 * Int(segment[segment.startIndex + 5]), segment[segment.startIndex + 5] > 0 else {
                    return .failure(damaged("its frame header is the wrong length"))
                }
                let height = bigEndian(segment, at: segment.startIndex + 1, count: 2)
                let width = bigEndian(segment, at: segment.startIndex + 3, count: 2)
                // Height 0 leaves it to a DNL marker later (B.2.5), which libjpeg and so browsers refuse.
                if width == 0 { return .failure(Problem(message: "is damaged (its JPEG header says it is 0 pixels wide)")) }
                if height == 0 { return .failure(Problem(message: "is damaged (its JPEG header says it is 0 pixels high)")) }
                if size == nil { size = PixelSize(width: width, height: height) }
            case 0xDA:
                // B.2.3 scan header: Ns (1 to 4), 2 bytes a component, then Ss, Se, Ah/Al.
                guard let size else { return .failure(damaged("the picture data comes before its frame header")) }
                guard let components = segment.first, (1...4).contains(components), segment.count == 4 + 2 * Int(components) else {
                    return .failure(damaged("its scan header is the wrong length"))
                }
                // B.2.1: the file ends with EOI (FF D9).
                guard bytes.count >= index + length + 2, bytes.suffix(2).elementsEqual([0xFF, 0xD9]) else { return .failure(Problem(message: cutShort)) }
                return .success(size)
            default:
                break
            }
            index += length
        }
    }

    static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
    }
}

// MARK: - PNG

private extension PictureContent {
    static let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// The size a PNG says it is, or what is wrong with its structure (PNG 3rd edition §5).
    static func pngSize(_ bytes: [UInt8]) -> Result<PixelSize, Problem> {
        guard bytes.starts(with: pngSignature) else { return .failure(Problem(message: "is not a PNG file, whatever its name says")) }
        let cutShort = "is cut short (the end of the PNG file is missing)"
        var index = pngSignature.count
        var size: PixelSize?
        while true {
            guard index + 12 <= bytes.count else { return .failure(Problem(message: cutShort)) }
            let length = bigEndian(bytes[...], at: index, count: 4)
            // §5.3: a chunk's length is at most 2^31 - 1.
            guard length <= 0x7FFF_FFFF, index + 12 + length <= bytes.count else { return .failure(Problem(message: cutShort)) }
            let type = bytes[(index + 4)..<(index + 8)]
            guard type.allSatisfy({ (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }) else {
                return .failure(Problem(message: "is damaged (a PNG chunk has an invalid name)"))
            }
            let name = String(decoding: type, as: UTF8.self)
            if size == nil && name != "IHDR" { return .failure(Problem(message: "is damaged (it does not start with a PNG header)")) }
            let crcStart = index + 8 + length
            guard Int(crc32(bytes[(index + 4)..<crcStart])) == bigEndian(bytes[...], at: crcStart, count: 4) else {
                return .failure(Problem(message: "is damaged (the PNG chunk '\(name)' fails its checksum)"))
            }
            if size == nil {
                switch pngHeader(bytes[(index + 8)..<crcStart]) {
                case .success(let header): size = header
                case .failure(let problem): return .failure(problem)
                }
            }
            index = crcStart + 4
            if name == "IEND", let size {
                return index == bytes.count ? .success(size) : .failure(Problem(message: "has extra data after the end of the PNG image"))
            }
        }
    }

    /// The size in a PNG's `IHDR` chunk data, or what is wrong with it (PNG 3rd edition §11.2.1).
    static func pngHeader(_ data: ArraySlice<UInt8>) -> Result<PixelSize, Problem> {
        let start = data.startIndex
        guard data.count == 13 else { return .failure(Problem(message: "is damaged (its PNG header is the wrong length)")) }
        let width = bigEndian(data, at: start, count: 4)
        let height = bigEndian(data, at: start + 4, count: 4)
        // Width and height are 1 to 2^31 - 1; each colour type allows only some bit depths (Table 11.1).
        if width == 0 || width > 0x7FFF_FFFF { return .failure(Problem(message: "is damaged (its PNG header says it is \(width) pixels wide)")) }
        if height == 0 || height > 0x7FFF_FFFF { return .failure(Problem(message: "is damaged (its PNG header says it is \(height) pixels high)")) }
        let depths: [UInt8: Set<UInt8>] = [0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16]]
        let depth = data[start + 8], colourType = data[start + 9]
        guard depths[colourType]?.contains(depth) == true else {
            return .failure(Problem(message: "is damaged (its PNG header has colour type \(colourType) with \(depth) bits, which do not go together)"))
        }
        // Compression and filter method 0 are the only ones defined; interlace is 0 (none) or 1 (Adam7).
        guard data[start + 10] == 0, data[start + 11] == 0, data[start + 12] <= 1 else {
            return .failure(Problem(message: "is damaged (its PNG header names a compression, filter or interlace method that does not exist)"))
        }
        return .success(PixelSize(width: width, height: height))
    }

    /// The `count`-byte big-endian number at `index`; the caller has checked the bytes are there.
    static func bigEndian(_ bytes: ArraySlice<UInt8>, at index: Int, count: Int) -> Int {
        bytes[index..<(index + count)].reduce(0) { $0 << 8 | Int($1) }
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
