import WaymarkModel

/// Decides, where a glossary word or an abbreviation is used, whether a writer adds the word's
/// explanation or writes the abbreviation out: the one decision for plain text, every HTML writer
/// and easy read, so that no edition reads a thing twice aloud.
///
/// **Glossary words.** A word is explained on its first use in the writer's scope (the book,
/// the guide, an easy-read row), except where the text itself defines it; that use counts as
/// explained. The text defines a use of a word `X` (in any form the reader matched: `advocates`)
/// when one of these holds, where *subject* means `X` opens its sentence after at most a
/// determiner (`a`, `an`, `the`, `your`…) and two describing words (`Online grooming`,
/// `A child protection conference`), none of them a joining word (`if`, `when`, `and`, `to`…):
/// 1. `X` is the subject and a definition follows it: `X is when|where…`, `X is a|an…`,
///    `X is someone|something|anyone…`, `X are people|things…` or `X are` a plural word
///    (`Nudes are photos…`), `X means…`; an adverb may come between (`X is also a…`).
/// 2. `X` is followed by a bracket that names it again: `X (also called …)`, `X (or …)`.
/// 3. The sentence names `X`, which ends it, after `is called` or `are known as` (an adverb may
///    come between) and at most a determiner and two describing words: `This is called X.`,
///    `Sending sexual messages, photos or videos is sometimes called sexting.`, `It's called X.`
/// 4. The next sentence holds a use of `X` by rule 1: `…an advocate. An advocate is someone…`.
/// 5. `X` ends its sentence and the next one starts `This|That|These|They|He|She` and a definition
///    as in rule 1: `…a trusted adult. This is a grown-up…`, `…is confidential. This means…`.
/// 6. `X` is the subject of a naming sentence (`X is sometimes called Y.`) and the next one starts
///    `It|This|That|These|They` and a definition: `…is sometimes called CSE. It is when someone…`.
/// 7. `X` is the subject of `X is…`, `X are…` or `X means…` and the rest of the sentence, with the
///    next one, repeats at least half of the glossary explanation's words of four letters or more
///    (`Cyberbullying is bullying on phones, tablets or computers` against "Bullying that happens on
///    phones, tablets, computers or games"; `The chairperson is in charge of the meeting. They make
///    sure it is fair.`): the text already says what the glossary would add.
///
/// Deliberately not covered, so the explanation stays: a definition after an opening clause
/// (`At the meeting, the chairperson is the person in charge`), `X is the…` (`Grooming is the
/// first step`), `This is a|an X` (`…in danger right now. This is an emergency.`: the explanation
/// says more than the sentence), `X are` followed by a describing word (`Extreme views are very strong beliefs`),
/// naming without `is` or before more words (`A person called the chairperson runs the meeting`,
/// `there may be a meeting called a child protection conference`), and `It` after `X` ends a
/// sentence (`…a trusted adult. It is a good idea to…`: *it* is rarely the word).
///
/// **Abbreviations.** Written out (`child sexual exploitation (CSE)`, or in easy read in place of
/// the letters) only where that reads correctly: never where the sentence or the one before
/// already holds the expansion (`Child sexual exploitation is sometimes called CSE.`), never when
/// the expansion is the abbreviation itself (no `X (X)`); the expansion takes a capital letter
/// when it starts a sentence (`Child sexual exploitation (CSE) is…`). A use left as it is counts
/// as written out: the sentence has just said what it stands for.
struct WordExplainer {
    private let glossary: [String: String]
    /// Uses of glossary words that their own text defines.
    private let definedUses: Set<Use>
    /// Uses of abbreviations whose expansion is in their sentence or the one before.
    private let expandedNearby: Set<Use>
    /// Uses of abbreviations that start their sentence.
    private let startingSentences: Set<Use>
    private var explained: Set<String> = []
    private var expanded: Set<String> = []

    /// The decisions for `guide`'s glossary and every run of its text (made once per guide in a
    /// build, ``SharedWork``).
    init(guide: Guide) {
        self = SharedWork.explainer(for: guide) {
            var runs: [[Inline]] = []
            guide.forEachBlock { runs += $0.inlineRuns }
            return WordExplainer(glossary: guide.metadata.glossary, runs: runs)
        }
    }

