import Foundation
import WaymarkLouis

/// Translates text a paragraph at a time and wraps the braille cells (never the print
/// characters) into lines of a page's width.
///
/// A line is broken only at a space between words. Waymark never adds a hyphen: a word is
/// divided only after a hyphen it has in print ("well-being"), so every hyphen at the end of
/// a line is the word's own (never one inside an address). A web or email address is written uncontracted (letter for
/// letter, as it must be typed) and kept whole on the next line when it fits on a line;
/// one longer than a line is divided after a `/` or a `.`, or before an `@`, with nothing
/// added, so that joining the lines gives the address back exactly (a line never starts with
/// the dot, which a grade 2 reader would take for the contraction "dis"). The spaces
/// of a phone number are never a place to break.
struct BrailleWrapper {
    /// The tables that translate the guide's language.
    let table: BrailleTable
    /// Cells a line.
    let width: Int
    /// The format, for errors.
    let formatID: String

    /// Braille ASCII's space: a blank cell.
    static let space: UInt8 = 0x20
    /// The plain text's glue between the parts of a phone number (``gluedSpace``).
    static let glue = gluedSpace.unicodeScalars.first

    /// `text` translated and wrapped: the first line at `first` cells in, the others at `hanging`.
    func wrap(_ text: String, first: Int, hanging: Int) throws(WriterError) -> [[UInt8]] {
        var lines: [[UInt8]] = []
        let limit = max(0, width / 2)
        var indent = min(first, limit)
        for part in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let tokens = try tokens(String(part))
            lines += wrapped(tokens, first: indent, hanging: min(hanging, limit))
            indent = min(hanging, limit)
        }
        return lines
    }

    /// `text` translated and centred, each line with at least three blank cells either side
    /// (braille's centred heading).
    func centred(_ text: String) throws(WriterError) -> [[UInt8]] {
        let inner = BrailleWrapper(table: table, width: max(width - 6, width / 2), formatID: formatID)
        return try inner.wrap(text, first: 0, hanging: 0).map { line in
            [UInt8](repeating: BrailleWrapper.space, count: max(0, (width - line.count) / 2)) + line
        }
    }

    /// `text` translated into one run of cells, unwrapped (a running title, a page number).
    func cells(_ text: String) throws(WriterError) -> [UInt8] {
        let tokens = try tokens(text)
        var cells: [UInt8] = []
        for token in tokens {
            if !cells.isEmpty { cells.append(BrailleWrapper.space) }
            cells += token.cells
        }
        return cells
    }
}

// MARK: - Words of braille

extension BrailleWrapper {
    /// A run of cells with no break between words in it, and the places it may be divided.
    struct Token {
        var cells: [UInt8]
        /// Offsets just after a print hyphen: the word may be divided there at any time.
        var hyphens: [Int] = []
        /// Offsets inside a web or email address where it may be divided when it is longer than a line.
        var addressBreaks: [Int] = []
        /// Offsets between the cells of two print characters: the last resort for a run longer than a line.
        var boundaries: [Int] = []

        /// The part from `offset` on, its break places moved with it.
        func dropping(_ offset: Int) -> Token {
            func moved(_ places: [Int]) -> [Int] { places.filter { $0 > offset }.map { $0 - offset } }
            return Token(cells: Array(cells[offset...]), hyphens: moved(hyphens), addressBreaks: moved(addressBreaks), boundaries: moved(boundaries))
        }
    }
}

