/// A guide: its metadata, its chapters and the pictures it uses.
public struct Guide: Hashable, Sendable {
    /// The file name without `.md`; names the output folder.
    public var slug: String
    /// The path of the source file as the user named it.
    public var sourcePath: String
    /// The front matter.
    public var metadata: Metadata
    /// The chapters in order; the first may have no heading (text before the first `#`).
    public var chapters: [Chapter]
    /// The picture files the guide uses, by ``Picture/resource`` key.
    public var resources: [String: Resource]

    /// Creates a guide.
    public init(
        slug: String, sourcePath: String, metadata: Metadata, chapters: [Chapter],
        resources: [String: Resource] = [:]
    ) {
        self.slug = slug
        self.sourcePath = sourcePath
        self.metadata = metadata
        self.chapters = chapters
        self.resources = resources
    }
}

/// A chapter: a `#` heading and the blocks up to the next one.
public struct Chapter: Hashable, Sendable {
    /// The chapter heading; nil for text before the guide's first `#`.
    public var heading: Heading?
    /// The blocks of the chapter, section headings included.
    public var blocks: [Block]
    /// Where the chapter starts.
    public var location: Location

    /// Creates a chapter.
    public init(heading: Heading?, blocks: [Block], location: Location) {
        self.heading = heading
        self.blocks = blocks
        self.location = location
    }
}

/// A file a guide uses (a picture), with its bytes.
public struct Resource: Hashable, Sendable {
    /// The media type (`image/svg+xml`, `image/png`, `image/jpeg`).
    public var mediaType: String
    /// The file's bytes.
    public var bytes: [UInt8]
    /// The file name to use in outputs (`meeting.svg`), unique within the guide.
    public var fileName: String

    /// Creates a resource.
    public init(mediaType: String, bytes: [UInt8], fileName: String) {
        self.mediaType = mediaType
        self.bytes = bytes
        self.fileName = fileName
    }
}
