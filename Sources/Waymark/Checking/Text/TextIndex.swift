import Foundation
import WaymarkModel

/// A word of running text and the exact place it came from.
public struct Word: Hashable, Sendable {
    /// What kind of inline the word came from.
    public enum Origin: Hashable, Sendable {
        /// Plain, emphasised or strong text.
        case text
        /// A glossary word (the entry's key).
        case term(String)
        /// An abbreviation from `abbreviations:`.
        case abbreviation
        /// A recognised phone number.
        case phone
        /// The text of a link.
        case link
    }

    /// The word as written (`don't`, `8.30am`, `well-known`), without the punctuation around it.
    public var text: String
    /// Where its first character is.
    public var location: Location
    /// What kind of inline it came from.
    public var origin: Origin
    /// Its syllables (``Syllables/count(_:)``), counted once when the text is indexed.
    public var syllables: Int

    /// Creates a word; its syllables are counted unless given.
    public init(text: String, location: Location, origin: Origin, syllables: Int? = nil) {
        self.text = text
        self.location = location
        self.origin = origin
        self.syllables = syllables ?? Syllables.count(text)
    }

    /// Whether it has letters and every letter is a capital (`CSE`, `STOP`).
    public var isAllCapitals: Bool { Word.isAllCapitals(text) }

    /// Whether `text` has letters and every letter is a capital.
    public static func isAllCapitals(_ text: String) -> Bool {
        // ASCII without looking up Unicode properties (issue #23): the letters are A–Z and a–z.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            var letters = false
            for byte in text.utf8 {
                if byte >= 0x61 && byte <= 0x7A { return false }
                if byte >= 0x41 && byte <= 0x5A { letters = true }
            }
            return letters
        }
        let letters = text.unicodeScalars.filter(\.properties.isAlphabetic)
        return !letters.isEmpty && letters.allSatisfy(\.properties.isUppercase)
    }

    /// Whether it has at least one letter.
    public var hasLetters: Bool {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.utf8.contains { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A } }
        return text.unicodeScalars.contains(where: \.properties.isAlphabetic)
    }
}

/// Where a piece of text sits, which decides which rules and limits apply.
public enum TextPlace: String, Hashable, Sendable {
    /// A chapter or section heading: not in the reading-level score.
    case heading
    /// Running text: paragraphs, list items, table cells, notes and quotes.
    case prose
    /// A table's header row: labels, not sentences.
    case tableHeader
    /// A row of an `easy-read` block.
    case easyRead
    /// The prompt of a `write` space.
    case writePrompt
}

/// A sentence: words up to the end of a sentence as ``SentenceSplitter`` finds it (a full stop,
/// question or exclamation mark, a line break), or the end of its heading, list item, cell or paragraph.
public struct Sentence: Hashable, Sendable {
    /// The words, in order.
    public var words: [Word]
    /// Where it sits.
    public var place: TextPlace
    /// The index of its chapter in ``Guide/chapters``.
    public var chapter: Int
    /// Where it starts.
    public var location: Location { words[0].location }
}

/// A run of inline text (a heading, a paragraph, a cell, an easy-read row) and where it sits.
public struct TextRun: Sendable {
    /// The inlines.
    public var inlines: [Inline]
    /// Where it sits.
    public var place: TextPlace
    /// The index of its chapter.
    public var chapter: Int
    /// Where the block holding it starts.
    public var location: Location
    /// Its sentences.
    public var sentences: [Sentence]
    /// Its words, in order.
    public var words: [Word] { sentences.flatMap(\.words) }
}

/// The words and sentences of a guide, counted in one place for every rule
/// and for the reading-level figures.
public struct TextIndex: Sendable {
    /// Every run of text in the guide, in order.
    public var runs: [TextRun]
    /// The reading level of the guide's running text (``scoredSentences(chapter:)``), counted once.
    public private(set) var readability: Readability
    /// The reading level of each chapter's running text, by chapter index.
    public private(set) var chapterReadability: [Readability]

    /// Every sentence, in order.
    public var sentences: [Sentence] { runs.flatMap(\.sentences) }

