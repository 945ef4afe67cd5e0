import WaymarkModel

/// Every chapter has an easy-read version that follows the easy-read rules.
struct EasyReadCoverageRule: Rule {
    static let description = RuleDescription(
        id: "easy-read-coverage",
        name: "Easy-read coverage",
        summary: "A chapter with no easy-read block whose sentences are too long for easy read; an easy-read row with no picture; a row with more than 2 sentences.",
        rationale: """
            The easy-read version uses each chapter's ':::easy-read' block. Where a chapter has none, it \
            shows the chapter's own text one sentence a row, so every sentence there must keep to easy-read \
            length. Each row is one idea with a picture beside it; the easy-read writer will be able to \
            choose a picture for a row that has none, so a missing picture is a warning. Only checked when \
            the guide is built as easy read.
            """,
        severity: .warning,
        standards: [Standard("Department of Health", "Making written information easier to understand (2010): a picture beside every idea"),
                    Standard("UK government", "Accessible communication formats: easy read")],
        parameters: [
            RuleParameter("max-words", default: Thresholds.easyReadSentenceMaximumWords, range: 1...100, "The most words in a sentence that easy read shows as it is."),
            RuleParameter("max-sentences", default: Thresholds.easyReadRowMaximumSentences, range: 1...20, "The most sentences in one easy-read row."),
        ],
        passing: [
            RuleExample("# Help\n\n:::easy-read\n![A person on the phone](pictures/phone.svg)\nYou can phone for help.\n:::\n\nYou can phone a helpline at any time of the day or night, and someone kind will answer.\n"),
            RuleExample("# Help\n\nYou can phone a helpline at any time of the day or night, and someone kind will answer.\n", frontMatter: "formats: [text, epub]\n"),
            RuleExample("# Help\n\n:::easy-read\n![A person on the phone](pictures/phone.svg)\nBring someone you trust, e.g. a friend. Dr. Patel will be there too.\n:::\n"),
        ],
        failing: [
            RuleExample("# Help\n\nYou can get help. ↓You can phone a helpline at any time of the day or night, and someone kind will answer.\n"),
            RuleExample("# Help\n\n:::easy-read\n↓You can phone for help.\n:::\n"),
            RuleExample("# Help\n\n:::easy-read\n![A person on the phone](pictures/phone.svg)\nYou can phone. It is free. ↓It is open all day.\n:::\n"),
            RuleExample("# Help\n\n:::easy-read\n![A person on the phone](pictures/phone.svg)\nIt is OK to say no. Tell an adult. ↓They will help.\n:::\n"),
        ]
    )

    func check(guide context: GuideContext) -> [Diagnostic] {
        guard context.buildsEasyRead else { return [] }
        let maxWords = Int(context.parameter("max-words"))
        let maxSentences = Int(context.parameter("max-sentences"))
        var findings: [Diagnostic] = []
        for (index, chapter) in context.guide.chapters.enumerated() {
            var rows: [EasyReadRow] = []
            Block.forEach(in: chapter.blocks) { block in
                if case .easyRead(let blockRows) = block.kind { rows += blockRows }
            }
            if rows.isEmpty {
                for sentence in EasyReadCoverageRule.sentencesShownAsRows(context.text, chapter: index) where sentence.words.count > maxWords {
                    findings.append(context.finding(
                        at: sentence.location, "this chapter has no easy-read block, so easy read shows this sentence as it is, and it has \(sentence.words.count) words (easy read: \(maxWords) at most)",
                        hint: "add a ':::easy-read' block to the chapter with short sentences and pictures, or split this sentence"))
                }
            }
            // The text index read these rows, in this order, as runs of their own (TextIndex.init):
            // their sentences are taken from it, not split again (issue #23).
            let indexed = context.text.runs.filter { $0.chapter == index && $0.place == .easyRead }
            for (position, row) in rows.enumerated() {
                if row.picture == nil {
                    findings.append(context.finding(
                        at: row.location, "this easy-read row has no picture",
                        hint: "start the row with a picture line that shows its idea, e.g. ![A person on the phone](pictures/phone.svg)"))
                }
                let sentences = indexed.count == rows.count && indexed[position].inlines == row.content
                    ? indexed[position].sentences : EasyReadCoverageRule.sentences(of: row, chapter: index, source: context.source)
                if sentences.count > maxSentences {
                    findings.append(context.finding(
                        at: sentences[maxSentences].location, "this easy-read row has \(sentences.count) sentences; a row holds \(maxSentences) at most",
                        hint: "start a new row (a blank line, then a picture line) for the next idea"))
                }
            }
        }
        return findings
    }
}

// MARK: - Sentences

extension EasyReadCoverageRule {
    /// The sentences that easy read shows one a row in chapter `chapter` when it has no easy-read
    /// block: those of its running text, found by ``SentenceSplitter`` as ``EasyReadTransform`` finds them.
    static func sentencesShownAsRows(_ text: TextIndex, chapter: Int) -> [Sentence] {
        text.runs.filter { $0.chapter == chapter && $0.place == .prose }.flatMap(\.sentences)
    }

    /// The sentences of an easy-read row, which the easy-read writer prints one a line.
    static func sentences(of row: EasyReadRow, chapter: Int, source: SourceMap) -> [Sentence] {
        TextIndex.sentences(in: row.content, place: .easyRead, chapter: chapter, source: source)
    }
}
