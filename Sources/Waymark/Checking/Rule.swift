import WaymarkModel

/// A check: a static description (what it flags, why, where the rule comes from,
/// with examples) and the check itself.
///
/// A rule is one file under `Checking/Rules/<Area>/` and one line in
/// ``RuleRegistry/all``. Guide rules implement ``check(guide:)``; style-sheet
/// rules implement ``check(styleSheet:)``. Both return findings made with the
/// context's `finding(…)`, which fills in the rule id and the standard.
public protocol Rule: Sendable {
    /// What the rule is, for `waymark rules`, SARIF and the example tests.
    static var description: RuleDescription { get }
    /// Checks one guide.
    func check(guide context: GuideContext) -> [Diagnostic]
    /// Checks one style sheet of `Styles/`.
    func check(styleSheet context: StyleSheetContext) -> [Diagnostic]
}

extension Rule {
    /// The rule's description.
    public var description: RuleDescription { Self.description }
    /// Guide rules only: nothing to say about style sheets.
    public func check(styleSheet context: StyleSheetContext) -> [Diagnostic] { [] }
    /// Style rules only: nothing to say about guides.
    public func check(guide context: GuideContext) -> [Diagnostic] { [] }
}

/// What a rule looks at.
public enum RuleScope: String, Sendable {
    /// A guide: its front matter and text.
    case guide
    /// A style sheet in `Styles/`.
    case styleSheet = "style-sheet"
}

/// A standard a rule comes from, and the clause.
public struct Standard: Hashable, Sendable, CustomStringConvertible {
    /// The standard's name (`WCAG 2.2`).
    public var name: String
    /// The clause (`1.1.1 Non-text Content`); empty when the rule is our own.
    public var clause: String

    /// Creates a citation.
    public init(_ name: String, _ clause: String = "") {
        self.name = name
        self.clause = clause
    }

    /// `WCAG 2.2 1.1.1 Non-text Content`.
    public var description: String { clause.isEmpty ? name : "\(name) \(clause)" }
}

/// A number a guide or the project may change for one rule (`sentence-length: {max: 20}`).
public struct RuleParameter: Hashable, Sendable {
    /// The key in `checks:` (`max`).
    public var name: String
    /// The value when none is set.
    public var defaultValue: Double
    /// What it changes.
    public var summary: String
    /// The values it may take: whole numbers in this range. A setting outside it is an
    /// error, and the default is used, so no rule ever sees infinity, NaN or 1e19.
    public var range: ClosedRange<Double>

    /// Creates a parameter.
    public init(_ name: String, default defaultValue: Double, range: ClosedRange<Double>, _ summary: String) {
        self.name = name
        self.defaultValue = defaultValue
        self.range = range
        self.summary = summary
    }

    /// Whether `value` is a setting this parameter takes.
    public func accepts(_ value: Double) -> Bool {
        value.isFinite && range.contains(value) && value.rounded() == value
    }

    /// "a whole number from 1 to 100", for messages and `waymark rules`.
    public var allowed: String {
        "a whole number from \(StyleProfile.format(range.lowerBound)) to \(StyleProfile.format(range.upperBound))"
    }
}

/// An example for a rule: a guide (front matter lines and body) or a style sheet.
///
/// In a failing example, `↓` marks each place a finding must point at (the
/// marker goes just before the word or construct); a passing example has no
/// marker and must give no finding of its rule. Examples run as tests with
/// ``RuleExample/today`` as the date.
public struct RuleExample: Hashable, Sendable {
    /// The marker for where a finding points.
    public static let marker: Character = "↓"
    /// The date examples are checked on.
    public static let today = GuideDate(year: 2026, month: 12, day: 1)

    /// Extra front matter lines (guide examples).
    public var frontMatter: String
    /// The guide body, or the style sheet's text.
    public var text: String
    /// For a style-sheet example, the sheet's file name (`large-print.css`).
    public var styleSheet: String?

    /// A guide example: body text, with optional extra front matter lines.
    public init(_ text: String, frontMatter: String = "") {
        self.text = text
        self.frontMatter = frontMatter
        self.styleSheet = nil
    }

    /// A style-sheet example.
    public init(css text: String, file: String) {
        self.text = text
        self.frontMatter = ""
        self.styleSheet = file
    }
}

/// A rule's documentation: the same text `waymark rules`, SARIF and the tests use.
public struct RuleDescription: Hashable, Sendable {
    /// The id, kebab-case like front-matter keys (`picture-alt-text`).
    public var id: String
    /// A short name (`Picture alt text`).
    public var name: String
    /// One sentence saying what it flags.
    public var summary: String
    /// Why it matters, in a few sentences.
    public var rationale: String
    /// The most serious severity it reports (some findings of a rule may be milder).
    public var severity: Diagnostic.Severity
    /// Where the rule comes from.
    public var standards: [Standard]
    /// What it looks at.
    public var scope: RuleScope
    /// Numbers that `checks:` may change.
    public var parameters: [RuleParameter]
    /// Examples that must give no finding.
    public var passing: [RuleExample]
    /// Examples that must give a finding at each `↓`.
    public var failing: [RuleExample]

    /// Creates a description.
    public init(
        id: String, name: String, summary: String, rationale: String, severity: Diagnostic.Severity,
        standards: [Standard], scope: RuleScope = .guide, parameters: [RuleParameter] = [],
        passing: [RuleExample], failing: [RuleExample]
    ) {
        self.id = id
        self.name = name
        self.summary = summary
        self.rationale = rationale
        self.severity = severity
        self.standards = standards
        self.scope = scope
        self.parameters = parameters
        self.passing = passing
        self.failing = failing
    }

    /// The standards as one line: `WCAG 2.2 1.1.1; UKAAF G003`.
    public var standard: String { standards.map(\.description).joined(separator: "; ") }
}
