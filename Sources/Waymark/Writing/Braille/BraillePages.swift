/// Braille lines placed on pages, and the pages written as a Braille Ready Format file.
///
/// Every page starts with its number at the top right, in braille digits, with the guide's
/// title on the left of the same line (UK practice; the title page has the number only).
/// The lines of text follow. A blank line never starts a page, and a heading is never the
/// last thing on a page: it moves to the next page with the first two lines after it.
struct BraillePages {
    /// One line before it is placed: its cells, with the line's indent, in Braille ASCII.
    struct Line: Equatable {
        /// The cells, one Braille ASCII byte each (0x20 to 0x5F).
        var cells: [UInt8]
        /// A heading's line: kept on the page of the lines that follow it.
        var isHeading = false
        /// The entry of the contents that starts here, by position.
        var anchor: Int?

        /// A blank line.
        static let blank = Line(cells: [])

        /// Whether the line has no cells.
        var isBlank: Bool { cells.isEmpty }
    }

    /// The page size.
    let page: BraillePage

    /// Lines of text a page holds, under its number.
    var textLines: Int { page.lines - 1 }

    /// `lines` placed on pages, with the page (from 0) on which each contents entry starts.
    func paginate(_ lines: [Line]) -> (pages: [[[UInt8]]], anchors: [Int: Int]) {
        var pages: [[[UInt8]]] = [[]]
        var anchors: [Int: Int] = [:]
        for (index, line) in lines.enumerated() {
            if line.isBlank {
                guard let last = pages[pages.count - 1].last, !last.isEmpty, pages[pages.count - 1].count < textLines else { continue }
                pages[pages.count - 1].append([])
                continue
            }
            let startsHeading = line.isHeading && (index == 0 || !lines[index - 1].isHeading)
            let used = pages[pages.count - 1].count
            if used >= textLines || (startsHeading && used > 0 && used + keptTogether(lines, from: index) > textLines) {
                pages.append([])
            }
            pages[pages.count - 1].append(line.cells)
            if let anchor = line.anchor, anchors[anchor] == nil { anchors[anchor] = pages.count - 1 }
        }
        for index in pages.indices {
            while pages[index].last?.isEmpty == true { pages[index].removeLast() }
        }
        if pages.count > 1, pages[pages.count - 1].isEmpty { pages.removeLast() }
        return (pages, anchors)
    }

    /// The file: each page's number line and text lines, every line ending in CR LF and every
    /// page in a form feed (BRF, as embossers and braille displays read it).
    func file(_ pages: [[[UInt8]]], runningTitle: [UInt8], untitled: Int, number: (Int) throws(WriterError) -> [UInt8]) throws(WriterError) -> [UInt8] {
        var bytes: [UInt8] = []
        for (index, lines) in pages.enumerated() {
            let digits = try number(index + 1)
            let title = index < untitled ? [] : BraillePages.cut(runningTitle, to: page.cells - digits.count - 3)
            var head = title
            head += [UInt8](repeating: BrailleWrapper.space, count: max(0, page.cells - title.count - digits.count))
            head += digits
            for line in [head] + lines {
                bytes += line
                bytes += [0x0D, 0x0A]
            }
            bytes.append(0x0C)
        }
        return bytes
    }

    /// A contents entry: its text from cell 1 (run-overs from cell 3), then guide dots (dot 5)
    /// to its page number at the right margin.
    func entry(_ text: String, number digits: [UInt8], wrapper: BrailleWrapper) throws(WriterError) -> [Line] {
        let narrow = BrailleWrapper(table: wrapper.table, width: page.cells - digits.count - 4, formatID: wrapper.formatID)
        var lines = try narrow.wrap(text, first: 0, hanging: 2)
        let last = lines[lines.count - 1]
        let dots = page.cells - last.count - digits.count - 2
        lines[lines.count - 1] = last + [BrailleWrapper.space] + [UInt8](repeating: BraillePages.guideDot, count: max(dots, 1)) + [BrailleWrapper.space] + digits
        return lines.map { Line(cells: $0) }
    }

    /// Dot 5, the guide dot of a braille contents list.
    static let guideDot: UInt8 = 0x22
}

private extension BraillePages {
    /// How many lines from `index` must share a page: the heading's lines, the blank after it,
    /// and up to two lines of what follows.
    func keptTogether(_ lines: [Line], from index: Int) -> Int {
        var count = 0
        var position = index
        while position < lines.count, lines[position].isHeading {
            count += 1
            position += 1
        }
        while position < lines.count, lines[position].isBlank {
            count += 1
            position += 1
        }
        var text = 0
        while position < lines.count, text < 2, !lines[position].isBlank, !lines[position].isHeading {
            text += 1
            position += 1
        }
        return count + text
    }

    /// `cells` cut after its last whole word that fits in `limit` cells (nothing if none does).
    static func cut(_ cells: [UInt8], to limit: Int) -> [UInt8] {
        guard cells.count > limit else { return cells }
        guard limit > 0, let space = cells[...limit].lastIndex(of: BrailleWrapper.space) else { return [] }
        return Array(cells[..<space])
    }
}
