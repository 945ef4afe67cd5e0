import WaymarkModel

/// A guide's source lines, to place findings on the exact word.
///
/// The model keeps the location where each inline starts. Text that runs over
/// several lines, or holds escapes (`\*`) or entities (`&amp;`), no longer
/// matches the source character for character, so the map walks the source
/// beside the text to find where each character came from.
public struct SourceMap: Sendable {
    /// The lines, as Unicode scalars (columns count scalars, as ``Location`` does).
    let lines: [[Unicode.Scalar]]

    /// A map of `text` (the whole file, any line endings).
    public init(text: String) {
        var lines: [[Unicode.Scalar]] = []
        var current: [Unicode.Scalar] = []
        var previousWasCR = false
        // Each line starts with room for as many scalars as the last one had, up to 256 (issue #23:
        // growing every line from nothing was 0.3 M instructions a guide).
        func next() {
            let room = min(current.count, 256)
            lines.append(current)
            current = []
            current.reserveCapacity(room)
        }
        for scalar in text.unicodeScalars {
            if scalar == "\r" {
                next()
                previousWasCR = true
                continue
            }
            if scalar == "\n" {
                if !previousWasCR { next() }
            } else if !(lines.isEmpty && current.isEmpty && scalar == "\u{FEFF}") {
                current.append(scalar)
            }
            previousWasCR = false
        }
        lines.append(current)
        self.lines = lines
    }

    /// A map with no source: locations are worked out from the inline's start alone.
    public static let empty = SourceMap(text: "")

    /// The 1-based line `number` as text, or nil.
    public func line(_ number: Int) -> String? {
        guard number >= 1, number <= lines.count else { return nil }
        var text = ""
        text.unicodeScalars.append(contentsOf: lines[number - 1])
        return text
    }

    /// The number of lines.
    public var lineCount: Int { lines.count }

    /// The source location of each Unicode scalar of `text`, which starts at `start`.
    public func locations(of text: String, startingAt start: Location) -> [Location] {
        positions(of: text, startingAt: start).map { Location(file: start.file, line: $0.line, column: $0.column) }
    }

    /// ``locations(of:startingAt:)`` as 1-based lines and columns, each scalar's (no file name
    /// copied a character, for the text index's many characters, issue #23).
    func positions(of text: String, startingAt start: Location) -> [(line: Int, column: Int)] {
        var result: [(line: Int, column: Int)] = []
        var line = start.line - 1
        var column = start.column - 1
        guard line >= 0, line < lines.count else {
            for (offset, _) in text.unicodeScalars.enumerated() { result.append((start.line, start.column + offset)) }
            return result
        }
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            // A soft line break became a space: carry on at the next line's text.
            if scalar == " " || scalar == "\n", line + 1 < lines.count,
               lines[line][min(column, lines[line].count)...].allSatisfy({ $0 == " " || $0 == "\t" }) {
                result.append((line + 1, column + 1))
                line += 1
                column = 0
                while column < lines[line].count, [" ", "\t", ">"].contains(lines[line][column]) { column += 1 }
                continue
            }
            // An entity (`&amp;`, `&#8217;`) in the source is one character of text.
            if column < lines[line].count, lines[line][column] == "&", let end = SourceMap.entityEnd(lines[line], from: column),
               !(scalar == "&" && end == column) {
                result.append((line + 1, column + 1))
                column = end + 1
                continue
            }
            // A backslash escape (`\*`) in the source.
            if column + 1 < lines[line].count, lines[line][column] != scalar, lines[line][column] == "\\", lines[line][column + 1] == scalar {
                column += 1
            }
            result.append((line + 1, column + 1))
            column += 1
        }
        return result
    }

    /// The index of the `;` that ends an entity starting at `start` (`&amp;`, `&#39;`, `&#x2019;`), if any.
    static func entityEnd(_ line: [Unicode.Scalar], from start: Int) -> Int? {
        var index = start + 1
        while index < line.count, index - start <= 32 {
            let scalar = line[index]
            if scalar == ";" { return index > start + 1 ? index : nil }
            guard scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar == "#" else { return nil }
            index += 1
        }
        return nil
    }

    /// The location of the first `needle` at or after `start`, searching at most `lines` lines.
    public func find(_ needle: String, from start: Location, within lineLimit: Int = 200) -> Location? {
        guard !needle.isEmpty else { return nil }
        let pattern = Array(needle.unicodeScalars)
        let first = max(start.line - 1, 0)
        let last = min(lines.count, first + lineLimit)
        guard first < last else { return nil }
        for index in first..<last {
            let line = lines[index]
            let from = index == start.line - 1 ? max(start.column - 1, 0) : 0
            guard line.count >= pattern.count, from <= line.count - pattern.count else { continue }
            for column in from...(line.count - pattern.count) where line[column] == pattern[0] {
                if Array(line[column..<(column + pattern.count)]) == pattern {
                    return Location(file: start.file, line: index + 1, column: column + 1)
                }
            }
        }
        return nil
    }

    /// The location of a front matter key's value (`language: en-GB` → at `en-GB`), or of the key
    /// when the value is on later lines; nil when the key is not there.
    public func frontMatterValue(_ key: String, file: String) -> Location? {
        guard lines.first.map({ String(String.UnicodeScalarView($0)).trimmingTrailingSpaces() }) == "---" else { return nil }
        for index in 1..<lines.count {
            let text = String(String.UnicodeScalarView(lines[index]))
            if text.trimmingTrailingSpaces() == "---" || text.trimmingTrailingSpaces() == "..." { break }
            guard text.hasPrefix(key + ":") else { continue }
            let rest = text.unicodeScalars.dropFirst(key.unicodeScalars.count + 1)
            let spaces = rest.prefix { $0 == " " }.count
            let hasValue = rest.count > spaces
            let column = hasValue ? key.unicodeScalars.count + 2 + spaces : 1
            return Location(file: file, line: index + 1, column: column)
        }
        return nil
    }
}
