import Foundation
import Testing
import WaymarkZip

/// Reading archives within limits: hostile archives fail with an error naming the part.
@Suite struct ZipArchiveReadingTests {
    let date = Date(timeIntervalSince1970: 1_793_491_200)

    func archive(_ entries: [(String, [UInt8])], compression: ZipArchiveWriter.Compression = .deflated) throws -> [UInt8] {
        let writer = try ZipArchiveWriter()
        for (path, bytes) in entries { try writer.add(path: path, bytes: bytes, compression: compression, modified: date) }
        return try writer.finish()
    }

    @Test func readsAnEntryByNameWhateverItsCase() throws {
        let zip = try ZipArchive(bytes: try archive([("word/document.xml", Array("<w:document/>".utf8))]))
        let entry = try #require(zip.entry(named: "Word/Document.XML"))
        #expect(entry.name == "word/document.xml")
        #expect(try zip.read(entry) == Array("<w:document/>".utf8))
        #expect(zip.entry(named: "word/missing.xml") == nil)
    }

    @Test func notAnArchiveIsSaidSo() {
        #expect {
            try ZipArchive(bytes: Array("PK but not really a zip file at all".utf8))
        } throws: { error in
            guard case ZipReadError.notAnArchive = error else { return false }
            return true
        }
    }

    @Test func aZipBombIsRefusedNamingThePart() throws {
        // 16 MB of zeros deflate to about 16 KB: a thousand to one.
        let zip = try ZipArchive(bytes: try archive([("word/document.xml", [UInt8](repeating: 0, count: 16 << 20))]))
        let entry = try #require(zip.entry(named: "word/document.xml"))
        #expect(throws: ZipReadError.suspiciousCompression(name: "word/document.xml", size: entry.size, compressedSize: entry.compressedSize)) {
            try zip.read(entry)
        }
    }

    @Test func aBombThatLiesAboutItsSizeIsStoppedWhileUnpacking() throws {
        // The directory claims 1000 bytes; the data unpacks to 16 MB.
        var bytes = try archive([("word/document.xml", [UInt8](repeating: 0, count: 16 << 20))])
        Self.patchSizes(&bytes, to: 1000)
        do {
            let zip = try ZipArchive(bytes: bytes)
            let entry = try #require(zip.entry(named: "word/document.xml"))
            #expect(entry.size == 1000)
            #expect(throws: ZipReadError.self) {
                let read = try zip.read(entry)
                // libzip stops at the size it was told, or the CRC no longer matches.
                if read.count > 1000 { Issue.record("read \(read.count) bytes, more than the 1000 claimed") }
                throw ZipReadError.damaged(name: entry.name, message: "read \(read.count)")
            }
        } catch let error as ZipReadError {
            // libzip's consistency check may refuse the archive outright: also a clear refusal.
            guard case .notAnArchive = error else { throw error }
        }
    }

    @Test func anEntryOverTheLimitIsRefusedBeforeItIsUnpacked() throws {
        let zip = try ZipArchive(bytes: try archive([("word/media/image1.png", [UInt8](repeating: 7, count: 5000))], compression: .stored),
                                 limits: ZipArchive.Limits(entrySize: 4096))
        let entry = try #require(zip.entry(named: "word/media/image1.png"))
        #expect(throws: ZipReadError.entryTooLarge(name: "word/media/image1.png", size: 5000, limit: 4096)) { try zip.read(entry) }
        #expect(throws: ZipReadError.entryTooLarge(name: "word/media/image1.png", size: 5000, limit: 1000)) { try zip.read(entry, limit: 1000) }
    }

    @Test func tooManyEntriesAreRefused() throws {
        let bytes = try archive((0..<5).map { ("part\($0).xml", [UInt8(ascii: "x")]) })
        #expect(throws: ZipReadError.tooManyEntries(count: 5, limit: 3)) { try ZipArchive(bytes: bytes, limits: ZipArchive.Limits(entries: 3)) }
    }

    @Test func allReadsTogetherAreBounded() throws {
        let bytes = try archive([("a.xml", [UInt8](repeating: 1, count: 3000)), ("b.xml", [UInt8](repeating: 2, count: 3000))], compression: .stored)
        let zip = try ZipArchive(bytes: bytes, limits: ZipArchive.Limits(totalSize: 5000))
        _ = try zip.read(try #require(zip.entry(named: "a.xml")))
        #expect(throws: ZipReadError.archiveTooLarge(name: "b.xml", limit: 5000)) { try zip.read(try #require(zip.entry(named: "b.xml"))) }
    }

    /// Sets the uncompressed size in every local header and central directory record of `bytes`.
    static func patchSizes(_ bytes: inout [UInt8], to size: UInt32) {
        func put(_ offset: Int) {
            for shift in 0..<4 { bytes[offset + shift] = UInt8((size >> (8 * UInt32(shift))) & 0xFF) }
        }
        var index = 0
        while index + 4 <= bytes.count {
            if bytes[index] == 0x50, bytes[index + 1] == 0x4B {
                if bytes[index + 2] == 0x03, bytes[index + 3] == 0x04 { put(index + 22) }
                if bytes[index + 2] == 0x01, bytes[index + 3] == 0x02 { put(index + 24) }
            }
            index += 1
        }
    }
}
