// MARK: - Walking the model

extension Guide {
    /// Calls `body` for every block of every chapter, depth first, nested blocks included.
    public func forEachBlock(_ body: (Block) throws -> Void) rethrows {
        for chapter in chapters {
            try Block.forEach(in: chapter.blocks, body)
        }
    }

    /// Every contact card in the guide, in order, each service once (by name).
    public var contacts: [Contact] {
        var seen: Set<String> = []
        var result: [Contact] = []
        forEachBlock { block in
            if case .contact(let contact) = block.kind, seen.insert(contact.name.lowercased()).inserted {
                result.append(contact)
            }
        }
        return result
    }
}

extension Block {
    /// Calls `body` for each block in `blocks` and, depth first, every block inside it.
    public static func forEach(in blocks: [Block], _ body: (Block) throws -> Void) rethrows {
        var stack: [ArraySlice<Block>] = [blocks[...]]
        while !stack.isEmpty {
            guard let block = stack[stack.count - 1].popFirst() else {
                stack.removeLast()
                continue
            }
            try body(block)
            let children = block.childBlocks
            if !children.isEmpty { stack.append(children[...]) }
        }
    }

    /// The blocks directly inside this one (list items flattened).
    public var childBlocks: [Block] {
        switch kind {
        case .list(let list): return list.items.flatMap { $0 }
        case .quote(let blocks): return blocks
        case .callout(let callout): return callout.blocks
        case .heading, .paragraph, .table, .picture, .contact, .writeSpace, .easyRead: return []
        }
    }

    /// The runs of inline text directly in this block (not in nested blocks).
    public var inlineRuns: [[Inline]] {
        switch kind {
        case .heading(let heading): return [heading.content]
        case .paragraph(let content): return [content]
        case .table(let table): return table.header + table.rows.flatMap { $0 }
        case .writeSpace(let space): return [space.prompt]
        case .easyRead(let rows): return rows.map(\.content)
        case .list, .quote, .callout, .picture, .contact: return []
        }
    }
}

extension Inline {
    /// Calls `body` for each inline in `inlines` and, depth first, every inline inside it.
    public static func forEach(in inlines: [Inline], _ body: (Inline) throws -> Void) rethrows {
        for inline in inlines {
            try body(inline)
            switch inline.kind {
            case .emphasis(let children), .strong(let children), .link(_, let children):
                try forEach(in: children, body)
            case .text, .phone, .term, .abbreviation, .lineBreak:
                break
            }
        }
    }

    /// The plain text of `inlines`, as a reader would hear it (no explanations added).
    public static func plainText(_ inlines: [Inline]) -> String {
        var result = ""
        for inline in inlines {
            switch inline.kind {
            case .text(let text): result += text
            case .emphasis(let children), .strong(let children), .link(_, let children):
                result += plainText(children)
            case .phone(let phone): result += phone.display
            case .term(let use): result += use.text
            case .abbreviation(let use): result += use.text
            case .lineBreak: result += "\n"
            }
        }
        return result
    }
}
