import Foundation
import WaymarkModel
import WaymarkXML

/// What one Word paragraph holds: its text, pictures, text boxes, bookmarks and notes.
struct DocxParagraphContent {
    var spans: [TextSpan] = []
    var pictures: [Block] = []
    /// `w:txbxContent` elements: paragraphs that follow this one.
    var boxes: [XMLElement] = []
    /// Names of the bookmarks that start in it.
    var bookmarks: [String] = []
    var notes: [(message: String, location: ImportLocation)] = []
    var hiddenText = ""
    var equations = 0
}

/// A Word field (`w:fldChar` … `w:fldChar`, ECMA-376 Part 1 §17.16): its instruction and,
/// once the instruction is complete, what its result becomes in a guide.
struct DocxField: Equatable {
    enum Kind: Equatable {
        /// `HYPERLINK`: the result is a link.
        case hyperlink(String)
        /// `TOC`: a table of contents, left out.
        case contents
        /// Page numbers and index marks (`PAGEREF`, `PAGE`, `XE`…), left out: a guide has no pages.
        case dropped
        /// Anything else: the result is kept as text.
        case other
    }

    var instruction = ""
    var separated = false
    var kind = Kind.other

    /// What the instruction makes (§17.16.5).
    static func kind(of instruction: String) -> Kind {
        let words = instruction.trimmingCharacters(in: .whitespaces).split(separator: " ", maxSplits: 1)
        switch words.first?.uppercased() ?? "" {
        case "HYPERLINK":
            return hyperlink(words.count > 1 ? String(words[1]) : "").map(Kind.hyperlink) ?? .other
        case "TOC": return .contents
        case "PAGEREF", "PAGE", "NUMPAGES", "SECTIONPAGES", "XE", "TC", "INDEX", "NOTEREF": return .dropped
        default: return .other
        }
    }

    /// The address of `HYPERLINK "url" \l "place"` (§17.16.5.25): the url, with `#place` when given.
    static func hyperlink(_ arguments: String) -> String? {
        var address: String?
        var place: String?
        var rest = Substring(arguments)
        var nextIsPlace = false
        while !rest.isEmpty {
            rest = rest.drop { $0 == " " }
            guard !rest.isEmpty else { break }
            var token: Substring
            if rest.first == "\"" {
                let body = rest.dropFirst()
                let end = body.firstIndex(of: "\"") ?? body.endIndex
                token = body[..<end]
                rest = end < body.endIndex ? body[body.index(after: end)...] : ""
            } else {
                let end = rest.firstIndex(of: " ") ?? rest.endIndex
                token = rest[..<end]
                rest = rest[end...]
                if token.hasPrefix("\\") {
                    nextIsPlace = token.lowercased() == "\\l"
                    continue
                }
            }
            if nextIsPlace { place = String(token); nextIsPlace = false } else if address == nil { address = String(token) }
        }
        if let place, !place.isEmpty { return (address ?? "") + "#" + place }
        return address.flatMap { $0.isEmpty ? nil : $0 }
    }
}

extension DocxConversion {
    /// Whether the text being read is left out: inside a field's instruction, or the result of a field left out.
    var isSuppressed: Bool {
        fields.contains { !$0.separated || $0.kind == .contents || $0.kind == .dropped }
    }

    /// The link of the innermost `HYPERLINK` field whose result is being read.
    var fieldLink: String? {
        for field in fields.reversed() where field.separated {
            if case .hyperlink(let address) = field.kind { return address }
        }
        return nil
    }

    /// Reads a paragraph's runs, links, fields, pictures and marks.
    mutating func runs(of paragraph: XMLElement) throws(ImportFailure) -> DocxParagraphContent {
        var content = DocxParagraphContent()
        try inlineContainer(paragraph, link: nil, into: &content)
        if !content.hiddenText.isEmpty {
            let words = content.hiddenText.split(separator: " ").joined(separator: " ")
            content.notes.append(("hidden text was left out here: '\(DocxConversion.snippet(words))'; put it back into the draft if readers need it", here))
        }
        if content.equations > 0 {
            content.notes.append(("an equation was left out here: write what it says in words", here))
        }
        return content
    }

    /// Everything a paragraph (or a link, a content control, an insertion) holds.
    mutating func inlineContainer(_ element: XMLElement, link: String?, into content: inout DocxParagraphContent) throws(ImportFailure) {
        for child in element.elements {
            switch child.name {
            case "w:r":
                try run(child, link: link, into: &content)
            case "w:hyperlink":
                try inlineContainer(child, link: hyperlink(child) ?? link, into: &content)
            case "w:ins", "w:moveTo", "w:smartTag", "w:customXml", "w:dir", "w:bdo", "w:sdtContent":
                try inlineContainer(child, link: link, into: &content)
            case "w:sdt":
                if let inner = child.child("w:sdtContent") { try inlineContainer(inner, link: link, into: &content) }
            case "mc:AlternateContent":
                if let branch = DocxConversion.branch(of: child) { try inlineContainer(branch, link: link, into: &content) }
            case "w:fldSimple":
                let kind = DocxField.kind(of: child.attribute("w:instr") ?? "")
                switch kind {
                case .contents, .dropped:
                    if kind == .dropped { noteOnce("page-numbers", "page numbers from the Word file (in cross-references) were left out: e-books and web pages have no pages") }
                case .hyperlink(let address):
                    try inlineContainer(child, link: checkedLink(address), into: &content)
                case .other:
                    try inlineContainer(child, link: link, into: &content)
                }
            case "w:del", "w:moveFrom":
                deletions += 1
            case "w:bookmarkStart":
                if let name = child.attribute("w:name") { content.bookmarks.append(name) }
            case "m:oMath", "m:oMathPara":
                content.equations += 1
            default:
                continue
            }
        }
    }

