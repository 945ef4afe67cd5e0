import ArgumentParser
import Foundation
import Waymark

/// `waymark formats`: lists the registered writers.
struct FormatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "formats",
        abstract: "List the formats Waymark can build."
    )

    @Flag(help: "Print each format's declaration as JSON (for tools such as the conformance checks).")
    var json = false

    /// One format as `--json` gives it.
    struct Declaration: Encodable {
        var id: String
        var summary: String
        var audience: String
        var files: [String]
        /// Files made only with a build option (`booklet` for `--booklet`).
        var optionalFiles: [String: [String]]
        var styleSheets: [String]
        var profile: Profile?

        struct Profile: Encodable {
            var prefixes: [String]
            var defaultProfile: String
            var minimumBodySize: Double
        }
    }

    func run() throws {
        if json {
            let declarations = WriterRegistry.all.map { writer in
                Declaration(
                    id: writer.formatID, summary: writer.summary, audience: writer.audience, files: writer.files,
                    optionalFiles: writer.optionalFiles, styleSheets: writer.styleSheets,
                    profile: writer.profiles.map { .init(prefixes: $0.prefixes, defaultProfile: $0.defaultProfile, minimumBodySize: $0.minimumBodySize) })
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            printOut(String(decoding: try encoder.encode(declarations), as: UTF8.self))
            return
        }
        let width = WriterRegistry.formatIDs.map(\.count).max() ?? 0
        for writer in WriterRegistry.all {
            let padding = String(repeating: " ", count: width - writer.formatID.count)
            printOut("\(writer.formatID)\(padding)  \(writer.summary)")
        }
    }
}
