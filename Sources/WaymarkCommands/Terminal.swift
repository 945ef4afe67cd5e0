import Foundation
import Waymark

/// Where the commands' output goes: standard output and standard error, or, in tests, a
/// function that collects it.
///
/// Everything the commands print passes through here and through ``TerminalText``, so that
/// no file name, guide text or argument can send a terminal control sequence (issue #12).
enum Terminal {
    /// The two streams a command writes to.
    enum Stream: Sendable {
        case output, error
    }

    /// Receives what a command prints instead of the terminal, for the task it is set in
    /// (tests run many commands at once, so this is task-local, not a global).
    @TaskLocal static var capture: (@Sendable (Stream, Data) -> Void)?

    /// Writes `data` to `stream` as it is (callers make it safe).
    static func write(_ data: Data, to stream: Stream) {
        if let capture {
            capture(stream, data)
            return
        }
        switch stream {
        case .output: FileHandle.standardOutput.write(data)
        case .error: FileHandle.standardError.write(data)
        }
    }

    /// JSON made safe for a terminal without changing what it says: a control or bidirectional
    /// character can only be inside a string there, where `\uXXXX` means the same character.
    /// (JSONEncoder escapes C0 controls itself, but not C1 or bidirectional ones.)
    static func json(_ data: Data) -> Data {
        let text = String(decoding: data, as: UTF8.self)
        guard text.unicodeScalars.contains(where: { TerminalText.needsEscape($0, keepingLineBreaks: true) }) else { return data }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if TerminalText.needsEscape(scalar, keepingLineBreaks: true) {
                result.append(contentsOf: String(format: "\\u%04X", scalar.value).unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return Data(String(result).utf8)
    }
}

/// Prints text to standard output, unbuffered, so that it stays in order with standard error.
/// Anything a terminal would act on is shown escaped; line breaks stay line breaks.
func printOut(_ text: String, terminator: String = "\n") {
    Terminal.write(Data((TerminalText.escaped(text, keepingLineBreaks: true) + terminator).utf8), to: .output)
}

/// Prints a line to standard error, made safe for a terminal as ``printOut(_:terminator:)`` is.
func printError(_ text: String) {
    Terminal.write(Data((TerminalText.escaped(text, keepingLineBreaks: true) + "\n").utf8), to: .error)
}
