/// An error from parsing or writing XML through libxml2, copied into Swift values.
public struct XMLError: Error, Sendable, Equatable, CustomStringConvertible {
    /// libxml2's message, trimmed.
    public var message: String
    /// The 1-based line of the problem in the parsed text, or 0 when unknown.
    public var line: Int
    /// The 1-based column of the problem, or 0 when unknown.
    public var column: Int

    /// Creates an error from its parts.
    public init(message: String, line: Int = 0, column: Int = 0) {
        self.message = message
        self.line = line
        self.column = column
    }

    /// The message with its position, when known.
    public var description: String {
        line > 0 ? "\(line):\(column): \(message)" : message
    }
}
