import WaymarkModel

/// Numbers in easy read are digits, never percentages or Roman numerals.
struct EasyReadNumbersRule: Rule {
    static let description = RuleDescription(
        id: "easy-read-numbers",
        name: "Easy-read numbers",
        summary: "A percentage, a Roman numeral or a number written as a word in an easy-read row.",
        rationale: """
            Readers with a learning disability find digits easier than number words, and percentages and \
            Roman numerals hard or impossible. Write "3 people", not "three people"; "half" or "1 in 2", \
            not "50%". ("one" is left alone: it is more often a word, as in "no one", than a number.)
            """,
        severity: .warning,
        standards: [Standard("Inclusion Europe", "Information for all: numbers as digits, no percentages, no Roman numerals")],
        passing: [RuleExample(":::easy-read\n![A person on the phone](pictures/phone.svg)\nNo one should hurt you. 3 people can help.\n:::\n")],
        failing: [RuleExample(":::easy-read\n![A person on the phone](pictures/phone.svg)\n↓Three people can help. ↓50% of children said yes.\n\n![A person on the phone](pictures/phone.svg)\nRead part ↓II. It is ↓twenty pages.\n:::\n")]
    )

    /// Number words and their digits.
    static let numberWords: [String: String] = [
        "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9",
        "ten": "10", "eleven": "11", "twelve": "12", "thirteen": "13", "fourteen": "14", "fifteen": "15",
        "sixteen": "16", "seventeen": "17", "eighteen": "18", "nineteen": "19", "twenty": "20", "thirty": "30",
        "forty": "40", "fifty": "50", "sixty": "60", "seventy": "70", "eighty": "80", "ninety": "90",
        "hundred": "100", "thousand": "1,000", "million": "1,000,000",
    ]

    func check(guide context: GuideContext) -> [Diagnostic] {
        let listed = Set(context.guide.metadata.abbreviations.map(\.abbreviation))
        var findings: [Diagnostic] = []
        for run in context.text.runs where run.place == .easyRead {
            let words = run.words
            for (index, word) in words.enumerated() {
                let lowered = Words.normalised(word.text)
                let next = index + 1 < words.count ? Words.normalised(words[index + 1].text) : ""
                if word.text.hasSuffix("%") || lowered == "percent" || (lowered == "per" && next == "cent") {
                    findings.append(context.finding(
                        at: word.location, "a percentage is hard to understand in easy read",
                        hint: "say it in words and small numbers, e.g. 'half', '1 in 4' or 'most people'"))
                } else if word.origin == .text, Words.isRomanNumeral(word.text), !listed.contains(word.text) {
                    findings.append(context.finding(
                        at: word.location, "'\(word.text)' is a Roman numeral",
                        hint: "write the number in digits, e.g. 'part 2'"))
                } else if let digits = EasyReadNumbersRule.numberWords[lowered] {
                    findings.append(context.finding(
                        at: word.location, "the number '\(word.text)' is written as a word",
                        hint: "write it in digits: '\(digits)'"))
                }
            }
        }
        return findings
    }
}
