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

import Foundation

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
    public static var environmentSourceDate: Int? {
        ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
    }
}

/// A writer renders a guide into the files of one format.
///
/// A writer never touches the disk: it returns files as values, and the
/// build writes them. Register a new writer in ``WriterRegistry/all``.
public protocol Writer: Sendable {
    /// The format id, the same word as in a guide's `formats:` (`text`, `epub`…).
    var formatID: String { get }
    /// One sentence saying what the format is for.
    var summary: String { get }
    /// Renders `guide` into files.
    func write(_ guide: Guide, options: WriterOptions) throws -> [OutputFile]
}

/// An error a writer raises when it cannot render a guide.
public struct WriterError: Error, Sendable, CustomStringConvertible {
    /// The format that failed.
    public var formatID: String
    /// What went wrong.
    public var message: String

    /// Creates an error.
    public init(formatID: String, message: String) {
        self.formatID = formatID
        self.message = message
    }

    /// A one-line description.
    public var description: String { "\(formatID): \(message)" }
}