    /// Indexes `guide`, placing words with `source`.
    public init(guide: Guide, source: SourceMap) {
        var runs: [TextRun] = []
        // A guide uses a few hundred different words: count each one's syllables once.
        var syllables = SyllableMemo()
        func add(_ inlines: [Inline], _ place: TextPlace, _ chapter: Int, _ location: Location) {
            let sentences = TextIndex.sentences(in: inlines, place: place, chapter: chapter, source: source, syllables: &syllables)
            runs.append(TextRun(inlines: inlines, place: place, chapter: chapter, location: location, sentences: sentences))
        }
        for (index, chapter) in guide.chapters.enumerated() {
            if let heading = chapter.heading { add(heading.content, .heading, index, chapter.location) }
            Block.forEach(in: chapter.blocks) { block in
                switch block.kind {
                case .heading(let heading): add(heading.content, .heading, index, block.location)
                case .paragraph(let content): add(content, .prose, index, block.location)
                case .table(let table):
                    for cell in table.header { add(cell, .tableHeader, index, block.location) }
                    for cell in table.rows.flatMap({ $0 }) { add(cell, .prose, index, block.location) }
                case .writeSpace(let space): add(space.prompt, .writePrompt, index, block.location)
                case .easyRead(let rows):
                    for row in rows { add(row.content, .easyRead, index, row.location) }
                case .list, .quote, .callout, .picture, .contact: break
                }
            }
        }
        self.runs = runs
        var chapters = Array(repeating: Readability.zero, count: guide.chapters.count)
        for run in runs where run.place == .prose && chapters.indices.contains(run.chapter) {
            chapters[run.chapter].add(run.sentences)
        }
        chapterReadability = chapters
        readability = chapters.reduce(into: Readability.zero) { $0.add($1) }
    }

    /// Splits `inlines` into sentences of words with their source locations.
    public static func sentences(in inlines: [Inline], place: TextPlace, chapter: Int, source: SourceMap) -> [Sentence] {
        var syllables = SyllableMemo()
        return sentences(in: inlines, place: place, chapter: chapter, source: source, syllables: &syllables)
    }
}

// MARK: - Implementation

private extension TextIndex {
    /// Syllable counts of the words seen so far: the guide's, then the build's.
    struct SyllableMemo {
        var counts: [String: Int] = [:]
        /// Words of at most eight bytes by their bytes as one integer (no word holds a NUL, so
        /// two words have the same key only when they are the same): hashing a string cost more
        /// than the rest of indexing a word (issue #23).
        var short: [UInt64: Int] = [:]

        mutating func count(_ word: String) -> Int {
            if let known = counts[word] { return known }
            let counted = SyllableMemo.shared.count(word)
            counts[word] = counted
            return counted
        }

        /// ``count(_:)`` of `word`, whose UTF-8 is `bytes`.
        mutating func count(_ word: String, bytes: [UInt8]) -> Int {
            guard bytes.count <= 8, !bytes.isEmpty, !bytes.contains(0) else { return count(word) }
            var key: UInt64 = 0
            for (index, byte) in bytes.enumerated() { key |= UInt64(byte) << (8 * UInt64(index)) }
            if let known = short[key] { return known }
            let counted = SyllableMemo.shared.count(word)
            short[key] = counted
            return counted
        }

        /// The words every guide of a build counted (issue #23): the guides of one place share
        /// most of their words. Forgotten when it holds ``Shared/limit`` words, so a long build
        /// or preview holds a bounded number.
        static let shared = Shared()

        final class Shared: @unchecked Sendable {
            static let limit = 50_000
            private let lock = NSLock()
            private var counts: [String: Int] = [:]

            func count(_ word: String) -> Int {
                if let known = lock.withLock({ counts[word] }) { return known }
                let counted = Syllables.count(word)
                lock.withLock {
                    if counts.count >= Shared.limit { counts.removeAll() }
                    counts[word] = counted
                }
                return counted
            }
        }
    }

    static func sentences(in inlines: [Inline], place: TextPlace, chapter: Int, source: SourceMap, syllables: inout SyllableMemo) -> [Sentence] {
        var atoms: [Atom] = []
        var pieces: [Piece] = []
        // Room for them all first (a character is at least a byte): grown an atom at a time,
        // the arrays were copied 8 times a run (issue #23).
        var bytes = 0, count = 0
        SentenceSplitter.forEachPiece(of: inlines) { text, _, _, _ in
            bytes += text.utf8.count
            count += 1
        }
        atoms.reserveCapacity(bytes)
        pieces.reserveCapacity(count)
        collect(inlines, source: source, into: &atoms, pieces: &pieces)
        return segment(atoms, pieces: pieces, syllables: &syllables).map { Sentence(words: $0, place: place, chapter: chapter) }
    }

