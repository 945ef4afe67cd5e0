import Foundation
import WaymarkModel
import WaymarkXML

/// One Word document being turned into blocks: the walk over its body, with the state
/// Word's format spreads across paragraphs (lists, fields, footnotes waiting for the end
/// of their section, the paragraph count that places every note).
struct DocxConversion {
    let file: String
    let part: String
    let package: DocxPackage
    /// The relationships of the part being read (the main document's, or a note's).
    var relationships: [String: DocxPackage.Relationship]
    let styles: DocxStyles
    var numbering: DocxNumbering
    let comments: [String: String]
    let footnotes: [String: DocxNote]
    let endnotes: [String: DocxNote]

    /// The title and subtitle written in the Title and Subtitle styles, if any.
    private(set) var titleFromStyle: String?
    private(set) var subtitleFromStyle: String?

    var builder = DraftBuilder()
    /// The block lists being filled: the body first, then a table cell, a text box or a note inside it.
    var lists = [DocxBlockList()]
    /// The paragraph being read, counted through the whole part (tables and text boxes included).
    var paragraphNumber = 0
    /// Footnotes met since the last heading: their text goes at the end of the section.
    var pendingNotes: [(number: Int, note: DocxNote, place: ImportLocation)] = []
    var noteCount = 0
    /// Open fields (`w:fldChar`), which can run across paragraphs (a table of contents does).
    var fields: [DocxField] = []
    /// Word bookmarks in headings, by name: the top-level block of the heading.
    var headingBookmarks: [String: Int] = [:]
    /// Text whose paragraph mark was deleted: it joins the next paragraph (a tracked change).
    var carried: [TextSpan] = []
    var tables = 0
    var deletions = 0
    /// Kinds of note given once per document.
    var noted: Set<String> = []
    /// How deep in tables, text boxes and notes the walk is (headings only count at the top).
    var depth = 0

    init(
        file: String, part: String, package: DocxPackage, relationships: [String: DocxPackage.Relationship],
        styles: DocxStyles, numbering: DocxNumbering, comments: [String: String],
        footnotes: [String: DocxNote], endnotes: [String: DocxNote]
    ) {
        self.file = file
        self.part = part
        self.package = package
        self.relationships = relationships
        self.styles = styles
        self.numbering = numbering
        self.comments = comments
        self.footnotes = footnotes
        self.endnotes = endnotes
    }

    /// Where the paragraph being read is.
    var here: ImportLocation { ImportLocation(file: file, part: part, paragraph: max(paragraphNumber, 1)) }
    var location: Location { here.modelLocation }

    /// A note whose comment goes before the top-level block being made.
    mutating func note(_ message: String, at place: ImportLocation? = nil) {
        builder.note(message, at: place ?? here, block: lists[0].nextIndex)
    }

    /// Adds a block to the list being filled.
    mutating func add(_ block: Block, from place: ImportLocation) {
        lists[lists.count - 1].add(block, from: place)
    }

    /// The blocks `body` makes in a list of their own (a table cell, a text box, a note).
    mutating func nested(_ body: (inout DocxConversion) throws(ImportFailure) -> Void) throws(ImportFailure) -> [Block] {
        lists.append(DocxBlockList())
        depth += 1
        defer { depth -= 1 }
        do {
            try body(&self)
        } catch {
            lists.removeLast()
            throw error
        }
        return lists.removeLast().finishing()
    }

    /// A note given only the first time `kind` comes up.
    mutating func noteOnce(_ kind: String, _ message: String) {
        guard noted.insert(kind).inserted else { return }
        note(message)
    }

    // MARK: - The body

    mutating func convert(_ element: XMLElement) throws(ImportFailure) {
        try blocks(of: element)
        flushNotes()
        if deletions > 0 {
            builder.note(
                "the Word file has tracked changes: \(deletions) deletion\(deletions == 1 ? " was" : "s were") left out and insertions were kept, "
                    + "as if every change was accepted; check the draft says what the final document says",
                at: ImportLocation(file: file, part: part), frontMatter: "title")
        }
        lists[0].closeLists()
        for (index, block) in lists[0].blocks.enumerated() { builder.append(block, from: lists[0].places[index]) }
    }

    /// The blocks of a container of paragraphs and tables (the body, a cell, a text box, a note).
    mutating func blocks(of container: XMLElement) throws(ImportFailure) {
        for child in container.elements {
            switch child.name {
            case "w:p":
                try paragraph(child)
            case "w:tbl":
                try table(child)
            case "w:sdt":
                if DocxConversion.isTableOfContents(child) {
                    countParagraphs(in: child)
                    noteOnce("contents", "the Word file's table of contents was left out: every format Waymark makes has its own")
                    continue
                }
                if let content = child.child("w:sdtContent") { try blocks(of: content) }
            case "w:customXml", "w:ins", "w:moveTo", "w:smartTag":
                try blocks(of: child)
            case "mc:AlternateContent":
                if let branch = DocxConversion.branch(of: child) { try blocks(of: branch) }
            case "w:del", "w:moveFrom":
                deletions += 1
                countParagraphs(in: child)
            case "w:altChunk":
                noteOnce("altChunk", "a part of the Word file kept in another format (an 'alternative format chunk') was left out: copy its text into the draft if it is needed")
            default:
                continue
            }
        }
    }

    mutating func countParagraphs(in element: XMLElement) {
        if element.name == "w:p" { paragraphNumber += 1 }
        for child in element.elements { countParagraphs(in: child) }
    }

    // MARK: - Paragraphs

