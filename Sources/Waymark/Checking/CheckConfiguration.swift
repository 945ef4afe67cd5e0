import Foundation
import WaymarkModel
import Yams

/// Settings for a whole project, from `waymark.yml` at the project root (the folder
/// that holds the guides folder): who publishes the guides, their language, where to
/// ask for another format, and check settings that a guide's own `checks:` override.
///
/// ```yaml
/// publisher: Warwickshire Safeguarding
/// language: en-GB
/// welsh-first: true
/// site-url: https://www.example.org/guides/
/// alternative-formats:
///   email: accessible.formats@example.org
///   phone: 01632 960000
///   website: https://www.example.org/guides
/// braille-page: 40x25
/// braille-grade: 2
/// checks:
///   sentence-length: {max: 20}
///   italics: off
/// ```
public struct ProjectConfiguration: Sendable {
    /// Where people can ask for a guide in another format (braille, audio, another language).
    public struct AlternativeFormats: Sendable, Hashable {
        /// An email address to write to.
        public var email: String?
        /// A phone number to call.
        public var phone: PhoneNumber?
        /// A web page (`https://`) to visit.
        public var website: String?

        /// Creates the contact; at least one way should be given.
        public init(email: String? = nil, phone: PhoneNumber? = nil, website: String? = nil) {
            self.email = email
            self.phone = phone
            self.website = website
        }
    }

    /// The file's name.
    public static let fileName = "waymark.yml"
    /// The keys the file may have.
    static let keys = ["publisher", "language", "welsh-first", "site-url", "alternative-formats", "braille-page", "braille-grade", "checks"]
    /// The keys of `alternative-formats:`.
    static let alternativeFormatKeys = ["email", "phone", "website"]

    /// Who publishes the project's guides (a council or safeguarding partnership).
    public var publisher: String?
    /// The BCP 47 tag of the language most guides are written in, e.g. `en-GB`.
    public var language: String?
    /// Whether the Welsh version of a guide comes first wherever its versions are listed
    /// (Welsh Language Standards: Welsh is not treated less favourably than English).
    public var welshFirst = false
    /// Where to ask for another format.
    public var alternativeFormats: AlternativeFormats?
    /// The address the output folder is published at, for the catalogues' absolute links.
    public var siteURL: String?
    /// The size of the braille pages (`braille-page: 40x25`); nil for the default.
    public var braillePage: BraillePage?
    /// The braille grade (`braille-grade: 1` for uncontracted); nil for the default, grade 2.
    public var brailleGrade: BrailleGrade?
    /// The settings, in file order.
    public var checks: [CheckSetting]

    /// Creates a configuration.
    public init(publisher: String? = nil, language: String? = nil, alternativeFormats: AlternativeFormats? = nil, checks: [CheckSetting] = []) {
        self.publisher = publisher
        self.language = language
        self.alternativeFormats = alternativeFormats
        self.checks = checks
    }

    /// Reads `file` (named `displayPath` in messages); no settings when it does not exist.
    /// Throws every problem: bad YAML, unknown keys, unknown rules or parameters.
    public static func load(from file: URL, displayPath: String, rules: [any Rule] = RuleRegistry.all) throws(GuideReadFailure) -> ProjectConfiguration {
        guard FileManager.default.fileExists(atPath: file.path) else { return ProjectConfiguration() }
        let bytes: [UInt8]
        do {
            // Bounded like a guide: the settings file is small, and a huge one must not fill memory.
            bytes = try BoundedFile.read(file, limit: GuideReader.maximumSize)
        } catch {
            let why: String
            switch error {
            case .tooLarge(let size): why = "it is \(GuideReader.describe(size: size)); the largest Waymark reads is \(GuideReader.maximumSize / 1024 / 1024) MB"
            case .notAFile: why = "it is not a plain file"
            case .unreadable(let reason): why = reason
            }
            throw GuideReadFailure([.error(
                at: Location(file: displayPath, line: 1, column: 1), "\(fileName) could not be read: \(why)",
                hint: "check that it is a small text file that can be read")])
        }
        return try parse(bytes, displayPath: displayPath, rules: rules)
    }

