// MARK: - Comparing guides whatever their source

extension Guide {
    /// The guide with every location set to the start of `file` and its source path to `file`:
    /// two guides read from different sources (a Word file and the draft made from it) are
    /// the same guide when these are equal.
    public func withoutLocations(file: String = "") -> Guide {
        let place = Location(file: file, line: 1, column: 1)
        var result = self
        result.sourcePath = file
        result.metadata.glossary = metadata.glossary.map { GlossaryEntry(term: $0.term, explanation: $0.explanation, location: place) }
        result.metadata.abbreviations = metadata.abbreviations.map {
            AbbreviationEntry(abbreviation: $0.abbreviation, expansion: $0.expansion, location: place)
        }
        result.metadata.checks = metadata.checks.map {
            CheckSetting(rule: $0.rule, enabled: $0.enabled, parameters: $0.parameters, location: place)
        }
        result.chapters = chapters.map { chapter in
            Chapter(
                heading: chapter.heading.map { Heading(level: $0.level, content: Inline.withoutLocations($0.content, place), id: $0.id) },
                blocks: Block.withoutLocations(chapter.blocks, place), location: place)
        }
        return result
    }
}

extension Block {
    /// `blocks` with every location, nested ones included, set to `place`.
    public static func withoutLocations(_ blocks: [Block], _ place: Location) -> [Block] {
        blocks.map { block in
            let kind: Kind
            switch block.kind {
            case .heading(let heading):
                kind = .heading(Heading(level: heading.level, content: Inline.withoutLocations(heading.content, place), id: heading.id))
            case .paragraph(let content):
                kind = .paragraph(Inline.withoutLocations(content, place))
            case .list(let list):
                kind = .list(ListBlock(ordered: list.ordered, start: list.start, items: list.items.map { withoutLocations($0, place) }))
            case .quote(let blocks):
                kind = .quote(withoutLocations(blocks, place))
            case .table(let table):
                kind = .table(Table(
                    header: table.header.map { Inline.withoutLocations($0, place) },
                    rows: table.rows.map { $0.map { Inline.withoutLocations($0, place) } }))
            case .picture, .contact:
                kind = block.kind
            case .callout(let callout):
                kind = .callout(Callout(kind: callout.kind, blocks: withoutLocations(callout.blocks, place)))
            case .writeSpace(let space):
                kind = .writeSpace(WriteSpace(lines: space.lines, prompt: Inline.withoutLocations(space.prompt, place)))
            case .easyRead(let rows):
                kind = .easyRead(rows.map {
                    EasyReadRow(picture: $0.picture, content: Inline.withoutLocations($0.content, place), location: place, generated: $0.generated)
                })
            }
            return Block(kind, at: place)
        }
    }
}

extension Inline {
    /// `inlines` with every location, nested ones included, set to `place`.
    public static func withoutLocations(_ inlines: [Inline], _ place: Location) -> [Inline] {
        inlines.map { inline in
            let kind: Kind
            switch inline.kind {
            case .emphasis(let children): kind = .emphasis(withoutLocations(children, place))
            case .strong(let children): kind = .strong(withoutLocations(children, place))
            case .link(let destination, let content): kind = .link(destination: destination, content: withoutLocations(content, place))
            case .text, .phone, .term, .abbreviation, .lineBreak: kind = inline.kind
            }
            return Inline(kind, at: place)
        }
    }
}
