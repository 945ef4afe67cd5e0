/// Writes an ``XMLElement`` tree as bytes, exactly as libxml2 2.9 serialises the same tree when
/// it is built node by node (``XMLDocument/libxml2Serialize(_:doctype:declaration:)``), without
/// building it: issue #23 measured building, writing and freeing libxml2's trees at 13 % of a
/// build. `XMLDocumentWriterTests` compares the two on generated trees.
///
/// As XML (`xmlSaveDoc` with `XML_SAVE_AS_XML`, UTF-8): text escapes `<`, `>`, `&` and CR;
/// attribute values also `"`, LF and tab; an element with no children is `<x/>`. As HTML
/// (`htmlDocDumpMemoryFormat`, no formatting): HTML 4's empty elements have no end tag, `li`
/// with no children none either; `script` and `style` hold raw text; boolean attributes are
/// written by name; `href`, `src`, `action` (and `name` on `a`) are URI-escaped; an attribute
/// value takes single quotes when it holds `"` but no `'`; control characters other than tab,
/// LF and CR are dropped; and every character beyond ASCII is written as an entity (libxml2's
/// "HTML" encoding, as it finds no `http-equiv` charset). A string stops at a NUL, as the C
/// string libxml2 is given does.
struct MarkupWriter {
    enum Mode {
        case xml
        case html
    }

    let mode: Mode
    private(set) var bytes: [UInt8] = []
    /// The root of a document written a piece at a time (``begin(_:declaration:)``).
    private var openStack: [Open] = []
    private var elementNames: [String: ElementName] = [:]
    private var attributeNames: [String: AttributeName] = [:]

    init(mode: Mode, capacity: Int = 16_384) {
        self.mode = mode
        bytes.reserveCapacity(capacity)
    }

    /// A namespace declaration as libxml2 keeps it on the element (`xmlNewNs`).
    private struct Declaration {
        var prefix: [UInt8]?
        var href: String
    }

    /// An element being written: its end tag, and the prefixes it declares.
    private struct Open {
        var children: ArraySlice<XMLNode>
        var endTag: [UInt8]?
        /// The end tag's name when it is written as it is (a plain name: no bytes kept apart).
        var plainEndTag: String?
        var declared: [[UInt8]?]
        var rawText: Bool
        /// For the children of an HTML empty element: not written, but still checked (libxml2
        /// built them, so an undeclared prefix among them is an error), then dropped from here.
        var dropFrom: Int?
    }

    // MARK: - Documents

