/// A place in a source file: path, 1-based line and 1-based column (in characters).
public struct Location: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The file's path as the user named it (e.g. `Guides/bullying.md`).
    public var file: String
    /// The 1-based line.
    public var line: Int
    /// The 1-based column, counted in characters (Unicode scalars) as editors show it.
    public var column: Int

    /// Creates a location.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, as compilers and editors print it.
    public var description: String { "\(file):\(line):\(column)" }

    /// Orders by file, then line, then column.
    public static func < (lhs: Location, rhs: Location) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}
