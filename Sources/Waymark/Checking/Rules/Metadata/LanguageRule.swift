import WaymarkModel

/// The guide's language is a well-formed BCP 47 tag.
struct LanguageRule: Rule {
    static let description = RuleDescription(
        id: "language",
        name: "Language tag",
        summary: "The guide's 'language:' must be a well-formed BCP 47 language tag such as en-GB or cy.",
        rationale: """
            Screen readers and e-book readers choose their voice and pronunciation from the language tag, \
            and hyphenation and spelling tools use it too. A malformed tag ("English", "en_GB") is ignored, \
            so the guide may be read out in the wrong accent or language.
            """,
        severity: .error,
        standards: [Standard("WCAG 2.2", "3.1.1 Language of Page"), Standard("BCP 47", "RFC 5646 2.1 Syntax")],
        passing: [
            RuleExample("Text.\n"),
            RuleExample("Testun.\n", frontMatter: "language: cy\n"),
            RuleExample("Text.\n", frontMatter: "language: zh-Hant-HK\n"),
        ],
        failing: [
            RuleExample("Text.\n", frontMatter: "language: ↓en_GB\n"),
            RuleExample("Text.\n", frontMatter: "language: ↓English\n"),
        ]
    )

    func check(guide context: GuideContext) -> [Diagnostic] {
        let tag = context.guide.metadata.language
        let location = context.frontMatter("language")
        if tag.isEmpty {
            return [context.finding(at: location, "the guide has no language", hint: "write 'language: en-GB' for British English")]
        }
        guard !LanguageRule.isWellFormed(tag) else { return [] }
        var suggestion = tag.replacingOccurrences(of: "_", with: "-")
        if suggestion.lowercased().hasSuffix("-uk") { suggestion = String(suggestion.dropLast(2)) + "GB" }
        let hint = suggestion != tag && LanguageRule.isWellFormed(suggestion)
            ? "write '\(suggestion)' (a hyphen between the parts; 'GB' is the code for the United Kingdom)"
            : "write a language code such as 'en-GB' (British English), 'cy' (Welsh) or 'pl' (Polish)"
        return [context.finding(at: location, "'\(tag)' is not a valid language tag", hint: hint)]
    }

    /// Whether `tag` follows the BCP 47 syntax (RFC 5646 section 2.1), case-insensitively.
    static func isWellFormed(_ tag: String) -> Bool {
        let lowered = tag.lowercased()
        if irregular.contains(lowered) { return true }
        let subtags = lowered.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard subtags.allSatisfy({ !$0.isEmpty && $0.count <= 8 && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }) else { return false }
        var index = 0
        func isAlpha(_ s: String, _ range: ClosedRange<Int>) -> Bool { range.contains(s.count) && s.allSatisfy(\.isLetter) }
        func isDigits(_ s: String, _ count: Int) -> Bool { s.count == count && s.allSatisfy(\.isNumber) }
        // Private use only: x-whatever.
        if subtags[0] == "x" { return subtags.count > 1 }
        // Language: 2–3 letters, with up to three 3-letter extlangs. The syntax also allows 4–8
        // letters, but that space is reserved and none is registered, so "English" is refused.
        guard isAlpha(subtags[0], 2...3) else { return false }
        index = 1
        var extlangs = 0
        while index < subtags.count, extlangs < 3, isAlpha(subtags[index], 3...3) { index += 1; extlangs += 1 }
        if index < subtags.count, isAlpha(subtags[index], 4...4) { index += 1 }                                   // script
        if index < subtags.count, isAlpha(subtags[index], 2...2) || isDigits(subtags[index], 3) {                  // region
            // "UK" is not a region code (ISO 3166 reserves it); the United Kingdom is "GB".
            guard subtags[index] != "uk" else { return false }
            index += 1
        }
        while index < subtags.count {                                                                              // variants
            let s = subtags[index]
            guard (5...8).contains(s.count) || (s.count == 4 && s.first?.isNumber == true) else { break }
            index += 1
        }
        while index < subtags.count, subtags[index].count == 1, subtags[index] != "x" {                            // extensions
            index += 1
            let start = index
            while index < subtags.count, (2...8).contains(subtags[index].count) { index += 1 }
            guard index > start else { return false }
        }
        if index < subtags.count, subtags[index] == "x" {                                                          // private use
            return index + 1 < subtags.count
        }
        return index == subtags.count
    }

    /// Tags registered before RFC 4646 that do not follow the syntax.
    static let irregular: Set<String> = [
        "en-gb-oed", "i-ami", "i-bnn", "i-default", "i-enochian", "i-hak", "i-klingon", "i-lux", "i-mingo",
        "i-navajo", "i-pwn", "i-tao", "i-tay", "i-tsu", "sgn-be-fr", "sgn-be-nl", "sgn-ch-de",
    ]
}
