/// Finds the closest of several known words to a misspelt one, for "did you mean" hints.
enum Suggestions {
    /// The candidate nearest to `word`, if it is close enough to be a likely typo.
    static func closest(to word: String, in candidates: [String]) -> String? {
        let lowered = word.lowercased()
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(lowered, candidate.lowercased())
            if distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
        }
        guard let best else { return nil }
        let allowed = max(2, min(lowered.count, best.candidate.count) / 3)
        let isPrefix = best.candidate.hasPrefix(lowered) || lowered.hasPrefix(best.candidate)
        return best.distance <= allowed || isPrefix ? best.candidate : nil
    }

    /// A hint naming the nearest candidate, or listing them all.
    static func hint(for word: String, in candidates: [String], noun: String) -> String {
        if let match = closest(to: word, in: candidates) {
            return "did you mean '\(match)'? The \(noun)s are: \(candidates.joined(separator: ", "))."
        }
        return "the \(noun)s are: \(candidates.joined(separator: ", "))."
    }

    /// Levenshtein distance between two strings, by characters.
    static func editDistance(_ lhs: String, _ rhs: String) -> Int {
        let a = Array(lhs), b = Array(rhs)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
