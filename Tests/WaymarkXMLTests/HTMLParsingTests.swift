import Testing
import WaymarkXML

@Suite struct HTMLParsingTests {
    func elements(named name: String, in element: XMLElement) -> [XMLElement] {
        var found: [XMLElement] = element.name == name ? [element] : []
        for case .element(let child) in element.children { found += elements(named: name, in: child) }
        return found
    }

    @Test func recoversFromWhatWebPagesGetWrong() throws {
        let page = "<!DOCTYPE html><HTML lang=en-GB><title>Help &amp; advice</title><BODY><P>One<p>Two &nbsp;three<ul><li>a<li>b</ul>"
        let root = try XMLDocument.parseHTML(Array(page.utf8))
        #expect(root.name == "html")
        #expect(root.attribute("lang") == "en-GB")
        #expect(elements(named: "title", in: root).first?.textContent == "Help & advice")
        #expect(elements(named: "p", in: root).map(\.textContent) == ["One", "Two \u{A0}three"])
        #expect(elements(named: "li", in: root).count == 2)
    }

    @Test func readsUTF8WhenThePageDeclaresNoCharacterSet() throws {
        let root = try XMLDocument.parseHTML(Array("<p>Café – naïve</p>".utf8))
        #expect(elements(named: "p", in: root).first?.textContent == "Café – naïve")
    }

    @Test func neverLoadsAnExternalDocumentTypeOrEntity() throws {
        let page = """
            <!DOCTYPE html SYSTEM "http://127.0.0.1:9/evil.dtd"><html><body><p>&evil; text</p></body></html>
            """
        let root = try XMLDocument.parseHTML(Array(page.utf8))
        #expect(elements(named: "p", in: root).first?.textContent == "&evil; text")
    }

    @Test func keepsLineNumbers() throws {
        let root = try XMLDocument.parseHTML(Array("<html>\n<body>\n\n<h1>Title</h1>\n</body></html>".utf8))
        #expect(elements(named: "h1", in: root).first?.line == 4)
    }
}
