import Foundation
import Testing
@testable import Waymark
import WaymarkModel
import WaymarkZip

/// The second round of hostile guides (issue 12): executable links, CSS that breaks out
/// of its string, numbers no rule can use, anchors the text scan missed, and text that
/// would reach an output broken. Each is refused at its place, or written correctly.
@Suite("Reliability: hostile guides, second round") struct HostileGuideTests {
    static let styles = OutputSafetyTests.repository.appendingPathComponent("Styles")

    func contact(_ lines: String) -> String {
        frontMatter() + "# Help\n\nYou can get help.\n\n:::contact\nname: Helpline\n\(lines)\n:::\n"
    }

    // MARK: - Links

    @Test(arguments: [
        "website: javascript:alert(document.cookie)",
        "website: vbscript:msgbox(1)",
        "website: data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "website: file:///etc/passwd",
        "website: //tracker.example/chat",
        "chat: //tracker.example/chat",
        "chat: JavaScript:alert(1)",
        "chat: mailto:someone@example.org",
        "website: https://",
        "website: https://exa mple.org",
        "website: \"https://example.org\\u0007\"",
        "email: someone\">@example.org",
        "email: not-an-address",
        "phone: call us",
    ])
    func anExecutableOrRemoteContactAddressIsAnErrorAtItsValue(line: String) throws {
        let errors = try GuideFolder().errors(contact(line))
        #expect(errors.positions.count == 1, "\(errors.map(\.formatted))")
        #expect(errors.first?.location.line == 15, "\(errors.map(\.formatted))")
        let column = line.distance(from: line.startIndex, to: try #require(line.firstIndex(of: ":"))) + 3
        #expect(errors.first?.location.column == column, "\(errors.map(\.formatted))")
    }

    @Test(arguments: [
        "[Chat](javascript:alert(1))", "[Chat](vbscript:x)", "[Chat](data:text/html,x)",
        "[Chat](file:///etc/passwd)", "[Chat](//tracker.example)", "[Chat](https://exa\\\\mple.org)",
    ])
    func anExecutableOrRemoteBodyLinkIsAnError(link: String) throws {
        let errors = try GuideFolder().errors(frontMatter() + "# Links\n\nGo to \(link) now.\n")
        #expect(errors.positions == ["11:7"], "\(errors.map(\.formatted))")
    }

    @Test func addressesAreURLEncodedInEveryHref() async throws {
        let folder = try GuideFolder()
        try folder.write("links.md", frontMatter() + """
            # Links

            Write to <mailto:help"x@example.org> or visit [our page](https://example.org/a"b<c>d?q=é%20x).

            :::contact
            name: Helpline
            website: https://example.org/path"><b>
            email: help@example.org
            :::

            """)
        let (results, output) = try await OutputSafetyTests().build(folder)
        #expect(results.allSatisfy { $0.succeeded }, "\(results.flatMap { $0.errors }.map { $0.formatted })")
        let files = try OutputScanner.files(in: output).filter { $0.name.hasSuffix(".html") || $0.name.hasSuffix(".xhtml") }
        #expect(!files.isEmpty)
        for file in files {
            // Every href is a URI: nothing that RFC 3986 leaves out (EPUBCheck RSC-020).
            for href in Self.values(of: "href", in: file.text) {
                #expect(!href.unicodeScalars.contains { !$0.isASCII || " \"<>\\^`{|}".unicodeScalars.contains($0) }, "\(file.name): \(href)")
                #expect(!["&quot;", "&lt;", "&gt;", "&#"].contains { href.contains($0) }, "\(file.name): \(href)")
            }
        }
        let html = try #require(files.first { $0.name.hasSuffix("links-large-print.html") })
        #expect(html.text.contains("href=\"mailto:help%22x@example.org\""))
        #expect(html.text.contains("href=\"https://example.org/a%22b%3Cc%3Ed?q=%C3%A9%20x\""))
        #expect(html.text.contains("href=\"https://example.org/path%22%3E%3Cb%3E\""))
    }

    @Test func theEncoderKeepsGoodAddressesAsTheyAre() {
        for address in ["https://www.childline.org.uk/get-support/", "tel:08001111", "mailto:a@b.org?subject=Hi%20there", "#glossary"] {
            #expect(LinkPolicy.encoded(address) == address)
        }
        #expect(LinkPolicy.encoded("https://x.org/a b") == "https://x.org/a%20b")
        #expect(LinkPolicy.encoded("https://x.org/100%") == "https://x.org/100%25")
    }

    // MARK: - CSS

    @Test func theRunningHeadIsAnEscapedCSSString() {
        let css = PrintDocument.cssString("Safe\u{0C}}} body{background:url(https://tracker.example/css.gif)} x{\"\\")
        #expect(!css.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F })
        #expect(css.hasPrefix("\"") && css.hasSuffix("\""))
        let inner = css.dropFirst().dropLast()
        var index = inner.startIndex
        while index < inner.endIndex {
            // Every quote inside is escaped, so the string cannot end early.
            if inner[index] == "\\" { index = inner.index(index, offsetBy: 2, limitedBy: inner.endIndex) ?? inner.endIndex; continue }
            #expect(inner[index] != "\"")
            index = inner.index(after: index)
        }
        #expect(PrintDocument.cssComment("x*/ body{background:url(https://t)} /*") == "x?? body?background?url?https???t?? ??")
    }

    @Test func aTitleThatTriesToLeaveTheCSSStringIsRefused() throws {
        let guide = frontMatter().replacingOccurrences(
            of: "title: Test guide",
            with: "title: \"Staying safe\\f}} body{background:url(https://tracker.example/css.gif)} x{\"") + "Text.\n"
        let errors = try GuideFolder().errors(guide)
        #expect(errors.positions == ["2:8"], "\(errors.map(\.formatted))")
    }

    // MARK: - Numbers in settings

    @Test(arguments: [".inf", "-.inf", ".nan", "1e19", "2.5", "-3", "0"])
    func aNumberNoRuleCanUseIsAnErrorNotACrash(value: String) throws {
        let folder = try GuideFolder()
        let url = try folder.write("guide.md", frontMatter("checks:\n  capitals: {min-words: \(value)}\n  picture-alt-text: {max-length: \(value)}\n")
            + "# Hi\n\nIT IS NOT YOUR FAULT AT ALL.\n\n![A phone](pictures/phone.svg)\n")
        let (_, check) = Checker().check(file: url, guidesRoot: folder.root, displayPath: "Guides/guide.md")
        let errors = check.findings.filter { $0.severity == .error }
        #expect(errors.count == 2, "\(check.findings.map(\.formatted))")
        #expect(errors.allSatisfy { $0.message.contains("whole number") })
        #expect(errors.positions == ["8:3", "9:3"])
        // The rule still ran, with its default.
        #expect(check.findings.contains { $0.rule == "capitals" && $0.severity == .warning })
    }

    @Test(arguments: [".inf", ".nan", "1e19", "nan", "inf"])
    func aNumberNoRuleCanUseInTheProjectFileIsAnError(value: String) throws {
        let folder = try GuideFolder()
        let file = folder.root.deletingLastPathComponent().appendingPathComponent("waymark.yml")
        try Data("checks:\n  capitals: {min-words: \(value)}\n".utf8).write(to: file)
        #expect(throws: GuideReadFailure.self) {
            _ = try ProjectConfiguration.load(from: file, displayPath: "waymark.yml")
        }
        do {
            _ = try ProjectConfiguration.load(from: file, displayPath: "waymark.yml")
        } catch {
            #expect(error.diagnostics.positions.allSatisfy { $0.hasPrefix("2:") }, "\(error.diagnostics.map(\.formatted))")
        }
    }