    mutating func paragraph(_ element: XMLElement) throws(ImportFailure) {
        paragraphNumber += 1
        let place = here
        let topLevel = lists.count == 1
        let properties = element.child("w:pPr")
        let styleID = properties?.child("w:pStyle")?.wordValue
        var role = styles.role(of: styleID)
        if !topLevel, case .heading = role { role = .body }
        var content = try runs(of: element)
        content.spans = carried + content.spans
        carried = []
        if properties?.descendant("w:rPr", "w:del") != nil {
            // §17.13.5.15: a deleted paragraph mark joins this paragraph to the next.
            carried = content.spans
            deletions += 1
            return
        }
        let hasWords = InlineAssembler.hasWords(content.spans)
        let inContents = fields.contains { $0.kind == .contents && $0.separated }
        if role == .contents || (inContents && content.pictures.isEmpty) {
            noteOnce("contents", "the Word file's table of contents was left out: every format Waymark makes has its own")
            return
        }
        for note in content.notes { builder.note(note.message, at: note.location, block: lists[0].nextIndex) }
        switch role {
        case .title where topLevel && titleFromStyle == nil && hasWords:
            titleFromStyle = InlineAssembler.plainText(content.spans)
        case .subtitle where topLevel && subtitleFromStyle == nil && hasWords:
            subtitleFromStyle = InlineAssembler.plainText(content.spans)
        case .heading(let level) where hasWords:
            lists[0].closeLists()
            flushNotes()
            for name in content.bookmarks { headingBookmarks[name] = lists[0].nextIndex }
            if level > 6 {
                noteOnce("deep-heading", "the Word file has headings deeper than level 6 (Heading \(level)); they became level 6 headings, the deepest a guide has")
            }
            let inlines = InlineAssembler.inlines(content.spans, recognise: false, breaks: false)
            add(Block(.heading(Heading(level: min(level, 6), content: inlines, id: "")), at: location), from: place)
            for picture in content.pictures { add(picture, from: place) }
        default:
            let inlines = InlineAssembler.inlines(content.spans, recognise: true)
            let paragraphs = inlines.isEmpty ? [] : [Block(.paragraph(inlines), at: location)]
            if let (numID, level) = listMembership(properties, styleID: styleID), let definition = numbering.level(numID, level) {
                let number = numbering.next(numID, level)
                let items = paragraphs + content.pictures
                if !items.isEmpty {
                    lists[lists.count - 1].addItem(items, numID: numID, level: level, ordered: definition.ordered, number: number, at: location, from: place)
                }
            } else if role == .quote, !paragraphs.isEmpty {
                add(Block(.quote(paragraphs), at: location), from: place)
                for picture in content.pictures { add(picture, from: place) }
            } else {
                for block in paragraphs + content.pictures { add(block, from: place) }
            }
        }
        for box in content.boxes {
            // A text box's paragraphs follow the paragraph the box is anchored in.
            let inner = try nested { (conversion: inout DocxConversion) throws(ImportFailure) in try conversion.blocks(of: box) }
            for block in inner { add(block, from: place) }
        }
    }

    /// A list's number and level for a paragraph: its own `w:numPr`, else its style's (§17.3.1.19).
    func listMembership(_ properties: XMLElement?, styleID: String?) -> (String, Int)? {
        if let numPr = properties?.child("w:numPr") {
            let level = numPr.child("w:ilvl")?.wordValue.flatMap(Int.init) ?? 0
            if let numID = numPr.child("w:numId")?.wordValue { return numID == "0" ? nil : (numID, min(max(level, 0), 8)) }
            if let inherited = styles.numbering(of: styleID) { return (inherited.numID, min(max(level, 0), 8)) }
            return nil
        }
        guard let inherited = styles.numbering(of: styleID), inherited.numID != "0" else { return nil }
        return (inherited.numID, min(max(inherited.level ?? 0, 0), 8))
    }

    // MARK: - Footnotes at the end of their section

    /// Writes the footnotes met since the last heading as paragraphs ("Note 1: …").
    mutating func flushNotes() {
        guard !pendingNotes.isEmpty else { return }
        lists[lists.count - 1].closeLists()
        let notes = pendingNotes
        pendingNotes = []
        let main = relationships
        defer { relationships = main }
        for note in notes {
            relationships = note.note.relationships
            var first = true
            for paragraph in note.note.content.children("w:p") {
                guard var content = try? runs(of: paragraph) else { continue }
                if first {
                    content.spans.insert(TextSpan(.text("Note \(note.number): "), at: note.place.modelLocation), at: 0)
                    first = false
                }
                let inlines = InlineAssembler.inlines(content.spans, recognise: true)
                if !inlines.isEmpty { add(Block(.paragraph(inlines), at: note.place.modelLocation), from: note.place) }
                for picture in content.pictures { add(picture, from: note.place) }
            }
        }
    }

    // MARK: - The end

    mutating func finish(properties: DocumentProperties) -> ImportResult {
        var finished = builder.finish(properties: properties)
        InternalLinks.resolve(&finished, anchors: headingBookmarks, places: builder.places)
        return finished
    }

    // MARK: - Markup compatibility and content controls

    /// The branch of `mc:AlternateContent` to read (ECMA-376 Part 3 §10.2): the first choice,
    /// which Word writes for its own newer markup, else the fallback. Only one is read, so that
    /// a text box written both ways is not read twice.
    static func branch(of element: XMLElement) -> XMLElement? {
        element.child("mc:Choice") ?? element.child("mc:Fallback")
    }

    /// Whether a content control holds a table of contents (§17.5.2.12 `w:docPartGallery`).
    static func isTableOfContents(_ element: XMLElement) -> Bool {
        guard let gallery = element.descendant("w:sdtPr", "w:docPartObj", "w:docPartGallery")?.wordValue else { return false }
        return gallery.lowercased().contains("table of contents")
    }
}
