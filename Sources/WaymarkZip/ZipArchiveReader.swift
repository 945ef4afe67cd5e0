import CLibZip

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

    /// Returns every entry of the archive in `bytes`, in archive order.
    public static func entries(of bytes: [UInt8]) throws -> [Entry] {
        var error = zip_error_t()
        zip_error_init(&error)
        defer { zip_error_fini(&error) }
        let copy = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 1)
        defer { copy.deallocate() }
        bytes.withUnsafeBytes { copy.copyMemory(from: $0) }
        guard let source = zip_source_buffer_create(copy.baseAddress, zip_uint64_t(bytes.count), 0, &error) else {
            throw ZipError(operation: "read archive", message: String(cString: zip_error_strerror(&error)))
        }
        guard let archive = zip_open_from_source(source, ZIP_RDONLY, &error) else {
            zip_source_free(source)
            throw ZipError(operation: "open archive", message: String(cString: zip_error_strerror(&error)))
        }
        defer { zip_discard(archive) }
        var entries: [Entry] = []
        let count = zip_get_num_entries(archive, 0)
        for index in 0..<zip_uint64_t(max(count, 0)) {
            var stat = zip_stat_t()
            zip_stat_init(&stat)
            guard zip_stat_index(archive, index, 0, &stat) == 0, let name = stat.name,
                  let file = zip_fopen_index(archive, index, 0) else {
                throw ZipError(operation: "read entry \(index)", message: "libzip could not open it")
            }
            defer { zip_fclose(file) }
            var content = [UInt8](repeating: 0, count: Int(stat.size))
            let read = content.withUnsafeMutableBytes { zip_fread(file, $0.baseAddress, zip_uint64_t($0.count)) }
            guard read == Int64(stat.size) else {
                throw ZipError(operation: "read \(String(cString: name))", message: "short read")
            }
            entries.append(Entry(path: String(cString: name), bytes: content, isStored: stat.comp_method == 0))
        }
        return entries
    }
}
