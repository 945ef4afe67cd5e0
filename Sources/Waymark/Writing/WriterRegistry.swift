/// Every writer Waymark has, by format id.
public enum WriterRegistry {
    /// All writers, in the order `waymark formats` lists them.
    public static let all: [any Writer] = [
        PlainTextWriter(),
        EPUBWriter(),
        LargePrintWriter(),
        EasyReadWriter(),
    ]

    /// The writer for `formatID`, if there is one.
    public static func writer(for formatID: String) -> (any Writer)? {
        all.first { $0.formatID == formatID }
    }

    /// The ids of every writer.
    public static var formatIDs: [String] { all.map(\.formatID) }
}
