import Testing
import WaymarkModel

/// A phone number is spelt out on its bytes when it is ASCII (issue #23), as it was a group and
/// a character at a time.
@Suite struct SpokenNumberTests {
    /// The way it was worked out before.
    static func spokenByCharacter(_ display: String) -> String {
        display.split(separator: " ").map { group in group.map(String.init).joined(separator: " ") }.joined(separator: ", ")
    }

    @Test func seededNumbersAreSpokenAsTheyWereCharacterByCharacter() {
        var picks = SeededPicks(state: 29)
        let pieces = ["0", "1", "8", "9", "+", "44", " ", "  ", "(0)", "-", "0800", "1111", "ext", "٠", "١", "\r\n", "\u{A0}", "é", ""]
        var displays = ["", " ", "0800 1111", "116 123", "+44 20 7946 0000", " 999 ", "0808  800 5000"]
        for _ in 0..<3000 { displays.append((0..<picks.next(8)).map { _ in picks.pick(pieces) }.joined()) }
        for display in displays {
            let number = PhoneNumber(display: display, dial: "0")
            #expect(number.spoken == Self.spokenByCharacter(display), "\(display.debugDescription)")
        }
    }
}
