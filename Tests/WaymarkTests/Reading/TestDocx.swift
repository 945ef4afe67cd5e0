import Foundation
import WaymarkZip

/// Word files made in a test, from the parts a reader needs.
enum TestDocx {
    static let namespaces = #"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#

    /// A `.docx` whose body is `body` (WordprocessingML), with `styles` (the `w:style` elements), if any,
    /// and `extra` parts; `document` replaces the whole main part when given.
    static func make(
        body: String = "", styles: String? = nil, document: String? = nil, extra: [(String, [UInt8])] = [],
        compression: ZipArchiveWriter.Compression = .deflated
    ) throws -> [UInt8] {
        let writer = try ZipArchiveWriter()
        let date = Date(timeIntervalSince1970: 315_532_800)
        let package = """
            <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
            </Relationships>
            """
        var parts: [(String, [UInt8])] = [("_rels/.rels", Array(package.utf8))]
        parts.append(("word/document.xml", Array((document ?? "<?xml version=\"1.0\"?><w:document \(namespaces)><w:body>\(body)</w:body></w:document>").utf8)))
        if let styles {
            let rels = """
                <?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
                </Relationships>
                """
            parts.append(("word/_rels/document.xml.rels", Array(rels.utf8)))
            parts.append(("word/styles.xml", Array("<?xml version=\"1.0\"?><w:styles \(namespaces)>\(styles)</w:styles>".utf8)))
        }
        for (path, bytes) in parts + extra { try writer.add(path: path, bytes: bytes, compression: compression, modified: date) }
        return try writer.finish()
    }
}
