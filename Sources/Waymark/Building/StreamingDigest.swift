import Foundation

/// A SHA-1 hash list, fed a piece at a time, so that a file of any size is hashed in a few
/// kilobytes of memory.
///
/// Every 64 KiB piece is hashed on its own and the piece digests are hashed in turn (folded
/// into one digest whenever they fill a piece themselves). Two inputs get the same digest
/// only if SHA-1 collides; the digest is not SHA-1 of the whole input, and need not be: it
/// only ever meets other digests made here, as a build-cache key.
struct StreamingDigest {
    /// The size of a piece, and of each read from a file.
    static let pieceSize = 64 * 1024

    private var pending: [UInt8] = []
    private var pieces: [UInt8] = []
    private var count = 0

    /// An empty digest.
    init() {
        pending.reserveCapacity(StreamingDigest.pieceSize)
    }

    /// Adds `bytes` to what is hashed.
    mutating func add<Bytes: Collection>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        count += bytes.count
        var rest = bytes[...]
        while !rest.isEmpty {
            let taken = rest.prefix(StreamingDigest.pieceSize - pending.count)
            pending += taken
            rest = rest.dropFirst(taken.count)
            if pending.count == StreamingDigest.pieceSize { closePiece() }
        }
    }

    /// Adds `text` as UTF-8, followed by a line break so that two fields never run together.
    mutating func add(line text: String) {
        add(Array(text.utf8) + [0x0A])
    }

    /// The digest of everything added, as 40 hexadecimal digits.
    func finish() -> String {
        var copy = self
        if !copy.pending.isEmpty { copy.closePiece() }
        let total = Array("\(count)\n".utf8)
        return StreamingDigest.hex(SHA1.hash(total + copy.pieces))
    }

    /// The digest of the regular file at `url`, read 64 KiB at a time; nil when it cannot be
    /// read or is not a regular file (a pipe or a device could block or never end).
    static func file(_ url: URL) -> (size: Int, digest: String)? {
        // O_NONBLOCK: opening a named pipe must not wait for a writer.
        let descriptor = open(url.path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        var digest = StreamingDigest()
        do {
            while let piece = try handle.read(upToCount: pieceSize), !piece.isEmpty {
                digest.add(piece)
            }
        } catch {
            return nil
        }
        return (digest.count, digest.finish())
    }

    /// `bytes` as lower-case hexadecimal digits.
    static func hex(_ bytes: [UInt8]) -> String {
        // Not String(format:), which took 10,000 instructions a digest (issue #23).
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}

private extension StreamingDigest {
    mutating func closePiece() {
        pieces += SHA1.hash(pending)
        pending.removeAll(keepingCapacity: true)
        // Fold the list of piece digests once it is a piece long itself: memory stays constant.
        if pieces.count >= StreamingDigest.pieceSize {
            pieces = SHA1.hash(pieces)
        }
    }
}
