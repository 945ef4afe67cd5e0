/// A reader for the YAML that front matter and contact cards nearly always are — block mappings
/// and sequences of one-line scalars, flow lists of them, `>` and `|` blocks — giving the values
/// and places Yams gives for the same text, in a small part of the time (issue #23: Yams,
/// resolving every scalar's tag with regular expressions, was 9 % of a build).
///
/// It gives up (nil) on anything else or anything it is unsure of: escapes, anchors, tags,
/// comments after a value, null and multi-line plain values, tabs, flow mappings, repeated keys,
/// text that is not YAML. The caller then reads the text with Yams, which reports any problem
/// as before. `SimpleYAMLTests` compares the two on generated texts.
enum SimpleYAML {
    /// A scalar: its text as Yams gives it, whether it was plain (unquoted, not a block), and
    /// where it starts (1-based line within the YAML, 1-based column in Unicode scalars, as
    /// libyaml counts them).
    struct Scalar: Equatable {
        var text: String
        var plain: Bool
        var line: Int
        var column: Int
    }

    indirect enum Node: Equatable {
        case scalar(Scalar)
        case mapping([Entry])
        case sequence([Node])

        /// The value of `key` in a mapping.
        subscript(key: String) -> Node? {
            guard case .mapping(let entries) = self else { return nil }
            return entries.first { $0.key.text == key }?.value
        }

        /// A scalar's text.
        var text: String? {
            if case .scalar(let scalar) = self { return scalar.text } else { return nil }
        }
    }

    struct Entry: Equatable {
        var key: Scalar
        var value: Node
    }

    /// The words YAML 1.1 reads as true and false (Yams' `bool` rule).
    static let booleans: [String: Bool] = [
        "yes": true, "Yes": true, "YES": true, "true": true, "True": true, "TRUE": true, "on": true, "On": true, "ON": true,
        "no": false, "No": false, "NO": false, "false": false, "False": false, "FALSE": false, "off": false, "Off": false, "OFF": false,
    ]

    /// `text` (lines ending in LF) as a tree, or nil when it is not YAML this reader is sure of.
    static func parse(_ text: String) -> Node? {
        var reader = Reader(text)
        guard reader.valid, let root = reader.block(minimum: 0), reader.atEnd else { return nil }
        return root
    }
}

// MARK: - Reading

private extension SimpleYAML {
    struct Line {
        var scalars: [Unicode.Scalar]
        var indent: Int
        /// Empty, only spaces, or a comment line.
        var blank: Bool
    }

    struct Reader {
        var lines: [Line] = []
        var index = 0
        var valid = true

        init(_ text: String) {
            var current: [Unicode.Scalar] = []
            for scalar in text.unicodeScalars {
                if scalar == "\n" {
                    add(current)
                    current = []
                    continue
                }
                // Tabs, controls and other characters libyaml refuses or reads specially: Yams decides.
                switch scalar.value {
                case 0x09, 0x00..<0x20, 0x7F...0x9F, 0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF:
                    valid = false
                    return
                default:
                    current.append(scalar)
                }
            }
            if !current.isEmpty { add(current) }
        }

        mutating func add(_ scalars: [Unicode.Scalar]) {
            let indent = scalars.firstIndex { $0 != " " } ?? scalars.count
            let blank = indent == scalars.count || scalars[indent] == "#"
            // Directives and document markers are not front matter.
            if indent == 0, let first = scalars.first, first == "%" || scalars.starts(with: Array("---".unicodeScalars)) || scalars.starts(with: Array("...".unicodeScalars)) {
                valid = false
            }
            lines.append(Line(scalars: scalars, indent: indent, blank: blank))
        }

        var atEnd: Bool {
            mutating get {
                skipBlank()
                return index == lines.count
            }
        }

        mutating func skipBlank() {
            while index < lines.count, lines[index].blank { index += 1 }
        }

        /// The next line that is not blank, if any.
        mutating func peek() -> Line? {
            skipBlank()
            return index < lines.count ? lines[index] : nil
        }

        /// A mapping or a sequence whose lines start at one indent of at least `minimum`.
        mutating func block(minimum: Int) -> Node? {
            guard let line = peek(), line.indent >= minimum else { return nil }
            return isItem(line) ? sequence(indent: line.indent) : mapping(indent: line.indent, first: nil)
        }

