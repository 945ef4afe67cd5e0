import Foundation
import Testing
@testable import Waymark
import WaymarkModel

@Suite("Checking: reports") struct ReportTests {
    static let repository = BuilderTests.repository

    /// A report with every kind of finding: the every-rule fixture, a guide that does not read, and a style sheet.
    func report() async throws -> CheckReport {
        let fixtures = Fixtures.url("checking")
        let folder = try GuideFolder()
        let broken = try folder.write("broken.md", "no front matter\n")
        let checker = Checker(options: CheckOptions(today: RuleExample.today))
        var report = await checker.run(
            guides: [fixtures.appendingPathComponent("breaks-every-rule.md")], guidesRoot: fixtures, displayBase: Self.repository,
            styleSheets: ["Styles/large-print.css": try String(contentsOf: fixtures.appendingPathComponent("Styles/large-print.css"), encoding: .utf8)])
        report.guides.append(checker.check(file: broken, guidesRoot: folder.root, displayPath: "Guides/broken.md").check)
        return report
    }

    @Test func jsonFollowsItsDocumentedSchema() async throws {
        let schema = try JSONSchemaValidator(schema: Data(contentsOf: Self.repository.appendingPathComponent("docs/check-report.schema.json")))
        let report = try await report()
        let data = try report.json()
        #expect(try schema.problems(data) == [])
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let totals = try #require(object["totals"] as? [String: Int])
        #expect(totals == ["errors": report.count(.error), "warnings": report.count(.warning), "infos": report.count(.info)])
        let guides = try #require(object["guides"] as? [[String: Any]])
        #expect(guides.map { $0["read"] as? Bool } == [true, false])
        #expect(try schema.problems(Data(#"{"formatVersion": 2}"#.utf8)).count > 3, "the validator finds problems")
    }

    @Test func sarifFollowsTheSARIF210Schema() async throws {
        let schema = try JSONSchemaValidator(schema: Data(contentsOf: Fixtures.url("sarif-2.1.0.json")))
        let report = try await report()
        let data = try report.sarif()
        #expect(try schema.problems(data) == [])
        let log = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let rules = try #require(((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        #expect(rules.compactMap { $0["id"] as? String } == RuleRegistry.ids + [CheckReport.guideFormatRuleID])
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == report.allFindings.count)
        let first = try #require(results.first)
        #expect(first["ruleId"] as? String == "language")
        #expect(first["level"] as? String == "error")
        let location = try #require((first["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        #expect((location["artifactLocation"] as? [String: Any])?["uri"] as? String == "Tests/WaymarkTests/Fixtures/checking/breaks-every-rule.md")
        #expect(location["region"] as? [String: Int] == ["startLine": 3, "startColumn": 11])
        let invalid = Data(#"{"version": "2.1.0", "runs": [{"tool": {}}]}"#.utf8)
        #expect(try !schema.problems(invalid).isEmpty, "the validator finds problems")
    }

    @Test func textGroupsByGuideWithASummary() async throws {
        let text = try await report().text
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("== Tests/WaymarkTests/Fixtures/checking/breaks-every-rule.md: 5 errors, 12 warnings, 1 note; reading age") == true)
        #expect(lines.contains("Tests/WaymarkTests/Fixtures/checking/breaks-every-rule.md:3:11: error: 'en_GB' is not a valid language tag [language]"))
        #expect(lines.contains("== Guides/broken.md: 1 error, 0 warnings, 0 notes"))
        #expect(lines.last == "Checked 2 guides and 1 style sheet: 15 errors, 12 warnings, 1 note.")
    }
}
