import WaymarkModel

/// Plain words instead of hard ones; long words in easy read explained in the glossary.
struct HardWordsRule: Rule {
    static let description = RuleDescription(
        id: "hard-words",
        name: "Hard words",
        summary: "A word with a plainer alternative ('utilise' → 'use'), or a word of 4 or more syllables in easy read that the glossary does not explain.",
        rationale: """
            Young people reading about abuse or a child protection meeting are often anxious; everyday words \
            let them take in what matters. The list of hard words ships with Waymark (plain-words.txt, \
            \(PlainWords.listed.count) entries). In easy read, a long word must be explained: add it to the glossary \
            and every format explains it where it is used.
            """,
        severity: .warning,
        standards: [Standard("UK government", "Accessible communication formats: easy read"), Standard("Inclusion Europe", "Information for all")],
        parameters: [RuleParameter("syllables", default: Thresholds.easyReadHardWordSyllables, range: 1...20, "Syllables that make a word hard in easy read.")],
        passing: [
            RuleExample("We will use the plan to start again.\n"),
            RuleExample(":::easy-read\n![A person on the phone](pictures/phone.svg)\nYour advocate can help you.\n:::\n",
                        frontMatter: "glossary:\n  advocate: Someone who helps you say what you think.\n"),
        ],
        failing: [
            RuleExample("We will ↓utilise the plan to ↓commence again.\n"),
            RuleExample("You can talk ↓prior to the meeting.\n"),
            RuleExample(":::easy-read\n![A person on the phone](pictures/phone.svg)\nYour ↓representative can help you.\n:::\n"),
        ]
    )

    func check(guide context: GuideContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        let syllableLimit = Int(context.parameter("syllables"))
        for run in context.text.runs where run.place != .tableHeader {
            for sentence in run.sentences {
                let words = sentence.words
                let lowered = words.map { Words.normalised($0.text) }
                var index = 0
                while index < lowered.count {
                    if HardWordsRule.mayBePlainer(words[index].origin), let entry = PlainWords.match(lowered, at: index) {
                        let phrase = words[index..<(index + entry.words.count)].map(\.text).joined(separator: " ")
                        findings.append(context.finding(
                            at: words[index].location, "'\(phrase)' is a hard word; a plainer one is '\(entry.alternative)'",
                            hint: "write '\(entry.alternative)' instead, if it fits the sentence"))
                        index += entry.words.count
                        continue
                    }
                    // Only easy read asks for long words to be explained (issue #23: whether a word
                    // is a name was asked of every word, through Unicode's tables).
                    if run.place == .easyRead, case .text = words[index].origin {
                        let word = words[index]
                        // A capital inside a sentence is a name ("Warwickshire"), which the glossary cannot change.
                        let isName = index > 0 && word.text.first?.isUppercase == true
                        if !isName, word.hasLetters, !context.isGlossaryTerm(word.text) {
                            let syllables = word.syllables
                            if syllables >= syllableLimit {
                                findings.append(context.finding(
                                    at: word.location, "'\(word.text)' has \(syllables) syllables and the glossary does not explain it",
                                    hint: "use a shorter word, or add '\(lowered[index])' to the glossary with a plain explanation"))
                            }
                        }
                    }
                    index += 1
                }
            }
        }
        return findings
    }

    /// Whether a word from `origin` may have a plainer alternative: running text and links, not
    /// glossary words, abbreviations or phone numbers.
    static func mayBePlainer(_ origin: Word.Origin) -> Bool {
        switch origin {
        case .text, .link: return true
        case .term, .abbreviation, .phone: return false
        }
    }
}
