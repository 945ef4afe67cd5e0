import Testing
@testable import Waymark
import WaymarkModel

/// Front matter and contact cards read through SimpleYAML give exactly what Yams gives (issue
/// #23): the same metadata, places and contacts, or the same problems, on generated texts full of
/// what YAML reads in more than one way.
@Suite("Reading: the fast YAML reader") struct SimpleYAMLTests {
    typealias Seeded = SeededPicks

    static let values = [
        "Bullying", "\"Friends\"", "'It''s fine'", "Nie czuję się bezpiecznie", "ولد صغير", "Gwybodaeth i ŵyr", "12", "1.9",
        "yes", "No", "off", "~", "null", "", "a: b", "ends with a colon:", "Call #1", "Call # now", "say \"hi\"", "x\\y",
        "[not, a, list]", "{a: b}", "&anchor value", "*alias", "!tag value", "- dash", "? question", "%percent", "@at",
        "'unclosed", "\"unclosed", "trailing   ", "What's on: today", "http://example.org/a:b", "tab\there", "2026-11-01",
        "Something's Not Right", "\"\"", "''", "'a' b", "\"a\" b", "yamlTag", "line\u{2028}separator",
    ]

    /// Values a guide usually has, which the fast reading takes.
    static let usual = [
        "Bullying", "\"Friends\"", "'It''s fine'", "Nie czuję się bezpiecznie", "ولد صغير", "Gwybodaeth i ŵyr", "Something's Not Right",
        "http://example.org/a:b", "2026-11-01", "12", "1.9", "yes", "trailing   ", "What to do, and who can help", "e\u{301}", "😀 emoji",
    ]

    static let blocks = [
        ">\n  What to do about friends,\n  who can help.\n", "|\n  One line\n  Two lines\n", ">\n  One\n\n  Two\n",
        ">\n  One\n    more indented\n", ">\n  Trailing   \n  spaces\n\n", ">-\n  Chomped\n", ">\n", "|\n # looks like a comment\n",
        ">\n  Then less\n indented\n",
    ]

    static let lists = [
        "[friends, help, young people]", "[\"quoted\", 'single', plain]", "[]", "[ ]", "[a, , b]", "[a, b,]", "[a: b]", "[Something's Not Right, x]",
        "\n  - one\n  - two\n", "\n- one\n- two\n", "\n  - one\n   - two\n", "[epub, text]", "[braille]", "[a, [b]]",
    ]

    static let sections = [
        "\n  conference: A meeting where people talk.\n  trusted adult: A grown-up you know.\n",
        "\n    four: spaces\n    indent: here\n", "\n  yes: key that is a switch\n  answer: yes\n", "\n  x: 'quoted'\n  y: \"double\"\n",
        "\n  same: one\n  same: two\n", "\n  bad:\n    nested: map\n", "\n  one: a\n   two: b\n", "\n  empty:\n", "\n  CSE: child sexual exploitation\n",
        " {inline: map}", "\n  capitals: off\n  reading-level: {max: 12}\n", "\n  italics: off\n  ok: on\n", "\n  # a comment\n  term: meaning\n",
    ]

    static let keys = [
        "title", "subtitle", "language", "audience", "reading-age", "publisher", "published", "review-by", "version", "identifier",
        "summary", "keywords", "cover", "formats", "glossary", "abbreviations", "checks", "translation-of", "unknown-key",
    ]

