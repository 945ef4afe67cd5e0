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
        let pad = String(repeating: "  ", count: indent)
        let inner = String(repeating: "  ", count: indent + 1)
        switch self {
        case .string(let text): return JSONValue.quoted(text)
        case .number(let number): return String(number)
        case .bool(let flag): return flag ? "true" : "false"
        case .array(let items):
            guard !items.isEmpty else { return "[]" }
            return "[\n" + items.map { inner + $0.text(indent: indent + 1) }.joined(separator: ",\n") + "\n\(pad)]"
        case .object(let entries):
            let present = entries.compactMap { key, value in value.map { (key, $0) } }
            guard !present.isEmpty else { return "{}" }
            return "{\n" + present.map { inner + JSONValue.quoted($0.0) + ": " + $0.1.text(indent: indent + 1) }.joined(separator: ",\n") + "\n\(pad)}"
        }
    }

    /// A JSON string literal: every character outside printable ASCII, and `<`, `>`, `&`, as `\u` escapes.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for unit in text.utf16 {
            switch unit {
            case 0x22: result += "\\\""
            case 0x5C: result += "\\\\"
            case 0x0A: result += "\\n"
            case 0x20..<0x7F where unit != 0x3C && unit != 0x3E && unit != 0x26:
                result.unicodeScalars.append(Unicode.Scalar(unit)!)
            default:
                let hex = String(unit, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            }
        }
        return result + "\""
    }
}
