import WaymarkModel

/// Splits running text into sentences, keeping each inline's kind and place.
enum SentenceSplitter {
    /// The sentences of `inlines`: a sentence ends at `.`, `!` or `?` followed by a space, or at a line break.
    static func sentences(_ inlines: [Inline]) -> [[Inline]] {
        var sentences: [[Inline]] = []
        var current: [Inline] = []
        func finish() {
            let trimmed = trim(current)
            if !trimmed.isEmpty { sentences.append(trimmed) }
            current = []
        }
        for inline in inlines {
            switch inline.kind {
            case .lineBreak:
                finish()
            case .text(let text):
                var start = text.startIndex
                var index = text.startIndex
                while index < text.endIndex {
                    let character = text[index]
                    let next = text.index(after: index)
                    if ".!?".contains(character), next < text.endIndex, text[next] == " " {
                        let offset = text.distance(from: text.startIndex, to: start)
                        current.append(Inline(.text(String(text[start...index])), at: shifted(inline.location, offset)))
                        finish()
                        start = next
                    }
                    index = next
                }
                if start < text.endIndex {
                    let offset = text.distance(from: text.startIndex, to: start)
                    current.append(Inline(.text(String(text[start...])), at: shifted(inline.location, offset)))
                }
            default:
                current.append(inline)
            }
        }
        finish()
        return sentences
    }

    private static func shifted(_ location: Location, _ offset: Int) -> Location {
        Location(file: location.file, line: location.line, column: location.column + offset)
    }

    /// Removes leading and trailing spaces of a sentence.
    private static func trim(_ inlines: [Inline]) -> [Inline] {
        var result = inlines
        if let first = result.first, case .text(let text) = first.kind {
            let stripped = String(text.drop { $0 == " " })
            let dropped = text.count - stripped.count
            if stripped.isEmpty { result.removeFirst() } else {
                result[0] = Inline(.text(stripped), at: shifted(first.location, dropped))
            }
        }
        if let last = result.last, case .text(let text) = last.kind {
            var stripped = text
            while stripped.hasSuffix(" ") { stripped.removeLast() }
            if stripped.isEmpty { result.removeLast() } else { result[result.count - 1] = Inline(.text(stripped), at: last.location) }
        }
        return result
    }
}
