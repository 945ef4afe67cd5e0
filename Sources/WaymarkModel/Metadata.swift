/// A guide's front matter, checked and typed.
public struct Metadata: Hashable, Sendable {
    /// The title (required).
    public var title: String
    /// A subtitle.
    public var subtitle: String?
    /// The BCP 47 language tag (required), e.g. `en-GB`.
    public var language: String
    /// Who the guide is for, shown on the cover.
    public var audience: String?
    /// The target reading age in years.
    public var readingAge: Int?
    /// Who publishes it (required).
    public var publisher: String
    /// The publication date (required).
    public var published: GuideDate
    /// When the guide should be reviewed.
    public var reviewBy: GuideDate?
    /// The guide's version.
    public var version: String?
    /// A stable identifier; derived from publisher and slug when absent.
    public var identifier: String?
    /// A short summary (required).
    public var summary: String
    /// Keywords.
    public var keywords: [String]
    /// A cover picture.
    public var cover: Picture?
    /// The formats to build; nil means every format.
    public var formats: [String]?
    /// Hard words and their explanations, in source order.
    public var glossary: [GlossaryEntry]
    /// Abbreviations and their expansions, in source order.
    public var abbreviations: [AbbreviationEntry]
    /// Per-guide check settings, by rule id.
    public var checks: [CheckSetting]
    /// The slug of the guide this one translates (`translation-of:`), whose other versions it lists.
    public var translationOf: String?

    /// Creates metadata.
    public init(
        title: String, subtitle: String? = nil, language: String, audience: String? = nil,
        readingAge: Int? = nil, publisher: String, published: GuideDate, reviewBy: GuideDate? = nil,
        version: String? = nil, identifier: String? = nil, summary: String, keywords: [String] = [],
        cover: Picture? = nil, formats: [String]? = nil, glossary: [GlossaryEntry] = [],
        abbreviations: [AbbreviationEntry] = [], checks: [CheckSetting] = [], translationOf: String? = nil
    ) {
        self.translationOf = translationOf
        self.title = title
        self.subtitle = subtitle
        self.language = language
        self.audience = audience
        self.readingAge = readingAge
        self.publisher = publisher
        self.published = published
        self.reviewBy = reviewBy
        self.version = version
        self.identifier = identifier
        self.summary = summary
        self.keywords = keywords
        self.cover = cover
        self.formats = formats
        self.glossary = glossary
        self.abbreviations = abbreviations
        self.checks = checks
    }

    /// Whether the language is written right to left (Arabic, Hebrew, Persian, Urdu…).
    public var isRightToLeft: Bool { Metadata.isRightToLeft(language: language) }

    /// Whether `language` (a BCP 47 tag) is written right to left.
    public static func isRightToLeft(language: String) -> Bool {
        let primary = language.split(separator: "-").first.map { $0.lowercased() } ?? ""
        return ["ar", "arc", "ckb", "dv", "fa", "he", "iw", "ks", "ps", "sd", "ug", "ur", "yi"].contains(primary)
    }
}

/// A calendar date as written in front matter (`2026-11-01`).
public struct GuideDate: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The year.
    public var year: Int
    /// The month, 1 to 12.
    public var month: Int
    /// The day of the month.
    public var day: Int

    /// Creates a date.
    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The ISO 8601 form, `YYYY-MM-DD`.
    public var description: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// Orders dates in time.
    public static func < (lhs: GuideDate, rhs: GuideDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}

/// A glossary entry: a hard word and what it means.
public struct GlossaryEntry: Hashable, Sendable {
    /// The word, as the author wrote it in `glossary:`.
    public var term: String
    /// Its explanation.
    public var explanation: String
    /// Where the entry is in the front matter.
    public var location: Location

    /// Creates an entry.
    public init(term: String, explanation: String, location: Location) {
        self.term = term
        self.explanation = explanation
        self.location = location
    }
}

/// An abbreviation and what it stands for.
public struct AbbreviationEntry: Hashable, Sendable {
    /// The abbreviation (`CSE`).
    public var abbreviation: String
    /// What it stands for.
    public var expansion: String
    /// Where the entry is in the front matter.
    public var location: Location

    /// Creates an entry.
    public init(abbreviation: String, expansion: String, location: Location) {
        self.abbreviation = abbreviation
        self.expansion = expansion
        self.location = location
    }
}

/// A guide's setting for one check: off, or on with parameters.
public struct CheckSetting: Hashable, Sendable {
    /// The rule id (`sentence-length`).
    public var rule: String
    /// Whether the rule runs.
    public var enabled: Bool
    /// Numeric parameters (`max: 20`).
    public var parameters: [String: Double]
    /// Where the setting is in the front matter.
    public var location: Location

    /// Creates a setting.
    public init(rule: String, enabled: Bool, parameters: [String: Double] = [:], location: Location) {
        self.rule = rule
        self.enabled = enabled
        self.parameters = parameters
        self.location = location
    }
}
