import WaymarkModel
import WaymarkXML

/// Renders the model's blocks and inlines as XHTML elements; the EPUB and
/// print writers share it and differ only in its settings.
struct HTMLRenderer {
    /// How a writer wants the shared parts rendered.
    struct Settings {
        /// The `src` for a picture (a path inside the book, or a `data:` URI).
        var pictureSource: (Picture) -> String
        /// The address of a glossary entry, to link a word's first use in each chapter to; nil for no link.
        var glossaryHref: ((String) -> String)?
        /// Draw write-spaces as boxes with ruled lines (print) rather than a prompt only (screen).
        var ruledWriteSpaces: Bool
        /// Add `epub:type` attributes (EPUB only).
        var epubTypes: Bool
        /// Added to every heading level: 1 where the page's `h1` is the guide's title.
        var headingOffset = 0
        /// Render easy-read rows (the easy-read format) instead of leaving them out.
        var easyRead = false
    }

    let guide: Guide
    /// The words the renderer adds (labels of boxes and contact cards), in the guide's language.
    let labels: Labels
    let settings: Settings
    /// Ids used in the document being rendered.
    var ids = IDMaker()
    /// The id of each glossary word's first use in the book, by term.
    private(set) var firstUseIDs: [String: (document: String, id: String)] = [:]
    private var linkedTermsInDocument: Set<String> = []
    /// Which words are explained and abbreviations written out, book-wide.
    private var explainer: WordExplainer
    private var currentDocument = ""

    init(guide: Guide, labels: Labels, settings: Settings) {
        self.guide = guide
        self.labels = labels
        self.settings = settings
        explainer = WordExplainer(guide: guide)
    }

    /// Starts a new document: ids and per-document links start again; book-wide explanations do not.
    mutating func beginDocument(_ name: String, reservedIDs: [String] = []) {
        currentDocument = name
        ids = IDMaker(reserved: Set(reservedIDs))
        linkedTermsInDocument = []
    }

    // MARK: - Blocks

    /// Renders blocks, with a chapter's urgent boxes first.
    mutating func blocks(_ blocks: [Block]) -> [XMLNode] {
        blocks.flatMap { block($0) }
    }

    mutating func block(_ block: Block) -> [XMLNode] {
        switch block.kind {
        case .heading(let heading):
            let level = min(max(heading.level + settings.headingOffset, 1), 6)
            return [HTML.element("h\(level)", [("id", heading.id)], inlines(heading.content, recognise: false))]
        case .paragraph(let content):
            return [HTML.element("p", [], inlines(content))]
        case .list(let list):
            let items = list.items.map { item in HTML.element("li", [], listItem(item)) }
            if list.ordered {
                return [HTML.element("ol", [("start", list.start == 1 ? nil : String(list.start))], items)]
            }
            return [HTML.element("ul", [], items)]
        case .quote(let inner):
            return [HTML.element("blockquote", [], blocks(inner))]
        case .table(let table):
            return [self.table(table)]
        case .picture(let picture):
            return [figure(picture)]
        case .callout(let callout):
            return [self.callout(callout)]
        case .contact(let contact):
            return [self.contact(contact)]
        case .writeSpace(let space):
            return [writeSpace(space)]
        case .easyRead(let rows):
            // The easy-read version of a section belongs to the easy-read format.
            return settings.easyRead ? rows.map { row($0) } : []
        }
    }

    /// An easy-read row: the picture on the left, each sentence on its own line on the right.
    mutating func row(_ row: EasyReadRow) -> XMLNode {
        var picture: [XMLNode] = []
        if let image = row.picture {
            picture.append(HTML.element("img", [
                ("src", settings.pictureSource(image)), ("alt", image.alt), ("aria-hidden", image.isDecorative ? "true" : nil),
            ]))
        }
        let sentences = SentenceSplitter.sentences(row.content).map { HTML.element("p", [], inlines($0)) }
        return HTML.element("div", [("class", "row")], [
            HTML.element("div", [("class", "row-picture")], picture),
            HTML.element("div", [("class", "row-words")], sentences),
        ])
    }

    /// A list item: a lone paragraph is rendered as the item's text (no `<p>`), so tight lists stay tight.
    mutating func listItem(_ item: [Block]) -> [XMLNode] {
        if item.count == 1, case .paragraph(let content) = item[0].kind { return inlines(content) }
        return blocks(item)
    }

