/// Every writer Waymark has, by format id: the one list of formats.
public enum WriterRegistry {
    /// All writers, in the order `waymark formats` lists them.
    public static let all: [any Writer] = [
        PlainTextWriter(),
        EPUBWriter(),
        LargePrintWriter(),
        EasyReadWriter(),
        PDFWriter(),
        BrailleWriter(),
    ]

    /// The writer for `formatID`, if there is one.
    public static func writer(for formatID: String, in writers: [any Writer] = all) -> (any Writer)? {
        writers.first { $0.formatID == formatID }
    }

    /// The ids of every writer.
    public static var formatIDs: [String] { all.map(\.formatID) }

    /// The formats whose outputs use the style sheet `fileName` of `Styles/`.
    public static func formats(using fileName: String, in writers: [any Writer] = all) -> [String] {
        writers.filter { $0.uses(styleSheet: fileName) }.map(\.formatID)
    }

    /// The format table of the README and the authors' guide, made from the writers' own words.
    public static func markdownTable(_ writers: [any Writer] = all) -> String {
        var lines = ["| format id | file | for |", "|---|---|---|"]
        for writer in writers {
            let files = writer.files.map { "`Output/<slug>/\($0)`" }.joined(separator: " and ")
            lines.append("| `\(writer.formatID)` | \(files) | \(writer.audience) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// "`epub`, `text`, `large-print` and `easy-read`", for the authors' guide.
    public static func formatWords(_ writers: [any Writer] = all) -> String {
        let words = writers.map { "`\($0.formatID)`" }
        guard words.count > 1, let last = words.last else { return words.first ?? "" }
        return words.dropLast().joined(separator: ", ") + " and " + last
    }
}
