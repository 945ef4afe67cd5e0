import Foundation

/// Writes a file atomically from pieces, as ``AtomicFileWriter/write(_:to:durable:)`` writes it
/// whole: into a temporary file beside it, flushed, then renamed over it; and not at all when the
/// file already holds exactly these bytes (compared as the pieces come, never read whole).
///
/// For the download site's catalogues, which grow with the number of guides (20 MB and more at
/// 10,000): written as they are made, a build's memory stays flat (issue #23).
final class AtomicFileStream {
    private let url: URL
    private let temporary: URL
    private var descriptor: Int32
    /// The file there now, while every byte so far matches it.
    private var existing: FileHandle?
    private var existingSize = 0
    private var written = 0
    private var failure: String?

    /// Starts writing `url`, creating its folder when it is missing.
    init(_ url: URL) throws(AtomicFileWriter.Failure) {
        self.url = url
        let folder = url.deletingLastPathComponent()
        temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).\(UUID().uuidString).tmp")
        descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        if descriptor < 0 && errno == ENOENT {
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            } catch {
                throw AtomicFileWriter.Failure(path: folder.path, reason: (error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription)
            }
            descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        }
        guard descriptor >= 0 else { throw AtomicFileWriter.Failure(path: url.path, reason: String(cString: strerror(errno))) }
        // O_NOFOLLOW: a link is never the file we made. O_NONBLOCK: a named pipe must not block.
        let old = open(url.path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        if old >= 0 {
            var status = stat()
            if fstat(old, &status) == 0, status.st_mode & S_IFMT == S_IFREG {
                existing = FileHandle(fileDescriptor: old, closeOnDealloc: true)
                existingSize = Int(status.st_size)
            } else {
                close(old)
            }
        }
    }

    deinit {
        if descriptor >= 0 {
            close(descriptor)
            unlink(temporary.path)
        }
    }

    /// Adds `bytes` to the file.
    func append(_ bytes: [UInt8]) {
        guard failure == nil, !bytes.isEmpty else { return }
        bytes.withUnsafeBytes { buffer in
            var done = 0
            while done < buffer.count {
                let result = Foundation.write(descriptor, buffer.baseAddress! + done, buffer.count - done)
                if result < 0 {
                    if errno == EINTR { continue }
                    failure = String(cString: strerror(errno))
                    return
                }
                done += result
            }
        }
        if let handle = existing {
            // Still the same bytes as the file there? Read as much of it as was just written.
            if written + bytes.count > existingSize {
                existing = nil
            } else {
                var offset = 0
                while offset < bytes.count {
                    guard let piece = try? handle.read(upToCount: min(64 * 1024, bytes.count - offset)), !piece.isEmpty,
                          piece.elementsEqual(bytes[offset..<(offset + piece.count)]) else {
                        existing = nil
                        break
                    }
                    offset += piece.count
                }
            }
        }
        written += bytes.count
    }

    /// Finishes the file: renamed into place, or left as it was when it already held exactly
    /// these bytes. Returns whether the file changed.
    func finish(durable: Bool = true) throws(AtomicFileWriter.Failure) -> Bool {
        if failure == nil, existing != nil, written == existingSize {
            close(descriptor)
            descriptor = -1
            unlink(temporary.path)
            return false
        }
        if failure == nil && durable && fsync(descriptor) != 0 { failure = String(cString: strerror(errno)) }
        if close(descriptor) != 0 && failure == nil { failure = String(cString: strerror(errno)) }
        descriptor = -1
        if failure == nil && rename(temporary.path, url.path) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary.path)
            throw AtomicFileWriter.Failure(path: url.path, reason: failure)
        }
        return true
    }
}
