/// Why a file could not be imported at all: what is wrong, where, and what to do.
public struct ImportFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// Where: the file, and the part of it when the problem is inside one.
    public var location: ImportLocation
    /// What is wrong, in plain words.
    public var message: String
    /// What to do about it.
    public var hint: String

    /// Creates a failure.
    public init(at location: ImportLocation, _ message: String, hint: String) {
        self.location = location
        self.message = message
        self.hint = hint
    }

    /// `file:part: error: message` then the hint, as a compiler prints it.
    public var description: String {
        "\(location): error: \(message)\n    fix: \(hint)"
    }
}
