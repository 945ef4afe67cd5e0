import CLibXML2

/// Parses and writes XML through libxml2, network access and external entities always off.
public enum XMLDocument {
    /// The deepest element nesting ``parse(_:)`` accepts.
    public static let depthLimit = 256

    /// Parses `bytes` as XML and returns its root element.
    ///
    /// The parser never loads a DTD, never substitutes entities, and never
    /// touches the network: `XML_PARSE_NONET`, and never `XML_PARSE_NOENT`,
    /// `XML_PARSE_DTDLOAD` or `XML_PARSE_HUGE`.
    public static func parse(_ bytes: [UInt8]) throws -> XMLElement {
        guard let context = xmlNewParserCtxt() else {
            throw XMLError(message: "libxml2 could not create a parser")
        }
        defer { xmlFreeParserCtxt(context) }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue
            | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOCDATA.rawValue)
        let document: xmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress?.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                xmlCtxtReadMemory(context, $0, Int32(clamping: buffer.count), "input.xml", nil, options)
            }
        }
        guard let document else {
            throw lastError(context) ?? XMLError(message: "the document is empty or not XML")
        }
        defer { xmlFreeDoc(document) }
        if context.pointee.wellFormed == 0 {
            throw lastError(context) ?? XMLError(message: "the document is not well-formed XML")
        }
        if hasEntityDeclarations(document) {
            throw XMLError(message: "the document declares entities, which are not allowed")
        }
        guard let root = xmlDocGetRootElement(document) else {
            throw XMLError(message: "the document has no root element")
        }
        return try convert(root)
    }

    /// Parses `bytes` as an HTML page with libxml2's HTML parser and returns its `html` element.
    ///
    /// The parser recovers from the mistakes web pages are full of, as browsers do; it never
    /// touches the network (`HTML_PARSE_NONET`) and knows no entities but HTML's own
    /// (`&amp;`, `&nbsp;`…), which it turns into text. A page that declares no character
    /// set is read as UTF-8. Element and attribute names come back in lower case.
    public static func parseHTML(_ bytes: [UInt8]) throws -> XMLElement {
        guard let context = htmlNewParserCtxt() else {
            throw XMLError(message: "libxml2 could not create an HTML parser")
        }
        defer { htmlFreeParserCtxt(context) }
        let options = Int32(HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue)
        let head = String(decoding: bytes.prefix(2048), as: UTF8.self).lowercased()
        let declared = head.contains("charset") || bytes.starts(with: [0xEF, 0xBB, 0xBF])
            || bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
        let document: htmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress?.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                htmlCtxtReadMemory(context, $0, Int32(clamping: buffer.count), "page.html", declared ? nil : "UTF-8", options)
            }
        }
        guard let document else {
            throw lastError(context) ?? XMLError(message: "the page is empty or not HTML")
        }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document) else {
            throw XMLError(message: "the page has no html element")
        }
        return try convert(root)
    }

    /// Serialises `root` as an XML document (UTF-8, with declaration).
    ///
    /// - Parameters:
    ///   - doctype: when given, a `<!DOCTYPE name>` line (e.g. `html`).
    ///   - declaration: whether to begin with `<?xml version="1.0" encoding="UTF-8"?>`
    ///     (an SVG picture is written without it, as most editors save them).
    public static func serialize(_ root: XMLElement, doctype: String? = nil, declaration: Bool = true) throws -> [UInt8] {
        var writer = MarkupWriter(mode: .xml)
        try writer.document(root, doctype: doctype, declaration: declaration)
        return writer.bytes
    }

    /// Serialises `root` (an `html` element) as an HTML5 document: `<!DOCTYPE html>`,
    /// void elements without end tags, other empty elements with them.
    public static func serializeHTML(_ root: XMLElement) throws -> [UInt8] {
        var writer = MarkupWriter(mode: .html)
        try writer.document(root, doctype: "html", declaration: false)
        return writer.bytes
    }

    /// ``serialize(_:doctype:declaration:)`` through libxml2, building its tree node by node:
    /// what Waymark did before issue #23, kept as the reference ``MarkupWriter``'s bytes are
    /// tested against.
    static func libxml2Serialize(_ root: XMLElement, doctype: String? = nil, declaration: Bool = true) throws -> [UInt8] {
        guard let document = xmlNewDoc("1.0") else {
            throw XMLError(message: "libxml2 could not create a document")
        }
        defer { xmlFreeDoc(document) }
        if let doctype {
            xmlCreateIntSubset(document, doctype, nil, nil)
        }
        guard let node = try build(root, in: document, parent: nil) else {
            throw XMLError(message: "libxml2 could not create the root element")
        }
        xmlDocSetRootElement(document, node)
        guard let buffer = xmlBufferCreate() else {
            throw XMLError(message: "libxml2 could not create a buffer")
        }
        defer { xmlBufferFree(buffer) }
        guard let saver = xmlSaveToBuffer(buffer, "UTF-8", Int32(XML_SAVE_AS_XML.rawValue | (declaration ? 0 : XML_SAVE_NO_DECL.rawValue))) else {
            throw XMLError(message: "libxml2 could not start writing")
        }
        xmlSaveDoc(saver, document)
        if xmlSaveClose(saver) < 0 {
            throw XMLError(message: "libxml2 could not write the document")
        }
        let count = Int(xmlBufferLength(buffer))
        guard let content = xmlBufferContent(buffer) else { return [] }
        return Array(UnsafeBufferPointer(start: content, count: count))
    }

    /// ``serializeHTML(_:)`` through libxml2 (`htmlDocDumpMemoryFormat`): the reference, as above.
    static func libxml2SerializeHTML(_ root: XMLElement) throws -> [UInt8] {
        guard let document = htmlNewDocNoDtD(nil, nil) else {
            throw XMLError(message: "libxml2 could not create an HTML document")
        }
        defer { xmlFreeDoc(document) }
        xmlCreateIntSubset(document, "html", nil, nil)
        guard let node = try build(root, in: document, parent: nil) else {
            throw XMLError(message: "libxml2 could not create the root element")
        }
        xmlDocSetRootElement(document, node)
        var memory: UnsafeMutablePointer<xmlChar>?
        var size: Int32 = 0
        htmlDocDumpMemoryFormat(document, &memory, &size, 0)
        guard let memory else { throw XMLError(message: "libxml2 could not write the HTML document") }
        defer { waymark_xml_free(memory) }
        return Array(UnsafeBufferPointer(start: memory, count: Int(size)))
    }
}

