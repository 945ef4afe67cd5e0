import WaymarkModel

/// A problem found in a guide: where it is, what is wrong and how to fix it.
public struct Diagnostic: Hashable, Sendable, Error {
    /// How serious a problem is.
    public enum Severity: String, Hashable, Sendable, Comparable, CaseIterable {
        case info, warning, error

        /// Orders info < warning < error.
        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    /// How serious it is.
    public var severity: Severity
    /// Where it is.
    public var location: Location
    /// What is wrong, in plain words.
    public var message: String
    /// How to fix it, in plain words.
    public var hint: String
    /// The rule that found it, for checks (`sentence-length`); nil for reading errors.
    public var rule: String?
    /// The standard and clause the rule comes from (`WCAG 2.2 1.1.1`), for checks.
    public var standard: String?

    /// Creates a diagnostic.
    public init(
        _ severity: Severity, at location: Location, _ message: String, hint: String,
        rule: String? = nil, standard: String? = nil
    ) {
        self.severity = severity
        self.location = location
        self.message = message
        self.hint = hint
        self.rule = rule
        self.standard = standard
    }

    /// Creates an error.
    public static func error(at location: Location, _ message: String, hint: String) -> Diagnostic {
        Diagnostic(.error, at: location, message, hint: hint)
    }

    /// The diagnostic as a compiler prints it: the message line, then the hint.
    ///
    /// `Guides/bullying.md:14:3: error: what is wrong [rule]` then `    fix: how to fix it`.
    /// File names and quoted guide text are the user's, so each part is made safe for a
    /// terminal (``TerminalText``): a name holding an escape sequence or a line break shows it.
    public var formatted: String {
        let rulePart = rule.map { " [\(TerminalText.escaped($0))]" } ?? ""
        let place = "\(TerminalText.escaped(location.file)):\(location.line):\(location.column)"
        var text = "\(place): \(severity.rawValue): \(TerminalText.escaped(message))\(rulePart)"
        if !hint.isEmpty { text += "\n    fix: \(TerminalText.escaped(hint))" }
        return text
    }
}

/// Reading a guide failed; the diagnostics say where and why.
public struct GuideReadFailure: Error, Sendable {
    /// Every problem found, errors first by position.
    public var diagnostics: [Diagnostic]

    /// Creates a failure from its diagnostics.
    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }
}
