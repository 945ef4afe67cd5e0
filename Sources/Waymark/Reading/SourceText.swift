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
        let text = String(decoding: body, as: UTF8.self)
        var lines: [String] = []
        var current = ""
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\r":
                lines.append(current)
                current = ""
                previousWasCR = true
                continue
            case "\n":
                if !previousWasCR {
                    lines.append(current)
                    current = ""
                }
            default:
                current.unicodeScalars.append(scalar)
            }
            previousWasCR = false
        }
        lines.append(current)
        self.lines = lines
    }

    /// The location of a 1-based line and 1-based character column.
    func location(line: Int, column: Int) -> Location {
        Location(file: file, line: line, column: max(column, 1))
    }

    /// The location of a 1-based line and a 1-based *byte* column (as cmark reports).
    func location(line: Int, byteColumn: Int) -> Location {
        guard line >= 1, line <= lines.count else { return location(line: line, column: byteColumn) }
        var bytes = 0
        var characters = 0
        for scalar in lines[line - 1].unicodeScalars {
            if bytes >= byteColumn - 1 { break }
            bytes += String(scalar).utf8.count
            characters += 1
        }
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
