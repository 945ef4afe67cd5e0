import Foundation

/// Reads a file the preview serves: a plain file only (never through a link, never a pipe or a
/// device), and never more than a limit.
enum PlainFile {
    /// The largest built file served (a long guide's PDF is a few MB).
    static let builtLimit = 256 * 1024 * 1024

    /// The bytes of `url`, or nil when it is not a plain file, is larger than `limit`, or cannot be read.
    static func read(_ url: URL, limit: Int) -> [UInt8]? {
        // O_NOFOLLOW: a link put in place after the path was checked is still not followed.
        let descriptor = open(url.path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG, Int(status.st_size) <= limit else { return nil }
        // An empty file reads as nil.
        guard let data = try? handle.read(upToCount: limit + 1) else { return status.st_size == 0 ? [] : nil }
        return data.count <= limit ? [UInt8](data) : nil
    }
}
