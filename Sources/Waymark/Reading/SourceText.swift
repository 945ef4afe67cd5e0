import WaymarkModel

/// A guide's text, decoded and split into lines, that maps positions to ``Location``s.
///
/// Decoding accepts UTF-8 with or without a byte-order mark and with LF,
/// CRLF or CR line endings; it refuses invalid UTF-8 with the place of the
/// first bad byte.
struct SourceText {
    /// The path to name in locations.
    let file: String
    /// The lines, without line endings.
    let lines: [String]
    /// For each line, its scalars longer than one UTF-8 byte: where each starts (a 0-based
    /// byte offset), its byte length, and the extra bytes of all of them up to and including
    /// it; so that a byte column maps to a character column without walking the line, which
    /// made a long line with many nodes quadratic (a 150 KB line of emphasis took minutes).
    private let wide: [[(start: Int, length: Int, extraThrough: Int)]]
    /// Each line's length in UTF-8 bytes.
    private let byteCounts: [Int]

    /// Decodes `bytes`, or throws a diagnostic at the first invalid byte.
    init(file: String, bytes: [UInt8]) throws(Diagnostic) {
        self.file = file
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if let (line, column) = SourceText.firstInvalidUTF8(body) {
            throw Diagnostic.error(
                at: Location(file: file, line: line, column: column),
                "the file is not valid UTF-8 text",
                hint: "save the file as UTF-8 (in most editors: Save As, then Encoding: UTF-8); the first bad character is here")
        }
        // Split on the bytes (the text is valid UTF-8 now): CR, LF and CR LF end a line.
        var lines: [String] = []
        var wide: [[(start: Int, length: Int, extraThrough: Int)]] = []
        var byteCounts: [Int] = []
        body.withUnsafeBufferPointer { buffer in
            var currentWide: [(start: Int, length: Int, extraThrough: Int)] = []
            var extra = 0
            var lineStart = 0
            var index = 0
            func endLine(at end: Int) {
                lines.append(String(decoding: UnsafeBufferPointer(rebasing: buffer[lineStart..<end]), as: UTF8.self))
                wide.append(currentWide)
                byteCounts.append(end - lineStart)
                currentWide = []
                extra = 0
            }
            while index < buffer.count {
                let byte = buffer[index]
                if byte == 0x0D || byte == 0x0A {
                    endLine(at: index)
                    index += byte == 0x0D && index + 1 < buffer.count && buffer[index + 1] == 0x0A ? 2 : 1
                    lineStart = index
                } else if byte >= 0xC0 {
                    let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                    extra += length - 1
                    currentWide.append((index - lineStart, length, extra))
                    index += length
                } else {
                    index += 1
                }
            }
            endLine(at: buffer.count)
        }
        self.lines = lines
        self.wide = wide
        self.byteCounts = byteCounts
    }

    /// The location of a 1-based line and 1-based character column.
    func location(line: Int, column: Int) -> Location {
        Location(file: file, line: line, column: max(column, 1))
    }

    /// The location of a 1-based line and a 1-based *byte* column (as cmark reports).
    func location(line: Int, byteColumn: Int) -> Location {
        guard line >= 1, line <= lines.count else { return location(line: line, column: byteColumn) }
        // The number of characters that start before byte `target` (0-based), found by a
        // binary search over the line's wide characters.
        let target = max(byteColumn - 1, 0)
        let wide = self.wide[line - 1]
        var low = 0, high = wide.count
        while low < high {
            let middle = (low + high) / 2
            if wide[middle].start < target { low = middle + 1 } else { high = middle }
        }
        let lineBytes = byteCounts[line - 1]
        var characters: Int
        if low == 0 {
            characters = target
        } else {
            let last = wide[low - 1]
            characters = target < last.start + last.length
                ? last.start - (last.extraThrough - (last.length - 1)) + 1
                : target - last.extraThrough
        }
        if target >= lineBytes { characters = lineBytes - (wide.last?.extraThrough ?? 0) }
        return location(line: line, column: characters + 1)
    }

    /// The text of lines `range` (1-based, inclusive), joined with LF.
    func text(lines range: ClosedRange<Int>) -> String {
        guard range.lowerBound <= range.upperBound, range.lowerBound >= 1 else { return "" }
        return lines[(range.lowerBound - 1)..<min(range.upperBound, lines.count)].joined(separator: "\n") + "\n"
    }
}

private extension SourceText {
    /// The 1-based line and character column of the first invalid UTF-8 byte, if any.
    static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> (Int, Int)? {
        var line = 1, column = 1
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return (line, column)
            }
            guard index + length <= bytes.endIndex else { return (line, column) }
            if length > 1 {
                let rest = bytes[(index + 1)..<(index + length)]
                guard rest.allSatisfy({ $0 & 0xC0 == 0x80 }) else { return (line, column) }
                // Overlong forms and surrogates.
                let second = bytes[index + 1]
                if byte == 0xE0 && second < 0xA0 { return (line, column) }
                if byte == 0xED && second > 0x9F { return (line, column) }
                if byte == 0xF0 && second < 0x90 { return (line, column) }
                if byte == 0xF4 && second > 0x8F { return (line, column) }
            }
            if byte == 0x0A { line += 1; column = 1 } else { column += 1 }
            index += length
        }
        return nil
    }
}