    /// Reads the settings in `bytes`, the text of a `waymark.yml` named `displayPath` in messages.
    public static func parse(_ bytes: [UInt8], displayPath: String, rules: [any Rule] = RuleRegistry.all) throws(GuideReadFailure) -> ProjectConfiguration {
        let source: SourceText
        do { source = try SourceText(file: displayPath, bytes: bytes) } catch { throw GuideReadFailure([error]) }
        let yaml = YAMLReader(source: source, lineOffset: 0)
        guard let root = try yaml.compose(source.text(lines: 1...max(source.lines.count, 1))) else { return ProjectConfiguration() }
        guard case .mapping(let mapping) = root else {
            throw GuideReadFailure([.error(at: yaml.location(of: root), "\(fileName) is not a list of 'key: value' lines", hint: "write one setting a line, e.g. 'publisher: Warwickshire Safeguarding'")])
        }
        var diagnostics = yaml.unknownKeys(in: mapping, allowed: keys, noun: "\(fileName) key")
        let publisher = text(mapping["publisher"], key: "publisher", yaml: yaml, diagnostics: &diagnostics,
                             example: "publisher: Warwickshire Safeguarding")
        let language = text(mapping["language"], key: "language", yaml: yaml, diagnostics: &diagnostics, example: "language: en-GB")
        if let language, !LanguageRule.isWellFormed(language) {
            diagnostics.append(.error(at: yaml.location(of: mapping["language"]), "'\(language)' is not a valid language tag",
                                      hint: "write a language code such as 'en-GB' (British English), 'cy' (Welsh) or 'pl' (Polish)"))
        }
        let alternativeFormats = mapping["alternative-formats"].flatMap { alternatives($0, yaml: yaml, diagnostics: &diagnostics) }
        var welshFirst = false
        if let node = mapping["welsh-first"] {
            switch node.scalar?.string.lowercased() {
            case "true", "yes", "on": welshFirst = true
            case "false", "no", "off": welshFirst = false
            default:
                diagnostics.append(.error(at: yaml.location(of: node), "'welsh-first:' is 'true' or 'false'",
                                          hint: "write 'welsh-first: true' to list the Welsh version of a guide first"))
            }
        }
        let (braillePage, brailleGrade) = braille(mapping, yaml: yaml, diagnostics: &diagnostics)
        var settings: [CheckSetting] = []
        if let checks = mapping["checks"] {
            if case .mapping(let entries) = checks {
                for (key, value) in entries {
                    let location = yaml.location(of: key)
                    let rule = key.string ?? ""
                    switch value {
                    case .scalar(let scalar):
                        switch scalar.string.lowercased() {
                        case "off", "false", "no": settings.append(CheckSetting(rule: rule, enabled: false, location: location))
                        case "on", "true", "yes": settings.append(CheckSetting(rule: rule, enabled: true, location: location))
                        default:
                            diagnostics.append(.error(at: yaml.location(of: value), "'\(scalar.string)' is not a setting for the check '\(rule)'",
                                                      hint: "write 'off' to switch the check off, or a setting such as '{max: 20}'"))
                        }
                    case .mapping(let parameters):
                        var numbers: [String: Double] = [:]
                        for (name, number) in parameters {
                            if let text = number.scalar?.string, let value = Double(text) {
                                numbers[name.string ?? ""] = value
                            } else {
                                diagnostics.append(.error(at: yaml.location(of: number), "the setting '\(name.string ?? "")' of '\(rule)' is not a number",
                                                          hint: "write a number, for example 'max: 20'"))
                            }
                        }
                        settings.append(CheckSetting(rule: rule, enabled: true, parameters: numbers, location: location))
                    default:
                        diagnostics.append(.error(at: yaml.location(of: value), "the setting of '\(rule)' is not 'off' or a list of numbers",
                                                  hint: "write 'off' to switch the check off, or a setting such as '{max: 20}'"))
                    }
                }
            } else {
                diagnostics.append(.error(at: yaml.location(of: checks), "'checks:' is not a list of checks", hint: "write one check a line under 'checks:', e.g. '  italics: off'"))
            }
        }
        diagnostics += CheckSettings.problems(in: settings, rules: rules)
        guard diagnostics.isEmpty else { throw GuideReadFailure(diagnostics.sorted { $0.location < $1.location }) }
        var configuration = ProjectConfiguration(publisher: publisher, language: language, alternativeFormats: alternativeFormats, checks: settings)
        configuration.welshFirst = welshFirst
        if let node = mapping["site-url"], let address = text(node, key: "site-url", yaml: yaml, diagnostics: &diagnostics, example: "site-url: https://www.example.org/guides/") {
            if let problem = ProjectConfiguration.siteURLProblem(address) {
                diagnostics.append(.error(at: yaml.location(of: node), "the site address '\(address)' \(problem)",
                                          hint: "write the address the Output folder is published at, as it shows in a browser, e.g. 'site-url: https://www.example.org/guides/'"))
            } else {
                configuration.siteURL = address
            }
        }
        configuration.braillePage = braillePage
        configuration.brailleGrade = brailleGrade
        return configuration
    }
}

