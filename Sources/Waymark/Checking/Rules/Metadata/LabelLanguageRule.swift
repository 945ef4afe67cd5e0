import WaymarkModel

/// The words Waymark adds to a guide's outputs can be written in the guide's language.
struct LabelLanguageRule: Rule {
    static let description = RuleDescription(
        id: "label-language",
        name: "Labels in the guide's language",
        summary: "Waymark has no label catalogue for the guide's language, so the words it adds (Contents, Who can help, Phone…) will be in English.",
        rationale: """
            Waymark adds words of its own to every output: the contents list, 'Who can help', the labels on \
            contact cards, the link that skips to the guide, what screen readers are told about the e-book. \
            They come from a catalogue for the guide's language: built in for English, Welsh, Polish, Romanian, \
            Panjabi, Urdu and Arabic, or Styles/labels/<language>.yml of your own. A guide in any other \
            language gets the English words, which a reader of that language may not understand, and which \
            a screen reader reads in the wrong voice. In Wales, the Welsh Language Standards require that \
            Welsh is not treated less favourably than English.
            """,
        severity: .warning,
        standards: [Standard("WCAG 2.2", "3.1.2 Language of Parts"), Standard("Welsh Language Standards", "No. 1) Regulations 2015")],
        passing: [
            RuleExample("Text.\n"),
            RuleExample("Testun.\n", frontMatter: "language: cy\n"),
            RuleExample("Tekst.\n", frontMatter: "language: pl-PL\n"),
            RuleExample("ਲਿਖਤ।\n", frontMatter: "language: pa-Guru\n"),
        ],
        failing: [
            RuleExample("Texte.\n", frontMatter: "language: ↓fr\n"),
            RuleExample("Testo.\n", frontMatter: "language: ↓it-IT\n"),
        ]
    )

    func check(guide context: GuideContext) -> [Diagnostic] {
        let language = context.guide.metadata.language
        guard !language.isEmpty, LanguageRule.isWellFormed(language), context.labels.catalogue(for: language) == nil else { return [] }
        let primary = language.split(separator: "-").first.map(String.init) ?? language
        return [context.finding(
            at: context.frontMatter("language"),
            "Waymark has no labels in '\(language)', so the words it adds to the outputs (Contents, Who can help, Phone…) will be in English",
            hint: "add a catalogue for the language: save 'waymark labels en' as Styles/labels/\(primary).yml, set 'language: \(primary)' in it and translate each label; the languages there are now: \(context.labels.languages.joined(separator: ", "))")]
    }
}
