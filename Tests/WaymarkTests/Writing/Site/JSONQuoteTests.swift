import Testing
@testable import Waymark

/// JSON strings are quoted on their UTF-8 (issue #23) exactly as they were a UTF-16 unit at a time.
@Suite struct JSONQuoteTests {
    /// The way it was done before: every UTF-16 unit outside printable ASCII, and `<`, `>`, `&`, as `\u` escapes.
    static func quotedByUnit(_ text: String) -> [UInt8] {
        let hex = Array("0123456789abcdef".utf8)
        var bytes: [UInt8] = [UInt8(ascii: "\"")]
        for unit in text.utf16 {
            switch unit {
            case 0x22: bytes += [0x5C, 0x22]
            case 0x5C: bytes += [0x5C, 0x5C]
            case 0x0A: bytes += [0x5C, UInt8(ascii: "n")]
            case 0x20..<0x7F where unit != 0x3C && unit != 0x3E && unit != 0x26:
                bytes.append(UInt8(unit))
            default:
                bytes += [0x5C, UInt8(ascii: "u"), hex[Int(unit >> 12)], hex[Int(unit >> 8 & 0xF)], hex[Int(unit >> 4 & 0xF)], hex[Int(unit & 0xF)]]
            }
        }
        bytes.append(UInt8(ascii: "\""))
        return bytes
    }

    @Test func everyScalarIsQuotedAsItWasByUnit() {
        // Every scalar on its own, and beside plain text on both sides.
        for value in Array(0...0x3000) + Array(0xD7F0...0xD7FF) + Array(0xE000...0xE100) + Array(0xFFF0...0x10100) + [0x1F600, 0x10FFFF] {
            guard let scalar = Unicode.Scalar(value) else { continue }
            for text in [String(Character(scalar)), "a\(Character(scalar))b"] {
                var bytes: [UInt8] = []
                JSONValue.quote(text, into: &bytes)
                #expect(bytes == Self.quotedByUnit(text), "U+\(String(value, radix: 16))")
            }
        }
    }

    @Test func seededTextsAreQuotedAsTheyWereByUnit() {
        var picks = SeededPicks(state: 41)
        let pieces = ["plain words", "\"", "\\", "\n", "\t", "\r", "\u{0}", "\u{7F}", "<", ">", "&", "é", "’", "€", "😀", "ولد",
                      "ਪੰਜਾਬੀ", "\u{A0}", "\u{FEFF}", "\u{10FFFF}", "/", "'", " ", ""]
        for _ in 0..<3000 {
            let text = (0..<picks.next(8)).map { _ in picks.pick(pieces) }.joined()
            var bytes: [UInt8] = []
            JSONValue.quote(text, into: &bytes)
            #expect(bytes == Self.quotedByUnit(text), "\(text.debugDescription)")
            #expect(JSONValue.quoted(text) == String(decoding: Self.quotedByUnit(text), as: UTF8.self))
        }
    }
}
