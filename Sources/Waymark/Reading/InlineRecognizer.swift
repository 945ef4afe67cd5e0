import WaymarkModel

/// Finds phone numbers, glossary words and abbreviations in a text run and
/// splits it into inlines that say what they are.
struct InlineRecognizer {
    private struct Term {
        let words: [Character]
        let key: String
        /// The words' bytes when they are ASCII without a carriage return: the only terms an ASCII run can hold.
        var ascii: [UInt8]? {
            words.allSatisfy { $0.utf8.count == 1 && $0.isASCII && $0 != "\r" } ? words.map { $0.asciiValue ?? 0 } : nil
        }
    }

    /// The glossary's terms by their first character, longest first.
    private let terms: [Character: [Term]]
    /// The ASCII ones by their first byte, in the same order: (the bytes, the key).
    private let asciiTerms: [[(bytes: [UInt8], key: String)]]
    /// For each ASCII character, lower case: whether a term starts with it.
    private let termStartsASCII: [Bool]
    private let abbreviations: [String: String]

    /// Creates a recognizer for a guide's glossary and abbreviations.
    init(glossary: [GlossaryEntry], abbreviations: [AbbreviationEntry]) {
        // Longest first, so "child protection plan" wins over "child protection".
        let sorted = glossary
            .map { Term(words: Array($0.term.lowercased()), key: $0.term) }
            .filter { !$0.words.isEmpty }
            .sorted { $0.words.count > $1.words.count }
        terms = Dictionary(grouping: sorted) { $0.words[0] }
        var starts = [Bool](repeating: false, count: 128)
        for key in terms.keys { if let ascii = key.asciiValue { starts[Int(ascii)] = true } }
        termStartsASCII = starts
        var asciiTerms = [[(bytes: [UInt8], key: String)]](repeating: [], count: 128)
        for term in sorted {
            if let bytes = term.ascii { asciiTerms[Int(bytes[0])].append((bytes, term.key)) }
        }
        self.asciiTerms = asciiTerms
        self.abbreviations = Dictionary(abbreviations.map { ($0.abbreviation, $0.expansion) }, uniquingKeysWith: { first, _ in first })
    }

    /// Splits `text`, which starts at `location`, into text, phone, term and abbreviation inlines.
    func split(_ text: String, at location: Location) -> [Inline] {
        split([(text, location)])
    }

