import Foundation
import Testing
@testable import Waymark

/// `waymark.yml`'s project settings (publisher, language, alternative formats): read, or refused
/// with `file:line:column`. They live in `ProjectConfiguration` beside the `checks:` settings.
@Suite("Project settings") struct ProjectSettingsTests {
    func parse(_ text: String) throws(GuideReadFailure) -> ProjectConfiguration {
        try ProjectConfiguration.parse(Array(text.utf8), displayPath: "waymark.yml")
    }

    @Test func everySettingIsRead() throws {
        let project = try parse("""
            publisher: Warwickshire Safeguarding
            language: cy
            alternative-formats: {email: formats@example.org, phone: 0800 1111, website: "https://www.example.org/formats"}
            checks:
              italics: off
            """)
        #expect(project.publisher == "Warwickshire Safeguarding")
        #expect(project.language == "cy")
        #expect(project.alternativeFormats == .init(
            email: "formats@example.org", phone: PhoneNumbers.parse("0800 1111"), website: "https://www.example.org/formats"))
        #expect(project.checks.map(\.rule) == ["italics"])
    }

    @Test func theBrailleSettingsAreRead() throws {
        let project = try parse("braille-page: 32x27\nbraille-grade: 1\n")
        #expect(project.braillePage == BraillePage(cells: 32, lines: 27))
        #expect(project.brailleGrade == .one)
        let none = try parse("publisher: Us\n")
        #expect(none.braillePage == nil && none.brailleGrade == nil)
    }

    @Test(arguments: [
        ("braille-page: 40 by 25\n", "waymark.yml:1:15: error: 'braille-page:' is not a page size"),
        ("braille-page: 200x25\n", "waymark.yml:1:15: error: 'braille-page: 200x25' cannot be used: a braille line has 20 to 100 cells, not 200"),
        ("braille-page: 40x2\n", "waymark.yml:1:15: error: 'braille-page: 40x2' cannot be used: a braille page has 5 to 100 lines, not 2"),
        ("braille-grade: 3\n", "waymark.yml:1:16: error: 'braille-grade:' is 1 or 2"),
        ("braille-grade: two\n", "waymark.yml:1:16: error: 'braille-grade:' is 1 or 2"),
    ])
    func aWrongBrailleSettingIsReportedAtItsPlace(_ text: String, _ expected: String) {
        do {
            _ = try parse(text)
            Issue.record("no error for \(text)")
        } catch {
            #expect(error.diagnostics.map { $0.formatted.split(separator: "\n").first.map(String.init) ?? "" } == [expected])
            #expect(error.diagnostics.allSatisfy { $0.hint.contains("braille-") })
        }
    }

    @Test func nothingGivenIsNothingSet() throws {
        let project = try parse("checks:\n  italics: off\n")
        #expect(project.publisher == nil && project.language == nil && project.alternativeFormats == nil)
    }

    @Test(arguments: [
        ("publisher: \"\"\n", "waymark.yml:1:12: error: 'publisher:' is empty"),
        ("publisher: [a, b]\n", "waymark.yml:1:12: error: 'publisher:' is not plain text"),
        ("publisher: \"Our\\u202Eham\"\n", "waymark.yml:1:12: error: 'publisher:' holds a hidden character (U+202E RIGHT-TO-LEFT OVERRIDE)"),
        ("publisher: \"Our\\eham\"\n", "waymark.yml:1:12: error: this value holds an invisible control character (U+001B)"),
        ("language: en-UK\n", "waymark.yml:1:11: error: 'en-UK' is not a valid language tag"),
        ("language: English\n", "waymark.yml:1:11: error: 'English' is not a valid language tag"),
        ("publsher: x\n", "waymark.yml:1:1: error: unknown waymark.yml key 'publsher'"),
        ("alternative-formats: formats@example.org\n", "waymark.yml:1:22: error: 'alternative-formats:' is not a list of ways to get in touch"),
        ("alternative-formats: {}\n", "waymark.yml:1:22: error: 'alternative-formats:' gives no way to get in touch"),
        ("alternative-formats:\n  fax: 01632 960000\n", "waymark.yml:2:3: error: unknown alternative-formats key 'fax'"),
        ("alternative-formats:\n  email: formats.example.org\n", "waymark.yml:2:10: error: the email address 'formats.example.org' is not an email address (like help@example.org)"),
        ("alternative-formats:\n  phone: call us\n", "waymark.yml:2:10: error: 'call us' is not a UK phone number"),
        ("alternative-formats:\n  website: javascript:alert(1)\n", "waymark.yml:2:12: error: the website address 'javascript:alert(1)' is not a web address starting with https://"),
        ("alternative-formats:\n  website: //example.org\n", "waymark.yml:2:12: error: the website address '//example.org' has no 'https:' at the start"),
    ])
    func wrongSettingIsReportedAtItsPlace(_ text: String, _ expected: String) {
        do {
            _ = try parse(text)
            Issue.record("no error for \(text)")
        } catch {
            let lines = error.diagnostics.map { $0.formatted.split(separator: "\n").first.map(String.init) ?? "" }
            #expect(lines.contains(expected), "\(lines)")
            #expect(error.diagnostics.allSatisfy { !$0.hint.isEmpty })
        }
    }

    @Test func severalMistakesAreAllReportedInFileOrder() {
        do {
            _ = try parse("language: en_GB\npublisher: ''\nalternative-formats:\n  email: nobody\n")
            Issue.record("no error")
        } catch {
            #expect(error.diagnostics.map(\.location.line) == [1, 2, 4])
        }
    }
}
