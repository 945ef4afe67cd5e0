import Foundation
import Testing
@testable import Waymark
import WaymarkModel

/// Hostile pictures of issue 12: SVGs that load from elsewhere through any CSS function or that
/// copy themselves without end, and PNG or JPEG files that claim a huge size or are not what their
/// name says. Each is refused with a message in plain words; real pictures still go through.
@Suite("Reliability: hostile pictures") struct HostilePictureTests {
    static let accepted = Fixtures.url("hostile-pictures/accepted")
    /// The repository's root, where Guides/ and Styles/ are.
    static let repository = Fixtures.folder.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// An SVG holding `body`, 10 × 10, with a gradient `#a` to refer to.
    static func svg(_ body: String) -> [UInt8] {
        Array("""
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><defs><linearGradient id="a"/></defs>\(body)</svg>
        """.utf8)
    }

    /// The sanitiser's message for `bytes`, or nil when the picture is accepted.
    static func refusal(_ bytes: [UInt8]) -> String? {
        do {
            _ = try SVGSanitizer.sanitize(bytes)
            return nil
        } catch {
            return error.description
        }
    }

    // MARK: - CSS functions that take an address

    struct CSSExample: CustomTestStringConvertible, Sendable {
        let name: String
        let body: String
        let message: String
        var testDescription: String { name }
    }

