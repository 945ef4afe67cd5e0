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
