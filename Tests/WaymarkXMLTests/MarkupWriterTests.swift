import Testing
@testable import WaymarkXML

/// The Swift writer gives exactly libxml2's bytes (issue #23: every output stays byte-identical),
/// on seeded trees with the names, attributes and characters that need care.
@Suite struct MarkupWriterTests {
    /// A seeded generator of trees.
    struct Trees {
        var state: UInt64

        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % bound
        }

        mutating func pick<T>(_ items: [T]) -> T { items[next(items.count)] }

        static let elements = [
            "p", "a", "br", "img", "meta", "link", "hr", "input", "li", "ul", "script", "style", "section", "nav", "span",
            "title", "head", "body", "svg", "epub:switch", "dc:title", "LI", "Br", "SCRIPT", "td", "embed", "source",
            "BaseFont", "ISINDEX", "Style", "A", "blockquote",
        ]
        static let attributes = [
            "href", "src", "action", "name", "title", "alt", "class", "checked", "Selected", "HREF", "epub:type",
            "xml:lang", "xmlns", "xmlns:epub", "xmlns:dc", "data-x", "aria-label", "style", "download",
            "epub:type:x", "XMLNS:epub", "epub:", ":type", "NoWrap", "ISMAP", "xml:space", "dc:Checked", "Name", "Action",
        ]
        static let pieces = [
            "a", "word", " ", "  lead", "é", "’", "–", "…", "😀", "ولد", "€", "\u{A0}", "<", ">", "&", "&amp;", "&{x}", "&{",
            "}", "<!-- c -->", "<!--", "-->", "\"", "'", "\n", "\t", "\r", "\u{1}", "\u{7F}", "%", "%20", "[x]", "#top",
            "?a=1&b=2", "data:image/png;base64,AB+/=", "https://example.org/a b", "\u{FEFF}", "\u{10FFFF}", "x\u{0}cut",
        ]

        mutating func text() -> String {
            (0..<next(4)).map { _ in pick(Trees.pieces) }.joined()
        }

