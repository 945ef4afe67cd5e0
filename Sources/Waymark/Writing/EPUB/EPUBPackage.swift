import Foundation
import WaymarkModel
import WaymarkXML
import WaymarkZip

/// One XHTML content document of a book.
struct EPUBDocument {
    /// The file name inside `EPUB/` (`chapter-01.xhtml`).
    var fileName: String
    /// The document's `<title>`.
    var title: String
    /// The content of `<body>`.
    var body: [XMLNode]
    /// Manifest properties (`nav`).
    var properties: String?
    /// Whether the document is in the spine (reading order).
    var inSpine = true
    /// The spine's `linear`, when the document says it: the cover is read first, in order.
    var linear: Bool?
}

/// Assembles content documents, pictures and metadata into an EPUB 3.3 container.
struct EPUBPackage {
    static let xhtmlNamespace = "http://www.w3.org/1999/xhtml"
    static let opsNamespace = "http://www.idpf.org/2007/ops"

    let guide: Guide
    let options: WriterOptions
    /// The book's title (an edition may add to the guide's).
    let title: String
    let identifier: String
    let accessibility: AccessibilityMetadata
    let styleSheet: String
    /// Whether the book shows easy-read rows (the easy-read edition), whose pictures it then carries.
    var showsEasyRead = false
    var documents: [EPUBDocument] = []
    /// The cover made for a book whose guide names none (``Cover``).
    var generatedCover: Resource?

    /// The cover picture: the one made for the book, else the one the guide names.
    var cover: Resource? {
        generatedCover ?? guide.metadata.cover.flatMap { guide.resources[$0.resource] }
    }

    /// A file name inside `EPUB/images/` that no picture of the guide has: `cover.svg`, else `cover-2.svg`….
    static func unusedImageName(_ name: String, extension suffix: String, in guide: Guide) -> String {
        let taken = Set(guide.resources.values.map(\.fileName))
        var candidate = "\(name).\(suffix)"
        var number = 1
        while taken.contains(candidate) {
            number += 1
            candidate = "\(name)-\(number).\(suffix)"
        }
        return candidate
    }

    /// The instant the book is dated with: `SOURCE_DATE_EPOCH`, else the guide's `published:` at midnight UTC.
    var date: Date {
        if let epoch = options.sourceDateEpoch { return Date(timeIntervalSince1970: TimeInterval(epoch)) }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let published = guide.metadata.published
        return calendar.date(from: DateComponents(year: published.year, month: published.month, day: published.day)) ?? Date(timeIntervalSince1970: 0)
    }

    /// `date` as `2026-03-01T00:00:00Z`, in UTC, as `ISO8601DateFormatter` writes it with
    /// `.withInternetDateTime`: worked out from the seconds for a whole second from 1970 to 9999,
    /// by Foundation for any other (issue #23: making a formatter was 1.5 % of a build).
    static func internetDateTime(_ date: Date) -> String {
        let seconds = date.timeIntervalSince1970
        guard seconds >= 0, seconds < 253_402_300_800, seconds.rounded(.down) == seconds else {
            let formatter = ISO8601DateFormatter()
            formatter.timeZone = TimeZone(identifier: "UTC")
            formatter.formatOptions = [.withInternetDateTime]
            return formatter.string(from: date)
        }
        let whole = Int(seconds)
        let (days, time) = whole.quotientAndRemainder(dividingBy: 86_400)
        // Days since 1970-01-01 to a Gregorian date (Howard Hinnant's `civil_from_days`).
        let shifted = days + 719_468
        let era = shifted / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func padded(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return padded(year, 4) + "-" + padded(month, 2) + "-" + padded(day, 2) + "T" + padded(time / 3_600, 2) + ":"
            + padded(time / 60 % 60, 2) + ":" + padded(time % 60, 2) + "Z"
    }

    /// A whole XHTML document around `body`.
    func page(title: String, body: [XMLNode], bodyType: String? = nil) -> XMLElement {
        let language = guide.metadata.language
        return XMLElement("html", attributes: [
            XMLAttribute("xmlns", EPUBPackage.xhtmlNamespace),
            XMLAttribute("xmlns:epub", EPUBPackage.opsNamespace),
            XMLAttribute("lang", language),
            XMLAttribute("xml:lang", language),
        ] + (guide.metadata.isRightToLeft ? [XMLAttribute("dir", "rtl")] : []), children: [
            HTML.element("head", [], [
                HTML.element("meta", [("charset", "utf-8")]),
                HTML.element("title", [], [HTML.text(title)]),
                HTML.element("link", [("rel", "stylesheet"), ("type", "text/css"), ("href", "styles/epub.css")]),
            ]),
            HTML.element("body", [("epub:type", bodyType)], body),
        ])
    }

    /// The finished `.epub` bytes.
    func archive() throws -> [UInt8] {
        let zip = try ZipArchiveWriter()
        let date = self.date
        // OCF 3.3 §4.3: `mimetype` first, stored uncompressed, no extra field.
        try zip.add(path: "mimetype", bytes: Array("application/epub+zip".utf8), compression: .stored, modified: date)
        try zip.add(path: "META-INF/container.xml", bytes: try containerXML(), compression: .deflated, modified: date)
        try zip.add(path: "EPUB/package.opf", bytes: try packageDocument(), compression: .deflated, modified: date)
        for document in documents {
            let bytes = try XMLDocument.serialize(page(title: document.title, body: document.body), doctype: "html")
            try zip.add(path: "EPUB/\(document.fileName)", bytes: bytes, compression: .deflated, modified: date)
        }
        try zip.add(path: "EPUB/styles/epub.css", bytes: Array(styleSheet.utf8), compression: .deflated, modified: date)
        for resource in sortedResources {
            // PNG and JPEG are compressed already: deflating them again costs time and saves nothing.
            let packed = resource.mediaType == "image/png" || resource.mediaType == "image/jpeg"
            try zip.add(path: "EPUB/images/\(resource.fileName)", bytes: resource.bytes, compression: packed ? .stored : .deflated, modified: date)
        }
        return try zip.finish()
    }

    /// The pictures the book shows (the cover, named or made, pictures, and row pictures in the easy-read edition), by file name.
    var sortedResources: [Resource] {
        var keys: Set<String> = []
        if let cover = guide.metadata.cover { keys.insert(cover.resource) }
        guide.forEachBlock { block in
            switch block.kind {
            case .picture(let picture): keys.insert(picture.resource)
            case .easyRead(let rows): if showsEasyRead { keys.formUnion(rows.compactMap { $0.picture?.resource }) }
            case .heading, .paragraph, .list, .quote, .table, .callout, .contact, .writeSpace: break
            }
        }
        let pictures = keys.compactMap { guide.resources[$0] } + (generatedCover.map { [$0] } ?? [])
        return pictures.sorted { $0.fileName < $1.fileName }
    }
}

// MARK: - Package files

private extension EPUBPackage {
    func containerXML() throws -> [UInt8] {
        try XMLDocument.serialize(XMLElement("container", attributes: [
            XMLAttribute("xmlns", "urn:oasis:names:tc:opendocument:xmlns:container"),
            XMLAttribute("version", "1.0"),
        ], children: [
            HTML.element("rootfiles", [], [
                HTML.element("rootfile", [("full-path", "EPUB/package.opf"), ("media-type", "application/oebps-package+xml")]),
            ]),
        ]))
    }

