import Testing
@testable import Waymark

/// Byte columns (as cmark reports them) map to character columns without walking the line,
/// so that a long line with many nodes stays fast; the answers match walking the line.
@Suite("Reliability: byte columns") struct SourceTextColumnTests {
    /// The column by walking the line, as the reader first did.
    static func walked(_ line: String, byteColumn: Int) -> Int {
        var bytes = 0
        var characters = 0
        for scalar in line.unicodeScalars {
            if bytes >= byteColumn - 1 { break }
            bytes += String(scalar).utf8.count
            characters += 1
        }
        return characters + 1
    }

    @Test(arguments: ["plain ASCII text", "été à l’école", "🌟 emoji 👩‍👩‍👧 and ü", "", "ü", "日本語のテキスト abc"])
    func everyByteColumnMatchesWalkingTheLine(_ line: String) throws {
        let source = try SourceText(file: "g.md", bytes: Array("first\n\(line)\nlast".utf8))
        for byteColumn in 0...(line.utf8.count + 3) {
            #expect(source.location(line: 2, byteColumn: byteColumn).column == Self.walked(line, byteColumn: byteColumn), "byte \(byteColumn) of '\(line)'")
        }
    }
}
