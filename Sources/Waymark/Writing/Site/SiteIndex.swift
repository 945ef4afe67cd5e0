import Foundation
import WaymarkModel
import WaymarkXML

/// The pages and catalogues over every guide of the site: `Output/index.html` (every guide by
/// topic and by language, its translations together), an OPDS 1.2 acquisition feed
/// (`Output/opds.xml`) and an OPDS 2.0 feed (`Output/opds.json`) for e-reader apps.
public struct SiteIndex: Sendable {
    /// The files it makes in `Output/`.
    public static let files = [DownloadSite.pageName, "opds.xml", "opds.json"]
    static let atomType = "application/atom+xml;profile=opds-catalog;kind=acquisition"
    static let opdsType = "application/opds+json"
    static let openAccess = "http://opds-spec.org/acquisition/open-access"

    /// The guides, by slug order.
    public var entries: [SiteEntry]
    public var settings: DownloadSite.Settings

    /// An index of `entries`.
    public init(entries: [SiteEntry], settings: DownloadSite.Settings) {
        self.entries = entries.sorted { Array($0.slug.utf8).lexicographicallyPrecedes(Array($1.slug.utf8)) }
        self.settings = settings
    }

    /// The three files, with `options` for the style sheets and the label catalogues.
    public func write(options: WriterOptions) throws -> [OutputFile] {
        var files = [OutputFile(path: DownloadSite.pageName, bytes: try page(options: options))]
        for name in SiteIndex.catalogues {
            var bytes: [UInt8] = []
            try catalogue(name, options: options) { bytes += $0 }
            files.append(OutputFile(path: name, bytes: bytes))
        }
        return files
    }

    /// The catalogues, which the build writes as they are made (``catalogue(_:options:emit:)``).
    static let catalogues = ["opds.xml", "opds.json"]

    /// The catalogue `name` (one of ``catalogues``), given to `emit` a piece at a time: at 10,000
    /// guides each is tens of megabytes, never held whole (issue #23).
    func catalogue(_ name: String, options: WriterOptions, emit: ([UInt8]) -> Void) throws {
        if name == "opds.xml" { try atom(options: options, emit: emit) } else { opds2(options: options, emit: emit) }
    }

    /// The language of the list: the project's, else the one most guides are in (the first of equals).
    var language: String {
        if let language = settings.language { return language }
        var counts: [String: Int] = [:]
        for entry in entries { counts[entry.language, default: 0] += 1 }
        return counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.first?.key ?? "en"
    }

    /// The guides that are versions of one another, each family led by the guide the others
    /// translate (or, when it is not built, its first version).
    var families: [[SiteEntry]] {
        var order: [String] = []
        var members: [String: [SiteEntry]] = [:]
        for entry in entries {
            if members[entry.family] == nil { order.append(entry.family) }
            members[entry.family, default: []].append(entry)
        }
        return order.map { family in
            let group = members[family] ?? []
            return group.filter { $0.slug == family } + group.filter { $0.slug != family }
        }
    }

    /// The date the catalogues were last changed: the newest guide's, so the same guides give the same bytes.
    var updated: String {
        let newest = entries.map(\.published).max() ?? "1970-01-01"
        return newest + "T00:00:00Z"
    }
}

// MARK: - The list of guides

