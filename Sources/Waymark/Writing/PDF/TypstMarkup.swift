import Foundation
import WaymarkModel

/// Renders the model as Typst markup for a tagged A4 handout: the pdf format's counterpart of
/// ``HTMLRenderer``, with the same words (labels, explanations, abbreviations written out).
///
/// Every word from the guide goes into the markup as a Typst string (`#"…";`), never as markup,
/// so no character of a guide can become a Typst command; the `;` ends each embedded expression,
/// so a following `(` or `.` cannot be read as a call.
struct TypstMarkup {
    /// How the page looks: set by the writer from the style profile.
    struct Layout {
        /// The body text size in points (the profile's: 18 for large print, 16 for easy read).
        var bodySize: Double
        /// The font list, first choice first (the writer knows the files behind them).
        var fonts: [String]
        /// Line spacing as a multiple of the size, as the profile's `line-height`.
        var lineHeight: Double
        /// Words after the title ("Easy read") in the title, running head and document title.
        var edition: String?
        /// Easy-read rows are drawn (the easy-read handout) instead of left out.
        var easyRead: Bool
        /// The page: A4 for a handout, A5 for the pages of a booklet (the type stays the same size).
        var paper = "a4"
    }

    let guide: Guide
    let labels: Labels
    let layout: Layout
    /// The guide's other language versions.
    var versions: [GuideVersion] = []
    /// The pictures the markup names, by their name in the job (`images/phone.svg`).
    private(set) var files: [String: [UInt8]] = [:]
    private var explainer: WordExplainer
    /// How deep in lists and quotes the text being rendered is.
    private var listDepth = 0
    private var quoteDepth = 0
    /// Lists nested deeper than this are written as indented lines with a dash (Typst gives up
    /// on very deep nesting, and no reader follows six levels of a list).
    static let deepestList = 6

    init(guide: Guide, labels: Labels, layout: Layout, versions: [GuideVersion] = []) {
        self.guide = guide
        self.labels = labels
        self.layout = layout
        self.versions = versions
        explainer = WordExplainer(guide: guide)
    }

    /// The whole document.
    mutating func document() -> String {
        let metadata = guide.metadata
        let title = GuideText.editionTitle(metadata.title, edition: layout.edition, labels)
        let date = labels.date(metadata.published)
        var out = preamble(title: title, date: date)
        // The title page.
        out += "#heading(level: 1, outlined: false, bookmarked: true)[\(TypstMarkup.text(title))]\n\n"
        if let subtitle = metadata.subtitle { out += "#text(size: \(points(1.2)))[\(TypstMarkup.text(subtitle))]\n\n" }
        if let audience = GuideText.audienceLine(metadata, labels) { out += TypstMarkup.text(audience) + "\n\n" }
        out += TypstMarkup.text(GuideText.publisherLine(metadata, labels)) + "\n\n"
        if !versions.isEmpty {
            let names = versions.map(\.languageName).joined(separator: labels(.listSeparator))
            out += TypstMarkup.text(labels(.alsoIn, ["languages": names])) + "\n\n"
        }
        out += TypstMarkup.text(metadata.summary) + "\n\n"
        let chapters = guide.chapters.filter { $0.heading != nil }
        if chapters.count > 1 || !guide.contacts.isEmpty {
            out += "#heading(level: 2, outlined: false, bookmarked: true)[\(TypstMarkup.text(labels(.contents)))]\n\n"
            out += "#outline(title: none, target: heading.where(level: 2).and(heading.where(outlined: true)), indent: 0em)\n\n"
        }
        for chapter in guide.chapters {
            if let heading = chapter.heading {
                out += "#heading(level: 2)[\(inlines(heading.content, recognise: false))]\n\n"
            }
            out += blocks(layout.easyRead ? chapter.blocks : GuideText.urgentFirst(chapter.blocks))
        }
        if !layout.easyRead, !guide.contacts.isEmpty {
            out += "#heading(level: 2)[\(TypstMarkup.text(GuideText.helpTitle(for: guide, labels)))]\n\n"
            for contact in guide.contacts { out += self.contact(contact) }
        }
        if !metadata.glossary.isEmpty {
            out += "#heading(level: 2)[\(TypstMarkup.text(labels(.glossary)))]\n\n"
            for entry in metadata.glossary {
                out += "#block(breakable: false)[#strong[\(TypstMarkup.text(entry.term))] \\ \(TypstMarkup.text(entry.explanation))]\n\n"
            }
        }
        return out
    }

