import Foundation
import WaymarkModel
import WaymarkXML

/// One web page's main content being turned into blocks.
struct HTMLConversion {
    /// Formatting from the elements around a piece of text.
    struct Format {
        var strong = false
        var emphasis = false
        var link: String?
    }

    /// Elements whose content is never part of a guide.
    static let skipped: Set<String> = [
        "head", "script", "style", "noscript", "template", "nav", "form", "button", "input", "select", "textarea",
        "option", "canvas", "svg", "math", "map", "dialog", "del", "s", "strike", "meter", "progress", "menu", "link", "meta",
    ]
    /// Elements that are left out with a note: media and frames Waymark cannot keep.
    static let media: Set<String> = ["iframe", "video", "audio", "object", "embed", "frame", "frameset", "applet", "picture"]
    /// Elements that end the paragraph before them.
    static let blocks: Set<String> = [
        "h1", "h2", "h3", "h4", "h5", "h6", "p", "div", "section", "article", "main", "header", "footer", "aside", "address",
        "center", "fieldset", "details", "summary", "hgroup", "figcaption", "legend", "caption", "ul", "ol", "dir", "li", "dl",
        "dt", "dd", "blockquote", "table", "figure", "pre", "hr",
    ]
    /// Class and id words of page furniture (cookie banners, breadcrumbs, sharing buttons…).
    static let furniture: Set<String> = [
        "cookie", "cookies", "consent", "gdpr", "skip", "skiplink", "breadcrumb", "breadcrumbs", "share", "sharing", "social",
        "newsletter", "feedback", "survey", "backtotop", "pagination", "toolbar", "navbar", "navigation", "sitenav",
        "masthead", "sitefooter", "siteheader", "visuallyhidden", "sronly", "printonly",
    ]
    /// ARIA landmark roles of page furniture.
    static let furnitureRoles: Set<String> = ["navigation", "banner", "contentinfo", "search", "dialog", "alertdialog", "menu", "menubar"]

    let file: String
    let folder: URL
    let base: URL?
    var builder = DraftBuilder()
    /// Block lists being filled inside a list item, a quote or a table cell; empty at the top level.
    var targets: [[Block]] = []
    var spans: [TextSpan] = []
    var pictures: [Block] = []
    var tables = 0
    var noted: Set<String> = []
    /// Ids met since the last top-level block, and the heading block each id names.
    var pendingIDs: [String] = []
    var anchors: [String: Int] = [:]
    var line = 1

    init(file: String, folder: URL, base: URL?) {
        self.file = file
        self.folder = folder
        self.base = base
    }

    var here: ImportLocation { ImportLocation(file: file, line: line) }
    var location: Location { here.modelLocation }

    mutating func note(_ message: String) {
        builder.note(message, at: here)
    }

    mutating func noteOnce(_ kind: String, _ message: String) {
        guard noted.insert(kind).inserted else { return }
        note(message)
    }

    mutating func add(_ block: Block) {
        if targets.isEmpty {
            if case .heading = block.kind {
                for id in pendingIDs { anchors[id] = builder.blocks.count }
            }
            pendingIDs = []
            builder.append(block, from: here)
        } else {
            targets[targets.count - 1].append(block)
        }
    }

    /// The blocks `body` makes in a list of their own (a list item, a quote, a cell).
    mutating func nested(_ body: (inout HTMLConversion) throws(ImportFailure) -> Void) throws(ImportFailure) -> [Block] {
        flush()
        targets.append([])
        do {
            try body(&self)
        } catch {
            targets.removeLast()
            throw error
        }
        flush()
        return targets.removeLast()
    }

    mutating func convert(_ content: XMLElement) throws(ImportFailure) {
        try children(of: content, format: Format())
        flush()
    }

    mutating func finish(properties: DocumentProperties) -> ImportResult {
        var finished = builder.finish(properties: properties)
        InternalLinks.resolve(&finished, anchors: anchors, places: builder.places)
        return finished
    }

    // MARK: - Flow

    /// The paragraph gathered so far, then the pictures that were in it.
    mutating func flush() {
        let inlines = InlineAssembler.inlines(spans, recognise: true)
        spans = []
        if !inlines.isEmpty { add(Block(.paragraph(inlines), at: inlines[0].location)) }
        let found = pictures
        pictures = []
        for picture in found { add(picture) }
    }

    mutating func children(of element: XMLElement, format: Format) throws(ImportFailure) {
        for child in element.children {
            switch child {
            case .text(let text):
                spans.append(TextSpan(.text(text), strong: format.strong, emphasis: format.emphasis, link: format.link, at: location))
            case .element(let inner):
                try node(inner, format: format)
            case .comment:
                continue
            }
        }
    }

