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
