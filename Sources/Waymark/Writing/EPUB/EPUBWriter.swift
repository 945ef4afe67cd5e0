import WaymarkModel
import WaymarkXML

/// Renders a guide as an accessible EPUB 3.3 e-book that passes EPUBCheck and
/// carries EPUB Accessibility 1.1 metadata worked out from its content.
public struct EPUBWriter: Writer {
    /// `epub`.
    public let formatID = "epub"
    /// What the format is for.
    public let summary = "EPUB 3 e-book with a table of contents, glossary and accessibility metadata."
    /// Who it is for.
    public let audience = "e-book readers: EPUB 3.3 with accessibility metadata"
    /// `<slug>.epub`.
    public let files = ["<slug>.epub"]
    /// An e-book, for e-book apps.
    public let downloads = [
        Download(file: "<slug>.epub", name: .downloadEPUB, about: .aboutEPUB, kind: .name("EPUB"), mediaType: "application/epub+zip"),
    ]
    /// The e-book's style sheet.
    public let styleSheets = [EPUBWriter.styleSheet]
    /// `epub.css`, embedded in every e-book (the easy-read edition's too).
    static let styleSheet = "epub.css"

    /// Creates the writer.
    public init() {}

    /// Renders `guide` as `<slug>.epub`.
    public func write(_ guide: Guide, options: WriterOptions) throws -> [OutputFile] {
        let bytes = try EPUBBook(guide: guide, options: options).archive()
        return [OutputFile(path: "\(guide.slug).epub", bytes: bytes)]
    }
}

/// Builds the documents of one book from a guide.
struct EPUBBook {
    static let coverFile = "cover.xhtml"
    static let titleFile = "title.xhtml"
    static let navFile = "nav.xhtml"
    static let helpFile = "who-can-help.xhtml"
    static let glossaryFile = "glossary.xhtml"

    let guide: Guide
    let options: WriterOptions
    /// The words the book adds, in the guide's language.
    let labels: Labels
    /// Words put before the accessibility summary and after the title, for editions (easy read).
    var edition: (title: String, summary: String)?
    /// The guide the cover takes its picture from: for an edition, the guide it was made from,
    /// so that both books of a guide have the same cover but for the edition's words.
    let coverSource: Guide

    init(guide: Guide, options: WriterOptions, edition: (title: String, summary: String)? = nil, coverSource: Guide? = nil) {
        self.guide = guide
        self.options = options
        self.labels = options.labels.labels(for: guide.metadata.language)
        self.edition = edition
        self.coverSource = coverSource ?? guide
    }

    func archive() throws -> [UInt8] {
        guard let css = options.styles[EPUBWriter.styleSheet] else {
            throw WriterError(formatID: "epub", message: "the style sheet Styles/\(EPUBWriter.styleSheet) is missing")
        }
        let metadata = guide.metadata
        var package = EPUBPackage(
            guide: guide, options: options,
            title: GuideText.editionTitle(metadata.title, edition: edition?.title, labels),
            identifier: metadata.identifier ?? StableIdentifier.urn(for: "\(metadata.publisher)/\(guide.slug)\(edition.map { "/" + $0.title } ?? "")"),
            accessibility: AccessibilityMetadata(guide: guide, labels: labels, edition: edition.map { $0.summary + " " } ?? "", showsEasyRead: edition != nil),
            styleSheet: css)
        package.showsEasyRead = edition != nil
        if metadata.cover == nil {
            let cover = Cover(
                title: metadata.title, edition: edition?.title, subtitle: metadata.subtitle, publisher: metadata.publisher, language: metadata.language, labels: labels,
                picture: Cover.picture(for: coverSource, pictograms: options.pictograms))
            package.generatedCover = Resource(
                mediaType: "image/svg+xml", bytes: try cover.svg(),
                fileName: EPUBPackage.unusedImageName("cover", extension: "svg", in: guide))
        }
        package.documents = documents(package)
        return try package.archive()
    }
}

// MARK: - Documents

private extension EPUBBook {
    /// The chapters that have a heading get a document each, in order.
    var chapters: [(file: String, chapter: Chapter, heading: Heading)] {
        let headed = guide.chapters.compactMap { chapter in chapter.heading.map { (chapter, $0) } }
        let width = String(headed.count).count < 2 ? 2 : String(headed.count).count
        return headed.enumerated().map { index, pair in
            let number = String(index + 1)
            return ("chapter-\(String(repeating: "0", count: width - number.count))\(number).xhtml", pair.0, pair.1)
        }
    }

