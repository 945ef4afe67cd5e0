import WaymarkModel

/// Initials are explained in `abbreviations:`, so every format can write them out.
struct AbbreviationsRule: Rule {
    static let description = RuleDescription(
        id: "abbreviations",
        name: "Abbreviations",
        summary: "A word in capitals of two or more letters (CAMHS, GP) must be listed in 'abbreviations:' unless everyone knows it (UK, OK, TV, ID).",
        rationale: """
            Many young people, and most readers with a learning disability, do not know what initials stand \
            for. Listed abbreviations are written out on first use in every format, and in full in easy \
            read. Each unlisted abbreviation is reported once, where it is first used.
            """,
        severity: .warning,
        standards: [Standard("WCAG 2.2", "3.1.4 Abbreviations"), Standard("UK government", "Accessible communication formats: full words, not initials")],
        passing: [
            RuleExample("Talk to your GP or watch TV.\n", frontMatter: "abbreviations:\n  GP: doctor\n"),
            RuleExample("Ask at the UK office. It is OK.\n"),
        ],
        failing: [RuleExample("Ask ↓CAMHS for help. CAMHS can help.\n")]
    )

    /// Abbreviations everyone knows, which need no expansion.
    static let wellKnown: Set<String> = ["UK", "OK", "TV", "ID", "PIN", "PE", "BBC", "DJ", "USB", "AM", "PM", "DVD", "CD", "PC"]

    func check(guide context: GuideContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        var reported: Set<String> = []
        let listed = Set(context.guide.metadata.abbreviations.map(\.abbreviation))
        for run in context.text.runs {
            let words = run.words
            for (index, word) in words.enumerated() where word.origin == .text || word.origin == .link {
                // Most words are plain lower-case ASCII and cannot be abbreviations.
                guard word.text.utf8.contains(where: { !(0x61...0x7A).contains($0) && $0 != 0x27 }) else { continue }
                var text = word.text
                if text.hasSuffix("s") { text.removeLast() }
                // Capitals first: it is told on the bytes, and few words pass it (issue #23).
                guard Word.isAllCapitals(text) else { continue }
                let letters = text.filter(\.isLetter)
                guard letters.count >= 2,
                      !AbbreviationsRule.wellKnown.contains(letters), !listed.contains(text),
                      !(run.place == .easyRead && Words.isRomanNumeral(text)),
                      !isInCapitalsRun(words, index), reported.insert(text).inserted else { continue }
                findings.append(context.finding(
                    at: word.location, "'\(text)' is not explained",
                    hint: "add it to the front matter under 'abbreviations:' with what it stands for (e.g. '\(text): …'), or write the words out in full"))
            }
        }
        return findings
    }

    /// Whether the word is inside a block of capitals (the capitals check reports those).
    private func isInCapitalsRun(_ words: [Word], _ index: Int) -> Bool {
        var start = index, end = index
        while start > 0, words[start - 1].isAllCapitals { start -= 1 }
        while end + 1 < words.count, words[end + 1].isAllCapitals { end += 1 }
        return end - start + 1 >= Int(Thresholds.capitalsRunWords)
    }
}