        func isItem(_ line: Line) -> Bool {
            line.scalars[line.indent] == "-" && (line.indent + 1 == line.scalars.count || line.scalars[line.indent + 1] == " ")
        }

        /// Entries at `indent`; `first`, when given, is the entry that starts on the current
        /// line at that column (after a sequence item's `- `).
        mutating func mapping(indent: Int, first: (line: Int, column: Int)?) -> Node? {
            var entries: [Entry] = []
            var start = first
            while true {
                let lineNumber: Int
                let column: Int
                if let given = start {
                    (lineNumber, column) = given
                    start = nil
                } else {
                    guard let line = peek(), line.indent >= indent else { break }
                    guard line.indent == indent, !isItem(line) else { return nil }
                    (lineNumber, column) = (index, indent)
                }
                guard let entry = entry(line: lineNumber, column: column, indent: indent) else { return nil }
                guard !entries.contains(where: { $0.key.text == entry.key.text }) else { return nil }
                entries.append(entry)
            }
            return entries.isEmpty ? nil : .mapping(entries)
        }

        /// `key: value` starting at `column` of line `number`, with what the value takes after it.
        mutating func entry(line number: Int, column: Int, indent: Int) -> Entry? {
            let scalars = lines[number].scalars
            guard let colon = SimpleYAML.keyEnd(scalars, from: column) else { return nil }
            let key = Scalar(text: SimpleYAML.string(scalars[column..<colon]), plain: true, line: number + 1, column: column + 1)
            guard SimpleYAML.isPlainKey(scalars[column..<colon]) else { return nil }
            var valueStart = colon + 1
            while valueStart < scalars.count, scalars[valueStart] == " " { valueStart += 1 }
            index = number + 1
            if valueStart == scalars.count {
                // The value is the block below: more indented, or a list at the same indent.
                guard let next = peek(), next.indent > indent || (next.indent == indent && isItem(next)) else { return nil }
                guard let value = next.indent > indent ? block(minimum: indent + 1) : sequence(indent: indent) else { return nil }
                return Entry(key: key, value: value)
            }
            let rest = scalars[valueStart...]
            if rest.first == ">" || rest.first == "|" {
                guard rest.count == 1 || rest.dropFirst().allSatisfy({ $0 == " " }), let value = blockScalar(folded: rest.first == ">", parentIndent: indent, line: number, column: valueStart) else { return nil }
                return Entry(key: key, value: value)
            }
            guard let value = SimpleYAML.inline(rest, line: number, column: valueStart, flowItem: false) else { return nil }
            // A value goes on over the next, more indented, lines: Yams joins them (or refuses them).
            if let next = peek(), next.indent > indent { return nil }
            return Entry(key: key, value: value)
        }

        /// `- item` lines at `indent`.
        mutating func sequence(indent: Int) -> Node? {
            var items: [Node] = []
            while let line = peek(), line.indent == indent, isItem(line) {
                let number = index
                let column = indent + 2
                guard column < line.scalars.count, line.scalars[column] != " " else { return nil }
                let rest = line.scalars[column...]
                if SimpleYAML.keyEnd(line.scalars, from: column) != nil {
                    guard let item = mapping(indent: column, first: (number, column)) else { return nil }
                    items.append(item)
                } else {
                    guard rest.first != ">", rest.first != "|", let item = SimpleYAML.inline(rest, line: number, column: column, flowItem: false) else { return nil }
                    index = number + 1
                    if let next = peek(), next.indent > indent { return nil }
                    items.append(item)
                }
            }
            if let line = peek(), line.indent > indent { return nil }
            return .sequence(items)
        }

        /// A `>` or `|` block after a key at `parentIndent`: its lines, all at one indent, with
        /// no blank line between them; one line end kept at the end (YAML's "clip").
        mutating func blockScalar(folded: Bool, parentIndent: Int, line: Int, column: Int) -> Node? {
            var texts: [String] = []
            var contentIndent: Int?
            var sawBlank = false
            while index < lines.count {
                let next = lines[index]
                if next.indent == next.scalars.count {
                    // An empty line: fine after the last line of the block, not inside it.
                    sawBlank = true
                    index += 1
                    continue
                }
                if contentIndent == nil {
                    guard next.indent > parentIndent else { break }
                    contentIndent = next.indent
                }
                guard let indent = contentIndent, next.indent >= indent else { break }
                guard next.indent == indent, !sawBlank else { return nil }
                texts.append(SimpleYAML.string(next.scalars[indent...]))
                index += 1
            }
            guard !texts.isEmpty else { return nil }
            // A line of the block that looks like a comment is text in YAML; so is one less indented: leave both to Yams.
            if let next = peek(), next.indent > parentIndent { return nil }
            let text = texts.joined(separator: folded ? " " : "\n") + "\n"
            return .scalar(Scalar(text: text, plain: false, line: line + 1, column: column + 1))
        }
    }