// MARK: - Implementation

private extension XMLDocument {
    static func lastError(_ context: xmlParserCtxtPtr) -> XMLError? {
        guard let error = xmlCtxtGetLastError(context) else { return nil }
        let message = error.pointee.message.map { String(cString: $0) } ?? "malformed XML"
        return XMLError(
            message: message.trimmingCharacters(),
            line: Int(error.pointee.line),
            column: Int(error.pointee.int2))
    }

    static func hasEntityDeclarations(_ document: xmlDocPtr) -> Bool {
        for subset in [document.pointee.intSubset, document.pointee.extSubset] {
            guard let subset else { continue }
            if subset.pointee.entities != nil || subset.pointee.pentities != nil { return true }
        }
        return false
    }

    static func string(_ pointer: UnsafePointer<xmlChar>?) -> String {
        guard let pointer else { return "" }
        return String(cString: pointer)
    }

    static func qualifiedName(_ name: UnsafePointer<xmlChar>?, _ ns: xmlNsPtr?) -> String {
        let local = string(name)
        guard let prefix = ns?.pointee.prefix else { return local }
        return "\(string(prefix)):\(local)"
    }

    /// Converts the libxml2 tree with an explicit stack, bounded by ``depthLimit``.
    static func convert(_ root: xmlNodePtr) throws -> XMLElement {
        var stack: [(node: xmlNodePtr, element: XMLElement, next: xmlNodePtr?)] = []
        stack.append((root, element(from: root), root.pointee.children))
        while true {
            let top = stack.count - 1
            guard let child = stack[top].next else {
                let finished = stack.removeLast().element
                if stack.isEmpty { return finished }
                stack[stack.count - 1].element.children.append(.element(finished))
                continue
            }
            stack[top].next = child.pointee.next
            switch child.pointee.type {
            case XML_ELEMENT_NODE:
                if stack.count >= depthLimit {
                    throw XMLError(
                        message: "elements are nested more than \(depthLimit) deep",
                        line: Int(xmlGetLineNo(child)), column: 1)
                }
                stack.append((child, element(from: child), child.pointee.children))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                stack[top].element.children.append(.text(string(child.pointee.content)))
            case XML_COMMENT_NODE:
                stack[top].element.children.append(.comment(string(child.pointee.content)))
            case XML_ENTITY_REF_NODE:
                throw XMLError(
                    message: "the document uses an entity reference (&\(string(child.pointee.name));)",
                    line: Int(xmlGetLineNo(child)), column: 1)
            default:
                continue
            }
        }
    }

