import WaymarkModel

/// Writes a guide back as guide source: YAML front matter and Markdown with directives,
/// the format of `docs/writing-guides.md`, which ``GuideReader`` reads back as the same model.
///
/// It is how `waymark import` turns what a reader made of a Word file or a web page into a
/// draft, so any reader that makes the model gets a draft for free. It is not an output
/// format (nothing in ``WriterRegistry``): it writes the guide's source, not something
/// built from it. Comments (what a person must still decide) can be written into the
/// front matter as YAML comments and between blocks as Markdown comments, `[//]: # "…"`
/// (a link reference definition, CommonMark §4.7, which no output shows).
public struct GuideSourceWriter: Sendable {
    /// Comments to write into the source where they belong.
    public struct Comments: Sendable, Equatable {
        /// YAML comment lines above a front-matter key, by key (`publisher`); those of a key the
        /// guide does not have go where the key would be.
        public var frontMatter: [String: [String]]
        /// Comment lines before the top-level block numbered by the key, counting from 0 in the
        /// order the blocks are written, chapter headings included; the number past the last
        /// block puts them at the end.
        public var blocks: [Int: [String]]

        /// Creates comments.
        public init(frontMatter: [String: [String]] = [:], blocks: [Int: [String]] = [:]) {
            self.frontMatter = frontMatter
            self.blocks = blocks
        }
    }

    /// The column paragraphs are wrapped at, where a line can break.
    public var width: Int

    /// Creates a writer that wraps paragraphs at `width` columns.
    public init(width: Int = 78) {
        self.width = width
    }

    /// The guide source of `guide`, with `comments`.
    public func write(_ guide: Guide, comments: Comments = Comments()) -> String {
        var lines = frontMatter(guide.metadata, comments: comments.frontMatter)
        var number = 0
        func comment(before index: Int) {
            for text in comments.blocks[index] ?? [] {
                lines += ["", "[//]: # \(MarkdownInlineWriter.title(text))"]
            }
        }
        for chapter in guide.chapters {
            if let heading = chapter.heading {
                comment(before: number)
                lines += ["", self.heading(heading)]
                number += 1
            }
            var previous: (block: Block, alternate: Bool)?
            for block in chapter.blocks {
                comment(before: number)
                lines.append("")
                let written = self.block(block, after: previous)
                lines += written.lines
                previous = (block, written.alternate)
                number += 1
            }
        }
        comment(before: number)
        return lines.joined(separator: "\n") + "\n"
    }
}

// MARK: - Front matter

private extension GuideSourceWriter {
    func frontMatter(_ metadata: Metadata, comments: [String: [String]]) -> [String] {
        var lines = ["---"]
        for key in FrontMatter.keys {
            for text in comments[key] ?? [] { lines.append("# \(text)") }
            lines += value(of: key, in: metadata)
        }
        lines.append("---")
        return lines
    }

    /// The lines of one front-matter key, or none when the guide does not have it.
    func value(of key: String, in metadata: Metadata) -> [String] {
        func plain(_ text: String?) -> [String] {
            text.map { ["\(key): \(YAMLScalar.write($0))"] } ?? []
        }
        func sequence(_ items: [String]) -> [String] {
            ["\(key): [\(items.map { YAMLScalar.write($0, context: .flow) }.joined(separator: ", "))]"]
        }
        switch key {
        case "title": return plain(metadata.title)
        case "subtitle": return plain(metadata.subtitle)
        case "language": return plain(metadata.language)
        case "audience": return plain(metadata.audience)
        case "reading-age": return metadata.readingAge.map { ["reading-age: \($0)"] } ?? []
        case "publisher": return plain(metadata.publisher)
        case "published": return ["published: \(metadata.published)"]
        case "review-by": return metadata.reviewBy.map { ["review-by: \($0)"] } ?? []
        case "version": return plain(metadata.version)
        case "identifier": return plain(metadata.identifier)
        case "summary": return folded(key, metadata.summary)
        case "keywords": return metadata.keywords.isEmpty ? [] : sequence(metadata.keywords)
        case "cover": return plain(metadata.cover?.source)
        case "formats": return metadata.formats.map(sequence) ?? []
        case "glossary":
            return pairs(key, metadata.glossary.map { ($0.term, $0.explanation) })
        case "abbreviations":
            return pairs(key, metadata.abbreviations.map { ($0.abbreviation, $0.expansion) })
        case "checks":
            guard !metadata.checks.isEmpty else { return [] }
            return ["checks:"] + metadata.checks.map { setting in
                let value: String
                if !setting.enabled {
                    value = "off"
                } else if setting.parameters.isEmpty {
                    value = "on"
                } else {
                    value = "{" + setting.parameters.sorted { $0.key < $1.key }
                        .map { "\(YAMLScalar.write($0.key, context: .flow)): \(GuideSourceWriter.number($0.value))" }
                        .joined(separator: ", ") + "}"
                }
                return "  \(YAMLScalar.write(setting.rule)): \(value)"
            }
        case "translation-of": return plain(metadata.translationOf)
        default: return []
        }
    }

