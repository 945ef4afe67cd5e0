import Foundation
import WaymarkModel
import Yams

/// The front matter as YAML gives it, before it is checked and typed into ``Metadata``.
struct FrontMatter: Decodable {
    /// Every key a guide may use, in the order the format describes them.
    static let keys = [
        "title", "subtitle", "language", "audience", "reading-age", "publisher", "published",
        "review-by", "version", "identifier", "summary", "keywords", "cover", "formats",
        "glossary", "abbreviations", "checks", "translation-of",
    ]

    var title: String
    var subtitle: String?
    var language: String
    var audience: String?
    var readingAge: Int?
    var publisher: String
    var published: String
    var reviewBy: String?
    var version: String?
    var identifier: String?
    var summary: String
    var keywords: [String]?
    var cover: String?
    var formats: [String]?
    var glossary: OrderedPairs?
    var abbreviations: OrderedPairs?
    var checks: OrderedPairs?
    var translationOf: String?

    enum CodingKeys: String, CodingKey {
        case title, subtitle, language, audience, publisher, published, version, identifier
        case summary, keywords, cover, formats, glossary, abbreviations, checks
        case readingAge = "reading-age"
        case reviewBy = "review-by"
        case translationOf = "translation-of"
    }
}

/// A YAML mapping read as key–value pairs in source order (a dictionary would lose the order).
struct OrderedPairs: Decodable {
    init(pairs: [(key: String, value: Value)]) {
        self.pairs = pairs
    }

    /// One value: plain text, or (in `checks:`) a switch or a mapping of numbers.
    enum Value: Decodable, Equatable {
        case text(String)
        case toggle(Bool)
        case numbers([String: Double])

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let flag = try? container.decode(Bool.self) {
                self = .toggle(flag)
            } else if let numbers = try? container.decode([String: Double].self) {
                self = .numbers(numbers)
            } else {
                self = .text(try container.decode(String.self))
            }
        }
    }

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    var pairs: [(key: String, value: Value)]

    init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        pairs = try container.allKeys.map { key in (key.stringValue, try container.decode(Value.self, forKey: key)) }
    }
}

/// Splits the front matter from the body and turns it into ``Metadata``.
struct FrontMatterReader {
    let source: SourceText
    /// The formats a guide may ask for: the registered writers' ids.
    var formatIDs: [String] = WriterRegistry.formatIDs

    /// The front matter's metadata (cover left unresolved) and the first line of the body;
    /// `fast` off reads it with Yams alone (the tests compare the two readings).
    func read(fast: Bool = true) throws(GuideReadFailure) -> (metadata: Metadata, cover: (path: String, location: Location)?, bodyStart: Int) {
        guard let first = source.lines.first, first.trimmingTrailingSpaces() == "---" else {
            throw GuideReadFailure([.error(
                at: source.location(line: 1, column: 1),
                "the guide has no front matter",
                hint: "start the file with a line '---', then 'title:', 'language:', 'publisher:', 'published:' and 'summary:' lines, then another '---' line")])
        }
        guard let end = source.lines.indices.dropFirst().first(where: {
            let line = source.lines[$0].trimmingTrailingSpaces()
            return line == "---" || line == "..."
        }) else {
            throw GuideReadFailure([.error(
                at: source.location(line: 1, column: 1),
                "the front matter is not closed",
                hint: "add a line '---' after the last front matter line, before the guide's text")])
        }
        let yaml = YAMLReader(source: source, lineOffset: 1)
        let text = end > 1 ? source.text(lines: 2...end) : ""
        // Most front matter is YAML that SimpleYAML reads as Yams would; anything else, or any
        // problem in it, is read again with Yams, whose messages place it exactly.
        if fast, let simple = SimpleYAML.parse(text), let read = try? fastRead(simple, yaml: yaml) {
            return (read.metadata, read.cover, end + 2)
        }
        guard let root = try yaml.compose(text), case .mapping(let mapping) = root else {
            throw GuideReadFailure([.error(
                at: source.location(line: 2, column: 1),
                "the front matter is empty or is not a list of 'key: value' lines",
                hint: "write one 'key: value' line each, e.g. 'title: Bullying'")])
        }
        var diagnostics = yaml.unknownKeys(in: mapping, allowed: FrontMatter.keys, noun: "front matter key")
        for key in ["title", "language", "publisher", "published", "summary"] where mapping[key] == nil {
            diagnostics.append(.error(
                at: source.location(line: 1, column: 1),
                "the front matter has no '\(key):' (it is required)",
                hint: "add a line '\(key): …' between the two '---' lines; \(FrontMatterReader.example(for: key))"))
        }
        guard diagnostics.isEmpty else { throw GuideReadFailure(diagnostics) }
        let raw = try yaml.decode(FrontMatter.self, from: root) { _ in "the front matter" }
        let places = YamsPlaces(yaml: yaml, mapping: mapping)
        let metadata = try typed(raw, places: places)
        let cover = raw.cover.map { ($0, places.value("cover")) }
        return (metadata, cover, end + 2)
    }

