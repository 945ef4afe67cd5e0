import Foundation
import WaymarkModel

/// Renders a guide as plain text for screen readers, text messages and email.
///
/// UTF-8, Unicode NFC, no byte-order mark (RFC 5198). One paragraph a line
/// so that braille displays and magnifiers can rewrap it, or hard-wrapped
/// with `--wrap N`. No Markdown characters, no `===` rules.
public struct PlainTextWriter: Writer {
    /// `text`.
    public let formatID = "text"
    /// What the format is for.
    public let summary = "Plain text for screen readers, text messages and email (UTF-8, one paragraph a line)."
    /// Who it is for.
    public let audience = "screen readers, text messages, email"
    /// `<slug>.txt`.
    public let files = ["<slug>.txt"]
    /// Just the words.
    public let downloads = [
        Download(file: "<slug>.txt", name: .downloadText, about: .aboutText, kind: .label(.kindText), mediaType: "text/plain"),
    ]

    /// Creates the writer.
    public init() {}

    /// Renders `guide` as `<slug>.txt`.
    public func write(_ guide: Guide, options: WriterOptions) throws -> [OutputFile] {
        var renderer = TextRenderer(guide: guide, labels: options.labels.labels(for: guide.metadata.language), versions: options.versions)
        renderer.renderGuide()
        let text = renderer.lines.joined(wrap: options.wrap)
        // RFC 5198: Unicode NFC.
        let normalized = TextLine.isSurelyNFC(text) ? text : text.precomposedStringWithCanonicalMapping
        return [OutputFile(path: "\(guide.slug).txt", bytes: Array(normalized.utf8))]
    }
}

// MARK: - Lines

/// One output line before wrapping: a paragraph with its first-line and continuation indents.
struct TextLine {
    /// What a line is, for a writer that lays lines out by it (braille centres headings); plain text does not look.
    enum Role: Equatable {
        /// A labelled line, a list item, a line of a table or a contact card.
        case line
        /// A paragraph of running text.
        case paragraph
        /// A heading: 1 for a chapter and the parts Waymark adds at the end, 2 and deeper for sections.
        case heading(Int)
    }

    var text: String
    var firstIndent: String = ""
    var hangingIndent: String = ""
    var role: Role = .line

    static let blank = TextLine(text: "")

    /// Whether `text` is already in Unicode NFC without asking Foundation: true when every
    /// scalar is below U+0300 (no combining marks) or common punctuation (U+2010–U+2027:
    /// dashes, curly quotes, bullets, the ellipsis), none of which NFC changes.
    static func isSurelyNFC(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { $0.value < 0x300 || (0x2010...0x2027).contains($0.value) }
    }
}

/// Joins phone numbers and other unbreakable runs while wrapping; a plain space in the output.
let gluedSpace: Character = "\u{E000}"

extension TextLine {
    /// `text` split at line feeds, as `split(separator: "\n")` splits it; on the bytes when
    /// there is no CR (a CR LF is one character, which that split does not split).
    static func lines(of text: String) -> [String] {
        // Both looked for in one pass over the bytes (issue #23: the view's `contains` was a byte at a time, twice).
        let (carriageReturn, lineFeed) = text.utf8.withContiguousStorageIfAvailable { bytes -> (Bool, Bool) in
            var found = (false, false)
            for byte in bytes where byte <= 0x0D {
                if byte == 0x0D { found.0 = true } else if byte == 0x0A { found.1 = true }
            }
            return found
        } ?? (text.utf8.contains(0x0D), text.utf8.contains(0x0A))
        guard !carriageReturn else { return text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
        guard lineFeed else { return [text] }
        return text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
    }
}

extension Array where Element == TextLine {
    /// The lines as text, one paragraph a line or wrapped at `wrap` characters, ending in one newline.
    func joined(wrap: Int?) -> String {
        var output: [String] = []
        for line in self {
            if line.text.isEmpty {
                if output.last != "" && !output.isEmpty { output.append("") }
                continue
            }
            let parts = TextLine.lines(of: line.text)
            for (index, part) in parts.enumerated() {
                let indent = index == 0 ? line.firstIndent : line.hangingIndent
                if let wrap {
                    output += wrapped(part, width: wrap, first: indent, hanging: line.hangingIndent)
                } else {
                    output.append(indent + part)
                }
            }
        }
        while output.last == "" { output.removeLast() }
        let text = output.joined(separator: "\n") + "\n"
        // The glue is U+E000, EE 80 80 in UTF-8: swap it for a space, byte by byte.
        var bytes = [UInt8](text.utf8)
        // In place, through the buffer (issue #23: each subscript checked the array was unshared).
        let kept = bytes.withUnsafeMutableBufferPointer { bytes -> Int in
            var kept = 0
            var index = 0
            while index < bytes.count {
                if bytes[index] == 0xEE, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0x80 {
                    bytes[kept] = 0x20
                    index += 3
                } else {
                    bytes[kept] = bytes[index]
                    index += 1
                }
                kept += 1
            }
            return kept
        }
        return kept == bytes.count ? text : String(decoding: bytes.prefix(kept), as: UTF8.self)
    }