extension SiteIndex {
    func page(options: WriterOptions) throws -> [UInt8] {
        let labels = options.labels.labels(for: language)
        var header: [XMLNode] = [HTML.element("h1", [], [HTML.text(labels(.siteTitle))])]
        if let publisher = settings.publisher { header.append(HTML.element("p", [("class", "subtitle")], [HTML.text(publisher)])) }
        header.append(HTML.element("p", [("class", "summary")], [HTML.text(labels(.siteIntro))]))
        var main: [XMLNode] = [HTML.element("h2", [("id", "by-topic")], [HTML.text(labels(.siteByTopic))])]
        var ids = IDMaker(reserved: ["main", "by-topic", "by-language"])
        for (topic, families) in topics {
            let id = ids.make("topic-" + (topic ?? "more"))
            let lead = families.first?.first
            main.append(HTML.element("section", [("aria-labelledby", id)], [
                HTML.element("h3", [("id", id), ("lang", topic == nil ? nil : lead?.language), ("dir", topic == nil ? nil : (lead?.isRightToLeft == true ? "rtl" : "ltr"))], [HTML.text(topic.map(SiteIndex.capitalised) ?? labels(.siteMoreGuides))]),
                HTML.element("ul", [("class", "guides")], families.map { guide($0, labels: labels) }),
            ]))
        }
        let languages = byLanguage
        if languages.count > 1 {
            main.append(HTML.element("h2", [("id", "by-language")], [HTML.text(labels(.siteByLanguage))]))
            for (language, guides) in languages {
                let id = ids.make("language-" + language)
                let direction = Metadata.isRightToLeft(language: language) ? "rtl" : "ltr"
                main.append(HTML.element("section", [("aria-labelledby", id), ("lang", language), ("dir", direction)], [
                    HTML.element("h3", [("id", id)], [HTML.text(guides.first?.languageName ?? language)]),
                    HTML.element("ul", [], guides.map { entry in
                        HTML.element("li", [], [HTML.element("a", [("href", LinkPolicy.encoded(entry.slug + "/" + DownloadSite.pageName))], [HTML.text(entry.title)])])
                    }),
                ]))
            }
        }
        let page = SitePage(language: language, title: labels(.siteTitle), jsonLD: jsonLD(labels: labels))
        return try page.render(skipLink: labels(.siteSkipLink), header: header, main: main, footer: [], options: options)
    }

    /// The families under each topic (a lead guide's first keyword, compared without case), topics
    /// in alphabetical order, then those with no keyword; guides by title within a topic.
    var topics: [(topic: String?, families: [[SiteEntry]])] {
        var byTopic: [String: (name: String, families: [[SiteEntry]])] = [:]
        var untopical: [[SiteEntry]] = []
        for family in families {
            guard let lead = family.first else { continue }
            guard let topic = lead.topic else { untopical.append(family); continue }
            let key = topic.lowercased()
            byTopic[key, default: (topic, [])].families.append(family)
        }
        let byTitle = { (families: [[SiteEntry]]) in
            families.sorted { Array(($0.first?.title ?? "").lowercased().utf8).lexicographicallyPrecedes(Array(($1.first?.title ?? "").lowercased().utf8)) }
        }
        var result: [(topic: String?, families: [[SiteEntry]])] = byTopic.keys
            .sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
            .map { (byTopic[$0]?.name, byTitle(byTopic[$0]?.families ?? [])) }
        if !untopical.isEmpty { result.append((nil, byTitle(untopical))) }
        return result
    }

    /// The guides in each language, languages in tag order, guides by title.
    var byLanguage: [(language: String, guides: [SiteEntry])] {
        var groups: [String: [SiteEntry]] = [:]
        for entry in entries { groups[entry.language, default: []].append(entry) }
        return groups.keys.sorted().map { language in
            (language, (groups[language] ?? []).sorted { Array($0.title.utf8).lexicographicallyPrecedes(Array($1.title.utf8)) })
        }
    }

    /// One family on the list: its lead guide, what it is and who it is for, and its other languages.
    func guide(_ family: [SiteEntry], labels: Labels) -> XMLNode {
        guard let lead = family.first else { return HTML.text("") }
        // Always said: an English guide on an Arabic list (or the other way round) reads its own way.
        let direction = lead.isRightToLeft ? "rtl" : "ltr"
        var facts: [String] = []
        if let audience = lead.audience { facts.append(labels(.audienceLine, ["audience": audience])) }
        facts.append(labels(.siteLanguage, ["language": lead.languageName]))
        if let age = lead.readingAge { facts.append(labels(.siteReadingAge, ["age": String(age)])) }
        facts.append(labels(.siteUpdated, ["date": labels.date(SiteIndex.date(lead.published))]))
        var children: [XMLNode] = [
            HTML.element("h4", [("lang", lead.language), ("dir", direction)], [
                HTML.element("a", [("href", LinkPolicy.encoded(lead.slug + "/" + DownloadSite.pageName))], [HTML.text(lead.title)]),
            ]),
            HTML.element("p", [("lang", lead.language), ("dir", direction)], [HTML.text(lead.summary)]),
        ]
        children += facts.map { HTML.element("p", [("class", "facts")], [HTML.text($0)]) }
        let others = family.dropFirst().map { GuideVersion(slug: $0.slug, language: $0.language, languageName: $0.languageName, title: $0.title) }
        if let versions = HTMLRenderer.versionsLine(Array(others), labels: labels, href: { $0.slug + "/" + DownloadSite.pageName }) {
            children.append(versions)
        }
        return HTML.element("li", [("class", "guide")], children)
    }

