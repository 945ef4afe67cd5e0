import Foundation
import Testing
@testable import Waymark

/// Trimming on the bytes (issue #23) gives what Foundation's `trimmingCharacters(in:)` gives.
@Suite struct TrimmingTests {
    static var sets: [(name: String, isTrimmed: (UInt8) -> Bool, set: CharacterSet)] {[
        ("white space or line end", Trimming.whiteSpaceOrLineEnd, .whitespacesAndNewlines),
        ("white space", Trimming.whiteSpace, .whitespaces),
        ("end marks", HeadingOrderRule.isEndMark, CharacterSet(charactersIn: ".?!:")),
    ]}

    @Test func theASCIIMembersAreTheSetsOwn() {
        for (name, isTrimmed, set) in Self.sets {
            for byte in UInt8(0)..<0x80 {
                #expect(isTrimmed(byte) == set.contains(Unicode.Scalar(byte)), "\(name): \(byte)")
            }
        }
    }

    @Test func seededTextsAreTrimmedAsFoundationTrimsThem() {
        var picks = SeededPicks(state: 17)
        let pieces = ["a", "word", " ", "\t", "\n", "\r", "\r\n", "\u{0B}", "\u{0C}", "\u{1C}", "\u{85}", "\u{A0}", "\u{2028}",
                      "\u{3000}", "\u{301}", "é", "e\u{301}", ".", "?", "!", ":", "…", "؟", "😀", "", "\u{0}"]
        for round in 0..<4000 {
            let text = (0..<picks.next(7)).map { _ in picks.pick(pieces) }.joined()
            for (name, isTrimmed, set) in Self.sets {
                #expect(Substring(text).trimming(isTrimmed, else: set) == text.trimmingCharacters(in: set), "\(name), round \(round): \(text.debugDescription)")
            }
            #expect(text.trimmed == text.trimmingCharacters(in: .whitespacesAndNewlines), "round \(round): \(text.debugDescription)")
            // A part of a longer text, as a line's rest after `:::` is.
            let part = ("x" + text + "y").dropFirst().dropLast()
            #expect(part.trimming(Trimming.whiteSpace, else: .whitespaces) == part.trimmingCharacters(in: .whitespaces), "\(text.debugDescription)")
        }
    }
}
