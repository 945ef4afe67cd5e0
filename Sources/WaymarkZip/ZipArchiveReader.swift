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