    /// A long text as a folded block (`>`) wrapped at the writer's width, when it can be one.
    func folded(_ key: String, _ text: String) -> [String] {
        guard text.count > width - key.count - 2, YAMLScalar.isFoldable(text) else {
            return ["\(key): \(YAMLScalar.write(text))"]
        }
        var lines = ["\(key): >"]
        var current = ""
        for word in text.split(separator: " ") {
            if !current.isEmpty, current.count + 1 + word.count > width - 2 {
                lines.append("  " + current)
                current = String(word)
            } else {
                current += current.isEmpty ? String(word) : " " + word
            }
        }
        lines.append("  " + current)
        return lines
    }

    func pairs(_ key: String, _ pairs: [(String, String)]) -> [String] {
        guard !pairs.isEmpty else { return [] }
        return ["\(key):"] + pairs.map { "  \(YAMLScalar.write($0.0)): \(YAMLScalar.write($0.1))" }
    }

    /// A number as YAML: whole numbers without a decimal point.
    static func number(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}

// MARK: - Blocks

private extension GuideSourceWriter {
    func heading(_ heading: Heading) -> String {
        let content = MarkdownInlineWriter.line(heading.content, context: .heading)
        let marks = String(repeating: "#", count: min(max(heading.level, 1), 6))
        return content.isEmpty ? marks : "\(marks) \(content)"
    }

    /// The lines of `block`, and whether it is a list written with the other marker: `previous`
    /// is the block before it in the same container, so that two lists in a row get different
    /// markers and stay two lists (CommonMark §5.3).
    func block(_ block: Block, after previous: (block: Block, alternate: Bool)?) -> (lines: [String], alternate: Bool) {
        if case .list(let list) = block.kind {
            var alternate = false
            if let previous, case .list(let before) = previous.block.kind, before.ordered == list.ordered {
                alternate = !previous.alternate
            }
            return (self.list(list, alternate: alternate), alternate)
        }
        return (lines(of: block), false)
    }

    /// The lines of a block other than a list.
    func lines(of block: Block) -> [String] {
        switch block.kind {
        case .heading(let heading):
            return [self.heading(heading)]
        case .paragraph(let content):
            return MarkdownInlineWriter.lines(content, context: .paragraph, width: width)
        case .list(let list):
            return self.list(list, alternate: false)
        case .quote(let blocks):
            return self.blocks(blocks).map { $0.isEmpty ? ">" : "> " + $0 }
        case .table(let table):
            return self.table(table)
        case .picture(let picture):
            return [self.picture(picture)]
        case .callout(let callout):
            return [":::\(callout.kind.rawValue)"] + blocks(callout.blocks) + [":::"]
        case .contact(let contact):
            return [":::contact"] + self.contact(contact) + [":::"]
        case .writeSpace(let space):
            return [":::write lines=\(space.lines)"]
                + MarkdownInlineWriter.lines(space.prompt, context: .paragraph, width: width) + [":::"]
        case .easyRead(let rows):
            var lines = [":::easy-read"]
            for (index, row) in rows.enumerated() {
                if index > 0 { lines.append("") }
                if let picture = row.picture { lines.append(self.picture(picture)) }
                lines += MarkdownInlineWriter.lines(row.content, context: .paragraph, width: width)
            }
            return lines + [":::"]
        }
    }