    /// The front matter from SimpleYAML's tree, as Yams and its decoder would give it; nil (or
    /// a throw) where they might not, or where the front matter has a problem.
    func fastRead(_ root: SimpleYAML.Node, yaml: YAMLReader) throws(GuideReadFailure) -> (metadata: Metadata, cover: (path: String, location: Location)?)? {
        guard case .mapping(let entries) = root,
              entries.allSatisfy({ FrontMatter.keys.contains($0.key.text) }),
              ["title", "language", "publisher", "published", "summary"].allSatisfy({ root[$0] != nil }) else { return nil }
        // Every value a scalar or a list of them, as the keys want: else Yams says what is wrong.
        func text(_ key: String) -> String?? {
            guard let node = root[key] else { return .some(nil) }
            guard case .scalar(let scalar) = node else { return nil }
            return .some(scalar.text)
        }
        func list(_ key: String) -> [String]?? {
            guard let node = root[key] else { return .some(nil) }
            guard case .sequence(let items) = node else { return nil }
            let texts = items.compactMap(\.text)
            return texts.count == items.count ? .some(texts) : nil
        }
        func pairs(_ key: String) -> OrderedPairs?? {
            guard let node = root[key] else { return .some(nil) }
            guard case .mapping(let entries) = node else { return nil }
            var pairs: [(key: String, value: OrderedPairs.Value)] = []
            for entry in entries {
                guard case .scalar(let scalar) = entry.value else { return nil }
                // A plain yes, no, on, off, true or false is a switch, as Yams' bool rule has it.
                let toggle = scalar.plain ? SimpleYAML.booleans[scalar.text] : nil
                pairs.append((entry.key.text, toggle.map { .toggle($0) } ?? .text(scalar.text)))
            }
            return .some(OrderedPairs(pairs: pairs))
        }
        var readingAge: Int?
        if let node = root["reading-age"] {
            // A plain decimal number (Yams reads 012 as octal, 1_0 as 10, 1:30 as sexagesimal).
            guard case .scalar(let scalar) = node, scalar.plain, let first = scalar.text.first, first != "0" || scalar.text == "0",
                  scalar.text.count <= 9, scalar.text.allSatisfy(\.isASCIIDigit), let age = Int(scalar.text) else { return nil }
            readingAge = age
        }
        guard case .some(let title?) = text("title"), case .some(let subtitle) = text("subtitle"),
              case .some(let language?) = text("language"), case .some(let audience) = text("audience"),
              case .some(let publisher?) = text("publisher"), case .some(let published?) = text("published"),
              case .some(let reviewBy) = text("review-by"), case .some(let version) = text("version"),
              case .some(let identifier) = text("identifier"), case .some(let summary?) = text("summary"),
              case .some(let keywords) = list("keywords"), case .some(let cover) = text("cover"),
              case .some(let formats) = list("formats"), case .some(let glossary) = pairs("glossary"),
              case .some(let abbreviations) = pairs("abbreviations"), case .some(let checks) = pairs("checks"),
              case .some(let translationOf) = text("translation-of") else { return nil }
        let raw = FrontMatter(
            title: title, subtitle: subtitle, language: language, audience: audience, readingAge: readingAge, publisher: publisher,
            published: published, reviewBy: reviewBy, version: version, identifier: identifier, summary: summary, keywords: keywords,
            cover: cover, formats: formats, glossary: glossary, abbreviations: abbreviations, checks: checks, translationOf: translationOf)
        let places = SimplePlaces(yaml: yaml, root: root)
        let metadata = try typed(raw, places: places)
        return (metadata, raw.cover.map { ($0, places.value("cover")) })
    }