    static let remoteCSS: [CSSExample] = [
        CSSExample(name: "image-set() in mask", body: #"<rect width="10" height="10" mask="image-set('https://t.example/m.png' 1x)"/>"#,
                   message: "has a style with 'image-set(' in <rect> that loads 'https://t.example/m.png'; a picture may only refer to parts of itself (url(#id)) on line 1 of the picture"),
        CSSExample(name: "image() in fill", body: #"<rect width="10" height="10" fill="image(&quot;https://t.example/f.png&quot;)"/>"#,
                   message: "has a style with 'image(' in <rect> that loads 'https://t.example/f.png'"),
        CSSExample(name: "url() inside -webkit-image-set() in filter", body: #"<rect width="10" height="10" filter="-webkit-image-set(url(https://t.example/f.svg#x) 1x)"/>"#,
                   message: "has a style that loads 'url(https://t.example/f.svg#x)' in <rect>"),
        CSSExample(name: "cross-fade() in clip-path, the address second", body: #"<rect width="10" height="10" clip-path="cross-fade(url(#a), 'https://t.example/c.png')"/>"#,
                   message: "has a style with 'cross-fade(' in <rect> that loads 'https://t.example/c.png'"),
        CSSExample(name: "-webkit-cross-fade() in marker-start", body: #"<path d="M0 0L5 5" marker-start="-webkit-cross-fade('https://t.example/m.png', url(#a), 50%)"/>"#,
                   message: "has a style with '-webkit-cross-fade(' in <path>"),
        CSSExample(name: "src() in cursor", body: #"<rect width="10" height="10" cursor="src('https://t.example/c.cur'), auto"/>"#,
                   message: "has a style that loads 'src(https://t.example/c.cur)' in <rect>"),
        CSSExample(name: "paint() with an address", body: #"<rect width="10" height="10" fill="paint(dots, 'https://t.example/p.js')"/>"#,
                   message: "has a style with 'paint(' in <rect>"),
        CSSExample(name: "-moz-element() with a string", body: #"<rect width="10" height="10" fill="-moz-element('https://t.example/')"/>"#,
                   message: "has a style with '-moz-element(' in <rect>"),
        CSSExample(name: "capitals and spaces", body: "<rect width=\"10\" height=\"10\" mask=\"IMAGE-SET (\n 'https://t.example/m.png' 1x)\"/>",
                   message: "has a style with 'image-set(' in <rect>"),
        CSSExample(name: "space before the bracket of url", body: #"<rect width="10" height="10" fill="url (https://t.example/a)"/>"#,
                   message: "has a style that loads 'url(https://t.example/a)'"),
        CSSExample(name: "a comment splitting the name", body: #"<rect width="10" height="10" mask="ima/**/ge-set('https://t.example/m.png')"/>"#,
                   message: "has a style with 'image-set(' in <rect>"),
        CSSExample(name: "a comment splitting url", body: #"<rect width="10" height="10" fill="ur/* x */l(https://t.example/a)"/>"#,
                   message: "has a style that loads 'url(https://t.example/a)'"),
        CSSExample(name: "a comment before the bracket", body: #"<rect width="10" height="10" fill="url/**/(https://t.example/a)"/>"#,
                   message: "has a style that loads 'url(https://t.example/a)'"),
        CSSExample(name: "a comment in front of a fragment", body: #"<rect width="10" height="10" fill="url(/**/#a)"/>"#,
                   message: "has a style that loads 'url(/**/#a)'"),
        CSSExample(name: "an empty url", body: #"<rect width="10" height="10" fill="url()"/>"#,
                   message: "has a style that loads 'url()'"),
        CSSExample(name: "an empty quoted url", body: #"<rect width="10" height="10" fill="url('')"/>"#,
                   message: "has a style that loads 'url()'"),
        CSSExample(name: "a string left open", body: #"<rect width="10" height="10" mask="image-set('https://t.example/m.png"/>"#,
                   message: "has a style with 'image-set(' in <rect> that loads 'https://t.example/m.png'"),
        CSSExample(name: "an address from var()", body: #"<rect width="10" height="10" style="--u: 'https://t.example/m.png'; mask-image: image-set(var(--u) 1x)"/>"#,
                   message: "has a style with 'image-set(' in <rect> that takes its address from var(…)"),
        CSSExample(name: "an address from attr()", body: #"<rect id="https://t.example/m.png" width="10" height="10" fill="image(attr(id))"/>"#,
                   message: "that takes its address from attr(…)"),
        CSSExample(name: "url() inside quotes", body: #"<text font-family="'url(https://t.example/f)'">Hi</text>"#,
                   message: "has a style with 'url(' inside quotes in <text>"),
        CSSExample(name: "-webkit-image-set() in a style sheet", body: #"<style>rect { mask: -webkit-image-set("https://t.example/m.png" 1x) }</style>"#,
                   message: "has a style with '-webkit-image-set(' in <style> that loads 'https://t.example/m.png'"),
        CSSExample(name: "src() in a style sheet", body: #"<style>rect { fill: src("https://t.example/a") }</style>"#,
                   message: "has a style that loads 'src(https://t.example/a)' in <style>"),
        CSSExample(name: "cross-fade() on a dropped element", body: #"<metadata><rect fill="cross-fade('https://t.example/a.png')"/></metadata>"#,
                   message: "has a style with 'cross-fade(' in <rect>"),
        CSSExample(name: "a comment splitting @import", body: #"<style>@im/**/port "https://t.example/a.css";</style>"#,
                   message: "has a style with @import in <style>"),
        CSSExample(name: "a backslash beside a bracket", body: #"<rect width="10" height="10" mask="image-set('\68ttps://t.example/m.png')"/>"#,
                   message: "has a style with a backslash escape in <rect>"),
    ]

    @Test(arguments: remoteCSS)
    func aCSSFunctionLoadingFromElsewhereIsRefused(_ example: CSSExample) {
        let message = Self.refusal(Self.svg(example.body))
        #expect(message?.contains(example.message) == true, "\(message ?? "accepted")")
    }

    @Test(arguments: [
        #"<rect width="10" height="10" fill="url(#a)" stroke="url( '#a' )"/>"#,
        #"<rect width="10" height="10" mask="image-set('#a' 1x)" clip-path="cross-fade(url(#a), url(&quot;#a&quot;))"/>"#,
        #"<rect width="10" height="10" fill="rgb(10, 20, 30)" transform="rotate(45 5 5) translate(1, 1)"/>"#,
        #"<text font-family="'Atkinson Hyperlegible', sans-serif" fill="url(#a)">Hi</text>"#,
        ##"<style>text { font-family: "Atkinson Hyperlegible"; fill: url("#a") } /* a note */</style>"##,
        #"<rect width="10" height="10" fill="url(#a) /* a note (with brackets) */"/>"#,
    ])
    func aFragmentOrAFunctionWithoutAnAddressIsKept(_ body: String) throws {
        let bytes = Self.svg(body)
        let clean = try SVGSanitizer.sanitize(bytes)
        #expect(try SVGSanitizer.sanitize(clean) == clean)
    }