    /// Splits a run of text pieces (a paragraph's lines, joined by soft breaks) as one text,
    /// so that a glossary word or phone number may run across a line break; every inline
    /// keeps the place of its own first character.
    ///
    /// A run that is all ASCII without a carriage return (a character a byte) is read on its
    /// bytes (issue #23); `quick` false reads it a character at a time, as any other run, which
    /// the tests compare it with.
    func split(_ pieces: [(text: String, location: Location)], quick: Bool = true) -> [Inline] {
        let ascii = quick && pieces.allSatisfy { $0.text.utf8.allSatisfy { $0 < 0x80 && $0 != 0x0D } }
        var characters: [Character] = []
        // The run's UTF-8 and where each character starts in it, so that a stretch of characters
        // becomes a string without appending them one by one (issue #23).
        var utf8: [UInt8] = []
        var offsets: [Int] = []
        // Where each piece starts among the characters: a character's place is its piece's,
        // shifted by its offset in the piece (one Location a character cost more than the rest, issue #23).
        var starts: [(index: Int, location: Location)] = []
        // Each character's ASCII value, or nil: most tests are on these, not on Characters.
        var codes: [UInt8?] = []
        // The characters in lower case, for the glossary.
        var lowered: [Character] = []
        // An ASCII run's bytes in lower case, for the glossary.
        var loweredBytes: [UInt8] = []
        // Room for a character a byte, at most: the arrays are made once, not grown (issue #23).
        let most = pieces.reduce(0) { $0 + $1.text.utf8.count }
        utf8.reserveCapacity(most)
        if ascii {
            for piece in pieces {
                let first = utf8.count
                utf8 += piece.text.utf8
                if utf8.count > first { starts.append((first, piece.location)) }
            }
            loweredBytes = utf8.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
        } else {
            characters.reserveCapacity(most)
            offsets.reserveCapacity(most + 1)
            codes.reserveCapacity(most)
            lowered.reserveCapacity(most)
            for piece in pieces {
                let first = characters.count
                var offset = utf8.count
                // ASCII without a carriage return (which joins a line feed after it into one
                // character) is a character a byte: taken from a table, not found by breaking the
                // text into characters (issue #23).
                if piece.text.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) {
                    for byte in piece.text.utf8 {
                        characters.append(InlineRecognizer.asciiCharacters[Int(byte)])
                        offsets.append(offset)
                        offset += 1
                        codes.append(byte)
                        lowered.append(InlineRecognizer.asciiCharacters[Int((65...90).contains(byte) ? byte + 32 : byte)])
                    }
                } else {
                    for character in piece.text {
                        characters.append(character)
                        offsets.append(offset)
                        offset += character.utf8.count
                        let code = character.asciiValue
                        codes.append(code)
                        if let code {
                            lowered.append((65...90).contains(code) ? Character(Unicode.Scalar(code + 32)) : character)
                        } else {
                            lowered.append(Character(character.lowercased()))
                        }
                    }
                }
                utf8 += piece.text.utf8
                if characters.count > first { starts.append((first, piece.location)) }
            }
            offsets.append(utf8.count)
        }
        let count = ascii ? utf8.count : characters.count
        guard let last = starts.last else { return [] }
        let end = shifted(last.location, by: count - last.index)
        func place(_ index: Int) -> Location {
            guard index < count else { return end }
            var low = 0, high = starts.count - 1
            while low < high {
                let middle = (low + high + 1) / 2
                if starts[middle].index <= index { low = middle } else { high = middle - 1 }
            }
            return shifted(starts[low].location, by: index - starts[low].index)
        }
        func string(_ range: Range<Int>) -> String {
            ascii ? String(decoding: utf8[range], as: UTF8.self)
                : String(decoding: utf8[offsets[range.lowerBound]..<offsets[range.upperBound]], as: UTF8.self)
        }
        func code(_ index: Int) -> UInt8? { ascii ? utf8[index] : codes[index] }
        func isWordCharacter(_ index: Int) -> Bool {
            if let ascii = code(index) { return InlineRecognizer.isWordByte(ascii) }
            return InlineRecognizer.isWordCharacter(characters[index])
        }
        // Phone numbers are matched on characters: an ASCII run makes them only if a number may start.
        func phone(at index: Int) -> PhoneNumbers.Match? {
            if ascii && characters.isEmpty { characters = utf8.map { InlineRecognizer.asciiCharacters[Int($0)] } }
            return PhoneNumbers.match(in: characters, at: index)
        }
        var result: [Inline] = []
        var plainStart = 0
        var index = 0
        func flush(upTo end: Int) {
            if end > plainStart {
                result.append(Inline(.text(string(plainStart..<end)), at: place(plainStart)))
            }
        }
        while index < count {
            let atWordStart = index == 0 || !isWordCharacter(index - 1)
            guard atWordStart else { index += 1; continue }
            // A number starts with a digit or "+" (PhoneNumbers.match's own first test).
            let mayBePhone = code(index).map { $0 == UInt8(ascii: "+") || (48...57).contains($0) } ?? false
            if mayBePhone, let phone = phone(at: index) {
                flush(upTo: index)
                result.append(Inline(.phone(phone.number), at: place(index)))
                index = phone.range.upperBound
                plainStart = index
            } else if let (term, end) = ascii ? matchTerm(loweredBytes, at: index) : matchTerm(lowered, codes: codes, at: index) {
                flush(upTo: index)
                let use = GlossaryUse(text: string(index..<end), term: term)
                result.append(Inline(.term(use), at: place(index)))
                index = end
                plainStart = index
            } else if let (abbreviation, expansion, end) = ascii ? matchAbbreviation(utf8, at: index)
                        : matchAbbreviation(characters, codes: codes, at: index) {
                flush(upTo: index)
                let use = AbbreviationUse(text: abbreviation, expansion: expansion)
                result.append(Inline(.abbreviation(use), at: place(index)))
                index = end
                plainStart = index
            } else {
                index += 1
            }
        }
        flush(upTo: count)
        return result
    }
}

private extension InlineRecognizer {
    static let pluralEndings: [[Character]] = ["s", "es", "'s", "’s"].map(Array.init)

    /// The character of each ASCII byte.
    static let asciiCharacters: [Character] = (0..<128).map { Character(Unicode.Scalar(UInt8($0))) }

    /// A letter or a number (an ASCII one is told without looking up Unicode properties).
    static func isWordCharacter(_ character: Character) -> Bool {
        if let ascii = character.asciiValue { return isWordByte(ascii) }
        return character.isLetter || character.isNumber
    }

    /// An ASCII letter or digit.
    static func isWordByte(_ ascii: UInt8) -> Bool {
        (48...57).contains(ascii) || (65...90).contains(ascii) || (97...122).contains(ascii)
    }

