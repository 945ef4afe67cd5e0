import Foundation
import WaymarkModel

/// A file a writer makes: its path inside the guide's output folder, and its bytes.
public struct OutputFile: Hashable, Sendable {
    /// The path relative to `Output/<slug>/` (e.g. `bullying.txt`).
    public var path: String
    /// The file's content.
    public var bytes: [UInt8]

    /// Creates an output file.
    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }
}


/// Options that change how writers render (from the command line and the build).
public struct WriterOptions: Hashable, Sendable {
    /// Hard-wrap plain text at this many characters; nil keeps one paragraph per line.
    public var wrap: Int?
    /// The style sheets of `Styles/`, by file name (`epub.css`), read by the build.
    public var styles: [String: String]
    /// Whether the guide passed every accessibility check with no error, so that
    /// writers may claim conformance (EPUB `dcterms:conformsTo`). Set by the build.
    public var passedAccessibilityChecks: Bool

    /// The style profile for large print (`Styles/<style>.css`); nil for the default.
    public var style: String?
    /// The easy-read pictograms (`Styles/pictograms/`), read by the build.
    public var pictograms: PictogramSet
    /// The label catalogues (`Styles/labels/`), read by the build: the words writers add.
    public var labels: LabelCatalogues = .builtIn
    /// The guide's other language versions (`translation-of:`), in the order to list them; set by the build.
    public var versions: [GuideVersion] = []
    /// Make A5 booklets to fold, too (`--booklet`): the pdf format's ``Writer/optionalFiles``.
    public var booklet = false
    /// What the download site needs from the project and the command line (`--site-url`).
    public var site = DownloadSite.Settings()
    /// The braille page size (`--braille-page`, else `braille-page:` in `waymark.yml`); nil for 40 × 25.
    public var braillePage: BraillePage?
    /// The braille grade (`braille-grade:` in `waymark.yml`); nil for grade 2 (contracted).
    public var brailleGrade: BrailleGrade?
    /// Seconds since 1970 to date outputs with (`SOURCE_DATE_EPOCH`); nil dates them from the guide's `published:`.
    public var sourceDateEpoch: Int?

    /// Creates options.
    public init(
        wrap: Int? = nil, styles: [String: String] = [:], passedAccessibilityChecks: Bool = false,
        style: String? = nil, pictograms: PictogramSet = PictogramSet(),
        sourceDateEpoch: Int? = WriterOptions.environmentSourceDate
    ) {
        self.wrap = wrap
        self.styles = styles
        self.passedAccessibilityChecks = passedAccessibilityChecks
        self.style = style
        self.pictograms = pictograms
        self.sourceDateEpoch = sourceDateEpoch
    }

    /// `SOURCE_DATE_EPOCH` from the environment (reproducible-builds.org), if set to a whole number.
    public static var environmentSourceDate: Int? { sourceDate(in: ProcessInfo.processInfo.environment) }

    /// `SOURCE_DATE_EPOCH` in `environment`, if set to a whole number of seconds: the one
    /// reading of it, for the writers' dates and the checks' "today" alike.
    public static func sourceDate(in environment: [String: String]) -> Int? {
        environment["SOURCE_DATE_EPOCH"].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
    }
}

/// A writer renders a guide into the files of one format.
///
/// A writer never touches the disk: it returns files as values, and the
/// build writes them. Register a new writer in ``WriterRegistry/all``.
///
/// Everything about a format is declared here, by its writer: the front matter's
/// `formats:`, which style sheets stop which guides, `waymark formats` and the format
/// tables in the README and the authors' guide all read these declarations.
public protocol Writer: Sendable {
    /// The format id, the same word as in a guide's `formats:` (`text`, `epub`…).
    var formatID: String { get }
    /// One sentence saying what the format is for.
    var summary: String { get }
    /// Who the files are for, in a few words (`screen readers, text messages, email`).
    var audience: String { get }
    /// The files it makes, inside `Output/<slug>/`, with `<slug>` standing for the guide's slug.
    var files: [String] { get }
    /// Files it makes only when asked, by the build option that asks (`booklet` for `--booklet`).
    var optionalFiles: [String: [String]] { get }
    /// The style sheets of `Styles/` it reads (`epub.css`); an error in one stops the guides it builds.
    var styleSheets: [String] { get }
    /// The style profiles it can use, if any.
    var profiles: StyleProfileUse? { get }
    /// How the download site describes each of its files (``files`` and ``optionalFiles``), in
    /// the order the site offers them.
    var downloads: [Download] { get }
    /// Renders `guide` into files.
    func write(_ guide: Guide, options: WriterOptions) throws -> [OutputFile]
}

extension Writer {
    /// No files made only on request.
    public var optionalFiles: [String: [String]] { [:] }
    /// No style sheets.
    public var styleSheets: [String] { [] }
    /// No style profiles.
    public var profiles: StyleProfileUse? { nil }

