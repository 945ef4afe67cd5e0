/// Writes text as a YAML scalar that reads back as exactly that text.
///
/// Plain (unquoted) when YAML would read the words back as the same string, so that a
/// draft looks like a guide an author wrote (`title: Bullying`); double-quoted otherwise
/// (`version: "1.1"`, `title: "Yes: a guide"`). YAML 1.2 §7.3.3 (plain scalars) and
/// §7.3.1 (double-quoted escapes). Words YAML 1.1 reads as true, false or null (`yes`, `off`,
/// `~`) and anything that looks like a number are quoted, since the front matter reader
/// tries a switch or a number before text in `glossary:` and `checks:`.
enum YAMLScalar {
    /// Where the scalar goes: a flow sequence (`[a, b]`) also forbids `,[]{}`.
    enum Context {
        case block, flow
    }

    /// `text` as a plain or a double-quoted scalar.
    static func write(_ text: String, context: Context = .block) -> String {
        isPlainSafe(text, context: context) ? text : quoted(text)
    }

    /// `text` in double quotes with YAML escapes.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
                    || scalar.value == 0x2028 || scalar.value == 0x2029 || scalar.value == 0xFEFF {
                    result += "\\u" + hex(scalar.value, width: 4)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// Whether `text` can be a folded block (`>`): one line of words with single spaces, which
    /// may then be wrapped at any space.
    static func isFoldable(_ text: String) -> Bool {
        guard let first = text.first, let last = text.last, !first.isWhitespace, !last.isWhitespace,
              !text.contains("  ") else { return false }
        return !text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F || (0x80...0x9F).contains($0.value)
            || $0 == "\u{2028}" || $0 == "\u{2029}" || $0 == "\u{FEFF}" || ($0.properties.isWhitespace && $0 != " ") }
    }
}

// MARK: - Implementation

private extension YAMLScalar {
    static let reserved: Set<String> = [
        "true", "false", "yes", "no", "on", "off", "y", "n", "null", "~",
        ".inf", "-.inf", "+.inf", ".nan",
    ]

    static func isPlainSafe(_ text: String, context: Context) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
        if first.properties.isWhitespace || last.properties.isWhitespace { return false }
        // §7.3.3: a plain scalar cannot start with an indicator.
        if "-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) { return false }
        if reserved.contains(text.lowercased()) || looksNumeric(text) { return false }
        if text.contains(": ") || text.contains(" #") || text.hasSuffix(":") { return false }
        if context == .flow && text.unicodeScalars.contains(where: { ",[]{}".unicodeScalars.contains($0) }) { return false }
        return !text.unicodeScalars.contains { scalar in
            scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
                || scalar == "\u{2028}" || scalar == "\u{2029}" || scalar == "\u{FEFF}" || scalar == "\u{85}"
                || (scalar.properties.isWhitespace && scalar != " ")
        }
    }

    /// Whether YAML could read `text` as a number or a date (`12`, `1.1`, `0x1F`, `1e3`, `2026-11-01` stays
    /// text where it is read as text, but is quoted all the same outside dates).
    static func looksNumeric(_ text: String) -> Bool {
        let body = text.first == "+" || text.first == "-" ? String(text.dropFirst()) : text
        guard let first = body.first, first.isASCIIDigit || first == "." else { return false }
        return body.allSatisfy { $0.isASCIIDigit || "._:xXoOeEaAbBcCdDfF+-".contains($0) }
    }

    static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