// MARK: - Reading the project's details

extension ProjectConfiguration {
    /// What is wrong with `address` as the site's address (`--site-url`, `site-url:`), or nil:
    /// it must be an `https://` or `http://` web address (the link allow-list's), with no query or fragment.
    public static func siteURLProblem(_ address: String) -> String? {
        if let problem = LinkPolicy.problem(address, use: .web) { return problem }
        if address.contains("?") || address.contains("#") { return "has a '?' or '#' part; the site's address is a folder" }
        return nil
    }
}

private extension ProjectConfiguration {
    /// The text of a one-line setting; an error when it is a list, empty, or holds a
    /// character that changes how the text looks without being seen.
    static func text(_ node: Node?, key: String, yaml: YAMLReader, diagnostics: inout [Diagnostic], example: String) -> String? {
        guard let node else { return nil }
        // Control characters were refused by the YAML reader already (TextSafety).
        guard case .scalar(let scalar) = node else {
            diagnostics.append(.error(at: yaml.location(of: node), "'\(key):' is not plain text", hint: "write it on one line, e.g. '\(example)'"))
            return nil
        }
        let value = scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
        if value.isEmpty {
            diagnostics.append(.error(at: yaml.location(of: node), "'\(key):' is empty", hint: "write a value, e.g. '\(example)', or remove the line"))
            return nil
        }
        if let hidden = value.unicodeScalars.first(where: { TextSafety.isBidiControl($0) || TextSafety.isInvisible($0) }) {
            diagnostics.append(.error(at: yaml.location(of: node), "'\(key):' holds a hidden character (\(TextSafety.name(hidden)))",
                                      hint: "type the value again by hand: it may have been pasted with a character that cannot be seen"))
            return nil
        }
        return value
    }

    /// `braille-page: 40x25` and `braille-grade: 1` or `2`.
    static func braille(_ mapping: Node.Mapping, yaml: YAMLReader, diagnostics: inout [Diagnostic]) -> (BraillePage?, BrailleGrade?) {
        var page: BraillePage?
        var grade: BrailleGrade?
        if let node = mapping["braille-page"] {
            let text = node.scalar?.string ?? ""
            if let size = BraillePage(parsing: text) {
                if let problem = size.problem {
                    diagnostics.append(.error(at: yaml.location(of: node), "'braille-page: \(text)' cannot be used: \(problem)",
                                              hint: "write the cells a line and the lines a page, e.g. 'braille-page: 40x25' (the usual A4 braille page)"))
                } else {
                    page = size
                }
            } else {
                diagnostics.append(.error(at: yaml.location(of: node), "'braille-page:' is not a page size",
                                          hint: "write the cells a line, an x, and the lines a page, e.g. 'braille-page: 40x25'"))
            }
        }
        if let node = mapping["braille-grade"] {
            if let number = node.scalar.flatMap({ Int($0.string) }), let value = BrailleGrade(rawValue: number) {
                grade = value
            } else {
                diagnostics.append(.error(at: yaml.location(of: node), "'braille-grade:' is 1 or 2",
                                          hint: "write 'braille-grade: 2' for contracted braille (what most readers use) or 'braille-grade: 1' for uncontracted braille (for new readers)"))
            }
        }
        return (page, grade)
    }

