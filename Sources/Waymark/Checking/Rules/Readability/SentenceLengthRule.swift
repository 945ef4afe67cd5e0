import WaymarkModel

/// Short sentences.
struct SentenceLengthRule: Rule {
    static let description = RuleDescription(
        id: "sentence-length",
        name: "Sentence length",
        summary: "A sentence of more than 25 words, or more than 15 words in an easy-read row.",
        rationale: """
            Long sentences are the main reason text is hard to read: the reader must hold the start in mind \
            until the end. Plain-language guides aim for 15–20 words on average and 25 at most; easy read \
            asks for 10–15 words and one idea in each sentence. Headings, list items and line breaks end a \
            sentence, so a list is a good way to split one up.
            """,
        severity: .warning,
        standards: [Standard("Plain language", "NHS content guide: sentences of 25 words or fewer"),
                    Standard("UK government", "Accessible communication formats: sentences of 10–15 words")],
        parameters: [
            RuleParameter("max", default: Thresholds.sentenceMaximumWords, range: 1...200, "The most words in a sentence of standard text."),
            RuleParameter("easy-read-max", default: Thresholds.easyReadSentenceMaximumWords, range: 1...100, "The most words in an easy-read sentence."),
        ],
        passing: [RuleExample("You can bring someone with you. They can be a friend or a trusted adult.\n")],
        failing: [
            RuleExample("↓If you would like to bring someone with you to the meeting then you should tell your social worker before the day so that they can make sure there is a chair for them.\n"),
            RuleExample(":::easy-read\n![A person on the phone](pictures/phone.svg)\n↓You can phone the helpline at any time of the day or night and a friendly person will answer you.\n:::\n"),
        ]
    )

    func check(guide context: GuideContext) -> [Diagnostic] {
        let standard = Int(context.parameter("max"))
        let easyRead = Int(context.parameter("easy-read-max"))
        var findings: [Diagnostic] = []
        for sentence in context.text.sentences {
            let limit: Int
            switch sentence.place {
            case .prose, .writePrompt: limit = standard
            case .easyRead: limit = easyRead
            case .heading, .tableHeader: continue
            }
            guard sentence.words.count > limit else { continue }
            let kind = sentence.place == .easyRead ? "an easy-read sentence" : "a sentence"
            findings.append(context.finding(
                at: sentence.location, "this sentence has \(sentence.words.count) words; \(kind) should have \(limit) or fewer",
                hint: "split it into shorter sentences with one idea each, or turn it into a list"))
        }
        return findings
    }
}