    // MARK: - Blocks

    mutating func blocks(_ blocks: [Block]) -> String {
        blocks.map { block($0) }.joined()
    }

    mutating func block(_ block: Block) -> String {
        switch block.kind {
        case .heading(let heading):
            let level = min(max(heading.level + 1, 2), 6)
            return "#heading(level: \(level))[\(inlines(heading.content, recognise: false))]\n\n"
        case .paragraph(let content):
            // A paragraph that prints a long web address is kept on one page, so the address is never split.
            return holdsLongAddress(content) ? "#block(breakable: false)[\(inlines(content))]\n\n" : inlines(content) + "\n\n"
        case .list(let list):
            listDepth += 1
            defer { listDepth -= 1 }
            if listDepth > TypstMarkup.deepestList {
                return list.items.enumerated().map { index, item in
                    let marker = list.ordered ? "\(list.start + index). " : "– "
                    return "#pad(left: 0.6em)[\(TypstMarkup.text(marker))\(self.blocks(item).trimmingCharacters(in: .whitespacesAndNewlines))]\n\n"
                }.joined()
            }
            let items = list.items.map { "[\(self.blocks($0).trimmingCharacters(in: .whitespacesAndNewlines))]" }.joined(separator: ", ")
            return list.ordered ? "#enum(start: \(list.start), \(items))\n\n" : "#list(\(items))\n\n"
        case .quote(let inner):
            quoteDepth += 1
            defer { quoteDepth -= 1 }
            // A quote inside six others is just its text: nothing is gained by more margins.
            return quoteDepth > TypstMarkup.deepestList ? blocks(inner) : "#quote(block: true)[\(blocks(inner))]\n\n"
        case .table(let table):
            return self.table(table)
        case .picture(let picture):
            return figure(picture)
        case .callout(let callout):
            let label = callout.kind == .urgent ? labels(.urgent) : labels(.note)
            let style = callout.kind == .urgent
                ? "stroke: 4pt + black, fill: rgb(\"#fff0b3\")"
                : "stroke: (left: 6pt + black)"
            return "#block(breakable: false, width: 100%, inset: 0.6em, \(style))[#strong[\(TypstMarkup.text(label))]\n\n\(blocks(callout.blocks))]\n\n"
        case .contact(let contact):
            return self.contact(contact)
        case .writeSpace(let space):
            let lines = String(repeating: "#v(1.8em) #line(length: 100%, stroke: 2pt + black)\n", count: max(space.lines, 1))
            return "#block(breakable: false, width: 100%, inset: 0.6em, stroke: (thickness: 3pt, paint: black, dash: \"dashed\"))[\(TypstMarkup.text(labels(.thinkAbout) + " "))\(inlines(space.prompt))\n\n\(lines)]\n\n"
        case .easyRead(let rows):
            guard layout.easyRead else { return "" }
            return rows.map { row($0) }.joined()
        }
    }

    /// A row: the picture on the left (about a third), each sentence on its own line; never split.
    mutating func row(_ row: EasyReadRow) -> String {
        var picture = "[]"
        if let image = row.picture { picture = "[#\(self.image(image, width: "100%"));]" }
        let sentences = SentenceSplitter.sentences(row.content).map { inlines($0) }.joined(separator: "\n\n")
        return "#block(breakable: false, width: 100%, below: 0.8em)[#grid(columns: (30%, 1fr), gutter: 1em, \(picture), [\(sentences)])]\n#line(length: 100%, stroke: 2pt + black)\n\n"
    }

