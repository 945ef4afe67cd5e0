import CLibZip
import Foundation

/// The ZIP writer Waymark used before issue #23, through libzip: kept as the reference that
/// ``ZipArchiveWriter``'s bytes are tested against (the tests only; every output is written by
/// ``ZipArchiveWriter``, which gives the same bytes without libzip's cost for each entry).
final class LibzipArchiveWriter {
    typealias Compression = ZipArchiveWriter.Compression

    private let archive: OpaquePointer
    private let source: OpaquePointer
    // zip_source_buffer does not copy: the bytes must stay alive until zip_close.
    private var retained: [UnsafeMutableRawBufferPointer] = []
    private var closed = false

    /// Opens an empty in-memory archive.
    init() throws {
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
    func add(path: String, bytes: [UInt8], compression: Compression, modified: Date) throws {
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

        let level: UInt32 = compression == .stored ? 0 : 6
        guard zip_set_file_compression(archive, zip_uint64_t(index), method, level) == 0 else {
            throw lastError("set compression of \(path)")
        }
        guard zip_file_set_mtime(archive, zip_uint64_t(index), LibzipArchiveWriter.localTimeShowingUTC(modified), 0) == 0 else {
            throw lastError("set the time of \(path)")
        }
    }

    /// Writes the archive and returns its bytes; the writer cannot be used after.
    func finish() throws -> [UInt8] {
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

private extension LibzipArchiveWriter {
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
