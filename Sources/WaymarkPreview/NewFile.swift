import Foundation
import Waymark

/// Writes a file that must not be there yet, whole or not at all.
///
/// The bytes go to a temporary file beside it (``AtomicFileWriter``), which is then linked
/// to the new name: `link` fails when the name is taken, so a file that appeared meanwhile
/// is never replaced, and no reader ever sees half a file.
enum NewFile {
    /// Writes `bytes` to `url`, creating its folder; refuses when something is already at `url`.
    static func write(_ bytes: [UInt8], to url: URL) throws(ProjectPaths.Refusal) {
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).new.tmp")
        do {
            try AtomicFileWriter.write(bytes, to: temporary)
        } catch {
            throw ProjectPaths.Refusal(description: "could not write '\(url.lastPathComponent)': \(error.reason)")
        }
        defer { unlink(temporary.path) }
        if link(temporary.path, url.path) != 0 {
            let reason = errno == EEXIST ? "there is already a file called '\(url.lastPathComponent)'" : "could not write '\(url.lastPathComponent)': \(String(cString: strerror(errno)))"
            throw ProjectPaths.Refusal(description: reason)
        }
    }
}
