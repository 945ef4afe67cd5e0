import Foundation
import Testing
@testable import Waymark
import WaymarkZip

/// Whole builds from hostile guides: what reaches `Output/` is self-contained and whole,
/// every broken guide is refused at its place, and the others are still built.
@Suite("Reliability: outputs") struct OutputSafetyTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let styles = repository.appendingPathComponent("Styles")
    static let pictures = Fixtures.url("reliability/pictures")

    func build(_ folder: GuideFolder) async throws -> (results: [GuideBuildResult], output: URL) {
        let output = TestTemporary.url("reliability-output")
        let request = BuildRequest(
            guidesRoot: folder.root, outputRoot: output, displayBase: folder.root.deletingLastPathComponent(),
            stylesRoot: Self.styles, allowErrors: true)
        return (try await Builder().build(request) { _ in }, output)
    }

    func copyPicture(_ name: String, into folder: GuideFolder, as target: String? = nil) throws {
        try FileManager.default.copyItem(
            at: Self.pictures.appendingPathComponent(name),
            to: folder.root.appendingPathComponent("pictures/\(target ?? name)"))
    }

    @Test func aHostileGuideIsRefusedAndEveryOutputIsSelfContained() async throws {
        let folder = try GuideFolder()
        for name in ["script.svg", "onload.svg", "style-url.svg", "junk.svg"] { try copyPicture(name, into: folder) }
        try folder.write("a-script.md", frontMatter() + "# Pictures\n\nA sentence.\n\n![A face](pictures/script.svg)\n")
        try folder.write("b-onload.md", frontMatter() + "# Pictures\n\nA sentence.\n\n![A face](pictures/onload.svg)\n")
        try folder.write("c-style.md", frontMatter() + "# Pictures\n\nA sentence.\n\n![A face](pictures/style-url.svg)\n")
        try folder.write("d-sanitised.md", frontMatter("cover: pictures/junk.svg\n")
            + "# Pictures\n\nA sentence.\n\n![A friendly face](pictures/junk.svg)\n\n:::easy-read\n![A friendly face](pictures/junk.svg)\nYou can talk to someone.\n:::\n")
        let (results, output) = try await build(folder)
        #expect(results.map(\.succeeded) == [false, false, false, true], "\(results.flatMap(\.errors).map(\.formatted))")
        #expect(results[0].errors.map(\.location.description) == ["Guides/a-script.md:13:1"])
        #expect(results[1].errors.map(\.location.description) == ["Guides/b-onload.md:13:1"])
        #expect(results[2].errors.map(\.location.description) == ["Guides/c-style.md:13:1"])
        // Nothing at all is written for a refused guide.
        for slug in ["a-script", "b-onload", "c-style"] {
            #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent(slug).path))
        }
        let files = try OutputScanner.files(in: output)
        #expect(files.count >= 5)
        #expect(files.contains { $0.name.hasSuffix("d-sanitised.epub/EPUB/images/junk.svg") })
        let problems = files.flatMap { file in OutputScanner.problems(in: file.text).map { "\(file.name): \($0)" } }
        #expect(problems.isEmpty, "\(problems)")
        #expect(!files.contains { $0.text.contains("tracker.example") })
    }

    @Test func theScannerSeesIntoDataPictures() {
        let svg = Data("<svg onload=\"x()\"><script>alert(1)</script></svg>".utf8).base64EncodedString()
        let files = OutputScanner.expanded(.init(name: "page.html", text: "<img src=\"data:image/svg+xml;base64,\(svg)\" alt=\"\">"))
        #expect(files.count == 2)
        #expect(OutputScanner.problems(in: files[1].text) == ["a <script>", "an event-handler attribute"])
        #expect(OutputScanner.problems(in: "<img src=\"https://tracker.example/p.gif\">") == ["a remote resource"])
        #expect(OutputScanner.problems(in: "<a href=\"https://www.childline.org.uk\">Childline</a>").isEmpty)
    }

    @Test func nestingUpToTheLimitGoesThroughEveryWriter() async throws {
        let folder = try GuideFolder()
        let quotes = String(repeating: "> ", count: 60) + "Deep words.\n"
        let lists = (0..<30).map { String(repeating: "  ", count: $0) + "- Item \($0).\n" }.joined()
        try folder.write("deep.md", frontMatter() + "# Deep\n\n" + quotes + "\n" + lists)
        let (results, output) = try await build(folder)
        #expect(results.map(\.succeeded) == [true], "\(results.flatMap(\.errors).map(\.formatted))")
        let files = try OutputScanner.files(in: output)
        #expect(files.contains { $0.name.hasSuffix("deep.txt") && $0.text.contains("Deep words.") })
        #expect(files.contains { $0.name.hasSuffix("deep-large-print.html") && $0.text.contains("Item 29.") })
    }

    @Test func oddFileNamesAreBuiltAndEveryEPUBReferenceResolves() async throws {
        let folder = try GuideFolder()
        try copyPicture("junk.svg", into: folder, as: "Ma photo été 🌟.svg")
        let name = "Été à l’école 🌟 guide.md"
        try folder.write(name, frontMatter() + "# Pictures\n\nA sentence.\n\n![A friendly face](pictures/Ma%20photo%20été%20🌟.svg)\n\n![Again](<pictures/Ma photo été 🌟.svg>)\n")
        let (results, output) = try await build(folder)
        #expect(results.map(\.succeeded) == [true], "\(results.flatMap(\.errors).map(\.formatted))")
        let slug = "Été à l’école 🌟 guide"
        let epub = output.appendingPathComponent("\(slug)/\(slug).epub")
        let entries = try ZipArchiveReader.entries(of: Array(Data(contentsOf: epub)))
        let paths = Set(entries.map(\.path))
        #expect(paths.contains("EPUB/images/Ma-photo-ete.svg"), "\(paths.sorted())")
        // Every href and src inside the EPUB names an entry that is there.
        for entry in entries where entry.path.hasSuffix(".xhtml") || entry.path.hasSuffix(".opf") {
            let text = String(decoding: entry.bytes, as: UTF8.self)
            let base = (entry.path as NSString).deletingLastPathComponent
            for reference in OutputScanner.localReferences(in: text) {
                let target = ((base as NSString).appendingPathComponent(reference.removingPercentEncoding ?? reference) as NSString).standardizingPath
                #expect(paths.contains(target), "\(entry.path) refers to \(reference), which is not in the EPUB")
            }
        }
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("\(slug)/\(slug).txt").path))
    }

    @Test func aGuideLinkedFromOutsideTheGuidesFolderIsRefused() async throws {
        let folder = try GuideFolder()
        let outside = folder.root.deletingLastPathComponent().appendingPathComponent("outside.md")
        try Data((frontMatter() + "# Outside\n\nText.\n").utf8).write(to: outside)
        try FileManager.default.createSymbolicLink(at: folder.root.appendingPathComponent("linked.md"), withDestinationURL: outside)
        try folder.write("inside.md", frontMatter() + "# Inside\n\nText.\n")
        let (results, _) = try await build(folder)
        #expect(results.map(\.slug) == ["inside", "linked"])
        #expect(results.map(\.succeeded) == [true, false])
        #expect(results[1].errors.first?.message.contains("outside the guides folder") == true)
    }
}

