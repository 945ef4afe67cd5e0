import CLibZip
import Foundation

/// Builds a ZIP archive in memory, entry by entry.
///
/// Entries keep the order they are added in. Every entry's time is the one given, so the same
/// entries always give the same bytes: the bytes libzip 1.7 wrote for them (Waymark's writer
/// before issue #23, kept as ``LibzipArchiveWriter`` for the tests to compare with), made here
/// with zlib directly: one deflate stream for the whole archive instead of one set up per entry,
/// and an entry that recurs across archives (a style sheet, a picture, `container.xml`) deflated
/// once per process (``DeflateCache``).
public final class ZipArchiveWriter {
    /// How an entry is stored.
    public enum Compression: Sendable {
        /// Stored as is (the EPUB `mimetype` entry must be).
        case stored
        /// Deflated.
        case deflated
    }

    /// One central directory record, as libzip writes it.
    private struct Entry {
        var name: [UInt8]
        var flags: UInt16
        var method: UInt16
        var time: UInt16
        var date: UInt16
        var crc: UInt32
        var compressedSize: UInt32
        var size: UInt32
        var offset: UInt32
    }

    /// zlib's default level: within 1 % of level 9 on these small XHTML files, at about half the time (issue #8).
    static let level: Int32 = 6

    private var output: [UInt8] = []
    private var entries: [Entry] = []
    private var names: Set<[UInt8]> = []
    private var stream: UnsafeMutablePointer<z_stream>?
    private var closed = false

    /// Opens an empty in-memory archive.
    public init() throws {}

    deinit {
        if let stream {
            deflateEnd(stream)
            stream.deallocate()
        }
    }

