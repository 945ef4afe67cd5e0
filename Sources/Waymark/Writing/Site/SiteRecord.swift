import WaymarkModel
import WaymarkXML

/// What the list of every guide (`Output/index.html`) shows of one guide. The list is made
/// from these, one per guide, kept while it is written: a few hundred bytes a guide.
struct SiteListing: Hashable, Sendable {
    /// The guide's slug: its folder in `Output/`.
    var slug: String
    var title: String
    var summary: String
    var audience: String?
    /// Its BCP 47 language tag, and the language's name in itself.
    var language: String
    var languageName: String
    var publisher: String
    /// The date of this edition, `YYYY-MM-DD`.
    var published: String
    /// The measured reading age, in whole years.
    var readingAge: Int?
    /// Its first keyword, the topic it is listed under.
    var topic: String?
    /// The slug of the guide this one translates.
    var translationOf: String?

    /// The guide whose versions this one is listed with: the one it translates, or itself.
    var family: String { translationOf ?? slug }

    /// Whether its script runs right to left.
    var isRightToLeft: Bool { Metadata.isRightToLeft(language: language) }
}

extension SiteListing {
    /// What the list shows of `entry`.
    init(_ entry: SiteEntry) {
        self.init(
            slug: entry.slug, title: entry.title, summary: entry.summary, audience: entry.audience, language: entry.language,
            languageName: entry.languageName, publisher: entry.publisher, published: entry.published,
            readingAge: entry.readingAge, topic: entry.topic, translationOf: entry.translationOf)
    }
}

/// A guide as the download site keeps it between builds: its listing, and its entries in the two
/// catalogues as they are written there. Each guide's build makes its record; the site is
/// then made from the records alone, never from the guides, and never holding them all: the
/// list keeps the listings, and the catalogues read each record again in turn (issue #23:
/// memory flat from 100 guides to 10,000).
struct SiteRecord: Equatable, Sendable {
    var listing: SiteListing
    /// The guide's `<entry>` in `opds.xml`.
    var atom: [UInt8]
    /// The guide's publication in `opds.json`, at the indent it has there.
    var opds: [UInt8]
}

extension SiteRecord {
    /// The record of `entry` for a site with `settings`, its catalogue entries written by ``SiteIndex``.
    init(entry: SiteEntry, settings: DownloadSite.Settings) throws {
        self.init(listing: SiteListing(entry), atom: try SiteIndex.atomEntry(entry, settings: settings), opds: SiteIndex.opdsPublication(entry, settings: settings))
    }
}

// MARK: - As lines of text

/// A record as it is kept in `Output/<slug>/.waymark-site`, beside the guide's build manifest,
/// with the key of the build that made it:
///
/// ```
/// waymark-site 1
/// key 4f0c…
/// slug bullying
/// title Bullying
/// …
/// atom <entry xml:lang="en-GB"><title>Bullying</title>…</entry>
/// opds {%0A      "metadata": {…
/// ```
///
/// One field a line, in this order, the optional ones left out when there is nothing to say;
/// every value escaped as the build manifest escapes paths (`%`, LF and CR as `%25`, `%0A`,
/// `%0D`), so that each is one line. Anything else (an older record, a line cut short) is no
/// record, and the site is made without the guide until it is built again.
extension SiteRecord {
    static let header = "waymark-site 1"

    /// The fields, by name, and whether each may be left out.
    private static let fields: [(name: StaticString, optional: Bool)] = [
        ("slug", false), ("title", false), ("summary", false), ("audience", true), ("language", false),
        ("language-name", false), ("publisher", false), ("published", false), ("reading-age", true), ("topic", true),
        ("translation-of", true), ("atom", false), ("opds", false),
    ]

    /// The record as lines of text, with the key of the build that made it.
    func text(key: String) -> [UInt8] {
        let values: [String?] = [
            listing.slug, listing.title, listing.summary, listing.audience, listing.language, listing.languageName,
            listing.publisher, listing.published, listing.readingAge.map(String.init), listing.topic, listing.translationOf,
            String(decoding: atom, as: UTF8.self), String(decoding: opds, as: UTF8.self),
        ]
        var bytes = Array("\(SiteRecord.header)\nkey \(key)\n".utf8)
        for (field, value) in zip(SiteRecord.fields, values) {
            guard let value else { continue }
            field.name.withUTF8Buffer { bytes += $0 }
            bytes.append(0x20)
            bytes += RecordText.escaped(value).utf8
            bytes.append(0x0A)
        }
        return bytes
    }

    /// The record `bytes` hold, if they are one made by the build with `key`.
    init?(text bytes: [UInt8], key: String) {
        guard bytes.last == 0x0A else { return nil }
        var lines = bytes.dropLast().split(separator: 0x0A, omittingEmptySubsequences: false)[...]
        guard let header = lines.popFirst(), header.elementsEqual(SiteRecord.header.utf8),
              let written = lines.popFirst().flatMap({ RecordText.field("key", of: $0) }), written.elementsEqual(key.utf8) else { return nil }
        var values: [String?] = []
        for field in SiteRecord.fields {
            if let line = lines.first, let value = RecordText.field(field.name, of: line) {
                guard let text = RecordText.unescaped(value, allowingEmpty: true) else { return nil }
                values.append(text)
                lines.removeFirst()
            } else {
                guard field.optional else { return nil }
                values.append(nil)
            }
        }
        guard lines.isEmpty, let slug = values[0], let title = values[1], let summary = values[2], let language = values[4],
              let languageName = values[5], let publisher = values[6], let published = values[7],
              let atom = values[11], let opds = values[12] else { return nil }
        var readingAge: Int?
        if let age = values[8] {
            guard let number = Int(age) else { return nil }
            readingAge = number
        }
        self.init(
            listing: SiteListing(
                slug: slug, title: title, summary: summary, audience: values[3], language: language, languageName: languageName,
                publisher: publisher, published: published, readingAge: readingAge, topic: values[9], translationOf: values[10]),
            atom: Array(atom.utf8), opds: Array(opds.utf8))
    }
}