    /// A table; each cell carries its column's header words (`data-label`), which a narrow
    /// screen shows above the cell when the rows become cards.
    mutating func table(_ table: Table) -> XMLNode {
        var head: [XMLNode] = []
        for cell in table.header {
            head.append(HTML.element("th", [("scope", "col")], inlines(cell)))
        }
        let labels = table.header.map { Inline.plainText($0) }
        var rows: [XMLNode] = []
        for row in table.rows {
            var cells: [XMLNode] = []
            for (column, cell) in row.enumerated() {
                let label = column < labels.count && !labels[column].isEmpty ? labels[column] : nil
                cells.append(HTML.element("td", [("data-label", label)], inlines(cell)))
            }
            rows.append(HTML.element("tr", [], cells))
        }
        return HTML.element("table", [], [
            HTML.element("thead", [], [HTML.element("tr", [], head)]),
            HTML.element("tbody", [], rows),
        ])
    }

    func figure(_ picture: Picture) -> XMLNode {
        if picture.isDecorative {
            return HTML.element("div", [("class", "picture decorative")], [
                HTML.element("img", [("src", settings.pictureSource(picture)), ("alt", ""), ("aria-hidden", "true")]),
            ])
        }
        var children = [HTML.element("img", [("src", settings.pictureSource(picture)), ("alt", picture.alt)])]
        if let caption = picture.caption {
            children.append(HTML.element("figcaption", [], [HTML.text(caption)]))
        }
        return HTML.element("figure", [("class", "picture")], children)
    }

    mutating func callout(_ callout: Callout) -> XMLNode {
        let label = callout.kind == .urgent ? labels(.urgent) : labels(.note)
        let id = ids.make(callout.kind.rawValue)
        // role="note" so that screen readers announce the box and its label.
        return HTML.element("div", [("class", callout.kind.rawValue), ("role", "note"), ("aria-labelledby", id)], [
            HTML.element("p", [("class", "label"), ("id", id)], [HTML.element("strong", [], [HTML.text(label)])]),
        ] + blocks(callout.blocks))
    }

    mutating func contact(_ contact: Contact) -> XMLNode {
        let id = ids.make("contact-" + contact.name)
        var rows: [XMLNode] = []
        func row(_ label: String, _ value: [XMLNode]) {
            rows.append(HTML.element("dt", [], [HTML.text(label)]))
            rows.append(HTML.element("dd", [], value))
        }
        if let audience = contact.audience { row(labels(.contactFor), [HTML.text(audience)]) }
        for phone in contact.phones {
            var value = [phoneLink(phone.number)]
            if let hours = phone.hours { value.append(HTML.text(" (\(hours))")) }
            row(labels(.contactPhone), value)
        }
        if let text = contact.text {
            row(labels(.contactText), [phoneLink(text, scheme: "sms:")])
        }
        if let email = contact.email { row(labels(.contactEmail), [HTML.element("a", [("href", LinkPolicy.encoded("mailto:" + email))], [HTML.text(email)])]) }
        if let website = contact.website { row(labels(.contactWebsite), [HTML.element("a", [("href", LinkPolicy.encoded(website)), ("class", "address")], [HTML.text(HTMLRenderer.displayAddress(website))])]) }
        if let chat = contact.chat { row(labels(.contactChat), [HTML.element("a", [("href", LinkPolicy.encoded(chat)), ("class", "address")], [HTML.text(HTMLRenderer.displayAddress(chat))])]) }
        if let hours = contact.hours { row(labels(.contactOpen), [HTML.text(hours)]) }
        if let cost = contact.cost { row(labels(.contactCost), [HTML.text(cost)]) }
        var children: [XMLNode] = [
            HTML.element("p", [("class", "contact-name"), ("id", id)], [HTML.element("strong", [], [HTML.text(contact.name)])]),
        ]
        if let about = contact.about { children.append(HTML.element("p", [("class", "contact-about")], [HTML.text(about)])) }
        children.append(HTML.element("dl", [], rows))
        // A labelled group, so that a screen reader announces the service's name with the card.
        return HTML.element("div", [("class", "contact"), ("role", "group"), ("aria-labelledby", id)], children)
    }

    mutating func writeSpace(_ space: WriteSpace) -> XMLNode {
        let id = ids.make("write")
        var children: [XMLNode] = [
            HTML.element("p", [("class", "label"), ("id", id)], [HTML.text(labels(.thinkAbout) + " ")] + inlines(space.prompt)),
        ]
        if settings.ruledWriteSpaces {
            let lines = (0..<space.lines).map { _ in HTML.element("div", [("class", "ruled-line")]) }
            children.append(HTML.element("div", [("class", "ruled-lines"), ("aria-hidden", "true")], lines))
        }
        return HTML.element("div", [("class", "write-space"), ("role", "note"), ("aria-labelledby", id)], children)
    }

    /// A number to call or text: shown as written, named digit by digit for screen readers.
    func phoneLink(_ number: PhoneNumber, scheme: String = "tel:") -> XMLNode {
        HTML.element("a", [("href", LinkPolicy.encoded(scheme + number.dial)), ("class", "phone"), ("aria-label", number.spoken)], [HTML.text(number.display)])
    }

