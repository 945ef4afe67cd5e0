import WaymarkModel
import WaymarkXML

/// The shell of every page of the download site: the same style as the guides' large-print
/// pages, a skip link, and the schema.org description as JSON-LD (data, never run).
struct SitePage {
    /// The page's language and direction.
    var language: String
    var title: String
    /// The page's description for search engines and apps, if any (``render``; ``write`` is given it a piece at a time).
    var jsonLD: JSONValue? = nil

    /// A page being written: what is added goes into the innermost element open, and the bytes
    /// go out 64 KB at a time.
    struct Stream {
        private var stream: XMLStream
        private let emit: ([UInt8]) -> Void

        fileprivate init(_ stream: XMLStream, emit: @escaping ([UInt8]) -> Void) {
            self.stream = stream
            self.emit = emit
        }

        /// Adds `node` whole.
        mutating func add(_ node: XMLNode) throws {
            try stream.add(node)
            flush()
        }

        /// Adds `element` (an element made by ``HTML/element(_:_:_:)``) and leaves it open, for what is added next.
        mutating func enter(_ element: XMLNode) throws {
            try stream.enter(HTML.unwrap(element))
            flush()
        }

        /// Closes the element opened last.
        mutating func leave() throws {
            try stream.leave()
        }

        /// Adds text (the script's JSON, written as it is).
        mutating func text(_ bytes: [UInt8]) throws {
            try add(.text(String(decoding: bytes, as: UTF8.self)))
        }

        private mutating func flush() {
            if stream.pending >= 1 << 16 { emit(stream.take()) }
        }

        fileprivate mutating func end() throws {
            try stream.end()
            emit(stream.take())
        }
    }

    /// The page: `header`, then `main` (the skip link's target).
    func render(skipLink: String, header: [XMLNode], main: [XMLNode], footer: [XMLNode], options: WriterOptions) throws -> [UInt8] {
        var bytes: [UInt8] = []
        let json = jsonLD.map { value in { (stream: inout Stream) in try stream.text(Array(value.text().utf8)) } }
        try write(skipLink: skipLink, header: header, footer: footer, options: options, emit: { bytes += $0 }, jsonLD: json) { stream in
            for node in main { try stream.add(node) }
        }
        return bytes
    }

    /// The page, given to `emit` a piece at a time: the JSON-LD (when there is some) as `jsonLD`
    /// writes it, `header`, then what `main` adds inside `<main>` (the skip link's target), then `footer`.
    func write(
        skipLink: String, header: [XMLNode], footer: [XMLNode], options: WriterOptions, emit: @escaping ([UInt8]) -> Void,
        jsonLD: ((inout Stream) throws -> Void)?, main: (inout Stream) throws -> Void
    ) throws {
        var htmlAttributes = [XMLAttribute("lang", language)]
        if Metadata.isRightToLeft(language: language) { htmlAttributes.append(XMLAttribute("dir", "rtl")) }
        let head: [XMLNode] = [
            HTML.element("meta", [("charset", "utf-8")]),
            HTML.element("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")]),
            HTML.element("meta", [("name", "referrer"), ("content", "no-referrer")]),
            HTML.element("title", [], [HTML.text(title)]),
            HTML.element("style", [], [HTML.text(try SitePage.css(options))]),
        ]
        // An empty text writes nothing: the root's start tag alone.
        var stream = Stream(try XMLStream(html: XMLElement("html", attributes: htmlAttributes, children: [.text("")])), emit: emit)
        try stream.enter(HTML.element("head", [], head))
        if let jsonLD {
            // ASCII only, with no `<`: nothing in it can end the element.
            try stream.enter(HTML.element("script", [("type", "application/ld+json")], []))
            try jsonLD(&stream)
            try stream.leave()
        }
        try stream.leave()
        try stream.enter(HTML.element("body", [], [
            HTML.element("a", [("class", "skip-link"), ("href", "#main")], [HTML.text(skipLink)]),
            HTML.element("header", [("class", "page cover")], header),
        ]))
        try stream.enter(HTML.element("main", [("id", "main"), ("class", "page")], []))
        try main(&stream)
        try stream.leave()
        try stream.add(HTML.element("footer", [("class", "page")], footer))
        try stream.leave()
        try stream.end()
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
