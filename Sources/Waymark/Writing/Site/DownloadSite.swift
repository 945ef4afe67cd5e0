import Foundation
import WaymarkModel
import WaymarkTypst
import WaymarkXML
import WaymarkZip

/// The download site, made with every build: for each guide a page, `Output/<slug>/index.html`,
/// that offers each of its files in plain words with its kind, size and pages, one ZIP of them
/// all and a cover picture; and over every guide ``SiteIndex``'s list and catalogues.
///
/// The pages are made like the guides' own large-print pages (print.css, the large-print
/// profile, then `site.css`): self-contained, no script, relative links only, so the folder can
/// be uploaded as it is or opened from a USB stick. What each file is called and who it is for
/// is declared by the writer that makes it (``Writer/downloads``), in the guide's language.
public struct DownloadSite: Sendable {
    /// The style sheets the site's pages read, in order, after the large-print profile.
    public static let styleSheets = [PrintDocument.styleSheet, "site.css"]
    /// Each guide's page, and the list of every guide, are `index.html`.
    public static let pageName = "index.html"
    /// The one download with every file of `slug`.
    public static func bundleName(_ slug: String) -> String { "\(slug)-all-formats.zip" }
    /// The files the site makes in a guide's folder (the cover is a PNG, or its SVG where Typst cannot run).
    public static func files(of slug: String) -> [String] {
        [pageName, "cover.png", "cover.jpg", "cover.svg", bundleName(slug)]
    }
    /// The file list inside the ZIP.
    static let readmeName = "README.txt"

    /// What the site needs from the project (`waymark.yml`) and the command line.
    public struct Settings: Hashable, Sendable {
        /// The address the `Output/` folder is published at (`--site-url`); nil keeps every link relative.
        public var siteURL: String?
        /// Where to ask for another format, shown on every guide's page.
        public var alternativeFormats: ProjectConfiguration.AlternativeFormats?
        /// Who publishes the guides, for the list's heading.
        public var publisher: String?
        /// The language of the list of every guide; nil for the one most guides are in.
        public var language: String?

        /// Creates settings.
        public init(siteURL: String? = nil, alternativeFormats: ProjectConfiguration.AlternativeFormats? = nil, publisher: String? = nil, language: String? = nil) {
            self.siteURL = siteURL
            self.alternativeFormats = alternativeFormats
            self.publisher = publisher
            self.language = language
        }

        /// The file `path` of guide `slug` as its own page links it: beside the page, or under ``siteURL``.
        func address(_ path: String, of slug: String) -> String {
            siteURL == nil ? LinkPolicy.encoded(path) : address(slug + "/" + path)
        }

        /// `path` (relative to `Output/`) as a feed links it: under ``siteURL`` when there is one.
        func address(_ path: String) -> String {
            guard let siteURL else { return LinkPolicy.encoded(path) }
            return LinkPolicy.encoded(siteURL.hasSuffix("/") ? siteURL + path : siteURL + "/" + path)
        }
    }

    /// Creates the writer.
    public init() {}