    /// A table kept as a table (header cells tagged as such), each row whole on a page; one
    /// of more than three columns is written as one card a row, each cell under its header's
    /// words (at 18 pt, four columns of A4 hold a word or two a line).
    mutating func table(_ table: Table) -> String {
        let columns = max(table.header.count, table.rows.map(\.count).max() ?? 1)
        if columns > TypstMarkup.widestTable {
            let labels = table.header.map { Inline.plainText($0) }
            return table.rows.map { row -> String in
                let cells = row.enumerated().map { index, cell -> String in
                    let label = index < labels.count && !labels[index].isEmpty ? "#strong[\(TypstMarkup.text(labels[index] + ":"))] " : ""
                    return label + inlines(cell)
                }
                return "#block(breakable: false, width: 100%, inset: 0.6em, stroke: 2pt + black)[\(cells.joined(separator: "\n\n"))]\n\n"
            }.joined()
        }
        let header = table.header.map { "[\(inlines($0))]" }.joined(separator: ", ")
        var cells: [String] = []
        for row in table.rows {
            for column in 0..<columns { cells.append(column < row.count ? "[\(inlines(row[column]))]" : "[]") }
        }
        return "#table(columns: \(columns), stroke: 2pt + black, inset: 0.4em, table.header(\(header)), \(cells.joined(separator: ", ")))\n\n"
    }

    mutating func figure(_ picture: Picture) -> String {
        if picture.isDecorative || picture.alt.isEmpty { return "#\(image(picture, width: "4em"))\n\n" }
        let caption = picture.caption.map { ", caption: [\(TypstMarkup.text($0))]" } ?? ""
        return "#figure(\(image(picture, width: "7em"))\(caption))\n\n"
    }

    /// An `image(…)` call for `picture`, its bytes added to the job's files; a decorative
    /// picture (or one with no words for it) is an artifact, which screen readers pass over.
    mutating func image(_ picture: Picture, width: String) -> String {
        guard let resource = guide.resources[picture.resource] else { return "[]" }
        let name = "images/" + resource.fileName
        files[name] = resource.bytes
        guard !picture.isDecorative, !picture.alt.isEmpty else {
            return "pdf.artifact(image(\(TypstMarkup.string(name)), width: \(width)))"
        }
        return "image(\(TypstMarkup.string(name)), width: \(width), alt: \(TypstMarkup.string(picture.alt)))"
    }

    mutating func contact(_ contact: Contact) -> String {
        var lines: [String] = ["#strong[\(TypstMarkup.text(contact.name))]"]
        if let about = contact.about { lines.append(TypstMarkup.text(about)) }
        func row(_ label: Labels.Key, _ value: String) {
            lines.append("#strong[\(TypstMarkup.text(labels(label) + ":"))] \(value)")
        }
        if let audience = contact.audience { row(.contactFor, TypstMarkup.text(audience)) }
        for phone in contact.phones {
            row(.contactPhone, phoneLink(phone.number) + (phone.hours.map { TypstMarkup.text(" (\($0))") } ?? ""))
        }
        if let text = contact.text { row(.contactText, phoneLink(text, scheme: "sms:")) }
        if let email = contact.email { row(.contactEmail, link(LinkPolicy.encoded("mailto:" + email), TypstMarkup.text(email))) }
        if let website = contact.website { row(.contactWebsite, address(website)) }
        if let chat = contact.chat { row(.contactChat, address(chat)) }
        if let hours = contact.hours { row(.contactOpen, TypstMarkup.text(hours)) }
        if let cost = contact.cost { row(.contactCost, TypstMarkup.text(cost)) }
        return "#block(breakable: false, width: 100%, inset: 0.6em, stroke: 3pt + black)[\(lines.joined(separator: "\n\n"))]\n\n"
    }

    // MARK: - Inlines

