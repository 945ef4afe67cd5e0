import Foundation
import WaymarkModel

/// The words Waymark adds to an output (titles of the parts it makes, labels on contact
/// cards, what screen readers are told), in one guide's language.
///
/// Every such word comes from a catalogue, `Styles/labels/<language>.yml`: the built-in
/// ones (English, Welsh, Polish, Romanian, Panjabi, Urdu, Arabic) or a project's own, which
/// add a language or replace a built-in catalogue. Writers ask for a ``Key``, never write
/// the English words themselves.
public struct Labels: Hashable, Sendable {
    /// Every label a writer can ask for; the raw value is the key in the catalogue files.
    public enum Key: String, CaseIterable, Hashable, Sendable {
        case contents, skipLink = "skip-link", whoCanHelp = "who-can-help", allServices = "all-services"
        case glossary, titlePage = "title-page", landmarks, startOfContent = "start-of-content"
        case editionTitle = "edition-title", editionLabel = "edition-label", easyRead = "easy-read"
        case cover, coverAlt = "cover-alt", backToFirstUse = "back-to-first-use", alsoIn = "also-in"
        case listSeparator = "list-separator", listLast = "list-last"
        case servicesAbove = "services-above", servicesAboveUnder = "services-above-under"
        case audienceLine = "audience-line", publisherLine = "publisher-line", publisherLineVersion = "publisher-line-version"
        case runningHead = "running-head", pageNumber = "page-number"
        case urgent, note, thinkAbout = "think-about", picture
        case contactFor = "contact-for", contactPhone = "contact-phone", contactText = "contact-text"
        case contactEmail = "contact-email", contactWebsite = "contact-website", contactChat = "contact-chat"
        case contactOpen = "contact-open", contactCost = "contact-cost"
        case easyCall = "easy-call", easyText = "easy-text", easyEmail = "easy-email", easyWebsite = "easy-website"
        case easyOpen = "easy-open", easyThinkAbout = "easy-think-about"
        case summaryEasyRead = "summary-easy-read", summaryChapters = "summary-chapters", summaryPictures = "summary-pictures"
        case summaryTextOnly = "summary-text-only", summaryGlossary = "summary-glossary", summaryTables = "summary-tables"
        case summaryPhones = "summary-phones"
        case siteTitle = "site-title", siteIntro = "site-intro", siteSkipLink = "site-skip-link"
        case siteByTopic = "site-by-topic", siteByLanguage = "site-by-language", siteMoreGuides = "site-more-guides"
        case siteReadingAge = "site-reading-age", siteUpdated = "site-updated", siteLanguage = "site-language"
        case siteAllGuides = "site-all-guides", siteChoose = "site-choose", siteAnotherFormat = "site-another-format"
        case siteContactFormats = "site-contact-formats", siteFileFacts = "site-file-facts", siteFileFactsPages = "site-file-facts-pages"
        case siteSizeKB = "site-size-kb", siteSizeMB = "site-size-mb", kindText = "kind-text"
        case downloadLargePrint = "download-large-print", aboutLargePrint = "about-large-print"
        case downloadEasyRead = "download-easy-read", aboutEasyRead = "about-easy-read"
        case downloadEPUB = "download-epub", aboutEPUB = "about-epub"
        case downloadEasyReadEPUB = "download-easy-read-epub", aboutEasyReadEPUB = "about-easy-read-epub"
        case downloadText = "download-text", aboutText = "about-text"
        case downloadLargePrintPDF = "download-large-print-pdf", aboutLargePrintPDF = "about-large-print-pdf"
        case downloadEasyReadPDF = "download-easy-read-pdf", aboutEasyReadPDF = "about-easy-read-pdf"
        case downloadLargePrintBooklet = "download-large-print-booklet", downloadEasyReadBooklet = "download-easy-read-booklet"
        case aboutBooklet = "about-booklet", downloadAll = "download-all", aboutAll = "about-all", readmeIntro = "readme-intro"
        case brailleCode = "braille-code", braillePages = "braille-pages"
        case downloadBraille = "download-braille", aboutBraille = "about-braille"
    }

    /// One label: a text, or a text for each plural category (`{count}` is the number).
    public enum Text: Hashable, Sendable {
        case plain(String)
        case plural([PluralCategory: String])
    }

    /// The language the catalogue is for, as its file names it (`cy`, `pt-BR`).
    public let language: String
    /// The language's name in itself (`Cymraeg`), for lists of the languages a guide is in.
    public let name: String
    /// Which way its script runs; right to left for Arabic, Urdu, Hebrew, Persian…
    public let isRightToLeft: Bool
    let texts: [Key: Text]
    let plurals: PluralRule
    /// The language dates are written in: the guide's own tag (`en-GB`, `cy`), which may be
    /// more exact than the catalogue's.
    var dateLanguage: String

    /// A catalogue of `texts` for `language`.
    public init(language: String, name: String, texts: [Key: Text]) {
        self.language = language
        self.name = name
        self.texts = texts
        self.plurals = PluralRule(language: language)
        self.dateLanguage = language
        self.isRightToLeft = Metadata.isRightToLeft(language: language)
    }

    /// The label `key`, with each `{name}` replaced by `values[name]`.
    public func callAsFunction(_ key: Key, _ values: [String: String] = [:]) -> String {
        switch texts[key] {
        case .plain(let text): return Labels.fill(text, values)
        case .plural(let forms): return Labels.fill(forms[.other] ?? forms.values.sorted().first ?? "", values)
        case nil: return Labels.english(key, values)
        }
    }

