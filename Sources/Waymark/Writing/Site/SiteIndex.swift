import Foundation
import WaymarkModel
import WaymarkXML

/// The pages and catalogues over every guide of the site: `Output/index.html` (every guide by
/// topic and by language, its translations together), an OPDS 1.2 acquisition feed
/// (`Output/opds.xml`) and an OPDS 2.0 feed (`Output/opds.json`) for e-reader apps.
///
/// All three are written a piece at a time, from each guide's ``SiteRecord``: the list keeps
/// every guide's ``SiteListing`` (a few hundred bytes), and the catalogues read each record again
/// in turn, copying the entries its guide's build wrote. At 10,000 guides each file is megabytes,
/// never held whole (issue #23).
public struct SiteIndex: Sendable {
    /// The files it makes in `Output/`.
    public static let files = [DownloadSite.pageName, "opds.xml", "opds.json"]
    static let atomType = "application/atom+xml;profile=opds-catalog;kind=acquisition"
    static let opdsType = "application/opds+json"
    static let openAccess = "http://opds-spec.org/acquisition/open-access"

    /// What the list shows of each guide, by slug order.
    var listings: [SiteListing]
    public var settings: DownloadSite.Settings
    /// The record of `listings[i]`, read again for the catalogues.
    let record: @Sendable (Int) throws -> SiteRecord

    /// An index of `entries`.
    public init(entries: [SiteEntry], settings: DownloadSite.Settings) throws {
        let records = try entries
            .sorted { Array($0.slug.utf8).lexicographicallyPrecedes(Array($1.slug.utf8)) }
            .map { try SiteRecord(entry: $0, settings: settings) }
        self.init(listings: records.map(\.listing), settings: settings) { records[$0] }
    }

    /// An index of the guides `listings` show, in slug order, whose records `record` gives by index.
    init(listings: [SiteListing], settings: DownloadSite.Settings, record: @escaping @Sendable (Int) throws -> SiteRecord) {
        self.listings = listings
        self.settings = settings
        self.record = record
    }

    /// The three files, with `options` for the style sheets and the label catalogues.
    public func write(options: WriterOptions) throws -> [OutputFile] {
        var page: [UInt8] = []
        try self.page(options: options) { page += $0 }
        var catalogues: [String: [UInt8]] = [:]
        try self.catalogues(options: options) { catalogues[$0, default: []] += $1 }
        return [OutputFile(path: DownloadSite.pageName, bytes: page)] + SiteIndex.catalogues.map { OutputFile(path: $0, bytes: catalogues[$0] ?? []) }
    }

    /// The catalogues, which ``catalogues(options:emit:)`` writes side by side.
    static let catalogues = ["opds.xml", "opds.json"]

    /// The language of the list: the project's, else the one most guides are in (the first of equals).
    var language: String {
        if let language = settings.language { return language }
        var counts: [String: Int] = [:]
        for listing in listings { counts[listing.language, default: 0] += 1 }
        return counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.first?.key ?? "en"
    }

    /// The guides that are versions of one another (indexes into ``listings``), each family led by
    /// the guide the others translate (or, when it is not built, its first version).
    var families: [[Int]] {
        var order: [String] = []
        var members: [String: [Int]] = [:]
        for (index, listing) in listings.enumerated() {
            if members[listing.family] == nil { order.append(listing.family) }
            members[listing.family, default: []].append(index)
        }
        return order.map { family in
            let group = members[family] ?? []
            return group.filter { listings[$0].slug == family } + group.filter { listings[$0].slug != family }
        }
    }

    /// The date the catalogues were last changed: the newest guide's, so the same guides give the same bytes.
    var updated: String {
        let newest = listings.map(\.published).max() ?? "1970-01-01"
        return newest + "T00:00:00Z"
    }
}

// MARK: - The list of guides