    /// A guide's page, ZIP and cover, made from the files its writers made (`outputs`), and the
    /// entry that lists it; `writers` are the writers that made them.
    public func guideFiles(
        _ guide: Guide, outputs: [OutputFile], writers: [any Writer], options: WriterOptions, readability: Readability?
    ) throws -> (files: [OutputFile], entry: SiteEntry) {
        let metadata = guide.metadata
        let labels = options.labels.labels(for: metadata.language)
        let cover = try coverPicture(guide, options: options, labels: labels)
        let files = downloads(guide, outputs: outputs, writers: writers, labels: labels)
        let bundleBytes = try bundle(guide, outputs: outputs, files: files, labels: labels, options: options)
        let bundleFile = DownloadSite.file(
            path: DownloadSite.bundleName(guide.slug), bytes: bundleBytes, name: labels(.downloadAll), about: labels(.aboutAll),
            kind: "ZIP", mediaType: "application/zip", pages: nil, edition: .standard, labels: labels)
        let standard = AccessibilityMetadata(guide: guide, labels: labels)
        let hasEasyRead = files.contains { $0.edition == .easyRead }
        let easy = hasEasyRead ? AccessibilityMetadata(
            guide: EasyReadTransform.transform(guide, pictograms: options.pictograms, labels: labels), labels: labels,
            edition: EasyReadWriter.edition(labels).summary + " ", showsEasyRead: true) : nil
        let entry = SiteEntry(
            slug: guide.slug, title: metadata.title, subtitle: metadata.subtitle, summary: metadata.summary,
            audience: metadata.audience, language: metadata.language, languageName: labels.name,
            publisher: metadata.publisher, published: metadata.published.description, publishedText: labels.date(metadata.published),
            readingAge: readability.flatMap { $0.words > 0 ? Int($0.readingAge.rounded()) : nil },
            keywords: metadata.keywords, translationOf: metadata.translationOf,
            identifier: metadata.identifier ?? StableIdentifier.urn(for: "\(metadata.publisher)/\(guide.slug)"),
            cover: cover.path, coverType: cover.mediaType, files: files, bundle: bundleFile,
            accessibility: DownloadSite.accessibility(standard), easyReadAccessibility: easy.map(DownloadSite.accessibility))
        let page = try self.page(guide, entry: entry, labels: labels, options: options)
        return ([OutputFile(path: DownloadSite.pageName, bytes: page), OutputFile(path: cover.path, bytes: cover.bytes),
                 OutputFile(path: bundleFile.path, bytes: bundleBytes)], entry)
    }
}

// MARK: - The files

extension DownloadSite {
    /// An entry for one file.
    static func file(
        path: String, bytes: [UInt8], name: String, about: String, kind: String, mediaType: String,
        pages: Int?, edition: Download.Edition, labels: Labels
    ) -> SiteEntry.File {
        let size = DownloadSite.size(bytes.count, labels: labels)
        let facts = pages.map { labels(.siteFileFactsPages, count: $0, ["kind": kind, "size": size]) }
            ?? labels(.siteFileFacts, ["kind": kind, "size": size])
        return SiteEntry.File(
            path: path, name: name, about: about, kind: kind, mediaType: mediaType, size: bytes.count, sizeText: size,
            contentSize: DownloadSite.size(bytes.count, labels: nil), pages: pages, facts: facts, edition: edition)
    }

    /// A size as GOV.UK writes it: whole kilobytes (at least 1) under a megabyte, else megabytes
    /// to one decimal place, with the language's decimal mark; `labels` nil for metadata's "1.2 MB".
    static func size(_ bytes: Int, labels: Labels?) -> String {
        let kilobytes = max(1, (bytes + 1023) / 1024)
        guard kilobytes >= 1024 else {
            return labels.map { $0(.siteSizeKB, ["size": String(kilobytes)]) } ?? "\(kilobytes) KB"
        }
        let tenths = (bytes * 10 + 1024 * 1024 / 2) / (1024 * 1024)
        let mark = labels.map { Locale(identifier: $0.language).decimalSeparator ?? "." } ?? "."
        let number = "\(tenths / 10)\(mark)\(tenths % 10)"
        return labels.map { $0(.siteSizeMB, ["size": number]) } ?? "\(number) MB"
    }

    /// The order the site offers files in: the first choice, then web pages, then PDFs, then
    /// e-books, then the rest; each kind in the writers' order.
    static func rank(_ file: SiteEntry.File) -> Int {
        if file.isFirstChoice { return 0 }
        switch file.mediaType {
        case "text/html": return 1
        case "application/pdf": return 2
        case "application/epub+zip": return 3
        default: return 4
        }
    }

