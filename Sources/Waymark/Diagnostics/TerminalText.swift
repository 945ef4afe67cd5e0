/// Makes text safe to print on a terminal: every character a terminal would act on instead of
/// showing is written as a visible escape such as `\u{1B}`.
///
/// File names and guide text are the user's, and a name such as `ESC[2J` or one with a
/// right-to-left override would otherwise clear the screen, recolour it, or make a message read
/// other than it says (Trojan Source, CVE-2021-42574). This is the one place that decides what
/// reaches the terminal as is; every path and message the commands print goes through it.
public enum TerminalText {
    /// `text` with every control character (C0, DEL, C1) and every bidirectional formatting
    /// character shown as `\u{XX}`; line breaks too unless `keepingLineBreaks`.
    ///
    /// Plain text comes back unchanged, and escaping twice gives the same as escaping once.
    public static func escaped(_ text: String, keepingLineBreaks: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: { needsEscape($0, keepingLineBreaks: keepingLineBreaks) }) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if needsEscape(scalar, keepingLineBreaks: keepingLineBreaks) {
                result.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// Whether `scalar` must be escaped before it reaches a terminal.
    public static func needsEscape(_ scalar: Unicode.Scalar, keepingLineBreaks: Bool) -> Bool {
        if keepingLineBreaks && scalar == "\n" { return false }
        // Cc is exactly U+0000–U+001F, U+007F and U+0080–U+009F (C1 holds the 8-bit CSI, U+009B).
        // Bidi_Control (UAX #9) is U+061C, U+200E, U+200F, U+202A–U+202E and U+2066–U+2069.
        // ASCII is told from the value (issue #23: the property lookups were 1.5 % of a build's
        // instructions, for the lines it prints).
        if scalar.isASCII { return scalar.value < 0x20 || scalar.value == 0x7F }
        return scalar.properties.generalCategory == .control || TextSafety.isBidiControl(scalar)
    }
}
