import Foundation
import Testing
@testable import Waymark
import WaymarkModel

/// Hostile and broken input: each is refused at its place with a clear message, or made safe;
/// never a crash, a hang, or something copied into an output as is (docs/reliability.md).
@Suite("Reliability: hostile input") struct HostileInputTests {
    static let pictures = Fixtures.url("reliability/pictures")

    /// A guide folder holding the fixture picture `name` and a guide that shows it on line 9.
    func errors(showing name: String, as target: String? = nil) throws -> [Diagnostic] {
        let folder = try GuideFolder()
        let target = target ?? name
        try FileManager.default.copyItem(at: Self.pictures.appendingPathComponent(name), to: folder.root.appendingPathComponent("pictures/\(target)"))
        return folder.errors(frontMatter() + "![A picture](pictures/\(target))\n")
    }

    // MARK: - Pictures that are refused

    struct RefusedPicture: CustomTestStringConvertible, Sendable {
        let file: String
        let message: String
        var testDescription: String { file }
    }

    static let refused: [RefusedPicture] = [
        RefusedPicture(file: "script.svg", message: "contains a script (<script>); pictures must not run code on line 1 of the picture"),
        RefusedPicture(file: "prefixed-script.svg", message: "contains a script (<svg:script>)"),
        RefusedPicture(file: "hidden-script.svg", message: "contains a script (<script>)"),
        RefusedPicture(file: "onload.svg", message: "has an event attribute 'onload='"),
        RefusedPicture(file: "onclick-upper.svg", message: "has an event attribute 'ONCLICK='"),
        RefusedPicture(file: "foreign-object.svg", message: "contains <foreignObject>"),
        RefusedPicture(file: "xlink-http.svg", message: "links to 'http://tracker.example/sprite.svg#a'"),
        RefusedPicture(file: "href-file.svg", message: "links to 'file:///etc/passwd#a'"),
        RefusedPicture(file: "href-relative.svg", message: "links to 'other.svg#a'"),
        RefusedPicture(file: "image-data.svg", message: "contains <image>"),
        RefusedPicture(file: "style-url.svg", message: "has a style that loads 'url(https://tracker.example/x.svg#p"),
        RefusedPicture(file: "style-import.svg", message: "has a style with @import"),
        RefusedPicture(file: "style-attribute-url.svg", message: "has a style that loads 'url(http://tracker.example/a"),
        RefusedPicture(file: "style-escape.svg", message: "backslash escape"),
        RefusedPicture(file: "style-image-set.svg", message: "has a style with 'image-set('"),
        RefusedPicture(file: "escaped-url-in-fill.svg", message: "backslash escape in <rect>"),
        RefusedPicture(file: "xxe.svg", message: "is not a well-formed SVG file"),
        RefusedPicture(file: "billion-laughs.svg", message: "entity reference loop"),
        RefusedPicture(file: "png-named.svg", message: "is not a well-formed SVG file"),
        RefusedPicture(file: "svg-named.png", message: "is not a PNG file, whatever its name says"),
        RefusedPicture(file: "png-named.jpg", message: "is not a JPEG file, whatever its name says"),
        RefusedPicture(file: "truncated.png", message: "is cut short"),
        RefusedPicture(file: "bad-crc.png", message: "fails its checksum"),
        RefusedPicture(file: "trailing.png", message: "has extra data after the end of the PNG image"),
        RefusedPicture(file: "truncated.jpg", message: "is cut short"),
    ]

    @Test(arguments: refused)
    func pictureIsRefusedAtItsPlaceInTheGuide(_ example: RefusedPicture) throws {
        let errors = try errors(showing: example.file)
        #expect(errors.count == 1, "\(errors.map(\.formatted))")
        #expect(errors.first?.location.description == "Guides/guide.md:9:1")
        #expect(errors.first?.message.contains("the picture 'pictures/\(example.file)'") == true)
        #expect(errors.first?.message.contains(example.message) == true, "\(errors.map(\.formatted))")
        #expect(errors.first?.hint.isEmpty == false)
    }