    /// The whole document: the declaration and doctype lines (XML), or the doctype (HTML), the
    /// root, then a line end.
    mutating func document(_ root: XMLElement, doctype: String?, declaration: Bool) throws {
        switch mode {
        case .xml:
            if declaration { append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n") }
            if let doctype {
                append("<!DOCTYPE ")
                appendRaw(doctype)
                append(">\n")
            }
        case .html:
            append("<!DOCTYPE html>\n")
        }
        try tree(root)
        bytes.append(UInt8(ascii: "\n"))
    }

    /// `root` and everything in it, depth first with an explicit stack (no recursion on deep trees).
    private mutating func tree(_ root: XMLElement) throws {
        var stack: [Open] = []
        try open(root, in: &stack)
        try drain(&stack, keeping: 0)
    }

    // MARK: - A document written a piece at a time

    /// Starts an XML document whose root is `root` (with at least one child), written up to its
    /// children: ``add(_:)`` adds more, ``end()`` closes it, giving the bytes ``document(_:doctype:declaration:)``
    /// gives for the root with all the children, without holding them all.
    mutating func begin(_ root: XMLElement, declaration: Bool) throws {
        precondition(!root.children.isEmpty, "a streamed root needs a child, or it would be written empty")
        if mode == .xml && declaration { append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n") }
        if mode == .html { append("<!DOCTYPE html>\n") }
        var stack: [Open] = []
        try open(root, in: &stack)
        try drain(&stack, keeping: 1)
        openStack = stack
    }

    /// Adds `node` as the next child of the innermost element left open (the root, or the last
    /// one ``enter(_:)`` opened).
    mutating func add(_ node: XMLNode) throws {
        var stack = openStack
        openStack = []
        stack[stack.count - 1].children = [node][...]
        try drain(&stack, keeping: stack.count)
        openStack = stack
    }

    /// Adds `element` as the innermost open element's next child and leaves it open, its own
    /// children written: what ``add(_:)`` adds next goes inside it, until ``leave()``.
    mutating func enter(_ element: XMLElement) throws {
        var stack = openStack
        openStack = []
        let depth = stack.count
        var element = element
        // With no children it would be written whole (`<x/>`), never left open; an empty text writes nothing.
        if element.children.isEmpty { element.children = [.text("")] }
        try open(element, in: &stack)
        // An HTML empty element's children are written, then cut off at its end: never left open.
        precondition(stack.count == depth + 1 && stack[depth].dropFrom == nil, "enter(_:) opens an element with an end tag")
        try drain(&stack, keeping: depth + 1)
        openStack = stack
    }

    /// Closes the element ``enter(_:)`` opened last.
    mutating func leave() throws {
        var stack = openStack
        openStack = []
        precondition(stack.count > 1, "leave() closes an element enter(_:) opened, never the root")
        try drain(&stack, keeping: stack.count - 1)
        openStack = stack
    }

    /// Closes the root and the document.
    mutating func end() throws {
        var stack = openStack
        openStack = []
        try drain(&stack, keeping: 0)
        bytes.append(UInt8(ascii: "\n"))
    }

    /// The bytes written so far, no longer kept.
    mutating func take() -> [UInt8] {
        defer { bytes.removeAll(keepingCapacity: true) }
        return bytes
    }

    /// Writes what `stack` holds until only `keeping` elements are open and the last has no children left.
    private mutating func drain(_ stack: inout [Open], keeping: Int) throws {
        while stack.count > keeping || (keeping > 0 && stack.count == keeping && !stack[keeping - 1].children.isEmpty) {
            let top = stack.count - 1
            guard let child = stack[top].children.popFirst() else {
                let done = stack.removeLast()
                if let dropFrom = done.dropFrom { bytes.removeSubrange(dropFrom...) }
                if let end = done.plainEndTag {
                    append("</")
                    bytes += end.utf8
                    bytes.append(UInt8(ascii: ">"))
                } else if let end = done.endTag {
                    append("</")
                    bytes += end
                    bytes.append(UInt8(ascii: ">"))
                }
                continue
            }
            switch child {
            case .element(let element):
                try open(element, in: &stack)
            case .text(let text):
                if stack[top].rawText { appendRaw(text) } else { appendText(text) }
            case .comment(let text):
                append("<!--")
                appendRaw(text)
                append("-->")
            }
        }
    }

    /// What the writer needs of an element's name, worked out once per name and document.
    private struct ElementName {
        var prefix: [UInt8]?
        var local: [UInt8]
        /// As written: `prefix:local`, each part up to a NUL.
        var qualified: [UInt8]
        /// The end tag's name as written (HTML: beyond ASCII as entities).
        var endTag: [UInt8]
        var info: ElementInfo
        /// `script` or `style`: raw text in HTML.
        var rawText: Bool
    }

    /// What the writer needs of an attribute's name, worked out once per name and document.
    private struct AttributeName {
        var prefix: [UInt8]?
        var local: [UInt8]
        /// `xmlns` (nil prefix) or `xmlns:p` (prefix `p`): a namespace declaration.
        var declares: [UInt8]??
        /// Written without a value in HTML.
        var isBoolean: Bool
        /// `href`, `src` or `action`; `name` is one on `a` only.
        var isURI: Bool
        var isName: Bool
    }

    private mutating func elementName(_ name: String) -> ElementName {
        if let known = elementNames[name] { return known }
        let (prefix, local) = MarkupWriter.split(name)
        let qualified = (prefix.map { $0 + [UInt8(ascii: ":")] } ?? []) + local
        let made = ElementName(
            prefix: prefix, local: local, qualified: qualified, endTag: mode == .html ? htmlEncoded(qualified) : qualified,
            info: mode == .html ? MarkupWriter.htmlInfo(local) : .plain,
            rawText: mode == .html && (MarkupWriter.equalsIgnoringCase(local, "script") || MarkupWriter.equalsIgnoringCase(local, "style")))
        elementNames[name] = made
        return made
    }

    private mutating func attributeName(_ name: String) -> AttributeName {
        if let known = attributeNames[name] { return known }
        let (prefix, local) = MarkupWriter.split(name)
        let declares: [UInt8]?? = name == "xmlns" ? .some(nil) : name.hasPrefix("xmlns:") ? .some(MarkupWriter.cString(String(name.dropFirst(6)))) : .none
        let made = AttributeName(
            prefix: prefix, local: local, declares: declares, isBoolean: MarkupWriter.isBoolean(local),
            isURI: ["href", "src", "action"].contains { MarkupWriter.equalsIgnoringCase(local, $0) }, isName: MarkupWriter.equalsIgnoringCase(local, "name"))
        attributeNames[name] = made
        return made
    }

    /// What the quick path needs of a name: its ``code(_:)``, and where its first colon is.
    struct NameScan {
        var code: UInt64
        var colon: Int?
        var count: Int
    }

    /// `name` scanned in one pass, when it is ASCII with no NUL, in contiguous UTF-8 (a native
    /// string); nil for every other name, which only the general path writes.
    static func scan(_ name: String) -> NameScan? {
        let scanned = name.utf8.withContiguousStorageIfAvailable { bytes -> NameScan? in
            guard !bytes.isEmpty else { return nil }
            var code: UInt64 = 0
            var colon: Int?
            for index in bytes.indices {
                let byte = bytes[index]
                guard byte > 0 && byte < 0x80 else { return nil }
                if byte == UInt8(ascii: ":") && colon == nil { colon = index }
                if index < 8 { code |= UInt64(byte >= 65 && byte <= 90 ? byte + 32 : byte) << (8 * UInt64(index)) }
            }
            return NameScan(code: bytes.count <= 8 ? code : 0, colon: colon, count: bytes.count)
        }
        return scanned ?? nil
    }

    /// A name of one to eight ASCII bytes (no NUL) as an integer, lower-cased, its first byte
    /// lowest: two such names have the same code exactly when they are equal but for ASCII
    /// case. Longer names have none (0, which no name of one to eight bytes has).
    static func code(_ ascii: String) -> UInt64 {
        let bytes = Array(ascii.utf8)
        guard !bytes.isEmpty, bytes.count <= 8 else { return 0 }
        var code: UInt64 = 0
        for (index, byte) in bytes.enumerated() { code |= UInt64(byte >= 65 && byte <= 90 ? byte + 32 : byte) << (8 * UInt64(index)) }
        return code
    }

    static let xmlnsCode = code("xmlns")
    static let linkCode = code("a")
    static let scriptCode = code("script")
    static let styleCode = code("style")
    static let listItemCode = code("li")
    static let uriCodes = ["href", "src", "action"].map(code)
    static let nameCode = code("name")
    static let voidCodes = voidElements.map(code)
    static let booleanCodes = booleanAttributes.map(code)

    /// ``htmlInfo(_:)`` of a name by its code.
    static func htmlInfo(code: UInt64) -> ElementInfo {
        guard code != 0 else { return .plain }
        if voidCodes.contains(code) { return .void }
        return code == listItemCode ? .endTagOmitted : .plain
    }

    /// Whether `prefix` (the bytes before an attribute name's first colon) is declared: `xml`, or
    /// by an element still open.
    private static func resolves(_ prefix: Substring.UTF8View, in stack: [Open]) -> Bool {
        prefix.elementsEqual(xmlPrefix) || stack.contains { open in open.declared.contains { $0.map { prefix.elementsEqual($0) } ?? false } }
    }

    /// Writes `element`'s start tag and pushes it, unless it is written whole already: the
    /// common case (ASCII names, no namespace declarations; in XML also attributes with a
    /// declared prefix, as `epub:type`) directly, everything else as libxml2's tree has it.
    private mutating func open(_ element: XMLElement, in stack: inout [Open]) throws {
        guard let scanned = MarkupWriter.scan(element.name), scanned.colon == nil, scanned.code != MarkupWriter.xmlnsCode else {
            return try openGeneral(element, in: &stack)
        }
        for attribute in element.attributes {
            guard let name = MarkupWriter.scan(attribute.name), name.code != MarkupWriter.xmlnsCode else {
                return try openGeneral(element, in: &stack)
            }
            guard let colon = name.colon else { continue }
            // A prefixed attribute (never a declaration), written as it is in XML when its prefix
            // is declared; the general path says what is wrong with any other.
            let prefix = attribute.name.prefix(colon)
            guard mode == .xml, colon > 0, colon < name.count - 1, !prefix.utf8.elementsEqual("xmlns".utf8),
                  MarkupWriter.resolves(prefix.utf8, in: stack) else {
                return try openGeneral(element, in: &stack)
            }
        }
        bytes.append(UInt8(ascii: "<"))
        bytes += element.name.utf8
        let isLink = mode == .html && scanned.code == MarkupWriter.linkCode
        for attribute in element.attributes {
            bytes.append(UInt8(ascii: " "))
            bytes += attribute.name.utf8
            switch mode {
            case .xml:
                append("=\"")
                appendEscaped(attribute.value, attribute: true)
                bytes.append(UInt8(ascii: "\""))
            case .html:
                let code = MarkupWriter.scan(attribute.name)?.code ?? 0
                if code != 0 && MarkupWriter.booleanCodes.contains(code) { continue }
                let uri = code != 0 && (MarkupWriter.uriCodes.contains(code) || (isLink && code == MarkupWriter.nameCode))
                appendHTMLValue(attribute.value, uri: uri)
            }
        }
        let info: ElementInfo = mode == .html ? MarkupWriter.htmlInfo(code: scanned.code) : .plain
        if info == .void {
            bytes.append(UInt8(ascii: ">"))
            if !element.children.isEmpty {
                stack.append(Open(children: element.children[...], endTag: nil, plainEndTag: nil, declared: [], rawText: false, dropFrom: bytes.count))
            }
            return
        }
        if element.children.isEmpty {
            switch mode {
            case .xml: append("/>")
            case .html:
                bytes.append(UInt8(ascii: ">"))
                if info != .endTagOmitted {
                    append("</")
                    bytes += element.name.utf8
                    bytes.append(UInt8(ascii: ">"))
                }
            }
            return
        }
        bytes.append(UInt8(ascii: ">"))
        let raw = mode == .html && (scanned.code == MarkupWriter.scriptCode || scanned.code == MarkupWriter.styleCode)
        stack.append(Open(children: element.children[...], endTag: nil, plainEndTag: element.name, declared: [], rawText: raw, dropFrom: nil))
    }

    /// Everything of an element as libxml2 builds it: prefixes, namespace declarations, names beyond ASCII.
    private mutating func openGeneral(_ element: XMLElement, in stack: inout [Open]) throws {
        let name = elementName(element.name)
        // Its own declarations, as xmlNewNs takes them: `xml` is never declared, a prefix twice only once.
        var declarations: [Declaration] = []
        var hasNamespace = false
        var attributes: [(name: AttributeName, written: String, value: String)] = []
        attributes.reserveCapacity(element.attributes.count)
        for attribute in element.attributes {
            let attributeName = attributeName(attribute.name)
            guard case .some(let declared) = attributeName.declares else {
                attributes.append((attributeName, attribute.name, attribute.value))
                continue
            }
            let refused = declared == MarkupWriter.xmlPrefix || declarations.contains { $0.prefix == declared }
            if !refused { declarations.append(Declaration(prefix: declared, href: attribute.value)) }
            // xmlSetNs with the declaration made (nil when refused), for each default one.
            if declared == nil && name.prefix == nil { hasNamespace = !refused }
        }
        let declared = declarations.map(\.prefix)
        func resolves(_ prefix: [UInt8]) -> Bool {
            prefix == MarkupWriter.xmlPrefix || declared.contains(prefix) || stack.contains { $0.declared.contains(prefix) }
        }
        if let prefix = name.prefix {
            guard resolves(prefix) else { throw XMLError(message: "the prefix \(String(decoding: prefix, as: UTF8.self)): of <\(element.name)> is not declared") }
            hasNamespace = true
        }
        bytes.append(UInt8(ascii: "<"))
        appendName(name.qualified)
        for declaration in declarations {
            append(declaration.prefix == nil ? " xmlns=" : " xmlns:")
            if let prefix = declaration.prefix {
                appendName(prefix)
                bytes.append(UInt8(ascii: "="))
            }
            appendQuoted(MarkupWriter.cString(declaration.href))
        }
        let isLink = MarkupWriter.equalsIgnoringCase(name.local, "a")
        for (attributeName, written, value) in attributes {
            if let attributePrefix = attributeName.prefix, !resolves(attributePrefix) {
                throw XMLError(message: "the prefix \(String(decoding: attributePrefix, as: UTF8.self)): of \(written) is not declared")
            }
            self.attribute(
                attributeName, value: value,
                uri: attributeName.prefix == nil && !hasNamespace && (attributeName.isURI || (attributeName.isName && isLink)))
        }
        let info = hasNamespace ? .plain : name.info
        if info == .void {
            bytes.append(UInt8(ascii: ">"))
            if !element.children.isEmpty {
                stack.append(Open(children: element.children[...], endTag: nil, plainEndTag: nil, declared: declared, rawText: false, dropFrom: bytes.count))
            }
            return
        }
        if element.children.isEmpty {
            switch mode {
            case .xml: append("/>")
            case .html:
                bytes.append(UInt8(ascii: ">"))
                if info != .endTagOmitted {
                    append("</")
                    bytes += name.endTag
                    bytes.append(UInt8(ascii: ">"))
                }
            }
            return
        }
        bytes.append(UInt8(ascii: ">"))
        stack.append(Open(children: element.children[...], endTag: name.endTag, plainEndTag: nil, declared: declared, rawText: name.rawText, dropFrom: nil))
    }

    static let xmlPrefix = Array("xml".utf8)
}

// MARK: - Attributes

private extension MarkupWriter {
    private mutating func attribute(_ name: AttributeName, value: String, uri: Bool) {
        bytes.append(UInt8(ascii: " "))
        if let prefix = name.prefix {
            appendName(prefix)
            bytes.append(UInt8(ascii: ":"))
        }
        appendName(name.local)
        switch mode {
        case .xml:
            append("=\"")
            appendEscaped(value, attribute: true)
            bytes.append(UInt8(ascii: "\""))
        case .html:
            if name.isBoolean { return }
            appendHTMLValue(value, uri: uri)
        }
    }

    /// `="value"` as HTML.
    mutating func appendHTMLValue(_ value: String, uri: Bool) {
        bytes.append(UInt8(ascii: "="))
        // Most values need nothing done to them (a long `data:` picture among them): written as they are.
        if MarkupWriter.isPlain(value, uri: uri) {
            bytes.append(UInt8(ascii: "\""))
            bytes += value.utf8
            bytes.append(UInt8(ascii: "\""))
            return
        }
        var encoded = MarkupWriter.htmlEntityEncoded(value, attribute: true)
        if uri {
            // Blanks at the start are dropped, then everything but the unreserved characters and these is %-escaped.
            encoded = MarkupWriter.uriEscaped(Array(encoded.drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }))
        }
        appendQuoted(encoded)
    }

    /// A value in quotes as `xmlBufWriteQuotedString` writes it: double quotes, or single ones
    /// when it holds `"` and no `'`, or double with `&quot;` when it holds both.
    mutating func appendQuoted(_ value: [UInt8]) {
        let double = UInt8(ascii: "\""), single = UInt8(ascii: "'")
        guard value.contains(double) else {
            bytes.append(double)
            appendOutput(value)
            bytes.append(double)
            return
        }
        guard value.contains(single) else {
            bytes.append(single)
            appendOutput(value)
            bytes.append(single)
            return
        }
        var escaped: [UInt8] = []
        escaped.reserveCapacity(value.count + 12)
        for byte in value {
            if byte == double { escaped += Array("&quot;".utf8) } else { escaped.append(byte) }
        }
        bytes.append(double)
        appendOutput(escaped)
        bytes.append(double)
    }

    /// `xmlURIEscapeStr(value, "@/:=?;#%&,+<>")`: %-escapes every byte but letters, digits, `-_.!~*'()` and those.
    static func uriEscaped(_ value: [UInt8]) -> [UInt8] {
        let hex = Array("0123456789ABCDEF".utf8)
        var result: [UInt8] = []
        result.reserveCapacity(value.count)
        for byte in value {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "~"), UInt8(ascii: "*"),
                 UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"),
                 UInt8(ascii: "@"), UInt8(ascii: "/"), UInt8(ascii: ":"), UInt8(ascii: "="), UInt8(ascii: "?"), UInt8(ascii: ";"),
                 UInt8(ascii: "#"), UInt8(ascii: "%"), UInt8(ascii: "&"), UInt8(ascii: ","), UInt8(ascii: "+"), UInt8(ascii: "<"),
                 UInt8(ascii: ">"):
                result.append(byte)
            default:
                result += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return result
    }
}

// MARK: - Text

private extension MarkupWriter {
    /// Text inside an element.
    mutating func appendText(_ text: String) {
        switch mode {
        case .xml: appendEscaped(text, attribute: false)
        case .html: appendHTMLText(text)
        }
    }

