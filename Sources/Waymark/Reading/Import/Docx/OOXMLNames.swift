import WaymarkXML

/// Gives every element and attribute of an Office Open XML part the prefix this reader
/// looks for (`w:p`, `r:id`, `a:blip`), whatever prefix the file itself used: XML names
/// are namespace URIs, and a file may bind `w` to anything, or write `ns0:p` (Namespaces
/// in XML 1.0 §4). Strict OOXML (ISO/IEC 29500 Strict) namespaces map to the same prefixes.
enum OOXMLNames {
    /// Namespace URI → the prefix used in this reader.
    static let prefixes: [String: String] = [
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main": "w",
        "http://purl.oclc.org/ooxml/wordprocessingml/main": "w",
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships": "r",
        "http://purl.oclc.org/ooxml/officeDocument/relationships": "r",
        "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing": "wp",
        "http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing": "wp",
        "http://schemas.openxmlformats.org/drawingml/2006/main": "a",
        "http://purl.oclc.org/ooxml/drawingml/main": "a",
        "http://schemas.openxmlformats.org/drawingml/2006/picture": "pic",
        "http://purl.oclc.org/ooxml/drawingml/picture": "pic",
        "http://schemas.openxmlformats.org/drawingml/2006/diagram": "dgm",
        "http://schemas.openxmlformats.org/drawingml/2006/chart": "c",
        "http://schemas.openxmlformats.org/officeDocument/2006/math": "m",
        "http://schemas.openxmlformats.org/markup-compatibility/2006": "mc",
        "http://schemas.microsoft.com/office/word/2010/wordprocessingShape": "wps",
        "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup": "wpg",
        "http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas": "wpc",
        "http://schemas.microsoft.com/office/word/2010/wordml": "w14",
        "urn:schemas-microsoft-com:vml": "v",
        "urn:schemas-microsoft-com:office:office": "o",
        "http://schemas.openxmlformats.org/package/2006/relationships": "rel",
        "http://schemas.openxmlformats.org/package/2006/metadata/core-properties": "cp",
        "http://purl.org/dc/elements/1.1/": "dc",
        "http://purl.org/dc/terms/": "dcterms",
        "http://www.w3.org/XML/1998/namespace": "xml",
    ]

    /// `root` with every name given its reader prefix (`?:name` for a namespace this reader
    /// does not know) and the namespace declarations left out.
    static func canonical(_ root: XMLElement) -> XMLElement {
        canonical(root, scope: ["xml": "http://www.w3.org/XML/1998/namespace"])
    }

    private static func canonical(_ element: XMLElement, scope outer: [String: String]) -> XMLElement {
        var scope = outer
        var attributes: [XMLAttribute] = []
        attributes.reserveCapacity(element.attributes.count)
        for attribute in element.attributes {
            if attribute.name == "xmlns" {
                scope[""] = attribute.value
            } else if attribute.name.hasPrefix("xmlns:") {
                scope[String(attribute.name.dropFirst(6))] = attribute.value
            }
        }
        for attribute in element.attributes where attribute.name != "xmlns" && !attribute.name.hasPrefix("xmlns:") {
            let (prefix, local) = split(attribute.name)
            // Namespaces in XML §6.2: an attribute without a prefix is in no namespace.
            guard let prefix else {
                attributes.append(attribute)
                continue
            }
            attributes.append(XMLAttribute(name(prefix: prefix, local: local, scope: scope), attribute.value))
        }
        let (prefix, local) = split(element.name)
        var result = XMLElement(name(prefix: prefix ?? "", local: local, scope: scope), attributes: attributes, line: element.line)
        result.children.reserveCapacity(element.children.count)
        for child in element.children {
            switch child {
            case .element(let inner): result.children.append(.element(canonical(inner, scope: scope)))
            case .text: result.children.append(child)
            case .comment: continue
            }
        }
        return result
    }

    private static func name(prefix: String, local: String, scope: [String: String]) -> String {
        guard let uri = scope[prefix] else { return prefix.isEmpty ? local : "?:\(local)" }
        return "\(prefixes[uri] ?? "?"):\(local)"
    }

    private static func split(_ name: String) -> (String?, String) {
        guard let colon = name.firstIndex(of: ":") else { return (nil, name) }
        return (String(name[..<colon]), String(name[name.index(after: colon)...]))
    }
}

extension XMLElement {
    /// The child elements, in order.
    var elements: [XMLElement] {
        children.compactMap { if case .element(let element) = $0 { return element } else { return nil } }
    }

    /// The first child element named `name`.
    func child(_ name: String) -> XMLElement? {
        for case .element(let element) in children where element.name == name { return element }
        return nil
    }

    /// The child elements named `name`.
    func children(_ name: String) -> [XMLElement] {
        children.compactMap { if case .element(let element) = $0, element.name == name { return element } else { return nil } }
    }

    /// The element at the end of a path of child names (`w:pPr`, `w:pStyle`).
    func descendant(_ path: String...) -> XMLElement? {
        var current: XMLElement? = self
        for name in path { current = current?.child(name) }
        return current
    }

    /// The first element named `name` at any depth, this one included.
    func first(_ name: String) -> XMLElement? {
        if self.name == name { return self }
        for case .element(let element) in children {
            if let found = element.first(name) { return found }
        }
        return nil
    }

    /// The `w:val` attribute.
    var wordValue: String? { attribute("w:val") }
}
