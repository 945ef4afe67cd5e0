/// The size of a braille page: cells a line and lines a page (`40x25`, the default).
///
/// 40 cells by 25 lines is the usual embossed page on A4 braille paper (11 by 11.5 inches
/// in the US); a smaller one suits a small braille display or a narrow embosser.
public struct BraillePage: Hashable, Sendable, CustomStringConvertible {
    /// Cells a line.
    public var cells: Int
    /// Lines a page, the page number's line included.
    public var lines: Int

    /// 40 cells a line, 25 lines a page.
    public static let standard = BraillePage(cells: 40, lines: 25)
    /// The narrowest line allowed: a running title, three blank cells and a page number must fit.
    public static let cellRange = 20...100
    /// The shortest and longest page allowed.
    public static let lineRange = 5...100

    /// Creates a page size (unchecked; see ``problem``).
    public init(cells: Int, lines: Int) {
        self.cells = cells
        self.lines = lines
    }

    /// Reads `40x25` (cells, then lines; `x` or `×`), or nil when it is not two whole numbers.
    public init?(parsing text: String) {
        let parts = text.lowercased().replacingOccurrences(of: "×", with: "x").split(separator: "x", omittingEmptySubsequences: false)
        guard parts.count == 2,
              let cells = Int(parts[0].trimmingCharacters(in: .whitespaces)),
              let lines = Int(parts[1].trimmingCharacters(in: .whitespaces)) else { return nil }
        self.init(cells: cells, lines: lines)
    }

    /// What is wrong with the size, in plain words, or nil when it can be used.
    public var problem: String? {
        if !BraillePage.cellRange.contains(cells) {
            return "a braille line has \(BraillePage.cellRange.lowerBound) to \(BraillePage.cellRange.upperBound) cells, not \(cells)"
        }
        if !BraillePage.lineRange.contains(lines) {
            return "a braille page has \(BraillePage.lineRange.lowerBound) to \(BraillePage.lineRange.upperBound) lines, not \(lines)"
        }
        return nil
    }

    /// `40x25`.
    public var description: String { "\(cells)x\(lines)" }
}