    @Test func aLongStyleIsCheckedInOnePass() throws {
        // Unclosed brackets and quotes cost no more than their length (no rescanning from each one).
        let style = String(repeating: "image-set(url(#a) '#a' ", count: 20_000) + String(repeating: "url(#a ", count: 20_000)
        #expect(Self.refusal(Self.svg("<rect width=\"10\" height=\"10\" style=\"fill: \(style)\"/>")) == nil)
    }

    // MARK: - <use> that copies too much

    /// `levels` groups, each holding `fanOut` `<use>` of the one before, then one `<use>` of the last.
    static func fanOut(levels: Int, fanOut: Int) -> [UInt8] {
        var body = "<defs><g id=\"g0\"><path d=\"M0 0L1 1\"/></g>"
        for level in 1..<levels {
            body += "<g id=\"g\(level)\">" + String(repeating: "<use href=\"#g\(level - 1)\"/>", count: fanOut) + "</g>\n"
        }
        body += "</defs><use href=\"#g\(levels - 1)\"/>"
        return svg(body)
    }

    @Test func theBillionLaughsOfSVGIsRefused() {
        // 10 levels of 10: 10^9 copies, which kept Chromium drawing for over 90 s. Counting stops
        // at the group on line 4, the first to copy more than the limit.
        let message = Self.refusal(Self.fanOut(levels: 10, fanOut: 10))
        #expect(message == "has <use> elements that copy more than 10000 parts of the picture in all, counting copies of copies; the most allowed is 10000, as more can keep a reader's device drawing for minutes on line 4 of the picture", "\(message ?? "accepted")")
    }

    @Test func aLongChainOfCopiesIsRefused() {
        // 10 levels of one: few copies, but each <use> copies a group holding the next.
        let message = Self.refusal(Self.fanOut(levels: 10, fanOut: 1))
        #expect(message == "has copies of copies more than 8 deep (the <use> copies #g8 → #g7 → …); the most allowed is 8, as deeper copies can keep a reader's device drawing for minutes on line 9 of the picture", "\(message ?? "accepted")")
    }

    @Test func copiesWithinTheCountAndDepthAreStillCounted() {
        // 8 levels of 32 <use> (within 256 and 8 deep) would still ask for 32^7 copies.
        let message = Self.refusal(Self.fanOut(levels: 8, fanOut: 32))
        #expect(message?.hasPrefix("has <use> elements that copy more than 10000 parts of the picture in all, counting copies of copies; the most allowed is 10000") == true, "\(message ?? "accepted")")
    }

    @Test func eightDeepIsAcceptedAndNineIsNot() throws {
        // A chain of <use>, each copying the group holding the next: 8 <use> in the first, 9 in the second.
        #expect(Self.refusal(Self.fanOut(levels: 8, fanOut: 1)) == nil)
        #expect(Self.refusal(Self.fanOut(levels: 9, fanOut: 1))?.hasPrefix("has copies of copies more than 8 deep") == true)
        #expect(SVGSanitizer.maximumUseDepth == 8)
    }

    @Test func tooManyUseElementsAreRefusedAtTheFirstOneOverTheLimit() {
        let uses = (0..<300).map { _ in "<use href=\"#a\"/>\n" }.joined()
        let message = Self.refusal(Self.svg(uses))
        #expect(message == "has 300 <use> elements, which copy other parts of the picture; the most allowed is 256, as more can keep a reader's device drawing for minutes on line 257 of the picture", "\(message ?? "accepted")")
        #expect(Self.refusal(Self.svg(String(repeating: "<use href=\"#a\"/>", count: 256))) == nil)
    }