    /// XML's escaping, of text or of an attribute value; every other byte as it is (runs of
    /// plain bytes copied whole).
    mutating func appendEscaped(_ text: String, attribute: Bool) {
        var text = text
        text.withUTF8 { buffer in
            var run = 0
            var index = 0
            func flush() {
                if index > run { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[run..<index])) }
            }
            while index < buffer.count {
                let byte = buffer[index]
                let escape: StaticString?
                switch byte {
                case 0:
                    flush()
                    return
                case UInt8(ascii: "<"): escape = "&lt;"
                case UInt8(ascii: ">"): escape = "&gt;"
                case UInt8(ascii: "&"): escape = "&amp;"
                case 0x0D: escape = "&#13;"
                case UInt8(ascii: "\"") where attribute: escape = "&quot;"
                case 0x0A where attribute: escape = "&#10;"
                case 0x09 where attribute: escape = "&#9;"
                default: escape = nil
                }
                if let escape {
                    flush()
                    append(escape)
                    run = index + 1
                }
                index += 1
            }
            flush()
        }
    }

    /// Text as HTML: ``htmlEntityEncoded(_:attribute:)`` then the output encoding, in one pass.
    mutating func appendHTMLText(_ text: String) {
        var text = text
        text.withUTF8 { buffer in
            var run = 0
            var index = 0
            func flush() {
                if index > run { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[run..<index])) }
            }
            while index < buffer.count {
                let byte = buffer[index]
                if byte == 0x09 || byte == 0x0A || byte == 0x0D
                    || (byte >= 0x20 && byte < 0x80 && byte != UInt8(ascii: "<") && byte != UInt8(ascii: ">") && byte != UInt8(ascii: "&")) {
                    index += 1
                    continue
                }
                if byte == 0 {
                    flush()
                    return
                }
                flush()
                switch byte {
                case UInt8(ascii: "<"): append("&lt;")
                case UInt8(ascii: ">"): append("&gt;")
                case UInt8(ascii: "&"): append("&amp;")
                case 0x80...:
                    let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                    var scalar = UInt32(byte) & (length == 4 ? 0x07 : length == 3 ? 0x0F : 0x1F)
                    for offset in 1..<length where index + offset < buffer.count {
                        scalar = scalar << 6 | (UInt32(buffer[index + offset]) & 0x3F)
                    }
                    appendEntity(scalar)
                    index += length - 1
                default:
                    break  // a control character: dropped, as libxml2 drops it
                }
                index += 1
                run = index
            }
            flush()
        }
    }

    /// `&name;` or `&#number;` for a character beyond ASCII.
    mutating func appendEntity(_ scalar: UInt32) {
        bytes.append(UInt8(ascii: "&"))
        if let name = HTMLEntities.names[scalar] {
            bytes += name.utf8
        } else {
            bytes.append(UInt8(ascii: "#"))
            bytes += String(scalar).utf8
        }
        bytes.append(UInt8(ascii: ";"))
    }

    /// `xmlEncodeEntitiesReentrant` (`xmlEncodeAttributeEntities` for a value) on an HTML
    /// document: `<`, `>` and `&` escaped, other controls but tab, LF and CR dropped; in a value
    /// `&{…}` and `<!--…-->` are kept as they are. Beyond ASCII is left to ``appendOutput(_:)``.
    static func htmlEntityEncoded(_ text: String, attribute: Bool) -> [UInt8] {
        var text = text
        return text.withUTF8 { buffer -> [UInt8] in
            let end = buffer.firstIndex(of: 0) ?? buffer.count
            var result: [UInt8] = []
            result.reserveCapacity(end + 16)
            var index = 0
            while index < end {
                let byte = buffer[index]
                switch byte {
                case UInt8(ascii: "<"):
                    if attribute, let close = raw(buffer, from: index, end: end, opener: "<!--", closer: "-->") {
                        result += buffer[index..<close]
                        index = close
                        continue
                    }
                    result += Array("&lt;".utf8)
                case UInt8(ascii: ">"):
                    result += Array("&gt;".utf8)
                case UInt8(ascii: "&"):
                    if attribute, let close = raw(buffer, from: index, end: end, opener: "&{", closer: "}") {
                        result += buffer[index..<close]
                        index = close
                        continue
                    }
                    result += Array("&amp;".utf8)
                case 0x09, 0x0A, 0x0D, 0x20...:
                    result.append(byte)
                default:
                    break
                }
                index += 1
            }
            return result
        }
    }

    /// Where the raw run that starts at `index` with `opener` ends (after `closer`), if it is closed.
    static func raw(_ buffer: UnsafeBufferPointer<UInt8>, from index: Int, end: Int, opener: String, closer: String) -> Int? {
        let open = Array(opener.utf8), close = Array(closer.utf8)
        guard index + open.count <= end, buffer[index..<(index + open.count)].elementsEqual(open) else { return nil }
        var probe = index + (opener == "&{" ? 1 : 0)
        while probe + close.count <= end {
            if buffer[probe..<(probe + close.count)].elementsEqual(close) { return probe + close.count }
            probe += 1
        }
        return nil
    }
}