    /// The label `key` in the form for `count` (written in place of `{count}`).
    public func callAsFunction(_ key: Key, count: Int, _ values: [String: String] = [:]) -> String {
        var values = values
        values["count"] = String(count)
        guard case .plural(let forms) = texts[key] else { return self(key, values) }
        let text = forms[plurals.category(count)] ?? forms[.other] ?? ""
        return Labels.fill(text, values)
    }

    /// The label `key` cut at `{name}`: the words before it and after it ("Call " and "."
    /// for `Call {number}.`), for a label that holds something other than text (a link).
    public func parts(_ key: Key, around name: String, _ values: [String: String] = [:]) -> (before: String, after: String) {
        let text = self(key, values)
        guard let range = text.range(of: "{\(name)}") else { return (text, "") }
        return (String(text[..<range.lowerBound]), String(text[range.upperBound...]))
    }

    /// A piece of a label: words, or the `{name}` of something put there.
    public enum Piece: Hashable, Sendable {
        case text(String)
        case name(String)
    }

    /// The label `key` as its words and `{names}`, in order, with no empty words.
    public func pieces(_ key: Key) -> [Piece] {
        var pieces: [Piece] = []
        var rest = self(key)[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            if open > rest.startIndex { pieces.append(.text(String(rest[..<open]))) }
            pieces.append(.name(String(rest[rest.index(after: open)..<close])))
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { pieces.append(.text(String(rest))) }
        return pieces
    }

    /// `items` as a list in running text: "Childline, NSPCC and Police".
    public func list(_ items: [String]) -> String {
        guard let last = items.last else { return "" }
        guard items.count > 1 else { return last }
        return self(.listLast, ["list": items.dropLast().joined(separator: self(.listSeparator)), "last": last])
    }

    /// A date as a reader of this language writes it (`1 October 2026`, `1 Hydref 2026`),
    /// from the Unicode CLDR data in the Swift toolchain's Foundation.
    public func date(_ date: GuideDate) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let components = DateComponents(year: date.year, month: date.month, day: date.day)
        guard let day = calendar.date(from: components) else { return date.description }
        let style = Date.FormatStyle(date: .long, time: .omitted, locale: Locale(identifier: Labels.dateLocale(dateLanguage)), calendar: calendar, timeZone: calendar.timeZone)
        return day.formatted(style)
    }
}

// MARK: - Implementation

extension Labels {
    /// The built-in English catalogue, which every other must match key for key.
    static let builtInEnglish: Labels = {
        guard let file = EmbeddedStyles.files.first(where: { $0.path == "\(LabelCatalogues.folder)/en.yml" }),
              let labels = try? LabelCatalogues.catalogue(Array(file.text.utf8), file: "<built-in>/labels/en.yml", english: nil)
        else { return Labels(language: "en", name: "English", texts: [:]) }
        return labels
    }()

    /// The English label, for a key a catalogue lacks (which its check reports).
    static func english(_ key: Key, _ values: [String: String]) -> String {
        switch builtInEnglish.texts[key] {
        case .plain(let text): return fill(text, values)
        case .plural(let forms): return fill(forms[.other] ?? "", values)
        case nil: return key.rawValue
        }
    }

    /// The locale for dates in `language`: English with no country is taken as British English
    /// (Waymark's guides are for UK readers), which writes "1 November 2026".
    static func dateLocale(_ language: String) -> String {
        language.lowercased() == "en" ? "en-GB" : language
    }

    /// `text` with each `{name}` replaced by its value; a name with no value is left as it is.
    static func fill(_ text: String, _ values: [String: String]) -> String {
        guard !values.isEmpty else { return text }
        // On the bytes (issue #23: a character at a time was 1.5 % of a build), unless a brace
        // touches a byte beyond ASCII: it may then be part of a larger character (a brace and a
        // combining accent), which the search by characters does not take for a brace.
        let open = UInt8(ascii: "{"), close = UInt8(ascii: "}")
        let quick: String?? = text.utf8.withContiguousStorageIfAvailable { bytes -> String? in
            guard bytes.contains(open) else { return text }
            for (index, byte) in bytes.enumerated() where byte == open || byte == close {
                if index > 0 && bytes[index - 1] >= 0x80 || index + 1 < bytes.count && bytes[index + 1] >= 0x80 { return nil }
            }
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count + 32)
            var rest = 0
            while let start = bytes[rest...].firstIndex(of: open), let end = bytes[start...].firstIndex(of: close) {
                result += bytes[rest..<start]
                let name = String(decoding: bytes[(start + 1)..<end], as: UTF8.self)
                if let value = values[name] { result += value.utf8 } else { result += bytes[start...end] }
                rest = end + 1
            }
            result += bytes[rest...]
            return String(decoding: result, as: UTF8.self)
        }
        if let quick, let filled = quick { return filled }
        return fillByCharacter(text, values)
    }

    /// ``fill(_:_:)`` a character at a time, as it was first written.
    static func fillByCharacter(_ text: String, _ values: [String: String]) -> String {
        guard !values.isEmpty, text.contains("{") else { return text }
        var result = ""
        var rest = text[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            result += rest[..<open]
            let name = String(rest[rest.index(after: open)..<close])
            result += values[name] ?? String(rest[open...close])
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    /// The `{names}` a text uses, sorted.
    static func placeholders(_ text: String) -> [String] {
        var names: [String] = []
        var rest = text[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names.sorted()
    }
}