    func documents(_ package: EPUBPackage) -> [EPUBDocument] {
        let metadata = guide.metadata
        let hasGlossary = !metadata.glossary.isEmpty
        let termID = TermIDs(metadata.glossary)
        var renderer = HTMLRenderer(guide: guide, labels: labels, settings: .init(
            pictureSource: { picture in "images/" + (guide.resources[picture.resource]?.fileName ?? "missing") },
            glossaryHref: hasGlossary ? { term in "\(EPUBBook.glossaryFile)#\(termID(term))" } : nil,
            ruledWriteSpaces: false, epubTypes: true, easyRead: edition != nil))
        let bookTitle = package.title
        var documents: [EPUBDocument] = []

        // The cover page, first in the reading order: the cover picture alone, named by its title.
        if let cover = package.cover {
            documents.append(EPUBDocument(fileName: EPUBBook.coverFile, title: "\(labels(.cover)) – \(bookTitle)", body: [
                main(HTML.element("section", [("epub:type", "cover")], [
                    HTML.element("img", [
                        ("src", "images/\(cover.fileName)"), ("alt", labels(.coverAlt, ["title": bookTitle])), ("role", "doc-cover"),
                        // The whole cover on one screen, whatever its shape (epub.css lets pictures only narrow).
                        ("style", "display: block; margin: 0 auto; max-width: 100%; max-height: 95vh; width: auto; height: auto;"),
                    ]),
                ])),
            ], linear: true))
        }

        // The title page, with any text that comes before the first chapter.
        renderer.beginDocument(EPUBBook.titleFile)
        var titleBody: [XMLNode] = []
        titleBody.append(HTML.element("h1", [("id", "title")], [HTML.text(bookTitle)]))
        if let subtitle = metadata.subtitle { titleBody.append(HTML.element("p", [("class", "subtitle")], [HTML.text(subtitle)])) }
        if let audience = GuideText.audienceLine(metadata, labels) { titleBody.append(HTML.element("p", [("class", "audience")], [HTML.text(audience)])) }
        titleBody.append(HTML.element("p", [("class", "publisher")], [HTML.text(GuideText.publisherLine(metadata, labels))]))
        if let versions = HTMLRenderer.versionsLine(options.versions, file: nil, formatID: "epub", labels: labels, xmlLang: true) {
            titleBody.append(versions)
        }
        titleBody.append(HTML.element("p", [("class", "summary")], [HTML.text(metadata.summary)]))
        for chapter in guide.chapters where chapter.heading == nil {
            titleBody += renderer.blocks(GuideText.urgentFirst(chapter.blocks))
        }
        documents.append(EPUBDocument(fileName: EPUBBook.titleFile, title: bookTitle, body: [
            main(section("titlepage", role: nil, labelledBy: "title", titleBody)),
        ]))

        // The navigation document: contents and landmarks.
        documents.append(EPUBDocument(fileName: EPUBBook.navFile, title: "\(labels(.contents)) – \(bookTitle)", body: navigation(title: bookTitle, hasCover: package.cover != nil), properties: "nav"))

        for (file, chapter, heading) in chapters {
            renderer.beginDocument(file, reservedIDs: chapter.blocks.compactMap { block in
                if case .heading(let section) = block.kind { return section.id } else { return nil }
            } + [heading.id])
            let body = [HTML.element("h1", [("id", heading.id)], renderer.inlines(heading.content, recognise: false))]
                + renderer.blocks(GuideText.urgentFirst(chapter.blocks))
            documents.append(EPUBDocument(
                fileName: file, title: "\(Inline.plainText(heading.content)) – \(bookTitle)",
                body: [main(section("chapter", role: "doc-chapter", labelledBy: heading.id, body))]))
        }

        let contacts = guide.contacts
        if !contacts.isEmpty {
            renderer.beginDocument(EPUBBook.helpFile, reservedIDs: ["who-can-help"])
            let body = [HTML.element("h1", [("id", "who-can-help")], [HTML.text(GuideText.helpTitle(for: guide, labels))])]
                + contacts.map { renderer.contact($0) }
            documents.append(EPUBDocument(
                fileName: EPUBBook.helpFile, title: "\(GuideText.helpTitle(for: guide, labels)) – \(bookTitle)",
                body: [main(section("appendix", role: "doc-appendix", labelledBy: "who-can-help", body))]))
        }

        if hasGlossary {
            var entries: [XMLNode] = []
            for entry in metadata.glossary {
                var definition: [XMLNode] = [HTML.text(entry.explanation)]
                if let use = renderer.firstUseIDs[entry.term] {
                    definition += [HTML.text(" "), HTML.element("a", [
                        ("href", "\(use.document)#\(use.id)"), ("role", "doc-backlink"),
                    ], [HTML.text(labels(.backToFirstUse, ["term": entry.term]))])]
                }
                entries.append(HTML.element("dt", [("id", termID(entry.term))], [
                    HTML.element("dfn", [], [HTML.text(entry.term)]),
                ]))
                entries.append(HTML.element("dd", [], definition))
            }
            let body = [
                HTML.element("h1", [("id", "glossary")], [HTML.text(labels(.glossary))]),
                HTML.element("dl", [("epub:type", "glossary")], entries),
            ]
            documents.append(EPUBDocument(
                fileName: EPUBBook.glossaryFile, title: "\(labels(.glossary)) – \(bookTitle)",
                body: [main(section("glossary", role: "doc-glossary", labelledBy: "glossary", body))]))
        }
        return documents
    }