// MARK: - Output

private extension MarkupWriter {
    mutating func append(_ ascii: StaticString) {
        ascii.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// A name (element, attribute, prefix) as given; as HTML, beyond ASCII as entities.
    mutating func appendName(_ name: [UInt8]) {
        appendOutput(name)
    }

    /// Text written as it is (a comment, `script` and `style` content, the doctype's name).
    mutating func appendRaw(_ text: String) {
        appendOutput(MarkupWriter.cString(text))
    }

    /// Bytes through the output encoding: as they are for XML; for HTML, ASCII as it is and
    /// every other character as `&name;` or `&#number;`.
    mutating func appendOutput(_ value: [UInt8]) {
        guard mode == .html, value.contains(where: { $0 >= 0x80 }) else {
            bytes += value
            return
        }
        bytes += htmlEncoded(value)
    }

    func htmlEncoded(_ value: [UInt8]) -> [UInt8] {
        guard mode == .html, value.contains(where: { $0 >= 0x80 }) else { return value }
        var result: [UInt8] = []
        result.reserveCapacity(value.count + 16)
        var index = 0
        while index < value.count {
            let byte = value[index]
            guard byte >= 0x80 else {
                // A run of ASCII copied whole (issue #23: a style sheet with a "…" in a comment
                // was copied a byte at a time).
                var end = index + 1
                while end < value.count && value[end] < 0x80 { end += 1 }
                result += value[index..<end]
                index = end
                continue
            }
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
            var scalar = UInt32(byte) & (length == 4 ? 0x07 : length == 3 ? 0x0F : 0x1F)
            for offset in 1..<length where index + offset < value.count {
                scalar = scalar << 6 | (UInt32(value[index + offset]) & 0x3F)
            }
            result.append(UInt8(ascii: "&"))
            if let name = HTMLEntities.names[scalar] {
                result += Array(name.utf8)
            } else {
                result.append(UInt8(ascii: "#"))
                result += Array(String(scalar).utf8)
            }
            result.append(UInt8(ascii: ";"))
            index += length
        }
        return result
    }
}

// MARK: - Names

extension MarkupWriter {
    /// What libxml2's table of HTML 4 elements says of an element, as far as writing goes.
    enum ElementInfo {
        case plain
        /// Empty by definition: `<br>`, never an end tag, children not written.
        case void
        /// Written without an end tag when it has no children.
        case endTagOmitted
    }