extension SiteIndex {
    /// `Output/index.html`, given to `emit` a piece at a time.
    func page(options: WriterOptions, emit: @escaping ([UInt8]) -> Void) throws {
        let labels = options.labels.labels(for: language)
        var header: [XMLNode] = [HTML.element("h1", [], [HTML.text(labels(.siteTitle))])]
        if let publisher = settings.publisher { header.append(HTML.element("p", [("class", "subtitle")], [HTML.text(publisher)])) }
        header.append(HTML.element("p", [("class", "summary")], [HTML.text(labels(.siteIntro))]))
        let page = SitePage(language: language, title: labels(.siteTitle))
        try page.write(skipLink: labels(.siteSkipLink), header: header, footer: [], options: options, emit: emit, jsonLD: { stream in
            try jsonLD(labels: labels) { try stream.text($0) }
        }, main: { main in
            try main.add(HTML.element("h2", [("id", "by-topic")], [HTML.text(labels(.siteByTopic))]))
            var ids = IDMaker(reserved: ["main", "by-topic", "by-language"])
            for (topic, families) in topics {
                let id = ids.make("topic-" + (topic ?? "more"))
                let lead = families.first?.first.map { listings[$0] }
                try main.enter(HTML.element("section", [("aria-labelledby", id)], [
                    HTML.element("h3", [("id", id), ("lang", topic == nil ? nil : lead?.language), ("dir", topic == nil ? nil : (lead?.isRightToLeft == true ? "rtl" : "ltr"))], [HTML.text(topic.map(SiteIndex.capitalised) ?? labels(.siteMoreGuides))]),
                ]))
                try main.enter(HTML.element("ul", [("class", "guides")], []))
                for family in families { try main.add(guide(family, labels: labels)) }
                try main.leave()
                try main.leave()
            }
            let languages = byLanguage
            guard languages.count > 1 else { return }
            try main.add(HTML.element("h2", [("id", "by-language")], [HTML.text(labels(.siteByLanguage))]))
            for (language, guides) in languages {
                let id = ids.make("language-" + language)
                let direction = Metadata.isRightToLeft(language: language) ? "rtl" : "ltr"
                try main.enter(HTML.element("section", [("aria-labelledby", id), ("lang", language), ("dir", direction)], [
                    HTML.element("h3", [("id", id)], [HTML.text(guides.first.map { listings[$0].languageName } ?? language)]),
                ]))
                try main.enter(HTML.element("ul", [], []))
                for index in guides {
                    let listing = listings[index]
                    try main.add(HTML.element("li", [], [HTML.element("a", [("href", LinkPolicy.encoded(listing.slug + "/" + DownloadSite.pageName))], [HTML.text(listing.title)])]))
                }
                try main.leave()
                try main.leave()
            }
        })
    }

    /// The families under each topic (a lead guide's first keyword, compared without case), topics
    /// in alphabetical order, then those with no keyword; guides by title within a topic.
    var topics: [(topic: String?, families: [[Int]])] {
        var byTopic: [String: (name: String, families: [[Int]])] = [:]
        var untopical: [[Int]] = []
        for family in families {
            guard let lead = family.first else { continue }
            guard let topic = listings[lead].topic else { untopical.append(family); continue }
            let key = topic.lowercased()
            byTopic[key, default: (topic, [])].families.append(family)
        }
        let byTitle = { (families: [[Int]]) in
            families
                .map { (family: $0, title: Array(($0.first.map { listings[$0].title } ?? "").lowercased().utf8)) }
                .sorted { $0.title.lexicographicallyPrecedes($1.title) }
                .map(\.family)
        }
        var result: [(topic: String?, families: [[Int]])] = byTopic.keys
            .sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
            .map { (byTopic[$0]?.name, byTitle(byTopic[$0]?.families ?? [])) }
        if !untopical.isEmpty { result.append((nil, byTitle(untopical))) }
        return result
    }

    /// The guides in each language (indexes into ``listings``), languages in tag order, guides by title.
    var byLanguage: [(language: String, guides: [Int])] {
        var groups: [String: [Int]] = [:]
        for (index, listing) in listings.enumerated() { groups[listing.language, default: []].append(index) }
        return groups.keys.sorted().map { language in
            (language, (groups[language] ?? []).sorted { listings[$0].title.utf8.lexicographicallyPrecedes(listings[$1].title.utf8) })
        }
    }

    /// One family on the list (indexes into ``listings``): its lead guide, what it is and who it
    /// is for, and its other languages.
    func guide(_ family: [Int], labels: Labels) -> XMLNode {
        guard let first = family.first else { return HTML.text("") }
        let lead = listings[first]
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
        let others = family.dropFirst().map { listings[$0] }.map {
            GuideVersion(slug: $0.slug, language: $0.language, languageName: $0.languageName, title: $0.title)
        }
        if let versions = HTMLRenderer.versionsLine(others, labels: labels, href: { $0.slug + "/" + DownloadSite.pageName }) {
            children.append(versions)
        }
        return HTML.element("li", [("class", "guide")], children)
    }