    func meta(_ property: String, _ value: String) -> XMLNode {
        HTML.element("meta", [("property", property)], [HTML.text(value)])
    }

    func packageDocument() throws -> [UInt8] {
        let metadata = guide.metadata
        var entries: [XMLNode] = [
            HTML.element("dc:identifier", [("id", "uid")], [HTML.text(identifier)]),
            HTML.element("dc:title", [], [HTML.text(title)]),
            HTML.element("dc:language", [], [HTML.text(metadata.language)]),
            HTML.element("dc:publisher", [], [HTML.text(metadata.publisher)]),
            HTML.element("dc:date", [], [HTML.text(metadata.published.description)]),
            HTML.element("dc:description", [], [HTML.text(metadata.summary)]),
        ]
        entries += metadata.keywords.map { HTML.element("dc:subject", [], [HTML.text($0)]) }
        entries.append(meta("dcterms:modified", EPUBPackage.internetDateTime(date)))
        entries += accessibility.accessModes.map { meta("schema:accessMode", $0) }
        entries += accessibility.accessModesSufficient.map { meta("schema:accessModeSufficient", $0) }
        entries += accessibility.features.map { meta("schema:accessibilityFeature", $0) }
        entries += accessibility.hazards.map { meta("schema:accessibilityHazard", $0) }
        entries.append(meta("schema:accessibilitySummary", accessibility.summary))
        // EPUB 2 readers (and calibre's library) find the cover by this; EPUB 3 by `cover-image`.
        if cover != nil { entries.append(HTML.element("meta", [("name", "cover"), ("content", Cover.manifestID)])) }
        if options.passedAccessibilityChecks {
            entries.append(meta("dcterms:conformsTo", AccessibilityMetadata.conformance))
            entries.append(meta("a11y:certifiedBy", metadata.publisher))
        }
        var manifest: [XMLNode] = documents.enumerated().map { index, document in
            HTML.element("item", [
                ("id", itemID(document)), ("href", document.fileName),
                ("media-type", "application/xhtml+xml"), ("properties", document.properties),
            ])
        }
        manifest.append(HTML.element("item", [("id", "css"), ("href", "styles/epub.css"), ("media-type", "text/css")]))
        let coverFile = cover?.fileName
        var number = 0
        for resource in sortedResources {
            let isCover = resource.fileName == coverFile
            if !isCover { number += 1 }
            manifest.append(HTML.element("item", [
                ("id", isCover ? Cover.manifestID : "image-\(number)"), ("href", "images/\(resource.fileName)"),
                ("media-type", resource.mediaType), ("properties", isCover ? "cover-image" : nil),
            ]))
        }
        let spine = documents.filter(\.inSpine).map { document in
            HTML.element("itemref", [("idref", itemID(document)), ("linear", document.linear.map { $0 ? "yes" : "no" })])
        }
        let package = XMLElement("package", attributes: [
            XMLAttribute("xmlns", "http://www.idpf.org/2007/opf"),
            XMLAttribute("version", "3.0"),
            XMLAttribute("unique-identifier", "uid"),
            XMLAttribute("xml:lang", metadata.language),
        ] + (metadata.isRightToLeft ? [XMLAttribute("dir", "rtl")] : []), children: [
            .element(XMLElement("metadata", attributes: [XMLAttribute("xmlns:dc", "http://purl.org/dc/elements/1.1/")], children: entries)),
            HTML.element("manifest", [], manifest),
            HTML.element("spine", [("page-progression-direction", metadata.isRightToLeft ? "rtl" : nil)], spine),
        ])
        return try XMLDocument.serialize(package)
    }

    func itemID(_ document: EPUBDocument) -> String {
        String(document.fileName.prefix { $0 != "." })
    }
}
