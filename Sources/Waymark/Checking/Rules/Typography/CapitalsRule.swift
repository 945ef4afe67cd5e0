import WaymarkModel

/// No blocks of capitals.
struct CapitalsRule: Rule {
    static let description = RuleDescription(
        id: "capitals",
        name: "Capitals",
        summary: "A run of 4 or more words in capitals.",
        rationale: """
            Words in capitals all have the same rectangular outline, so they are harder to read, especially \
            for people with low vision or dyslexia, and screen readers may spell them out letter by letter. \
            Use bold for emphasis instead.
            """,
        severity: .warning,
        standards: [Standard("UKAAF", "G003 Clear and large print: no blocks of capitals")],
        parameters: [RuleParameter("min-words", default: Thresholds.capitalsRunWords, range: 1...100, "Words in capitals in a row that count as a block.")],
        passing: [RuleExample("You are **not to blame**. Call the NSPCC.\n", frontMatter: "abbreviations:\n  NSPCC: National Society for the Prevention of Cruelty to Children\n")],
        failing: [RuleExample("It is ↓NOT YOUR FAULT AT ALL. Tell someone.\n")]
    )

    func check(guide context: GuideContext) -> [Diagnostic] {
        let minimum = Int(context.parameter("min-words"))
        var findings: [Diagnostic] = []
        for run in context.text.runs {
            var block: [Word] = []
            func finish() {
                if block.count >= minimum {
                    let text = block.map(\.text).joined(separator: " ")
                    findings.append(context.finding(
                        at: block[0].location, "\(block.count) words in a row are in capitals ('\(text.prefix(40))')",
                        hint: "write them in ordinary letters; to make them stand out, use **bold**"))
                }
                block = []
            }
            // Sentence by sentence, the run's words in order, without copying them into one array.
            for sentence in run.sentences {
                for word in sentence.words {
                    if !word.hasLetters { continue }
                    if word.isAllCapitals && (word.text.count > 1 || !block.isEmpty) { block.append(word) } else { finish() }
                }
            }
            finish()
        }
        return findings
    }
}
