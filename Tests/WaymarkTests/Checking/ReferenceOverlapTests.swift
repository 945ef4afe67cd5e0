import Foundation
import Testing
@testable import Waymark

/// Issue #22: the shipped guides use the reference page's facts, not its sentences. No run of
/// 8 or more words in a guide (front matter, body, easy-read rows, contacts and alt text alike)
/// is the same as a run in `../shared/reference/`, the page the first guides were written from.
///
/// That folder sits beside the repository, so a clean clone (CI) does not have it. Its text has no
/// licence that lets us copy it here, so the repository keeps only a fingerprint of it:
/// `Fixtures/reference/fingerprints.txt`, one 64-bit hash for each run of 8 words. A guide is
/// checked against the folder's own text when it is there, and against the fingerprints when not;
/// a second test keeps the fingerprints in step with the folder (`WAYMARK_RECORD=1` rewrites them).
@Suite("Checking: the guides are in our own words") struct ReferenceOverlapTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let referenceFolder = repository.deletingLastPathComponent().appendingPathComponent("shared/reference")
    static let fingerprintsPath = "reference/fingerprints.txt"

    /// The shortest run of words the same as the reference that counts as copied (issue #22).
    static let runLength = 8

    /// Phrases a guide may share with the reference because they are facts about a service, said
    /// the way the service says them, not sentences of the page. A run of shared words is allowed
    /// only when every word of it is inside one of these.
    static let facts = [
        // Childline's calls are free and not listed on the bill: the same short fact in every guide.
        "the call won't show on the phone bill",
        "the call does not show on the phone bill",
    ]

    /// A word of a text: letters and digits only, in lower case, and the line it is on.
    struct Word: Equatable, CustomStringConvertible {
        let text: String
        let line: Int
        var description: String { "\(text)@\(line)" }
    }

    /// A run of words in a guide that is also in the reference.
    struct Overlap: CustomStringConvertible {
        let file: String
        let line: Int
        let words: [String]
        var description: String { "\(file):\(line): \(words.count) words the same as the reference: \"\(words.joined(separator: " "))\"" }
    }

    // MARK: - The shipped guides

    @Test(.enabled(if: ReferenceOverlapTests.referenceFolderIsThere,
                   "../shared/reference/ is not beside the repository; the fingerprint test below checks the guides instead"))
    func noShippedGuideSharesARunOf8WordsWithTheReference() throws {
        let reference = try #require(try Self.referenceTexts())
        let runs = Set(reference.flatMap { Self.runs(of: Self.words($0.text)) })
        try Self.expectNoOverlaps { runs.contains(Self.key($0)) }
    }

    /// The same check from a clean clone, where the reference folder is not there.
    @Test func noShippedGuideSharesARunOf8WordsWithTheReferenceFingerprints() throws {
        let fingerprints = try Self.recordedFingerprints()
        try #require(fingerprints.count > 1000, "\(Self.fingerprintsPath) has too few fingerprints")
        try Self.expectNoOverlaps { fingerprints.contains(Self.fingerprint(Self.key($0))) }
    }

    @Test(.enabled(if: ReferenceOverlapTests.referenceFolderIsThere,
                   "../shared/reference/ is not beside the repository, so there is nothing to compare the fingerprints with"))
    func theFingerprintsAreThoseOfTheReferenceFolder() throws {
        let reference = try #require(try Self.referenceTexts())
        let fingerprints = Set(reference.flatMap { Self.runs(of: Self.words($0.text)) }.map(Self.fingerprint))
        let lines = fingerprints.sorted().map { Self.hex($0) }
        let header = """
            # Fingerprints of ../shared/reference/ for ReferenceOverlapTests: FNV-1a (64-bit) of each run of
            # \(Self.runLength) words, lower case, letters and digits only, joined by single spaces. The page itself has no
            # licence to copy it here. Rewritten by WAYMARK_RECORD=1 swift test --filter ReferenceOverlap.
            # Files: \(reference.map(\.name).joined(separator: ", "))

            """
        try Fixtures.expectGolden(Array((header + lines.joined(separator: "\n") + "\n").utf8), Self.fingerprintsPath)
    }

    // MARK: - The comparison itself

    @Test(arguments: [
        ("Don't call 999!", ["dont", "call", "999"]),
        ("Front Door: 8.30am – 5.30pm (Monday–Thursday)", ["front", "door", "8", "30am", "5", "30pm", "monday", "thursday"]),
        ("See [Brook](https://www.brook.org.uk/your-life/sexting/) or www.childline.org.uk today.", ["see", "brook", "or", "today"]),
        ("Childline’s **free** — it’s “confidential”", ["childlines", "free", "its", "confidential"]),
    ])
    func wordsAreLowerCaseLettersAndDigitsWithoutWebAddresses(text: String, words: [String]) {
        #expect(Self.words(text).map(\.text) == words)
    }

    @Test func aCopiedRunIsFoundWithItsLineAndAllItsWords() {
        let reference = "Asking for help early on can help stop things getting worse. All adults know it."
        let guide = "# Help\n\nTell someone. Asking for help early on can help stop\nthings getting worse, they say.\n"
        let runs = Set(Self.runs(of: Self.words(reference)))
        let found = Self.overlaps(in: Self.words(guide), file: "Guides/help.md") { runs.contains(Self.key($0)) }
        #expect(found.map(\.description) == [
            "Guides/help.md:3: 11 words the same as the reference: \"asking for help early on can help stop things getting worse\"",
        ])
    }

    @Test func sevenWordsTheSameAreNotACopy() {
        let runs = Set(Self.runs(of: Self.words("You can call anytime for free, it's confidential.")))
        let found = Self.overlaps(in: Self.words("You can call anytime for free, it is private."), file: "g.md") { runs.contains(Self.key($0)) }
        #expect(found.isEmpty)
    }

    @Test func aFactMayBeSaidAsTheServiceSaysIt() {
        let reference = "You can call anytime for free, it's confidential and the call won't show on the phone bill."
        let runs = Set(Self.runs(of: Self.words(reference)))
        let allowed = Self.overlaps(in: Self.words("It is free. The call won't show on the phone bill."), file: "g.md") { runs.contains(Self.key($0)) }
        #expect(allowed.isEmpty)
        // Words copied around the fact are still a copy.
        let copied = Self.overlaps(in: Self.words("It's confidential and the call won't show on the phone bill."), file: "g.md") { runs.contains(Self.key($0)) }
        #expect(copied.map(\.words.count) == [10])
    }

    @Test func theFactsAreLongEnoughToNeedListing() {
        for fact in Self.facts { #expect(Self.words(fact).count >= Self.runLength, "\(fact)") }
    }
}

