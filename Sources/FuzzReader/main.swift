import Foundation
import FuzzDriver
import Waymark

// libFuzzer entry point for the guide reader: front matter, body and directives.
// Built only with WAYMARK_FUZZ=1 (see scripts/fuzz.sh); pictures named by an input
// resolve against the seed guides folder in WAYMARK_FUZZ_GUIDES, when set.

private let guidesRoot = URL(fileURLWithPath: ProcessInfo.processInfo.environment["WAYMARK_FUZZ_GUIDES"] ?? "/nonexistent-waymark-guides")

func fuzzReader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let reader = GuideReader(guidesRoot: guidesRoot)
    do {
        let guide = try reader.read(bytes: bytes, slug: "fuzz", displayPath: "Guides/fuzz.md", folder: guidesRoot)
        // A guide that reads must also survive the plain-text writer and the checks.
        _ = try? PlainTextWriter().write(guide, options: WriterOptions())
        _ = Checker(options: CheckOptions()).check(guide, source: SourceMap(text: String(decoding: bytes, as: UTF8.self)))
    } catch {
        requirePlaced(error, what: "a read failure")
    }
    return 0
}

runFuzzer { fuzzReader($0, $1) }
