import Foundation
import Testing
@testable import Waymark

/// The picture resolver works on paths, not URLs (issue #23): each quick way gives what the
/// Foundation way it replaced gives.
@Suite struct PictureResolverPathTests {
    /// A folder with a picture, a picture in a sub-folder, a link to each, a link to a folder,
    /// and a link out of the folder.
    static func folder() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-paths-\(UUID().uuidString)")
        let manager = FileManager.default
        try manager.createDirectory(at: root.appendingPathComponent("guides/pictures/more"), withIntermediateDirectories: true)
        try manager.createDirectory(at: root.appendingPathComponent("outside"), withIntermediateDirectories: true)
        for file in ["guides/pictures/a.svg", "guides/pictures/more/b.svg", "guides/c.svg", "outside/d.svg"] {
            try Data("<svg/>".utf8).write(to: root.appendingPathComponent(file))
        }
        try manager.createSymbolicLink(atPath: root.appendingPathComponent("guides/pictures/link.svg").path, withDestinationPath: "a.svg")
        try manager.createSymbolicLink(atPath: root.appendingPathComponent("guides/pictures/far.svg").path, withDestinationPath: "../../outside/d.svg")
        try manager.createSymbolicLink(atPath: root.appendingPathComponent("guides/shared").path, withDestinationPath: "pictures/more")
        try manager.createSymbolicLink(atPath: root.appendingPathComponent("linked-guides").path, withDestinationPath: "guides")
        return root
    }

    static let paths = [
        "pictures/a.svg", "pictures/more/b.svg", "c.svg", "pictures/link.svg", "pictures/far.svg", "shared/b.svg",
        "pictures//a.svg", "pictures/./a.svg", "pictures/more/../a.svg", "pictures/missing.svg", "pictures", "pictures/",
        "shared/../c.svg",
    ]

    @Test func filesAreFoundAndResolvedAsFoundationFindsAndResolvesThem() throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(at: root) }
        for guides in ["guides", "linked-guides"] {
            let guidesRoot = root.appendingPathComponent(guides)
            for folder in [guidesRoot, guidesRoot.appendingPathComponent("pictures"), guidesRoot.appendingPathComponent("shared")] {
                let resolvedFolder = folder.standardizedFileURL.resolvingSymlinksInPath()
                let resolvedRoot = guidesRoot.standardizedFileURL.resolvingSymlinksInPath()
                for path in Self.paths {
                    let byURL = PictureResolver.find(path, guideFolder: resolvedFolder, guidesRoot: resolvedRoot)
                    let byPath = PictureResolver.find(path, guideFolder: resolvedFolder.path, guidesRoot: resolvedRoot.path)
                    // The same file (a folder's path may keep the slash it was written with).
                    #expect((byPath == nil) == (byURL == nil), "\(guides) \(folder.lastPathComponent) \(path)")
                    #expect(byPath.map { URL(fileURLWithPath: $0).path } == byURL?.path, "\(guides) \(folder.lastPathComponent) \(path)")
                    if let byURL, let byPath {
                        #expect(PictureResolver.realPath(byPath) == byURL.standardizedFileURL.resolvingSymlinksInPath().path, "\(path)")
                    }
                }
            }
        }
        #expect(PictureResolver.realPath(root.appendingPathComponent("guides/none.svg").path) == nil)
    }

    @Test func schemesAreToldAsLowerCasingTellsThem() {
        let schemes = ["http:", "https:", "//", "ftp:", "data:", "file:"]
        var picks = SeededPicks(state: 23)
        let pieces = ["h", "H", "t", "T", "p", "P", "s", "S", ":", "/", "f", "F", "i", "I", "l", "L", "e", "E", "d", "D", "a", "A",
                      "x", "İ", "K", "ſ", "é", " ", "pictures/a.svg", ""]
        var sources = schemes + schemes.map { $0.uppercased() } + ["", "h", "HTTP", "ftp", "Data:", "fİle:", "ſtp:"]
        for _ in 0..<3000 { sources.append((0..<picks.next(7)).map { _ in picks.pick(pieces) }.joined()) }
        for source in sources {
            for group in [["http:", "https:", "//", "ftp:"], ["data:", "file:"]] {
                #expect(PictureResolver.startsWithScheme(source, group) == group.contains { source.lowercased().hasPrefix($0) }, "\(source)")
            }
        }
    }

    @Test func portableNamesAreRememberedUnchanged() {
        for name in ["Meeting Room.SVG", "café.png", "a b c.jpeg", "--.svg", "Ünïcödé.jpg", "school.svg"] {
            #expect(PictureResolver.portableFileName(name) == PictureResolver.portableFileNameMade(name))
            #expect(PictureResolver.portableFileName(name) == PictureResolver.portableFileNameMade(name))
        }
    }
}
