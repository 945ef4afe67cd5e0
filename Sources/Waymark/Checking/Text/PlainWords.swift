import Foundation

/// Hard words and phrases with plain alternatives, from `plain-words.txt`.
public enum PlainWords {
    /// One entry: the hard words (lower case) and the plain alternative.
    public struct Entry: Hashable, Sendable {
        /// The hard word or phrase, as words.
        public var words: [String]
        /// What to say instead.
        public var alternative: String
    }

    /// Every entry, with simple word forms added (`assists`, `assisted`, `assisting` for `assist`),
    /// keyed by first word; longest phrase first.
    public static let entries: [String: [Entry]] = {
        var result: [String: [Entry]] = [:]
        for entry in listed {
            for form in forms(of: entry.words) {
                result[form[0], default: []].append(Entry(words: form, alternative: entry.alternative))
            }
        }
        return result.mapValues { $0.sorted { $0.words.count > $1.words.count } }
    }()

    /// The entries as the file lists them.
    public static let listed: [Entry] = {
        guard let url = Bundle.module.url(forResource: "plain-words", withExtension: "txt"),
              let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { line in
            guard !line.hasPrefix("#") else { return nil }
            let parts = line.components(separatedBy: "→")
            guard parts.count == 2 else { return nil }
            let words = parts[0].lowercased().split(separator: " ").map(String.init)
            return words.isEmpty ? nil : Entry(words: words, alternative: parts[1].trimmingCharacters(in: .whitespaces))
        }
    }()

    /// The entry matching `words` from `index`, if any.
    public static func match(_ words: [String], at index: Int) -> Entry? {
        guard let candidates = entries[words[index]] else { return nil }
        return candidates.first { entry in
            index + entry.words.count <= words.count && Array(words[index..<(index + entry.words.count)]) == entry.words
        }
    }

    /// The forms of an entry's last word: as listed, plus -s, -ed, -ing.
    static func forms(of words: [String]) -> [[String]] {
        guard let last = words.last else { return [] }
        var endings: Set<String> = [last]
        if last.count > 3 {
            let stem = last.hasSuffix("e") ? String(last.dropLast()) : last
            endings.formUnion([last + "s", stem + "ed", stem + "ing"])
            if last.hasSuffix("y") { endings.formUnion([String(last.dropLast()) + "ies", String(last.dropLast()) + "ied"]) }
        }
        return endings.sorted().map { Array(words.dropLast()) + [$0] }
    }
}
