import Foundation

/// Writes files so that a reader only ever sees the old complete file or the new complete one.
///
/// The bytes go to a temporary file in the same folder, are flushed to disk,
/// then renamed over the target (rename is atomic on one file system).
public enum AtomicFileWriter {
    /// An error writing an output file.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        /// The file that could not be written.
        public var path: String
        /// What went wrong, from the operating system.
        public var reason: String

        /// A one-line description.
        public var description: String { "could not write \(path): \(reason)" }
    }

    /// Writes `bytes` to `url`, creating its folder; does nothing if the file already holds exactly these bytes.
    /// - Parameter durable: flush the bytes to disk before the rename, so that the file survives a
    ///   power cut whole; only a file that can be lost without harm (the build manifest) skips it.
    /// - Returns: whether the file changed.
    @discardableResult
    public static func write(_ bytes: [UInt8], to url: URL, durable: Bool = true) throws(Failure) -> Bool {
        // Paths worked out once, as strings (issue #23: the URL work was 1 % of a build).
        let target = url.path
        if holds(path: target, exactly: bytes) { return false }
        let folderPath: String
        let name: String
        if let slash = target.utf8.lastIndex(of: UInt8(ascii: "/")), target.utf8.last != UInt8(ascii: "/") {
            folderPath = String(target[..<slash])
            name = String(target[target.utf8.index(after: slash)...])
        } else {
            folderPath = url.deletingLastPathComponent().path
            name = url.lastPathComponent
        }
        let temporary = folderPath + "/.\(name).\(getpid()).\(UUID().uuidString).tmp"
        var descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        if descriptor < 0 && errno == ENOENT {
            // The folder is made only when it is missing: a build writes thousands of files into folders that exist.
            let folder = url.deletingLastPathComponent()
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            } catch {
                throw Failure(path: folder.path, reason: reason(error))
            }
            descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        }
        guard descriptor >= 0 else {
            throw Failure(path: target, reason: String(cString: strerror(errno)))
        }
        var written = 0
        var failure: String?
        bytes.withUnsafeBytes { buffer in
            while written < buffer.count {
                let result = Foundation.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if result < 0 {
                    if errno == EINTR { continue }
                    failure = String(cString: strerror(errno))
                    return
                }
                written += result
            }
        }
        if failure == nil && durable && fsync(descriptor) != 0 { failure = String(cString: strerror(errno)) }
        if close(descriptor) != 0 && failure == nil { failure = String(cString: strerror(errno)) }
        if failure == nil && rename(temporary, target) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary)
            throw Failure(path: target, reason: failure)
        }
        return true
    }

    /// Whether `url` is a plain file (not a link) holding exactly `bytes`, compared 64 KiB at a
    /// time: whatever sits in the output folder is never read whole, nor through a link.
    static func holds(_ url: URL, exactly bytes: [UInt8]) -> Bool {
        holds(path: url.path, exactly: bytes)
    }

    /// ``holds(_:exactly:)`` of the file at `path`.
    static func holds(path: String, exactly bytes: [UInt8]) -> Bool {
        // O_NOFOLLOW: a link is never the file we made. O_NONBLOCK: a named pipe must not block.
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG, Int(status.st_size) == bytes.count else { return false }
        var offset = 0
        while offset < bytes.count {
            guard let piece = try? handle.read(upToCount: min(64 * 1024, bytes.count - offset)), !piece.isEmpty,
                  piece.elementsEqual(bytes[offset..<(offset + piece.count)]) else { return false }
            offset += piece.count
        }
        return (try? handle.read(upToCount: 1))?.isEmpty ?? true
    }

    private static func reason(_ error: Error) -> String {
        (error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription
    }
}
