import Foundation

/// Reading-level figures for some text: the counts and the three formulas of `standards.md`.
public struct Readability: Hashable, Sendable, Codable {
    /// Sentences counted.
    public var sentences: Int
    /// Words counted.
    public var words: Int
    /// Syllables counted.
    public var syllables: Int
    /// Words of three or more syllables (for SMOG).
    public var polysyllables: Int

    /// Counts `sentences`.
    public init(_ sentences: [Sentence]) {
        self = .zero
        add(sentences)
    }

    /// No text: every count zero.
    public static let zero = Readability(sentences: 0, words: 0, syllables: 0, polysyllables: 0)

    /// Creates figures from counts.
    public init(sentences: Int, words: Int, syllables: Int, polysyllables: Int) {
        self.sentences = sentences
        self.words = words
        self.syllables = syllables
        self.polysyllables = polysyllables
    }

    /// Adds the counts of `sentences` (each word's syllables were counted when it was indexed).
    public mutating func add(_ sentences: [Sentence]) {
        self.sentences += sentences.count
        for sentence in sentences {
            words += sentence.words.count
            for word in sentence.words {
                syllables += word.syllables
                if word.syllables >= Thresholds.smogPolysyllable { polysyllables += 1 }
            }
        }
    }

    /// Adds the counts of `other`.
    public mutating func add(_ other: Readability) {
        sentences += other.sentences
        words += other.words
        syllables += other.syllables
        polysyllables += other.polysyllables
    }

    /// Whether there is any text to score.
    public var isEmpty: Bool { sentences == 0 || words == 0 }

    /// Flesch Reading Ease = 206.835 − 1.015 × (words/sentences) − 84.6 × (syllables/words).
    public var fleschReadingEase: Double {
        guard !isEmpty else { return 0 }
        return 206.835 - 1.015 * wordsPerSentence - 84.6 * syllablesPerWord
    }

    /// Flesch–Kincaid grade = 0.39 × (words/sentences) + 11.8 × (syllables/words) − 15.59.
    public var fleschKincaidGrade: Double {
        guard !isEmpty else { return 0 }
        return 0.39 * wordsPerSentence + 11.8 * syllablesPerWord - 15.59
    }

    /// SMOG grade = 1.0430 × √(polysyllables × 30 / sentences) + 3.1291.
    public var smogGrade: Double {
        guard !isEmpty else { return 0 }
        return 1.0430 * (Double(polysyllables) * 30 / Double(sentences)).squareRoot() + 3.1291
    }

    /// The UK reading age in years: Flesch–Kincaid grade + 5.
    public var readingAge: Double { fleschKincaidGrade + Thresholds.gradeToReadingAge }

    /// Average words a sentence.
    public var wordsPerSentence: Double { Double(words) / Double(max(sentences, 1)) }
    /// Average syllables a word.
    public var syllablesPerWord: Double { Double(syllables) / Double(max(words, 1)) }

    /// `reading age 10 (grade 5.1, reading ease 78, SMOG 6.9)`.
    public var summary: String {
        guard !isEmpty else { return "no text to score" }
        return "reading age \(Int(readingAge.rounded())) (Flesch–Kincaid grade \(Readability.format(fleschKincaidGrade)), "
            + "reading ease \(Readability.format(fleschReadingEase)), SMOG \(Readability.format(smogGrade)))"
    }

    /// A number with one decimal place.
    public static func format(_ value: Double) -> String {
        String(format: "%.1f", value)
    }
}

extension TextIndex {
    /// The sentences the reading level is scored on: running text only (no headings,
    /// table header rows, write prompts or easy-read rows, which are the separate easy-read version).
    public func scoredSentences(chapter: Int? = nil) -> [Sentence] {
        runs.filter { $0.place == .prose && (chapter == nil || $0.chapter == chapter) }.flatMap(\.sentences)
    }
}
