import Foundation
import Testing
@testable import Waymark
import WaymarkModel

/// Issue #21: braille (BRF, Unified English Braille) through liblouis.
@Suite("Writing: braille") struct BrailleWriterTests {
    static func fixture(_ name: String = "braille.md") throws -> Guide {
        let root = Fixtures.url("guides")
        return try GuideReader(guidesRoot: root).read(file: root.appendingPathComponent(name), displayPath: name)
    }

    static func brf(_ guide: Guide, grade: BrailleGrade? = nil, page: BraillePage? = nil) throws -> [UInt8] {
        var options = WriterOptions()
        options.brailleGrade = grade
        options.braillePage = page
        let files = try BrailleWriter().write(guide, options: options)
        #expect(files.map(\.path) == ["\(guide.slug).brf"])
        return files[0].bytes
    }

    /// The pages of a BRF file, each a list of lines (the number line first).
    static func pages(_ bytes: [UInt8]) -> [[String]] {
        let text = String(decoding: bytes, as: UTF8.self)
        var pages = text.split(separator: "\u{0C}", omittingEmptySubsequences: false).map(String.init)
        if pages.last == "" { pages.removeLast() }
        return pages.map { page in
            var lines = page.components(separatedBy: "\r\n")
            if lines.last == "" { lines.removeLast() }
            return lines
        }
    }

    /// `text` in UEB grade 2 as the writer's tables write it, for finding it in the output.
    static func braille(_ text: String, grade: BrailleGrade = .two) throws -> String {
        let code = try #require(BrailleCode.code(for: "en"))
        let wrapper = BrailleWrapper(table: try code.table(for: grade, formatID: "braille"), width: 40, formatID: "braille")
        return String(decoding: try wrapper.cells(text), as: UTF8.self)
    }

    // MARK: - Golden files

    @Test func goldenGradeTwo() throws {
        try Fixtures.expectGolden(try Self.brf(try Self.fixture()), "braille/braille-grade-2.brf")
    }

    @Test func goldenGradeOne() throws {
        try Fixtures.expectGolden(try Self.brf(try Self.fixture(), grade: .one), "braille/braille-grade-1.brf")
    }

    @Test func theSameGuideGivesTheSameBytes() throws {
        let guide = try Self.fixture("everything.md")
        #expect(try Self.brf(guide) == Self.brf(guide))
    }

    // MARK: - Layout

