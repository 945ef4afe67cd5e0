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

    init(guide: Guide, edition: String = "") {
        var informative = 0
        var decorative = 0
        var tables = 0
        var addPicture = { (picture: Picture) in if picture.isDecorative { decorative += 1 } else { informative += 1 } }
        if let cover = guide.metadata.cover { addPicture(cover) }
        guide.forEachBlock { block in
            switch block.kind {
            case .picture(let picture): addPicture(picture)
            case .table: tables += 1
            default: break
            }
        }
        addPicture = { _ in }
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
        var parts = ["\(edition)This e-book has \(chapters) \(chapters == 1 ? "chapter" : "chapters") with headings, a table of contents and a list of services that can help."]
        if visual {
            parts.append("Its \(informative) \(informative == 1 ? "picture has" : "pictures have") a text description; decorative pictures are hidden from screen readers.")
        } else {
            parts.append("All its content is text.")
        }
        if !guide.metadata.glossary.isEmpty { parts.append("Hard words are explained where they are first used and in a glossary at the end.") }
        if tables > 0 { parts.append("Tables have header cells.") }
        parts.append("Phone numbers are links, and the text can be resized and restyled by the reading system.")
        summary = parts.joined(separator: " ")
    }
}