    /// Whether `fileName` (a file of `Styles/`) is one this writer reads.
    public func uses(styleSheet fileName: String) -> Bool {
        let name = fileName.lowercased()
        return styleSheets.contains(name) || (profiles?.accepts(name) ?? false)
    }
}

/// How the download site (`Output/<slug>/index.html`, the catalogues) describes one file a
/// writer makes: its name and who it is for, in the guide's language, and what kind of file it is.
public struct Download: Hashable, Sendable {
    /// Which book of the guide a file holds: its accessibility metadata differs.
    public enum Edition: String, Hashable, Sendable, Codable {
        /// The guide as written.
        case standard
        /// The easy-read edition: a picture beside each sentence.
        case easyRead = "easy-read"
    }

    /// The file, with `<slug>` for the guide's slug, as in ``Writer/files``.
    public var file: String
    /// The file's name for readers ("Large print web page").
    public var name: Labels.Key
    /// Who it is for and what it needs, in plain words ("To print at school…").
    public var about: Labels.Key
    /// The kind of file, as people know it, written before its size (`PDF`, `EPUB`, `HTML`);
    /// a label when the kind has no name that every language uses.
    public var kind: Kind
    /// The IANA media type (`application/pdf`).
    public var mediaType: String
    /// Which book it holds.
    public var edition: Edition
    /// The site offers it first (the large-print web page: HTML first, as GOV.UK advises).
    public var isFirstChoice: Bool
    /// How many pages the file has, when pages mean something for it (a PDF).
    public var pages: (@Sendable ([UInt8]) -> Int)?

    /// The kind of file.
    public enum Kind: Hashable, Sendable {
        /// A name that is the same in every language (`PDF`).
        case name(String)
        /// A label (`Plain text`).
        case label(Labels.Key)
    }

    /// Declares a download.
    public init(
        file: String, name: Labels.Key, about: Labels.Key, kind: Kind, mediaType: String,
        edition: Edition = .standard, isFirstChoice: Bool = false, pages: (@Sendable ([UInt8]) -> Int)? = nil
    ) {
        self.file = file
        self.name = name
        self.about = about
        self.kind = kind
        self.mediaType = mediaType
        self.edition = edition
        self.isFirstChoice = isFirstChoice
        self.pages = pages
    }

    public static func == (lhs: Download, rhs: Download) -> Bool {
        lhs.file == rhs.file && lhs.name == rhs.name && lhs.about == rhs.about && lhs.kind == rhs.kind
            && lhs.mediaType == rhs.mediaType && lhs.edition == rhs.edition && lhs.isFirstChoice == rhs.isFirstChoice
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(file)
        hasher.combine(mediaType)
    }
}

/// The style profiles a print format takes from `Styles/`: which files are profiles for it,
/// the one used when none is chosen, and the smallest body text it allows.
public struct StyleProfileUse: Hashable, Sendable {
    /// File-name beginnings that mark a profile for this format (`large-print`, `giant-print`).
    public var prefixes: [String]
    /// The profile used when `--style` names none (`large-print`).
    public var defaultProfile: String
    /// The smallest body text allowed, in points (from ``Thresholds``).
    public var minimumBodySize: Double
    /// The body size a profile should have, in points; a smaller one (still over the minimum) is warned about.
    public var idealBodySize: Double
    /// Whether `waymark build --style NAME` chooses this format's profile (one format does).
    public var takesStyleOption: Bool

    /// Creates a declaration.
    public init(prefixes: [String], defaultProfile: String, minimumBodySize: Double, idealBodySize: Double? = nil, takesStyleOption: Bool = false) {
        self.prefixes = prefixes
        self.defaultProfile = defaultProfile
        self.minimumBodySize = minimumBodySize
        self.idealBodySize = idealBodySize ?? minimumBodySize
        self.takesStyleOption = takesStyleOption
    }

    /// Whether `fileName` is a profile for this format.
    public func accepts(_ fileName: String) -> Bool {
        fileName.hasSuffix(".css") && prefixes.contains { fileName.lowercased().hasPrefix($0) }
    }
}

/// An error a writer raises when it cannot render a guide.
public struct WriterError: Error, Sendable, CustomStringConvertible {
    /// The format that failed.
    public var formatID: String
    /// What went wrong.
    public var message: String
    /// How to put it right, when it is not the style sheets (a missing engine or font).
    public var hint: String?
    /// Whether the format cannot be made for this guide at all (no braille table for its language),
    /// rather than failing: a guide that did not ask for the format by name is built without it, with a warning.
    public var unavailable = false

    /// Creates an error.
    public init(formatID: String, message: String, hint: String? = nil) {
        self.formatID = formatID
        self.message = message
        self.hint = hint
    }

    /// A one-line description.
    public var description: String { "\(formatID): \(message)" }
}