    @Test(arguments: [BraillePage.standard, BraillePage(cells: 28, lines: 20), BraillePage(cells: 20, lines: 8)])
    func everyPageFitsItsSizeAndIsNumberedAtTheTopRight(page: BraillePage) throws {
        let bytes = try Self.brf(try Self.fixture("everything.md"), page: page)
        // Braille ASCII (0x20 to 0x5F), CR LF line ends and a form feed after each page, nothing else.
        #expect(bytes.allSatisfy { (0x20...0x5F).contains($0) || $0 == 0x0D || $0 == 0x0A || $0 == 0x0C })
        #expect(bytes.last == 0x0C)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n") && !text.replacingOccurrences(of: "\r\n", with: "").contains("\r"))
        let pages = Self.pages(bytes)
        #expect(pages.count > 2)
        for (index, lines) in pages.enumerated() {
            #expect(lines.count <= page.lines, "page \(index + 1) has \(lines.count) lines")
            for line in lines { #expect(line.count <= page.cells, "page \(index + 1): \(line)") }
            let number = try Self.braille(String(index + 1))
            #expect(lines.first?.hasSuffix(" " + number) == true || lines.first == number, "page \(index + 1): \(lines.first ?? "")")
            #expect(lines.first?.count == page.cells)
            #expect(lines.dropFirst().first?.isEmpty != true || index == 0, "page \(index + 1) starts with a blank line")
        }
    }

    @Test func theTitlePageCountsThePagesAndNamesTheCode() throws {
        let pages = Self.pages(try Self.brf(try Self.fixture("everything.md")))
        let title = pages[0].joined(separator: "\n")
        let count = try Self.braille("\(pages.count) braille pages")
        #expect(title.contains(count), "\(title)")
        #expect(title.contains(try Self.braille("UEB grade 2")))
        #expect(title.contains(try Self.braille("Everything in one guide")))
        // The title page has no running title: the title is on it.
        #expect(pages[0][0].trimmingCharacters(in: .whitespaces) == "#A")
        #expect(pages[1][0].hasPrefix(try Self.braille("Everything in one guide")))
    }

    @Test func theContentsGiveThePageEachPartStartsOn() throws {
        let guide = try Self.fixture("everything.md")
        let pages = Self.pages(try Self.brf(guide))
        let contents = pages[1]
        #expect(contents[1].trimmingCharacters(in: .whitespaces) == (try Self.braille("Contents")))
        var parts = guide.chapters.compactMap { $0.heading.map { Inline.plainText($0.content) } }
        parts += [GuideText.helpTitle(for: guide, LabelCatalogues.builtIn.labels(for: "en")), "Words and what they mean"]
        for part in parts {
            let heading = try Self.braille(part)
            let entry = try #require(contents.first { $0.hasPrefix(heading + " \"\"") }, "no entry for \(part)")
            let digits = String(entry.split(separator: " ").last ?? "")
            let number = try #require(pages.indices.first { try Self.braille(String($0 + 1)) == digits })
            // The heading is centred on that page, and on no page before it.
            #expect(pages[number].dropFirst().contains { $0.trimmingCharacters(in: .whitespaces) == heading }, "\(part) is not on page \(number + 1)")
            #expect(!pages[2..<number].contains { $0.dropFirst().contains { $0.trimmingCharacters(in: .whitespaces) == heading } })
        }
    }

    @Test func aHeadingIsNeverTheLastLineOfAPage() throws {
        let bytes = try Self.brf(try Self.fixture("everything.md"), page: BraillePage(cells: 32, lines: 12))
        let headings = try Self.fixture("everything.md").chapters.compactMap { $0.heading.map { Inline.plainText($0.content) } }
        let brailled = try headings.map { try Self.braille($0) }
        for lines in Self.pages(bytes) {
            let last = lines.last?.trimmingCharacters(in: .whitespaces) ?? ""
            #expect(!brailled.contains(last), "a page ends with the heading \(last)")
        }
    }

    @Test func phoneNumbersAndWordsAreNeverSplitAndNoHyphenIsAdded() throws {
        let pages = Self.pages(try Self.brf(try Self.fixture(), page: BraillePage(cells: 24, lines: 25)))
        let lines = pages.flatMap { $0.dropFirst() }
        let phone = try Self.braille("0800 1111")
        #expect(lines.filter { $0.contains(phone) }.count >= 3)
        #expect(!lines.contains { $0.hasSuffix(String(phone.prefix(5))) && !$0.hasSuffix(phone) })
        // A line ends in a hyphen only where the print has one: "well-known" and "grown-up" may divide after it.
        var divisible: [String] = []
        for word in ["well-known", "grown-up"] {
            let braille = try Self.braille(word)
            divisible.append(String(braille.prefix { $0 != "-" }) + "-")
        }
        let gradeOne = Self.pages(try Self.brf(try Self.fixture(), grade: .one)).flatMap { $0.dropFirst() }
        #expect(gradeOne.contains { $0.hasSuffix(" TRUSTED GROWN-") })
        for line in lines where line.hasSuffix("-") {
            #expect(divisible.contains { line.hasSuffix($0) }, "\(line)")
        }
    }

    @Test func aWebAddressIsUncontractedAndDividedOnlyWhenLongerThanALine() throws {
        let lines = Self.pages(try Self.brf(try Self.fixture())).flatMap { $0.dropFirst() }
        let joined = lines.joined()
        // Letter for letter: "childline" keeps its letters, where grade 2 elsewhere writes "*ILDL9E".
        #expect(joined.contains("WWW4CHILDLINE4ORG4UK"))
        let childline = try Self.braille("Childline")
        #expect(lines.contains { $0.contains(childline) })
        // The long address is divided after a slash or a dot, with nothing added: the
        // lines of its list item, joined without their indents, hold it whole.
        let first = try #require(lines.firstIndex { $0.contains("HTTPS3_/_/WWW4CHILDLINE4") })
        var item = [lines[first]]
        while item.count < 4, lines[first + item.count].hasPrefix("  "), !lines[first + item.count].hasPrefix("   ") {
            item.append(lines[first + item.count])
        }
        let whole = item.map { $0.trimmingCharacters(in: .whitespaces) }.joined()
        #expect(whole.contains("HTTPS3_/_/WWW4CHILDLINE4ORG4UK_/INFO-ADVICE_/BULLYING-ABUSE-SAFETY_/"), "\(item)")
        #expect(item.count > 1)
        for (line, next) in zip(item, item.dropFirst()) {
            #expect(line.hasSuffix("_/") || line.hasSuffix("4"), "\(line) | \(next)")
            #expect(!next.trimmingCharacters(in: .whitespaces).hasPrefix("4"))
        }
    }

    @Test func listsPicturesAndContactsAreLinearText() throws {
        let lines = Self.pages(try Self.brf(try Self.fixture())).flatMap { $0.dropFirst() }
        // "• Call 0800 1111." from cell 1, the UEB bullet first.
        #expect(lines.contains("_4 " + (try Self.braille("Call 0800 1111."))))
        #expect(lines.contains(try Self.braille("[Picture: A phone with a speech bubble]")))
        #expect(lines.contains(try Self.braille("Phone: 0800 1111")))
        // The glossary's heading is centred, like every chapter heading.
        let glossary = try Self.braille("Words and what they mean")
        #expect(!lines.contains(glossary))
        #expect(lines.contains { $0.trimmingCharacters(in: .whitespaces) == glossary && $0.hasPrefix("   ") })
    }

    // MARK: - Languages and tables

    @Test func welshGuidesAreInWelshBraille() throws {
        var guide = try Self.fixture()
        guide.metadata.language = "cy"
        var options = WriterOptions()
        options.labels = .builtIn
        let bytes = try BrailleWriter().write(guide, options: options)[0].bytes
        let welsh = try #require(BrailleCode.code(for: "cy-GB"))
        let wrapper = BrailleWrapper(table: try welsh.table(for: .two, formatID: "braille"), width: 40, formatID: "braille")
        let title = Self.pages(bytes)[0].joined(separator: "\n")
        #expect(title.contains(String(decoding: try wrapper.cells("Braille Cymraeg, gradd 2"), as: UTF8.self)), "\(title)")
    }

    @Test func aLanguageWithNoTableIsAnErrorNamingIt() throws {
        var guide = try Self.fixture()
        guide.metadata.language = "ur-PK"
        do {
            _ = try BrailleWriter().write(guide, options: WriterOptions())
            Issue.record("a guide in Urdu was written in braille")
        } catch let error as WriterError {
            #expect(error.formatID == "braille")
            #expect(error.message == "there is no braille table for the guide's language, Urdu ('ur-PK')")
            #expect(error.hint?.contains("English, Welsh and Polish") == true)
            #expect(error.unavailable)
        }
    }

    @Test func aTableThatCannotBeLoadedIsAnErrorNamingTheLanguageAndTheTable() throws {
        let writer = BrailleWriter(codes: [BrailleCode(language: "en", tables: [.two: "xx-not-installed.ctb"])])
        do {
            _ = try writer.write(try Self.fixture(), options: WriterOptions())
            Issue.record("a missing table was not reported")
        } catch let error as WriterError {
            #expect(error.message.hasPrefix("the braille table xx-not-installed.ctb for English ('en') could not be loaded"), "\(error.message)")
            #expect(error.hint?.contains("liblouis-data") == true)
            #expect(!error.unavailable)
        }
    }

    @Test func aGradeALanguageDoesNotHaveFallsBackToTheOneItHas() throws {
        let polish = try #require(BrailleCode.code(for: "pl"))
        #expect(polish.grade(closestTo: .two) == .one)
        #expect(try #require(BrailleCode.code(for: "en")).grade(closestTo: .one) == .one)
    }

    // MARK: - In a build

    static func build(_ text: String, name: String = "guide.md", project: ProjectConfiguration = ProjectConfiguration(), options: WriterOptions = WriterOptions()) async throws -> (GuideBuildResult, URL) {
        let folder = try GuideFolder()
        let url = try folder.write(name, text)
        let output = TestTemporary.url("braille-output")
        var checks = CheckOptions(project: project)
        checks.rules = []
        let request = BuildRequest(
            guidesRoot: folder.root, outputRoot: output, guides: [url], options: options, displayBase: folder.root.deletingLastPathComponent(),
            checks: checks, writers: [PlainTextWriter(), BrailleWriter()])
        let results = try await Builder().build(request) { _ in }
        return (try #require(results.first), output.appendingPathComponent(Builder.slug(of: url)))
    }

    @Test func aGuideInALanguageWithNoTableIsBuiltWithoutBrailleAndAWarning() async throws {
        let text = frontMatter().replacingOccurrences(of: "language: en-GB", with: "language: ur") + "# مدد\n\nآپ کسی سے بات کر سکتے ہیں۔\n"
        let (result, folder) = try await Self.build(text)
        #expect(result.succeeded, "\(result.errors.map(\.formatted))")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("guide.txt").path))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("guide.brf").path))
        let warning = try #require(result.findings.first { $0.message.hasPrefix("the braille version was not made") })
        #expect(warning.severity == .warning)
        #expect(warning.formatted.hasPrefix("Guides/guide.md:1:1: warning: the braille version was not made: there is no braille table for the guide's language, Urdu ('ur')"))
    }

    @Test func aGuideThatAsksForBrailleByNameInALanguageWithNoTableFails() async throws {
        let text = frontMatter("formats: [text, braille]\n").replacingOccurrences(of: "language: en-GB", with: "language: ur") + "# مدد\n\nآپ کسی سے بات کر سکتے ہیں۔\n"
        let (result, _) = try await Self.build(text)
        #expect(!result.succeeded)
        let error = try #require(result.errors.first)
        #expect(error.message == "the braille version could not be made: there is no braille table for the guide's language, Urdu ('ur')")
        #expect(error.hint.contains("leave 'braille' out of this guide's 'formats:'"))
    }

    @Test func anotherPageSizeOrGradeRebuildsTheGuide() async throws {
        let folder = try GuideFolder()
        try folder.write("a.md", frontMatter() + "# A\n\nCall 0800 1111.\n")
        let output = TestTemporary.url("braille-cache")
        var checks = CheckOptions()
        checks.rules = []
        var request = BuildRequest(guidesRoot: folder.root, outputRoot: output, displayBase: folder.root, checks: checks, writers: [BrailleWriter()])
        _ = try await Builder().build(request) { _ in }
        #expect(try await Builder().build(request) { _ in }.map(\.unchanged) == [true])
        request.options.braillePage = BraillePage(cells: 32, lines: 25)
        #expect(try await Builder().build(request) { _ in }.map(\.unchanged) == [false])
        #expect(try await Builder().build(request) { _ in }.map(\.unchanged) == [true])
        request.checks.project.brailleGrade = .one
        #expect(try await Builder().build(request) { _ in }.map(\.unchanged) == [false])
    }

    @Test func thePageSizeAndGradeComeFromWaymarkYmlUnlessTheCommandLineGivesThem() async throws {
        var project = ProjectConfiguration()
        project.braillePage = BraillePage(cells: 30, lines: 20)
        project.brailleGrade = .one
        let text = frontMatter() + "# Help\n\nYou can talk to someone about anything that worries you, at any time of the day or night.\n"
        let (_, folder) = try await Self.build(text, project: project)
        let fromFile = Self.pages(Array(try Data(contentsOf: folder.appendingPathComponent("guide.brf"))))
        #expect(fromFile.allSatisfy { $0.count <= 20 && $0.allSatisfy { $0.count <= 30 } && $0[0].count == 30 })
        #expect(fromFile.joined().joined().contains("SOMEONE"))
        var options = WriterOptions()
        options.braillePage = BraillePage(cells: 36, lines: 25)
        let (_, again) = try await Self.build(text, project: project, options: options)
        let fromOption = Self.pages(Array(try Data(contentsOf: again.appendingPathComponent("guide.brf"))))
        #expect(fromOption.allSatisfy { $0[0].count == 36 })
    }
}