    // MARK: - YAML anchors

    static func laughs(indent: String, separator: String) -> String {
        var lines = ["\(indent)a:\(separator)&a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]"]
        let names = Array("bcdefghij")
        for (index, name) in names.enumerated() {
            let previous = index == 0 ? "a" : String(names[index - 1])
            lines.append("\(indent)\(name):\(separator)&\(name) [" + Array(repeating: "\(separator)*\(previous)", count: 9).joined(separator: ",") + "]")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func aBillionLaughsWithTabsIsRefusedEverywhere() throws {
        let folder = try GuideFolder()
        let inFrontMatter = "---\ntitle: T\n" + Self.laughs(indent: "", separator: "\t").replacingOccurrences(of: "a:\t&a", with: "summary:\t&a") + "---\nText.\n"
        #expect(try GuideFolder().errors(inFrontMatter).positions == ["3:10"])
        let inContact = frontMatter() + "# Help\n\n:::contact\nname: X\nphone: 0800 1111\n" + Self.laughs(indent: "", separator: "\t") + ":::\n"
        let errors = folder.errors(inContact)
        #expect(errors.positions == ["14:4"], "\(errors.map(\.formatted))")
        let file = folder.root.deletingLastPathComponent().appendingPathComponent("waymark.yml")
        try Data(("checks:\n" + Self.laughs(indent: "  ", separator: "\t")).utf8).write(to: file)
        do {
            _ = try ProjectConfiguration.load(from: file, displayPath: "waymark.yml")
            Issue.record("the project file was read")
        } catch {
            #expect(error.diagnostics.positions == ["2:6"])
        }
    }

    // MARK: - Silent corruption

    @Test(arguments: ["&#27;", "&#1;", "&#12;", "&#x7F;", "&#x9B;"])
    func aControlCharacterInTheBodyIsRefused(reference: String) throws {
        let errors = try GuideFolder().errors(frontMatter() + "# Hi\n\nYou are \(reference)safe.\n")
        #expect(errors.count == 1)
        #expect(errors.first?.location.line == 11)
        #expect(errors.first?.message.contains("control character") == true)
    }

    @Test func aNULFromAYAMLEscapeIsRefused() throws {
        let guide = frontMatter().replacingOccurrences(of: "title: Test guide", with: "title: \"Staying\\0 safe\"") + "Text.\n"
        #expect(try GuideFolder().errors(guide).positions == ["2:8"])
    }

    @Test func anEmptyIdentifierIsRefused() throws {
        let errors = try GuideFolder().errors(frontMatter("identifier: \" \"\n") + "Text.\n")
        #expect(errors.positions == ["7:13"])
        #expect(errors.first?.message.contains("identifier") == true)
    }

    @Test func glossaryTermsWithTheSameLettersGetTheirOwnIds() async throws {
        let folder = try GuideFolder()
        try folder.write("care.md", frontMatter("glossary:\n  foster care: Living with another family.\n  foster-care: The same, with a hyphen.\n")
            + "# Care\n\nYou may be in foster care. Some write foster-care.\n")
        let (results, output) = try await OutputSafetyTests().build(folder)
        #expect(results.allSatisfy { $0.succeeded }, "\(results.flatMap { $0.errors }.map { $0.formatted })")
        for file in try OutputScanner.files(in: output) where file.name.hasSuffix("html") {
            let ids = Self.values(of: "id", in: file.text)
            if file.name.hasSuffix("care-large-print.html") || file.name.hasSuffix("glossary.xhtml") {
                #expect(ids.contains("term-foster-care") && ids.contains("term-foster-care-2"), "\(file.name): \(ids)")
            }
            #expect(Set(ids).count == ids.count, "\(file.name): \(ids)")
        }
    }

    // MARK: - Hidden characters

    @Test func hiddenCharactersAreWarnedAboutWhereverTheyAre() throws {
        let folder = try GuideFolder()
        let url = try folder.write("guide.md", frontMatter() + "# Help\n\nCall \u{202E}999 ro 1111 0080\u{202C} now.\n\n:::contact\nname: \"Child\\u200Bline\"\nphone: 0800\u{2060}1111\n:::\n")
        let (_, check) = Checker().check(file: url, guidesRoot: folder.root, displayPath: "Guides/guide.md")
        let hidden = check.findings.filter { $0.rule == "hidden-characters" }
        #expect(hidden.positions == ["11:6", "11:23", "14:13", "15:12"], "\(check.findings.map(\.formatted))")
        #expect(hidden.allSatisfy { $0.severity == .warning })
    }

    /// The values of every `name="…"` attribute in `text`, as written (entities not decoded).
    static func values(of name: String, in text: String) -> [String] {
        var values: [String] = []
        var rest = text[...]
        while let range = rest.range(of: " \(name)=\"") {
            let after = rest[range.upperBound...]
            guard let end = after.firstIndex(of: "\"") else { break }
            values.append(String(after[..<end]))
            rest = after[end...]
        }
        return values
    }
}