    /// The files `writers` made, as their declarations describe them, in the order the site offers them.
    func downloads(_ guide: Guide, outputs: [OutputFile], writers: [any Writer], labels: Labels) -> [SiteEntry.File] {
        var byPath: [String: OutputFile] = [:]
        for output in outputs { byPath[output.path] = output }
        var files: [SiteEntry.File] = []
        for writer in writers {
            for download in writer.downloads {
                let path = download.file.replacingOccurrences(of: "<slug>", with: guide.slug)
                guard let output = byPath[path] else { continue }
                let kind: String
                switch download.kind {
                case .name(let name): kind = name
                case .label(let key): kind = labels(key)
                }
                var file = DownloadSite.file(
                    path: path, bytes: output.bytes, name: labels(download.name), about: labels(download.about), kind: kind,
                    mediaType: download.mediaType, pages: download.pages?(output.bytes), edition: download.edition, labels: labels)
                file.isFirstChoice = download.isFirstChoice
                files.append(file)
            }
        }
        // Sorted with the writers' order to break ties, so the order never depends on the sort.
        return files.enumerated().sorted { ($0.element.isFirstChoice ? 0 : DownloadSite.rank($0.element), $0.offset) < ($1.element.isFirstChoice ? 0 : DownloadSite.rank($1.element), $1.offset) }.map(\.element)
    }

    /// The ZIP of every file, with a README listing them, the same bytes from the same files.
    func bundle(_ guide: Guide, outputs: [OutputFile], files: [SiteEntry.File], labels: Labels, options: WriterOptions) throws -> [UInt8] {
        let date = Date(timeIntervalSince1970: TimeInterval(options.sourceDateEpoch ?? PDFWriter.epoch(of: guide.metadata.published)))
        var readme = labels(.readmeIntro, ["title": guide.metadata.title, "publisher": guide.metadata.publisher]) + "\r\n"
        for file in files {
            readme += "\r\n" + file.path + "\r\n  " + file.name + " (" + file.facts + ")\r\n  " + file.about + "\r\n"
        }
        do {
            let zip = try ZipArchiveWriter()
            try zip.add(path: DownloadSite.readmeName, bytes: Array(readme.utf8), compression: .deflated, modified: date)
            let offered = Set(files.map(\.path))
            for output in outputs where offered.contains(output.path) {
                let packed = output.path.hasSuffix(".epub") || output.path.hasSuffix(".pdf") || output.path.hasSuffix(".zip") || output.path.hasSuffix(".png")
                // A control character in a guide's name cannot be in a ZIP entry's name (libzip refuses it).
                let name = String(String.UnicodeScalarView(output.path.unicodeScalars.map { TextSafety.isControl($0) ? "_" : $0 }))
                try zip.add(path: name, bytes: output.bytes, compression: packed ? .stored : .deflated, modified: date)
            }
            return try zip.finish()
        } catch {
            throw WriterError(formatID: "site", message: "the ZIP of every version could not be made: \(error)",
                              hint: "this is a fault in Waymark, not in the guide; please report it with the guide attached")
        }
    }

    /// The schema.org accessibility of a book, as its EPUB declares it.
    static func accessibility(_ metadata: AccessibilityMetadata) -> SiteEntry.Accessibility {
        SiteEntry.Accessibility(
            accessModes: metadata.accessModes, accessModesSufficient: metadata.accessModesSufficient,
            features: metadata.features, hazards: metadata.hazards, summary: metadata.summary)
    }
}

// MARK: - The cover

