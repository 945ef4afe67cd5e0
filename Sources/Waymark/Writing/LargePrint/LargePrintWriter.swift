import WaymarkModel
import WaymarkXML

/// Renders a guide as one self-contained large-print HTML file for screens and
/// A4 handouts, styled by a profile from `Styles/` (18 pt by default).
public struct LargePrintWriter: Writer {
    /// `large-print`.
    public let formatID = "large-print"
    /// What the format is for.
    public let summary = "Large-print HTML (18 pt by default) for screens and printed A4 handouts, in one file."

    /// Who it is for.
    public let audience = "screens and printed A4 handouts: one self-contained file, 18 pt by default"
    /// `<slug>-large-print.html`.
    public let files = ["<slug>-large-print.html"]
    /// The large-print web page: the site's first choice (HTML first, as GOV.UK advises).
    public let downloads = [
        Download(file: "<slug>-large-print.html", name: .downloadLargePrint, about: .aboutLargePrint, kind: .name("HTML"), mediaType: "text/html", isFirstChoice: true),
    ]
    /// The print layout it shares with easy read.
    public let styleSheets = [PrintDocument.styleSheet]
    /// `large-print*.css` and `giant-print*.css`, at least 16 pt (UKAAF G003).
    public let profiles: StyleProfileUse? = LargePrintWriter.profileUse
    static let profileUse = StyleProfileUse(
        prefixes: ["large-print", "giant-print"], defaultProfile: "large-print", minimumBodySize: Thresholds.largePrintMinimumPoints,
        idealBodySize: Thresholds.largePrintIdealPoints, takesStyleOption: true)

    /// Creates the writer.
    public init() {}

    /// Renders `guide` as `<slug>-large-print.html`.
    public func write(_ guide: Guide, options: WriterOptions) throws -> [OutputFile] {
        let profile: StyleProfile
        do {
            profile = try StyleProfile(name: options.style ?? LargePrintWriter.profileUse.defaultProfile, styles: options.styles, minimumBodySize: LargePrintWriter.profileUse.minimumBodySize)
        } catch {
            throw WriterError(formatID: formatID, message: "\(error)")
        }
        guard let base = options.styles[PrintDocument.styleSheet] else {
            throw WriterError(formatID: formatID, message: "the style sheet Styles/\(PrintDocument.styleSheet) is missing")
        }
        let labels = options.labels.labels(for: guide.metadata.language)
        let document = PrintDocument(guide: guide, profile: profile, baseCSS: base, edition: nil, labels: labels)
        let hasGlossary = !guide.metadata.glossary.isEmpty
        let termID = TermIDs(guide.metadata.glossary)
        var renderer = HTMLRenderer(guide: guide, labels: labels, settings: .init(
            pictureSource: { PrintDocument.dataURI(guide.resources[$0.resource]) },
            glossaryHref: hasGlossary ? { "#" + termID($0) } : nil,
            ruledWriteSpaces: true, epubTypes: false, headingOffset: 1))
        var reserved = guide.chapters.flatMap { chapter in
            (chapter.heading.map { [$0.id] } ?? []) + chapter.blocks.compactMap { block in
                if case .heading(let heading) = block.kind { return heading.id } else { return nil }
            }
        }
        reserved += ["main", "contents-title", "who-can-help", "glossary"] + termID.all
        renderer.beginDocument("", reservedIDs: reserved)
        let versions = HTMLRenderer.versionsLine(options.versions, file: files[0], formatID: formatID, labels: labels)
        let header = document.cover(renderer: &renderer, versions: versions)

        var (content, contents) = document.chapterSections(renderer: &renderer, order: GuideText.urgentFirst)
        let contacts = guide.contacts
        if !contacts.isEmpty {
            contents.append(("who-can-help", GuideText.helpTitle(for: guide, labels)))
            content.append(HTML.element("section", [("class", "who-can-help"), ("aria-labelledby", "who-can-help")], [
                HTML.element("h2", [("id", "who-can-help")], [HTML.text(GuideText.helpTitle(for: guide, labels))]),
            ] + contacts.map { renderer.contact($0) }))
        }
        if let glossary = document.glossarySection(termID: { termID($0) }) {
            content.append(glossary.section)
            contents.append(glossary.entry)
        }
        let bytes = try document.page(contents: contents, header: header, main: content)
        return [OutputFile(path: "\(guide.slug)-large-print.html", bytes: bytes)]
    }
}
