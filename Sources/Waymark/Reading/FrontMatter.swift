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

    /// The front matter's metadata (cover left unresolved) and the first line of the body.
    func read() throws(GuideReadFailure) -> (metadata: Metadata, cover: (path: String, location: Location)?, bodyStart: Int) {
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
        let metadata = try typed(raw, mapping: mapping, yaml: yaml)
        let cover = raw.cover.map { ($0, yaml.location(of: mapping["cover"])) }
        return (metadata, cover, end + 2)
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
    func typed(_ raw: FrontMatter, mapping: Node.Mapping, yaml: YAMLReader) throws(GuideReadFailure) -> Metadata {
        var diagnostics: [Diagnostic] = []
        func date(_ key: String, _ text: String?) -> GuideDate? {
            guard let text else { return nil }
            if let date = FrontMatterReader.parseDate(text) { return date }
            diagnostics.append(.error(
                at: yaml.location(of: mapping[key]), "'\(text)' is not a date",
                hint: "write the date as year-month-day, for example 2026-11-01"))
            return nil
        }
        func required(_ key: String, _ text: String) {
            if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                diagnostics.append(.error(
                    at: yaml.location(of: mapping[key]), "'\(key):' is empty",
                    hint: "write a value after '\(key):'"))
            }
        }
        required("title", raw.title)
        required("language", raw.language)
        required("publisher", raw.publisher)
        required("summary", raw.summary)
        if let identifier = raw.identifier, identifier.trimmed.isEmpty {
            diagnostics.append(.error(
                at: yaml.location(of: mapping["identifier"]), "'identifier:' is empty",
                hint: "write the guide's identifier (such as urn:uuid:…), or remove the line and Waymark makes a stable one"))
        }
        let published = date("published", raw.published)
        let reviewBy = date("review-by", raw.reviewBy)
        for (index, format) in (raw.formats ?? []).enumerated() where !formatIDs.contains(format) {
            let node = mapping["formats"].flatMap { $0.sequence.map { Array($0) } }.flatMap { index < $0.count ? $0[index] : nil }
            diagnostics.append(.error(
                at: yaml.location(of: node ?? mapping["formats"]), "unknown format '\(format)'",
                hint: Suggestions.hint(for: format, in: formatIDs, noun: "format")))
        }
        if let age = raw.readingAge, !(5...25).contains(age) {
            diagnostics.append(.error(
                at: yaml.location(of: mapping["reading-age"]), "a reading age of \(age) is not likely",
                hint: "write the reading age in years, usually between 8 and 14"))
        }
        let glossary = pairs(raw.glossary, key: "glossary", mapping: mapping, yaml: yaml, diagnostics: &diagnostics)
            .map { GlossaryEntry(term: $0.key, explanation: $0.text, location: $0.location) }
        let abbreviations = pairs(raw.abbreviations, key: "abbreviations", mapping: mapping, yaml: yaml, diagnostics: &diagnostics)
            .map { AbbreviationEntry(abbreviation: $0.key, expansion: $0.text, location: $0.location) }
        let checks = checkSettings(raw.checks, mapping: mapping, yaml: yaml, diagnostics: &diagnostics)
        let translationOf = raw.translationOf?.trimmed
        if let translationOf, translationOf.isEmpty || translationOf.hasSuffix(".md") || translationOf.contains("/") {
            diagnostics.append(.error(
                at: yaml.location(of: mapping["translation-of"]), "'\(translationOf)' is not the name of a guide",
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
        _ pairs: OrderedPairs?, key: String, mapping: Node.Mapping, yaml: YAMLReader, diagnostics: inout [Diagnostic]
    ) -> [(key: String, text: String, location: Location)] {
        guard let pairs else { return [] }
        let section = mapping[key]?.mapping
        var result: [(String, String, Location)] = []
        for pair in pairs.pairs {
            let keyNode = section?.first { $0.key.string == pair.key }?.key
            let location = yaml.location(of: keyNode ?? mapping[key])
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
        _ pairs: OrderedPairs?, mapping: Node.Mapping, yaml: YAMLReader, diagnostics: inout [Diagnostic]
    ) -> [CheckSetting] {
        guard let pairs else { return [] }
        let section = mapping["checks"]?.mapping
        return pairs.pairs.compactMap { pair in
            let location = yaml.location(of: section?.first { $0.key.string == pair.key }?.key ?? mapping["checks"])
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
    var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }

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
