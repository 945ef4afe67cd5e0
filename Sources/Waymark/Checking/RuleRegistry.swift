/// Every rule Waymark runs, in the order `waymark rules` lists them.
public enum RuleRegistry {
    /// The rules. Add a new rule here (one line); a test fails until every rule file is listed.
    public static let all: [any Rule] = [
        PictureAltTextRule(),
        HeadingOrderRule(),
        LinkTextRule(),
        LanguageRule(),
        LabelLanguageRule(),
        AbbreviationsRule(),
        CapitalsRule(),
        ItalicsRule(),
        HiddenCharactersRule(),
        SentenceLengthRule(),
        HardWordsRule(),
        ReadingLevelRule(),
        EasyReadCoverageRule(),
        EasyReadNumbersRule(),
        GlossaryRule(),
        ContactsRule(),
        ReviewDateRule(),
        ToDoRule(),
        StyleContrastRule(),
        StyleFontSizeRule(),
        StyleLineHeightRule(),
        StyleFontFamilyRule(),
        StyleJustifyRule(),
        StyleHyphensRule(),
        StyleItalicsRule(),
        StyleUnderlineRule(),
        StyleColumnsRule(),
    ]

    /// The rule with `id`, if any.
    public static func rule(_ id: String) -> (any Rule)? {
        all.first { $0.description.id == id }
    }

    /// Every rule id.
    public static var ids: [String] { all.map(\.description.id) }

    /// A did-you-mean hint for an unknown rule id, listing the ids.
    public static func hint(for id: String) -> String {
        Suggestions.hint(for: id, in: ids, noun: "check")
    }
}