    @Test func anEntityIsRefusedEvenWhenItIsOnlyDeclared() throws {
        // XXE: libxml2 is never asked to load the SYSTEM entity; the declaration alone refuses the picture.
        #expect(throws: SVGSanitizer.Problem.self) {
            try SVGSanitizer.sanitize(Array("<!DOCTYPE svg [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><svg xmlns=\"http://www.w3.org/2000/svg\"/>".utf8))
        }
    }

    // MARK: - Pictures that are made safe

    @Test func editorJunkIsDroppedAndTheRestIsRewritten() throws {
        let folder = try GuideFolder()
        try FileManager.default.copyItem(at: Self.pictures.appendingPathComponent("junk.svg"), to: folder.root.appendingPathComponent("pictures/junk.svg"))
        let guide = try folder.read(frontMatter() + "![A friendly face](pictures/junk.svg)\n")
        let resource = try #require(guide.resources["pictures/junk.svg"])
        let text = String(decoding: resource.bytes, as: UTF8.self)
        for gone in ["tracker.example", "xml-stylesheet", "DOCTYPE", "<!--", "sodipodi", "inkscape", "metadata", "rdf", "data-tracking", "animate", "<set"] {
            #expect(!text.contains(gone), "\(gone) is still in \(text)")
        }
        for kept in ["<title>A friendly face</title>", "fill=\"url(#g)\"", "xlink:href=\"#g\"", "<linearGradient id=\"g\">", "xmlns:xlink=\"http://www.w3.org/1999/xlink\""] {
            #expect(text.contains(kept), "\(kept) is missing from \(text)")
        }
        #expect(text.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        // Rewriting is stable: the rewritten picture goes through unchanged.
        #expect(try SVGSanitizer.sanitize(resource.bytes) == resource.bytes)
    }

    @Test func aCleanPictureKeepsItsBytes() throws {
        let bytes = try Array(Data(contentsOf: Fixtures.url("guides/pictures/phone.svg")))
        #expect(try SVGSanitizer.sanitize(bytes) == bytes)
    }

    @Test func aWholePNGIsAccepted() throws {
        let bytes = try Array(Data(contentsOf: Self.pictures.appendingPathComponent("good.png")))
        #expect(PictureContent.check(bytes, mediaType: "image/png") == .success(bytes))
    }

    // MARK: - Guides that are refused

    @Test func aGuideOverTheSizeLimitIsRefusedWithTheLimit() throws {
        let folder = try GuideFolder()
        let url = folder.root.appendingPathComponent("huge.md")
        let line = Array("Some words in a paragraph that goes on and on.\n\n".utf8)
        var bytes = Array((frontMatter() + "# Huge\n\n").utf8)
        while bytes.count < 20 * 1024 * 1024 { bytes += line }
        try Data(bytes.prefix(20 * 1024 * 1024)).write(to: url)
        do {
            _ = try GuideReader(guidesRoot: folder.root).read(file: url, displayPath: "Guides/huge.md")
            Issue.record("a 20 MB guide was read")
        } catch {
            #expect(error.diagnostics.map(\.formatted).first?.hasPrefix("Guides/huge.md:1:1: error: the guide is 20 MB; the largest guide Waymark reads is 4 MB") == true, "\(error.diagnostics.map(\.formatted))")
        }
    }

    @Test func aOneMegabyteGuideIsRead() throws {
        let folder = try GuideFolder()
        var text = frontMatter()
        var chapter = 0
        while text.utf8.count < 1024 * 1024 {
            chapter += 1
            text += "# Chapter \(chapter)\n\nYou can talk to someone you trust. Call Childline on 0800 1111.\n\n- One thing.\n- Another thing.\n\n> A quote.\n\n"
        }
        let guide = try folder.read(text)
        #expect(guide.chapters.count == chapter)
    }

    struct BadGuide: CustomTestStringConvertible, Sendable {
        let name: String
        let bytes: [UInt8]
        let position: String
        let message: String
        var testDescription: String { name }
    }

    static let badGuides: [BadGuide] = [
        BadGuide(name: "empty file", bytes: [], position: "1:1", message: "the guide is empty"),
        BadGuide(name: "only blank lines", bytes: Array("\n  \n\t\n".utf8), position: "1:1", message: "the guide is empty"),
        BadGuide(name: "binary garbage", bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13], position: "1:1", message: "not valid UTF-8"),
        BadGuide(name: "NUL bytes in UTF-8", bytes: Array((frontMatter() + "Text\0here.\n").utf8), position: "9:1", message: "binary data"),
        BadGuide(name: "block quotes 20,000 deep", bytes: Array((frontMatter() + "# Deep\n\n" + String(repeating: ">", count: 20_000) + " Hello.\n").utf8),
                 position: "11:64", message: "nested more than 64 deep"),
        BadGuide(name: "lists 300 deep", bytes: Array((frontMatter() + "# Deep\n\n" + (0..<300).map { String(repeating: "  ", count: $0) + "- item\n" }.joined()).utf8),
                 position: "42:63", message: "nested more than 64 deep"),
    ]

    @Test(arguments: badGuides)
    func badGuideIsRefusedAtItsPlace(_ example: BadGuide) throws {
        let folder = try GuideFolder()
        let url = try folder.write("guide.md", bytes: example.bytes)
        do {
            _ = try GuideReader(guidesRoot: folder.root).read(file: url, displayPath: "Guides/guide.md")
            Issue.record("\(example.name) was read")
        } catch {
            #expect(error.diagnostics.positions.first == example.position, "\(error.diagnostics.map(\.formatted))")
            #expect(error.diagnostics.first?.message.contains(example.message) == true, "\(error.diagnostics.map(\.formatted))")
        }
    }

    @Test(arguments: [
        String(repeating: "*a", count: 50_000) + String(repeating: "*", count: 50_000),
        String(repeating: "[", count: 10_000) + "a" + String(repeating: "](#x)", count: 10_000),
        String(repeating: "**a", count: 30_000),
    ])
    func longLinesOfInlineMarkupAreRead(_ line: String) throws {
        // cmark keeps these flat (it never nests inlines this deep); each used to take minutes
        // because every node's column was found by walking its 150 KB line (SourceText).
        let guide = try GuideFolder().read(frontMatter() + "# Long\n\n" + line + "\n")
        #expect(guide.chapters.count == 1)
    }

    // MARK: - Paths that lead elsewhere

    @Test func aPictureLinkedFromOutsideTheGuidesFolderIsRefused() throws {
        let folder = try GuideFolder()
        let outside = folder.root.deletingLastPathComponent().appendingPathComponent("secret.svg")
        try FileManager.default.copyItem(at: Fixtures.url("guides/pictures/phone.svg"), to: outside)
        try FileManager.default.createSymbolicLink(at: folder.root.appendingPathComponent("pictures/link.svg"), withDestinationURL: outside)
        let errors = folder.errors(frontMatter() + "![A phone](pictures/link.svg)\n")
        #expect(errors.positions == ["9:1"])
        #expect(errors.first?.message.contains("is a link to a file outside the guides folder") == true)
    }

    @Test(arguments: ["../secret.svg", "/etc/passwd.svg", "pictures/../../secret.svg", "pictures/%2E%2E/%2E%2E/secret.svg", "file:///etc/passwd.svg", "C:/secret.svg"])
    func aPicturePathLeavingTheFolderIsRefused(_ path: String) throws {
        let errors = try GuideFolder().errors(frontMatter() + "![A phone](\(path))\n")
        #expect(errors.positions == ["9:1"], "\(errors.map(\.formatted))")
        #expect(errors.first.map { $0.message.contains("leaves the guides folder") || $0.message.contains("is not a file path") } == true, "\(errors.map(\.formatted))")
    }

    @Test func aPipeOrAFolderIsRefusedWithoutWaiting() throws {
        let folder = try GuideFolder()
        #expect(mkfifo(folder.root.appendingPathComponent("pictures/pipe.svg").path, 0o644) == 0)
        try FileManager.default.createDirectory(at: folder.root.appendingPathComponent("pictures/folder.svg"), withIntermediateDirectories: true)
        let errors = folder.errors(frontMatter() + "![A](pictures/pipe.svg)\n\n![B](pictures/folder.svg)\n")
        #expect(errors.positions == ["9:1", "11:1"])
        #expect(errors.allSatisfy { $0.message.contains("is not a file (it is a folder, a pipe or a device)") }, "\(errors.map(\.formatted))")
        let pipeGuide = folder.root.appendingPathComponent("pipe.md")
        #expect(mkfifo(pipeGuide.path, 0o644) == 0)
        #expect(throws: GuideReadFailure.self) { try GuideReader(guidesRoot: folder.root).read(file: pipeGuide, displayPath: "Guides/pipe.md") }
    }

    @Test func aPictureOverTheSizeLimitIsRefusedWithTheLimit() throws {
        let folder = try GuideFolder()
        try Data(count: 6 * 1024 * 1024).write(to: folder.root.appendingPathComponent("pictures/big.png"))
        let errors = folder.errors(frontMatter() + "![Big](pictures/big.png)\n")
        #expect(errors.map(\.formatted).first?.hasPrefix("Guides/guide.md:9:1: error: the picture 'pictures/big.png' is 6 MB; the largest allowed is 5 MB") == true, "\(errors.map(\.formatted))")
    }

    @Test func sizesOverALimitNeverReadAsTheLimit() {
        #expect(GuideReader.describe(size: 20 * 1024 * 1024) == "20 MB")
        #expect(GuideReader.describe(size: 4 * 1024 * 1024 + 1) == "4.1 MB")
        #expect(GuideReader.describe(size: 900 * 1024) == "900 KB")
    }

    @Test func picturesGetPortableFileNames() {
        #expect(PictureResolver.portableFileName("Ma photo été 🌟.SVG") == "Ma-photo-ete.svg")
        #expect(PictureResolver.portableFileName("🌟.png") == "picture.png")
        #expect(PictureResolver.portableFileName("a b&c;d.jpg") == "a-b-c-d.jpg")
    }
}