extension DownloadSite {
    /// A cover picture for catalogues: the guide's own `cover:` when it is a bitmap; else its SVG
    /// cover, or the one the e-book draws, as a PNG (Typst draws it: OPDS 2.0 wants a bitmap);
    /// the SVG itself when Typst cannot be run here.
    func coverPicture(_ guide: Guide, options: WriterOptions, labels: Labels) throws -> (path: String, mediaType: String, bytes: [UInt8]) {
        let metadata = guide.metadata
        var svg: [UInt8]
        if let picture = metadata.cover, let resource = guide.resources[picture.resource] {
            switch resource.mediaType {
            case "image/png": return ("cover.png", "image/png", resource.bytes)
            case "image/jpeg": return ("cover.jpg", "image/jpeg", resource.bytes)
            default: svg = resource.bytes
            }
        } else {
            let cover = Cover(
                title: metadata.title, edition: nil, subtitle: metadata.subtitle, publisher: metadata.publisher,
                language: metadata.language, labels: labels, picture: Cover.picture(for: guide, pictograms: options.pictograms))
            do {
                svg = try cover.svg()
            } catch {
                throw WriterError(formatID: "site", message: "the cover could not be drawn: \(error)",
                                  hint: "this is a fault in Waymark, not in the guide; please report it with the guide attached")
            }
        }
        let job = TypstJob(
            source: "#set page(width: 400pt, height: 600pt, margin: 0pt)\n#image(\"cover.svg\", width: 100%, height: 100%, fit: \"contain\")\n",
            files: ["cover.svg": svg], timestamp: 0, fonts: PDFWriter.fontFiles, standards: [],
            pngPixelsPerInch: 72)
        guard let png = try? TypstEngine.shared.compile(job) else { return ("cover.svg", "image/svg+xml", svg) }
        return ("cover.png", "image/png", png)
    }
}

// MARK: - The guide's page

extension DownloadSite {
    /// `Output/<slug>/index.html`: "Choose the version that suits you", each file with its kind,
    /// size and pages and who it is for, the guide's other languages, and where to ask for another format.
    func page(_ guide: Guide, entry: SiteEntry, labels: Labels, options: WriterOptions) throws -> [UInt8] {
        var renderer = HTMLRenderer(guide: guide, labels: labels, settings: .init(
            pictureSource: { _ in "" }, glossaryHref: nil, ruledWriteSpaces: false, epubTypes: false, headingOffset: 1))
        renderer.beginDocument("", reservedIDs: ["main", "choose", "another-format"])
        var header: [XMLNode] = [
            HTML.element("p", [("class", "site-nav")], [HTML.element("a", [("href", "../" + DownloadSite.pageName)], [HTML.text(labels(.siteAllGuides))])]),
            HTML.element("h1", [], [HTML.text(entry.title)]),
        ]
        if let subtitle = entry.subtitle { header.append(HTML.element("p", [("class", "subtitle")], [HTML.text(subtitle)])) }
        if let audience = GuideText.audienceLine(guide.metadata, labels) { header.append(HTML.element("p", [], [HTML.text(audience)])) }
        header.append(HTML.element("p", [], [HTML.text(GuideText.publisherLine(guide.metadata, labels))]))
        if let versions = HTMLRenderer.versionsLine(options.versions, labels: labels, href: { $0.relativePath(DownloadSite.pageName) }) {
            header.append(versions)
        }
        header.append(HTML.element("p", [("class", "summary")], [HTML.text(entry.summary)]))
        if let age = entry.readingAge { header.append(HTML.element("p", [], [HTML.text(labels(.siteReadingAge, ["age": String(age)]))])) }

        var main: [XMLNode] = [HTML.element("h2", [("id", "choose")], [HTML.text(labels(.siteChoose))])]
        main.append(HTML.element("ul", [("class", "downloads"), ("aria-labelledby", "choose")], (entry.files + [entry.bundle]).map(DownloadSite.item)))
        if let ways = options.site.alternativeFormats {
            let card = Contact(
                name: entry.publisher, phones: ways.phone.map { [Contact.Phone(number: $0)] } ?? [],
                email: ways.email, website: ways.website)
            main.append(HTML.element("section", [("class", "another-format"), ("aria-labelledby", "another-format")], [
                HTML.element("h2", [("id", "another-format")], [HTML.text(labels(.siteContactFormats))]),
                HTML.element("p", [], [HTML.text(labels(.siteAnotherFormat))]),
                renderer.contact(card),
            ]))
        }
        let page = SitePage(language: entry.language, title: entry.title, jsonLD: DownloadSite.jsonLD(entry, settings: options.site))
        return try page.render(
            skipLink: labels(.skipLink), header: header, main: main,
            footer: [HTML.element("p", [], [HTML.element("a", [("href", "../" + DownloadSite.pageName)], [HTML.text(labels(.siteAllGuides))])])],
            options: options)
    }