    /// The decisions for `glossary` and the runs of text (paragraphs, list items, cells, rows) it is used in.
    init(glossary: [GlossaryEntry], runs: [[Inline]]) {
        self.glossary = Dictionary(glossary.map { ($0.term, $0.explanation) }, uniquingKeysWith: { first, _ in first })
        var reading = Reading(explanationWords: self.glossary.mapValues(WordExplainer.contentWords))
        for run in runs where WordExplainer.holdsWords(run) { reading.read(run) }
        definedUses = reading.definedUses
        expandedNearby = reading.expandedNearby
        startingSentences = reading.startingSentences
    }

    /// The glossary explanation to add after `use` at `location`: on the word's first use in
    /// the current scope, unless its text defines it there. Either way the word is explained after this.
    mutating func explanation(for use: GlossaryUse, at location: Location) -> String? {
        guard explained.insert(use.term).inserted, !definedUses.contains(Use(use.text, location)) else { return nil }
        return glossary[use.term]
    }

    /// The words to write before the abbreviation in brackets (`child sexual exploitation (CSE)`):
    /// on its first use, when ``writtenOut(_:at:)`` gives them.
    mutating func firstExpansion(for use: AbbreviationUse, at location: Location) -> String? {
        guard expanded.insert(use.text).inserted else { return nil }
        return writtenOut(use, at: location)
    }

    /// The abbreviation's expansion where writing it out reads correctly, capitalised at the start
    /// of a sentence; nil where the letters should stay as they are.
    func writtenOut(_ use: AbbreviationUse, at location: Location) -> String? {
        let place = Use(use.text, location)
        let expansion = use.expansion.trimmingSpaces
        guard !expandedNearby.contains(place), !expansion.isEmpty, expansion.lowercased() != use.text.lowercased() else { return nil }
        return startingSentences.contains(place) ? expansion.prefix(1).uppercased() + expansion.dropFirst() : expansion
    }

    /// Starts a new scope for glossary words (easy read explains a word once in each row).
    mutating func forgetExplainedWords() {
        explained = []
    }
}

// MARK: - Implementation

extension WordExplainer {
    /// One use of a word or abbreviation: its place and how it is written (two uses never share both).
    struct Use: Hashable {
        let text: String
        let location: Location

        init(_ text: String, _ location: Location) {
            self.text = text
            self.location = location
        }
    }

    /// A piece of a sentence as the rules see it.
    enum Token {
        /// A word, lower-cased (`grown-up`, `person's`).
        case word(String)
        /// A glossary word: its entry and its words as written, lower-cased.
        case term(key: String, words: [String], use: Use)
        /// An abbreviation.
        case abbreviation(AbbreviationUse, use: Use)
        /// Any other mark: a stop, a bracket, a comma, a quote.
        case mark(Unicode.Scalar)

        var word: String? {
            if case .word(let word) = self { return word } else { return nil }
        }

        /// The words a reader hears, for finding an expansion: a glossary word's own, an abbreviation's letters.
        var spoken: [String] {
            switch self {
            case .word(let word): return [word]
            case .term(_, let words, _): return words
            case .abbreviation(let abbreviation, _): return [abbreviation.text.lowercased()]
            case .mark: return []
            }
        }
    }

    /// Words that may start a subject (`An advocate is…`); only the first word of it.
    static let determiners: Set<String> = ["a", "an", "the", "your", "my", "our", "their", "his", "her", "this", "that", "these", "those", "any", "some"]
    /// Words that join or open a clause, so a glossary word after them is not the sentence's subject.
    static let joiningWords: Set<String> = [
        "if", "when", "whether", "because", "as", "although", "though", "unless", "until", "while", "so", "and", "but", "or",
        "nor", "then", "what", "why", "how", "who", "whom", "which", "where", "not", "no", "never", "to", "of", "in", "on",
        "at", "for", "with", "about", "from", "by", "into", "like", "than", "i", "you", "he", "she", "it", "we", "they",
        "there", "here", "is", "are", "was", "be", "can", "will", "should", "might", "may", "must", "could", "would",
    ]
    /// Words that may sit between the verb and the definition (`is also a`, `are usually people`).
    static let adverbs: Set<String> = ["also", "usually", "often", "sometimes", "always", "just", "mostly", "generally"]
    /// The first word of a definition after `is` or `are`.
    static let definitionStarts: Set<String> = ["when", "where", "a", "an", "someone", "somebody", "something", "anyone", "anything", "people", "things"]
    /// Words ending in `s` that are not plural nouns, for `X are <plural>`.
    static let notPlurals: Set<String> = ["always", "sometimes", "perhaps", "unless", "yes", "this", "thus", "was", "has", "does", "his", "hers", "its", "ours", "yours", "theirs", "less", "across", "towards", "afterwards"]
    /// Pronouns that start a sentence defining the word that ended the one before (rule 5).
    static let pronounsAfterWord: Set<String> = ["this", "that", "these", "they", "he", "she"]
    /// Pronouns that start a sentence defining the subject of a naming sentence (rule 6).
    static let pronounsAfterNaming: Set<String> = ["it", "this", "that", "these", "they"]

