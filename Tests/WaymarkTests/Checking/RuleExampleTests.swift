import Foundation
import Testing
@testable import Waymark
import WaymarkModel

/// One example of one rule, as a test argument.
struct ExampleCase: Sendable, CustomTestStringConvertible {
    let ruleID: String
    let failing: Bool
    let index: Int

    var testDescription: String { "\(ruleID) \(failing ? "failing" : "passing") #\(index + 1)" }

    var example: RuleExample {
        let description = RuleRegistry.rule(ruleID)!.description
        return (failing ? description.failing : description.passing)[index]
    }

    static let all: [ExampleCase] = RuleRegistry.all.flatMap { rule in
        rule.description.passing.indices.map { ExampleCase(ruleID: rule.description.id, failing: false, index: $0) }
            + rule.description.failing.indices.map { ExampleCase(ruleID: rule.description.id, failing: true, index: $0) }
    }
}

@Suite("Rule examples") struct RuleExampleTests {
    @Test("Each example gives a finding exactly at each marker, and nothing else", arguments: ExampleCase.all)
    func example(_ item: ExampleCase) throws {
        let rule = try #require(RuleRegistry.rule(item.ruleID))
        let prepared = PreparedExample(item.example)
        if item.failing { #expect(!prepared.markers.isEmpty, "a failing example needs a ↓ marker") } else { #expect(prepared.markers.isEmpty) }
        let findings = try prepared.findings(of: rule, styleSheet: item.example.styleSheet, folder: GuideFolder())
        #expect(findings.positions == prepared.markers, "\(findings.map(\.formatted).joined(separator: "\n"))")
        for finding in findings {
            #expect(finding.rule == item.ruleID)
            #expect(finding.standard == rule.description.standard)
            #expect(!finding.hint.isEmpty)
        }
    }
}

@Suite("Rule registry") struct RuleRegistryTests {
    static let rulesFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/Waymark/Checking/Rules")

    @Test func everyRuleFileIsRegistered() throws {
        let enumerator = try #require(FileManager.default.enumerator(at: Self.rulesFolder, includingPropertiesForKeys: nil))
        var files: [String] = []
        while let url = enumerator.nextObject() as? URL {
            if url.pathExtension == "swift" { files.append(url.deletingPathExtension().lastPathComponent) }
        }
        #expect(files.count >= 15)
        let registered = Set(RuleRegistry.all.map { String(describing: type(of: $0)) })
        for file in files {
            #expect(file.hasSuffix("Rule"), "\(file).swift: a file in Rules/ holds one rule named <Name>Rule")
            #expect(registered.contains(file), "\(file) is not in RuleRegistry.all")
        }
        #expect(registered.count == RuleRegistry.all.count)
        #expect(Set(files) == registered)
    }

    @Test func idsAreUniqueKebabCaseAndDescriptionsComplete() {
        let ids = RuleRegistry.ids
        #expect(Set(ids).count == ids.count)
        for rule in RuleRegistry.all {
            let description = rule.description
            #expect(description.id.range(of: "^[a-z]+(-[a-z]+)*$", options: .regularExpression) != nil, "\(description.id)")
            #expect(!description.passing.isEmpty && !description.failing.isEmpty, "\(description.id) needs examples")
            #expect(!description.standards.isEmpty && !description.rationale.isEmpty && description.summary.hasSuffix("."), "\(description.id)")
            #expect(Set(description.parameters.map(\.name)).count == description.parameters.count)
        }
    }

    @Test func everyRuleIsDocumented() throws {
        let docs = try String(contentsOf: Self.rulesFolder.appendingPathComponent("../../../../docs/checking.md").standardizedFileURL, encoding: .utf8)
        for id in RuleRegistry.ids { #expect(docs.contains("| `\(id)` |"), "docs/checking.md has no row for \(id)") }
    }

    @Test func resourcesAreBundled() {
        #expect(Syllables.hasTable)
        #expect(PlainWords.listed.count >= 100)
    }
}
