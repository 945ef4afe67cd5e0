/// An XML element as plain Swift values: what the parser returns and the writer takes.
public struct XMLElement: Sendable, Equatable {
    /// The qualified name as written (`svg`, `epub:switch`).
    public var name: String
    /// Attributes in document order, by qualified name (`xmlns` declarations included).
    public var attributes: [XMLAttribute]
    /// Child nodes in document order.
    public var children: [XMLNode]
    /// The 1-based source line of the element when it was parsed, or 0.
    public var line: Int

    /// Creates an element.
    public init(_ name: String, attributes: [XMLAttribute] = [], children: [XMLNode] = [], line: Int = 0) {
        self.name = name
        self.attributes = attributes
        self.children = children
        self.line = line
    }

    /// The value of the attribute with this qualified name, if present.
    public func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    /// The local part of the name, after any prefix.
    public var localName: String {
        name.split(separator: ":").last.map(String.init) ?? name
    }

    /// All text inside the element, concatenated.
    public var textContent: String {
        children.map { child in
            switch child {
            case .element(let element): return element.textContent
            case .text(let text): return text
            case .comment: return ""
            }
        }.joined()
    }
}

/// One attribute: qualified name and value.
public struct XMLAttribute: Sendable, Equatable {
    /// The qualified name as written (`href`, `xml:lang`, `xmlns:epub`).
    public var name: String
    /// The value, unescaped.
    public var value: String

    /// Creates an attribute.
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// A node inside an element.
public enum XMLNode: Sendable, Equatable {
    case element(XMLElement)
    case text(String)
    case comment(String)
}
