import Foundation
import WaymarkModel

/// The report as SARIF 2.1.0 (`waymark check --format sarif`), for code-scanning tools and editors.
extension CheckReport {
    /// The rule id given to findings that come from no rule: a guide that does not read, or a
    /// wrong `checks:` setting.
    public static let guideFormatRuleID = "guide-format"

    /// The report as a SARIF 2.1.0 log with one run.
    public func sarif(rules: [any Rule] = RuleRegistry.all) throws -> Data {
        let descriptors = rules.map { SARIFLog.Rule($0.description) } + [SARIFLog.Rule.guideFormat]
        let index = Dictionary(descriptors.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let results = allFindings.map { finding -> SARIFLog.Result in
            let id = finding.rule ?? CheckReport.guideFormatRuleID
            return SARIFLog.Result(
                ruleId: id, ruleIndex: index[id] ?? descriptors.count - 1, level: SARIFLog.level(finding.severity),
                message: SARIFLog.Message(text: "\(finding.message). Fix: \(finding.hint)"),
                locations: [SARIFLog.ResultLocation(physicalLocation: SARIFLog.PhysicalLocation(
                    artifactLocation: SARIFLog.ArtifactLocation(uri: SARIFLog.uri(finding.location.file)),
                    region: SARIFLog.Region(startLine: finding.location.line, startColumn: finding.location.column)))])
        }
        let log = SARIFLog(runs: [SARIFLog.Run(
            tool: SARIFLog.Tool(driver: SARIFLog.Driver(name: CheckReport.toolName, version: CheckReport.toolVersion, rules: descriptors)),
            results: results)])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(log)
    }
}

/// The parts of SARIF 2.1.0 that Waymark writes.
struct SARIFLog: Encodable {
    struct Message: Encodable { var text: String }
    struct MultiformatMessage: Encodable { var text: String; var markdown: String? }
    struct Configuration: Encodable { var level: String }
    struct RuleProperties: Encodable { var standards: [String]; var scope: String; var tags: [String] }
    struct Rule: Encodable {
        var id: String
        var name: String
        var shortDescription: Message
        var fullDescription: Message
        var help: MultiformatMessage
        var defaultConfiguration: Configuration
        var properties: RuleProperties

        init(_ description: RuleDescription) {
            id = description.id
            name = description.name.split(separator: " ").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
                .filter { $0.isLetter || $0.isNumber }
            shortDescription = Message(text: description.summary)
            fullDescription = Message(text: description.rationale)
            help = MultiformatMessage(text: "\(description.summary) Standard: \(description.standard). Run 'waymark rules \(description.id)' for examples.", markdown: nil)
            defaultConfiguration = Configuration(level: SARIFLog.level(description.severity))
            properties = RuleProperties(standards: description.standards.map(\.description), scope: description.scope.rawValue, tags: ["accessibility"])
        }

        init(id: String, name: String, summary: String, rationale: String) {
            self.id = id
            self.name = name
            shortDescription = Message(text: summary)
            fullDescription = Message(text: rationale)
            help = MultiformatMessage(text: summary, markdown: nil)
            defaultConfiguration = Configuration(level: "error")
            properties = RuleProperties(standards: ["Waymark guide format"], scope: RuleScope.guide.rawValue, tags: ["accessibility"])
        }

        static let guideFormat = Rule(
            id: CheckReport.guideFormatRuleID, name: "GuideFormat",
            summary: "The guide does not follow the guide format, or a 'checks:' setting is wrong.",
            rationale: "A guide that cannot be read cannot be checked or built; the message says what to change.")
    }
    struct Driver: Encodable {
        var name: String
        var version: String
        var rules: [Rule]
    }
    struct Tool: Encodable { var driver: Driver }
    struct ArtifactLocation: Encodable { var uri: String }
    struct Region: Encodable { var startLine: Int; var startColumn: Int }
    struct PhysicalLocation: Encodable { var artifactLocation: ArtifactLocation; var region: Region }
    struct ResultLocation: Encodable { var physicalLocation: PhysicalLocation }
    struct Result: Encodable {
        var ruleId: String
        var ruleIndex: Int
        var level: String
        var message: Message
        var locations: [ResultLocation]
    }
    struct Run: Encodable {
        var tool: Tool
        var columnKind = "unicodeCodePoints"
        var results: [Result]
    }

    var schema = "https://json.schemastore.org/sarif-2.1.0.json"
    var version = "2.1.0"
    var runs: [Run]

    enum CodingKeys: String, CodingKey {
        case schema = "$schema"
        case version, runs
    }

    /// SARIF levels: error, warning, note.
    static func level(_ severity: Diagnostic.Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .info: return "note"
        }
    }

    /// A relative path as a URI reference: each segment percent-encoded.
    static func uri(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: ":")
        return path.split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.addingPercentEncoding(withAllowedCharacters: allowed) ?? String($0) }
            .joined(separator: "/")
    }
}