    /// Running text; glossary words are explained and abbreviations written out where first
    /// used (the same decisions as every other format, by ``WordExplainer``).
    mutating func inlines(_ inlines: [Inline], recognise: Bool = true) -> String {
        var out = ""
        for inline in inlines {
            switch inline.kind {
            case .text(let text):
                out += TypstMarkup.text(text)
            case .emphasis(let children), .strong(let children):
                // No italics in print for partially sighted readers (UKAAF): emphasis is bold.
                out += "#strong[\(self.inlines(children, recognise: recognise))];"
            case .link(let destination, let children):
                let shown = Inline.plainText(children)
                if HTMLRenderer.displayAddress(shown) == HTMLRenderer.displayAddress(destination) {
                    out += address(destination)
                } else {
                    out += link(LinkPolicy.encoded(destination), self.inlines(children, recognise: false))
                    // Printed, a link must show where it goes: the address in full after the words.
                    if destination.lowercased().hasPrefix("http") { out += TypstMarkup.text(" (") + address(destination) + TypstMarkup.text(")") }
                }
            case .phone(let phone):
                out += phoneLink(phone)
            case .term(let use):
                out += TypstMarkup.text(use.text)
                if recognise, let explanation = explainer.explanation(for: use, at: inline.location) {
                    out += TypstMarkup.text(" (\(GuideText.inlineExplanation(explanation)))")
                }
            case .abbreviation(let use):
                if recognise, let expansion = explainer.firstExpansion(for: use, at: inline.location) {
                    out += TypstMarkup.text("\(expansion) (\(use.text))")
                } else {
                    out += TypstMarkup.text(use.text)
                }
            case .lineBreak:
                out += "#linebreak();"
            }
        }
        return out
    }

    /// Whether `inlines` print a web address too long to keep on one line.
    func holdsLongAddress(_ inlines: [Inline]) -> Bool {
        var long = false
        Inline.forEach(in: inlines) { inline in
            if case .link(let destination, _) = inline.kind, destination.lowercased().hasPrefix("http"),
               HTMLRenderer.displayAddress(destination).count > TypstMarkup.shortAddress { long = true }
        }
        return long
    }

    /// Web addresses up to this long are kept on one line.
    static let shortAddress = 32

    func link(_ destination: String, _ content: String) -> String {
        "#link(\(TypstMarkup.string(destination)))[\(content)];"
    }

    /// A web address shown as a reader types it, kept on one line when it fits one.
    func address(_ destination: String) -> String {
        let shown = HTMLRenderer.displayAddress(destination)
        let words = TypstMarkup.text(shown)
        return link(LinkPolicy.encoded(destination), shown.count <= TypstMarkup.shortAddress ? "#box[\(words)];" : words)
    }

    func phoneLink(_ number: PhoneNumber, scheme: String = "tel:") -> String {
        "#box[\(link(LinkPolicy.encoded(scheme + number.dial), TypstMarkup.text(number.display)))];"
    }

    // MARK: - The page

    func points(_ scale: Double) -> String {
        StyleProfile.format((layout.bodySize * scale * 10).rounded() / 10) + "pt"
    }