    static func example(for key: String) -> String {
        switch key {
        case "title": return "for example 'title: Going to a Child Protection Conference'"
        case "language": return "for example 'language: en-GB' for British English"
        case "publisher": return "for example 'publisher: Warwickshire Safeguarding'"
        case "published": return "for example 'published: 2026-11-01' (year-month-day)"
        default: return "one or two sentences saying what the guide is about"
        }
    }
}

// MARK: - Typing the values

private extension FrontMatterReader {
    func typed(_ raw: FrontMatter, places: some FrontMatterPlaces) throws(GuideReadFailure) -> Metadata {
        var diagnostics: [Diagnostic] = []
        func date(_ key: String, _ text: String?) -> GuideDate? {
            guard let text else { return nil }
            if let date = FrontMatterReader.parseDate(text) { return date }
            diagnostics.append(.error(
                at: places.value(key), "'\(text)' is not a date",
                hint: "write the date as year-month-day, for example 2026-11-01"))
            return nil
        }
        func required(_ key: String, _ text: String) {
            if text.trimmed.isEmpty {
                diagnostics.append(.error(
                    at: places.value(key), "'\(key):' is empty",
                    hint: "write a value after '\(key):'"))
            }
        }
        required("title", raw.title)
        required("language", raw.language)
        required("publisher", raw.publisher)
        required("summary", raw.summary)
        if let identifier = raw.identifier, identifier.trimmed.isEmpty {
            diagnostics.append(.error(
                at: places.value("identifier"), "'identifier:' is empty",
                hint: "write the guide's identifier (such as urn:uuid:…), or remove the line and Waymark makes a stable one"))
        }
        let published = date("published", raw.published)
        let reviewBy = date("review-by", raw.reviewBy)
        for (index, format) in (raw.formats ?? []).enumerated() where !formatIDs.contains(format) {
            diagnostics.append(.error(
                at: places.item(index, of: "formats"), "unknown format '\(format)'",
                hint: Suggestions.hint(for: format, in: formatIDs, noun: "format")))
        }
        if let age = raw.readingAge, !(5...25).contains(age) {
            diagnostics.append(.error(
                at: places.value("reading-age"), "a reading age of \(age) is not likely",
                hint: "write the reading age in years, usually between 8 and 14"))
        }
        let glossary = pairs(raw.glossary, key: "glossary", places: places, diagnostics: &diagnostics)
            .map { GlossaryEntry(term: $0.key, explanation: $0.text, location: $0.location) }
        let abbreviations = pairs(raw.abbreviations, key: "abbreviations", places: places, diagnostics: &diagnostics)
            .map { AbbreviationEntry(abbreviation: $0.key, expansion: $0.text, location: $0.location) }
        let checks = checkSettings(raw.checks, places: places, diagnostics: &diagnostics)
        let translationOf = raw.translationOf?.trimmed
        if let translationOf, translationOf.isEmpty || translationOf.hasSuffix(".md") || translationOf.contains("/") {
            diagnostics.append(.error(
                at: places.value("translation-of"), "'\(translationOf)' is not the name of a guide",
                hint: "write the file name of the guide this one translates, without '.md' (for example: translation-of: bullying)"))
        }
        guard diagnostics.isEmpty, let published else { throw GuideReadFailure(diagnostics) }
        return Metadata(
            title: raw.title.trimmed, subtitle: raw.subtitle?.trimmedOrNil, language: raw.language.trimmed,
            audience: raw.audience?.trimmedOrNil, readingAge: raw.readingAge, publisher: raw.publisher.trimmed,
            published: published, reviewBy: reviewBy, version: raw.version?.trimmedOrNil,
            identifier: raw.identifier?.trimmed, summary: raw.summary.trimmed, keywords: raw.keywords ?? [],
            cover: nil, formats: raw.formats, glossary: glossary, abbreviations: abbreviations, checks: checks,
            translationOf: translationOf)
    }

    func pairs(
        _ pairs: OrderedPairs?, key: String, places: some FrontMatterPlaces, diagnostics: inout [Diagnostic]
    ) -> [(key: String, text: String, location: Location)] {
        guard let pairs else { return [] }
        var result: [(String, String, Location)] = []
        for pair in pairs.pairs {
            let location = places.key(pair.key, in: key)
            switch pair.value {
            case .text(let text):
                result.append((pair.key, text.trimmed, location))
            case .toggle, .numbers:
                diagnostics.append(.error(
                    at: location, "the meaning of '\(pair.key)' in '\(key):' is not plain text",
                    hint: "write '\(pair.key): ' followed by what it means, in words"))
            }
        }
        return result
    }

