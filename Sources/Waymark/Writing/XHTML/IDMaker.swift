import WaymarkModel

/// The one maker of XHTML ids: headings (for the whole guide, in the reader), and every
/// id a writer adds to a document (contacts, notes, write-spaces, glossary words).
///
/// An id is the text's ASCII letters and digits in lower case, other runs of characters
/// made one hyphen, apostrophes dropped (`Can't` → `cant`), at most 60 characters; text
/// that gives nothing, or starts with a digit, is put after a fallback word. Each id is
/// unique among those the maker has made or was given as reserved: `contact-childline`,
/// then `contact-childline-2`.
struct IDMaker: Sendable {
    /// Ids the writers give to parts they add, which headings must not take
    /// (a guide heading "Who can help" becomes `who-can-help-2`).
    static let writerReserved: Set<String> = [
        "main", "title", "toc", "toc-title", "contents-title", "landmarks", "landmarks-title",
        "who-can-help", "glossary",
    ]

    private var used: Set<String>

    /// A maker that will not give any of `reserved`.
    init(reserved: Set<String> = []) {
        used = reserved
    }

    /// A unique id from `text`; `fallback` leads when the text gives no letters or starts with a digit.
    mutating func make(_ text: String, fallback: String = "id") -> String {
        let slug = IDMaker.slug(text)
        let base = slug.isEmpty ? fallback : slug.first?.isNumber == true ? "\(fallback)-\(slug)" : slug
        var candidate = base
        var suffix = 2
        while used.contains(candidate) {
            candidate = "\(base)-\(suffix)"
            suffix += 1
        }
        used.insert(candidate)
        return candidate
    }

    /// Marks `id` as taken.
    mutating func reserve(_ id: String) {
        used.insert(id)
    }

    /// The letters-and-hyphens form of `text`, before it is made unique.
    static func slug(_ text: String) -> String {
        var slug = ""
        for scalar in text.lowercased().unicodeScalars {
            if scalar.isASCII && (("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.isEmpty && !slug.hasSuffix("-") && scalar != "'" && scalar != "\u{2019}" {
                slug += "-"
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        if slug.count > 60 { slug = String(slug.prefix(60)) }
        return slug
    }
}

/// The id of each glossary entry, made once for the whole glossary so that two terms
/// that make the same letters ("foster care" and "foster-care") still get two ids.
struct TermIDs: Sendable {
    private var ids: [String: String] = [:]

    /// The ids of `glossary`'s entries, in glossary order.
    init(_ glossary: [GlossaryEntry]) {
        var maker = IDMaker()
        for entry in glossary where ids[entry.term] == nil {
            ids[entry.term] = maker.make("term-" + entry.term)
        }
    }

    /// The id of `term`'s entry.
    func callAsFunction(_ term: String) -> String {
        ids[term] ?? "term"
    }

    /// Every id, for a document to reserve.
    var all: [String] { Array(ids.values).sorted() }
}
