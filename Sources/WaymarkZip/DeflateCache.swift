import Foundation

/// The deflated bytes of ZIP entries that recur, for the life of the process, safely across the
/// archives that a build writes at once.
///
/// Most entries of a build's e-books are the same bytes in every guide (issue #23: 57 % of the
/// EPUB entries): `container.xml`, the style sheet, the pictograms and pictures. Deflating the
/// same bytes always gives the same bytes, so each is deflated once. An entry is kept only the
/// second time it is seen, so the entries of one guide alone (its chapters) cost a fingerprint,
/// not a copy; and the whole cache is forgotten when it holds ``limit`` bytes (a bound on memory,
/// not an eviction policy).
final class DeflateCache: @unchecked Sendable {
    /// The one cache of the process.
    static let shared = DeflateCache()

    private struct Fingerprint: Hashable {
        var crc: UInt32
        var count: Int
    }

    private struct Kept {
        var original: [UInt8]
        var deflated: [UInt8]
    }

    private let lock = NSLock()
    /// Entries seen once, by CRC and length.
    private var seen: Set<Fingerprint> = []
    private var kept: [Fingerprint: [Kept]] = [:]
    private var held = 0
    /// The most bytes kept (originals and deflated), and the most fingerprints remembered.
    private let limit: Int
    private let fingerprints: Int

    init(limit: Int = 16 << 20, fingerprints: Int = 1 << 16) {
        self.limit = limit
        self.fingerprints = fingerprints
    }

    /// `bytes` (whose CRC-32 is `crc`) deflated: by `make` unless the same bytes were deflated before.
    func deflated(_ bytes: [UInt8], crc: UInt32, _ make: () throws -> [UInt8]) rethrows -> [UInt8] {
        let key = Fingerprint(crc: crc, count: bytes.count)
        let (known, again): ([UInt8]?, Bool) = lock.withLock {
            if let hit = kept[key]?.first(where: { DeflateCache.same($0.original, bytes) }) { return (hit.deflated, true) }
            return (nil, seen.contains(key))
        }
        if let known { return known }
        let made = try make()
        let cost = bytes.count + made.count
        lock.withLock {
            guard again else {
                if seen.count >= fingerprints { seen.removeAll() }
                seen.insert(key)
                return
            }
            guard cost <= limit else { return }
            if held + cost > limit {
                kept.removeAll()
                held = 0
            }
            guard kept[key]?.contains(where: { DeflateCache.same($0.original, bytes) }) != true else { return }
            kept[key, default: []].append(Kept(original: bytes, deflated: made))
            held += cost
        }
        return made
    }

    private static func same(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        return a.withUnsafeBytes { x in
            b.withUnsafeBytes { y in
                guard let left = x.baseAddress, let right = y.baseAddress else { return true }
                return memcmp(left, right, x.count) == 0
            }
        }
    }
}