    /// `alternative-formats:`: an email address, a phone number and a web page, each checked
    /// as a contact card's are (LinkPolicy), at least one of them.
    static func alternatives(_ node: Node, yaml: YAMLReader, diagnostics: inout [Diagnostic]) -> AlternativeFormats? {
        guard case .mapping(let mapping) = node else {
            diagnostics.append(.error(at: yaml.location(of: node), "'alternative-formats:' is not a list of ways to get in touch",
                                      hint: "write 'email:', 'phone:' or 'website:' lines under it, indented, e.g. '  email: accessible.formats@example.org'"))
            return nil
        }
        let before = diagnostics.count
        diagnostics += yaml.unknownKeys(in: mapping, allowed: alternativeFormatKeys, noun: "alternative-formats key")
        var result = AlternativeFormats()
        if let email = text(mapping["email"], key: "email", yaml: yaml, diagnostics: &diagnostics, example: "email: accessible.formats@example.org") {
            if let problem = LinkPolicy.emailProblem(email) {
                diagnostics.append(.error(at: yaml.location(of: mapping["email"]), "the email address '\(email)' \(problem)",
                                          hint: "write the address on its own, e.g. 'email: accessible.formats@example.org'"))
            }
            result.email = email
        }
        if let phone = text(mapping["phone"], key: "phone", yaml: yaml, diagnostics: &diagnostics, example: "phone: 01632 960000") {
            result.phone = PhoneNumbers.parse(phone)
            if result.phone == nil || !PhoneNumbers.isRecognised(phone) {
                diagnostics.append(.error(at: yaml.location(of: mapping["phone"]), "'\(phone)' is not a UK phone number",
                                          hint: "write the number with its area code, e.g. 'phone: 01632 960000'"))
            }
        }
        if let website = text(mapping["website"], key: "website", yaml: yaml, diagnostics: &diagnostics, example: "website: https://www.example.org/guides") {
            if let problem = LinkPolicy.problem(website, use: .web) {
                diagnostics.append(.error(at: yaml.location(of: mapping["website"]), "the website address '\(website)' \(problem)",
                                          hint: "write the page's address as it shows in a browser, starting with https://"))
            }
            result.website = website
        }
        if diagnostics.count == before, result.email == nil, result.phone == nil, result.website == nil {
            diagnostics.append(.error(at: yaml.location(of: node), "'alternative-formats:' gives no way to get in touch",
                                      hint: "add at least one of 'email:', 'phone:' or 'website:' under it, or remove it"))
        }
        return diagnostics.count == before ? result : nil
    }
}

/// Checks and combines `checks:` settings.
public enum CheckSettings {
    /// Errors for settings that name no rule, or a parameter the rule does not have.
    public static func problems(in settings: [CheckSetting], rules: [any Rule] = RuleRegistry.all) -> [Diagnostic] {
        let ids = rules.map(\.description.id)
        var diagnostics: [Diagnostic] = []
        for setting in settings {
            guard let rule = rules.first(where: { $0.description.id == setting.rule }) else {
                diagnostics.append(.error(at: setting.location, "unknown check '\(setting.rule)'",
                                          hint: Suggestions.hint(for: setting.rule, in: ids, noun: "check") + " 'waymark rules' describes each one."))
                continue
            }
            let names = rule.description.parameters.map(\.name)
            for name in setting.parameters.keys.sorted() where !names.contains(name) {
                let hint = names.isEmpty
                    ? "the check '\(setting.rule)' has no settings; write '\(setting.rule): off' to switch it off"
                    : Suggestions.hint(for: name, in: names, noun: "setting of '\(setting.rule)'")
                diagnostics.append(.error(at: setting.location, "the check '\(setting.rule)' has no setting '\(name)'", hint: hint))
            }
            for parameter in rule.description.parameters {
                guard let value = setting.parameters[parameter.name], !parameter.accepts(value) else { continue }
                let shown = value.isNaN ? ".nan" : value.isInfinite ? ".inf" : "\(value)"
                diagnostics.append(.error(
                    at: setting.location, "the setting '\(parameter.name)' of '\(setting.rule)' is \(shown), which is not \(parameter.allowed)",
                    hint: "write \(parameter.allowed), for example '\(parameter.name): \(StyleProfile.format(parameter.defaultValue))' (the default)"))
            }
        }
        return diagnostics
    }

    /// Whether `rule` runs, and its parameters: the project's settings, then the guide's on top.
    ///
    /// A value the rule does not take (reported by ``problems(in:rules:)``) is left out, so
    /// the rule runs with its default rather than with infinity or a number it cannot count to.
    public static func resolve(
        _ rule: String, project: [CheckSetting], guide: [CheckSetting], rules: [any Rule] = RuleRegistry.all
    ) -> (enabled: Bool, parameters: [String: Double]) {
        let declared = rules.first { $0.description.id == rule }?.description.parameters ?? []
        var enabled = true
        var parameters: [String: Double] = [:]
        for setting in project + guide where setting.rule == rule {
            enabled = setting.enabled
            for (name, value) in setting.parameters where declared.first(where: { $0.name == name })?.accepts(value) == true {
                parameters[name] = value
            }
        }
        return (enabled, parameters)
    }
}
