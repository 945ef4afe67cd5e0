import WaymarkModel
import WaymarkXML

extension DocxConversion {
    /// A table (`w:tbl`, ECMA-376 Part 1 §17.4), shaped by ``TableShaper``: a cell merged down
    /// repeats its words in each row (§17.4.85 `w:vMerge`); one merged across keeps them in its
    /// first column (§17.4.17 `w:gridSpan`); `w:gridBefore` and `w:gridAfter` are empty cells.
    mutating func table(_ element: XMLElement) throws(ImportFailure) {
        tables += 1
        guard tables <= DocxReader.maximumTables else {
            throw ImportFailure(
                at: ImportLocation(file: file, part: part, paragraph: paragraphNumber + 1),
                "the document has more than \(DocxReader.maximumTables) tables, far more than a guide can hold",
                hint: "split the document into smaller ones (a guide is usually 5 to 20 pages, with a few tables)")
        }
        let place = ImportLocation(file: file, part: part, paragraph: paragraphNumber + 1)
        let rows = DocxConversion.rows(of: element)
        var grid: [[TableShaper.Cell]] = []
        var markedHeader = false
        var merged = false
        for (number, row) in rows.enumerated() {
            let properties = row.child("w:trPr")
            if number == 0 { markedHeader = properties?.child("w:tblHeader").map(DocxStyles.isOn) ?? false }
            var column = max(0, min(properties?.child("w:gridBefore")?.wordValue.flatMap(Int.init) ?? 0, 63))
            var cells = [TableShaper.Cell](repeating: .words([]), count: column)
            for cell in DocxConversion.cells(of: row) {
                let cellProperties = cell.child("w:tcPr")
                let span = max(1, min(cellProperties?.child("w:gridSpan")?.wordValue.flatMap(Int.init) ?? 1, 63))
                let mergeMark = cellProperties?.child("w:vMerge")
                let continues = mergeMark != nil && mergeMark?.wordValue != "restart"
                var value: TableShaper.Cell
                if continues, number > 0, column < grid[number - 1].count {
                    countParagraphs(in: cell)
                    value = grid[number - 1][column]
                    merged = merged || !value.isEmpty
                } else {
                    value = try cellContent(cell)
                }
                cells.append(value)
                if span > 1 {
                    merged = true
                    cells += [TableShaper.Cell](repeating: .words([]), count: span - 1)
                }
                column += span
            }
            let after = max(0, min(properties?.child("w:gridAfter")?.wordValue.flatMap(Int.init) ?? 0, 63))
            cells += [TableShaper.Cell](repeating: .words([]), count: after)
            grid.append(cells)
        }
        let shaped = TableShaper.blocks(grid, markedHeader: markedHeader, merged: merged, at: place.modelLocation)
        for message in shaped.notes { note(message, at: place) }
        for block in shaped.blocks { add(block, from: place) }
    }

    /// The content of one cell (`w:tc`), read as blocks of its own.
    mutating func cellContent(_ cell: XMLElement) throws(ImportFailure) -> TableShaper.Cell {
        TableShaper.cell(try nested { (conversion: inout DocxConversion) throws(ImportFailure) in try conversion.blocks(of: cell) })
    }

    /// The rows of a table, through the content controls and custom XML that may wrap them.
    static func rows(of table: XMLElement) -> [XMLElement] {
        wrapped("w:tr", in: table)
    }

    /// The cells of a row, through the content controls and custom XML that may wrap them.
    static func cells(of row: XMLElement) -> [XMLElement] {
        wrapped("w:tc", in: row)
    }

    static func wrapped(_ name: String, in element: XMLElement) -> [XMLElement] {
        var result: [XMLElement] = []
        for child in element.elements {
            switch child.name {
            case name: result.append(child)
            case "w:sdt": if let content = child.child("w:sdtContent") { result += wrapped(name, in: content) }
            case "w:customXml", "w:ins", "w:sdtContent": result += wrapped(name, in: child)
            default: continue
            }
        }
        return result
    }
}