    func main(_ content: XMLNode) -> XMLNode {
        HTML.element("main", [], [content])
    }

    /// A section with `epub:type` paired with its ARIA role, labelled by its heading.
    func section(_ type: String, role: String?, labelledBy: String, _ children: [XMLNode]) -> XMLNode {
        HTML.element("section", [("epub:type", type), ("role", role), ("aria-labelledby", labelledBy)], children)
    }

    /// The contents, numbered from the first chapter (the cover and title page are landmarks, not
    /// items: a reading system that shows the list numbered would count them), and the landmarks.
    func navigation(title bookTitle: String, hasCover: Bool) -> [XMLNode] {
        var items: [XMLNode] = []
        for (file, chapter, heading) in chapters {
            items.append(HTML.element("li", [], [
                HTML.element("a", [("href", file)], [HTML.text(Inline.plainText(heading.content))]),
            ] + sectionList(chapter.blocks, file: file)))
        }
        if !guide.contacts.isEmpty { items.append(link(EPUBBook.helpFile, GuideText.helpTitle(for: guide, labels))) }
        if !guide.metadata.glossary.isEmpty { items.append(link(EPUBBook.glossaryFile, labels(.glossary))) }
        // EPUB 3.3 §7.4.2: the toc nav's list must have an item; a guide of one untitled text has only the title page.
        if items.isEmpty { items.append(link(EPUBBook.titleFile, bookTitle)) }
        var landmarks: [XMLNode] = hasCover ? [landmark("cover", EPUBBook.coverFile, labels(.cover))] : []
        landmarks += [
            landmark("titlepage", EPUBBook.titleFile, labels(.titlePage)),
            landmark("toc", "\(EPUBBook.navFile)#toc", labels(.contents)),
        ]
        if let first = chapters.first { landmarks.append(landmark("bodymatter", first.file, labels(.startOfContent))) }
        if !guide.contacts.isEmpty { landmarks.append(landmark("appendix", EPUBBook.helpFile, GuideText.helpTitle(for: guide, labels))) }
        if !guide.metadata.glossary.isEmpty { landmarks.append(landmark("glossary", EPUBBook.glossaryFile, labels(.glossary))) }
        return [
            // In a main landmark, like every other document of the book (axe landmark-one-main).
            HTML.element("main", [], [
                HTML.element("nav", [("epub:type", "toc"), ("role", "doc-toc"), ("id", "toc"), ("aria-labelledby", "toc-title")], [
                    HTML.element("h1", [("id", "toc-title")], [HTML.text(labels(.contents))]),
                    HTML.element("ol", [], items),
                ]),
            ]),
            HTML.element("nav", [("epub:type", "landmarks"), ("id", "landmarks"), ("aria-labelledby", "landmarks-title"), ("hidden", "hidden")], [
                HTML.element("h2", [("id", "landmarks-title")], [HTML.text(labels(.landmarks))]),
                HTML.element("ol", [], landmarks),
            ]),
        ]
    }

    /// The nested list of a chapter's `##` and `###` sections.
    func sectionList(_ blocks: [Block], file: String) -> [XMLNode] {
        var sections: [(Heading, [Heading])] = []
        for block in blocks {
            guard case .heading(let heading) = block.kind else { continue }
            if heading.level == 2 || sections.isEmpty {
                sections.append((heading, []))
            } else {
                sections[sections.count - 1].1.append(heading)
            }
        }
        guard !sections.isEmpty else { return [] }
        let items = sections.map { section, subsections in
            var children: [XMLNode] = [
                HTML.element("a", [("href", "\(file)#\(section.id)")], [HTML.text(Inline.plainText(section.content))]),
            ]
            if !subsections.isEmpty {
                children.append(HTML.element("ol", [], subsections.map {
                    link("\(file)#\($0.id)", Inline.plainText($0.content))
                }))
            }
            return HTML.element("li", [], children)
        }
        return [HTML.element("ol", [], items)]
    }

    func link(_ href: String, _ text: String) -> XMLNode {
        HTML.element("li", [], [HTML.element("a", [("href", href)], [HTML.text(text)])])
    }

    func landmark(_ type: String, _ href: String, _ text: String) -> XMLNode {
        HTML.element("li", [], [HTML.element("a", [("epub:type", type), ("href", href)], [HTML.text(text)])])
    }
}