    /// The list as a schema.org `ItemList` of the guides' pages.
    func jsonLD(labels: Labels) -> JSONValue {
        .object([
            ("@context", .string("https://schema.org")), ("@type", .string("ItemList")), ("name", .string(labels(.siteTitle))),
            ("itemListElement", .array(entries.enumerated().map { index, entry in
                .object([
                    ("@type", .string("ListItem")), ("position", .number(index + 1)),
                    ("url", .string(settings.address(entry.slug + "/" + DownloadSite.pageName))), ("name", .string(entry.title)),
                ])
            })),
        ])
    }

    /// A `YYYY-MM-DD` date, as an entry keeps it.
    static func date(_ text: String) -> GuideDate {
        let parts = text.split(separator: "-").map { Int($0) ?? 1 }
        return GuideDate(year: parts.first ?? 1970, month: parts.count > 1 ? parts[1] : 1, day: parts.count > 2 ? parts[2] : 1)
    }

    /// "bullying" as a heading: "Bullying".
    static func capitalised(_ topic: String) -> String {
        guard let first = topic.first else { return topic }
        return first.uppercased() + topic.dropFirst()
    }
}

// MARK: - The catalogues

extension SiteIndex {
    /// Every link a catalogue gives for a guide: its files as open-access acquisitions.
    func acquisitions(_ entry: SiteEntry) -> [SiteEntry.File] {
        entry.files + [entry.bundle]
    }

    /// OPDS 1.2: an Atom acquisition feed, its entries written as they are made.
    func atom(options: WriterOptions, emit: ([UInt8]) -> Void) throws {
        let labels = options.labels.labels(for: language)
        func element(_ name: String, _ text: String, _ attributes: [(String, String?)] = []) -> XMLNode {
            HTML.element(name, attributes, [HTML.text(text)])
        }
        func link(_ rel: String, _ href: String, _ type: String, title: String? = nil) -> XMLNode {
            HTML.element("link", [("rel", rel), ("href", href), ("type", type), ("title", title)])
        }
        let children: [XMLNode] = [
            element("id", StableIdentifier.urn(for: "waymark-site/" + (settings.publisher ?? "") + "/" + (settings.siteURL ?? ""))),
            element("title", labels(.siteTitle)),
            element("updated", updated),
            HTML.element("author", [], [element("name", settings.publisher ?? entries.first?.publisher ?? "")]),
            link("self", settings.address("opds.xml"), SiteIndex.atomType),
            link("start", settings.address("opds.xml"), SiteIndex.atomType),
            link("alternate", settings.address("opds.json"), SiteIndex.opdsType),
            link("alternate", settings.address(DownloadSite.pageName), "text/html"),
        ]
        func entryElement(_ entry: SiteEntry) -> XMLNode {
            var item: [XMLNode] = [
                element("title", entry.title),
                element("id", entry.identifier),
                element("updated", entry.published + "T00:00:00Z"),
                HTML.element("author", [], [element("name", entry.publisher)]),
                element("dc:language", entry.language),
                element("dc:issued", entry.published),
                element("summary", entry.summary, [("type", "text")]),
            ]
            item += entry.keywords.map { HTML.element("category", [("term", $0), ("label", $0)]) }
            item.append(link("http://opds-spec.org/image", settings.address(entry.slug + "/" + entry.cover), entry.coverType))
            item.append(link("http://opds-spec.org/image/thumbnail", settings.address(entry.slug + "/" + entry.cover), entry.coverType))
            item.append(link("alternate", settings.address(entry.slug + "/" + DownloadSite.pageName), "text/html", title: entry.title))
            for file in acquisitions(entry) {
                item.append(link(SiteIndex.openAccess, settings.address(entry.slug + "/" + file.path), file.mediaType, title: file.name))
            }
            return HTML.element("entry", [("xml:lang", entry.language)], item)
        }
        let root = XMLElement("feed", attributes: [
            XMLAttribute("xmlns", "http://www.w3.org/2005/Atom"),
            XMLAttribute("xmlns:dc", "http://purl.org/dc/terms/"),
            XMLAttribute("xmlns:opds", "http://opds-spec.org/2010/catalog"),
            XMLAttribute("xml:lang", language),
        ], children: children)
        do {
            var stream = try XMLStream(root)
            for entry in entries {
                try stream.add(entryElement(entry))
                if stream.pending >= 1 << 16 { emit(stream.take()) }
            }
            try stream.end()
            emit(stream.take())
        } catch {
            throw WriterError(formatID: "site", message: "the OPDS catalogue could not be written: \(error)")
        }
    }

