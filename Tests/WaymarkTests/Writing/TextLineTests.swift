import Testing
@testable import Waymark

/// A plain-text line is cut at its line feeds as `split(separator: "\n")` cuts it (issue #23:
/// it is now looked at on its bytes).
@Suite struct TextLineTests {
    @Test func seededTextsAreCutAsSplitCutsThem() {
        var picks = SeededPicks(state: 31)
        let pieces = ["a", "words", " ", "\n", "\r", "\r\n", "\n\n", "\u{B}", "\u{C}", "é", "😀", "\u{85}", "\u{2028}", ""]
        for _ in 0..<3000 {
            let text = (0..<picks.next(8)).map { _ in picks.pick(pieces) }.joined()
            #expect(TextLine.lines(of: text) == text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init), "\(text.debugDescription)")
        }
    }
}
