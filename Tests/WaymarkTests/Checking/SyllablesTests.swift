import Foundation
import Testing
@testable import Waymark

/// `Syllables.count` was rewritten for speed (issue #8): it must give exactly what the
/// first, Foundation-based version gave, which the readability figures were checked with.
@Suite("Checking: syllables") struct SyllablesTests {
    /// The first version, kept as the reference.
    static func referenceCount(_ word: String) -> Int {
        let lowered = word.lowercased().replacingOccurrences(of: "’", with: "'")
        let letters = lowered.unicodeScalars.filter { $0.properties.isAlphabetic || $0 == "'" || $0 == "-" }
        if letters.isEmpty {
            return max(1, lowered.unicodeScalars.filter { $0.properties.numericType != nil }.count)
        }
        var cleaned = ""
        cleaned.unicodeScalars.append(contentsOf: letters)
        let parts = cleaned.split(separator: "-").map(String.init).filter { !$0.isEmpty }
        if parts.count > 1, Syllables.table[cleaned.replacingOccurrences(of: "-", with: "")] == nil {
            return parts.reduce(0) { $0 + referenceCount($1) }
        }
        let joined = cleaned.replacingOccurrences(of: "-", with: "")
        if let known = Syllables.table[joined] { return known }
        for suffix in ["'s", "'"] where joined.hasSuffix(suffix) {
            if let known = Syllables.table[String(joined.dropLast(suffix.count))] { return known }
        }
        return Syllables.guess(joined.replacingOccurrences(of: "'", with: ""))
    }

    static let awkwardWords = [
        "", "-", "'", "’", "0800", "8.30am", "1,000", "50%", "½", "٣٤", "Ⅻ", "don’t", "DON'T", "children's", "childrens’",
        "well-known", "self-harm", "co-operate", "e-mail", "re-entry", "-ish", "x-", "ice-cream-van", "Zoë", "naïve",
        "café", "CAFÉ", "José", "Łódź", "straße", "İstanbul", "ﬁnance", "مرحبا", "你好", "Ωmega", "blorptastic", "makes",
        "buses", "wanted", "walked", "table", "rhythm", "NSPCC", "GP's", "o'clock", "rock'n'roll", "e\u{301}cole",
    ]

    /// Every word of the guides in `Guides/`, plus awkward ones.
    static let words: [String] = {
        let guides = Fixtures.folder.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Guides")
        var words = Set(awkwardWords)
        for name in (try? FileManager.default.contentsOfDirectory(atPath: guides.path)) ?? [] where name.hasSuffix(".md") {
            let text = (try? String(contentsOf: guides.appendingPathComponent(name), encoding: .utf8)) ?? ""
            for word in text.split(whereSeparator: { $0.isWhitespace }) { words.insert(String(word)) }
        }
        return words.sorted()
    }()

    @Test func theGuidesGiveEnoughWords() {
        #expect(Self.words.count > 1_000)
    }

    @Test func theFastCountIsTheReferenceCount() {
        for word in Self.words {
            #expect(Syllables.count(word) == Self.referenceCount(word), "\(word)")
        }
    }

    @Test func theTableParsesFromBytes() {
        let table = Syllables.parseTable(Array("cat\t1\nlemonade\t3\n\nbroken line\nwater\t2".utf8))
        #expect(table == ["cat": 1, "lemonade": 3, "water": 2])
        #expect(Syllables.table.count > 100_000)
        #expect(Syllables.table["safeguarding"] == 3)
    }
}
