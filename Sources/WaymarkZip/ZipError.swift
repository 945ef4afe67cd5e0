/// An error writing or reading a ZIP archive (libzip's own message when it comes from libzip).
public struct ZipError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What was being done when it failed.
    public var operation: String
    /// What went wrong.
    public var message: String

    /// Creates an error from its parts.
    public init(operation: String, message: String) {
        self.operation = operation
        self.message = message
    }

    /// A one-line description.
    public var description: String { "\(operation): \(message)" }
}
