/// The characters that must never reach an output, and the ones that change how
/// text looks without being seen: one list, used by the reader (which refuses the
/// first kind) and by the `hidden-characters` check (which warns about the second).
public enum TextSafety {
    /// A control character: C0 other than tab, line feed and carriage return, DEL, or C1.
    ///
    /// XML 1.0 §2.2 forbids C0 controls in a document (EPUBCheck RSC-016 is fatal), CSS
    /// reads a form feed as the end of a line (so a string could be broken out of),
    /// and a terminal acts on escape sequences.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return false
        case 0x00...0x1F, 0x7F...0x9F: return true
        default: return false
        }
    }

    /// A character that reorders the text around it (Unicode UAX #9): embeddings,
    /// overrides, isolates and the directional marks. "‮999 ro 1111 0080‬" shows as
    /// "0800 1111 or 999".
    /// These are Unicode's Bidi_Control characters: U+061C, U+200E, U+200F, U+202A–U+202E
    /// and U+2066–U+2069.
    public static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        // None comes before U+061C: most text is answered without a property lookup.
        scalar.value >= 0x061C && scalar.properties.isBidiControl
    }

    /// A character with no width and no shape, which can hide inside a word or a number
    /// (zero-width space, word joiner, invisible operators, byte order mark, Hangul fillers).
    /// Zero-width joiner and non-joiner are left alone: emoji and Persian and Urdu text need them.
    public static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x034F, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180E, 0x200B, 0x2060...0x2064, 0x3164, 0xFEFF, 0xFFA0: return true
        default: return false
        }
    }

    /// `U+202E RIGHT-TO-LEFT OVERRIDE`, or `U+001B` for a character Unicode gives no name.
    public static func name(_ scalar: Unicode.Scalar) -> String {
        let code = String(scalar.value, radix: 16, uppercase: true)
        let number = "U+" + String(repeating: "0", count: max(0, 4 - code.count)) + code
        guard let name = scalar.properties.name ?? scalar.properties.nameAlias else { return number }
        return "\(number) \(name)"
    }

    /// The first control character in `text` and its offset in Unicode scalars.
    public static func firstControl(in text: String) -> (scalar: Unicode.Scalar, offset: Int)? {
        for (offset, scalar) in text.unicodeScalars.enumerated() where isControl(scalar) {
            return (scalar, offset)
        }
        return nil
    }
}
