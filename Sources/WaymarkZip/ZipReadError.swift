/// Why an archive, or an entry of it, could not be read; every case names what it is about.
public enum ZipReadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The bytes are not a ZIP archive, or its directory is broken (libzip's message).
    case notAnArchive(String)
    /// The archive has more entries than the limit.
    case tooManyEntries(count: Int, limit: Int)
    /// The entry would unpack to more bytes than the limit for one entry.
    case entryTooLarge(name: String, size: Int, limit: Int)
    /// Reading the entry would take the bytes unpacked from the archive past the limit for all.
    case archiveTooLarge(name: String, limit: Int)
    /// The entry unpacks to far more than it takes in the archive: a "zip bomb".
    case suspiciousCompression(name: String, size: Int, compressedSize: Int)
    /// The entry is encrypted (the file has a password).
    case encrypted(name: String)
    /// The entry could not be unpacked (libzip's message).
    case damaged(name: String, message: String)

    /// A one-line description in plain words.
    public var description: String {
        switch self {
        case .notAnArchive(let message):
            return "it is not a ZIP archive (\(message))"
        case .tooManyEntries(let count, let limit):
            return "it holds \(count) parts; the most Waymark reads is \(limit)"
        case .entryTooLarge(let name, let size, let limit):
            return "the part \(name) unpacks to \(ZipReadError.megabytes(size)); the largest Waymark reads is \(ZipReadError.megabytes(limit))"
        case .archiveTooLarge(let name, let limit):
            return "reading the part \(name) would unpack more than \(ZipReadError.megabytes(limit)) in all"
        case .suspiciousCompression(let name, let size, let compressedSize):
            return "the part \(name) unpacks to \(ZipReadError.megabytes(size)) from \(ZipReadError.megabytes(compressedSize)), "
                + "far more than a real document does (a 'zip bomb')"
        case .encrypted(let name):
            return "the part \(name) is encrypted (the file is protected with a password)"
        case .damaged(let name, let message):
            return "the part \(name) is damaged (\(message))"
        }
    }

    /// A size in megabytes with one decimal, rounded up so that a size over a limit never reads as the limit.
    static func megabytes(_ bytes: Int) -> String {
        let megabyte = 1024 * 1024
        if bytes < megabyte { return "\(max((bytes + 1023) / 1024, 1)) KB" }
        let tenths = (bytes * 10 + megabyte - 1) / megabyte
        return tenths % 10 == 0 ? "\(tenths / 10) MB" : "\(tenths / 10).\(tenths % 10) MB"
    }
}
