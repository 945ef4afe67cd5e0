import Testing
import WaymarkXML

@Suite struct XMLDocumentTests {
    @Test func parsesElementsAttributesAndText() throws {
        let root = try XMLDocument.parse(Array(#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><title>A phone</title><rect width="1"/></svg>"#.utf8))
        #expect(root.name == "svg")
        #expect(root.attribute("viewBox") == "0 0 10 10")
        #expect(root.attribute("xmlns") == "http://www.w3.org/2000/svg")
        #expect(root.children.count == 2)
        #expect(root.textContent == "A phone")
    }

    @Test func malformedXMLGivesLineAndColumn() {
        do {
            _ = try XMLDocument.parse(Array("<a>\n<b></a>".utf8))
            Issue.record("no error")
        } catch let error as XMLError {
            #expect(error.line == 2)
            #expect(!error.message.isEmpty)
        } catch {
            Issue.record("wrong error \(error)")
        }
    }

    @Test func entitiesAndExternalReferencesAreRefused() {
        let billionLaughs = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>
            <svg>&lol2;</svg>
            """
        #expect(throws: XMLError.self) { try XMLDocument.parse(Array(billionLaughs.utf8)) }
        let external = """
            <?xml version="1.0"?>
            <!DOCTYPE svg [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <svg>&xxe;</svg>
            """
        #expect(throws: XMLError.self) { try XMLDocument.parse(Array(external.utf8)) }
    }

    @Test func deepNestingIsAnError() {
        let deep = String(repeating: "<g>", count: 5_000) + String(repeating: "</g>", count: 5_000)
        #expect(throws: XMLError.self) { try XMLDocument.parse(Array(deep.utf8)) }
    }

    @Test func serializesWithNamespacesAndEscapes() throws {
        let page = XMLElement("html", attributes: [
            XMLAttribute("xmlns", "http://www.w3.org/1999/xhtml"),
            XMLAttribute("xmlns:epub", "http://www.idpf.org/2007/ops"),
            XMLAttribute("xml:lang", "en-GB"),
        ], children: [
            .element(XMLElement("body", attributes: [XMLAttribute("epub:type", "bodymatter")], children: [
                .element(XMLElement("p", children: [.text("Tom & Jerry <3")])),
            ])),
        ])
        let bytes = try XMLDocument.serialize(page, doctype: "html")
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n"))
        #expect(text.contains(#"<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" xml:lang="en-GB">"#))
        #expect(text.contains(#"<body epub:type="bodymatter"><p>Tom &amp; Jerry &lt;3</p></body>"#))
        let back = try XMLDocument.parse(bytes)
        #expect(back.textContent == "Tom & Jerry <3")
    }

    @Test func undeclaredPrefixIsAnError() {
        #expect(throws: XMLError.self) { try XMLDocument.serialize(XMLElement("a", attributes: [XMLAttribute("epub:type", "x")])) }
    }
}

@Suite struct HTMLSerializationTests {
    @Test func voidAndEmptyElementsAreWrittenAsHTML() throws {
        let page = XMLElement("html", attributes: [XMLAttribute("lang", "en-GB")], children: [
            .element(XMLElement("head", children: [
                .element(XMLElement("meta", attributes: [XMLAttribute("charset", "utf-8")])),
                .element(XMLElement("title", children: [.text("A & B")])),
                .element(XMLElement("style", children: [.text("a > b { color: #000 }")])),
            ])),
            .element(XMLElement("body", children: [
                .element(XMLElement("div", attributes: [XMLAttribute("class", "ruled-line")])),
                .element(XMLElement("p", children: [.text("one"), .element(XMLElement("br")), .text("two <3")])),
                .element(XMLElement("img", attributes: [XMLAttribute("src", "data:image/svg+xml;base64,PHN2Zy8+"), XMLAttribute("alt", "")])),
            ])),
        ])
        let text = String(decoding: try XMLDocument.serializeHTML(page), as: UTF8.self)
        #expect(text.hasPrefix("<!DOCTYPE html>\n<html lang=\"en-GB\">"))
        #expect(text.contains("<div class=\"ruled-line\"></div>"))
        #expect(text.contains("one<br>two &lt;3"))
        #expect(text.contains("a > b { color: #000 }"))
        #expect(text.contains("<img src=\"data:image/svg+xml;base64,PHN2Zy8+\" alt=\"\">"))
        #expect(text.contains("<title>A &amp; B</title>"))
    }
}