    /// One run (`w:r`, §17.3.2.25): its text with its formatting, and what else it holds.
    mutating func run(_ element: XMLElement, link: String?, into content: inout DocxParagraphContent) throws(ImportFailure) {
        let properties = element.child("w:rPr")
        let style = styles.characterFormat(properties?.child("w:rStyle")?.wordValue)
        let strong = properties?.child("w:b").map(DocxStyles.isOn) ?? style.bold ?? false
        let emphasis = properties?.child("w:i").map(DocxStyles.isOn) ?? style.italic ?? false
        let hidden = properties?.child("w:vanish").map(DocxStyles.isOn) ?? style.hidden ?? false
        func text(_ value: String) {
            guard !isSuppressed else { return }
            if hidden {
                content.hiddenText += value
                return
            }
            content.spans.append(TextSpan(.text(value), strong: strong, emphasis: emphasis, link: fieldLink ?? link, at: location))
        }
        for child in element.elements {
            switch child.name {
            case "w:t":
                text(child.textContent)
            case "w:tab", "w:ptab":
                text(" ")
            case "w:br":
                let type = child.attribute("w:type") ?? "textWrapping"
                if type == "textWrapping", !isSuppressed, !hidden {
                    content.spans.append(TextSpan(.lineBreak, at: location))
                } else {
                    text(" ")
                }
            case "w:cr":
                if !isSuppressed, !hidden { content.spans.append(TextSpan(.lineBreak, at: location)) }
            case "w:noBreakHyphen":
                text("-")
            case "w:sym":
                // §17.3.3.30: a character of a symbol font; those in the private use area have no meaning as text.
                if let code = child.attribute("w:char").flatMap({ UInt32($0, radix: 16) }), !(0xE000...0xF8FF).contains(code),
                   let scalar = Unicode.Scalar(code) {
                    text(String(scalar))
                }
            case "w:fldChar":
                switch child.attribute("w:fldCharType") {
                case "begin":
                    if fields.count < 32 { fields.append(DocxField()) }
                case "separate":
                    if !fields.isEmpty {
                        fields[fields.count - 1].separated = true
                        var kind = DocxField.kind(of: fields[fields.count - 1].instruction)
                        if case .hyperlink(let address) = kind { kind = checkedLink(address).map(DocxField.Kind.hyperlink) ?? .other }
                        if kind == .dropped { noteOnce("page-numbers", "page numbers from the Word file (in cross-references) were left out: e-books and web pages have no pages") }
                        fields[fields.count - 1].kind = kind
                    }
                case "end":
                    if !fields.isEmpty { fields.removeLast() }
                default:
                    break
                }
            case "w:instrText":
                if !fields.isEmpty, !fields[fields.count - 1].separated { fields[fields.count - 1].instruction += child.textContent }
            case "w:drawing":
                if !isSuppressed, !hidden { try drawing(child, into: &content) }
            case "w:pict", "w:object":
                if !isSuppressed, !hidden { try vml(child, into: &content) }
            case "mc:AlternateContent":
                if let branch = DocxConversion.branch(of: child) {
                    var wrapper = element
                    wrapper.children = (properties.map { [XMLNode.element($0)] } ?? []) + branch.children
                    try run(wrapper, link: link, into: &content)
                }
            case "w:footnoteReference", "w:endnoteReference":
                guard !isSuppressed, let id = child.attribute("w:id"),
                      let note = (child.name == "w:footnoteReference" ? footnotes : endnotes)[id] else { continue }
                noteCount += 1
                pendingNotes.append((noteCount, note, here))
                content.spans.append(TextSpan(.text(" (note \(noteCount))"), at: location))
                noteOnce("footnotes", "the Word file's footnotes were moved to the end of their section, as 'Note 1: …': a guide for young people "
                         + "reads better with what a note says in the text itself")
            case "w:commentReference":
                if let id = child.attribute("w:id") {
                    let said = comments[id].map { ": it said '\(DocxConversion.snippet($0))'" } ?? ""
                    content.notes.append(("a comment in the Word file was left out here\(said); do what it asks, or ignore it", here))
                }
            case "w:ruby":
                if let base = child.child("w:rubyBase") { try inlineContainer(base, link: link, into: &content) }
            default:
                continue
            }
        }
    }

    /// The address of a `w:hyperlink` (§17.16.22): its relationship's target, and `#anchor`.
    mutating func hyperlink(_ element: XMLElement) -> String? {
        var address: String?
        if let id = element.attribute("r:id") {
            if let relationship = relationships[id], relationship.isExternal { address = relationship.target }
        }
        if let anchor = element.attribute("w:anchor"), !anchor.isEmpty {
            address = (address ?? "") + "#" + anchor
        }
        guard let address else { return nil }
        return checkedLink(address)
    }

    /// `address` if a guide may link to it; else nil, with a note (the words stay, as text).
    mutating func checkedLink(_ address: String) -> String? {
        let trimmed = address.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("#") { return trimmed }
        if let problem = LinkPolicy.problem(trimmed, use: .body) {
            let shown = DocxConversion.snippet(trimmed)
            builder.note("the link to '\(shown)' \(problem), so its words were kept as plain text: "
                         + "link them to a web page (https://…) or an email address (mailto:…), or leave them as they are", at: here,
                         block: lists[0].nextIndex)
            return nil
        }
        return trimmed
    }

    /// A short quote of `text` for a note.
    static func snippet(_ text: String) -> String {
        let words = InlineAssembler.cleaned(text).split(separator: " ").joined(separator: " ")
        return words.count > 80 ? String(words.prefix(79)) + "…" : words
    }
}
