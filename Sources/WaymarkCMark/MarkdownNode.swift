/// A CommonMark (GFM) syntax node copied out of cmark-gfm into plain Swift values.
///
/// Positions are cmark's: 1-based lines and 1-based byte columns within the
/// text that was parsed.
public struct MarkdownNode: Sendable, Equatable {
    /// What kind of node this is, with the data that kind carries.
    public enum Kind: Sendable, Equatable {
        case document
        case blockQuote
        case list(ordered: Bool, start: Int, tight: Bool)
        case item
        case codeBlock(info: String)
        case htmlBlock
        case paragraph
        case heading(level: Int)
        case thematicBreak
        case table(alignments: [TableAlignment])
        case tableRow(isHeader: Bool)
        case tableCell
        case text
        case softBreak
        case lineBreak
        case code
        case htmlInline
        case emphasis
        case strong
        case link(url: String, title: String)
        case image(url: String, title: String)
        /// A node type this wrapper does not model (footnotes, custom blocks…),
        /// named by cmark's type string so callers can report it.
        case other(String)
    }

    /// Column alignment of a GFM table.
    public enum TableAlignment: Sendable, Equatable {
        case none, left, center, right
    }

    /// The node's kind.
    public var kind: Kind
    /// Text content of leaf nodes (text, code, HTML); empty otherwise.
    public var literal: String
    /// First line of the node, 1-based.
    public var startLine: Int
    /// First column of the node, 1-based, in bytes.
    public var startColumn: Int
    /// Last line of the node, 1-based.
    public var endLine: Int
    /// Last column of the node, 1-based, in bytes.
    public var endColumn: Int
    /// Child nodes, in document order.
    public var children: [MarkdownNode]

    /// Creates a node from its parts.
    public init(
        kind: Kind, literal: String = "", startLine: Int, startColumn: Int,
        endLine: Int, endColumn: Int, children: [MarkdownNode] = []
    ) {
        self.kind = kind
        self.literal = literal
        self.startLine = startLine
        self.startColumn = startColumn
        self.endLine = endLine
        self.endColumn = endColumn
        self.children = children
    }
}