    /// OPDS 2.0: the same catalogue as JSON, followed by a line end, its publications written
    /// as they are made (the bytes ``JSONValue/text(indent:)`` gives for the whole object).
    func opds2(options: WriterOptions, emit: ([UInt8]) -> Void) {
        let labels = options.labels.labels(for: language)
        // Each part has its type written out: `.string` is both a case and an optional-taking
        // function, and one literal holding them all took the type checker 25 seconds.
        func publication(_ entry: SiteEntry) -> JSONValue {
            let metadata: [(String, JSONValue?)] = [
                ("@type", .string("http://schema.org/Book")), ("identifier", .string(entry.identifier)),
                ("title", .string(entry.title)), ("subtitle", .string(entry.subtitle)),
                ("language", .string(entry.language)), ("published", .string(entry.published)),
                ("publisher", .string(entry.publisher)), ("description", .string(entry.summary)),
                ("subject", entry.keywords.isEmpty ? nil : .strings(entry.keywords)),
            ]
            let page: JSONValue = .object([
                ("rel", .string("alternate")), ("href", .string(settings.address(entry.slug + "/" + DownloadSite.pageName))),
                ("type", .string("text/html")),
            ])
            let files: [JSONValue] = acquisitions(entry).map { file in
                let link: [(String, JSONValue?)] = [
                    ("rel", .string(SiteIndex.openAccess)), ("href", .string(settings.address(entry.slug + "/" + file.path))),
                    ("type", .string(file.mediaType)), ("title", .string(file.name)), ("size", .number(file.size)),
                ]
                return .object(link)
            }
            let cover: JSONValue = .object([("href", .string(settings.address(entry.slug + "/" + entry.cover))), ("type", .string(entry.coverType))])
            let images: JSONValue? = entry.coverType == "image/svg+xml" ? nil : .array([cover])
            return .object([("metadata", .object(metadata)), ("links", .array([page] + files)), ("images", images)])
        }
        let metadata = JSONValue.object([("title", .string(labels(.siteTitle))), ("modified", .string(updated)), ("numberOfItems", .number(entries.count))])
        let links = JSONValue.array([
            .object([("rel", .string("self")), ("href", .string(settings.address("opds.json"))), ("type", .string(SiteIndex.opdsType))]),
            .object([("rel", .string("alternate")), ("href", .string(settings.address("opds.xml"))), ("type", .string(SiteIndex.atomType))]),
            .object([("rel", .string("alternate")), ("href", .string(settings.address(DownloadSite.pageName))), ("type", .string("text/html"))]),
        ])
        // `{"metadata": …, "links": …, "publications": […]}`, laid out as JSONValue lays out an object.
        var bytes = Array("{\n  \"metadata\": ".utf8)
        metadata.write(into: &bytes, indent: 1)
        bytes += Array(",\n  \"links\": ".utf8)
        links.write(into: &bytes, indent: 1)
        bytes += Array(",\n  \"publications\": ".utf8)
        if entries.isEmpty {
            bytes += Array("[]".utf8)
        } else {
            bytes += Array("[\n".utf8)
            for (index, entry) in entries.enumerated() {
                if index > 0 { bytes += Array(",\n".utf8) }
                bytes += Array("    ".utf8)
                publication(entry).write(into: &bytes, indent: 2)
                if bytes.count >= 1 << 16 {
                    emit(bytes)
                    bytes.removeAll(keepingCapacity: true)
                }
            }
            bytes += Array("\n  ]".utf8)
        }
        bytes += Array("\n}\n".utf8)
        emit(bytes)
    }
}
