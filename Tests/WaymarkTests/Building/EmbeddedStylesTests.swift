import Foundation
import Testing
@testable import Waymark

/// The built-in styles are a generated copy of `Styles/`; this fails when the two differ.
@Suite("Building: embedded styles") struct EmbeddedStylesTests {
    static let styles = BuilderTests.repository.appendingPathComponent("Styles")
    static let fix = "Styles/ and the built-in copy differ: run `python3 scripts/embed-styles.py` and commit Sources/Waymark/Building/EmbeddedStyles.swift"

    /// Every file under `Styles/` but hidden ones, by path inside it.
    func repositoryFiles() throws -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        let enumerator = FileManager.default.enumerator(at: Self.styles, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        while let url = enumerator?.nextObject() as? URL {
            guard try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true else { continue }
            let path = String(url.standardizedFileURL.path.dropFirst(Self.styles.standardizedFileURL.path.count + 1))
            files[path] = Array(try Data(contentsOf: url))
        }
        return files
    }

    @Test func theEmbeddedCopyIsStylesByteForByte() throws {
        let onDisk = try repositoryFiles()
        let embedded = Dictionary(uniqueKeysWithValues: EmbeddedStyles.files.map { ($0.path, Array($0.text.utf8)) })
        #expect(onDisk.keys.sorted() == embedded.keys.sorted(), "\(Self.fix)")
        for (path, bytes) in onDisk.sorted(by: { $0.key < $1.key }) where embedded[path] != bytes {
            Issue.record("Styles/\(path) differs from its built-in copy. \(Self.fix)")
        }
        #expect(onDisk.count >= 59)
    }

    @Test func theTableIsSortedByPathBytes() {
        let paths = EmbeddedStyles.files.map { Array($0.path.utf8) }
        #expect(zip(paths, paths.dropFirst()).allSatisfy { $0.lexicographicallyPrecedes($1) })
    }
}