    /// Adds an entry named `path` with `bytes`, stored or deflated, dated `modified`.
    public func add(path: String, bytes: [UInt8], compression: Compression, modified: Date) throws {
        guard !closed else { throw ZipError(operation: "add \(path)", message: "the archive is closed") }
        let name = Array(path.utf8)
        // libzip refuses an empty name and control characters other than tab, CR and LF.
        guard !name.isEmpty, name.allSatisfy({ $0 >= 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else {
            throw ZipError(operation: "add \(path)", message: "Invalid argument")
        }
        guard names.insert(name).inserted else { throw ZipError(operation: "add \(path)", message: "File already exists") }
        let crc = ZipArchiveWriter.crc(bytes)
        let data: [UInt8]
        switch compression {
        case .stored: data = bytes
        case .deflated: data = try DeflateCache.shared.deflated(bytes, crc: crc) { try deflate(bytes, path: path) }
        }
        let header = output.count
        guard header <= Int(UInt32.max) - 30 - name.count - data.count, bytes.count <= Int(UInt32.max) else {
            throw ZipError(operation: "add \(path)", message: "the archive would need ZIP64, which Waymark does not write")
        }
        let (time, date) = ZipArchiveWriter.dosTime(modified)
        let entry = Entry(
            // Bit 11: the name is UTF-8 (libzip sets it when the name is not plain ASCII).
            name: name, flags: name.contains { $0 >= 0x80 } ? 0x0800 : 0,
            method: compression == .stored ? 0 : 8, time: time, date: date, crc: crc,
            compressedSize: UInt32(data.count), size: UInt32(bytes.count), offset: UInt32(header))
        output.reserveCapacity(output.count + 30 + name.count + data.count)
        append32(0x0403_4B50)
        append16(entry.method == 0 ? 10 : 20)
        append16(entry.flags)
        append16(entry.method)
        append16(entry.time)
        append16(entry.date)
        append32(entry.crc)
        append32(entry.compressedSize)
        append32(entry.size)
        append16(UInt16(name.count))
        append16(0)
        output += name
        output += data
        entries.append(entry)
    }

    /// Writes the archive and returns its bytes; the writer cannot be used after.
    public func finish() throws -> [UInt8] {
        guard !closed else { throw ZipError(operation: "finish", message: "the archive is already closed") }
        closed = true
        let start = output.count
        for entry in entries {
            append32(0x0201_4B50)
            // Made by: Unix, ZIP 6.3 (libzip's own).
            append16(0x033F)
            append16(entry.method == 0 ? 10 : 20)
            append16(entry.flags)
            append16(entry.method)
            append16(entry.time)
            append16(entry.date)
            append32(entry.crc)
            append32(entry.compressedSize)
            append32(entry.size)
            append16(UInt16(entry.name.count))
            append16(0)  // extra field
            append16(0)  // comment
            append16(0)  // disk
            append16(0)  // internal attributes
            append32(0o100666 << 16)  // a plain file, rw-rw-rw-
            append32(entry.offset)
            output += entry.name
        }
        guard entries.count <= Int(UInt16.max), output.count <= Int(UInt32.max) - 22 else {
            throw ZipError(operation: "finish", message: "the archive would need ZIP64, which Waymark does not write")
        }
        let size = output.count - start
        append32(0x0605_4B50)
        append16(0)
        append16(0)
        append16(UInt16(entries.count))
        append16(UInt16(entries.count))
        append32(UInt32(size))
        append32(UInt32(start))
        append16(0)
        let archive = output
        output = []
        return archive
    }
}

// MARK: - Implementation

private extension ZipArchiveWriter {
    func append16(_ value: UInt16) {
        output.append(UInt8(truncatingIfNeeded: value))
        output.append(UInt8(truncatingIfNeeded: value >> 8))
    }

    func append32(_ value: UInt32) {
        append16(UInt16(truncatingIfNeeded: value))
        append16(UInt16(truncatingIfNeeded: value >> 16))
    }

    static func crc(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBufferPointer { buffer in
            UInt32(truncatingIfNeeded: crc32_z(0, buffer.baseAddress, buffer.count))
        }
    }

    /// `bytes` as a raw deflate stream, as libzip makes it (``waymark_deflate_init``): the stream
    /// is set up once per archive and reset for each entry.
    func deflate(_ bytes: [UInt8], path: String) throws -> [UInt8] {
        let stream: UnsafeMutablePointer<z_stream>
        if let existing = self.stream {
            stream = existing
            guard deflateReset(stream) == Z_OK else { throw ZipError(operation: "add \(path)", message: "zlib could not reset its stream") }
        } else {
            stream = .allocate(capacity: 1)
            stream.initialize(to: z_stream())
            guard waymark_deflate_init(stream, ZipArchiveWriter.level) == Z_OK else {
                stream.deallocate()
                throw ZipError(operation: "add \(path)", message: "zlib could not start")
            }
            self.stream = stream
        }
        let bound = Int(deflateBound(stream, uLong(bytes.count)))
        var status: Int32 = Z_OK
        let result = [UInt8](unsafeUninitializedCapacity: bound) { buffer, count in
            bytes.withUnsafeBufferPointer { input in
                stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
                stream.pointee.avail_in = uInt(input.count)
                stream.pointee.next_out = buffer.baseAddress
                stream.pointee.avail_out = uInt(bound)
                status = CLibZip.deflate(stream, Z_FINISH)
                count = bound - Int(stream.pointee.avail_out)
            }
            stream.pointee.next_in = nil
            stream.pointee.next_out = nil
        }
        guard status == Z_STREAM_END else { throw ZipError(operation: "add \(path)", message: "zlib could not deflate it (\(status))") }
        return result
    }

    /// The MS-DOS time and date libzip records for `date`: its UTC wall-clock time (a year before
    /// 1980 counts as 1980, as libzip has it), so the same date gives the same bytes in every time zone.
    static func dosTime(_ date: Date) -> (time: UInt16, date: UInt16) {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        guard gmtime_r(&seconds, &parts) != nil else { return (0, (1 << 5) + 1) }
        let year = max(parts.tm_year, 80)
        let day = ((year + 1900 - 1980) << 9) + ((parts.tm_mon + 1) << 5) + parts.tm_mday
        let time = (parts.tm_hour << 11) + (parts.tm_min << 5) + (parts.tm_sec >> 1)
        return (UInt16(truncatingIfNeeded: time), UInt16(truncatingIfNeeded: day))
    }
}