    /// A front matter of random keys with random values of every kind.
    static func frontMatter(_ seed: Int) -> String {
        var random = Seeded(state: UInt64(seed))
        var lines: [String] = []
        if random.next(4) == 0 { lines.append("# A comment line") }
        var keys = keys.filter { _ in random.next(3) != 0 }
        // The required keys, most of the time.
        for key in ["title", "language", "publisher", "published", "summary"] where !keys.contains(key) && random.next(8) != 0 { keys.append(key) }
        for _ in 0..<keys.count { keys.swapAt(random.next(keys.count), random.next(keys.count)) }
        for key in keys {
            var value: String
            // Mostly what guides have, now and then anything.
            let odd = random.next(12) == 0
            switch key {
            case "keywords": value = odd ? random.pick(lists) : random.pick(["[friends, help, young people]", "\n  - one\n  - two\n", "\n- one\n- two\n", "[Something's Not Right, x]"])
            case "formats": value = odd ? random.pick(lists) : random.pick(["[epub, text]", "\n  - pdf\n  - text\n", "[large-print]"])
            case "checks": value = odd ? random.pick(sections) : random.pick([sections[11], "\n  capitals: off\n"])
            case "glossary", "abbreviations": value = odd ? random.pick(sections) : random.pick([sections[0], sections[1], sections[3], sections[8], sections[12]])
            case "summary" where random.next(2) == 0: value = odd ? random.pick(blocks) : random.pick([blocks[0], blocks[1], blocks[4]])
            case "reading-age": value = odd ? random.pick(["0", "010", "1_0", "\"10\"", "ten", "1:30", "+5", "99", "4"]) : random.pick(["10", "9", "12"])
            case "published", "review-by": value = odd ? random.pick(["2026-02-30", "\"2026-11-01\"", "soon"]) : "2026-11-01"
            case "language": value = odd ? random.pick(["pl", "ar", "\"en\"", "x"]) : random.pick(["en-GB", "cy"])
            case "unknown-key": value = random.next(4) == 0 ? "x" : ""
            case "translation-of": value = odd ? random.pick(values) : "bullying"
            default: value = odd ? random.pick(values) : random.pick(usual)
            }
            if key == "unknown-key" && value.isEmpty { continue }
            let separator = value.hasPrefix("\n") ? ":" : random.next(10) == 0 ? ":  " : ": "
            lines.append(key + separator + value)
            if random.next(6) == 0 { lines.append("") }
        }
        if random.next(10) == 0 { lines.append("title: repeated") }
        return lines.joined(separator: "\n").replacingOccurrences(of: "\n\n\n", with: "\n\n")
    }

    enum Outcome<T: Equatable>: Equatable {
        case value(T)
        case problems([Diagnostic])
    }

    static func outcome<T: Equatable>(_ read: () throws(GuideReadFailure) -> T) -> Outcome<T> {
        do { return .value(try read()) } catch { return .problems(error.diagnostics) }
    }

    struct Read: Equatable {
        var metadata: Metadata
        var cover: String?
        var coverLocation: Location?
        var bodyStart: Int
    }

    @Test(arguments: 0..<10)
    func frontMatterReadsAsYamsReadsIt(batch: Int) throws {
        var fast = 0
        for seed in (batch * 200)..<(batch * 200 + 200) {
            let text = "---\n" + SimpleYAMLTests.frontMatter(seed) + "\n---\n\n# Start\n\nText.\n"
            let source = try SourceText(file: "guide.md", bytes: Array(text.utf8))
            let reader = FrontMatterReader(source: source)
            func read(_ fast: Bool) -> Outcome<Read> {
                SimpleYAMLTests.outcome { () throws(GuideReadFailure) -> Read in
                    let read = try reader.read(fast: fast)
                    return Read(metadata: read.metadata, cover: read.cover?.path, coverLocation: read.cover?.location, bodyStart: read.bodyStart)
                }
            }
            #expect(read(true) == read(false), "seed \(seed):\n\(text)")
            if let end = source.lines.firstIndex(of: "---", after: 0), end >= 2, let tree = SimpleYAML.parse(source.text(lines: 2...end)),
               (try? reader.fastRead(tree, yaml: YAMLReader(source: source, lineOffset: 1))) != nil {
                fast += 1
            }
        }
        // The fast reading is what most of these take, not a path never tried.
        #expect(fast > 40, "only \(fast) of 200 front matters were read the fast way")
    }

