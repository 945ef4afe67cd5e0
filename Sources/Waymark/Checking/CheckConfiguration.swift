import Foundation
import WaymarkModel
import Yams

/// Check settings for a whole project, from `waymark.yml` at the project root
/// (the folder that holds the guides folder). A guide's own `checks:` override them.
///
/// ```yaml
/// checks:
///   sentence-length: {max: 20}
///   italics: off
/// ```
public struct ProjectConfiguration: Sendable {
    /// The file's name.
    public static let fileName = "waymark.yml"
    /// The keys the file may have.
    static let keys = ["checks"]

    /// The settings, in file order.
    public var checks: [CheckSetting]

    /// Creates a configuration.
    public init(checks: [CheckSetting] = []) {
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
            throw GuideReadFailure([.error(at: yaml.location(of: root), "\(fileName) is not a list of 'key: value' lines", hint: "start it with a line 'checks:'")])
        }
        var diagnostics = yaml.unknownKeys(in: mapping, allowed: keys, noun: "\(fileName) key")
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
        return ProjectConfiguration(checks: settings)
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