    static func element(from node: xmlNodePtr) -> XMLElement {
        var attributes: [XMLAttribute] = []
        var declaration = node.pointee.nsDef
        while let ns = declaration {
            let name = ns.pointee.prefix.map { "xmlns:\(string($0))" } ?? "xmlns"
            attributes.append(XMLAttribute(name, string(ns.pointee.href)))
            declaration = ns.pointee.next
        }
        var attribute = node.pointee.properties
        while let current = attribute {
            let value = xmlNodeGetContent(UnsafeMutableRawPointer(current).assumingMemoryBound(to: xmlNode.self))
            attributes.append(XMLAttribute(qualifiedName(current.pointee.name, current.pointee.ns), string(value)))
            waymark_xml_free(value)
            attribute = current.pointee.next
        }
        return XMLElement(
            qualifiedName(node.pointee.name, node.pointee.ns),
            attributes: attributes,
            line: Int(xmlGetLineNo(node)))
    }

    /// Builds libxml2 nodes from the Swift tree with an explicit stack.
    /// On an error the nodes made so far are freed: they are not yet attached to `document`,
    /// so freeing the document would not free them.
    static func build(_ root: XMLElement, in document: xmlDocPtr, parent: xmlNodePtr?) throws -> xmlNodePtr? {
        guard let rootNode = try makeNode(root, in: document, parent: nil) else { return nil }
        do {
            try buildChildren(of: root, under: rootNode, in: document)
        } catch {
            xmlFreeNode(rootNode)
            throw error
        }
        return rootNode
    }

    static func buildChildren(of root: XMLElement, under rootNode: xmlNodePtr, in document: xmlDocPtr) throws {
        var stack: [(node: xmlNodePtr, children: ArraySlice<XMLNode>)] = [(rootNode, root.children[...])]
        while !stack.isEmpty {
            let top = stack.count - 1
            guard let child = stack[top].children.popFirst() else {
                stack.removeLast()
                continue
            }
            let parentNode = stack[top].node
            switch child {
            case .element(let element):
                guard let node = try makeNode(element, in: document, parent: parentNode) else {
                    throw XMLError(message: "libxml2 could not create <\(element.name)>")
                }
                stack.append((node, element.children[...]))
            case .text(let text):
                xmlAddChild(parentNode, xmlNewDocText(document, text))
            case .comment(let text):
                xmlAddChild(parentNode, xmlNewDocComment(document, text))
            }
        }
    }

    static func makeNode(_ element: XMLElement, in document: xmlDocPtr, parent: xmlNodePtr?) throws -> xmlNodePtr? {
        let (prefix, local) = split(element.name)
        guard let node = xmlNewDocNode(document, nil, local, nil) else { return nil }
        do {
            try configure(node, as: element, prefix: prefix, in: document, parent: parent)
        } catch {
            // A node with a parent is freed with its parent's tree; a root is not attached yet.
            if parent == nil { xmlFreeNode(node) }
            throw error
        }
        return node
    }

    static func configure(_ node: xmlNodePtr, as element: XMLElement, prefix: String?, in document: xmlDocPtr, parent: xmlNodePtr?) throws {
        // Attach the node first, so that prefixes declared on its ancestors
        // resolve; then its own namespace declarations, then prefixed names.
        if let parent { xmlAddChild(parent, node) }
        for attribute in element.attributes where attribute.name == "xmlns" || attribute.name.hasPrefix("xmlns:") {
            let declared = attribute.name == "xmlns" ? nil : String(attribute.name.dropFirst(6))
            let ns = xmlNewNs(node, attribute.value, declared)
            if declared == nil && prefix == nil { xmlSetNs(node, ns) }
        }
        if let prefix {
            guard let ns = xmlSearchNs(document, node, prefix) else {
                throw XMLError(message: "the prefix \(prefix): of <\(element.name)> is not declared")
            }
            xmlSetNs(node, ns)
        }
        for attribute in element.attributes where attribute.name != "xmlns" && !attribute.name.hasPrefix("xmlns:") {
            let (attributePrefix, attributeLocal) = split(attribute.name)
            if let attributePrefix {
                guard let ns = xmlSearchNs(document, node, attributePrefix) else {
                    throw XMLError(message: "the prefix \(attributePrefix): of \(attribute.name) is not declared")
                }
                xmlNewNsProp(node, ns, attributeLocal, attribute.value)
            } else {
                xmlNewProp(node, attributeLocal, attribute.value)
            }
        }
    }

    static func split(_ name: String) -> (prefix: String?, local: String) {
        // Searched as UTF-8: a Character search costs more than the rest of building a node.
        guard let colon = name.utf8.firstIndex(of: UInt8(ascii: ":")) else { return (nil, name) }
        return (String(name[..<colon]), String(name[name.utf8.index(after: colon)...]))
    }
}

private extension String {
    func trimmingCharacters() -> String {
        var scalars = Substring(self)
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        return String(scalars)
    }
}