    /// The plural endings an ASCII run can hold (`’s` is not ASCII), in the same order.
    static let asciiPluralEndings: [[UInt8]] = pluralEndings.filter { $0.allSatisfy(\.isASCII) }.map { $0.map { $0.asciiValue ?? 0 } }

    /// The characters as a string (`String(slice)` takes a slow generic path, issue #8).
    static func string(_ characters: ArraySlice<Character>) -> String {
        var text = ""
        text.reserveCapacity(characters.count)
        for character in characters { text.append(character) }
        return text
    }

    func shifted(_ location: Location, by offset: Int) -> Location {
        Location(file: location.file, line: location.line, column: location.column + offset)
    }

    func isWordEnd(_ characters: [Character], _ end: Int) -> Bool {
        end >= characters.count || !InlineRecognizer.isWordCharacter(characters[end])
    }

    /// A glossary term at `start`, allowing a plural ending (`advocates`, `witnesses`).
    func matchTerm(_ lowered: [Character], codes: [UInt8?], at start: Int) -> (String, Int)? {
        // An ASCII character no term starts with, without hashing a Character.
        if let ascii = codes[start], !termStartsASCII[Int(ascii | (ascii >= 65 && ascii <= 90 ? 0x20 : 0))] { return nil }
        guard let candidates = terms[lowered[start]] else { return nil }
        for term in candidates where start + term.words.count <= lowered.count {
            guard lowered[start..<(start + term.words.count)].elementsEqual(term.words) else { continue }
            let end = start + term.words.count
            if isWordEnd(lowered, end) { return (term.key, end) }
            for suffix in InlineRecognizer.pluralEndings
            where end + suffix.count <= lowered.count && lowered[end..<(end + suffix.count)].elementsEqual(suffix) && isWordEnd(lowered, end + suffix.count) {
                return (term.key, end + suffix.count)
            }
        }
        return nil
    }

    /// ``matchTerm(_:codes:at:)`` on an ASCII run's bytes in lower case.
    func matchTerm(_ lowered: [UInt8], at start: Int) -> (String, Int)? {
        let first = Int(lowered[start])
        guard termStartsASCII[first] else { return nil }
        func isWordEnd(_ end: Int) -> Bool { end >= lowered.count || !InlineRecognizer.isWordByte(lowered[end]) }
        for term in asciiTerms[first] where start + term.bytes.count <= lowered.count {
            guard lowered[start..<(start + term.bytes.count)].elementsEqual(term.bytes) else { continue }
            let end = start + term.bytes.count
            if isWordEnd(end) { return (term.key, end) }
            for suffix in InlineRecognizer.asciiPluralEndings
            where end + suffix.count <= lowered.count && lowered[end..<(end + suffix.count)].elementsEqual(suffix) && isWordEnd(end + suffix.count) {
                return (term.key, end + suffix.count)
            }
        }
        return nil
    }

    /// ``matchAbbreviation(_:codes:at:)`` on an ASCII run's bytes.
    func matchAbbreviation(_ bytes: [UInt8], at start: Int) -> (String, String, Int)? {
        guard !abbreviations.isEmpty, (65...90).contains(bytes[start]) || (48...57).contains(bytes[start]) else { return nil }
        var end = start
        while end < bytes.count, InlineRecognizer.isWordByte(bytes[end]) || bytes[end] == UInt8(ascii: "&") {
            end += 1
        }
        let word = String(decoding: bytes[start..<end], as: UTF8.self)
        if let expansion = abbreviations[word] { return (word, expansion, end) }
        // A plural such as "GPs".
        if word.hasSuffix("s"), let expansion = abbreviations[String(word.dropLast())] {
            return (String(word.dropLast()), expansion, end - 1)
        }
        return nil
    }

    func matchAbbreviation(_ characters: [Character], codes: [UInt8?], at start: Int) -> (String, String, Int)? {
        guard !abbreviations.isEmpty else { return nil }
        let first = characters[start]
        if let ascii = codes[start] {
            guard (65...90).contains(ascii) || (48...57).contains(ascii) else { return nil }
        } else {
            guard first.isUppercase || first.isNumber else { return nil }
        }
        var end = start
        while end < characters.count, InlineRecognizer.isWordCharacter(characters[end]) || characters[end] == "&" {
            end += 1
        }
        let word = InlineRecognizer.string(characters[start..<end])
        if let expansion = abbreviations[word] { return (word, expansion, end) }
        // A plural such as "GPs".
        if word.hasSuffix("s"), let expansion = abbreviations[String(word.dropLast())] {
            return (String(word.dropLast()), expansion, end - 1)
        }
        return nil
    }
}
