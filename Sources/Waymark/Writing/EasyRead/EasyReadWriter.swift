import WaymarkModel
import WaymarkXML

/// Renders the easy-read version of a guide: one self-contained HTML file for
/// screen and A4 print, and an easy-read edition of the e-book.
///
/// Rows of a picture (left, about a third of the width) beside short
/// sentences (right), each sentence on its own line; hard words in bold and
/// explained in the same row (UK government easy-read guidance; Department
/// of Health 2010).
public struct EasyReadWriter: Writer {
    /// `easy-read`.
    public let formatID = EasyReadWriter.id
    /// What the format is for.
    public let summary = "Easy read: a picture beside each short sentence, as HTML for screen and print, and as an e-book."

    /// Who it is for.
    public let audience = "readers with a learning disability: a picture beside each short sentence"
    /// The page and the e-book.
    public let files = ["<slug>-easy-read.html", "<slug>-easy-read.epub"]
    /// The easy-read web page, then the easy-read e-book.
    public let downloads = [
        Download(file: "<slug>-easy-read.html", name: .downloadEasyRead, about: .aboutEasyRead, kind: .name("HTML"), mediaType: "text/html", edition: .easyRead),
        Download(file: "<slug>-easy-read.epub", name: .downloadEasyReadEPUB, about: .aboutEasyReadEPUB, kind: .name("EPUB"), mediaType: "application/epub+zip", edition: .easyRead),
    ]
    /// The print layout, and the e-book's style sheet for the e-book edition.
    public let styleSheets = [PrintDocument.styleSheet, EPUBWriter.styleSheet]
    /// `easy-read*.css`, at least 14 pt (UK government easy read).
    public let profiles: StyleProfileUse? = EasyReadWriter.profileUse
    static let profileUse = StyleProfileUse(
        prefixes: ["easy-read"], defaultProfile: "easy-read", minimumBodySize: Thresholds.easyReadMinimumPoints)
    /// `easy-read`, for the rules that only apply when a guide is built as easy read.
    public static let id = "easy-read"
    /// Said in the title and the e-book's accessibility summary, in the guide's language.
    static func edition(_ labels: Labels) -> (title: String, summary: String) {
        (title: labels(.easyRead), summary: labels(.summaryEasyRead))
    }

    /// Creates the writer.
    public init() {}

    /// Renders `guide` as `<slug>-easy-read.html` and `<slug>-easy-read.epub`.
    public func write(_ guide: Guide, options: WriterOptions) throws -> [OutputFile] {
        let labels = options.labels.labels(for: guide.metadata.language)
        let easy = EasyReadTransform.transform(guide, pictograms: options.pictograms, labels: labels)
        let profile: StyleProfile
        do {
            profile = try StyleProfile(name: EasyReadWriter.profileUse.defaultProfile, styles: options.styles, minimumBodySize: EasyReadWriter.profileUse.minimumBodySize)
        } catch {
            throw WriterError(formatID: formatID, message: "\(error)")
        }
        guard let base = options.styles[PrintDocument.styleSheet] else {
            throw WriterError(formatID: formatID, message: "the style sheet Styles/\(PrintDocument.styleSheet) is missing")
        }
        let versions = HTMLRenderer.versionsLine(options.versions, file: files[0], formatID: formatID, labels: labels)
        let html = try page(easy, profile: profile, base: base, labels: labels, versions: versions)
        let epub = try EPUBBook(guide: easy, options: options, edition: EasyReadWriter.edition(labels), coverSource: guide).archive()
        return [
            OutputFile(path: "\(guide.slug)-easy-read.html", bytes: html),
            OutputFile(path: "\(guide.slug)-easy-read.epub", bytes: epub),
        ]
    }
}

private extension EasyReadWriter {
    func page(_ guide: Guide, profile: StyleProfile, base: String, labels: Labels, versions: XMLNode?) throws -> [UInt8] {
        let edition = EasyReadWriter.edition(labels).title
        let document = PrintDocument(guide: guide, profile: profile, baseCSS: base, edition: edition, labels: labels)
        var renderer = HTMLRenderer(guide: guide, labels: labels, settings: .init(
            pictureSource: { PrintDocument.dataURI(guide.resources[$0.resource]) },
            glossaryHref: nil, ruledWriteSpaces: true, epubTypes: false, headingOffset: 1, easyRead: true))
        renderer.beginDocument("", reservedIDs: guide.chapters.compactMap { $0.heading?.id } + ["main", "contents-title", "glossary"])
        let header = document.cover(renderer: &renderer, titleSuffix: edition, versions: versions)
        var (content, contents) = document.chapterSections(renderer: &renderer, order: { $0 })
        if let glossary = document.glossarySection(termID: nil) {
            content.append(glossary.section)
            contents.append(glossary.entry)
        }
        return try document.page(contents: contents, header: header, main: content)
    }
}