    static let cardLines = [
        "name: Childline", "name: \"Warwick Drop In\"", "name: 'Kids'' Line'", "phone: 0800 1111", "phone: 999", "phone: no digits",
        "phone:\n  - number: 0800 7338\n    hours: Monday to Friday 9am to 5pm\n  - number: 0800 3436\n    hours: Evenings",
        "phone:\n  - 0800 1111\n  - number: 116 123", "phone:\n  - number: 0800 1111\n    colour: blue", "phone:\n  - hours: only",
        "phone: [0800 1111, 999]", "text: 64100", "text: text us", "email: help@example.org", "email: not an address",
        "website: https://www.childline.org.uk", "website: www.childline.org.uk", "chat: https://example.org/chat", "hours: Any time",
        "cost: Free", "for: Under 19s", "about: Talk to someone: today", "about: Ask someone about home.", "colour: blue", "hours: yes",
        "cost: ~",
    ]

    @Test(arguments: 0..<5)
    func contactCardsReadAsYamsReadsThem(batch: Int) throws {
        var fast = 0
        for seed in (batch * 200)..<(batch * 200 + 200) {
            var random = Seeded(state: UInt64(seed) &+ 99)
            let usual = [0, 1, 2, 3, 4, 6, 7, 11, 13, 15, 17, 18, 19, 20, 22, 24].map { SimpleYAMLTests.cardLines[$0] }
            var lines = (0..<(1 + random.next(7))).map { _ in random.next(8) == 0 ? random.pick(SimpleYAMLTests.cardLines) : random.pick(usual) }
            if random.next(4) != 0 { lines.insert("name: Childline", at: 0) }
            let card = lines.joined(separator: "\n")
            let text = "Before.\n\n:::contact\n" + card + "\n:::\n"
            let source = try SourceText(file: "guide.md", bytes: Array(text.utf8))
            let body = 4...(3 + card.split(separator: "\n", omittingEmptySubsequences: false).count)
            let reader = ContactReader(source: source)
            let quick = SimpleYAMLTests.outcome { () throws(GuideReadFailure) -> Contact in try reader.read(body: body, openedOn: 3, fast: true) }
            #expect(quick == SimpleYAMLTests.outcome { () throws(GuideReadFailure) -> Contact in try reader.read(body: body, openedOn: 3, fast: false) }, "seed \(seed):\n\(card)")
            if case .value = quick, SimpleYAML.parse(source.text(lines: body)) != nil { fast += 1 }
        }
        #expect(fast > 20, "only \(fast) of 200 cards were read the fast way")
    }

    @Test func theCorpusShapesAreReadTheFastWay() {
        // What guides are made of: the fast reading must take it (or nothing is gained).
        let text = """
            title: "Friends"
            subtitle: A guide for young people in Southam
            reading-age: 10
            summary: >
              What to do about friends, who can help, and how to keep safe.
              It tells you where to get help.
            keywords: [friends, help, young people, Something's Not Right]
            glossary:
              trusted adult: A grown-up you know and feel safe with, who will listen and help.

            """
        let tree = SimpleYAML.parse(text)
        #expect(tree?["summary"]?.text == "What to do about friends, who can help, and how to keep safe. It tells you where to get help.\n")
        #expect(tree?["keywords"] == .sequence([
            .scalar(.init(text: "friends", plain: true, line: 7, column: 12)), .scalar(.init(text: "help", plain: true, line: 7, column: 21)),
            .scalar(.init(text: "young people", plain: true, line: 7, column: 27)), .scalar(.init(text: "Something's Not Right", plain: true, line: 7, column: 41)),
        ]))
        #expect(tree?["title"] == .scalar(.init(text: "Friends", plain: false, line: 1, column: 8)))
    }
}

private extension Array where Element == String {
    func firstIndex(of line: String, after start: Int) -> Int? {
        indices.dropFirst(start + 1).first { self[$0] == line }
    }
}