    /// The list as a schema.org `ItemList` of the guides' pages, given to `emit` a piece at a time.
    func jsonLD(labels: Labels, emit: ([UInt8]) throws -> Void) rethrows {
        var list = JSONObjectStream(
            [("@context", .string("https://schema.org")), ("@type", .string("ItemList")), ("name", .string(labels(.siteTitle)))],
            array: "itemListElement")
        for (index, listing) in listings.enumerated() {
            let item: JSONValue = .object([
                ("@type", .string("ListItem")), ("position", .number(index + 1)),
                ("url", .string(settings.address(listing.slug + "/" + DownloadSite.pageName))), ("name", .string(listing.title)),
            ])
            var bytes: [UInt8] = []
            item.write(into: &bytes, indent: JSONObjectStream.itemIndent)
            list.add(bytes)
            if list.pending >= 1 << 16 { try emit(list.take()) }
        }
        list.end()
        try emit(list.take())
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
    /// Both catalogues, side by side, given to `emit` a piece at a time with the name of the one
    /// it belongs to: each guide's record is read once, and its two entries copied as its build wrote them.
    func catalogues(options: WriterOptions, emit: (String, [UInt8]) -> Void) throws {
        let labels = options.labels.labels(for: language)
        func element(_ name: String, _ text: String) -> XMLNode { HTML.element(name, [], [HTML.text(text)]) }
        func link(_ rel: String, _ href: String, _ type: String) -> XMLNode {
            HTML.element("link", [("rel", rel), ("href", href), ("type", type)])
        }
        // OPDS 1.2: an Atom acquisition feed.
        var feed: XMLStream
        do {
            feed = try XMLStream(SiteIndex.feed(language: language, children: [
                element("id", StableIdentifier.urn(for: "waymark-site/" + (settings.publisher ?? "") + "/" + (settings.siteURL ?? ""))),
                element("title", labels(.siteTitle)),
                element("updated", updated),
                HTML.element("author", [], [element("name", settings.publisher ?? listings.first?.publisher ?? "")]),
                link("self", settings.address("opds.xml"), SiteIndex.atomType),
                link("start", settings.address("opds.xml"), SiteIndex.atomType),
                link("alternate", settings.address("opds.json"), SiteIndex.opdsType),
                link("alternate", settings.address(DownloadSite.pageName), "text/html"),
            ]))
        } catch {
            throw WriterError(formatID: "site", message: "the OPDS catalogue could not be written: \(error)")
        }
        emit("opds.xml", feed.take())
        // OPDS 2.0: the same catalogue as JSON, followed by a line end.
        let metadata = JSONValue.object([("title", .string(labels(.siteTitle))), ("modified", .string(updated)), ("numberOfItems", .number(listings.count))])
        let links = JSONValue.array([
            .object([("rel", .string("self")), ("href", .string(settings.address("opds.json"))), ("type", .string(SiteIndex.opdsType))]),
            .object([("rel", .string("alternate")), ("href", .string(settings.address("opds.xml"))), ("type", .string(SiteIndex.atomType))]),
            .object([("rel", .string("alternate")), ("href", .string(settings.address(DownloadSite.pageName))), ("type", .string("text/html"))]),
        ])
        var publications = JSONObjectStream([("metadata", metadata), ("links", links)], array: "publications")
        var atom: [UInt8] = []
        for index in listings.indices {
            let record = try self.record(index)
            atom += record.atom
            publications.add(record.opds)
            if atom.count >= 1 << 16 {
                emit("opds.xml", atom)
                atom.removeAll(keepingCapacity: true)
            }
            if publications.pending >= 1 << 16 { emit("opds.json", publications.take()) }
        }
        do {
            try feed.end()
        } catch {
            throw WriterError(formatID: "site", message: "the OPDS catalogue could not be written: \(error)")
        }
        emit("opds.xml", atom + feed.take())
        publications.end()
        emit("opds.json", publications.take() + [0x0A])
    }

    /// The Atom feed's root, with `children` before the entries.
    static func feed(language: String, children: [XMLNode]) -> XMLElement {
        XMLElement("feed", attributes: [
            XMLAttribute("xmlns", "http://www.w3.org/2005/Atom"),
            XMLAttribute("xmlns:dc", "http://purl.org/dc/terms/"),
            XMLAttribute("xmlns:opds", "http://opds-spec.org/2010/catalog"),
            XMLAttribute("xml:lang", language),
        ], children: children)
    }

    /// Every link a catalogue gives for a guide: its files as open-access acquisitions.
    static func acquisitions(_ entry: SiteEntry) -> [SiteEntry.File] {
        entry.files + [entry.bundle]
    }

    /// The guide's `<entry>` in the Atom feed, as the feed has it.
    static func atomEntry(_ entry: SiteEntry, settings: DownloadSite.Settings) throws -> [UInt8] {
        func element(_ name: String, _ text: String, _ attributes: [(String, String?)] = []) -> XMLNode {
            HTML.element(name, attributes, [HTML.text(text)])
        }
        func link(_ rel: String, _ href: String, _ type: String, title: String? = nil) -> XMLNode {
            HTML.element("link", [("rel", rel), ("href", href), ("type", type), ("title", title)])
        }
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
        // Written inside a feed of its own, for the prefixes the feed declares; an empty text writes nothing.
        do {
            var feed = try XMLStream(SiteIndex.feed(language: entry.language, children: [.text("")]))
            _ = feed.take()
            try feed.add(HTML.element("entry", [("xml:lang", entry.language)], item))
            return feed.take()
        } catch {
            throw WriterError(formatID: "site", message: "the guide's entry in the OPDS catalogue could not be written: \(error)")
        }
    }

    /// The guide's publication in the OPDS 2.0 catalogue, as the catalogue has it.
    static func opdsPublication(_ entry: SiteEntry, settings: DownloadSite.Settings) -> [UInt8] {
        // Each part has its type written out: `.string` is both a case and an optional-taking
        // function, and one literal holding them all took the type checker 25 seconds.
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
        let publication: JSONValue = .object([("metadata", .object(metadata)), ("links", .array([page] + files)), ("images", images)])
        var bytes: [UInt8] = []
        publication.write(into: &bytes, indent: JSONObjectStream.itemIndent)
        return bytes
    }
}
