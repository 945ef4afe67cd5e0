import WaymarkModel

/// EPUB Accessibility 1.1 metadata, worked out from what the guide contains.
struct AccessibilityMetadata: Equatable {
    var accessModes: [String]
    var accessModesSufficient: [String]
    var features: [String]
    var hazards: [String]
    var summary: String

    /// The claim written when the guide passed every check.
    static let conformance = "EPUB Accessibility 1.1 - WCAG 2.2 Level AA"

    /// Works the metadata out from `guide`. `edition` is the sentence that starts the summary of an
    /// edition; only the easy-read edition has one, and it is the only book that shows easy-read
    /// rows, so their pictures count when `edition` is given (or when `showsEasyRead` says so).
    init(guide: Guide, labels: Labels, edition: String = "", showsEasyRead: Bool? = nil) {
        let rowsShown = showsEasyRead ?? !edition.isEmpty
        var informative = 0
        var tables = 0
        func add(_ picture: Picture) {
            if !picture.isDecorative { informative += 1 }
        }
        if let cover = guide.metadata.cover { add(cover) }
        // Every kind is listed so that a new kind of block with pictures cannot be missed.
        guide.forEachBlock { block in
            switch block.kind {
            case .picture(let picture): add(picture)
            case .table: tables += 1
            case .easyRead(let rows):
                // Rows are shown only in the easy-read edition (``HTMLRenderer/Settings/easyRead``).
                if rowsShown { rows.compactMap(\.picture).forEach(add) }
            case .heading, .paragraph, .list, .quote, .callout, .contact, .writeSpace: break
            }
        }
        let visual = informative > 0
        // Informative pictures always carry alt text here (empty alt text marks a decorative one).
        accessModes = visual ? ["textual", "visual"] : ["textual"]
        accessModesSufficient = visual ? ["textual", "textual,visual"] : ["textual"]
        var features = ["structuralNavigation", "tableOfContents", "readingOrder", "displayTransformability"]
        if visual { features.append("alternativeText") }
        // The glossary is told in the summary: "glossary" is not a term of the
        // accessibilityFeature vocabulary (W3C, schema.org), and Ace rejects it.
        self.features = features
        hazards = ["none"]
        let chapters = guide.chapters.compactMap(\.heading).count
        // In the guide's language: the summary is what a reading system shows or reads out.
        var parts = [edition + labels(.summaryChapters, count: chapters)]
        parts.append(visual ? labels(.summaryPictures, count: informative) : labels(.summaryTextOnly))
        if !guide.metadata.glossary.isEmpty { parts.append(labels(.summaryGlossary)) }
        if tables > 0 { parts.append(labels(.summaryTables)) }
        parts.append(labels(.summaryPhones))
        summary = parts.joined(separator: " ")
    }
}