    /// Whether `run` holds a glossary word or an abbreviation, so it needs reading.
    static func holdsWords(_ run: [Inline]) -> Bool {
        var found = false
        SentenceSplitter.forEachPiece(of: run) { _, inline, _, _ in
            switch inline.kind {
            case .term, .abbreviation: found = true
            case .text, .emphasis, .strong, .link, .phone, .lineBreak: break
            }
        }
        return found
    }

    /// What the rules found in the runs read so far.
    struct Reading {
        /// Each glossary entry's explanation as ``contentWords(_:)``, by term.
        let explanationWords: [String: Set<String>]
        var definedUses: Set<Use> = []
        var expandedNearby: Set<Use> = []
        var startingSentences: Set<Use> = []

        /// Reads one run of text, sentence by sentence (the one splitter's sentences).
        mutating func read(_ run: [Inline]) {
            let sentences = SentenceSplitter.sentences(run).map(WordExplainer.tokens)
            for (index, tokens) in sentences.enumerated() {
                let next = index + 1 < sentences.count ? sentences[index + 1] : []
                let previous = index > 0 ? sentences[index - 1] : []
                for (position, token) in tokens.enumerated() {
                    switch token {
                    case .term(let key, _, let use):
                        if WordExplainer.defines(tokens, at: position, next: next, key: key)
                            || WordExplainer.repeatsExplanation(tokens, at: position, next: next, explanationWords[key] ?? []) {
                            definedUses.insert(use)
                        }
                    case .abbreviation(let abbreviation, let use):
                        let expansion = WordExplainer.words(abbreviation.expansion)
                        if WordExplainer.holds(tokens, expansion) || WordExplainer.holds(previous, expansion) { expandedNearby.insert(use) }
                        if tokens[..<position].allSatisfy({ if case .mark = $0 { true } else { false } }) { startingSentences.insert(use) }
                    case .word, .mark:
                        continue
                    }
                }
            }
        }
    }

    /// Whether the glossary word at `position` of `tokens` is defined by its sentence or `next` (rules 1–6).
    static func defines(_ tokens: [Token], at position: Int, next: [Token], key: String) -> Bool {
        let after = tokens[(position + 1)...]
        let subject = isSubject(tokens, position)
        if subject, definitionFollows(after) { return true }
        if namedAgainInBrackets(after) { return true }
        if endsSentence(after), isNamingSentence(tokens, termAt: position) { return true }
        for (index, token) in next.enumerated() {
            if case .term(let nextKey, _, _) = token, nextKey == key, isSubject(next, index), definitionFollows(next[(index + 1)...]) { return true }
        }
        if endsSentence(after), startsWithPronounAndDefinition(next, pronouns: pronounsAfterWord) { return true }
        if subject, namingFollows(after), startsWithPronounAndDefinition(next, pronouns: pronounsAfterNaming) { return true }
        return false
    }

    /// Whether the word at `position` is the subject of `is`, `are` or `means` and the rest of its
    /// sentence, with `next`, holds at least half of `explanation`'s content words (rule 7).
    static func repeatsExplanation(_ tokens: [Token], at position: Int, next: [Token], _ explanation: Set<String>) -> Bool {
        let after = tokens[(position + 1)...]
        guard !explanation.isEmpty, let verb = leadingWords(after).first, ["is", "are", "means", "mean"].contains(verb),
              isSubject(tokens, position) else { return false }
        let said = contentWords((after + next).flatMap(\.spoken).joined(separator: " "))
        return 2 * explanation.intersection(said).count >= explanation.count
    }

    /// Words that carry meaning, for comparing a sentence with an explanation: four letters or
    /// more, a plural's `s` taken off, without the commonest joining words.
    static func contentWords(_ text: String) -> Set<String> {
        Set(words(text).filter { $0.count >= 4 && !commonWords.contains($0) }.map { $0.hasSuffix("s") && !$0.hasSuffix("ss") ? String($0.dropLast()) : $0 })
    }

