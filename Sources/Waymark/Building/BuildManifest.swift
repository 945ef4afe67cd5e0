/// A guide's build manifest (`Output/<slug>/.waymark-build`) as lines of text, read on the bytes.
///
/// A no-op rebuild reads one manifest a guide and nothing else of its outputs. As JSON through
/// Foundation's `JSONDecoder`, the manifests were 13 % of a no-op rebuild of 1,000 guides
/// (issue #23); these lines are read in a small part of that. The format:
///
/// ```
/// waymark-build 1
/// key 4f0c…
/// listed 1
/// file 8123 bullying.txt
/// picture 2048 9a1e… pictures/phone.svg
/// source pictures/phone.svg
/// ```
///
/// `file` lines give each file made and its size; each `picture` line a picture the guide used,
/// with its size, digest and the file it was found as, and the `source` lines after it the
/// paths the guide wrote for it. A path is the rest of its line, with `%`, line feeds and
/// carriage returns written `%25`, `%0A` and `%0D`. Anything else (a JSON manifest of an
/// older Waymark, a line cut short, a number that is not one) is no manifest, and the guide is
/// simply built again.
extension BuildCache.Manifest {
    /// The first line, naming the format and its version.
    static let header = "waymark-build 1"

    /// The manifest as lines of text.
    var text: [UInt8] {
        var lines = [BuildCache.Manifest.header, "key \(key)", "listed \(listed ? 1 : 0)"]
        for (file, size) in zip(files, sizes) { lines.append("file \(size) \(RecordText.escaped(file))") }
        for picture in pictures {
            lines.append("picture \(picture.size) \(picture.digest) \(RecordText.escaped(picture.file))")
            lines += picture.sources.map { "source \(RecordText.escaped($0))" }
        }
        return Array((lines.joined(separator: "\n") + "\n").utf8)
    }

    /// The manifest written as `bytes`, or nil when they are not one.
    init?(text bytes: [UInt8]) {
        guard bytes.last == 0x0A else { return nil }
        var lines = bytes.dropLast().split(separator: 0x0A, omittingEmptySubsequences: false)[...]
        guard let header = lines.popFirst(), header.elementsEqual(BuildCache.Manifest.header.utf8),
              let key = lines.popFirst().flatMap({ RecordText.field("key", of: $0) }).flatMap(RecordText.word),
              let listed = lines.popFirst().flatMap({ RecordText.field("listed", of: $0) }),
              listed.count == 1, listed.first == 0x30 || listed.first == 0x31 else { return nil }
        self.init(key: key, files: [], sizes: [], pictures: [], listed: listed.first == 0x31)
        for line in lines {
            if let rest = RecordText.field("file", of: line) {
                guard pictures.isEmpty, let (size, path) = RecordText.number(rest), let file = RecordText.unescaped(path) else { return nil }
                files.append(file)
                sizes.append(size)
            } else if let rest = RecordText.field("picture", of: line) {
                guard let (size, after) = RecordText.number(rest), let space = after.firstIndex(of: 0x20),
                      let digest = RecordText.word(after[..<space]),
                      let file = RecordText.unescaped(after[after.index(after: space)...]) else { return nil }
                pictures.append(BuildCache.PictureInput(sources: [], file: file, size: size, digest: digest))
            } else if let rest = RecordText.field("source", of: line) {
                guard !pictures.isEmpty, let source = RecordText.unescaped(rest) else { return nil }
                pictures[pictures.count - 1].sources.append(source)
            } else {
                return nil
            }
        }
    }
}

/// The pieces of the build's records as lines of text: this manifest, and the site's entry of a
/// guide (`SiteRecord`).
enum RecordText {
    /// What follows `name` and a space at the start of `line`.
    static func field(_ name: StaticString, of line: ArraySlice<UInt8>) -> ArraySlice<UInt8>? {
        let count = name.utf8CodeUnitCount
        guard line.count > count, line[line.startIndex + count] == 0x20 else { return nil }
        let matches = name.withUTF8Buffer { line.prefix(count).elementsEqual($0) }
        return matches ? line[(line.startIndex + count + 1)...] : nil
    }

    /// A key or a digest: letters and digits only, at least one.
    static func word(_ bytes: ArraySlice<UInt8>) -> String? {
        guard !bytes.isEmpty, bytes.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x7A).contains($0) || (0x41...0x5A).contains($0) }) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A size at the start of `bytes`, and what follows the space after it.
    static func number(_ bytes: ArraySlice<UInt8>) -> (Int, ArraySlice<UInt8>)? {
        guard let space = bytes.firstIndex(of: 0x20), space > bytes.startIndex, space - bytes.startIndex <= 18 else { return nil }
        var value = 0
        for byte in bytes[..<space] {
            guard (0x30...0x39).contains(byte) else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return (value, bytes[(space + 1)...])
    }

    /// `text` with `%`, line feeds and carriage returns written as `%25`, `%0A` and `%0D`.
    static func escaped(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x25 || $0 == 0x0A || $0 == 0x0D }) else { return text }
        var bytes: [UInt8] = []
        for byte in text.utf8 {
            switch byte {
            case 0x25: bytes += Array("%25".utf8)
            case 0x0A: bytes += Array("%0A".utf8)
            case 0x0D: bytes += Array("%0D".utf8)
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The text ``escaped(_:)`` wrote as `bytes`; nil for an empty path (unless `allowingEmpty`),
    /// a `%` not followed by one of the three codes, or bytes that are not UTF-8.
    static func unescaped(_ bytes: ArraySlice<UInt8>, allowingEmpty: Bool = false) -> String? {
        guard allowingEmpty || !bytes.isEmpty else { return nil }
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            guard byte == 0x25 else {
                text.append(byte)
                index += 1
                continue
            }
            guard bytes.endIndex - index >= 3 else { return nil }
            switch (bytes[index + 1], bytes[index + 2]) {
            case (0x32, 0x35): text.append(0x25)
            case (0x30, 0x41): text.append(0x0A)
            case (0x30, 0x44): text.append(0x0D)
            default: return nil
            }
            index += 3
        }
        return String(validating: text, as: UTF8.self)
    }
}
