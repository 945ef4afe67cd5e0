import CLibZip
import Foundation

/// An error from libzip, copied into Swift values.
public struct ZipError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What was being done when libzip failed.
    public var operation: String
    /// libzip's own message.
    public var message: String

    /// Creates an error from its parts.
    public init(operation: String, message: String) {
        self.operation = operation
        self.message = message
    }

    /// A one-line description.
    public var description: String { "\(operation): \(message)" }
}

/// Builds a ZIP archive in memory through libzip, entry by entry.
///
/// Entries keep the order they are added in. Every entry's time is the one
/// given, so the same entries always give the same bytes.
public final class ZipArchiveWriter {
    /// How an entry is stored.
    public enum Compression: Sendable {
        /// Stored as is (the EPUB `mimetype` entry must be).
        case stored
        /// Deflated.
        case deflated
    }

    private let archive: OpaquePointer
    private let source: OpaquePointer
    // zip_source_buffer does not copy: the bytes must stay alive until zip_close.
    private var retained: [UnsafeMutableRawBufferPointer] = []
    private var closed = false

    /// Opens an empty in-memory archive.
    public init() throws {
        var error = zip_error_t()
        zip_error_init(&error)
        defer { zip_error_fini(&error) }
        guard let source = zip_source_buffer_create(nil, 0, 0, &error) else {
            throw ZipError(operation: "create buffer", message: String(cString: zip_error_strerror(&error)))
        }
        // Keep the source after zip_close so that its bytes can be read back.
        zip_source_keep(source)
        guard let archive = openArchive(source, flags: ZIP_TRUNCATE | ZIP_CREATE, error: &error) else {
            zip_source_free(source)
            throw ZipError(operation: "open archive", message: String(cString: zip_error_strerror(&error)))
        }
        self.archive = archive
        self.source = source
    }

    deinit {
        if !closed { zip_discard(archive) }
        zip_source_free(source)
        for buffer in retained { buffer.deallocate() }
    }

    /// Adds an entry named `path` with `bytes`, stored or deflated, dated `modified`.
    public func add(path: String, bytes: [UInt8], compression: Compression, modified: Date) throws {
        guard !closed else { throw ZipError(operation: "add \(path)", message: "the archive is closed") }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 1)
        retained.append(buffer)
        bytes.withUnsafeBytes { buffer.copyMemory(from: $0) }
        guard let entrySource = zip_source_buffer(archive, buffer.baseAddress, zip_uint64_t(bytes.count), 0) else {
            throw lastError("add \(path)")
        }
        let index = zip_file_add(archive, path, entrySource, zip_flags_t(ZIP_FL_ENC_UTF_8))
        guard index >= 0 else {
            zip_source_free(entrySource)
            throw lastError("add \(path)")
        }
        let method: Int32 = compression == .stored ? ZIP_CM_STORE : ZIP_CM_DEFLATE
        // zlib's default level: within 1 % of level 9 on these small XHTML files, at about half the time (issue #8).
        let level: UInt32 = compression == .stored ? 0 : 6
        guard zip_set_file_compression(archive, zip_uint64_t(index), method, level) == 0 else {
            throw lastError("set compression of \(path)")
        }
        guard zip_file_set_mtime(archive, zip_uint64_t(index), ZipArchiveWriter.localTimeShowingUTC(modified), 0) == 0 else {
            throw lastError("set the time of \(path)")
        }
    }

    /// Writes the archive and returns its bytes; the writer cannot be used after.
    public func finish() throws -> [UInt8] {
        guard !closed else { throw ZipError(operation: "finish", message: "the archive is already closed") }
        closed = true
        guard zip_close(archive) == 0 else {
            let error = lastError("write archive")
            zip_discard(archive)
            throw error
        }
        guard zip_source_open(source) == 0 else {
            throw ZipError(operation: "read archive", message: "libzip could not reopen the buffer")
        }
        defer { zip_source_close(source) }
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { zip_source_read(source, $0.baseAddress, zip_uint64_t($0.count)) }
            if count < 0 { throw ZipError(operation: "read archive", message: "libzip could not read the buffer") }
            if count == 0 { break }
            result.append(contentsOf: chunk[0..<Int(count)])
        }
        return result
    }
}

/// Reads the entries of a ZIP archive held in memory.
public enum ZipArchiveReader {
    /// One entry of an archive.
    public struct Entry: Sendable, Equatable {
        /// The entry's path inside the archive.
        public var path: String
        /// The uncompressed bytes.
        public var bytes: [UInt8]
        /// Whether the entry is stored uncompressed.
        public var isStored: Bool
    }

    /// Returns every entry of the archive in `bytes`, in archive order, read within
    /// ``ZipArchive``'s default limits.
    public static func entries(of bytes: [UInt8]) throws -> [Entry] {
        do {
            let archive = try ZipArchive(bytes: bytes)
            return try archive.entries.map { entry throws(ZipReadError) in
                Entry(path: entry.name, bytes: try archive.read(entry), isStored: entry.isStored)
            }
        } catch {
            throw ZipError(operation: "read archive", message: error.description)
        }
    }
}

private extension ZipArchiveWriter {
    /// libzip stores DOS times made with `localtime()`, so the same date would
    /// give different bytes in different time zones. This returns the instant
    /// whose local wall-clock time equals `date`'s UTC wall-clock time, so the
    /// archive always records the UTC time.
    static func localTimeShowingUTC(_ date: Date) -> time_t {
        let utc = time_t(date.timeIntervalSince1970.rounded(.down))
        var adjusted = utc
        for _ in 0..<3 {
            var local = tm()
            var probe = adjusted
            localtime_r(&probe, &local)
            let candidate = utc - time_t(local.tm_gmtoff)
            if candidate == adjusted { break }
            adjusted = candidate
        }
        return adjusted
    }

    func lastError(_ operation: String) -> ZipError {
        ZipError(operation: operation, message: String(cString: zip_strerror(archive)))
    }
}
