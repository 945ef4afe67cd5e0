import WaymarkModel
import WaymarkXML

/// The shell of every page of the download site: the same style as the guides' large-print
/// pages, a skip link, and the schema.org description as JSON-LD (data, never run).
struct SitePage {
    /// The page's language and direction.
    var language: String
    var title: String
    /// The page's description for search engines and apps, if any.
    var jsonLD: JSONValue?

    /// The page: `header`, then `main` (the skip link's target).
    func render(skipLink: String, header: [XMLNode], main: [XMLNode], footer: [XMLNode], options: WriterOptions) throws -> [UInt8] {
        var htmlAttributes = [XMLAttribute("lang", language)]
        if Metadata.isRightToLeft(language: language) { htmlAttributes.append(XMLAttribute("dir", "rtl")) }
        var head: [XMLNode] = [
            HTML.element("meta", [("charset", "utf-8")]),
            HTML.element("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")]),
            HTML.element("meta", [("name", "referrer"), ("content", "no-referrer")]),
            HTML.element("title", [], [HTML.text(title)]),
            HTML.element("style", [], [HTML.text(try SitePage.css(options))]),
        ]
        if let jsonLD {
            // ASCII only, with no `<`: nothing in it can end the element.
            head.append(HTML.element("script", [("type", "application/ld+json")], [HTML.text(jsonLD.text())]))
        }
        let root = XMLElement("html", attributes: htmlAttributes, children: [
            HTML.element("head", [], head),
            HTML.element("body", [], [
                HTML.element("a", [("class", "skip-link"), ("href", "#main")], [HTML.text(skipLink)]),
                HTML.element("header", [("class", "page cover")], header),
                HTML.element("main", [("id", "main"), ("class", "page")], main),
                HTML.element("footer", [("class", "page")], footer),
            ]),
        ])
        return try XMLDocument.serializeHTML(root)
    }

    /// print.css, the default large-print profile, then site.css.
    static func css(_ options: WriterOptions) throws -> String {
        let use = LargePrintWriter.profileUse
        let profile: StyleProfile
        do {
            profile = try StyleProfile(name: use.defaultProfile, styles: options.styles, minimumBodySize: use.minimumBodySize)
        } catch {
            throw WriterError(formatID: "site", message: "\(error)")
        }
        var css: [String] = []
        for (index, name) in DownloadSite.styleSheets.enumerated() {
            guard let sheet = options.styles[name] else {
                throw WriterError(formatID: "site", message: "the style sheet Styles/\(name) is missing")
            }
            css.append(sheet)
            if index == 0 { css.append("/* Profile: \(PrintDocument.cssComment(profile.name)) */\n" + profile.css) }
        }
        return css.joined(separator: "\n")
    }
}