    func preamble(title: String, date: String) -> String {
        let metadata = guide.metadata
        let parts = metadata.language.split(separator: "-").map(String.init)
        let lang = parts.first?.lowercased() ?? "en"
        let region = parts.dropFirst().first { $0.count == 2 && $0.allSatisfy(\.isLetter) }.map { ", region: \(TypstMarkup.string($0.lowercased()))" } ?? ""
        let fonts = "(" + layout.fonts.map(TypstMarkup.string).joined(separator: ", ") + ",)"
        let published = metadata.published
        let pageNumber = labels.pieces(.pageNumber).map { piece -> String in
            switch piece {
            case .text(let text): return TypstMarkup.text(text)
            case .name(let name): return name == "pages" ? "#counter(page).final().first();" : "#counter(page).display();"
            }
        }.joined()
        let head = TypstMarkup.text(labels(.runningHead, ["title": title, "date": date]))
        // Leading: the gap between lines, so that lines are `lineHeight` apart (1.5 for large print).
        let leading = max(layout.lineHeight - 1.0, 0.3)
        return """
            #set document(title: \(TypstMarkup.string(title)), author: \(TypstMarkup.string(metadata.publisher)), date: datetime(year: \(published.year), month: \(published.month), day: \(published.day)))
            #set text(lang: \(TypstMarkup.string(lang))\(region), font: \(fonts), size: \(points(1)), hyphenate: false)
            #set par(justify: false, leading: \(StyleProfile.format(leading))em, spacing: 1.1em)
            #set page(paper: \(TypstMarkup.string(layout.paper)), margin: \(layout.paper == "a4" ? "(left: 18mm, right: 18mm, top: 24mm, bottom: 26mm)" : "(left: 14mm, right: 14mm, top: 18mm, bottom: 20mm)"), header: context text(size: 12pt)[\(head)], footer: context align(center)[\(pageNumber)])
            #set list(indent: 0.6em, body-indent: 0.6em)
            #set enum(indent: 0.6em, body-indent: 0.6em)
            #set table.cell(breakable: false)
            #set quote(block: true)
            #set figure(numbering: none)
            #show table.cell.where(y: 0): strong
            #show heading: set block(sticky: true, above: 1.4em, below: 0.6em)
            #show heading: set text(size: \(points(19.0 / 18)))
            #show heading.where(level: 1): set text(size: \(points(28.0 / 18)))
            #show heading.where(level: 2): set text(size: \(points(24.0 / 18)))
            #show heading.where(level: 3): set text(size: \(points(21.0 / 18)))
            #show link: underline

            """
    }

    /// Tables with more columns than this are written as cards.
    static let widestTable = 3

    /// Text from the guide as a Typst string in markup: `#"…";`.
    static func text(_ text: String) -> String {
        text.isEmpty ? "" : "#\(string(breakingLongWords(text)));"
    }

    /// A word too long for a line (a Welsh place name, a long web address) gets places where it
    /// may break (zero-width spaces), so it wraps instead of running off the page; no hyphen is
    /// added (clear-print guidance).
    static func breakingLongWords(_ text: String) -> String {
        // Most text is ASCII, and then a byte is a character (CR LF apart): no word longer than
        // the limit means nothing to do, without counting characters (issue #23).
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            var run = 0
            var longest = 0
            for byte in text.utf8 {
                if byte == 0x20 || (0x09...0x0D).contains(byte) || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "-") { run = 0 } else { run += 1 }
                longest = max(longest, run)
            }
            if longest <= longestWord { return text }
        }
        guard text.count > longestWord else { return text }
        var result = ""
        var run = 0
        for character in text {
            if character.isWhitespace || character == "/" || character == "-" { run = 0 } else { run += 1 }
            if run > longestWord { result.append("\u{200B}"); run = 1 }
            result.append(character)
        }
        return result
    }

    /// Letters in a row after which a word may break.
    static let longestWord = 24

    /// A Typst string literal.
    static func string(_ text: String) -> String {
        // A byte at a time: beyond ASCII is written as it is, as the loop below writes it.
        var bytes: [UInt8] = [UInt8(ascii: "\"")]
        bytes.reserveCapacity(text.utf8.count + 8)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\\"): bytes += [0x5C, 0x5C]
            case UInt8(ascii: "\""): bytes += [0x5C, 0x22]
            case 0x0A: bytes += [0x5C, UInt8(ascii: "n")]
            case 0x0D: bytes += [0x5C, UInt8(ascii: "r")]
            case 0x09: bytes += [0x5C, UInt8(ascii: "t")]
            case 0..<0x20, 0x7F: bytes += Array("\\u{\(String(byte, radix: 16))}".utf8)
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// ``string(_:)`` a scalar at a time, as it was first written (the tests compare the two).
    static func stringByScalar(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
