import Foundation
import WaymarkModel

/// The report as JSON (`waymark check --format json`), described in `docs/checking.md`
/// and by the JSON Schema `docs/check-report.schema.json`.
extension CheckReport {
    /// The format's version; raised when a field changes meaning or goes away.
    public static let jsonFormatVersion = 1

    /// The report as pretty-printed JSON with sorted keys (stable from run to run).
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(JSONReport(self))
    }
}

/// The JSON shape of a report.
struct JSONReport: Encodable {
    struct Tool: Encodable { var name: String; var version: String }
    struct Totals: Encodable { var errors: Int; var warnings: Int; var infos: Int }
    struct Finding: Encodable {
        var rule: String?
        var severity: String
        var file: String
        var line: Int
        var column: Int
        var message: String
        var hint: String
        var standard: String?

        init(_ diagnostic: Diagnostic) {
            rule = diagnostic.rule
            severity = diagnostic.severity.rawValue
            file = diagnostic.location.file
            line = diagnostic.location.line
            column = diagnostic.location.column
            message = diagnostic.message
            hint = diagnostic.hint
            standard = diagnostic.standard
        }

        // Absent rule and standard are written as null, so every finding has every key.
        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(rule, forKey: .rule)
            try container.encode(severity, forKey: .severity)
            try container.encode(file, forKey: .file)
            try container.encode(line, forKey: .line)
            try container.encode(column, forKey: .column)
            try container.encode(message, forKey: .message)
            try container.encode(hint, forKey: .hint)
            try container.encode(standard, forKey: .standard)
        }

        enum CodingKeys: String, CodingKey { case rule, severity, file, line, column, message, hint, standard }
    }
    struct Figures: Encodable {
        var sentences: Int, words: Int, syllables: Int, polysyllables: Int
        var fleschReadingEase: Double, fleschKincaidGrade: Double, smogGrade: Double, readingAge: Double

        init(_ readability: Readability) {
            func rounded(_ value: Double) -> Double { (value * 100).rounded() / 100 }
            sentences = readability.sentences
            words = readability.words
            syllables = readability.syllables
            polysyllables = readability.polysyllables
            fleschReadingEase = rounded(readability.fleschReadingEase)
            fleschKincaidGrade = rounded(readability.fleschKincaidGrade)
            smogGrade = rounded(readability.smogGrade)
            readingAge = rounded(readability.readingAge)
        }
    }
    struct Chapter: Encodable { var title: String; var line: Int; var readability: Figures }
    struct Guide: Encodable {
        var path: String
        var slug: String
        var read: Bool
        var totals: Totals
        var targetReadingAge: Double?
        var readability: Figures?
        var chapters: [Chapter]
        var findings: [Finding]
    }
    struct Sheet: Encodable { var path: String; var totals: Totals; var findings: [Finding] }

    var formatVersion: Int
    var tool: Tool
    var date: String?
    var totals: Totals
    var guides: [Guide]
    var styleSheets: [Sheet]

    init(_ report: CheckReport) {
        func totals(_ findings: [Diagnostic]) -> Totals {
            Totals(errors: findings.filter { $0.severity == .error }.count,
                   warnings: findings.filter { $0.severity == .warning }.count,
                   infos: findings.filter { $0.severity == .info }.count)
        }
        formatVersion = CheckReport.jsonFormatVersion
        tool = Tool(name: CheckReport.toolName, version: CheckReport.toolVersion)
        date = report.date?.description
        self.totals = totals(report.allFindings)
        guides = report.guides.map { guide in
            Guide(path: guide.displayPath, slug: guide.slug, read: guide.readability != nil, totals: totals(guide.findings),
                  targetReadingAge: guide.readability == nil ? nil : guide.targetReadingAge,
                  readability: guide.readability.map(Figures.init),
                  chapters: guide.chapters.map { Chapter(title: $0.title, line: $0.location.line, readability: Figures($0.readability)) },
                  findings: guide.findings.map(Finding.init))
        }
        styleSheets = report.styleSheets.map { path in
            let findings = report.findings(inStyleSheet: path)
            return Sheet(path: path, totals: totals(findings), findings: findings.map(Finding.init))
        }
    }

    enum CodingKeys: String, CodingKey { case formatVersion, tool, date, totals, guides, styleSheets }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(formatVersion, forKey: .formatVersion)
        try container.encode(tool, forKey: .tool)
        try container.encode(date, forKey: .date)
        try container.encode(totals, forKey: .totals)
        try container.encode(guides, forKey: .guides)
        try container.encode(styleSheets, forKey: .styleSheets)
    }
}