private extension BrailleWrapper {
    /// The braille words of `text`: translated whole (so that liblouis sees each word in its
    /// sentence), then cut at the blank cells that stand for the text's own spaces.
    func tokens(_ text: String) throws(WriterError) -> [Token] {
        let scalars = Array(text.unicodeScalars)
        // The glued spaces of phone numbers are spaces to liblouis, and never a place to break.
        let glued = scalars.map { $0 == BrailleWrapper.glue }
        let plain = String(String.UnicodeScalarView(scalars.map { $0 == BrailleWrapper.glue ? " " : $0 }))
        let addresses = BrailleWrapper.addressScalars(scalars)
        let forms = addresses.map { $0 ? BrailleTable.Form.uncontracted : .ordinary }
        let translation: BrailleTranslation
        do {
            translation = try table.translate(plain, forms: forms)
        } catch {
            throw WriterError(formatID: formatID, message: "liblouis could not translate a paragraph: \(error.description)",
                              hint: "this is a fault in Waymark or liblouis, not in the guide; please report it with the guide attached")
        }
        var tokens: [Token] = []
        var current = Token(cells: [])
        var previousSource = -1
        for (cell, source) in zip(translation.cells, translation.sources) {
            guard cell.value >= 0x20, cell.value <= 0x5F else {
                let character = source < scalars.count ? String(scalars[source]) : "?"
                throw WriterError(
                    formatID: formatID,
                    message: "the braille tables \(table.tables) gave a cell that Braille ASCII cannot hold, for the character '\(character)' (U+\(String(format: "%04X", source < scalars.count ? scalars[source].value : 0)))",
                    hint: "write the character another way in the guide (a word instead of a symbol), then build again")
            }
            let byte = UInt8(cell.value)
            if byte == BrailleWrapper.space, !(source < glued.count && glued[source]) {
                if !current.cells.isEmpty { tokens.append(current) }
                current = Token(cells: [])
                previousSource = -1
                continue
            }
            let offset = current.cells.count
            if offset > 0, source != previousSource {
                current.boundaries.append(offset)
                let before = previousSource >= 0 && previousSource < scalars.count ? scalars[previousSource] : " "
                let this = source < scalars.count ? scalars[source] : " "
                let inAddress = source < addresses.count && addresses[source] && previousSource >= 0 && addresses[previousSource]
                if inAddress {
                    // After a slash or a dot, before an at sign: a line never starts with the dot,
                    // which a grade 2 reader would take for the contraction "dis" (dots 256).
                    if before == "/" || before == "." || this == "@" { current.addressBreaks.append(offset) }
                } else if before == "-" || before == "\u{2010}", this.properties.isAlphabetic || ("0"..."9").contains(this) {
                    current.hyphens.append(offset)
                }
            }
            current.cells.append(byte)
            previousSource = source
        }
        if !current.cells.isEmpty { tokens.append(current) }
        return tokens
    }

    /// Greedy filling: each word on the line if it fits, else on the next.
    func wrapped(_ tokens: [Token], first: Int, hanging: Int) -> [[UInt8]] {
        var lines: [[UInt8]] = []
        var line = [UInt8](repeating: BrailleWrapper.space, count: first)
        var hasWord = false
        func newLine() {
            lines.append(line)
            line = [UInt8](repeating: BrailleWrapper.space, count: hanging)
            hasWord = false
        }
        func place(_ cells: ArraySlice<UInt8>) {
            if hasWord { line.append(BrailleWrapper.space) }
            line += cells
            hasWord = true
        }
        for whole in tokens {
            var token = whole
            while true {
                let room = width - line.count - (hasWord ? 1 : 0)
                if token.cells.count <= room {
                    place(token.cells[...])
                    break
                }
                let fresh = width - hanging
                var split = token.hyphens.last { $0 <= room }
                if split == nil, token.cells.count > fresh {
                    split = token.addressBreaks.last { $0 <= room }
                    if split == nil, !hasWord { split = token.boundaries.last { $0 <= room } ?? max(room, 1) }
                }
                if let split, split > 0, split < token.cells.count {
                    place(token.cells[..<split])
                    newLine()
                    token = token.dropping(split)
                } else if hasWord {
                    newLine()
                } else {
                    // A line too narrow for even one cell of it: should not happen (indents are capped).
                    place(token.cells[...])
                    break
                }
            }
        }
        if hasWord || lines.isEmpty { lines.append(line) }
        return lines
    }

    /// Which scalars of `scalars` belong to a web or email address (`https://…`, `www.…`,
    /// `name@example.org`), without the punctuation around it. Looked for scalar by scalar:
    /// every word of every paragraph passes through here.
    static func addressScalars(_ scalars: [Unicode.Scalar]) -> [Bool] {
        var marks = [Bool](repeating: false, count: scalars.count)
        var start = 0
        func mark(_ range: Range<Int>) {
            var lower = range.lowerBound
            var upper = range.upperBound
            while lower < upper, "(“‘\"'[<".unicodeScalars.contains(scalars[lower]) { lower += 1 }
            while upper > lower, ".,;:!?)”’\"']>".unicodeScalars.contains(scalars[upper - 1]) { upper -= 1 }
            guard upper - lower > 4, isAddress(scalars[lower..<upper]) else { return }
            for index in lower..<upper { marks[index] = true }
        }
        for (index, scalar) in scalars.enumerated() where scalar == " " || scalar == BrailleWrapper.glue {
            mark(start..<index)
            start = index + 1
        }
        mark(start..<scalars.count)
        return marks
    }

    /// Whether `word` has `://`, starts with `www.`, or has an `@` with a `.` after it.
    static func isAddress(_ word: ArraySlice<Unicode.Scalar>) -> Bool {
        let first = word.startIndex
        if word.count > 4, word[first...(first + 2)].allSatisfy({ $0 == "w" || $0 == "W" }), word[first + 3] == "." { return true }
        var at = false
        for index in word.indices {
            switch word[index] {
            case "@": at = true
            case "." where at: return true
            case ":" where index + 2 < word.endIndex && word[index + 1] == "/" && word[index + 2] == "/": return true
            default: break
            }
        }
        return false
    }
}
