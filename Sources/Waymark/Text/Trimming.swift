import Foundation

/// Trimming on the bytes where the ends are ASCII (issue #23): Foundation's
/// `trimmingCharacters(in:)` bridges to `NSString` and copies the text twice, which made it
/// 1.3 % of a build, for texts that almost always have nothing beyond ASCII at their ends.
enum Trimming {
    /// The ASCII members of `CharacterSet.whitespacesAndNewlines`: tab, line feed, vertical tab,
    /// form feed, carriage return and space.
    static func whiteSpaceOrLineEnd(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }

    /// The ASCII members of `CharacterSet.whitespaces`: tab and space.
    static func whiteSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
}

extension Substring {
    /// `trimmingCharacters(in: set)`, where `isTrimmed` tells the set's ASCII members: the ASCII
    /// ones at either end are dropped on the bytes, and Foundation is asked only when what is
    /// left starts or ends beyond ASCII (where a member of the set may be, or a mark may join a character).
    func trimming(_ isTrimmed: (UInt8) -> Bool, else set: @autoclosure () -> CharacterSet) -> String {
        let bytes = utf8
        var start = bytes.startIndex
        var end = bytes.endIndex
        while start < end, isTrimmed(bytes[start]) { bytes.formIndex(after: &start) }
        while start < end, isTrimmed(bytes[bytes.index(before: end)]) { bytes.formIndex(before: &end) }
        guard start < end else { return "" }
        guard bytes[start] < 0x80, bytes[bytes.index(before: end)] < 0x80 else { return trimmingCharacters(in: set()) }
        return String(self[start..<end])
    }
}
