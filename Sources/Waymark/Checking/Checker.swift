import Foundation
import WaymarkModel

/// What the checks need besides the guide: the date, the project's settings and the rules.
public struct CheckOptions: Sendable {
    /// The date to compare `review-by` with; nil skips date checks.
    public var today: GuideDate?
    /// The project's `waymark.yml` settings.
    public var project: ProjectConfiguration
    /// The rules to run.
    public var rules: [any Rule]
    /// The label catalogues the build has (built in and the project's), so that a guide in a
    /// language with none is told so.
    public var labels: LabelCatalogues = .builtIn

    /// Creates options.
    public init(today: GuideDate? = nil, project: ProjectConfiguration = ProjectConfiguration(), rules: [any Rule] = RuleRegistry.all) {
        self.today = today
        self.project = project
        self.rules = rules
    }
}

/// The reading level of one chapter.
public struct ChapterReadability: Hashable, Sendable {
    /// The chapter's title ("" for text before the first heading).
    public var title: String
    /// Where the chapter starts.
    public var location: Location
    /// Its figures.
    public var readability: Readability
}

/// What checking one guide found.
public struct GuideCheck: Sendable {
    /// The guide's path as shown to the user.
    public var displayPath: String
    /// The guide's slug.
    public var slug: String
    /// Every finding, sorted by position; reading errors too when the guide did not read.
    public var findings: [Diagnostic]
    /// The guide's reading level; nil when it did not read.
    public var readability: Readability?
    /// Each chapter's reading level.
    public var chapters: [ChapterReadability]
    /// The target reading age (the guide's `reading-age`, or the default).
    public var targetReadingAge: Double?

    /// Creates a result.
    public init(displayPath: String, slug: String, findings: [Diagnostic], readability: Readability? = nil,
                chapters: [ChapterReadability] = [], targetReadingAge: Double? = nil) {
        self.displayPath = displayPath
        self.slug = slug
        self.findings = findings
        self.readability = readability
        self.chapters = chapters
        self.targetReadingAge = targetReadingAge
    }

    /// How many findings are of `severity`.
    public func count(_ severity: Diagnostic.Severity) -> Int { findings.filter { $0.severity == severity }.count }
    /// Whether any finding is an error.
    public var hasErrors: Bool { findings.contains { $0.severity == .error } }
}

/// Runs the rules over guides and style sheets. Never prints, never reads the clock.
public struct Checker: Sendable {
    /// The options.
    public var options: CheckOptions

    /// Creates a checker.
    public init(options: CheckOptions = CheckOptions()) {
        self.options = options
    }

    /// Checks a guide already read, with its source text for exact positions.
    public func check(_ guide: Guide, source: SourceMap) -> GuideCheck {
        let text = TextIndex(guide: guide, source: source)
        var findings = CheckSettings.problems(in: guide.metadata.checks, rules: options.rules)
        for rule in options.rules where rule.description.scope == .guide {
            let (enabled, parameters) = CheckSettings.resolve(rule.description.id, project: options.project.checks, guide: guide.metadata.checks, rules: options.rules)
            guard enabled else { continue }
            var context = GuideContext(guide: guide, text: text, source: source, today: options.today, rule: rule.description, parameters: parameters)
            context.labels = options.labels
            findings += rule.check(guide: context)
        }
        let chapters = guide.chapters.indices.map { index in
            ChapterReadability(
                title: guide.chapters[index].heading.map { Inline.plainText($0.content) } ?? "",
                location: guide.chapters[index].location,
                readability: text.chapterReadability[index])
        }
        let target = CheckSettings.resolve("reading-level", project: options.project.checks, guide: guide.metadata.checks, rules: options.rules).parameters["reading-age"]
            ?? guide.metadata.readingAge.map(Double.init) ?? Thresholds.defaultReadingAge
        return GuideCheck(
            displayPath: guide.sourcePath, slug: guide.slug, findings: Checker.sorted(findings),
            readability: text.readability, chapters: chapters, targetReadingAge: target)
    }

    /// Reads the guide at `file` and checks it; a guide that does not read gives its reading errors.
    public func check(file: URL, guidesRoot: URL, displayPath: String) -> (guide: Guide?, check: GuideCheck) {
        let slug = file.deletingPathExtension().lastPathComponent
        // Read once: the same bytes make the guide and the source text that places findings.
        let bytes: [UInt8]
        let guide: Guide
        do {
            bytes = try GuideReader.bytes(of: file, displayPath: displayPath)
            guide = try GuideReader(guidesRoot: guidesRoot).read(bytes: bytes, slug: slug, displayPath: displayPath, folder: file.deletingLastPathComponent())
        } catch {
            return (nil, GuideCheck(displayPath: displayPath, slug: slug, findings: error.diagnostics))
        }
        return (guide, check(guide, source: SourceMap(text: String(decoding: bytes, as: UTF8.self))))
    }

    /// Checks style sheets (path as shown → text), in path order.
    public func check(styleSheets: [String: String]) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for path in styleSheets.keys.sorted() {
            let sheet = StyleSheet(path: path, text: styleSheets[path] ?? "")
            for rule in options.rules where rule.description.scope == .styleSheet {
                let (enabled, parameters) = CheckSettings.resolve(rule.description.id, project: options.project.checks, guide: [], rules: options.rules)
                guard enabled else { continue }
                findings += rule.check(styleSheet: StyleSheetContext(sheet: sheet, rule: rule.description, parameters: parameters))
            }
        }
        return Checker.sorted(findings)
    }

    /// Findings by position, then rule, then message.
    public static func sorted(_ findings: [Diagnostic]) -> [Diagnostic] {
        findings.sorted { lhs, rhs in
            if lhs.location != rhs.location { return lhs.location < rhs.location }
            return (lhs.rule ?? "", lhs.message) < (rhs.rule ?? "", rhs.message)
        }
    }

    /// The date checks compare with: `SOURCE_DATE_EPOCH` (for reproducible builds) when set, else `now`.
    public static func today(environment: [String: String] = ProcessInfo.processInfo.environment, now: Date = Date()) -> GuideDate {
        let date = WriterOptions.sourceDate(in: environment).map { Date(timeIntervalSince1970: TimeInterval($0)) } ?? now
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return GuideDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
    }
}