    private func wrapped(_ text: String, width: Int, first: String, hanging: String) -> [String] {
        var lines: [String] = []
        var current = first
        var currentHasWord = false
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            let candidate = currentHasWord ? current + " " + word : current + word
            if currentHasWord && candidate.count > width {
                lines.append(current)
                current = hanging + word
            } else {
                current = candidate
            }
            currentHasWord = true
        }
        lines.append(current)
        return lines
    }
}

// MARK: - Rendering

/// Walks a guide and produces text lines, remembering which words it has already explained.
struct TextRenderer {
    let guide: Guide
    /// The words the text adds ("Phone:", "Who can help"), in the guide's language.
    let labels: Labels
    /// The guide's other language versions.
    let versions: [GuideVersion]
    /// What starts an item of a bulleted list (`- `).
    let bullet: String
    private(set) var lines: [TextLine] = []
    /// Which words are explained and abbreviations written out, guide-wide.
    private var explainer: WordExplainer
    /// The heading of the part being written, to say where a service was listed.
    private var currentHeading: String?
    /// The services written out in full so far (by lower-cased name), with the heading they are under.
    private var shownContacts: [String: String?] = [:]

    init(guide: Guide, labels: Labels, versions: [GuideVersion] = [], bullet: String = "- ") {
        self.guide = guide
        self.labels = labels
        self.versions = versions
        self.bullet = bullet
        explainer = WordExplainer(guide: guide)
    }

    mutating func renderGuide() {
        renderFront()
        renderBody()
    }

    /// The title, who it is for and from, the summary and the contents.
    mutating func renderFront() {
        let metadata = guide.metadata
        paragraph(metadata.title)
        if let subtitle = metadata.subtitle { paragraph(subtitle) }
        blank()
        if let audience = GuideText.audienceLine(metadata, labels) { paragraph(audience) }
        paragraph(GuideText.publisherLine(metadata, labels))
        if !versions.isEmpty {
            paragraph(labels(.alsoIn, ["languages": versions.map(\.languageName).joined(separator: labels(.listSeparator))]))
        }
        blank()
        paragraph(metadata.summary)
        let headed = guide.chapters.compactMap(\.heading)
        if headed.count > 1 || !guide.contacts.isEmpty || !metadata.glossary.isEmpty {
            blank()
            paragraph("\(labels(.contents)):")
            for heading in headed { paragraph("- " + plain(heading.content), hanging: "  ") }
            if !guide.contacts.isEmpty { paragraph("- \(GuideText.helpTitle(for: guide, labels))", hanging: "  ") }
            if !metadata.glossary.isEmpty { paragraph("- \(labels(.glossary))", hanging: "  ") }
        }
    }

