import Foundation

/// Reads a whole regular file, refusing anything larger than a limit or that is not a plain file.
///
/// The size is checked on the open file and again while reading, so a file
/// that grows after it was looked at cannot get past the limit; a named pipe
/// or a device (which could block or never end) is refused before reading.
enum BoundedFile {
    /// Why a file could not be read.
    enum Failure: Error, Equatable {
        /// The file is larger than the limit; its size in bytes (at least `limit + 1`).
        case tooLarge(size: Int)
        /// The path names a folder, a pipe, a device or a socket.
        case notAFile
        /// The operating system's reason.
        case unreadable(String)
    }

    /// The bytes of the regular file at `url`, at most `limit` of them; with `followingLinks`
    /// false, a link is refused (`unreadable`) instead of read through.
    static func read(_ url: URL, limit: Int, followingLinks: Bool = true) throws(Failure) -> [UInt8] {
        // O_NONBLOCK: opening a named pipe must not wait for a writer.
        let descriptor = open(url.path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | (followingLinks ? 0 : O_NOFOLLOW))
        guard descriptor >= 0 else { throw .unreadable(String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .unreadable(String(cString: strerror(errno))) }
        guard status.st_mode & S_IFMT == S_IFREG else { throw .notAFile }
        let size = Int(status.st_size)
        guard size <= limit else { throw .tooLarge(size: size) }
        var bytes = [UInt8](repeating: 0, count: size + 1)
        var count = 0
        while count < bytes.count {
            let result = bytes.withUnsafeMutableBytes { buffer in
                Foundation.read(descriptor, buffer.baseAddress! + count, buffer.count - count)
            }
            if result < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                throw .unreadable(String(cString: strerror(errno)))
            }
            if result == 0 { break }
            count += result
            if count == bytes.count && count <= limit {
                bytes += [UInt8](repeating: 0, count: min(limit + 1, bytes.count * 2) - bytes.count)
            }
        }
        guard count <= limit else { throw .tooLarge(size: count) }
        bytes.removeLast(bytes.count - count)
        return bytes
    }
}