    /// One character of text with its place (its piece's file); `"\n"` is a line break.
    struct Atom {
        var scalar: Unicode.Scalar
        var line: Int
        var column: Int
        /// Its piece, in ``Piece``s: a character holds no string of its own (issue #23).
        var piece: Int
        /// Whether it continues a phone number, glossary word or abbreviation, in which no sentence ends.
        var joined: Bool
    }

    /// What the characters of one inline share.
    struct Piece {
        var file: String
        var origin: Word.Origin
    }

    /// The characters of `inlines` in the order ``SentenceSplitter`` reads them.
    static func collect(_ inlines: [Inline], source: SourceMap, into atoms: inout [Atom], pieces: inout [Piece]) {
        SentenceSplitter.forEachPiece(of: inlines) { text, inline, atomic, inLink in
            let origin: Word.Origin
            switch inline.kind {
            case .phone: origin = .phone
            case .term(let use): origin = inLink ? .link : .term(use.term)
            case .abbreviation: origin = inLink ? .link : .abbreviation
            case .text, .lineBreak, .emphasis, .strong, .link: origin = inLink ? .link : .text
            }
            let piece = pieces.count
            pieces.append(Piece(file: inline.location.file, origin: origin))
            if case .lineBreak = inline.kind {
                atoms.append(Atom(scalar: "\n", line: inline.location.line, column: inline.location.column, piece: piece, joined: false))
                return
            }
            let places = source.positions(of: text, startingAt: inline.location)
            for (offset, (scalar, place)) in zip(text.unicodeScalars, places).enumerated() {
                atoms.append(Atom(scalar: scalar, line: place.line, column: place.column, piece: piece, joined: atomic && offset > 0))
            }
        }
    }

    /// Joins two word characters inside a word: `don't`, `well-known`, `8.30`, `1,000`.
    static func isJoiner(_ scalar: Unicode.Scalar, between before: Unicode.Scalar, and after: Unicode.Scalar) -> Bool {
        switch scalar {
        case "'", "’", "-", "‑": return before.isWordCharacter && after.isWordCharacter
        case ".", ",", ":": return before.isDigit && after.isDigit
        default: return false
        }
    }

    /// The words of `atoms`, sentence by sentence, the sentences found by ``SentenceSplitter``.
    static func segment(_ atoms: [Atom], pieces: [Piece], syllables: inout SyllableMemo) -> [[Word]] {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(atoms.count)
        for atom in atoms { scalars.append(atom.scalar) }
        let ranges = SentenceSplitter.ranges(in: scalars, joined: { atoms[$0].joined })
        var sentences: [[Word]] = []
        // The word so far, as UTF-8: one String a word, not one append a character (issue #8).
        var current: [UInt8] = []
        var start: Atom?
        var words: [Word] = []
        func append(_ scalar: Unicode.Scalar) {
            if scalar.isASCII { current.append(UInt8(scalar.value)) } else { UTF8.encode(scalar) { current.append($0) } }
        }
        func endWord() {
            if let first = start, !current.isEmpty {
                let text = String(decoding: current, as: UTF8.self)
                let piece = pieces[first.piece]
                words.append(Word(
                    text: text, location: Location(file: piece.file, line: first.line, column: first.column), origin: piece.origin,
                    syllables: syllables.count(text, bytes: current)))
            }
            current.removeAll(keepingCapacity: true)
            start = nil
        }
        for range in ranges {
            for index in range {
                let scalar = scalars[index]
                let previous = index > range.lowerBound ? scalars[index - 1] : " "
                let next = index + 1 < range.upperBound ? scalars[index + 1] : " "
                if scalar.isWordCharacter || (!current.isEmpty && isJoiner(scalar, between: previous, and: next)) {
                    if start == nil { start = atoms[index] }
                    append(scalar)
                } else if scalar == "%" && !current.isEmpty && previous.isDigit {
                    append(scalar)
                } else {
                    endWord()
                }
            }
            endWord()
            if !words.isEmpty { sentences.append(words) }
            words = []
        }
        return sentences
    }
}
