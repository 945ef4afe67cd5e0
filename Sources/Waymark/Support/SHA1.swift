/// SHA-1 (FIPS 180-4), used only to name things (EPUB identifiers, the build cache's
/// content keys), never for security: one implementation for both.
public enum SHA1 {
    /// The 20-byte SHA-1 digest of `message`.
    ///
    /// The message is read in place, 64 bytes at a time, into a fixed schedule on the stack;
    /// only the last one or two blocks, with the padding, are copied. (A copy of the whole
    /// message and an 80-word array for every block made hashing a tenth of a no-op rebuild.)
    public static func hash(_ message: [UInt8]) -> [UInt8] {
        var state: (UInt32, UInt32, UInt32, UInt32, UInt32) = (0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0)
        let whole = message.count / 64 * 64
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 80) { schedule in
            message.withUnsafeBufferPointer { bytes in
                var offset = 0
                while offset < whole {
                    compress(UnsafeBufferPointer(rebasing: bytes[offset..<(offset + 64)]), into: &state, schedule: schedule)
                    offset += 64
                }
            }
            // The rest of the message, 0x80, zeros, and the length in bits: one or two blocks.
            var tail = Array(message[whole...])
            tail.append(0x80)
            while tail.count % 64 != 56 { tail.append(0) }
            let bitLength = UInt64(message.count) &* 8
            for shift in stride(from: 56, through: 0, by: -8) { tail.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift))) }
            tail.withUnsafeBufferPointer { bytes in
                for offset in stride(from: 0, to: bytes.count, by: 64) {
                    compress(UnsafeBufferPointer(rebasing: bytes[offset..<(offset + 64)]), into: &state, schedule: schedule)
                }
            }
        }
        var digest: [UInt8] = []
        digest.reserveCapacity(20)
        for word in [state.0, state.1, state.2, state.3, state.4] {
            for shift in stride(from: 24, through: 0, by: -8) { digest.append(UInt8(truncatingIfNeeded: word >> UInt32(shift))) }
        }
        return digest
    }

    /// One 64-byte block into the five state words.
    private static func compress(
        _ block: UnsafeBufferPointer<UInt8>, into state: inout (UInt32, UInt32, UInt32, UInt32, UInt32), schedule w: UnsafeMutableBufferPointer<UInt32>
    ) {
        @inline(__always) func rotate(_ value: UInt32, _ count: UInt32) -> UInt32 { (value << count) | (value >> (32 - count)) }
        for i in 0..<16 {
            let base = i * 4
            w[i] = UInt32(block[base]) << 24 | UInt32(block[base + 1]) << 16 | UInt32(block[base + 2]) << 8 | UInt32(block[base + 3])
        }
        for i in 16..<80 { w[i] = rotate(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1) }
        var (a, b, c, d, e) = state
        @inline(__always) func step(_ f: UInt32, _ k: UInt32, _ i: Int) {
            let temp = rotate(a, 5) &+ f &+ e &+ k &+ w[i]
            (e, d, c, b, a) = (d, c, rotate(b, 30), a, temp)
        }
        for i in 0..<20 { step((b & c) | (~b & d), 0x5A827999, i) }
        for i in 20..<40 { step(b ^ c ^ d, 0x6ED9EBA1, i) }
        for i in 40..<60 { step((b & c) | (b & d) | (c & d), 0x8F1BBCDC, i) }
        for i in 60..<80 { step(b ^ c ^ d, 0xCA62C1D6, i) }
        state = (state.0 &+ a, state.1 &+ b, state.2 &+ c, state.3 &+ d, state.4 &+ e)
    }
}
