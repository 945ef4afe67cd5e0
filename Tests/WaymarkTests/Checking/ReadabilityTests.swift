import Foundation
import Testing
@testable import Waymark
import WaymarkModel

/// Waymark's readability figures against textstat 0.7.13 on plain prose
/// (`scripts/textstat-reference.py` writes the reference figures).
@Suite("Checking: readability against textstat") struct ReadabilityTests {
    struct Passage: Decodable, Sendable, CustomTestStringConvertible {
        var text: String
        var sentences: Int
        var words: Int
        var syllables: Int
        var polysyllables: Int
        var fleschReadingEase: Double
        var fleschKincaidGrade: Double
        var smogIndex: Double

        var testDescription: String { String(text.prefix(40)) + "…" }
    }

    struct Reference: Decodable { var passages: [Passage] }

    static let passages: [Passage] = {
        guard let data = FileManager.default.contents(atPath: Fixtures.url("checking/textstat-reference.json").path),
              let reference = try? JSONDecoder().decode(Reference.self, from: data) else { return [] }
        return reference.passages
    }()

    /// The tolerances docs/checking.md states.
    enum Tolerance {
        static let readingEase = 4.0
        static let grade = 0.8
        static let smog = 0.8
        static let syllableShare = 0.04
    }

    static func figures(_ text: String) -> Readability {
        let location = Location(file: "passage", line: 1, column: 1)
        return Readability(TextIndex.sentences(in: [Inline(.text(text), at: location)], place: .prose, chapter: 0, source: .empty))
    }

    @Test func thereAreEnoughPassages() {
        #expect(Self.passages.count >= 20)
    }

    @Test("Counts and scores are close to textstat's", arguments: passages)
    func closeToTextstat(_ passage: Passage) {
        let ours = Self.figures(passage.text)
        #expect(ours.sentences == passage.sentences)
        #expect(ours.words == passage.words)
        #expect(abs(Double(ours.syllables - passage.syllables)) <= Tolerance.syllableShare * Double(passage.syllables) + 1)
        #expect(abs(ours.fleschReadingEase - passage.fleschReadingEase) <= Tolerance.readingEase)
        #expect(abs(ours.fleschKincaidGrade - passage.fleschKincaidGrade) <= Tolerance.grade)
        #expect(abs(ours.smogGrade - passage.smogIndex) <= Tolerance.smog)
    }

    @Test func onAverageTheScoresAgreeClosely() {
        let passages = Self.passages
        guard !passages.isEmpty else { return }
        func mean(_ values: [Double]) -> Double { values.reduce(0, +) / Double(values.count) }
        let ease = mean(passages.map { abs(Self.figures($0.text).fleschReadingEase - $0.fleschReadingEase) })
        let grade = mean(passages.map { abs(Self.figures($0.text).fleschKincaidGrade - $0.fleschKincaidGrade) })
        let smog = mean(passages.map { abs(Self.figures($0.text).smogGrade - $0.smogIndex) })
        if ProcessInfo.processInfo.environment["WAYMARK_READABILITY_REPORT"] == "1" {
            for passage in passages {
                let ours = Self.figures(passage.text)
                print(String(format: "RE %6.2f/%6.2f FK %5.2f/%5.2f SMOG %5.2f/%5.2f syl %3d/%3d words %2d/%2d sent %d/%d %@",
                             ours.fleschReadingEase, passage.fleschReadingEase, ours.fleschKincaidGrade, passage.fleschKincaidGrade,
                             ours.smogGrade, passage.smogIndex, ours.syllables, passage.syllables, ours.words, passage.words,
                             ours.sentences, passage.sentences, String(passage.text.prefix(30))))
            }
            print(String(format: "mean absolute difference: reading ease %.3f, grade %.3f, SMOG %.3f", ease, grade, smog))
        }
        #expect(ease <= 1.5)
        #expect(grade <= 0.3)
        #expect(smog <= 0.3)
    }
}
