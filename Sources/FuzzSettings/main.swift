import Foundation
import FuzzDriver
import Waymark
import WaymarkModel

// libFuzzer entry point for the project's settings: the first byte picks what the rest is.
//   0: a `waymark.yml`; when it reads, its settings run every check over a seed guide.
//   1: a style profile (`Styles/large-print.css`): checked by the style rules, then used
//      by the large-print writer on a seed guide.
// Built only with WAYMARK_FUZZ=1 (see scripts/fuzz.sh). WAYMARK_FUZZ_GUIDES and
// WAYMARK_FUZZ_STYLES name the repository's Guides/ and Styles/.

/// What every input is tried against.
enum Seeds {
    static let environment = ProcessInfo.processInfo.environment
    static let guidesRoot = URL(fileURLWithPath: environment["WAYMARK_FUZZ_GUIDES"] ?? "/nonexistent-waymark-guides")
    static let stylesRoot = URL(fileURLWithPath: environment["WAYMARK_FUZZ_STYLES"] ?? "/nonexistent-waymark-styles")
    static let text = """
        ---
        title: Fuzz
        language: en-GB
        publisher: Fuzz
        published: 2026-11-01
        summary: A guide for the fuzzer.
        glossary:
          advocate: Someone who helps you say what you think.
        ---

        # You can talk to someone

        AN ADVOCATE CAN HELP YOU. Call Childline on 0800 1111 at any time, day or night, because it is free.

        ![A phone](pictures/phone.svg)

        :::contact
        name: Childline
        phone: 0800 1111
        website: https://www.childline.org.uk
        :::

        """
    /// The seed guide, read again for each input: a guide kept alive across inputs holds Swift
    /// enum payloads whose pointers carry tag bits, which LeakSanitizer cannot follow, so it
    /// reported the kept guide as leaked.
    static func guide() -> (guide: Guide, source: SourceMap)? {
        guard let guide = try? GuideReader(guidesRoot: guidesRoot).read(
            bytes: Array(text.utf8), slug: "fuzz", displayPath: "Guides/fuzz.md", folder: guidesRoot) else { return nil }
        return (guide, SourceMap(text: text))
    }
    static let styles: [String: String] = {
        var sheets: [String: String] = [:]
        for name in ["print.css", "epub.css"] {
            if let data = FileManager.default.contents(atPath: stylesRoot.appendingPathComponent(name).path) {
                sheets[name] = String(decoding: data, as: UTF8.self)
            }
        }
        return sheets
    }()
}

func fuzzSettings(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    switch data[0] % 2 {
    case 0:
        do {
            let project = try ProjectConfiguration.parse(bytes, displayPath: "waymark.yml")
            if let seed = Seeds.guide() {
                _ = Checker(options: CheckOptions(project: project)).check(seed.guide, source: seed.source)
            }
        } catch {
            requirePlaced(error, what: "a settings failure")
        }
    default:
        let css = String(decoding: bytes, as: UTF8.self)
        _ = Checker().check(styleSheets: ["Styles/large-print.css": css])
        if let seed = Seeds.guide() {
            var options = WriterOptions()
            options.styles = Seeds.styles.merging(["large-print.css": css]) { _, new in new }
            _ = try? LargePrintWriter().write(seed.guide, options: options)
        }
    }
    return 0
}

// Made before the first input, so that no input is charged with it.
_ = Seeds.styles
runFuzzer { fuzzSettings($0, $1) }