    func checkSettings(
        _ pairs: OrderedPairs?, places: some FrontMatterPlaces, diagnostics: inout [Diagnostic]
    ) -> [CheckSetting] {
        guard let pairs else { return [] }
        return pairs.pairs.compactMap { pair in
            let location = places.key(pair.key, in: "checks")
            switch pair.value {
            case .toggle(let on): return CheckSetting(rule: pair.key, enabled: on, location: location)
            case .numbers(let numbers): return CheckSetting(rule: pair.key, enabled: true, parameters: numbers, location: location)
            case .text(let text):
                if text == "on" || text == "off" { return CheckSetting(rule: pair.key, enabled: text == "on", location: location) }
                diagnostics.append(.error(
                    at: location, "'\(text)' is not a setting for the check '\(pair.key)'",
                    hint: "write 'off' to switch the check off, or a setting such as '{max: 20}'"))
                return nil
            }
        }
    }
}

/// Where the parts of the front matter are, for messages and the glossary's entries.
protocol FrontMatterPlaces {
    /// The value of a top-level key (the start of the front matter when there is none).
    func value(_ key: String) -> Location
    /// Item `index` of a top-level key's list (the key's value when there is no such item).
    func item(_ index: Int, of key: String) -> Location
    /// The key `name` in the mapping under `section` (the section's value when there is no such key).
    func key(_ name: String, in section: String) -> Location
}

/// Places from Yams' nodes.
struct YamsPlaces: FrontMatterPlaces {
    let yaml: YAMLReader
    let mapping: Node.Mapping

    func value(_ key: String) -> Location { yaml.location(of: mapping[key]) }

    func item(_ index: Int, of key: String) -> Location {
        let node = mapping[key].flatMap { $0.sequence.map { Array($0) } }.flatMap { index < $0.count ? $0[index] : nil }
        return yaml.location(of: node ?? mapping[key])
    }

    func key(_ name: String, in section: String) -> Location {
        let keyNode = mapping[section]?.mapping?.first { $0.key.string == name }?.key
        return yaml.location(of: keyNode ?? mapping[section])
    }
}

/// Places from SimpleYAML's tree: its scalars and keys are where Yams' are. (A list's or a
/// mapping's own place is not kept: a message that names one comes from Yams' reading.)
struct SimplePlaces: FrontMatterPlaces {
    let yaml: YAMLReader
    let root: SimpleYAML.Node

    func place(_ scalar: SimpleYAML.Scalar?) -> Location {
        yaml.location(line: scalar?.line ?? 1, column: scalar?.column ?? 1)
    }

    func value(_ key: String) -> Location {
        if case .scalar(let scalar)? = root[key] { return place(scalar) }
        return place(nil)
    }

    func item(_ index: Int, of key: String) -> Location {
        if case .sequence(let items)? = root[key], index < items.count, case .scalar(let scalar) = items[index] { return place(scalar) }
        return value(key)
    }

    func key(_ name: String, in section: String) -> Location {
        if case .mapping(let entries)? = root[section], let entry = entries.first(where: { $0.key.text == name }) { return place(entry.key) }
        return value(section)
    }
}

extension FrontMatterReader {
    /// Parses a strict `YYYY-MM-DD` date, checking the day exists.
    static func parseDate(_ text: String) -> GuideDate? {
        let parts = text.trimmed.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), day >= 1 else { return nil }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard day <= lengths[month - 1] else { return nil }
        return GuideDate(year: year, month: month, day: day)
    }
}

extension String {
    /// The string without leading and trailing white space.
    var trimmed: String {
        // Nothing to trim when it starts and ends with a printable ASCII character (most texts),
        // and Foundation's trimming is slow enough to matter here (issue #23).
        if let first = utf8.first, let last = utf8.last, (0x21...0x7E).contains(first), (0x21...0x7E).contains(last) { return self }
        return Substring(self).trimming(Trimming.whiteSpaceOrLineEnd, else: .whitespacesAndNewlines)
    }

    /// The string without leading and trailing white space, or nil when nothing is left
    /// (an optional key given an empty value is as if it were not given).
    var trimmedOrNil: String? {
        let text = trimmed
        return text.isEmpty ? nil : text
    }

    /// The string without trailing spaces and tabs.
    func trimmingTrailingSpaces() -> String {
        var result = Substring(self)
        while let last = result.last, last == " " || last == "\t" { result.removeLast() }
        return String(result)
    }
}
