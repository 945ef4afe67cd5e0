import Foundation
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
        // Every failure must carry at least one diagnostic with a place.
        if error.diagnostics.isEmpty || error.diagnostics.contains(where: { $0.location.line < 1 || $0.location.column < 1 }) {
            fatalError("a read failure without a placed diagnostic: \(error.diagnostics)")
        }
    }
    return 0
}

// libFuzzer's own driver, called from this executable's main: SwiftPM links an
// executable's entry point under its own name, so libFuzzer's main() is not used.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

var argc = CommandLine.argc
var argv = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv, { fuzzReader($0, $1) }))
