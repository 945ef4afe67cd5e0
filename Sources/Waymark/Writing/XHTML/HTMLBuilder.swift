import WaymarkModel
import WaymarkXML

/// Small helpers for building XHTML element trees that libxml2 serialises.
enum HTML {
    /// An element with attributes (in order; nil values are left out) and children.
    static func element(_ name: String, _ attributes: [(String, String?)] = [], _ children: [XMLNode] = []) -> XMLNode {
        .element(XMLElement(
            name,
            attributes: attributes.compactMap { name, value in value.map { XMLAttribute(name, $0) } },
            children: children))
    }

    /// A text node.
    static func text(_ text: String) -> XMLNode {
        .text(text)
    }

    /// The element inside a node, for adding to it.
    static func unwrap(_ node: XMLNode) -> XMLElement {
        if case .element(let element) = node { return element }
        return XMLElement("span")
    }
}

/// Makes ids that are unique within one document (`contact-childline`, `contact-childline-2`).
struct IDMaker {
    private var used: Set<String> = []

    mutating func make(_ base: String) -> String {
        var slug = ""
        for scalar in base.lowercased().unicodeScalars {
            if scalar.isASCII && (("a"..."z").contains(Character(scalar)) || ("0"..."9").contains(Character(scalar))) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.isEmpty && !slug.hasSuffix("-") {
                slug += "-"
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        if slug.isEmpty || !(slug.first?.isLetter ?? false) { slug = "id-" + slug }
        var candidate = slug
        var counter = 2
        while used.contains(candidate) {
            candidate = "\(slug)-\(counter)"
            counter += 1
        }
        used.insert(candidate)
        return candidate
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
