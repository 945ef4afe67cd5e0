import ArgumentParser
import Waymark

/// `waymark formats`: lists the registered writers.
struct FormatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "formats",
        abstract: "List the formats Waymark can build."
    )

    func run() {
        let width = WriterRegistry.formatIDs.map(\.count).max() ?? 0
        for writer in WriterRegistry.all {
            let padding = String(repeating: " ", count: width - writer.formatID.count)
            printOut("\(writer.formatID)\(padding)  \(writer.summary)")
        }
    }
}
