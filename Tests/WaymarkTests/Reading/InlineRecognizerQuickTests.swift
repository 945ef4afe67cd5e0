import Testing
@testable import Waymark
import WaymarkModel

/// An ASCII run is recognised on its bytes (issue #23): the same inlines, at the same places, as
/// when it is read a character at a time.
@Suite struct InlineRecognizerQuickTests {
    static let place = Location(file: "glossary", line: 1, column: 1)
    static let glossary = [
        "advocate", "child protection", "child protection plan", "Core Group", "social worker", "a", "IRO", "e-safety",
        "café", "naïve plan", "plan’s", "x\r\ny", "2nd", "it's",
    ].map { GlossaryEntry(term: $0, explanation: "An explanation.", location: place) }
    static let abbreviations = ["GP": "doctor", "A&E": "accident and emergency", "NHS": "health service", "CSE": "exploitation",
                                "999": "emergency number", "S": "a letter"]
        .map { AbbreviationEntry(abbreviation: $0.key, expansion: $0.value, location: place) }
    static let pieces = [
        "advocate", "Advocates", "ADVOCATE", "advocatees", "advocate's", "child protection", "Child Protection Plan",
        "child  protection", "core group", "social workers", "a", "A", "an", "IRO", "IROs", "e-safety", "esafety", "cafe",
        "naive plan", "plan's", "x", "y", "2nd", "it's", "GP", "GPs", "GPS", "A&E", "A&Es", "NHS", "CSE", "999", "9999", "S",
        "Ss", "0800 1111", "0808 800 5000", "+44 20 7946 0000", "116 123", "07700 900123", "1", "12", " ", "  ", ".", ",",
        "'", "-", "&", "(", ")", "\n", "\t", "!", "?", ":", ";", "\"",
    ]

    static func recogniser(abbreviations: Bool) -> InlineRecognizer {
        InlineRecognizer(glossary: glossary, abbreviations: abbreviations ? Self.abbreviations : [])
    }

    @Test(arguments: [true, false])
    func asciiRunsAreRecognisedAsCharacterByCharacter(abbreviations: Bool) {
        let recogniser = Self.recogniser(abbreviations: abbreviations)
        var picks = SeededPicks(state: abbreviations ? 5 : 6)
        var found: [String: Int] = [:]
        for round in 0..<3000 {
            // One to three pieces (a paragraph's lines), some empty.
            let pieces = (0..<(1 + picks.next(3))).map { line in
                (text: (0..<picks.next(9)).map { _ in picks.pick(Self.pieces) }.joined(separator: picks.next(3) == 0 ? "" : " "),
                 location: Location(file: "guide.md", line: 10 + line, column: 1 + picks.next(4)))
            }
            let quick = recogniser.split(pieces)
            let slow = recogniser.split(pieces, quick: false)
            #expect(quick == slow, "round \(round): \(pieces.map(\.text))")
            for inline in quick {
                switch inline.kind {
                case .term: found["term", default: 0] += 1
                case .abbreviation: found["abbreviation", default: 0] += 1
                case .phone: found["phone", default: 0] += 1
                default: found["text", default: 0] += 1
                }
            }
        }
        // The runs held every kind the recogniser finds, many times.
        #expect(found["term", default: 0] > 1000 && found["phone", default: 0] > 200 && found["text", default: 0] > 1000)
        #expect(abbreviations ? found["abbreviation", default: 0] > 500 : found["abbreviation"] == nil, "\(found)")
    }

    @Test func aRunBeyondASCIIIsReadACharacterAtATime() {
        let recogniser = Self.recogniser(abbreviations: true)
        for text in ["café advocate", "naïve plan GP", "plan’s 0800 1111", "x\r\ny advocate", "Ünïcode A&E"] {
            let pieces = [(text: text, location: Location(file: "guide.md", line: 3, column: 1))]
            #expect(recogniser.split(pieces) == recogniser.split(pieces, quick: false), "\(text)")
        }
    }
}