    /// Joining words of four letters or more, left out of ``contentWords(_:)``.
    static let commonWords: Set<String> = ["that", "this", "with", "what", "when", "where", "which", "they", "them", "their", "there", "your", "from", "have", "into", "very", "only", "some", "other", "will", "would", "could", "should", "about", "than", "then", "also"]

    /// Whether the word at `position` opens its sentence: after marks, at most a determiner and two describing words.
    static func isSubject(_ tokens: [Token], _ position: Int) -> Bool {
        let before = tokens[..<position].drop { if case .mark = $0 { true } else { false } }
        guard before.count <= 3 else { return false }
        var words: [String] = []
        for token in before {
            guard let word = token.word else { return false }
            words.append(word)
        }
        if let first = words.first, determiners.contains(first) { words.removeFirst() }
        return words.count <= 2 && words.allSatisfy { !determiners.contains($0) && !joiningWords.contains($0) }
    }

    /// Whether `tokens` (what follows a word) start with a definition: `is when…`, `is a…`, `means…`, `are photos…`.
    static func definitionFollows(_ tokens: ArraySlice<Token>) -> Bool {
        let words = leadingWords(tokens)
        guard let verb = words.first, words.count > 1 else { return false }
        if verb == "means" || verb == "mean" { return true }
        guard verb == "is" || verb == "are" else { return false }
        guard let start = words.dropFirst().first(where: { !adverbs.contains($0) }) else { return false }
        if definitionStarts.contains(start) { return true }
        return verb == "are" && isPlural(start)
    }

    /// Whether `tokens` (what follows a word) start with `is called`, `is sometimes called`, `are known as`.
    static func namingFollows(_ tokens: ArraySlice<Token>) -> Bool {
        let words = leadingWords(tokens)
        guard let verb = words.first, verb == "is" || verb == "are" else { return false }
        let rest = words.dropFirst().drop { adverbs.contains($0) }
        return rest.first == "called" || rest.starts(with: ["known", "as"])
    }

    /// Whether `tokens` (what follows a word) open a bracket that names it again: `(also called…)`, `(or…)`.
    static func namedAgainInBrackets(_ tokens: ArraySlice<Token>) -> Bool {
        guard case .mark("(") = tokens.first else { return false }
        let words = leadingWords(tokens.dropFirst()).drop { adverbs.contains($0) }
        return words.first == "called" || words.first == "or" || words.starts(with: ["known", "as"])
    }

    /// Whether the word at `position` ends a naming: `is|are [adverb] called|known as [a] [two words] X` (rule 3).
    static func isNamingSentence(_ tokens: [Token], termAt position: Int) -> Bool {
        func isKnownAs(_ index: Int) -> Bool { tokens[index].word == "as" && index > 0 && tokens[index - 1].word == "known" }
        var index = position - 1
        var phrase: [String] = []
        while index >= 0, let word = tokens[index].word, word != "called", !isKnownAs(index), phrase.count < 3 {
            phrase.insert(word, at: 0)
            index -= 1
        }
        guard index >= 0, tokens[index].word == "called" || isKnownAs(index) else { return false }
        index -= tokens[index].word == "called" ? 1 : 2
        while index >= 0, let word = tokens[index].word, adverbs.contains(word) { index -= 1 }
        guard index >= 0, let verb = tokens[index].word, verb == "is" || verb == "are" || verb.hasSuffix("'s") || verb.hasSuffix("’s") else { return false }
        if let first = phrase.first, determiners.contains(first) { phrase.removeFirst() }
        return phrase.count <= 2 && phrase.allSatisfy { !determiners.contains($0) && !joiningWords.contains($0) }
    }

    /// Whether `tokens` start (after marks) with one of `pronouns` and a definition (rules 5 and 6).
    static func startsWithPronounAndDefinition(_ tokens: [Token], pronouns: Set<String>) -> Bool {
        guard let start = tokens.firstIndex(where: { if case .mark = $0 { false } else { true } }),
              let pronoun = tokens[start].word, pronouns.contains(pronoun) else { return false }
        return definitionFollows(tokens[(start + 1)...])
    }

