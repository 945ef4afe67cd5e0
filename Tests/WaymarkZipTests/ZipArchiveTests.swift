import Foundation
import Testing
import WaymarkZip

@Suite struct ZipArchiveTests {
    let date = Date(timeIntervalSince1970: 1_793_491_200)  // 2026-11-01

    func archive() throws -> [UInt8] {
        let writer = try ZipArchiveWriter()
        try writer.add(path: "mimetype", bytes: Array("application/epub+zip".utf8), compression: .stored, modified: date)
        try writer.add(path: "OEBPS/chapter.xhtml", bytes: Array(String(repeating: "hello ", count: 1000).utf8), compression: .deflated, modified: date)
        return try writer.finish()
    }

    @Test func entriesComeBackInOrderWithTheirContent() throws {
        let entries = try ZipArchiveReader.entries(of: try archive())
        #expect(entries.map(\.path) == ["mimetype", "OEBPS/chapter.xhtml"])
        #expect(entries[0].isStored)
        #expect(!entries[1].isStored)
        #expect(String(decoding: entries[0].bytes, as: UTF8.self) == "application/epub+zip")
        #expect(entries[1].bytes.count == 6000)
    }

    @Test func mimetypeIsFirstStoredWithNoExtraField() throws {
        let bytes = try archive()
        // OCF 3.3: the first local file header is `mimetype`, stored, with no extra field.
        #expect(bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]))
        let method = UInt16(bytes[8]) | UInt16(bytes[9]) << 8
        let nameLength = Int(bytes[26]) | Int(bytes[27]) << 8
        let extraLength = Int(bytes[28]) | Int(bytes[29]) << 8
        #expect(method == 0)
        #expect(nameLength == 8)
        #expect(extraLength == 0)
        #expect(String(decoding: bytes[30..<38], as: UTF8.self) == "mimetype")
        #expect(String(decoding: bytes[38..<58], as: UTF8.self) == "application/epub+zip")
    }

    @Test func sameEntriesGiveSameBytes() throws {
        #expect(try archive() == archive())
    }

    @Test func garbageIsAnError() {
        #expect(throws: ZipError.self) { try ZipArchiveReader.entries(of: Array("not a zip".utf8)) }
    }
}
