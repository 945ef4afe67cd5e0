import WaymarkModel

/// Blocks made from a run of Word paragraphs (the body, a table cell, a note), gathering
/// numbered and bulleted paragraphs into nested lists.
///
/// Word has no list element: each paragraph says which list (`w:numId`) and which level
/// (`w:ilvl`) it is in. Paragraphs in a row at one level and one list are items of one
/// list; a deeper level is a list inside the last item; another list, or any other block,
/// ends the lists open before it.
struct DocxBlockList {
    private struct OpenList {
        var level: Int
        var numID: String
        var ordered: Bool
        var start: Int
        var items: [[Block]]
        var location: Location
        var place: ImportLocation
    }

    private(set) var blocks: [Block] = []
    private(set) var places: [ImportLocation] = []
    private var open: [OpenList] = []

    /// How many blocks there will be before the next one added (an open list counts as the next).
    var nextIndex: Int { blocks.count }

    /// Adds a block that is not a list item: the open lists end first.
    mutating func add(_ block: Block, from place: ImportLocation) {
        closeLists()
        blocks.append(block)
        places.append(place)
    }

    /// Adds a list item holding `content` at `level` of list `numID`, numbered `number`.
    mutating func addItem(_ content: [Block], numID: String, level: Int, ordered: Bool, number: Int, at location: Location, from place: ImportLocation) {
        while let last = open.last, last.level > level { closeLast() }
        if let last = open.last, last.level == level, last.numID != numID || last.ordered != ordered { closeLast() }
        if let last = open.last, last.level == level {
            open[open.count - 1].items.append(content)
            return
        }
        open.append(OpenList(level: level, numID: numID, ordered: ordered, start: number, items: [content], location: location, place: place))
    }

    /// Ends every open list.
    mutating func closeLists() {
        while !open.isEmpty { closeLast() }
    }

    /// The blocks, every list ended.
    func finishing() -> [Block] {
        var copy = self
        copy.closeLists()
        return copy.blocks
    }

    private mutating func closeLast() {
        let list = open.removeLast()
        // A bullet list starts at 0, as cmark gives one (so that the draft reads back the same).
        let block = Block(.list(ListBlock(ordered: list.ordered, start: list.ordered ? list.start : 0, items: list.items)), at: list.location)
        if !open.isEmpty {
            if open[open.count - 1].items.isEmpty { open[open.count - 1].items.append([]) }
            open[open.count - 1].items[open[open.count - 1].items.count - 1].append(block)
        } else {
            blocks.append(block)
            places.append(list.place)
        }
    }
}
