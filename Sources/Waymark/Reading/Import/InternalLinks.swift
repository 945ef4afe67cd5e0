import WaymarkModel

/// Points links to places inside an imported document (a Word bookmark, an HTML `id`) at the
/// heading they are in, by the heading's own id in the guide; a guide links only to its headings,
/// so a link to any other place becomes its words.
enum InternalLinks {
    /// The heading id of each top-level heading of `blocks`, by its number among the blocks, as
    /// ``GuideReader`` gives them.
    static func headingIDs(_ blocks: [Block], file: String) -> [Int: String] {
        var ids: [Int: String] = [:]
        var index = 0
        for chapter in GuideReader.chapters(from: blocks, file: file) {
            if let heading = chapter.heading {
                ids[index] = heading.id
                index += 1
            }
            for block in chapter.blocks {
                if case .heading(let heading) = block.kind { ids[index] = heading.id }
                index += 1
            }
        }
        return ids
    }

    /// `result`'s blocks with each link to `#name` pointed at the heading the anchor `name` is in
    /// (`anchors`: the top-level block of each), and a note before each block where links became words.
    static func resolve(_ result: inout ImportResult, anchors: [String: Int], places: [ImportLocation]) {
        let ids = headingIDs(result.blocks, file: "")
        var targets: [String: String] = [:]
        for (name, block) in anchors { if let id = ids[block] { targets[name] = id } }
        var notes: [ImportNote] = []
        result.blocks = result.blocks.enumerated().map { index, block in
            var unwrapped = 0
            let relinked = relinked(block, targets: targets, unwrapped: &unwrapped)
            if unwrapped > 0 {
                notes.append(ImportNote(
                    at: index < places.count ? places[index] : ImportLocation(file: ""),
                    "\(unwrapped == 1 ? "a link" : "\(unwrapped) links") to a place in the file that is not a heading became plain text here: "
                        + "a guide links only to its own headings (write [words](#heading-id))",
                    place: .block(index)))
            }
            return relinked
        }
        result.notes += notes
    }

    /// `block` with every internal link (`#bookmark`) pointed at its heading's id, or made plain text.
    static func relinked(_ block: Block, targets: [String: String], unwrapped: inout Int) -> Block {
        func inlines(_ items: [Inline]) -> [Inline] {
            var result: [Inline] = []
            for inline in items {
                switch inline.kind {
                case .link(let destination, let content) where destination.hasPrefix("#"):
                    if let id = targets[String(destination.dropFirst())] {
                        result.append(Inline(.link(destination: "#\(id)", content: inlines(content)), at: inline.location))
                    } else {
                        unwrapped += 1
                        result += inlines(content)
                    }
                case .link(let destination, let content):
                    result.append(Inline(.link(destination: destination, content: inlines(content)), at: inline.location))
                case .emphasis(let children): result.append(Inline(.emphasis(inlines(children)), at: inline.location))
                case .strong(let children): result.append(Inline(.strong(inlines(children)), at: inline.location))
                case .text, .phone, .term, .abbreviation, .lineBreak: result.append(inline)
                }
            }
            return MarkdownConverter.merged(result)
        }
        var copy = block
        switch block.kind {
        case .heading(var heading): heading.content = inlines(heading.content); copy.kind = .heading(heading)
        case .paragraph(let content): copy.kind = .paragraph(inlines(content))
        case .list(var list):
            list.items = list.items.map { $0.map { relinked($0, targets: targets, unwrapped: &unwrapped) } }
            copy.kind = .list(list)
        case .quote(let blocks): copy.kind = .quote(blocks.map { relinked($0, targets: targets, unwrapped: &unwrapped) })
        case .table(var table):
            table.header = table.header.map(inlines)
            table.rows = table.rows.map { $0.map(inlines) }
            copy.kind = .table(table)
        case .callout(var callout):
            callout.blocks = callout.blocks.map { relinked($0, targets: targets, unwrapped: &unwrapped) }
            copy.kind = .callout(callout)
        case .picture, .contact, .writeSpace, .easyRead:
            break
        }
        return copy
    }

}
