import WaymarkModel

/// What a reader of another format (a Word file, a web page) made of one document: the
/// guide's blocks in the document model, its properties, its pictures and what a person
/// must decide.
///
/// Locations in the blocks point into the input: for a Word file, `file` is
/// `guide.docx:word/document.xml` and `line` the paragraph's number in that part
/// (column 1); for a web page, the page's file and the line libxml2 gives.
public struct ImportResult: Sendable {
    /// The blocks in reading order, every heading among them (``GuideReader`` makes chapters of them).
    public var blocks: [Block]
    /// What the document says about itself.
    public var properties: DocumentProperties
    /// The pictures the blocks use, by the provisional source each ``Picture`` has.
    public var pictures: [ImportedPicture]
    /// What a person must decide, each with where it is and where it goes in the draft.
    public var notes: [ImportNote]

    /// Creates a result.
    public init(blocks: [Block], properties: DocumentProperties, pictures: [ImportedPicture], notes: [ImportNote]) {
        self.blocks = blocks
        self.properties = properties
        self.pictures = pictures
        self.notes = notes
    }
}

/// What a document says about itself (a Word file's `docProps/core.xml`, a page's `<title>` and `lang`).
public struct DocumentProperties: Sendable, Equatable {
    /// The title.
    public var title: String?
    /// The subject (a Word file's Subject), which a draft uses as its subtitle.
    public var subject: String?
    /// Who wrote it (a person, not the publisher).
    public var creator: String?
    /// Its language, as a BCP 47 tag.
    public var language: String?
    /// A description, which a draft uses as its summary.
    public var description: String?
    /// Keywords.
    public var keywords: [String]
    /// When it was last changed (`YYYY-MM-DD`), if it says.
    public var modified: GuideDate?

    /// Creates properties.
    public init(
        title: String? = nil, subject: String? = nil, creator: String? = nil, language: String? = nil,
        description: String? = nil, keywords: [String] = [], modified: GuideDate? = nil
    ) {
        self.title = title
        self.subject = subject
        self.creator = creator
        self.language = language
        self.description = description
        self.keywords = keywords
        self.modified = modified
    }
}

/// A picture found in the input, checked and ready to be saved beside the guide.
public struct ImportedPicture: Sendable, Equatable {
    /// The provisional source the blocks' ``Picture`` values carry until the picture has its file name.
    public var source: String
    /// The name it had in the input (`image1.png`).
    public var originalName: String
    /// `image/png`, `image/jpeg` or `image/svg+xml`.
    public var mediaType: String
    /// The bytes to save: checked by ``PictureContent`` (an SVG already cleaned).
    public var bytes: [UInt8]

    /// Creates a picture.
    public init(source: String, originalName: String, mediaType: String, bytes: [UInt8]) {
        self.source = source
        self.originalName = originalName
        self.mediaType = mediaType
        self.bytes = bytes
    }
}

/// Something in the input that a person must decide, with where it is in the input and
/// where its comment goes in the draft.
public struct ImportNote: Sendable, Equatable {
    /// Where the note goes in the draft.
    public enum Place: Sendable, Equatable {
        /// Above a front-matter key (written even when the draft has no such key).
        case frontMatter(key: String)
        /// Before the top-level block with this number (0-based, headings included), or at the end.
        case block(Int)
    }

    /// Where in the input.
    public var location: ImportLocation
    /// What to decide, in plain words (one sentence or two).
    public var message: String
    /// Where its comment goes in the draft.
    public var place: Place

    /// Creates a note.
    public init(at location: ImportLocation, _ message: String, place: Place) {
        self.location = location
        self.message = message
        self.place = place
    }
}

/// A place in an input file: the file, and for a Word file the part and the paragraph,
/// for a web page the line.
public struct ImportLocation: Sendable, Equatable, CustomStringConvertible {
    /// The input file as the user named it.
    public var file: String
    /// The part inside a Word file (`word/document.xml`), if any.
    public var part: String?
    /// The 1-based number of the paragraph in the part, if known.
    public var paragraph: Int?
    /// The 1-based line in the file (or the part), if known.
    public var line: Int?

    /// Creates a location.
    public init(file: String, part: String? = nil, paragraph: Int? = nil, line: Int? = nil) {
        self.file = file
        self.part = part
        self.paragraph = paragraph
        self.line = line
    }

    /// `guide.docx:word/document.xml:paragraph 14`, `page.html:42`, or the file alone.
    public var description: String {
        var text = file
        if let part { text += ":\(part)" }
        if let paragraph { text += ":paragraph \(paragraph)" } else if let line { text += ":\(line)" }
        return text
    }

    /// The location as a model ``Location`` (the paragraph, or the line, as the line number).
    public var modelLocation: Location {
        Location(file: part.map { "\(file):\($0)" } ?? file, line: paragraph ?? line ?? 1, column: 1)
    }
}