    /// One file on the page: its name as the link, its kind, size and pages, and who it is for.
    static func item(_ file: SiteEntry.File) -> XMLNode {
        let id = "file-" + file.path.map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
        return HTML.element("li", [("class", file.isFirstChoice ? "download first-choice" : "download")], [
            HTML.element("h3", [], [HTML.element("a", [
                ("href", LinkPolicy.encoded(file.path)), ("type", file.mediaType), ("aria-describedby", id),
                ("download", file.mediaType == "text/html" ? nil : ""),
            ], [HTML.text(file.name)])]),
            HTML.element("p", [("class", "facts"), ("id", id)], [HTML.text(file.facts)]),
            HTML.element("p", [], [HTML.text(file.about)]),
        ])
    }

    /// The guide as a schema.org `Book`, each file a `MediaObject`, with the accessibility its
    /// EPUB declares (and each easy-read file the easy-read e-book's).
    static func jsonLD(_ entry: SiteEntry, settings: Settings) -> JSONValue {
        func accessibility(_ value: SiteEntry.Accessibility) -> [(String, JSONValue?)] {
            [("accessMode", .strings(value.accessModes)), ("accessModeSufficient", .strings(value.accessModesSufficient)),
             ("accessibilityFeature", .strings(value.features)), ("accessibilityHazard", .strings(value.hazards)),
             ("accessibilitySummary", .string(value.summary))]
        }
        let encodings: [JSONValue] = (entry.files + [entry.bundle]).map { file in
            let access = file.mediaType == "application/zip" ? nil : (file.edition == .easyRead ? entry.easyReadAccessibility : entry.accessibility)
            let fields: [(String, JSONValue?)] = [
                ("@type", .string("MediaObject")), ("name", .string(file.name)),
                ("contentUrl", .string(settings.address(file.path, of: entry.slug))), ("encodingFormat", .string(file.mediaType)),
                ("contentSize", .string(file.contentSize)), ("numberOfPages", file.pages.map { .number($0) }),
                ("inLanguage", .string(entry.language)),
            ]
            return .object(fields + (access.map(accessibility) ?? []))
        }
        // Typed parts: one literal of them all took the type checker over 4 seconds.
        let publisher: JSONValue = .object([("@type", .string("Organization")), ("name", .string(entry.publisher))])
        let audience: JSONValue? = entry.audience.map { .object([("@type", .string("Audience")), ("audienceType", .string($0))]) }
        let url: JSONValue? = settings.siteURL.map { _ in .string(settings.address(entry.slug + "/" + pageName)) }
        let book: [(String, JSONValue?)] = [
            ("@context", .string("https://schema.org")), ("@type", .string("Book")),
            ("@id", .string(entry.identifier)), ("name", .string(entry.title)), ("alternativeHeadline", .string(entry.subtitle)),
            ("description", .string(entry.summary)), ("inLanguage", .string(entry.language)),
            ("url", url), ("publisher", publisher), ("datePublished", .string(entry.published)),
            ("audience", audience), ("keywords", entry.keywords.isEmpty ? nil : .strings(entry.keywords)),
            ("isAccessibleForFree", .bool(true)), ("image", .string(settings.address(entry.cover, of: entry.slug))),
        ]
        return .object(book + accessibility(entry.accessibility) + [("encoding", .array(encodings))])
    }
}
