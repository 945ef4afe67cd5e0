import Foundation
import WaymarkModel

/// Everything one `waymark check` found: each guide's findings and reading level, and the style sheets'.
public struct CheckReport: Sendable {
    /// The tool's name in reports.
    public static let toolName = "waymark"
    /// The tool's version in reports.
    public static let toolVersion = "0.1.0"

    /// Each guide, in the order checked.
    public var guides: [GuideCheck]
    /// The style sheets checked (paths as shown), in order.
    public var styleSheets: [String]
    /// Findings in the style sheets, by position.
    public var styleFindings: [Diagnostic]
    /// The date dates were compared with.
    public var date: GuideDate?

    /// Creates a report.
    public init(guides: [GuideCheck], styleSheets: [String] = [], styleFindings: [Diagnostic] = [], date: GuideDate? = nil) {
        self.guides = guides
        self.styleSheets = styleSheets
        self.styleFindings = styleFindings
        self.date = date
    }

    /// Every finding, guides first, then style sheets.
    public var allFindings: [Diagnostic] { guides.flatMap(\.findings) + styleFindings }

    /// How many findings are of `severity`.
    public func count(_ severity: Diagnostic.Severity) -> Int { allFindings.filter { $0.severity == severity }.count }

    /// Whether the check fails: any error, or any warning when warnings count as errors.
    public func failed(warningsAsErrors: Bool) -> Bool {
        count(.error) > 0 || (warningsAsErrors && count(.warning) > 0)
    }

    /// Style sheet findings for one sheet.
    public func findings(inStyleSheet path: String) -> [Diagnostic] {
        styleFindings.filter { $0.location.file == path }
    }
}

extension Checker {
    /// Checks `guides` (read from disk; reading errors are findings) and `styleSheets` (path as shown → text).
    ///
    /// Guides are checked concurrently, one per core (`concurrency`), and reported in order.
    public func run(guides: [URL], guidesRoot: URL, displayBase: URL, styleSheets: [String: String], concurrency: Int? = nil) async -> CheckReport {
        let checks = await InOrder.map(count: guides.count, limit: concurrency) { index in
            self.check(file: guides[index], guidesRoot: Builder.root(for: guides[index], guidesRoot: guidesRoot), displayPath: Builder.displayPath(of: guides[index], base: displayBase)).check
        }
        return CheckReport(guides: checks, styleSheets: styleSheets.keys.sorted(), styleFindings: check(styleSheets: styleSheets), date: options.today)
    }
}

// MARK: - Text

extension CheckReport {
    /// The report as a compiler prints it: each guide's findings by position, with a line of totals
    /// and its reading age, then the style sheets, then a summary line.
    public var text: String {
        var lines: [String] = []
        for guide in guides {
            lines.append(CheckReport.heading(guide.displayPath, guide.findings) + readingLine(guide))
            lines += guide.findings.map(\.formatted)
        }
        for path in styleSheets {
            let findings = findings(inStyleSheet: path)
            lines.append(CheckReport.heading(path, findings))
            lines += findings.map(\.formatted)
        }
        let sheets = styleSheets.isEmpty ? "" : " and \(styleSheets.count) style \(styleSheets.count == 1 ? "sheet" : "sheets")"
        lines.append("Checked \(guides.count) \(guides.count == 1 ? "guide" : "guides")\(sheets): \(CheckReport.totals(allFindings)).")
        return lines.joined(separator: "\n") + "\n"
    }

    /// `3 errors, 1 warning, 0 notes`.
    public static func totals(_ findings: [Diagnostic]) -> String {
        func count(_ severity: Diagnostic.Severity, _ one: String, _ many: String) -> String {
            let number = findings.filter { $0.severity == severity }.count
            return "\(number) \(number == 1 ? one : many)"
        }
        return [count(.error, "error", "errors"), count(.warning, "warning", "warnings"), count(.info, "note", "notes")].joined(separator: ", ")
    }

    private static func heading(_ path: String, _ findings: [Diagnostic]) -> String {
        "== \(TerminalText.escaped(path)): \(totals(findings))"
    }

    private func readingLine(_ guide: GuideCheck) -> String {
        guard let readability = guide.readability, !readability.isEmpty else { return "" }
        let target = guide.targetReadingAge.map { "; aims for \(Int($0))" } ?? ""
        return "; \(readability.summary)\(target)"
    }
}
