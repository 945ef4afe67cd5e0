import Foundation

/// Counts syllables: from a table made from CMUdict (`scripts/make-syllable-table.py`),
/// with a rule-based guess for words the table does not have.
public enum Syllables {
    /// The syllables of `word` (any case; punctuation around it ignored).
    public static func count(_ word: String) -> Int {
        let lowered = word.lowercased().replacingOccurrences(of: "’", with: "'")
        let letters = lowered.unicodeScalars.filter { $0.properties.isAlphabetic || $0 == "'" || $0 == "-" }
        if letters.isEmpty {
            // A number: about one syllable a digit ("0800" is "oh eight oh oh").
            return max(1, lowered.unicodeScalars.filter { $0.properties.numericType != nil }.count)
        }
        var cleaned = ""
        cleaned.unicodeScalars.append(contentsOf: letters)
        let parts = cleaned.split(separator: "-").map(String.init).filter { !$0.isEmpty }
        if parts.count > 1, table[cleaned.replacingOccurrences(of: "-", with: "")] == nil {
            return parts.reduce(0) { $0 + count($1) }
        }
        let joined = cleaned.replacingOccurrences(of: "-", with: "")
        if let known = table[joined] { return known }
        for suffix in ["'s", "'"] where joined.hasSuffix(suffix) {
            if let known = table[String(joined.dropLast(suffix.count))] { return known }
        }
        return guess(joined.replacingOccurrences(of: "'", with: ""))
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
        var table: [String: Int] = [:]
        table.reserveCapacity(130_000)
        for line in data.split(separator: UInt8(ascii: "\n")) {
            guard let tab = line.firstIndex(of: UInt8(ascii: "\t")) else { continue }
            let word = String(decoding: line[line.startIndex..<tab], as: UTF8.self)
            let digits = line[(tab + 1)...]
            var number = 0
            for digit in digits where (48...57).contains(digit) { number = number * 10 + Int(digit - 48) }
            table[word] = number
        }
        return table
    }()
}
