import WaymarkModel

/// What a rule sees when it checks a guide, and how it makes findings.
public struct GuideContext: Sendable {
    /// The guide.
    public let guide: Guide
    /// Its words and sentences.
    public let text: TextIndex
    /// Its source, to place findings exactly.
    public let source: SourceMap
    /// The date to compare dates with (from `SOURCE_DATE_EPOCH` or today); nil when unknown.
    public let today: GuideDate?
    /// The rule being run.
    public let rule: RuleDescription
    /// The rule's parameters after the project's and the guide's `checks:`.
    public let parameters: [String: Double]
    /// The glossary's words, lower case.
    public let glossaryTerms: Set<String>
    /// The label catalogues of the build.
    public var labels: LabelCatalogues = .builtIn

    /// Creates a context.
    public init(guide: Guide, text: TextIndex, source: SourceMap, today: GuideDate?, rule: RuleDescription, parameters: [String: Double] = [:]) {
        self.glossaryTerms = Set(guide.metadata.glossary.map { $0.term.lowercased() })
        self.guide = guide
        self.text = text
        self.source = source
        self.today = today
        self.rule = rule
        self.parameters = parameters
    }

    /// The value of parameter `name`: as set in `checks:`, else the rule's default.
    public func parameter(_ name: String) -> Double {
        parameters[name] ?? rule.parameters.first { $0.name == name }?.defaultValue ?? 0
    }

    /// A finding of this rule (at the rule's severity unless given).
    public func finding(_ severity: Diagnostic.Severity? = nil, at location: Location, _ message: String, hint: String) -> Diagnostic {
        Diagnostic(severity ?? rule.severity, at: location, message, hint: hint, rule: rule.id, standard: rule.standard)
    }

    /// The start of the file, for findings about the guide as a whole.
    public var start: Location { Location(file: guide.sourcePath, line: 1, column: 1) }

    /// Where a front matter key's value is (`language: ↓en-GB`), or the start of the file.
    public func frontMatter(_ key: String) -> Location {
        source.frontMatterValue(key, file: guide.sourcePath) ?? start
    }

    /// Whether the guide is built as easy read (its `formats:`, all by default).
    public var buildsEasyRead: Bool { builds(EasyReadWriter.id) }

    /// Whether the guide is built in the format `formatID` (its `formats:`, all by default).
    public func builds(_ formatID: String) -> Bool { guide.metadata.formats?.contains(formatID) ?? true }
}

/// What a rule sees when it checks a style sheet, and how it makes findings.
public struct StyleSheetContext: Sendable {
    /// The sheet as the project has it.
    public let sheet: StyleSheet
    /// The rule being run.
    public let rule: RuleDescription
    /// The rule's parameters after the project's `checks:`.
    public let parameters: [String: Double]

    /// Creates a context.
    public init(sheet: StyleSheet, rule: RuleDescription, parameters: [String: Double] = [:]) {
        self.sheet = sheet
        self.rule = rule
        self.parameters = parameters
    }

    /// The value of parameter `name`: as set in `checks:`, else the rule's default.
    public func parameter(_ name: String) -> Double {
        parameters[name] ?? rule.parameters.first { $0.name == name }?.defaultValue ?? 0
    }

    /// A finding of this rule (at the rule's severity unless given).
    public func finding(_ severity: Diagnostic.Severity? = nil, at location: Location, _ message: String, hint: String) -> Diagnostic {
        Diagnostic(severity ?? rule.severity, at: location, message, hint: hint, rule: rule.id, standard: rule.standard)
    }
}
