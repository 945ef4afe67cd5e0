import Foundation

/// Counts syllables: from a table made from CMUdict (`scripts/make-syllable-table.py`),
/// with a rule-based guess for words the table does not have.
///
/// This is the checks' hottest path (every word of running text, issue #8), so it
/// works on Unicode scalars and never goes through Foundation's string search.
public enum Syllables {
    /// The syllables of `word` (any case; punctuation around it ignored).
    public static func count(_ word: String) -> Int {
        // Lower case, curly apostrophes straight; keep letters, apostrophes and hyphens.
        var cleaned = String.UnicodeScalarView()
        var numerals = 0
        var hyphens = 0
        for scalar in word.lowercased().unicodeScalars {
            if scalar.isASCII {
                switch scalar.value {
                case 0x61...0x7A, 0x27: cleaned.append(scalar)  // a–z, '
                case 0x2D: cleaned.append(scalar); hyphens += 1  // -
                case 0x30...0x39: numerals += 1
                default: break
                }
            } else if scalar == "’" {
                cleaned.append("'")
            } else if scalar.properties.isAlphabetic {
                cleaned.append(scalar)
            } else if scalar.properties.numericType != nil {
                numerals += 1
            }
        }
        if cleaned.isEmpty {
            // A number: about one syllable a digit ("0800" is "oh eight oh oh").
            return max(1, numerals)
        }
        let joined = hyphens == 0 ? String(cleaned) : String(cleaned.filter { $0 != "-" })
        if hyphens > 0 {
            let parts = cleaned.split(separator: "-").filter { !$0.isEmpty }
            if parts.count > 1, table[joined] == nil {
                return parts.reduce(0) { $0 + count(String($1)) }
            }
        }
        if let known = table[joined] { return known }
        for suffix in ["'s", "'"] where joined.hasSuffix(suffix) {
            if let known = table[String(joined.dropLast(suffix.count))] { return known }
        }
        return guess(joined.contains("'") ? String(joined.unicodeScalars.filter { $0 != "'" }) : joined)
    }

    /// A rule-based count for a lower-case word: vowel groups, less a silent final `e`.
    public static func guess(_ word: String) -> Int {
        let characters = Array(word)
        guard characters.count > 3 else { return 1 }
        let vowels: Set<Character> = ["a", "e", "i", "o", "u", "y", "à", "á", "â", "ä", "è", "é", "ê", "ë", "ì", "í", "î", "ï", "ò", "ó", "ô", "ö", "ù", "ú", "û", "ü"]
        var groups = 0
        var inVowel = false
        for character in characters {
            let isVowel = vowels.contains(character)
            if isVowel && !inVowel { groups += 1 }
            inVowel = isVowel
        }
        // A final "e" is silent ("make"), except in "-le" after a consonant ("table").
        if characters.last == "e", characters.count > 2, !vowels.contains(characters[characters.count - 2]) {
            let isConsonantLE = characters[characters.count - 2] == "l" && characters.count > 3 && !vowels.contains(characters[characters.count - 3])
            if !isConsonantLE { groups -= 1 }
        }
        // "-ed" is silent except after t or d ("walked", but "wanted").
        if word.hasSuffix("ed"), characters.count > 3, !["t", "d"].contains(characters[characters.count - 3]),
           !vowels.contains(characters[characters.count - 3]) {
            groups -= 1
        }
        // "-es" after most consonants is silent ("makes"), but not after s, x, z, ch, sh, g, c ("buses").
        if word.hasSuffix("es"), characters.count > 3, !["s", "x", "z", "h", "g", "c"].contains(characters[characters.count - 3]),
           !vowels.contains(characters[characters.count - 3]) {
            groups -= 1
        }
        return max(1, groups)
    }

    /// Whether the table was found (false only in a broken installation).
    public static var hasTable: Bool { !table.isEmpty }

    /// `word → syllables` from `syllables.tsv`.
    static let table: [String: Int] = {
        guard let url = Bundle.module.url(forResource: "syllables", withExtension: "tsv"),
              let data = try? Data(contentsOf: url) else { return [:] }
        return parseTable(Array(data))
    }()

    /// Parses `word<TAB>syllables` lines, straight from the bytes (issue #8: this ran in
    /// every process that checks and cost about as much as checking ten guides).
    static func parseTable(_ bytes: [UInt8]) -> [String: Int] {
        var table: [String: Int] = [:]
        table.reserveCapacity(130_000)
        bytes.withUnsafeBufferPointer { buffer in
            var lineStart = 0
            var tab = -1
            for index in 0...buffer.count {
                let byte = index < buffer.count ? buffer[index] : UInt8(ascii: "\n")
                if byte == UInt8(ascii: "\t"), tab < 0 {
                    tab = index
                } else if byte == UInt8(ascii: "\n") {
                    if tab > lineStart {
                        let word = String(decoding: UnsafeBufferPointer(rebasing: buffer[lineStart..<tab]), as: UTF8.self)
                        var number = 0
                        for digit in buffer[(tab + 1)..<index] where (48...57).contains(digit) { number = number * 10 + Int(digit - 48) }
                        table[word] = number
                    }
                    lineStart = index + 1
                    tab = -1
                }
            }
        }
        return table
    }
}
