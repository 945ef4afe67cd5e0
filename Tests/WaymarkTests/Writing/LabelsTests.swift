import Foundation
import Testing
@testable import Waymark
import WaymarkModel

/// Issue #16: every word Waymark adds comes from a catalogue in the guide's language.
@Suite("Writing: labels") struct LabelsTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    // MARK: - The catalogues

    @Test func everyBuiltInCatalogueReadsWithEveryLabel() throws {
        let files = EmbeddedStyles.files.filter { $0.path.hasPrefix("labels/") }
        #expect(files.map(\.path) == ["labels/ar.yml", "labels/cy.yml", "labels/en.yml", "labels/pa.yml", "labels/pl.yml", "labels/ro.yml", "labels/ur.yml"])
        // Read here without `try?`, so that a mistake in one is seen, not replaced by English.
        let catalogues = try LabelCatalogues(files.map { (path: $0.path, bytes: Array($0.text.utf8)) })
        #expect(catalogues.languages == ["ar", "cy", "en", "pa", "pl", "ro", "ur"])
        #expect(LabelCatalogues.builtIn.languages == catalogues.languages)
        for language in catalogues.languages {
            let labels = try #require(catalogues.catalogue(for: language))
            for key in Labels.Key.allCases { #expect(labels.texts[key] != nil, "\(language) has no \(key.rawValue)") }
        }
    }

    /// Issue #23: the built-in catalogues are read without Yams, and read as Yams reads them.
    @Test func theQuickReadingOfACatalogueIsYamsOwn() throws {
        let english = LabelCatalogues.builtIn.labels(for: "en")
        for file in EmbeddedStyles.files where file.path.hasPrefix("labels/") {
            let bytes = Array(file.text.utf8)
            let against = file.path == "labels/en.yml" ? nil : english
            let quick = try LabelCatalogues.catalogue(bytes, file: file.path, english: against)
            #expect(quick == (try LabelCatalogues.catalogue(bytes, file: file.path, english: against, fast: false)), "\(file.path)")
            #expect(LabelCatalogues.quickCatalogue(bytes, file: file.path, english: against) == quick, "\(file.path) is read without Yams")
            // Changed so that SimpleYAML gives up (a comment after a value) or so that something
            // is wrong (a label gone): the same labels, or the same problems, as Yams gives.
            for change in [("\n  contents: ", "\n  contents: # note\n    "), ("\n  contents: ", "\n  contnets: "), ("language: ", "language: x")] {
                let changed = Array(file.text.replacingOccurrences(of: change.0, with: change.1).utf8)
                func read(_ fast: Bool) -> (labels: Labels?, problems: [String]) {
                    do throws(StyleSet.LoadError) {
                        return (try LabelCatalogues.catalogue(changed, file: file.path, english: against, fast: fast), [])
                    } catch {
                        return (nil, error.diagnostics.map(\.formatted))
                    }
                }
                #expect(read(true) == read(false), "\(file.path), \(change.1)")
            }
        }
    }

    @Test func theEnglishCatalogueHasEveryKeyAndNoOther() throws {
        let english = try #require(EmbeddedStyles.files.first { $0.path == "labels/en.yml" })
        let labels = try LabelCatalogues.catalogue(Array(english.text.utf8), file: "en.yml", english: nil)
        #expect(Set(labels.texts.keys) == Set(Labels.Key.allCases))
        #expect(labels(.contents) == "Contents")
        #expect(labels.name == "English")
    }

    @Test(arguments: [
        ("en-GB", "en"), ("cy", "cy"), ("cy-GB", "cy"), ("pa-Guru-IN", "pa"), ("ur-PK", "ur"), ("AR", "ar"),
    ])
    func aGuideGetsTheCatalogueOfItsLanguage(tag: String, catalogue: String) {
        #expect(LabelCatalogues.builtIn.catalogue(for: tag)?.language == catalogue)
    }

    @Test func aLanguageWithNoCatalogueGetsEnglishWordsButItsOwnDates() {
        #expect(LabelCatalogues.builtIn.catalogue(for: "fr") == nil)
        let labels = LabelCatalogues.builtIn.labels(for: "fr")
        #expect(labels(.contents) == "Contents")
        #expect(labels.date(GuideDate(year: 2026, month: 10, day: 1)) == "1 octobre 2026")
    }

    @Test(arguments: [
        ("en-GB", "1 October 2026"), ("en", "1 October 2026"), ("cy", "1 Hydref 2026"),
        ("pl", "1 października 2026"), ("ro", "1 octombrie 2026"),
    ])
    func datesAreWrittenInTheGuidesLanguage(tag: String, written: String) {
        #expect(LabelCatalogues.builtIn.labels(for: tag).date(GuideDate(year: 2026, month: 10, day: 1)) == written)
    }

    @Test func rightToLeftCataloguesSayso() {
        #expect(LabelCatalogues.builtIn.labels(for: "ur").isRightToLeft)
        #expect(LabelCatalogues.builtIn.labels(for: "ar").isRightToLeft)
        #expect(!LabelCatalogues.builtIn.labels(for: "pa").isRightToLeft)
    }

    // MARK: - Plural forms (CLDR)

    @Test(arguments: [
        ("en", 1, PluralCategory.one), ("en", 0, .other), ("en", 2, .other),
        ("pl", 1, .one), ("pl", 2, .few), ("pl", 4, .few), ("pl", 5, .many), ("pl", 12, .many), ("pl", 22, .few), ("pl", 25, .many),
        ("cy", 0, .zero), ("cy", 1, .one), ("cy", 2, .two), ("cy", 3, .few), ("cy", 6, .many), ("cy", 4, .other), ("cy", 10, .other),
        ("ro", 1, .one), ("ro", 0, .few), ("ro", 19, .few), ("ro", 20, .other), ("ro", 101, .few),
        ("ar", 0, .zero), ("ar", 1, .one), ("ar", 2, .two), ("ar", 3, .few), ("ar", 103, .few), ("ar", 11, .many), ("ar", 100, .other),
        ("pa", 0, .one), ("pa", 1, .one), ("pa", 2, .other), ("ur", 1, .one), ("ur", 0, .other),
    ])
    func pluralCategoriesFollowCLDR(language: String, number: Int, category: PluralCategory) {
        #expect(PluralRule(language: language).category(number) == category)
    }

    @Test func aCountedLabelTakesTheFormForItsNumber() {
        let polish = LabelCatalogues.builtIn.labels(for: "pl")
        #expect(polish(.summaryChapters, count: 1).contains("1 rozdział "))
        #expect(polish(.summaryChapters, count: 3).contains("3 rozdziały "))
        #expect(polish(.summaryChapters, count: 5).contains("5 rozdziałów "))
        let english = LabelCatalogues.builtIn.labels(for: "en")
        #expect(english(.summaryChapters, count: 1).hasPrefix("This e-book has 1 chapter "))
        #expect(english(.summaryChapters, count: 4).hasPrefix("This e-book has 4 chapters "))
    }

    @Test func namesInBracesAreFilledAndTheRestLeftAlone() {
        let english = LabelCatalogues.builtIn.labels(for: "en")
        #expect(english(.audienceLine, ["audience": "Young people {aged 11}"]) == "For: Young people {aged 11}")
        #expect(english.parts(.easyCall, around: "number") == ("Call ", "."))
        #expect(english.pieces(.pageNumber) == [.text("Page "), .name("page"), .text(" of "), .name("pages")])
        #expect(english.list(["Childline", "NSPCC", "Police"]) == "Childline, NSPCC and Police")
        #expect(LabelCatalogues.builtIn.labels(for: "cy").list(["Childline", "NSPCC"]) == "Childline a NSPCC")
    }

    // MARK: - A project's catalogues

    /// The English catalogue with its language changed and `change` applied to its text.
    static func catalogue(_ language: String, _ change: (String) -> String = { $0 }) throws -> String {
        let english = try #require(EmbeddedStyles.files.first { $0.path == "labels/en.yml" }).text
        return change(english.replacingOccurrences(of: "language: en\nname: English\n", with: "language: \(language)\nname: Test\n"))
    }

    @Test func aProjectCatalogueAddsALanguage() async throws {
        let project = try StyleSetTests.Project(guide: "")
        try project.guides.write("guide.md", frontMatter().replacingOccurrences(of: "language: en-GB", with: "language: fr") + "# Aide\n\nTu peux parler à quelqu'un.\n")
        try project.style("labels/fr.yml", try Self.catalogue("fr") { $0.replacingOccurrences(of: "  contents: Contents", with: "  contents: Sommaire") })
        let (results, findings, _) = try await project.build(stylesRoot: project.styles)
        #expect(findings.isEmpty)
        #expect(results.map(\.succeeded) == [true], "\(results.flatMap(\.errors).map(\.formatted))")
        #expect(!results.flatMap(\.findings).contains { $0.rule == "label-language" })
        let text = String(decoding: try project.output("guide.txt"), as: UTF8.self)
        #expect(text.contains("Sommaire") || !text.contains("Contents"))
        let page = String(decoding: try project.output("guide-large-print.html"), as: UTF8.self)
        #expect(page.contains("<html lang=\"fr\">"))
    }

    @Test func aCorrectedLabelRebuildsTheGuidesInThatLanguage() async throws {
        let project = try StyleSetTests.Project(guide: "")
        try project.guides.write("guide.md", frontMatter().replacingOccurrences(of: "language: en-GB", with: "language: fr") + "# Aide\n\nTu peux parler à quelqu'un.\n")
        try project.style("labels/fr.yml", try Self.catalogue("fr") { $0.replacingOccurrences(of: "  contents: Contents", with: "  contents: Sommaire") })
        _ = try await project.build(stylesRoot: project.styles)
        let same = try await project.build(stylesRoot: project.styles)
        #expect(same.results.map(\.unchanged) == [true])
        try project.style("labels/fr.yml", try Self.catalogue("fr") { $0.replacingOccurrences(of: "  urgent: Urgent", with: "  urgent: Urgence") })
        let again = try await project.build(stylesRoot: project.styles)
        #expect(again.results.map(\.unchanged) == [false])
    }

    @Test func aGuideInALanguageWithNoCatalogueBuildsWithAWarning() async throws {
        let project = try StyleSetTests.Project(guide: "")
        try project.guides.write("guide.md", frontMatter().replacingOccurrences(of: "language: en-GB", with: "language: it") + "# Aiuto\n\nPuoi parlare con qualcuno.\n")
        let (results, _, _) = try await project.build(stylesRoot: nil)
        #expect(results.map(\.succeeded) == [true])
        let warning = try #require(results.flatMap(\.findings).first { $0.rule == "label-language" })
        #expect(warning.severity == .warning)
        #expect(warning.message.contains("'it'"))
        #expect(warning.hint.contains("Styles/labels/it.yml"))
    }

    @Test func aCatalogueMissingALabelStopsTheBuildNamingItWithTheEnglishWords() async throws {
        let project = try StyleSetTests.Project(guide: "# Help\n\nTalk to someone.\n")
        try project.style("labels/fr.yml", try Self.catalogue("fr") {
            $0.replacingOccurrences(of: "  contents: Contents\n", with: "").replacingOccurrences(of: "  urgent: Urgent\n", with: "")
        })
        do {
            _ = try await project.build(stylesRoot: project.styles)
            Issue.record("the build went on with a broken catalogue")
        } catch let error as BuildSetupError {
            let messages = error.diagnostics.map(\.formatted).joined(separator: "\n")
            #expect(messages.contains("Styles/labels/fr.yml:1:1: error: the catalogue has no label 'contents' (in English: \"Contents\")"), "\(messages)")
            #expect(messages.contains("no label 'urgent' (in English: \"Urgent\")"))
        }
    }

    @Test(arguments: [
        ("  audience-line: \"For: {audience}\"", "  audience-line: \"Pour : {public}\"", "must have {audience}, as in English"),
        ("  contents: Contents", "  contents: Sommaire\n  contnets: Sommaire", "there is no label 'contnets'"),
        ("language: fr", "language: de", "the catalogue says it is for 'de', but its file is named fr.yml"),
    ])
    func aCatalogueWithAMistakeIsRefusedAtItsLine(from: String, to: String, message: String) async throws {
        let project = try StyleSetTests.Project(guide: "# Help\n\nTalk to someone.\n")
        try project.style("labels/fr.yml", try Self.catalogue("fr") { $0.replacingOccurrences(of: from, with: to) })
        await #expect(throws: BuildSetupError.self) { _ = try await project.build(stylesRoot: project.styles) }
        do { _ = try await project.build(stylesRoot: project.styles) } catch let error as BuildSetupError {
            #expect(error.diagnostics.contains { $0.message.contains(message) }, "\(error.diagnostics.map(\.formatted))")
        }
    }

    // MARK: - No English label is written by a writer itself

    /// Every label of the English catalogue that a writer could write out by itself ("Contents",
    /// "Phone"), as found in the writers' string literals, is a fault: the word must come from the
    /// catalogue, or a guide in Welsh gets it in English.
    @Test func noWriterWritesAnEnglishLabelItself() throws {
        let english = LabelCatalogues.builtIn.labels(for: "en")
        var words: Set<String> = []
        for key in Labels.Key.allCases {
            let text = english(key).trimmingCharacters(in: .whitespaces)
            // Labels of one short word ("Note", "Text", "Open", "For", "Cost") are also ordinary
            // words in code; those of two words or more, or with a colon, are labels only.
            for piece in text.components(separatedBy: "{") where !piece.isEmpty {
                let words1 = piece.split(separator: "}").last.map(String.init) ?? piece
                let candidate = words1.trimmingCharacters(in: CharacterSet(charactersIn: " :.,()[]–"))
                if candidate.split(separator: " ").count >= 2 || ["Contents", "Urgent", "Phone", "Website", "Email", "Landmarks", "Cover"].contains(candidate) {
                    words.insert(candidate)
                }
            }
        }
        #expect(words.contains("Who can help") && words.contains("Skip to the guide") && words.contains("Contents"))
        let writing = Self.repository.appendingPathComponent("Sources/Waymark/Writing")
        let files = try #require(FileManager.default.enumerator(atPath: writing.path)).compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }
        var found: [String] = []
        for file in files.sorted() {
            let text = try String(contentsOf: writing.appendingPathComponent(file), encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let code = line.trimmingCharacters(in: .whitespaces)
                guard !code.hasPrefix("//") else { continue }
                for literal in Self.literals(in: String(line)) {
                    let plain = literal.trimmingCharacters(in: CharacterSet(charactersIn: " :.,()[]–"))
                    if words.contains(plain) || words.contains(where: { $0.split(separator: " ").count >= 3 && literal.contains($0) }) {
                        found.append("Sources/Waymark/Writing/\(file):\(number + 1): \"\(literal)\"")
                    }
                }
            }
        }
        #expect(found.isEmpty, "English labels written by a writer itself:\n\(found.joined(separator: "\n"))")
    }

    /// The string literals of one line of Swift (no multi-line strings in the writers).
    static func literals(in line: String) -> [String] {
        var literals: [String] = []
        var current: String?
        var escaped = false
        for character in line {
            if var text = current {
                if escaped { text.append(character); escaped = false; current = text; continue }
                if character == "\\" { escaped = true; current = text; continue }
                if character == "\"" { literals.append(text); current = nil; continue }
                text.append(character)
                current = text
            } else if character == "\"" {
                current = ""
            }
        }
        return literals
    }

    /// Labels are filled on their bytes (issue #23); the result is the one filling them a
    /// character at a time gives, for seeded texts with braces, names known and unknown, braces
    /// left open, and braces beside accents, Arabic and emoji (where a brace may not be a
    /// character of its own).
    @Test func fillingOnTheBytesIsFillingByCharacter() {
        let pieces = ["{title}", "{count}", "{nobody}", "{", "}", "{}", "Call ", " a ", "\u{301}", "\u{600}", "é", "ﻻ", "👍🏽", "{{title}}", "\r\n", "x"]
        let values = ["title": "Bullying", "count": "3", "": "empty", "\u{301}title": "accent"]
        var random = SeededPicks(state: 23)
        for _ in 0..<3000 {
            let text = (0..<random.next(8)).map { _ in pieces[random.next(pieces.count)] }.joined()
            #expect(Labels.fill(text, values) == Labels.fillByCharacter(text, values), "\(text.debugDescription)")
            #expect(Labels.fill(text, [:]) == text)
        }
        #expect(Labels.fill("Call {number}.", ["number": "0800 1111"]) == "Call 0800 1111.")
        #expect(Labels.fill("{\u{301}title}", values) == Labels.fillByCharacter("{\u{301}title}", values))
    }
}