    /// The chapters, then the services that can help and the glossary.
    mutating func renderBody() {
        let metadata = guide.metadata
        for chapter in guide.chapters {
            if let chapterHeading = chapter.heading {
                heading(plain(chapterHeading.content), level: 1)
            } else {
                currentHeading = nil
                blank()
            }
            blocks(GuideText.urgentFirst(chapter.blocks), indent: "")
        }
        if !guide.contacts.isEmpty {
            heading(GuideText.helpTitle(for: guide, labels), level: 1)
            gatheredContacts()
        }
        if !metadata.glossary.isEmpty {
            heading(labels(.glossary), level: 1)
            for entry in metadata.glossary {
                paragraph("\(entry.term): \(entry.explanation)")
            }
        }
    }
}

private extension TextRenderer {
    mutating func blank() {
        lines.append(.blank)
    }

    mutating func paragraph(_ text: String, indent: String = "", hanging: String? = nil, role: TextLine.Role = .line) {
        lines.append(TextLine(text: text, firstIndent: indent, hangingIndent: hanging ?? indent, role: role))
    }

    mutating func heading(_ text: String, level: Int) {
        currentHeading = text
        blank()
        paragraph(text, role: .heading(level))
        blank()
    }

    mutating func blocks(_ blocks: [Block], indent: String) {
        for block in blocks {
            self.block(block, indent: indent)
        }
    }

    mutating func block(_ block: Block, indent: String) {
        switch block.kind {
        case .heading(let sectionHeading):
            heading(plain(sectionHeading.content), level: sectionHeading.level)
        case .paragraph(let content):
            blank()
            paragraph(render(content), indent: indent, role: .paragraph)
        case .list(let list):
            blank()
            self.list(list, indent: indent)
        case .quote(let blocks):
            blank()
            let start = lines.count
            self.blocks(blocks, indent: indent + "    ")
            quoteMarks(from: start)
        case .table(let table):
            self.table(table, indent: indent)
        case .picture(let picture):
            guard !picture.isDecorative else { return }
            blank()
            paragraph(labels(.picture, ["description": picture.alt]), indent: indent)
            if let caption = picture.caption { paragraph(caption, indent: indent) }
        case .callout(let callout):
            blank()
            let label = (callout.kind == .urgent ? labels(.urgent) : labels(.note)) + ": "
            let start = lines.count
            blocks(callout.blocks, indent: indent)
            if let first = lines[start...].firstIndex(where: { !$0.text.isEmpty }) {
                lines[first].text = label + lines[first].text
            }
        case .contact(let contact):
            blank()
            if let shown = shownContacts[contact.name.lowercased()] {
                paragraph(GuideText.servicesShownAbove([contact.name], under: shown, labels), indent: indent)
            } else {
                shownContacts[contact.name.lowercased()] = currentHeading
                self.contact(contact, indent: indent)
            }
        case .writeSpace(let space):
            blank()
            paragraph(labels(.thinkAbout) + " " + render(space.prompt), indent: indent)
        case .easyRead:
            // The easy-read version of a section belongs to the easy-read format.
            return
        }
    }

    mutating func list(_ list: ListBlock, indent: String) {
        for (index, item) in list.items.enumerated() {
            let marker = list.ordered ? "\(list.start + index). " : bullet
            let inner = indent + String(repeating: " ", count: marker.count)
            var first = true
            for block in item {
                if first, case .paragraph(let content) = block.kind {
                    paragraph(render(content), indent: indent + marker, hanging: inner)
                } else if first {
                    paragraph(marker.trimmingCharacters(in: .whitespaces), indent: indent)
                    self.block(block, indent: inner)
                } else if case .list(let nested) = block.kind {
                    self.list(nested, indent: inner)
                } else {
                    self.block(block, indent: inner)
                }
                first = false
            }
            if item.isEmpty { paragraph(marker.trimmingCharacters(in: .whitespaces), indent: indent) }
        }
    }

    mutating func table(_ table: Table, indent: String) {
        let headers = table.header.map { plain($0) }
        for row in table.rows {
            blank()
            for (index, cell) in row.enumerated() {
                let value = render(cell)
                let name = index < headers.count ? headers[index] : ""
                paragraph(name.isEmpty ? value : "\(name): \(value)", indent: indent)
            }
        }
    }