// MARK: - Helpers

extension ReferenceOverlapTests {
    static var referenceFolderIsThere: Bool { FileManager.default.fileExists(atPath: referenceFolder.path) }

    /// Records an issue for every run of words in a shipped guide that `shared` says is in the reference.
    static func expectNoOverlaps(sourceLocation: SourceLocation = #_sourceLocation, shared: (ArraySlice<Word>) -> Bool) throws {
        let guides = try Builder.guideFiles(in: repository.appendingPathComponent("Guides"))
        #expect(guides.count >= 5, sourceLocation: sourceLocation)
        for guide in guides {
            let text = try String(contentsOf: guide, encoding: .utf8)
            let display = Builder.displayPath(of: guide, base: repository)
            for overlap in overlaps(in: words(text), file: display, shared: shared) {
                Issue.record("\(overlap)", sourceLocation: sourceLocation)
            }
        }
    }

    /// The files of `../shared/reference/`, or nil when the folder is not there.
    static func referenceTexts() throws -> [(name: String, text: String)]? {
        let manager = FileManager.default
        guard manager.fileExists(atPath: referenceFolder.path) else { return nil }
        return try manager.contentsOfDirectory(atPath: referenceFolder.path).sorted()
            .filter { !$0.hasPrefix(".") }
            .map { (name: $0, text: try String(contentsOf: referenceFolder.appendingPathComponent($0), encoding: .utf8)) }
    }

    /// The fingerprints kept in the repository.
    static func recordedFingerprints() throws -> Set<UInt64> {
        let text = try String(contentsOf: Fixtures.url(fingerprintsPath), encoding: .utf8)
        return Set(text.split(separator: "\n").filter { !$0.hasPrefix("#") }.compactMap { UInt64($0, radix: 16) })
    }

    /// The words of `text`, line by line. Web addresses are left out: a guide must give a service's
    /// real address. Apostrophes join ("don't" is "dont"); anything else that is not a letter or a
    /// digit separates words.
    static func words(_ text: String) -> [Word] {
        var words: [Word] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var current = ""
            func end() {
                if !current.isEmpty { words.append(Word(text: current, line: index + 1)) }
                current = ""
            }
            for chunk in line.split(whereSeparator: \.isWhitespace) {
                var kept = Substring(chunk)
                if let address = ["http://", "https://", "www."].compactMap({ kept.range(of: $0, options: .caseInsensitive)?.lowerBound }).min() {
                    kept = kept[..<address]
                }
                for character in kept {
                    if character == "'" || character == "\u{2019}" { continue }
                    if character.isLetter || character.isNumber { current += character.lowercased() } else { end() }
                }
                end()
            }
        }
        return words
    }

    /// Every run of ``runLength`` words in `words`, as one string.
    static func runs(of words: [Word]) -> [String] {
        guard words.count >= runLength else { return [] }
        return (0...(words.count - runLength)).map { key(words[$0..<($0 + runLength)]) }
    }

    static func key(_ run: ArraySlice<Word>) -> String {
        run.map(\.text).joined(separator: " ")
    }

    /// The runs of `words` that `shared` says are in the reference, joined where they overlap, except
    /// those inside one of ``facts``.
    static func overlaps(in words: [Word], file: String, shared: (ArraySlice<Word>) -> Bool) -> [Overlap] {
        guard words.count >= runLength else { return [] }
        var allowed = [Bool](repeating: false, count: words.count)
        for fact in facts.map({ Self.words($0).map(\.text) }) where fact.count <= words.count {
            for start in 0...(words.count - fact.count) where words[start..<(start + fact.count)].map(\.text) == fact {
                for index in start..<(start + fact.count) { allowed[index] = true }
            }
        }
        var copied = [Bool](repeating: false, count: words.count)
        for start in 0...(words.count - runLength) {
            let range = start..<(start + runLength)
            if shared(words[range]), !range.allSatisfy({ allowed[$0] }) {
                for index in range { copied[index] = true }
            }
        }
        var overlaps: [Overlap] = []
        var index = 0
        while index < words.count {
            guard copied[index] else { index += 1; continue }
            let start = index
            while index < words.count, copied[index] { index += 1 }
            overlaps.append(Overlap(file: file, line: words[start].line, words: words[start..<index].map(\.text)))
        }
        return overlaps
    }

    /// FNV-1a, 64-bit: the same on every machine and every run, unlike `Hasher`.
    static func fingerprint(_ run: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in run.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
