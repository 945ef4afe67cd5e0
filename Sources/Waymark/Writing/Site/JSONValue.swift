/// A JSON value written with its keys in the order given, ASCII only: the site's JSON-LD and
/// the OPDS 2.0 catalogue come out the same byte for byte every time, and can sit inside an
/// HTML `<script type="application/ld+json">` (no `<`, `>` or `&` is ever written as itself).
indirect enum JSONValue: Hashable, Sendable {
    case string(String)
    case number(Int)
    case bool(Bool)
    case array([JSONValue])
    /// Keys in order; a nil value leaves its key out.
    case object([(String, JSONValue?)])

    static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.text() == rhs.text() }
    func hash(into hasher: inout Hasher) { hasher.combine(text()) }

    /// A string, or nil for nil.
    static func string(_ text: String?) -> JSONValue? { text.map { .string($0) } }

    /// An array of strings.
    static func strings(_ texts: [String]) -> JSONValue { .array(texts.map { .string($0) }) }

    /// The JSON text, indented by two spaces a level.
    func text(indent: Int = 0) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(4096)
        write(into: &bytes, indent: indent)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A JSON string literal: every character outside printable ASCII, and `<`, `>`, `&`, as `\u` escapes.
    static func quoted(_ text: String) -> String {
        var bytes: [UInt8] = []
        quote(text, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// ``text(indent:)`` written into one buffer (issue #23: joining each level's strings was
    /// 4 % of a build, the download page's JSON-LD written again at every level of nesting).
    func write(into bytes: inout [UInt8], indent: Int) {
        func pad(_ level: Int) {
            for _ in 0..<level { bytes += [0x20, 0x20] }
        }
        switch self {
        case .string(let text):
            JSONValue.quote(text, into: &bytes)
        case .number(let number):
            bytes += Array(String(number).utf8)
        case .bool(let flag):
            bytes += Array((flag ? "true" : "false").utf8)
        case .array(let items):
            guard !items.isEmpty else {
                bytes += Array("[]".utf8)
                return
            }
            bytes += Array("[\n".utf8)
            for (index, item) in items.enumerated() {
                if index > 0 { bytes += Array(",\n".utf8) }
                pad(indent + 1)
                item.write(into: &bytes, indent: indent + 1)
            }
            bytes.append(0x0A)
            pad(indent)
            bytes.append(UInt8(ascii: "]"))
        case .object(let entries):
            var first = true
            for (key, value) in entries {
                guard let value else { continue }
                bytes += Array((first ? "{\n" : ",\n").utf8)
                first = false
                pad(indent + 1)
                JSONValue.quote(key, into: &bytes)
                bytes += Array(": ".utf8)
                value.write(into: &bytes, indent: indent + 1)
            }
            if first {
                bytes += Array("{}".utf8)
                return
            }
            bytes.append(0x0A)
            pad(indent)
            bytes.append(UInt8(ascii: "}"))
        }
    }

    /// `text` as a JSON string literal, on its UTF-8 (issue #23: it was read a UTF-16 unit at a
    /// time, 2,400 instructions a string): runs of printable ASCII are copied whole, and every
    /// other character is `\u` escaped by its UTF-16 units, a surrogate pair beyond U+FFFF.
    static func quote(_ text: String, into bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { buffer in
            var index = 0
            var run = 0
            while index < buffer.count {
                let byte = buffer[index]
                if byte >= 0x20 && byte < 0x7F && byte != 0x22 && byte != 0x5C && byte != 0x3C && byte != 0x3E && byte != 0x26 {
                    index += 1
                    continue
                }
                if index > run { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[run..<index])) }
                switch byte {
                case 0x22, 0x5C:
                    bytes.append(0x5C)
                    bytes.append(byte)
                    index += 1
                case 0x0A:
                    bytes.append(0x5C)
                    bytes.append(UInt8(ascii: "n"))
                    index += 1
                case 0x80...:
                    // Valid UTF-8, as a String's always is.
                    let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                    var scalar = UInt32(byte) & (length == 4 ? 0x07 : length == 3 ? 0x0F : 0x1F)
                    for offset in 1..<length { scalar = scalar << 6 | (UInt32(buffer[index + offset]) & 0x3F) }
                    if scalar >= 0x10000 {
                        escape(UInt16(0xD800 + ((scalar - 0x10000) >> 10)), into: &bytes)
                        escape(UInt16(0xDC00 + ((scalar - 0x10000) & 0x3FF)), into: &bytes)
                    } else {
                        escape(UInt16(scalar), into: &bytes)
                    }
                    index += length
                default:
                    escape(UInt16(byte), into: &bytes)
                    index += 1
                }
                run = index
            }
            if index > run { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[run..<index])) }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// `\u` and the four lower-case hex digits of `unit`.
    private static func escape(_ unit: UInt16, into bytes: inout [UInt8]) {
        func hex(_ digit: UInt16) -> UInt8 { digit < 10 ? 0x30 + UInt8(digit) : 0x57 + UInt8(digit) }
        bytes.append(0x5C)
        bytes.append(UInt8(ascii: "u"))
        bytes.append(hex(unit >> 12))
        bytes.append(hex(unit >> 8 & 0xF))
        bytes.append(hex(unit >> 4 & 0xF))
        bytes.append(hex(unit & 0xF))
    }
}

/// A JSON object whose last value is an array too long to hold (a catalogue of 10,000 guides),
/// written a piece at a time: the same bytes as `JSONValue.object(fields + [(array, .array(items))])`
/// gives through ``JSONValue/text(indent:)``, each item given as its own bytes at ``itemIndent``.
struct JSONObjectStream {
    /// The indent each item is written at (``JSONValue/write(into:indent:)``'s level).
    static let itemIndent = 2
    /// The bytes not yet taken.
    private var bytes: [UInt8] = []
    private var items = 0

    /// Starts the object: `fields` (a nil value leaves its key out), then the array's key.
    init(_ fields: [(String, JSONValue?)], array: String) {
        for (key, value) in fields {
            guard let value else { continue }
            start(key)
            value.write(into: &bytes, indent: 1)
        }
        start(array)
    }

    /// A key of the object, after the one before it.
    private mutating func start(_ key: String) {
        bytes += Array((bytes.isEmpty ? "{\n  " : ",\n  ").utf8)
        bytes += Array(JSONValue.quoted(key).utf8)
        bytes += Array(": ".utf8)
    }

    /// Adds an item, written at ``itemIndent``.
    mutating func add(_ item: [UInt8]) {
        bytes += Array((items == 0 ? "[\n    " : ",\n    ").utf8)
        bytes += item
        items += 1
    }

    /// Closes the array and the object.
    mutating func end() {
        bytes += Array((items == 0 ? "[]\n}" : "\n  ]\n}").utf8)
    }

    /// How many bytes are waiting to be taken.
    var pending: Int { bytes.count }

    /// The bytes written since the last call.
    mutating func take() -> [UInt8] {
        defer { bytes.removeAll(keepingCapacity: true) }
        return bytes
    }
}