    // MARK: - Inlines

    /// Renders running text; glossary words are explained on their first use in the book
    /// (unless the text defines them there: ``WordExplainer``) and linked to the glossary on
    /// their first use in each document.
    mutating func inlines(_ inlines: [Inline], recognise: Bool = true) -> [XMLNode] {
        var nodes: [XMLNode] = []
        for inline in inlines {
            switch inline.kind {
            case .text(let text):
                nodes.append(HTML.text(text))
            case .emphasis(let children):
                nodes.append(HTML.element("em", [], self.inlines(children, recognise: recognise)))
            case .strong(let children):
                nodes.append(HTML.element("strong", [], self.inlines(children, recognise: recognise)))
            case .link(let destination, let children):
                // A link that already shows its address is marked, so print does not repeat it.
                let showsAddress = HTMLRenderer.displayAddress(Inline.plainText(children)) == HTMLRenderer.displayAddress(destination)
                nodes.append(HTML.element("a", [("href", LinkPolicy.encoded(destination)), ("class", showsAddress ? "address" : nil)], self.inlines(children, recognise: false)))
            case .phone(let phone):
                nodes.append(phoneLink(phone))
            case .term(let use):
                nodes += term(use, at: inline.location, recognise: recognise)
            case .abbreviation(let use):
                let abbr = HTML.element("abbr", [("title", use.expansion)], [HTML.text(use.text)])
                if recognise, let expansion = explainer.firstExpansion(for: use, at: inline.location) {
                    nodes += [HTML.text("\(expansion) ("), abbr, HTML.text(")")]
                } else {
                    nodes.append(abbr)
                }
            case .lineBreak:
                nodes.append(HTML.element("br"))
            }
        }
        return nodes
    }

    mutating func term(_ use: GlossaryUse, at location: Location, recognise: Bool) -> [XMLNode] {
        guard recognise else { return [HTML.text(use.text)] }
        var word = HTML.text(use.text)
        if let href = settings.glossaryHref, linkedTermsInDocument.insert(use.term).inserted {
            let id = ids.make("use-" + use.term)
            if firstUseIDs[use.term] == nil { firstUseIDs[use.term] = (currentDocument, id) }
            var attributes: [(String, String?)] = [("href", href(use.term)), ("id", id), ("class", "term")]
            if settings.epubTypes { attributes.append(("epub:type", "glossref")) }
            word = HTML.element("a", attributes, [word])
        }
        if let explanation = explainer.explanation(for: use, at: location) {
            return [word, HTML.text(" (\(GuideText.inlineExplanation(explanation)))")]
        }
        return [word]
    }

    /// The line naming the guide's other language versions, each name in its own language: linked
    /// to that version's `file` (`<slug>-large-print.html`) when it is built in `formatID`, or the
    /// names alone when `file` is nil (a book cannot link outside itself). `xmlLang` adds
    /// `xml:lang` for XHTML.
    static func versionsLine(_ versions: [GuideVersion], file: String?, formatID: String, labels: Labels, xmlLang: Bool = false) -> XMLNode? {
        versionsLine(versions, labels: labels, xmlLang: xmlLang) { version in
            file.flatMap { version.builds(formatID) ? version.relativePath($0) : nil }
        }
    }

    /// The line naming the guide's other language versions, each linked to `href(version)` where it gives an address.
    static func versionsLine(_ versions: [GuideVersion], labels: Labels, xmlLang: Bool = false, href: (GuideVersion) -> String?) -> XMLNode? {
        guard !versions.isEmpty else { return nil }
        var names: [XMLNode] = []
        for (index, version) in versions.enumerated() {
            if index > 0 { names.append(HTML.text(labels(.listSeparator))) }
            let direction = Metadata.isRightToLeft(language: version.language) ? "rtl" : nil
            if let address = href(version) {
                names.append(HTML.element("a", [("href", LinkPolicy.encoded(address)), ("lang", version.language), ("hreflang", version.language), ("dir", direction)], [HTML.text(version.languageName)]))
            } else {
                names.append(HTML.element("span", [("lang", version.language), ("xml:lang", xmlLang ? version.language : nil), ("dir", direction)], [HTML.text(version.languageName)]))
            }
        }
        let (before, after) = labels.parts(.alsoIn, around: "languages")
        return HTML.element("p", [("class", "versions")], [HTML.text(before)] + names + [HTML.text(after)])
    }

    /// A web address as a reader sees it: without `https://` and a trailing slash.
    static func displayAddress(_ address: String) -> String {
        var text = address
        for scheme in ["https://", "http://"] where text.lowercased().hasPrefix(scheme) { text = String(text.dropFirst(scheme.count)) }
        while text.hasSuffix("/") { text.removeLast() }
        return text
    }
}
