/// A block of a chapter (paragraph, list, picture, contact card…) with the place it came from.
public struct Block: Hashable, Sendable {
    /// What the block is.
    public indirect enum Kind: Hashable, Sendable {
        /// A `##` or deeper heading inside a chapter.
        case heading(Heading)
        /// A paragraph of running text.
        case paragraph([Inline])
        /// A bulleted or numbered list.
        case list(ListBlock)
        /// A block quote.
        case quote([Block])
        /// A table whose first row is the header row.
        case table(Table)
        /// A picture on its own line.
        case picture(Picture)
        /// An `urgent` or `note` box.
        case callout(Callout)
        /// A `contact` card.
        case contact(Contact)
        /// A `write` space: a prompt and ruled lines in print.
        case writeSpace(WriteSpace)
        /// An `easy-read` block: the easy-read version of its section.
        case easyRead([EasyReadRow])
    }

    /// What the block is.
    public var kind: Kind
    /// Where it starts in the source.
    public var location: Location

    /// Creates a block.
    public init(_ kind: Kind, at location: Location) {
        self.kind = kind
        self.location = location
    }
}

/// A heading: its level (1 for a chapter), its text and a stable anchor id.
public struct Heading: Hashable, Sendable {
    /// 1 for a chapter (`#`), 2 and deeper for sections.
    public var level: Int
    /// The heading's text.
    public var content: [Inline]
    /// An id made from the text, unique in the guide (`who-will-be-there`).
    public var id: String

    /// Creates a heading.
    public init(level: Int, content: [Inline], id: String) {
        self.level = level
        self.content = content
        self.id = id
    }
}

/// A bulleted or numbered list; items hold blocks, so lists nest.
public struct ListBlock: Hashable, Sendable {
    /// Whether the list is numbered.
    public var ordered: Bool
    /// The first number of a numbered list.
    public var start: Int
    /// The items, each a list of blocks.
    public var items: [[Block]]

    /// Creates a list.
    public init(ordered: Bool, start: Int = 1, items: [[Block]]) {
        self.ordered = ordered
        self.start = start
        self.items = items
    }
}

/// A table; the first row is the header row.
public struct Table: Hashable, Sendable {
    /// The header cells.
    public var header: [[Inline]]
    /// The body rows, each a list of cells.
    public var rows: [[[Inline]]]

    /// Creates a table.
    public init(header: [[Inline]], rows: [[[Inline]]]) {
        self.header = header
        self.rows = rows
    }
}

/// A picture: a file beside the guide, with alt text and an optional caption.
public struct Picture: Hashable, Sendable {
    /// The alt text; empty for a decorative picture.
    public var alt: String
    /// The path as the guide wrote it (`pictures/meeting.svg`).
    public var source: String
    /// The key of the picture's bytes in ``Guide/resources``.
    public var resource: String
    /// The caption (the Markdown title), if any.
    public var caption: String?

    /// Creates a picture.
    public init(alt: String, source: String, resource: String, caption: String? = nil) {
        self.alt = alt
        self.source = source
        self.resource = resource
        self.caption = caption
    }

    /// A decorative picture has empty alt text and is hidden from assistive technology.
    public var isDecorative: Bool { alt.isEmpty }
}

/// An `urgent` box (danger now) or a `note` (an aside).
public struct Callout: Hashable, Sendable {
    /// Which kind of box.
    public enum Kind: String, Hashable, Sendable {
        case urgent, note
    }

    /// Which kind of box.
    public var kind: Kind
    /// What is inside.
    public var blocks: [Block]

    /// Creates a callout.
    public init(kind: Kind, blocks: [Block]) {
        self.kind = kind
        self.blocks = blocks
    }
}

/// A `write` space: a prompt, and in print a box with ruled lines.
public struct WriteSpace: Hashable, Sendable {
    /// How many ruled lines print formats draw.
    public var lines: Int
    /// The prompt.
    public var prompt: [Inline]

    /// Creates a write space.
    public init(lines: Int, prompt: [Inline]) {
        self.lines = lines
        self.prompt = prompt
    }
}

/// One row of an easy-read page: an optional picture beside one or two short sentences.
public struct EasyReadRow: Hashable, Sendable {
    /// The picture on the left, if the author gave one.
    public var picture: Picture?
    /// The words on the right.
    public var content: [Inline]
    /// Where the row starts.
    public var location: Location
    /// Whether Waymark made the row from ordinary text (no `:::easy-read` block was written for it).
    public var generated: Bool

    /// Creates a row.
    public init(picture: Picture?, content: [Inline], location: Location, generated: Bool = false) {
        self.picture = picture
        self.content = content
        self.location = location
        self.generated = generated
    }
}