    @Test(arguments: [
        ("<g id=\"b\"><use href=\"#c\"/></g><g id=\"c\"><use xlink:href=\"#b\" xmlns:xlink=\"http://www.w3.org/1999/xlink\"/></g><use href=\"#b\"/>", "#c → #b → #c"),
        ("<use id=\"u\" href=\"#u\"/>", "#u → #u"),
        ("<g id=\"b\"><rect width=\"1\" height=\"1\"/><use href=\"#%62\"/></g>", "#b → #b"),
    ])
    func aPictureThatCopiesItselfIsRefused(_ body: String, _ loop: String) {
        let message = Self.refusal(Self.svg(body))
        #expect(message?.contains("which copies itself (\(loop)); a picture must not copy itself") == true, "\(message ?? "accepted")")
    }

    @Test func aSymbolUsedAFewTimesIsKept() throws {
        let stars = (0..<20).map { "<use href=\"#star\" x=\"\($0)\"/>" }.joined()
        let clean = try SVGSanitizer.sanitize(Self.svg("<defs><symbol id=\"star\"><path d=\"M0 0L1 1\"/><circle r=\"1\"/></symbol></defs>" + stars + "<use href=\"#missing\"/>"))
        #expect(try SVGSanitizer.sanitize(clean) == clean)
    }

    // MARK: - PNG and JPEG size

    /// A whole PNG whose header says `width` × `height` (its picture data is not checked).
    static func png(width: UInt32, height: UInt32, depth: UInt8 = 8, colourType: UInt8 = 2, headerLength: Int = 13) -> [UInt8] {
        var header = bigEndian(width, 4) + bigEndian(height, 4) + [depth, colourType, 0, 0, 0]
        header = Array(header.prefix(headerLength))
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
            + chunk("IHDR", header) + chunk("IDAT", [0x78, 0x9C, 0x63, 0, 0, 0, 1, 0, 1]) + chunk("IEND", [])
    }