    mutating func node(_ element: XMLElement, format: Format) throws(ImportFailure) {
        if element.line > 0 { line = element.line }
        let name = element.name
        // A block ends the paragraph before it first, so that an id on it stays with what follows.
        if HTMLConversion.blocks.contains(name) { flush() }
        if let id = element.attribute("id") ?? (name == "a" ? element.attribute("name") : nil), !id.isEmpty { pendingIDs.append(id) }
        if HTMLConversion.media.contains(name) {
            note("\(name == "iframe" || name == "frame" ? "a frame showing another page" : "a video, sound or embedded object") was left out here: "
                 + "say in words what it shows, or link to it")
            return
        }
        if HTMLConversion.skipped.contains(name) || HTMLConversion.isBoilerplate(element) { return }
        var format = format
        switch name {
        case "h1", "h2", "h3", "h4", "h5", "h6":
            try children(of: element, format: format)
            let inlines = InlineAssembler.inlines(spans, recognise: false, breaks: false)
            spans = []
            if !inlines.isEmpty {
                if targets.isEmpty {
                    add(Block(.heading(Heading(level: Int(String(name.dropFirst())) ?? 2, content: inlines, id: "")), at: location))
                } else {
                    add(Block(.paragraph([Inline(.strong(inlines), at: location)]), at: location))
                }
            }
            flush()
        case "p", "div", "section", "article", "main", "header", "footer", "aside", "address", "center", "fieldset", "details",
             "summary", "hgroup", "figcaption", "legend", "caption":
            flush()
            try children(of: element, format: format)
            flush()
        case "ul", "ol", "dir":
            flush()
            try list(element, ordered: name == "ol", format: format)
        case "li":
            // An item outside a list: its words as a paragraph.
            flush()
            try children(of: element, format: format)
            flush()
        case "dl":
            flush()
            for item in element.elements {
                try node(item, format: format)
            }
        case "dt":
            flush()
            var bold = format
            bold.strong = true
            try children(of: element, format: bold)
            flush()
        case "dd":
            flush()
            try children(of: element, format: format)
            flush()
        case "blockquote":
            let inner = try nested { (conversion: inout HTMLConversion) throws(ImportFailure) in try conversion.children(of: element, format: format) }
            if !inner.isEmpty { add(Block(.quote(inner), at: location)) }
        case "table":
            flush()
            try table(element, format: format)
        case "figure":
            flush()
            try children(of: element, format: format)
            flush()
        case "pre":
            flush()
            try preformatted(element, format: format)
            flush()
        case "br":
            spans.append(TextSpan(.lineBreak, at: location))
        case "hr":
            flush()
        case "img":
            picture(element)
        case "a":
            if HTMLConversion.isSkipLink(element) { return }
            if let href = element.attribute("href") { format.link = link(href) }
            try children(of: element, format: format)
        case "strong", "b":
            format.strong = true
            try children(of: element, format: format)
        case "em", "i", "cite", "dfn", "var":
            format.emphasis = true
            try children(of: element, format: format)
        default:
            try children(of: element, format: format)
        }
    }

    /// `<pre>`: its lines as one paragraph with line breaks.
    mutating func preformatted(_ element: XMLElement, format: Format) throws(ImportFailure) {
        let text = element.textContent
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if index > 0 { spans.append(TextSpan(.lineBreak, at: location)) }
            spans.append(TextSpan(.text(String(line)), strong: format.strong, emphasis: format.emphasis, link: format.link, at: location))
        }
    }

    mutating func list(_ element: XMLElement, ordered: Bool, format: Format) throws(ImportFailure) {
        // A bullet list starts at 0, as cmark gives one (so that the draft reads back the same).
        let start = ordered ? (element.attribute("start").flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } ?? 1) : 0
        let place = location
        var items: [[Block]] = []
        for item in element.elements where !HTMLConversion.isBoilerplate(item) && !HTMLConversion.skipped.contains(item.name) {
            if item.line > 0 { line = item.line }
            let blocks = try nested { (conversion: inout HTMLConversion) throws(ImportFailure) in
                if item.name == "li" { try conversion.children(of: item, format: format) } else { try conversion.node(item, format: format) }
            }
            if !blocks.isEmpty { items.append(blocks) }
        }
        if !items.isEmpty { add(Block(.list(ListBlock(ordered: ordered, start: max(0, min(start, 999_999_999)), items: items)), at: place)) }
    }
}

// MARK: - What to leave out

extension HTMLConversion {
    /// The words of an element's `class` and `id`, lower case, without `-` and `_`
    /// (`cookie-banner` gives `cookie`, `banner` and `cookiebanner`).
    static func tokens(of element: XMLElement) -> Set<String> {
        var result: Set<String> = []
        for value in [element.attribute("class"), element.attribute("id")].compactMap({ $0 }) {
            for word in value.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }) {
                result.insert(word.replacingOccurrences(of: "-", with: "").replacingOccurrences(of: "_", with: ""))
                for part in word.split(whereSeparator: { $0 == "-" || $0 == "_" }) { result.insert(String(part)) }
            }
        }
        return result
    }

    /// Whether an element is hidden from everyone (`hidden`, `aria-hidden`, `display: none`).
    static func isHidden(_ element: XMLElement) -> Bool {
        if element.attribute("hidden") != nil || element.attribute("aria-hidden")?.lowercased() == "true" { return true }
        let style = (element.attribute("style") ?? "").lowercased().replacingOccurrences(of: " ", with: "")
        return style.contains("display:none") || style.contains("visibility:hidden")
    }

    /// Whether an element is page furniture rather than content.
    static func isBoilerplate(_ element: XMLElement) -> Bool {
        if isHidden(element) { return true }
        if let role = element.attribute("role")?.lowercased(), furnitureRoles.contains(role) { return true }
        return !tokens(of: element).isDisjoint(with: furniture)
    }

    /// "Skip to main content" and its kind: a link to a place on the page that starts with "Skip".
    static func isSkipLink(_ element: XMLElement) -> Bool {
        guard element.attribute("href")?.hasPrefix("#") == true else { return false }
        return DocxConversion.snippetWhole(element.textContent).lowercased().hasPrefix("skip")
    }

    /// How many words an element holds, leaving out what the reader leaves out.
    static func words(in element: XMLElement) -> Int {
        guard !skipped.contains(element.name), !isBoilerplate(element) else { return 0 }
        var count = 0
        for child in element.children {
            switch child {
            case .text(let text): count += text.split(whereSeparator: { $0.isWhitespace }).count
            case .element(let inner): count += words(in: inner)
            case .comment: continue
            }
        }
        return count
    }
}