    static let voidElements = ["area", "base", "basefont", "br", "col", "frame", "hr", "img", "input", "isindex", "link", "meta", "param"]

    static func htmlInfo(_ name: [UInt8]) -> ElementInfo {
        if voidElements.contains(where: { equalsIgnoringCase(name, $0) }) { return .void }
        return equalsIgnoringCase(name, "li") ? .endTagOmitted : .plain
    }

    /// The prefix and local name, split at the first colon (as the libxml2 tree was built), each
    /// as the C string libxml2 was given.
    static func split(_ name: String) -> (prefix: [UInt8]?, local: [UInt8]) {
        guard let colon = name.utf8.firstIndex(of: UInt8(ascii: ":")) else { return (nil, cString(name)) }
        return (cString(String(name[..<colon])), cString(String(name[name.utf8.index(after: colon)...])))
    }

    /// `text`'s bytes up to its first NUL.
    static func cString(_ text: String) -> [UInt8] {
        let bytes = Array(text.utf8)
        guard let nul = bytes.firstIndex(of: 0) else { return bytes }
        return Array(bytes[..<nul])
    }

    static let booleanAttributes = ["checked", "compact", "declare", "defer", "disabled", "ismap", "multiple", "nohref", "noresize", "noshade", "nowrap", "readonly", "selected"]

