import Foundation
import WaymarkModel
import WaymarkXML

/// The single self-contained HTML file that print formats make: CSS inlined,
/// pictures embedded, no script, readable offline on a phone and on A4.
struct PrintDocument {
    let guide: Guide
    /// The layout that large print and easy read share, in `Styles/`.
    static let styleSheet = "print.css"

    let profile: StyleProfile
    let baseCSS: String
    /// Words after the title in `<title>` and the running head (e.g. "Easy read").
    let edition: String?
    /// The words the page adds, in the guide's language.
    let labels: Labels

    /// The `src` of a picture: its bytes as a `data:` URI, so the file needs nothing else.
    static func dataURI(_ resource: Resource?) -> String {
        guard let resource else { return "" }
        return "data:\(resource.mediaType);base64," + Data(resource.bytes).base64EncodedString()
    }

    /// The whole page, with `main` holding `content` and a contents list of `contents` (id, text).
    func page(contents: [(id: String, text: String)], header: [XMLNode], main content: [XMLNode]) throws -> [UInt8] {
        let metadata = guide.metadata
        let title = GuideText.editionTitle(metadata.title, edition: edition, labels)
        let date = labels.date(metadata.published)
        var body: [XMLNode] = [
            HTML.element("a", [("class", "skip-link"), ("href", "#main")], [HTML.text(labels(.skipLink))]),
            HTML.element("header", [("class", "page cover")], header),
        ]
        if contents.count > 1 {
            body.append(HTML.element("nav", [("class", "page contents"), ("aria-labelledby", "contents-title")], [
                HTML.element("h2", [("id", "contents-title")], [HTML.text(labels(.contents))]),
                HTML.element("ol", [], contents.map { item in
                    HTML.element("li", [], [HTML.element("a", [("href", "#\(item.id)")], [HTML.text(item.text)])])
                }),
            ]))
        }
        body.append(HTML.element("main", [("id", "main"), ("class", "page")], content))
        var htmlAttributes = [XMLAttribute("lang", metadata.language)]
        if metadata.isRightToLeft { htmlAttributes.append(XMLAttribute("dir", "rtl")) }
        let root = XMLElement("html", attributes: htmlAttributes, children: [
            HTML.element("head", [], [
                HTML.element("meta", [("charset", "utf-8")]),
                HTML.element("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")]),
                HTML.element("meta", [("name", "waymark-body-size"), ("content", "\(StyleProfile.format(profile.bodySize))pt")]),
                HTML.element("title", [], [HTML.text(title)]),
                HTML.element("style", [], [HTML.text(css(title: title, date: date))]),
            ]),
            HTML.element("body", [], body),
        ])
        return try XMLDocument.serializeHTML(root)
    }

    /// The base CSS, the profile, then the running head and page numbers at body size.
    func css(title: String, date: String) -> String {
        let size = StyleProfile.format(profile.bodySize)
        let runningHead = PrintDocument.cssString(labels(.runningHead, ["title": title, "date": date]))
        // "Page {page} of {pages}" as CSS: the words as strings, the names as the page counters
        // (a catalogue has exactly English's names, {page} and {pages}: its check sees to that).
        let pageNumber = labels.pieces(.pageNumber).map { piece -> String in
            switch piece {
            case .text(let text): return PrintDocument.cssString(text)
            case .name(let name): return "counter(\(name == "pages" ? "pages" : "page"))"
            }
        }.joined(separator: " ")
        return baseCSS + "\n/* Profile: \(PrintDocument.cssComment(profile.name)) */\n" + profile.css + """

            /* Running head and page numbers, on every printed page (page numbers at body size, UKAAF). */
            @page {
              @top-left { content: \(runningHead); font-family: Verdana, Tahoma, "DejaVu Sans", sans-serif; font-size: 12pt; color: #000000; }
              @bottom-center { content: \(pageNumber); font-family: Verdana, Tahoma, "DejaVu Sans", sans-serif; font-size: \(size)pt; color: #000000; }
            }

            """
    }

    /// Text that can sit inside a CSS comment: it cannot end the comment (`*/`), and
    /// holds nothing but printable ASCII letters, digits and a few marks.
    static func cssComment(_ text: String) -> String {
        String(text.unicodeScalars.map { scalar -> Character in
            scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || "-_. ".unicodeScalars.contains(scalar)) ? Character(scalar) : "?"
        })
    }

    /// A CSS string literal.
    static func cssString(_ text: String) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case "\n", "\r": escaped += " "
            default:
                // Non-ASCII as CSS escapes: libxml2's HTML writer would turn it into
                // entities, which CSS inside <style> does not read.
                // Controls as escapes too: CSS reads a form feed as a line end, which would end the string.
                if scalar.isASCII && scalar.value >= 0x20 && scalar.value != 0x7F && scalar != "<" && scalar != ">" && scalar != "&" {
                    escaped.unicodeScalars.append(scalar)
                } else {
                    escaped += "\\" + String(scalar.value, radix: 16) + " "
                }
            }
        }
        return "\"\(escaped)\""
    }

    /// The chapters as sections under `h2` headings, with their entries for the contents list;
    /// blocks before the first chapter come first, outside any section.
    func chapterSections(renderer: inout HTMLRenderer, order: ([Block]) -> [Block]) -> (content: [XMLNode], contents: [(id: String, text: String)]) {
        var content: [XMLNode] = []
        var contents: [(id: String, text: String)] = []
        for chapter in guide.chapters {
            let blocks = renderer.blocks(order(chapter.blocks))
            guard let heading = chapter.heading else {
                content += blocks
                continue
            }
            contents.append((heading.id, Inline.plainText(heading.content)))
            content.append(HTML.element("section", [("class", "chapter"), ("aria-labelledby", heading.id)], [
                HTML.element("h2", [("id", heading.id)], renderer.inlines(heading.content, recognise: false)),
            ] + blocks))
        }
        return (content, contents)
    }

    /// The glossary at the end, if the guide has one; `termID` gives each entry an id to link to.
    func glossarySection(termID: ((String) -> String)?) -> (section: XMLNode, entry: (id: String, text: String))? {
        guard !guide.metadata.glossary.isEmpty else { return nil }
        var entries: [XMLNode] = []
        for entry in guide.metadata.glossary {
            entries.append(HTML.element("dt", [("id", termID?(entry.term))], [HTML.element("dfn", [], [HTML.text(entry.term)])]))
            entries.append(HTML.element("dd", [], [HTML.text(entry.explanation)]))
        }
        let section = HTML.element("section", [("class", "glossary"), ("aria-labelledby", "glossary")], [
            HTML.element("h2", [("id", "glossary")], [HTML.text(labels(.glossary))]),
            HTML.element("dl", [], entries),
        ])
        return (section, ("glossary", labels(.glossary)))
    }

    /// The cover: title, subtitle, audience, publisher and date, summary.
    func cover(renderer: inout HTMLRenderer, titleSuffix: String? = nil, versions: XMLNode? = nil) -> [XMLNode] {
        let metadata = guide.metadata
        var nodes: [XMLNode] = []
        if let cover = metadata.cover { nodes.append(renderer.figure(cover)) }
        nodes.append(HTML.element("h1", [], [HTML.text(GuideText.editionTitle(metadata.title, edition: titleSuffix, labels))]))
        if let subtitle = metadata.subtitle { nodes.append(HTML.element("p", [("class", "subtitle")], [HTML.text(subtitle)])) }
        if let audience = GuideText.audienceLine(metadata, labels) { nodes.append(HTML.element("p", [], [HTML.text(audience)])) }
        nodes.append(HTML.element("p", [], [HTML.text(GuideText.publisherLine(metadata, labels))]))
        if let versions { nodes.append(versions) }
        nodes.append(HTML.element("p", [("class", "summary")], [HTML.text(metadata.summary)]))
        return nodes
    }
}
