import CLibZip

/// Reads a ZIP archive held in memory through libzip, within limits, so that a hostile
/// archive (a "zip bomb", millions of entries, an entry that claims one size and unpacks
/// to another) costs bounded time and memory and fails with an error that names the part.
///
/// Nothing is unpacked until ``read(_:limit:)`` asks for one entry; what it unpacks is
/// counted as it arrives, never trusted from the archive's directory alone.
public final class ZipArchive {
    /// How much an archive may hold and unpack.
    public struct Limits: Sendable, Equatable {
        /// The most entries the archive may list.
        public var entries: Int
        /// The most bytes one entry may unpack to (``read(_:limit:)`` can ask for less).
        public var entrySize: Int
        /// The most bytes all reads together may unpack.
        public var totalSize: Int
        /// The most an entry may unpack to per byte it takes in the archive…
        public var ratio: Int
        /// …once it unpacks to more than this many bytes (a small entry may compress well).
        public var ratioFloor: Int

        /// Creates limits; the defaults suit a Word document: a long one has a few hundred
        /// entries and unpacks to tens of megabytes, its XML at 5 to 20 times its packed size.
        public init(entries: Int = 10_000, entrySize: Int = 64 << 20, totalSize: Int = 256 << 20, ratio: Int = 200, ratioFloor: Int = 2 << 20) {
            self.entries = entries
            self.entrySize = entrySize
            self.totalSize = totalSize
            self.ratio = ratio
            self.ratioFloor = ratioFloor
        }
    }

    /// One entry, as the archive's directory describes it.
    public struct Entry: Sendable, Equatable {
        /// The path inside the archive (`word/document.xml`).
        public var name: String
        /// The size the directory says it unpacks to.
        public var size: Int
        /// The size it takes in the archive.
        public var compressedSize: Int
        /// Whether it is stored without compression.
        public var isStored: Bool
        /// Whether it is encrypted.
        public var isEncrypted: Bool
        let index: UInt64
    }

    /// The entries, in archive order.
    public let entries: [Entry]
    /// The limits the archive is read within.
    public let limits: Limits

    private let archive: OpaquePointer
    // zip_source_buffer_create does not copy: the bytes live as long as the archive.
    private let buffer: UnsafeMutableRawBufferPointer
    private var unpacked = 0
    private var byName: [String: Int] = [:]
    private var byLowercasedName: [String: Int] = [:]

    /// Opens the archive in `bytes`; throws when it is not one or lists more entries than `limits` allow.
    public init(bytes: [UInt8], limits: Limits = Limits()) throws(ZipReadError) {
        self.limits = limits
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 1)
        bytes.withUnsafeBytes { buffer.copyMemory(from: $0) }
        self.buffer = buffer
        var error = zip_error_t()
        zip_error_init(&error)
        defer { zip_error_fini(&error) }
        guard let source = zip_source_buffer_create(buffer.baseAddress, zip_uint64_t(bytes.count), 0, &error) else {
            buffer.deallocate()
            throw .notAnArchive(String(cString: zip_error_strerror(&error)))
        }
        // Not ZIP_CHECKCONS: Word files from other programs often have small inconsistencies that
        // Word itself accepts; what is unpacked is bounded by the limits, whatever the headers say.
        guard let archive = openArchive(source, flags: ZIP_RDONLY, error: &error) else {
            zip_source_free(source)
            buffer.deallocate()
            throw .notAnArchive(String(cString: zip_error_strerror(&error)))
        }
        self.archive = archive
        let count = Int(max(zip_get_num_entries(archive, 0), 0))
        guard count <= limits.entries else {
            entries = []
            throw .tooManyEntries(count: count, limit: limits.entries)
        }
        var list: [Entry] = []
        list.reserveCapacity(count)
        for index in 0..<UInt64(count) {
            var stat = zip_stat_t()
            zip_stat_init(&stat)
            guard zip_stat_index(archive, index, 0, &stat) == 0, let name = stat.name else { continue }
            list.append(Entry(
                name: String(cString: name), size: Int(clamping: stat.size), compressedSize: Int(clamping: stat.comp_size),
                isStored: stat.comp_method == 0, isEncrypted: stat.encryption_method != UInt16(ZIP_EM_NONE), index: index))
        }
        entries = list
        for (position, entry) in list.enumerated() {
            if byName[entry.name] == nil { byName[entry.name] = position }
            let lowered = entry.name.lowercased()
            if byLowercasedName[lowered] == nil { byLowercasedName[lowered] = position }
        }
    }

    deinit {
        zip_discard(archive)
        buffer.deallocate()
    }

    /// The entry named `name`, or, since OPC part names are compared without regard to case
    /// (ECMA-376 Part 2 §6.2.2.3), the first whose name differs only in case.
    public func entry(named name: String) -> Entry? {
        if let position = byName[name] { return entries[position] }
        return byLowercasedName[name.lowercased()].map { entries[$0] }
    }

    /// The unpacked bytes of `entry`, at most `limit` (default: the limits' entry size).
    public func read(_ entry: Entry, limit: Int? = nil) throws(ZipReadError) -> [UInt8] {
        let limit = min(limit ?? limits.entrySize, limits.entrySize)
        if entry.isEncrypted { throw .encrypted(name: entry.name) }
        if isSuspicious(size: entry.size, compressedSize: entry.compressedSize) {
            throw .suspiciousCompression(name: entry.name, size: entry.size, compressedSize: entry.compressedSize)
        }
        if entry.size > limit { throw .entryTooLarge(name: entry.name, size: entry.size, limit: limit) }
        if unpacked + entry.size > limits.totalSize { throw .archiveTooLarge(name: entry.name, limit: limits.totalSize) }
        guard let file = zip_fopen_index(archive, entry.index, 0) else {
            throw .damaged(name: entry.name, message: String(cString: zip_strerror(archive)))
        }
        defer { zip_fclose(file) }
        // The directory's size is a claim: read in pieces and count what actually arrives.
        var result: [UInt8] = []
        result.reserveCapacity(min(entry.size, limit))
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { zip_fread(file, $0.baseAddress, zip_uint64_t($0.count)) }
            if count < 0 { throw .damaged(name: entry.name, message: String(cString: zip_file_strerror(file))) }
            if count == 0 { break }
            result.append(contentsOf: chunk[0..<Int(count)])
            if result.count > limit { throw .entryTooLarge(name: entry.name, size: result.count, limit: limit) }
            if unpacked + result.count > limits.totalSize { throw .archiveTooLarge(name: entry.name, limit: limits.totalSize) }
            if isSuspicious(size: result.count, compressedSize: entry.compressedSize) {
                throw .suspiciousCompression(name: entry.name, size: result.count, compressedSize: entry.compressedSize)
            }
        }
        unpacked += result.count
        return result
    }

    private func isSuspicious(size: Int, compressedSize: Int) -> Bool {
        size > limits.ratioFloor && size / max(compressedSize, 1) > limits.ratio
    }
}