    static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let body = Array(type.utf8) + data
        return bigEndian(UInt32(data.count), 4) + body + bigEndian(crc32(body), 4)
    }

    static func bigEndian(_ value: UInt32, _ count: Int) -> [UInt8] {
        (0..<count).reversed().map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
    }

    /// CRC-32 as PNG 3rd edition Annex D computes it, bit by bit.
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? 0xEDB8_8320 ^ (crc >> 1) : crc >> 1 }
        }
        return ~crc
    }

    /// A JPEG made of SOI, `segments` (marker, data), the coded data `scan` and EOI.
    static func jpeg(_ segments: [(UInt8, [UInt8])], scan: [UInt8] = [0x12, 0x34], end: Bool = true) -> [UInt8] {
        var bytes: [UInt8] = [0xFF, 0xD8]
        for (marker, data) in segments { bytes += [0xFF, marker] + bigEndian(UInt32(data.count + 2), 2) + data }
        return bytes + scan + (end ? [0xFF, 0xD9] : [])
    }

    /// A frame header (ITU-T T.81 B.2.2) of one 8-bit component.
    static func frame(_ marker: UInt8 = 0xC0, width: UInt32, height: UInt32) -> (UInt8, [UInt8]) {
        (marker, [8] + bigEndian(height, 2) + bigEndian(width, 2) + [1, 1, 0x11, 0])
    }

    static let scanHeader: (UInt8, [UInt8]) = (0xDA, [1, 1, 0, 0, 63, 0])
    static let app0: (UInt8, [UInt8]) = (0xE0, Array("JFIF".utf8) + [0, 1, 1, 0, 0, 1, 0, 1, 0, 0])

    static func jpeg(width: UInt32, height: UInt32) -> [UInt8] {
        jpeg([app0, frame(width: width, height: height), scanHeader])
    }

    struct SizeExample: CustomTestStringConvertible, Sendable {
        let name: String
        let mediaType: String
        let bytes: [UInt8]
        let message: String?
        var testDescription: String { name }
    }

    static let sizes: [SizeExample] = [
        SizeExample(name: "PNG 100000 × 100000", mediaType: "image/png", bytes: png(width: 100_000, height: 100_000),
                    message: "is 100000 × 100000 pixels; the largest allowed is 8192 pixels a side"),
        SizeExample(name: "PNG 8193 wide", mediaType: "image/png", bytes: png(width: 8193, height: 1),
                    message: "is 8193 × 1 pixels; the largest allowed is 8192 pixels a side"),
        SizeExample(name: "PNG 8192 × 8192", mediaType: "image/png", bytes: png(width: 8192, height: 8192),
                    message: "is 8192 × 8192 pixels, 67.2 million in all; the largest allowed is 40 million pixels in all"),
        SizeExample(name: "PNG just over 40 million", mediaType: "image/png", bytes: png(width: 8000, height: 5001),
                    message: "is 8000 × 5001 pixels, 40.1 million in all; the largest allowed is 40 million pixels in all"),
        SizeExample(name: "PNG 8000 × 5000, 40 million", mediaType: "image/png", bytes: png(width: 8000, height: 5000), message: nil),
        SizeExample(name: "PNG 8192 × 1", mediaType: "image/png", bytes: png(width: 8192, height: 1), message: nil),
        SizeExample(name: "PNG 0 wide", mediaType: "image/png", bytes: png(width: 0, height: 10),
                    message: "is damaged (its PNG header says it is 0 pixels wide)"),
        SizeExample(name: "PNG 0 high", mediaType: "image/png", bytes: png(width: 10, height: 0),
                    message: "is damaged (its PNG header says it is 0 pixels high)"),
        SizeExample(name: "PNG 2^31 wide", mediaType: "image/png", bytes: png(width: 0x8000_0000, height: 1),
                    message: "is damaged (its PNG header says it is 2147483648 pixels wide)"),
        SizeExample(name: "PNG colour with 4 bits", mediaType: "image/png", bytes: png(width: 1, height: 1, depth: 4, colourType: 2),
                    message: "is damaged (its PNG header has colour type 2 with 4 bits, which do not go together)"),
        SizeExample(name: "PNG header too short", mediaType: "image/png", bytes: png(width: 1, height: 1, headerLength: 12),
                    message: "is damaged (its PNG header is the wrong length)"),
        SizeExample(name: "JPEG 65535 × 65535", mediaType: "image/jpeg", bytes: jpeg(width: 65535, height: 65535),
                    message: "is 65535 × 65535 pixels; the largest allowed is 8192 pixels a side"),
        SizeExample(name: "JPEG 7000 × 7000", mediaType: "image/jpeg", bytes: jpeg(width: 7000, height: 7000),
                    message: "is 7000 × 7000 pixels, 49 million in all; the largest allowed is 40 million pixels in all"),
        SizeExample(name: "JPEG 6000 × 4000", mediaType: "image/jpeg", bytes: jpeg(width: 6000, height: 4000), message: nil),
        SizeExample(name: "JPEG 0 wide", mediaType: "image/jpeg", bytes: jpeg(width: 0, height: 10),
                    message: "is damaged (its JPEG header says it is 0 pixels wide)"),
        SizeExample(name: "JPEG 0 high (left to a DNL marker)", mediaType: "image/jpeg", bytes: jpeg(width: 10, height: 0),
                    message: "is damaged (its JPEG header says it is 0 pixels high)"),
    ]

    @Test(arguments: sizes)
    func aPictureIsCheckedForItsSize(_ example: SizeExample) {
        switch PictureContent.check(example.bytes, mediaType: example.mediaType) {
        case .success:
            #expect(example.message == nil, "accepted")
        case .failure(let problem):
            #expect(example.message.map { problem.message.contains($0) } == true, "\(problem.message)")
        }
    }

    @Test func aHugePictureIsRefusedAtItsPlaceInTheGuide() throws {
        let folder = try GuideFolder()
        try Data(Self.png(width: 100_000, height: 100_000)).write(to: folder.root.appendingPathComponent("pictures/huge.png"))
        let errors = folder.errors(frontMatter() + "![Huge](pictures/huge.png)\n")
        #expect(errors.map(\.formatted).first?.hasPrefix("Guides/guide.md:9:1: error: the picture 'pictures/huge.png' is 100000 × 100000 pixels; the largest allowed is 8192 pixels a side") == true, "\(errors.map(\.formatted))")
        #expect(errors.first?.hint.isEmpty == false)
    }

    @Test func theLimitsAreTheOnesStated() {
        #expect(PictureContent.maximumSide == 8192)
        #expect(PictureContent.maximumPixels == 40_000_000)
        #expect(PictureContent.PixelSize.millions(40_000_000) == "40 million")
        #expect(PictureContent.PixelSize.millions(40_000_001) == "40.1 million")
    }

    // MARK: - Files named .jpg that are not whole JPEGs

    static let notJPEGs: [SizeExample] = [
        SizeExample(name: "text after FF D8 FF", mediaType: "image/jpeg", bytes: [0xFF, 0xD8, 0xFF] + Array("<html>hello</html>".utf8),
                    message: "is damaged (its JPEG structure is broken: FF 3C is not a JPEG marker)"),
        SizeExample(name: "a GIF", mediaType: "image/jpeg", bytes: Array("GIF89a".utf8) + [1, 0, 1, 0, 0, 0, 0, 0x3B], message: "is not a JPEG file, whatever its name says"),
        SizeExample(name: "a WebP", mediaType: "image/jpeg", bytes: Array("RIFF".utf8) + [26, 0, 0, 0] + Array("WEBPVP8 ".utf8), message: "is not a JPEG file, whatever its name says"),
        SizeExample(name: "a web page", mediaType: "image/jpeg", bytes: Array("<!DOCTYPE html><p>Hello</p>".utf8), message: "is not a JPEG file, whatever its name says"),
        SizeExample(name: "a segment longer than the file", mediaType: "image/jpeg", bytes: [0xFF, 0xD8, 0xFF, 0xE1, 0x40, 0x00] + Array("Exif".utf8) + [0xFF, 0xD9],
                    message: "is cut short (the end of the JPEG file is missing)"),
        SizeExample(name: "a segment length of 1", mediaType: "image/jpeg", bytes: [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x01, 0xFF, 0xD9],
                    message: "is damaged (its JPEG structure is broken: a segment is shorter than its length)"),
        SizeExample(name: "no frame header", mediaType: "image/jpeg", bytes: jpeg([app0, scanHeader]),
                    message: "is damaged (its JPEG structure is broken: the picture data comes before its frame header)"),
        SizeExample(name: "only a Huffman table (C4)", mediaType: "image/jpeg", bytes: jpeg([frame(0xC4, width: 1, height: 1), scanHeader]),
                    message: "the picture data comes before its frame header"),
        SizeExample(name: "only a JPG marker (C8)", mediaType: "image/jpeg", bytes: jpeg([frame(0xC8, width: 1, height: 1), scanHeader]),
                    message: "the picture data comes before its frame header"),
        SizeExample(name: "only an arithmetic table (CC)", mediaType: "image/jpeg", bytes: jpeg([frame(0xCC, width: 1, height: 1), scanHeader]),
                    message: "the picture data comes before its frame header"),
        SizeExample(name: "no end marker", mediaType: "image/jpeg", bytes: jpeg([app0, frame(width: 1, height: 1), scanHeader], end: false),
                    message: "is cut short (the end of the JPEG file is missing)"),
        SizeExample(name: "the end marker before the picture", mediaType: "image/jpeg", bytes: [0xFF, 0xD8, 0xFF, 0xD9],
                    message: "is damaged (its JPEG structure is broken: it ends before the picture starts)"),
        SizeExample(name: "two start markers", mediaType: "image/jpeg", bytes: [0xFF, 0xD8, 0xFF, 0xD8, 0xFF, 0xD9],
                    message: "is damaged (its JPEG structure is broken: it starts twice)"),
        SizeExample(name: "garbage between segments", mediaType: "image/jpeg", bytes: [0xFF, 0xD8, 0xFF, 0xFE, 0x00, 0x03, 0x41, 0x42, 0xFF, 0xD9],
                    message: "is damaged (its JPEG structure is broken: a marker is missing)"),
        SizeExample(name: "a frame header of the wrong length", mediaType: "image/jpeg", bytes: jpeg([(0xC0, [8, 0, 1, 0, 1, 2, 1, 0x11, 0]), scanHeader]),
                    message: "is damaged (its JPEG structure is broken: its frame header is the wrong length)"),
        SizeExample(name: "a scan header of the wrong length", mediaType: "image/jpeg", bytes: jpeg([frame(width: 1, height: 1), (0xDA, [2, 1, 0, 0, 63, 0])]),
                    message: "is damaged (its JPEG structure is broken: its scan header is the wrong length)"),
        SizeExample(name: "cut in the middle of a length", mediaType: "image/jpeg", bytes: [0xFF, 0xD8, 0xFF, 0xDB, 0x00],
                    message: "is cut short (the end of the JPEG file is missing)"),
    ]

    @Test(arguments: notJPEGs)
    func aFileNamedJPEGThatIsNotAWholeJPEGIsRefused(_ example: SizeExample) {
        aPictureIsCheckedForItsSize(example)
    }

    @Test(arguments: [UInt8(0xC0), 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF])
    func everyFrameHeaderGivesTheSize(_ marker: UInt8) {
        let small = Self.jpeg([Self.app0, Self.frame(marker, width: 30, height: 20), Self.scanHeader])
        #expect(PictureContent.check(small, mediaType: "image/jpeg") == .success(small))
        let large = Self.jpeg([Self.app0, Self.frame(marker, width: 9000, height: 2), Self.scanHeader])
        #expect(PictureContent.check(large, mediaType: "image/jpeg") == .failure(PictureContent.Problem(message: "is 9000 × 2 pixels; the largest allowed is 8192 pixels a side", hasTooManyPixels: true)))
    }

    @Test func fillBytesAndStandAloneMarkersBeforeASegmentAreAllowed() {
        // T.81 B.1.1.2: any number of FF before a marker.
        var bytes: [UInt8] = [0xFF, 0xD8, 0xFF, 0xFF, 0xFF]
        bytes += Self.jpeg([Self.frame(width: 4, height: 4), Self.scanHeader]).dropFirst(3)
        #expect(PictureContent.check(bytes, mediaType: "image/jpeg") == .success(bytes))
    }

    // MARK: - Real pictures still go through

    /// Every picture the project ships or tests as good: Guides/pictures, Styles/pictograms, the
    /// real JPEG and PNG files made by an image library, and the good PNGs among the fixtures.
    static func realPictures() -> [String] {
        var paths: [String] = []
        for folder in ["Guides/pictures", "Styles/pictograms", "Tests/WaymarkTests/Fixtures/hostile-pictures/accepted", "Tests/WaymarkTests/Fixtures/guides/pictures"] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: repository.appendingPathComponent(folder).path)) ?? []
            paths += names.filter { [".svg", ".png", ".jpg", ".jpeg"].contains(where: $0.lowercased().hasSuffix) }.map { "\(folder)/\($0)" }
        }
        return paths.sorted() + [
            "Tests/WaymarkTests/Fixtures/reliability/pictures/good.png",
            "Tests/Conformance/samples/epub-good/EPUB/images/helpline.png",
        ]
    }

    @Test(arguments: realPictures())
    func aRealPictureIsAccepted(_ path: String) throws {
        let bytes = try Array(Data(contentsOf: Self.repository.appendingPathComponent(path)))
        let mediaType = path.hasSuffix(".svg") ? "image/svg+xml" : path.hasSuffix(".png") ? "image/png" : "image/jpeg"
        let result = PictureContent.check(bytes, mediaType: mediaType)
        #expect((try? result.get()) != nil, "\(result)")
    }

    @Test func theRealPicturesAreThere() {
        // So that the test above cannot pass by finding nothing.
        let pictures = Self.realPictures()
        #expect(pictures.filter { $0.hasPrefix("Guides/pictures/") }.count >= 10)
        #expect(pictures.filter { $0.hasPrefix("Styles/pictograms/") }.count >= 10)
        #expect(pictures.filter { $0.hasSuffix(".jpg") }.count >= 6)
    }
}
