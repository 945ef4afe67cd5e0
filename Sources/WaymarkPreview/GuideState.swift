import Foundation
import Waymark
import WaymarkModel

/// What the preview knows of one guide: its text as last read, what the checks found in it,
/// and what the last build made of it.
struct GuideState: Sendable {
    /// What the last build made of the guide.
    struct Build: Sendable {
        /// The files made, relative to the guide's output folder (`bullying.epub`), in the build's order.
        var files: [String]
        /// Problems that stopped the build, when it did not build (a broken style sheet, a full disk…).
        var errors: [Diagnostic]
    }

    /// The file name without `.md`.
    var slug: String
    /// The file.
    var file: URL
    /// The path shown in findings (`Guides/bullying.md`).
    var displayPath: String
    /// The guide's title, when its front matter reads.
    var title: String?
    /// The text the checks read (empty when the file could not be read at all).
    var source: [UInt8]
    /// Whether the file's bytes were read (false: too large, not a plain file, a link…), so
    /// that an editor is only ever offered for a text the preview has.
    var loaded = false
    /// The version of that text, which an editor sends back so that a newer file is never overwritten.
    var version: String
    /// Whether the guide was read (false: `findings` are the reasons it was not).
    var readable: Bool
    /// Every finding, by position: the reading errors when the guide did not read.
    var findings: [Diagnostic]
    /// Each chapter's reading level.
    var chapters: [ChapterReadability]
    /// The whole guide's reading level.
    var readability: Readability?
    /// The reading age the guide aims for.
    var targetReadingAge: Double?
    /// What the last build made, if the guide has been built since the preview started.
    var build: Build?
    /// Counts the changes to this guide's findings or files, for the pages that follow it.
    var generation = 0

    /// The title, or the file name when the title cannot be read.
    var name: String { title ?? slug }

    /// How many findings are of `severity`.
    func count(_ severity: Diagnostic.Severity) -> Int { findings.filter { $0.severity == severity }.count }

    /// The version string of `bytes`: their SHA-1, in hexadecimal (content identity, not security).
    static func version(of bytes: [UInt8]) -> String {
        SHA1.hash(bytes).map { String(format: "%02x", $0) }.joined()
    }

    /// Reads and checks the guide `file` as the build would, with the same rules and labels.
    static func checked(_ file: URL, slug: String, displayPath: String, guidesRoot: URL, checker: Checker) -> GuideState {
        let start = Location(file: displayPath, line: 1, column: 1)
        var state = GuideState(
            slug: slug, file: file, displayPath: displayPath, title: nil, source: [], version: version(of: []),
            readable: false, findings: [], chapters: [], readability: nil, targetReadingAge: nil)
        let bytes: [UInt8]
        do {
            bytes = try GuideReader.bytes(of: file, displayPath: displayPath)
        } catch {
            state.findings = error.diagnostics
            return state
        }
        state.source = bytes
        state.loaded = true
        state.version = version(of: bytes)
        let reader = GuideReader(guidesRoot: guidesRoot)
        state.title = try? reader.metadata(bytes: bytes, displayPath: displayPath).title
        do {
            let guide = try reader.read(bytes: bytes, slug: slug, displayPath: displayPath, folder: file.deletingLastPathComponent())
            let check = checker.check(guide, source: SourceMap(text: String(decoding: bytes, as: UTF8.self)))
            state.readable = true
            state.title = guide.metadata.title
            state.findings = check.findings
            state.chapters = check.chapters
            state.readability = check.readability
            state.targetReadingAge = check.targetReadingAge
        } catch {
            state.findings = error.diagnostics.isEmpty
                ? [.error(at: start, "the guide could not be read", hint: "check that the file is a guide: Markdown with front matter between --- lines")]
                : error.diagnostics
        }
        return state
    }

    /// A guide the preview will not read: a link to outside the guides folder, say.
    static func refused(_ file: URL, slug: String, displayPath: String, reason: String) -> GuideState {
        GuideState(
            slug: slug, file: file, displayPath: displayPath, title: nil, source: [], version: version(of: []),
            readable: false,
            findings: [.error(at: Location(file: displayPath, line: 1, column: 1), reason, hint: "copy the guide itself into the guides folder, in place of the link")],
            chapters: [], readability: nil, targetReadingAge: nil)
    }
}
