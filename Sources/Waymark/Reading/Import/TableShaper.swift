import WaymarkModel

/// Makes the blocks of a table read from another format, as a grid of cells with merged cells
/// already written out: a guide table when every cell is words (the first row its header row);
/// the text of a one-cell table (a box); a list with one item a row when cells hold lists,
/// pictures or tables, which a guide's table cannot.
enum TableShaper {
    /// One cell: words only (a guide's table cell holds a line of text), or other blocks.
    enum Cell {
        case words([Inline])
        case blocks([Block])

        var isEmpty: Bool {
            switch self {
            case .words(let inlines): return inlines.isEmpty
            case .blocks(let blocks): return blocks.isEmpty
            }
        }

        var isWords: Bool {
            if case .words = self { return true }
            return false
        }
    }

    /// A cell holding `blocks`: words when they are paragraphs (joined into one line), else the blocks.
    static func cell(_ blocks: [Block]) -> Cell {
        var parts: [[Inline]] = []
        for block in blocks {
            guard case .paragraph(let inlines) = block.kind else { return .blocks(blocks) }
            parts.append(inlines)
        }
        return .words(InlineAssembler.joined(parts))
    }

    /// The blocks of `grid`, and notes about what was changed. `markedHeader`: the file marks
    /// its first row as the header row; `merged`: some cells were merged and written out.
    static func blocks(_ rows: [[Cell]], markedHeader: Bool, merged: Bool, at location: Location) -> (blocks: [Block], notes: [String]) {
        let width = rows.map(\.count).max() ?? 0
        guard !rows.isEmpty, width > 0 else { return ([], []) }
        let grid = rows.map { $0 + [Cell](repeating: .words([]), count: width - $0.count) }
        if grid.count == 1, width == 1 {
            let blocks: [Block]
            switch grid[0][0] {
            case .words(let inlines): blocks = inlines.isEmpty ? [] : [Block(.paragraph(inlines), at: location)]
            case .blocks(let inner): blocks = inner
            }
            return (blocks, ["a table of one cell (a box around text) became ordinary text: if it is a warning or an aside, "
                             + "put it in a ':::urgent' or ':::note' block"])
        }
        guard grid.allSatisfy({ $0.allSatisfy(\.isWords) }) else {
            return ([rowList(grid, at: location)], [
                "this table holds lists, pictures or tables inside its cells, which a guide's table cannot: "
                    + "it was written out as a list, one item a row, each cell after its column's name; check it reads well",
            ])
        }
        func words(_ cell: Cell) -> [Inline] {
            if case .words(let inlines) = cell { return inlines }
            return []
        }
        var notes: [String] = []
        if !markedHeader {
            notes.append("the file does not mark the first row of this table as its header row: a guide's table always has one, "
                         + "so check the first row names what each column holds (add a row of column names if it does not)")
        }
        if merged {
            notes.append("this table has merged cells: each was written out in every row it covers, so that every row reads on its own; check it reads well")
        }
        let table = Table(header: grid[0].map(words), rows: grid.dropFirst().map { $0.map(words) })
        return ([Block(.table(table), at: location)], notes)
    }

    /// A table that cannot stay a table, as a list with one item a row: each cell after its
    /// column's name (from the first row, when that row is words only).
    static func rowList(_ grid: [[Cell]], at location: Location) -> Block {
        var labels: [String] = []
        var body = grid[...]
        if let first = grid.first, first.allSatisfy(\.isWords), grid.count > 1 {
            labels = first.map { cell in
                if case .words(let inlines) = cell { return Inline.plainText(inlines) }
                return ""
            }
            body = grid.dropFirst()
        }
        var items: [[Block]] = []
        for row in body {
            var item: [Block] = []
            for (column, cell) in row.enumerated() where !cell.isEmpty {
                let label = column < labels.count ? labels[column].trimmingCharacters(in: .whitespaces) : ""
                let name = label.isEmpty ? [] : [Inline(.strong([Inline(.text(label + ":"), at: location)]), at: location)]
                switch cell {
                case .words(let inlines):
                    item.append(Block(.paragraph(name.isEmpty ? inlines : name + [Inline(.text(" "), at: location)] + inlines), at: location))
                case .blocks(let blocks):
                    if !name.isEmpty { item.append(Block(.paragraph(name), at: location)) }
                    item += blocks
                }
            }
            if !item.isEmpty { items.append(item) }
        }
        // A bullet list starts at 0, as cmark gives one (so that the draft reads back the same).
        return Block(.list(ListBlock(ordered: false, start: 0, items: items)), at: location)
    }
}