    /// Blocks inside a container (a quote, a box, a list item), a blank line between them; in a
    /// list item, a list right after a paragraph follows it directly where it can (§5.2: a bullet
    /// list, or a numbered list starting at 1, whose first item is not empty, may interrupt a paragraph).
    func blocks(_ blocks: [Block], inItem: Bool = false) -> [String] {
        var lines: [String] = []
        var previous: (block: Block, alternate: Bool)?
        for block in blocks {
            if let previous {
                var direct = false
                if inItem, case .paragraph = previous.block.kind, case .list(let inner) = block.kind {
                    direct = (!inner.ordered || inner.start == 1) && inner.items.first?.isEmpty == false
                }
                if !direct { lines.append("") }
            }
            let written = self.block(block, after: previous)
            lines += written.lines
            previous = (block, written.alternate)
        }
        return lines
    }

    func list(_ list: ListBlock, alternate: Bool) -> [String] {
        var lines: [String] = []
        // Tight when every item is one paragraph (with at most a list after it); loose otherwise.
        let loose = list.items.contains { item in
            item.count > 2 || (item.count == 2 && !GuideSourceWriter.isList(item[1]))
        }
        for (index, item) in list.items.enumerated() {
            if index > 0 && loose { lines.append("") }
            let marker = list.ordered
                ? "\(list.start + index)\(alternate ? ")" : ".")"
                : (alternate ? "*" : "-")
            let indent = String(repeating: " ", count: marker.count + 1)
            let body = blocks(item, inItem: true)
            if body.isEmpty {
                lines.append(marker)
                continue
            }
            for (number, line) in body.enumerated() {
                if number == 0 {
                    lines.append(marker + " " + line)
                } else {
                    lines.append(line.isEmpty ? "" : indent + line)
                }
            }
        }
        return lines
    }

    static func isList(_ block: Block) -> Bool {
        if case .list = block.kind { return true }
        return false
    }

    func table(_ table: Table) -> [String] {
        func row(_ cells: [[Inline]]) -> String {
            "| " + cells.map { MarkdownInlineWriter.line($0, context: .tableCell) }.joined(separator: " | ") + " |"
        }
        let columns = max(table.header.count, 1)
        var lines = [row(table.header.isEmpty ? [[]] : table.header)]
        lines.append("|" + String(repeating: " --- |", count: columns))
        lines += table.rows.map(row)
        return lines
    }

    func picture(_ picture: Picture) -> String {
        let alt = MarkdownInlineWriter.line([Inline(.text(picture.alt), at: Location(file: "", line: 1, column: 1))], context: .alt)
        let caption = picture.caption.map { " " + MarkdownInlineWriter.title($0) } ?? ""
        return "![\(alt)](\(MarkdownInlineWriter.destination(picture.source))\(caption))"
    }

    func contact(_ contact: Contact) -> [String] {
        var lines = ["name: \(YAMLScalar.write(contact.name))"]
        if contact.phones.count == 1, contact.phones[0].hours == nil {
            lines.append("phone: \(YAMLScalar.write(contact.phones[0].number.display))")
        } else if !contact.phones.isEmpty {
            lines.append("phone:")
            for phone in contact.phones {
                lines.append("  - number: \(YAMLScalar.write(phone.number.display))")
                if let hours = phone.hours { lines.append("    hours: \(YAMLScalar.write(hours))") }
            }
        }
        let fields: [(String, String?)] = [
            ("text", contact.text?.display), ("email", contact.email), ("website", contact.website),
            ("chat", contact.chat), ("hours", contact.hours), ("cost", contact.cost),
            ("for", contact.audience), ("about", contact.about),
        ]
        for (key, value) in fields {
            if let value { lines.append("\(key): \(YAMLScalar.write(value))") }
        }
        return lines
    }
}