    static func isBoolean(_ name: [UInt8]) -> Bool {
        booleanAttributes.contains { equalsIgnoringCase(name, $0) }
    }

    static func equalsIgnoringCase(_ name: [UInt8], _ ascii: String) -> Bool {
        let other = ascii.utf8
        guard name.count == other.count else { return false }
        return zip(name, other).allSatisfy { a, b in (a >= 65 && a <= 90 ? a + 32 : a) == b }
    }
}

extension MarkupWriter {
    /// Whether an HTML value comes out as it is: printable ASCII with nothing to escape or
    /// quote, and for an address nothing to %-escape and no blank to drop at the start.
    static func isPlain(_ value: String, uri: Bool) -> Bool {
        guard let first = value.utf8.first else { return true }
        if uri && first == 0x20 { return false }
        // A byte's class from a table, a long `data:` picture a byte at a time (issue #23: the
        // closure per byte was 2 % of a build).
        let needed: UInt8 = uri ? plainInURI : plainInURI | plainElsewhere
        let plain = value.utf8.withContiguousStorageIfAvailable { bytes in
            plainBytes.withUnsafeBufferPointer { table in bytes.allSatisfy { table[Int($0)] & needed != 0 } }
        }
        return plain ?? value.utf8.allSatisfy { plainBytes[Int($0)] & needed != 0 }
    }

    /// ``plainBytes``' classes: written as they are in any value, or in any but a URI's.
    static let plainInURI: UInt8 = 1
    static let plainElsewhere: UInt8 = 2
    /// The class of each byte in an HTML attribute's value: the unreserved characters of a URI
    /// and the reserved ones libxml2 leaves alone are plain everywhere; a space, a grave accent
    /// and `$ [ ] ^ { | } \` only outside a URI; everything else (quotes, `&`, `<`, `>`, control and non-ASCII bytes) never.
    static let plainBytes: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 256)
        for byte in UInt8(ascii: "a")...UInt8(ascii: "z") { table[Int(byte)] = plainInURI }
        for byte in UInt8(ascii: "A")...UInt8(ascii: "Z") { table[Int(byte)] = plainInURI }
        for byte in UInt8(ascii: "0")...UInt8(ascii: "9") { table[Int(byte)] = plainInURI }
        for byte in "-_.!~*'()@/:=?;#%,+".utf8 { table[Int(byte)] = plainInURI }
        for byte in " $[]^`{|}\\".utf8 { table[Int(byte)] = plainElsewhere }
        return table
    }()
}
