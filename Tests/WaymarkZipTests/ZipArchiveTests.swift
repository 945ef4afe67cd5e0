import Foundation
import Testing
@testable import WaymarkZip

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

/// The writer gives exactly the bytes libzip 1.7 gave for the same entries (issue #23: every
/// output stays byte-identical), for the names, sizes, contents and dates Waymark's archives have.
@Suite struct ZipArchiveLibzipBytesTests {
    /// Seeded bytes: text with repeats (what deflate finds matches in), or noise.
    static func content(_ count: Int, seed: UInt64, text: Bool) -> [UInt8] {
        var state = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        let words = ["the ", "guide ", "<p>", "</p>\n", "you ", "can ", "talk ", "to ", "someone ", "class=\"row\" ", "é ", "ولد "]
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count)
        while bytes.count < count {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            if text {
                bytes += Array(words[Int(state >> 33) % words.count].utf8)
            } else {
                bytes.append(UInt8(truncatingIfNeeded: state >> 40))
            }
        }
        return Array(bytes.prefix(count))
    }

    static let entries: [(path: String, bytes: [UInt8], compression: ZipArchiveWriter.Compression)] = [
        ("mimetype", Array("application/epub+zip".utf8), .stored),
        ("META-INF/container.xml", content(239, seed: 1, text: true), .deflated),
        ("EPUB/empty.xhtml", [], .deflated),
        ("EPUB/empty-stored.txt", [], .stored),
        ("EPUB/one.txt", [0x41], .deflated),
        ("EPUB/chapter-01.xhtml", content(8191, seed: 2, text: true), .deflated),
        ("EPUB/chapter-02.xhtml", content(8192, seed: 3, text: true), .deflated),
        ("EPUB/chapter-03.xhtml", content(8193, seed: 4, text: true), .deflated),
        ("EPUB/long.xhtml", content(200_000, seed: 5, text: true), .deflated),
        ("EPUB/noise.bin", content(70_000, seed: 6, text: false), .deflated),
        ("EPUB/images/photo.png", content(30_000, seed: 7, text: false), .stored),
        ("EPUB/images/café.svg", content(1_200, seed: 8, text: true), .deflated),
        ("guide-ولد-large-print.html", content(40_000, seed: 9, text: true), .deflated),
        ("tab\tand space.txt", content(10, seed: 10, text: true), .deflated),
    ]

    static let dates: [Date] = [
        Date(timeIntervalSince1970: 1_793_491_200),  // 2026-11-01, midnight
        Date(timeIntervalSince1970: 1_793_535_599.75),  // 2026-11-01 23:59:59.75: odd seconds, a fraction
        Date(timeIntervalSince1970: 0),  // before 1980: libzip counts it as 1980
        Date(timeIntervalSince1970: 951_782_400),  // 2000-02-29
    ]

    @Test(arguments: dates)
    func theBytesAreLibzips(date: Date) throws {
        let writer = try ZipArchiveWriter()
        let reference = try LibzipArchiveWriter()
        for entry in Self.entries {
            try writer.add(path: entry.path, bytes: entry.bytes, compression: entry.compression, modified: date)
            try reference.add(path: entry.path, bytes: entry.bytes, compression: entry.compression, modified: date)
        }
        let bytes = try writer.finish()
        #expect(bytes == (try reference.finish()))
        let read = try ZipArchiveReader.entries(of: bytes)
        #expect(read.map(\.path) == Self.entries.map(\.path))
        #expect(read.map(\.bytes) == Self.entries.map(\.bytes))
    }

    @Test func anEntrySeenBeforeGivesTheSameBytes() throws {
        // The second and third archives take the style sheet's deflated bytes from the cache.
        let sheet = Self.content(4_417, seed: 11, text: true)
        var archives: [[UInt8]] = []
        for number in 1...3 {
            let writer = try ZipArchiveWriter()
            try writer.add(path: "EPUB/styles/epub.css", bytes: sheet, compression: .deflated, modified: Self.dates[0])
            try writer.add(path: "EPUB/chapter.xhtml", bytes: Self.content(2_000, seed: UInt64(20 + number), text: true), compression: .deflated, modified: Self.dates[0])
            archives.append(try writer.finish())
        }
        for (number, archive) in archives.enumerated() {
            let reference = try LibzipArchiveWriter()
            try reference.add(path: "EPUB/styles/epub.css", bytes: sheet, compression: .deflated, modified: Self.dates[0])
            try reference.add(path: "EPUB/chapter.xhtml", bytes: Self.content(2_000, seed: UInt64(21 + number), text: true), compression: .deflated, modified: Self.dates[0])
            #expect(archive == (try reference.finish()))
        }
    }

    @Test func theCacheTellsApartBytesWithTheSameFingerprint() throws {
        // Same length and CRC-32 would be a collision: the bytes themselves are compared.
        let cache = DeflateCache(limit: 1 << 20)
        let a = Array("aaaa".utf8), b = Array("bbbb".utf8)
        #expect(cache.deflated(a, crc: 7) { [1] } == [1])
        #expect(cache.deflated(a, crc: 7) { [2] } == [2])  // seen twice: kept now
        #expect(cache.deflated(a, crc: 7) { [3] } == [2])
        #expect(cache.deflated(b, crc: 7) { [4] } == [4])
    }

    @Test func namesLibzipRefusesAreRefused() throws {
        let writer = try ZipArchiveWriter()
        try writer.add(path: "a.txt", bytes: [1], compression: .stored, modified: Self.dates[0])
        #expect(throws: ZipError(operation: "add a.txt", message: "File already exists")) {
            try writer.add(path: "a.txt", bytes: [2], compression: .stored, modified: Self.dates[0])
        }
        #expect(throws: ZipError(operation: "add bell\u{7}.txt", message: "Invalid argument")) {
            try writer.add(path: "bell\u{7}.txt", bytes: [2], compression: .stored, modified: Self.dates[0])
        }
        let reference = try LibzipArchiveWriter()
        #expect(throws: ZipError.self) { try reference.add(path: "bell\u{7}.txt", bytes: [2], compression: .stored, modified: Self.dates[0]) }
    }
}
