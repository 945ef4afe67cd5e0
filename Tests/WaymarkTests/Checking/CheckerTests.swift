import Foundation
import Testing
@testable import Waymark
import WaymarkModel

@Suite("Checking") struct CheckerTests {
    static let fixtures = Fixtures.url("checking")

    func check(_ text: String, project: [CheckSetting] = [], today: GuideDate? = RuleExample.today) throws -> [Diagnostic] {
        let guide = try GuideFolder().read(text)
        let options = CheckOptions(today: today, project: ProjectConfiguration(checks: project))
        return Checker(options: options).check(guide, source: SourceMap(text: text)).findings
    }

    @Test func aGuideThatBreaksEveryRuleOnceGivesExactlyTheExpectedFindings() async throws {
        let checker = Checker(options: CheckOptions(today: RuleExample.today))
        let file = Self.fixtures.appendingPathComponent("breaks-every-rule.md")
        // The one rule a guide cannot break together with 'language' (a tag that is not well
        // formed names no language to want labels for) is broken by a second guide.
        let french = Self.fixtures.appendingPathComponent("breaks-label-language.md")
        let report = await checker.run(
            guides: [file, french], guidesRoot: Self.fixtures, displayBase: Self.fixtures,
            styleSheets: ["Styles/large-print.css": try String(contentsOf: Self.fixtures.appendingPathComponent("Styles/large-print.css"), encoding: .utf8)])
        let actual = report.allFindings.map { finding in
            let file = finding.location.file == "breaks-every-rule.md" ? "" : finding.location.file + ":"
            return "\(file)\(finding.location.line):\(finding.location.column): \(finding.severity.rawValue) [\(finding.rule ?? "-")]"
        }
        let expected = try String(contentsOf: Self.fixtures.appendingPathComponent("breaks-every-rule.expected"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        #expect(actual == expected, "\(report.text)")
        #expect(Set(report.allFindings.compactMap(\.rule)) == Set(RuleRegistry.ids), "every rule is broken once")
    }

    @Test func checkingConcurrentlyGivesTheSameReportAsOneAtATime() async throws {
        let root = BuilderTests.repository
        let fixtures = Self.fixtures
        let guides = try Builder.guideFiles(in: root.appendingPathComponent("Guides"))
            + [fixtures.appendingPathComponent("breaks-every-rule.md")]
        let checker = Checker(options: CheckOptions(today: RuleExample.today))
        let serial = await checker.run(guides: guides, guidesRoot: root.appendingPathComponent("Guides"), displayBase: root, styleSheets: [:], concurrency: 1)
        let parallel = await checker.run(guides: guides, guidesRoot: root.appendingPathComponent("Guides"), displayBase: root, styleSheets: [:], concurrency: 4)
        #expect(serial.guides.map(\.displayPath) == guides.map { Builder.displayPath(of: $0, base: root) })
        #expect(serial.text == parallel.text)
        #expect(!serial.allFindings.isEmpty, "the fixture outside the guides folder gives findings to compare")
    }

    @Test func theGuidesInGuidesHaveNoErrorsOrWarnings() async throws {
        let root = BuilderTests.repository
        let checker = Checker(options: CheckOptions(today: GuideDate(year: 2026, month: 11, day: 25)))
        let report = await checker.run(
            guides: try Builder.guideFiles(in: root.appendingPathComponent("Guides")), guidesRoot: root.appendingPathComponent("Guides"),
            displayBase: root, styleSheets: [:])
        #expect(report.guides.count >= 5)
        #expect(report.count(.error) == 0 && report.count(.warning) == 0, "\(report.text)")
        for guide in report.guides {
            let readability = try #require(guide.readability)
            #expect(readability.readingAge <= (guide.targetReadingAge ?? 11), "\(guide.displayPath)")
        }
    }

    // MARK: - Positions

    @Test func aWordOnAContinuationLineIsPlacedOnItsOwnLine() throws {
        let findings = try check(frontMatter() + "Some text that runs on\nso we can utilise \\*stars\\* and\n  still &amp; utilise words.\n")
        #expect(findings.filter { $0.rule == "hard-words" }.positions == ["10:11", "11:15"])
    }

    @Test func aWordInsideEmphasisOrALinkIsPlacedExactly() throws {
        let findings = try check(frontMatter() + "It is **so very** good to [commence now](https://example.org) today.\n")
        #expect(findings.filter { $0.rule == "hard-words" }.positions == ["9:28"])
    }

    // MARK: - Configuration

    @Test func aGuideCanSwitchARuleOffOrChangeAThreshold() throws {
        let text = frontMatter("checks:\n  sentence-length: {max: 5}\n  italics: off\n") + "You can talk to *someone* you trust about it.\n"
        let findings = try check(text)
        #expect(findings.map(\.rule) == ["sentence-length"])
    }

    @Test func unknownRulesAndSettingsAreErrorsWithDidYouMean() throws {
        let findings = try check(frontMatter("checks:\n  sentence-lenght: off\n  italics: {max: 3}\n") + "Text.\n")
        #expect(findings.positions == ["8:3", "9:3"])
        #expect(findings.allSatisfy { $0.severity == .error && $0.rule == nil })
        #expect(findings[0].message == "unknown check 'sentence-lenght'")
        #expect(findings[0].hint.hasPrefix("did you mean 'sentence-length'?"))
        #expect(findings[1].message == "the check 'italics' has no setting 'max'")
    }

    @Test func theGuideOverridesTheProject() throws {
        let project = [CheckSetting(rule: "italics", enabled: false, location: Location(file: "waymark.yml", line: 2, column: 3)),
                       CheckSetting(rule: "sentence-length", enabled: true, parameters: ["max": 4], location: Location(file: "waymark.yml", line: 3, column: 3))]
        let body = "You can talk to *someone* you trust.\n"
        #expect(try check(frontMatter() + body, project: project).map(\.rule) == ["sentence-length"])
        let guideOverrides = frontMatter("checks:\n  italics: on\n  sentence-length: {max: 10}\n") + body
        #expect(try check(guideOverrides, project: project).map(\.rule) == ["italics"])
    }

    @Test func theProjectFileIsReadAndChecked() throws {
        let folder = try GuideFolder()
        let file = folder.root.deletingLastPathComponent().appendingPathComponent("waymark.yml")
        try Data("checks:\n  italics: off\n  sentence-length: {max: 20}\n".utf8).write(to: file)
        let project = try ProjectConfiguration.load(from: file, displayPath: "waymark.yml")
        #expect(project.checks.map(\.rule) == ["italics", "sentence-length"])
        #expect(project.checks[1].parameters == ["max": 20])
        try Data("checks:\n  italic: off\nrules: 3\n".utf8).write(to: file)
        #expect(throws: GuideReadFailure.self) { try ProjectConfiguration.load(from: file, displayPath: "waymark.yml") }
        do {
            _ = try ProjectConfiguration.load(from: file, displayPath: "waymark.yml")
        } catch {
            #expect(error.diagnostics.map(\.location.description) == ["waymark.yml:2:3", "waymark.yml:3:1"])
            #expect(error.diagnostics[0].hint.hasPrefix("did you mean 'italics'?"))
        }
        let missing = try ProjectConfiguration.load(from: folder.root.appendingPathComponent("none.yml"), displayPath: "none.yml")
        #expect(missing.checks.isEmpty)
    }

    // MARK: - Dates

    @Test func theReviewDateIsComparedWithTheDateGiven() throws {
        let text = frontMatter("review-by: 2026-06-30\n") + "Text.\n"
        #expect(try check(text, today: GuideDate(year: 2026, month: 6, day: 30)).isEmpty)
        #expect(try check(text, today: GuideDate(year: 2026, month: 7, day: 1)).map(\.rule) == ["review-date"])
        #expect(try check(text, today: nil).isEmpty)
    }

    @Test func todayComesFromSourceDateEpochWhenSet() {
        #expect(Checker.today(environment: ["SOURCE_DATE_EPOCH": "1782864000"]) == GuideDate(year: 2026, month: 7, day: 1))
        #expect(Checker.today(environment: [:], now: Date(timeIntervalSince1970: 0)) == GuideDate(year: 1970, month: 1, day: 1))
    }

    // MARK: - Text

    @Test func headingsListItemsAndLineBreaksEndSentences() throws {
        let text = frontMatter() + "# A heading with no stop\n\nOne sentence here. Two here!\n\n- an item\n- another item\n\nA line\\\nbreak.\n"
        let guide = try GuideFolder().read(text)
        let index = TextIndex(guide: guide, source: SourceMap(text: text))
        #expect(index.sentences.map { $0.words.map(\.text).joined(separator: " ") }
            == ["A heading with no stop", "One sentence here", "Two here", "an item", "another item", "A line", "break"])
        #expect(index.scoredSentences().count == 6)
    }

    @Test func syllablesComeFromTheDictionaryWithAFallback() {
        #expect(Syllables.count("information") == 4)
        #expect(Syllables.count("Safeguarding") == 3)
        #expect(Syllables.count("don't") == 1)
        #expect(Syllables.count("well-known") == 2)
        #expect(Syllables.count("Childline") == 2)
        #expect(Syllables.guess("blorptastic") == 3)
        #expect(Syllables.guess("makes") == 1)
    }
}