        mutating func element(depth: Int, declared: Set<String>) -> XMLElement {
            var declared = declared
            var attributes: [XMLAttribute] = []
            for _ in 0..<next(5) {
                let name = pick(Trees.attributes)
                if name.hasPrefix("xmlns:") { declared.insert(String(name.dropFirst(6))) }
                // Now and then a prefix that is declared nowhere (both writers refuse it).
                if name.contains(":"), !name.hasPrefix("xmlns"), name.hasPrefix("xml:") == false,
                   !declared.contains(String(name.prefix { $0 != ":" })), next(8) != 0 { continue }
                attributes.append(XMLAttribute(name, name.hasPrefix("xmlns") ? pick(["http://www.idpf.org/2007/ops", "urn:x", "a\"b", "é"]) : text()))
            }
            var name = pick(Trees.elements)
            if name.contains(":"), !declared.contains(String(name.prefix { $0 != ":" })), next(8) != 0 { name = "div" }
            var children: [XMLNode] = []
            if depth < 4 {
                for _ in 0..<next(5) {
                    switch next(5) {
                    case 0, 1: children.append(.text(text()))
                    case 2: children.append(.comment(pick([" c ", "é", ""])))
                    default: children.append(.element(element(depth: depth + 1, declared: declared)))
                    }
                }
            }
            return XMLElement(name, attributes: attributes, children: children)
        }
    }

    /// Both ways of writing, as bytes or as the error's message.
    static func outcome(_ write: () throws -> [UInt8]) -> Result<[UInt8], XMLError> {
        Result { try write() }.mapError { $0 as? XMLError ?? XMLError(message: "\($0)") }
    }

    @Test(arguments: 0..<8)
    func generatedTreesGiveLibxml2sBytes(batch: Int) {
        for seed in (batch * 100)..<(batch * 100 + 100) {
            var trees = Trees(state: UInt64(seed))
            let root = XMLElement("html", attributes: [XMLAttribute("lang", "cy")], children: [.element(trees.element(depth: 0, declared: []))])
            let other = trees.element(depth: 0, declared: [])
            for tree in [root, other] {
                #expect(Self.outcome { try XMLDocument.serializeHTML(tree) } == Self.outcome { try XMLDocument.libxml2SerializeHTML(tree) }, "HTML, seed \(seed)")
                #expect(Self.outcome { try XMLDocument.serialize(tree, doctype: "html") } == Self.outcome { try XMLDocument.libxml2Serialize(tree, doctype: "html") }, "XML, seed \(seed)")
                #expect(Self.outcome { try XMLDocument.serialize(tree, declaration: false) } == Self.outcome { try XMLDocument.libxml2Serialize(tree, declaration: false) }, "SVG-like, seed \(seed)")
            }
        }
    }

    /// The quick path's names by their codes give the answers the byte-by-byte comparisons give,
    /// whatever the case of each letter.
    @Test func namesByCodeAreNamesByTheirBytes() {
        var trees = Trees(state: 3)
        let names = Trees.elements + Trees.attributes + MarkupWriter.voidElements + MarkupWriter.booleanAttributes
            + ["", "l", "lI", "areas", "bas", "basefonts", "href2", "scripts", "abcdefgh", "abcdefghi"]
        for name in names {
            for _ in 0..<20 {
                let mixed = String(String.UnicodeScalarView(name.unicodeScalars.map { scalar in
                    trees.next(2) == 0 ? scalar : Unicode.Scalar(scalar.properties.uppercaseMapping) ?? scalar
                }))
                let bytes = Array(mixed.utf8)
                let code = MarkupWriter.scan(mixed)?.code ?? 0
                #expect((MarkupWriter.scan(mixed) == nil) == bytes.isEmpty, "\(mixed)")
                #expect(code == MarkupWriter.code(mixed), "\(mixed)")
                #expect((code != 0) == (1...8).contains(bytes.count), "\(mixed)")
                #expect(MarkupWriter.htmlInfo(code: code) == MarkupWriter.htmlInfo(bytes), "\(mixed)")
                #expect((code != 0 && MarkupWriter.booleanCodes.contains(code)) == MarkupWriter.isBoolean(bytes), "\(mixed)")
                #expect((code != 0 && MarkupWriter.uriCodes.contains(code))
                    == ["href", "src", "action"].contains { MarkupWriter.equalsIgnoringCase(bytes, $0) }, "\(mixed)")
                #expect(MarkupWriter.scan(mixed)?.colon == bytes.firstIndex(of: UInt8(ascii: ":")), "\(mixed)")
            }
        }
        #expect(MarkupWriter.scan("é") == nil)
        #expect(MarkupWriter.scan("a\u{0}b") == nil)
    }

    @Test(arguments: 0..<4)
    func aStreamedDocumentIsTheWholeTreesBytes(batch: Int) {
        for seed in (batch * 50)..<(batch * 50 + 50) {
            var trees = Trees(state: UInt64(seed) &+ 7)
            var children: [XMLNode] = [.element(trees.element(depth: 1, declared: ["epub"]))]
            for _ in 0..<trees.next(6) { children.append(.element(trees.element(depth: 1, declared: ["epub"]))) }
            children.append(.text("tail & <end>"))
            let root = XMLElement("feed", attributes: [XMLAttribute("xmlns", "http://www.w3.org/2005/Atom"), XMLAttribute("xmlns:epub", "urn:x")], children: children)
            let whole = Self.outcome { try XMLDocument.serialize(root) }
            let streamed = Self.outcome { () throws -> [UInt8] in
                var stream = try XMLStream(XMLElement(root.name, attributes: root.attributes, children: [children[0]]))
                var bytes = stream.take()
                for child in children.dropFirst() {
                    try stream.add(child)
                    bytes += stream.take()
                }
                try stream.end()
                return bytes + stream.take()
            }
            #expect(streamed == whole, "seed \(seed)")
        }
    }

    /// `element`'s children from `start` on, added to `stream` one by one, some left open and filled
    /// a child at a time in turn, as the list of every guide is written.
    static func stream(_ element: XMLElement, from start: Int, into stream: inout XMLStream, trees: inout Trees, html: Bool) throws {
        for child in element.children.dropFirst(start) {
            guard case .element(let inner) = child, !inner.children.isEmpty, trees.next(3) != 0,
                  !html || MarkupWriter.htmlInfo(Array(inner.name.utf8)) != .void else {
                try stream.add(child)
                continue
            }
            let first = trees.next(inner.children.count)
            try stream.enter(XMLElement(inner.name, attributes: inner.attributes, children: Array(inner.children.prefix(first))))
            try Self.stream(inner, from: first, into: &stream, trees: &trees, html: html)
            try stream.leave()
        }
    }

    @Test(arguments: 0..<4)
    func aDocumentStreamedElementByElementIsTheWholeTreesBytes(batch: Int) {
        for seed in (batch * 50)..<(batch * 50 + 50) {
            var trees = Trees(state: UInt64(seed) &+ 11)
            var children: [XMLNode] = [.element(trees.element(depth: 0, declared: []))]
            for _ in 0..<trees.next(5) { children.append(.element(trees.element(depth: 0, declared: []))) }
            let root = XMLElement("html", attributes: [XMLAttribute("lang", "cy"), XMLAttribute("xmlns:epub", "urn:x")], children: children)
            for html in [true, false] {
                let whole = Self.outcome { html ? try XMLDocument.serializeHTML(root) : try XMLDocument.serialize(root) }
                let streamed = Self.outcome { () throws -> [UInt8] in
                    let head = XMLElement(root.name, attributes: root.attributes, children: [children[0]])
                    var stream = html ? try XMLStream(html: head) : try XMLStream(head)
                    var bytes = stream.take()
                    try Self.stream(root, from: 1, into: &stream, trees: &trees, html: html)
                    bytes += stream.take()
                    try stream.end()
                    return bytes + stream.take()
                }
                #expect(streamed == whole, "\(html ? "HTML" : "XML"), seed \(seed)")
            }
        }
    }

    @Test func everyCharacterHasLibxml2sEntity() throws {
        // HTML 4's named characters and the numbered ones between them, as text and in a value.
        let characters = (UInt32(0x80)..<0x2800).compactMap(Unicode.Scalar.init).map(String.init) + ["😀", "\u{FFFD}", "\u{10FFFF}"]
        let root = XMLElement("html", children: characters.map { character in
            .element(XMLElement("p", attributes: [XMLAttribute("title", character)], children: [.text(character)]))
        })
        #expect(try XMLDocument.serializeHTML(root) == XMLDocument.libxml2SerializeHTML(root))
    }

    @Test func undeclaredPrefixesAreRefusedAsBefore() {
        let element = XMLElement("html", children: [.element(XMLElement("epub:switch"))])
        #expect(throws: XMLError(message: "the prefix epub: of <epub:switch> is not declared")) { try XMLDocument.serialize(element) }
        let attribute = XMLElement("p", attributes: [XMLAttribute("epub:type", "x")])
        #expect(throws: XMLError(message: "the prefix epub: of epub:type is not declared")) { try XMLDocument.serializeHTML(attribute) }
    }

    /// ``MarkupWriter/isPlain(_:uri:)`` reads a table (issue #23); its answer for every byte, in
    /// an address and elsewhere, is the character classes' it was first written with.
    @Test func plainValuesAreTheClassesOwn() {
        func plain(_ byte: UInt8, uri: Bool) -> Bool {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                return true
            case _ where "-_.!~*'()@/:=?;#%,+".utf8.contains(byte):
                return true
            case _ where " $[]^`{|}\\".utf8.contains(byte):
                return !uri
            default:
                return false
            }
        }
        for uri in [false, true] {
            for byte in UInt8(1)...UInt8(0x7F) {
                let text = String(decoding: [UInt8(ascii: "a"), byte, UInt8(ascii: "b")], as: UTF8.self)
                #expect(MarkupWriter.isPlain(text, uri: uri) == plain(byte, uri: uri), "\(byte) uri: \(uri)")
            }
            #expect(!MarkupWriter.isPlain("caf\u{E9}", uri: uri))
            #expect(MarkupWriter.isPlain("", uri: uri))
        }
        #expect(!MarkupWriter.isPlain(" a", uri: true))
        #expect(MarkupWriter.isPlain(" a", uri: false))
        // A long value, as a picture's `data:` address is.
        let long = String(repeating: "data:image/png;base64,AAAA+/=", count: 100)
        #expect(MarkupWriter.isPlain(long, uri: true))
        #expect(!MarkupWriter.isPlain(long + "\"", uri: true))
    }
}