/// Reads every output file, looking inside EPUBs and inside `data:` pictures, for what would
/// make an output not self-contained (the same rules as `self-contained` in Tests/Conformance/run.py,
/// which cannot see into base64 pictures).
enum OutputScanner {
    struct File {
        let name: String
        let text: String
    }

    static func files(in folder: URL) throws -> [File] {
        var files: [File] = []
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue else { continue }
            let name = String(url.path.dropFirst(folder.path.count))
            let bytes = try Array(Data(contentsOf: url))
            if url.pathExtension == "epub" {
                for entry in try ZipArchiveReader.entries(of: bytes) {
                    files += expanded(File(name: "\(name)/\(entry.path)", text: String(decoding: entry.bytes, as: UTF8.self)))
                }
            } else {
                files += expanded(File(name: name, text: String(decoding: bytes, as: UTF8.self)))
            }
        }
        return files
    }

    /// The file and every base64 `data:` resource in it, decoded.
    static func expanded(_ file: File) -> [File] {
        var result = [file]
        let pattern = try! NSRegularExpression(pattern: #"data:([a-z+/-]+);base64,([A-Za-z0-9+/=]+)"#)
        let text = file.text as NSString
        for (index, match) in pattern.matches(in: file.text, range: NSRange(location: 0, length: text.length)).enumerated() {
            if let data = Data(base64Encoded: text.substring(with: match.range(at: 2))) {
                result.append(File(name: "\(file.name)#data-\(index)", text: String(decoding: data, as: UTF8.self)))
            }
        }
        return result
    }

    static let rules: [(String, NSRegularExpression)] = [
        // A JSON-LD data block (the download site's schema.org description) is never run.
        ("a <script>", #"<\s*script\b(?![^>]*\btype="application/ld\+json")"#),
        ("an event-handler attribute", #"<[a-zA-Z][^<>]*?\s(on[a-zA-Z]+)\s*="#),
        ("a remote resource", #"<\s*(link|img|image|use|source|iframe|object|embed|audio|video|track|input|frame|script)\b[^>]*\s((xlink:)?href|src|srcset|data|poster)\s*=\s*["']?\s*(https?:|//|file:)"#),
        ("CSS loading a remote resource", #"url\(\s*['"]?\s*(https?:|//|file:)"#),
        ("CSS @import", #"@import"#),
        ("<foreignObject>", #"<\s*foreignObject\b"#),
        ("a stylesheet processing instruction", #"<\?xml-stylesheet"#),
    ].map { ($0.0, try! NSRegularExpression(pattern: $0.1, options: [.caseInsensitive])) }

    static func problems(in text: String) -> [String] {
        let range = NSRange(location: 0, length: (text as NSString).length)
        return rules.compactMap { name, pattern in pattern.firstMatch(in: text, range: range).map { _ in name } }
    }

    /// Relative `href`/`src` values (not `#…`, not a scheme) in an XHTML or OPF document.
    static func localReferences(in text: String) -> [String] {
        let pattern = try! NSRegularExpression(pattern: ##"\s(?:href|src)="([^"#]+)(?:#[^"]*)?""##)
        let ns = text as NSString
        return pattern.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { ns.substring(with: $0.range(at: 1)) }
            .filter { !$0.contains(":") }
    }
}