    mutating func contact(_ contact: Contact, indent: String) {
        paragraph(contact.name, indent: indent)
        if let about = contact.about { paragraph(about, indent: indent) }
        if let audience = contact.audience { paragraph("\(labels(.contactFor)): \(audience)", indent: indent) }
        for phone in contact.phones {
            var line = "\(labels(.contactPhone)): " + glued(phone.number.display)
            if let hours = phone.hours { line += " (\(hours))" }
            paragraph(line, indent: indent)
        }
        if let text = contact.text { paragraph("\(labels(.contactText)): " + glued(text.display), indent: indent) }
        if let email = contact.email { paragraph("\(labels(.contactEmail)): \(email)", indent: indent) }
        if let website = contact.website { paragraph("\(labels(.contactWebsite)): \(website)", indent: indent) }
        if let chat = contact.chat { paragraph("\(labels(.contactChat)): \(chat)", indent: indent) }
        if let hours = contact.hours { paragraph("\(labels(.contactOpen)): \(hours)", indent: indent) }
        if let cost = contact.cost { paragraph("\(labels(.contactCost)): \(cost)", indent: indent) }
    }

    /// The gathered list of services at the end: each service is written out in full once, so one
    /// already given in a chapter is named here with where to find it, beside the others under the
    /// same heading (`Childline, NSPCC and Police: see above, under “Who can I tell?”`).
    mutating func gatheredContacts() {
        var pending: (heading: String?, names: [String])?
        func flush() {
            if let group = pending {
                paragraph(GuideText.servicesShownAbove(group.names, under: group.heading, labels))
                blank()
            }
            pending = nil
        }
        for contact in guide.contacts {
            if let shown = shownContacts[contact.name.lowercased()] {
                if let group = pending, group.heading == shown {
                    pending?.names.append(contact.name)
                } else {
                    flush()
                    pending = (shown, [contact.name])
                }
            } else {
                flush()
                self.contact(contact, indent: "")
                blank()
            }
        }
        flush()
    }

    /// Wraps the block quote that starts at line `start` in quotation marks.
    mutating func quoteMarks(from start: Int) {
        guard let first = lines[start...].firstIndex(where: { !$0.text.isEmpty }),
              let last = lines[start...].lastIndex(where: { !$0.text.isEmpty }) else { return }
        lines[first].text = "“" + lines[first].text
        lines[last].text += "”"
    }

    func plain(_ inlines: [Inline]) -> String {
        Inline.plainText(inlines).replacingOccurrences(of: "\n", with: " ")
    }

    func glued(_ text: String) -> String {
        String(text.map { $0 == " " ? gluedSpace : $0 })
    }

    /// Renders running text, explaining glossary words and abbreviations the first time they
    /// appear where that reads well (``WordExplainer``).
    mutating func render(_ inlines: [Inline]) -> String {
        var result = ""
        for inline in inlines {
            switch inline.kind {
            case .text(let text):
                result += text
            case .emphasis(let children), .strong(let children):
                result += render(children)
            case .link(let destination, let children):
                result += link(destination, text: plain(children))
            case .phone(let phone):
                result += glued(phone.display)
            case .term(let use):
                result += use.text
                if let explanation = explainer.explanation(for: use, at: inline.location) {
                    result += " (\(GuideText.inlineExplanation(explanation)))"
                }
            case .abbreviation(let use):
                if let expansion = explainer.firstExpansion(for: use, at: inline.location) {
                    result += "\(expansion) (\(use.text))"
                } else {
                    result += use.text
                }
            case .lineBreak:
                result += "\n"
            }
        }
        return result
    }

    func link(_ destination: String, text: String) -> String {
        var address = destination
        for scheme in ["mailto:", "tel:", "sms:"] where destination.lowercased().hasPrefix(scheme) {
            address = String(destination.dropFirst(scheme.count))
        }
        if destination.hasPrefix("#") { return text }
        let bare = { (value: String) in
            value.replacingOccurrences(of: "https://", with: "").replacingOccurrences(of: "http://", with: "")
                .trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        }
        if text.isEmpty || bare(text) == bare(address) { return address }
        return "\(text) (\(address))"
    }
}
