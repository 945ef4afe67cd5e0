import Foundation
import WaymarkModel
import WaymarkXML

/// Reads a web page (a `.html` file saved from a browser or a council's website) into the
/// document model, through libxml2's HTML parser (network off).
///
/// Only the page's main content is read: its `main` element (or `role="main"`), else the
/// largest article-like block; navigation, page headers and footers, cookie banners and
/// "Skip to main content" links are left out. Headings, paragraphs, lists, tables, links,
/// bold and italic, and pictures that are files beside the page are kept; a picture on
/// another website is never fetched (a note says so). The page's `<title>` and `lang`
/// go into the front matter.
public struct HTMLPageReader: Sendable {
    /// The largest web page read, checked before it is read: a long council page is about 200 KB.
    public static let maximumSize = 8 << 20
    /// The most tables one page may have.
    public static let maximumTables = DocxReader.maximumTables

    /// Creates a reader.
    public init() {}

    /// Reads the page in `bytes`, named `file` in messages; pictures are looked for in `folder`
    /// (the page's own folder) and below it, never elsewhere.
    public func read(bytes: [UInt8], file: String, folder: URL) throws(ImportFailure) -> ImportResult {
        guard bytes.count <= HTMLPageReader.maximumSize else {
            throw ImportFailure(
                at: ImportLocation(file: file), "the page is \(GuideReader.describe(size: bytes.count)); the largest web page Waymark imports is \(HTMLPageReader.maximumSize >> 20) MB",
                hint: "save only the page itself (in the browser: Save Page As, 'Web Page, HTML only')")
        }
        let root: XMLElement
        do {
            root = try XMLDocument.parseHTML(bytes)
        } catch let error as XMLError {
            throw ImportFailure(
                at: ImportLocation(file: file, line: error.line > 0 ? error.line : nil), "the page could not be read as HTML: \(error.message)",
                hint: "open it in a browser and save it again (Save Page As, 'Web Page, HTML only')")
        } catch {
            throw ImportFailure(at: ImportLocation(file: file), "the page could not be read as HTML: \(error)", hint: "save it again from a browser")
        }
        var conversion = HTMLConversion(file: file, folder: folder, base: HTMLPageReader.address(of: root))
        let content = HTMLPageReader.mainContent(of: root)
        try conversion.convert(content)
        let head = root.child("head")
        func meta(_ name: String) -> String? {
            for element in head?.children("meta") ?? [] where element.attribute("name")?.lowercased() == name || element.attribute("property")?.lowercased() == name {
                if let value = element.attribute("content").map(DocxConversion.snippetWhole), !value.isEmpty { return value }
            }
            return nil
        }
        var title = head?.child("title").map { DocxConversion.snippetWhole($0.textContent) }.flatMap { $0.isEmpty ? nil : $0 }
            ?? meta("og:title")
        if let whole = title {
            // "Bullying | Warwickshire County Council": the page's own name comes first.
            for separator in [" | ", " – ", " — ", " - "] where whole.contains(separator) {
                let first = whole.components(separatedBy: separator)[0].trimmingCharacters(in: .whitespaces)
                if !first.isEmpty {
                    title = first
                    conversion.builder.note("the page's title was '\(DocxConversion.snippet(whole))'; '\(first)' is used: check it is the guide's title",
                                            at: ImportLocation(file: file), frontMatter: "title")
                }
                break
            }
        }
        let language = root.attribute("lang") ?? root.attribute("xml:lang")
        let keywords = (meta("keywords") ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let properties = DocumentProperties(
            title: title, language: language.flatMap { $0.isEmpty ? nil : $0 }, description: meta("description"), keywords: keywords)
        return conversion.finish(properties: properties)
    }
}

// MARK: - The page

extension HTMLPageReader {
    /// The page's own address, which its relative links are relative to: `<base href>`, else
    /// `<link rel="canonical">`, else `og:url`; nil when the page does not say (a saved file).
    static func address(of root: XMLElement) -> URL? {
        let head = root.child("head")
        var candidates: [String] = []
        if let base = head?.child("base")?.attribute("href") { candidates.append(base) }
        for link in head?.children("link") ?? [] where link.attribute("rel")?.lowercased() == "canonical" {
            if let href = link.attribute("href") { candidates.append(href) }
        }
        for meta in head?.children("meta") ?? [] where meta.attribute("property")?.lowercased() == "og:url" {
            if let content = meta.attribute("content") { candidates.append(content) }
        }
        for candidate in candidates {
            if let url = URL(string: candidate.trimmingCharacters(in: .whitespaces)), let scheme = url.scheme?.lowercased(),
               scheme == "https" || scheme == "http", url.host != nil {
                return url
            }
        }
        return nil
    }

    /// The element holding the page's main content: `main` or `role="main"`; else the article-like
    /// block with the most words; else the body.
    static func mainContent(of root: XMLElement) -> XMLElement {
        let body = root.child("body") ?? root
        if let main = first(in: body, where: { ($0.name == "main" || $0.attribute("role")?.lowercased() == "main") && !HTMLConversion.isHidden($0) }) {
            return main
        }
        var best: (element: XMLElement, words: Int)?
        func visit(_ element: XMLElement) {
            guard !HTMLConversion.isBoilerplate(element) else { return }
            let tokens = HTMLConversion.tokens(of: element)
            if element.name == "article" || element.attribute("role")?.lowercased() == "article"
                || !tokens.isDisjoint(with: ["content", "main", "article", "maincontent", "primary", "post", "entry"]) {
                let words = HTMLConversion.words(in: element)
                if words > (best?.words ?? 0) { best = (element, words) }
            }
            for child in element.elements { visit(child) }
        }
        visit(body)
        if let best, best.words * 3 >= HTMLConversion.words(in: body) { return best.element }
        return body
    }

    static func first(in element: XMLElement, where matches: (XMLElement) -> Bool) -> XMLElement? {
        if matches(element) { return element }
        for child in element.elements {
            if let found = first(in: child, where: matches) { return found }
        }
        return nil
    }
}