    /// Where the key that starts at `from` ends: the first `:` followed by a space or the end of the line.
    static func keyEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
        var index = start
        while index < scalars.count {
            if scalars[index] == ":" && (index + 1 == scalars.count || scalars[index + 1] == " ") { return index }
            index += 1
        }
        return nil
    }

    /// Whether `scalar` starts something else than a plain scalar, or may.
    static func isIndicator(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "-", "?", ":", ",", "[", "]", "{", "}", "#", "&", "*", "!", "|", ">", "'", "\"", "%", "@", "`", " ": return true
        default: return false
        }
    }

    static func isPlainKey(_ key: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let first = key.first, !isIndicator(first), key.last != " " else { return false }
        // Yams' decoder passes over these two keys (its own, for anchors and tags).
        let text = string(key)
        return text != "yamlAnchor" && text != "yamlTag" && !key.contains { scalar in
            switch scalar {
            case ":", "#", ",", "[", "]", "{", "}", "\"": return true
            default: return false
            }
        }
    }

    static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count)
        for scalar in scalars {
            if scalar.isASCII { bytes.append(UInt8(scalar.value)) } else { UTF8.encode(scalar) { bytes.append($0) } }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A value on one line: quoted, a flow list (not inside one), or plain.
    static func inline(_ rest: ArraySlice<Unicode.Scalar>, line: Int, column: Int, flowItem: Bool) -> Node? {
        var value = rest
        while value.last == " " { value.removeLast() }
        guard let first = value.first else { return nil }
        let place = (line: line + 1, column: column + 1)
        switch first {
        case "\"":
            guard value.count >= 2, value.last == "\"" else { return nil }
            let inner = value.dropFirst().dropLast()
            guard !inner.contains("\""), !inner.contains("\\") else { return nil }
            return .scalar(Scalar(text: string(inner), plain: false, line: place.line, column: place.column))
        case "'":
            guard value.count >= 2, value.last == "'" else { return nil }
            let inner = Array(value.dropFirst().dropLast())
            var text: [Unicode.Scalar] = []
            var index = 0
            while index < inner.count {
                if inner[index] == "'" {
                    guard index + 1 < inner.count, inner[index + 1] == "'" else { return nil }
                    index += 1
                }
                text.append(inner[index])
                index += 1
            }
            return .scalar(Scalar(text: string(text[...]), plain: false, line: place.line, column: place.column))
        case "[" where !flowItem:
            guard value.last == "]" else { return nil }
            var items: [Node] = []
            let inner = value.dropFirst().dropLast()
            guard !inner.allSatisfy({ $0 == " " }) else { return .sequence([]) }
            var start = inner.startIndex
            while true {
                let end = inner[start...].firstIndex(of: ",") ?? inner.endIndex
                var item = inner[start..<end]
                while item.first == " " { item.removeFirst() }
                guard !item.isEmpty, let node = SimpleYAML.inline(item, line: line, column: item.startIndex, flowItem: true) else { return nil }
                items.append(node)
                guard end < inner.endIndex else { break }
                start = inner.index(after: end)
            }
            return .sequence(items)
        default:
            guard !isIndicator(first) else { return nil }
            // Not YAML's comment, mapping or (in a list) flow characters; no null.
            var previous: Unicode.Scalar = first
            for scalar in value.dropFirst() {
                switch scalar {
                case "[", "]", "{", "}": return nil
                case ":", "#", ",", "\"": if flowItem { return nil }
                default: break
                }
                if (scalar == "#" && previous == " ") || (scalar == " " && previous == ":") { return nil }
                previous = scalar
            }
            guard value.last != ":" else { return nil }
            let text = string(value)
            guard !["~", "null", "Null", "NULL"].contains(text) else { return nil }
            return .scalar(Scalar(text: text, plain: true, line: place.line, column: place.column))
        }
    }
}
