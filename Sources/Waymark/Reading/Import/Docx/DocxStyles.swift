import Foundation
import WaymarkXML

/// A Word file's styles (`word/styles.xml`, ECMA-376 Part 1 §17.7): what each paragraph
/// style means for a guide (a heading and its level, a title, a quotation, a list), and
/// whether a character style is bold or italic, following each style's `basedOn` chain.
struct DocxStyles {
    /// What a paragraph style stands for.
    enum Role: Equatable {
        case heading(Int)
        case title
        case subtitle
        case quote
        case contents
        case body
    }

    struct Style {
        var name: String
        var type: String
        var basedOn: String?
        var outlineLevel: Int?
        var numbering: (numID: String, level: Int?)?
        var bold: Bool?
        var italic: Bool?
        var hidden: Bool?
    }

    /// Words for "heading" in the names Word and LibreOffice give heading styles in other languages.
    static let headingWords: Set<String> = [
        "heading", "uberschrift", "titre", "kop", "titolo", "titulo", "rubrik", "overskrift", "otsikko",
        "naglowek", "nadpis", "заголовок", "baslik", "pennawd", "cim", "antraste", "virsraksts", "pealkiri",
        "naslov", "titlu", "επικεφαλιδα", "見出し", "标题", "제목", "عنوان",
    ]

    private(set) var styles: [String: Style] = [:]
    /// The paragraph style of a paragraph that names none (§17.7.4.17 `w:default`).
    private(set) var defaultParagraphStyle: String?
    /// The document's default language (`w:docDefaults`, §17.7.5.1).
    private(set) var language: String?

    init(_ root: XMLElement?) {
        guard let root else { return }
        language = root.descendant("w:docDefaults", "w:rPrDefault", "w:rPr", "w:lang")?.wordValue
        for element in root.children("w:style") {
            guard let id = element.attribute("w:styleId") else { continue }
            let type = element.attribute("w:type") ?? "paragraph"
            let paragraph = element.child("w:pPr")
            let run = element.child("w:rPr")
            var numbering: (String, Int?)?
            if let numPr = paragraph?.child("w:numPr"), let numID = numPr.child("w:numId")?.wordValue {
                numbering = (numID, numPr.child("w:ilvl")?.wordValue.flatMap(Int.init))
            }
            let style = Style(
                name: element.child("w:name")?.wordValue ?? id, type: type, basedOn: element.child("w:basedOn")?.wordValue,
                outlineLevel: paragraph?.child("w:outlineLvl")?.wordValue.flatMap(Int.init), numbering: numbering,
                bold: run?.child("w:b").map(DocxStyles.isOn), italic: run?.child("w:i").map(DocxStyles.isOn),
                hidden: run?.child("w:vanish").map(DocxStyles.isOn))
            if styles[id] == nil { styles[id] = style }
            if type == "paragraph", DocxStyles.isOn(element.attribute("w:default")), defaultParagraphStyle == nil {
                defaultParagraphStyle = id
            }
        }
    }

    /// Whether a toggle property (`<w:b/>`, `<w:b w:val="false"/>`, §17.7.3) is on.
    static func isOn(_ element: XMLElement) -> Bool {
        isOn(element.wordValue ?? "true")
    }

    static func isOn(_ value: String?) -> Bool {
        guard let value else { return false }
        return !["false", "0", "off", "none"].contains(value.lowercased())
    }

    /// The styles from `id` up its `basedOn` chain (at most 32: a loop in the chain ends it).
    func chain(_ id: String?) -> [Style] {
        var result: [Style] = []
        var seen: Set<String> = []
        var current = id
        while let name = current, result.count < 32, seen.insert(name).inserted, let style = styles[name] {
            result.append(style)
            current = style.basedOn
        }
        return result
    }

    /// What the paragraph style `id` (or the default one) stands for.
    func role(of id: String?) -> Role {
        for style in chain(id ?? defaultParagraphStyle) {
            let name = DocxStyles.folded(style.name)
            if let level = DocxStyles.headingLevel(name: name) { return .heading(level) }
            if name == "title" { return .title }
            if name == "subtitle" { return .subtitle }
            if ["quote", "intense quote", "block text", "block quotation"].contains(name) { return .quote }
            if name.hasPrefix("toc ") || name == "toc heading" || name.hasPrefix("table of contents") || name == "contents heading" { return .contents }
            // §17.3.1.20: outline levels 0 to 8 are heading levels 1 to 9; 9 is body text.
            if let level = style.outlineLevel { return level >= 0 && level <= 8 ? .heading(level + 1) : .body }
        }
        return .body
    }

    /// The numbering a paragraph style gives its paragraphs, if any (§17.9.23).
    func numbering(of id: String?) -> (numID: String, level: Int?)? {
        for style in chain(id ?? defaultParagraphStyle) {
            if let numbering = style.numbering { return numbering }
        }
        return nil
    }

    /// A character style's bold, italic and hidden settings, from its chain.
    func characterFormat(_ id: String?) -> (bold: Bool?, italic: Bool?, hidden: Bool?) {
        var result: (bold: Bool?, italic: Bool?, hidden: Bool?) = (nil, nil, nil)
        for style in chain(id) {
            if result.bold == nil { result.bold = style.bold }
            if result.italic == nil { result.italic = style.italic }
            if result.hidden == nil { result.hidden = style.hidden }
        }
        return result
    }

    /// `heading 2` → 2, in the languages of ``headingWords``; `heading 0` is a level 1 heading.
    static func headingLevel(name: String) -> Int? {
        let parts = name.split(separator: " ")
        guard parts.count == 2, headingWords.contains(String(parts[0])), let level = Int(parts[1]), (0...9).contains(level) else { return nil }
        return max(level, 1)
    }

    /// A style name in lower case without accents (`Überschrift 1` → `uberschrift 1`).
    static func folded(_ name: String) -> String {
        name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
            .split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }
}