    /// Whether nothing but marks follows: the word ends its sentence.
    static func endsSentence(_ tokens: ArraySlice<Token>) -> Bool {
        tokens.allSatisfy { if case .mark(let mark) = $0 { mark != "(" } else { false } }
    }

    /// The words at the start of `tokens`, up to the first mark, glossary word or abbreviation.
    static func leadingWords(_ tokens: ArraySlice<Token>) -> [String] {
        var words: [String] = []
        for token in tokens {
            guard let word = token.word else { break }
            words.append(word)
        }
        return words
    }

    /// A plural noun, roughly: a word of four letters or more ending in `s`, not `ss`, `us` or `is`.
    static func isPlural(_ word: String) -> Bool {
        word.count >= 4 && word.hasSuffix("s") && !word.hasSuffix("ss") && !word.hasSuffix("us") && !word.hasSuffix("is")
            && !word.hasSuffix("'s") && !word.hasSuffix("’s") && !notPlurals.contains(word)
    }

    /// Whether the words of `tokens` hold `words` in a row.
    static func holds(_ tokens: [Token], _ words: [String]) -> Bool {
        let spoken = tokens.flatMap(\.spoken)
        guard !words.isEmpty, spoken.count >= words.count else { return false }
        return (0...(spoken.count - words.count)).contains { spoken[$0..<($0 + words.count)].elementsEqual(words) }
    }

    /// The sentence as tokens, in reading order.
    static func tokens(_ sentence: [Inline]) -> [Token] {
        var tokens: [Token] = []
        SentenceSplitter.forEachPiece(of: sentence) { text, inline, _, _ in
            switch inline.kind {
            case .term(let use):
                tokens.append(.term(key: use.term, words: words(use.text), use: Use(use.text, inline.location)))
            case .abbreviation(let use):
                tokens.append(.abbreviation(use, use: Use(use.text, inline.location)))
            case .text, .phone, .lineBreak, .emphasis, .strong, .link:
                tokens += textTokens(text)
            }
        }
        return tokens
    }

    /// Words (lower-cased; inner `'`, `’` and `-` kept) and marks of plain text; spaces dropped.
    static func textTokens(_ text: String) -> [Token] {
        // ASCII on its bytes (issue #23: most text is, and a scalar at a time was 2 % of a build).
        if let quick = text.utf8.withContiguousStorageIfAvailable(asciiTokens), let tokens = quick { return tokens }
        return tokensByScalar(text)
    }

    /// ``textTokens(_:)`` of ASCII `bytes`, or nil when they are not all ASCII.
    static func asciiTokens(_ bytes: UnsafeBufferPointer<UInt8>) -> [Token]? {
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        func isWordByte(_ byte: UInt8) -> Bool {
            (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
        }
        var tokens: [Token] = []
        var wordStart: Int?
        func endWord(_ end: Int) {
            guard let start = wordStart else { return }
            tokens.append(.word(String(decoding: bytes[start..<end].lazy.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }, as: UTF8.self)))
            wordStart = nil
        }
        for (index, byte) in bytes.enumerated() {
            if isWordByte(byte) {
                if wordStart == nil { wordStart = index }
            } else if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "-"), wordStart != nil, index + 1 < bytes.count, isWordByte(bytes[index + 1]) {
                continue
            } else {
                endWord(index)
                if !(byte == 0x20 || (0x09...0x0D).contains(byte)) { tokens.append(.mark(Unicode.Scalar(byte))) }
            }
        }
        endWord(bytes.count)
        return tokens
    }

    /// ``textTokens(_:)`` a scalar at a time, for text beyond ASCII.
    static func tokensByScalar(_ text: String) -> [Token] {
        var tokens: [Token] = []
        var word = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        func endWord() {
            if !word.isEmpty { tokens.append(.word(String(word).lowercased())) }
            word = String.UnicodeScalarView()
        }
        for (index, scalar) in scalars.enumerated() {
            if scalar.isWordCharacter {
                word.append(scalar)
            } else if ["'", "’", "-"].contains(scalar), !word.isEmpty, index + 1 < scalars.count, scalars[index + 1].isWordCharacter {
                word.append(scalar)
            } else {
                endWord()
                if !scalar.properties.isWhitespace { tokens.append(.mark(scalar)) }
            }
        }
        endWord()
        return tokens
    }

    /// The words of `text`, lower-cased.
    static func words(_ text: String) -> [String] {
        textTokens(text).compactMap(\.word)
    }
}

private extension String {
    var trimmingSpaces: String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
