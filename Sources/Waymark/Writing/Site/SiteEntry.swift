import WaymarkModel

/// What the download site knows of one built guide: enough to list it on `Output/index.html`
/// and in the catalogues, without reading the guide again.
///
/// A guide's entry is made when the guide is built and kept in its build manifest, so a build
/// that skips an unchanged guide still lists it, exactly as before.
public struct SiteEntry: Codable, Hashable, Sendable {
    /// One file of the guide, as the site offers it.
    public struct File: Codable, Hashable, Sendable {
        /// Its path inside `Output/<slug>/`.
        public var path: String
        /// Its name for readers, in the guide's language ("Large print web page").
        public var name: String
        /// Who it is for and what it needs, in the guide's language.
        public var about: String
        /// The kind of file ("PDF", "Plain text"), in the guide's language.
        public var kind: String
        /// Its IANA media type.
        public var mediaType: String
        /// Its size in bytes.
        public var size: Int
        /// Its size as people read it ("451 KB"), in the guide's language.
        public var sizeText: String
        /// Its size as metadata gives it, in English units ("451 KB").
        public var contentSize: String
        /// Its pages, when pages mean something for it.
        public var pages: Int?
        /// Its format, size and pages, as the site shows them ("PDF, 451 KB, 12 pages").
        public var facts: String
        /// Which book it holds.
        public var edition: Download.Edition
        /// Whether the site offers it first.
        public var isFirstChoice = false
    }

    /// How a book can be read, as the EPUB declares it (schema.org's accessibility properties).
    public struct Accessibility: Codable, Hashable, Sendable {
        public var accessModes: [String]
        public var accessModesSufficient: [String]
        public var features: [String]
        public var hazards: [String]
        public var summary: String
    }

    /// The guide's slug: its folder in `Output/`.
    public var slug: String
    public var title: String
    public var subtitle: String?
    public var summary: String
    public var audience: String?
    /// Its BCP 47 language tag.
    public var language: String
    /// The language's name in itself ("Cymraeg").
    public var languageName: String
    public var publisher: String
    /// The date of this edition, `YYYY-MM-DD`.
    public var published: String
    /// The date of this edition as the guide's language writes it.
    public var publishedText: String
    /// The measured reading age, in whole years.
    public var readingAge: Int?
    public var keywords: [String]
    /// The slug of the guide this one translates, if it is a translation.
    public var translationOf: String?
    /// The identifier the EPUB carries.
    public var identifier: String
    /// The cover picture's file in `Output/<slug>/` and its media type.
    public var cover: String
    public var coverType: String
    /// The files, in the order the site offers them (the first choice first).
    public var files: [File]
    /// The one download with every file.
    public var bundle: File
    /// The book as written, and the easy-read edition (when the guide has one).
    public var accessibility: Accessibility
    public var easyReadAccessibility: Accessibility?

    /// The topic the site lists it under: its first keyword (authors put the main one first).
    public var topic: String? { keywords.first }
}
