import Foundation
import WaymarkModel
import WaymarkXML

extension DocxConversion {
    /// A DrawingML object (`w:drawing`, ECMA-376 Part 1 §20.4): its pictures, with the alt text
    /// of `wp:docPr` (`descr`, then `title`), its text boxes, and a note for a chart or a diagram.
    mutating func drawing(_ element: XMLElement, into content: inout DocxParagraphContent) throws(ImportFailure) {
        let frame = element.first("wp:docPr")
        let pictures = DocxConversion.all("pic:pic", in: element)
        for shape in pictures {
            let own = shape.descendant("pic:nvPicPr", "pic:cNvPr")
            // One picture: the drawing's alt text is the picture's (Word writes it there); in a group, each picture's own.
            let description = pictures.count == 1 ? frame ?? own : own ?? frame
            let blip = shape.first("a:blip")
            if let id = blip?.attribute("r:embed") {
                picture(relationship: id, alt: DocxConversion.altText(description), into: &content)
            } else if let id = blip?.attribute("r:link") {
                let address = relationships[id]?.target ?? "another file"
                content.notes.append(("a picture linked from '\(DocxConversion.snippet(address))' was not fetched (Waymark never goes online): "
                                      + "save it into Guides/pictures/ and add it here with ![what it shows](pictures/name.png)", here))
            }
        }
        content.boxes += DocxConversion.all("w:txbxContent", in: element)
        let uri = element.first("a:graphicData")?.attribute("uri") ?? ""
        if uri.hasSuffix("/diagram") {
            content.notes.append(("a SmartArt diagram was left out here: write what it shows as a list, or save it as a picture and add it", here))
        } else if uri.hasSuffix("/chart") {
            content.notes.append(("a chart was left out here: say in words what it shows, or save it as a picture and add it", here))
        }
    }

    /// A VML shape or an embedded object (`w:pict`, `w:object`, §9.2 of Part 4): its picture,
    /// with the shape's `alt` (or the picture's `o:title`) as alt text, and its text boxes.
    mutating func vml(_ element: XMLElement, into content: inout DocxParagraphContent) throws(ImportFailure) {
        for shape in DocxConversion.all("v:shape", in: element) + DocxConversion.all("v:rect", in: element) {
            for data in shape.children("v:imagedata") {
                guard let id = data.attribute("r:id") ?? data.attribute("r:pict") else { continue }
                let alt = [shape.attribute("alt"), data.attribute("o:title")].compactMap { $0 }
                    .map { DocxConversion.snippetWhole($0) }.first { !$0.isEmpty }
                picture(relationship: id, alt: alt.map { (text: $0, automatic: false) }, into: &content)
            }
        }
        content.boxes += DocxConversion.all("w:txbxContent", in: element)
        if element.first("o:OLEObject") != nil {
            content.notes.append(("an object embedded from another program was left out here (only its picture, if it had one, was kept): "
                                  + "copy what it says into the draft if readers need it", here))
        }
    }

    /// The picture whose part the relationship `id` names, as a block of `content`.
    mutating func picture(relationship id: String, alt: (text: String, automatic: Bool)?, into content: inout DocxParagraphContent) {
        guard lists.count < 64 else { return }
        guard let relationship = relationships[id], !relationship.isExternal else {
            content.notes.append(("a picture was left out here: the Word file does not hold it (relationship \(DocxConversion.snippet(id)) is missing)", here))
            return
        }
        let name = (relationship.target as NSString).lastPathComponent
        let bytes: [UInt8]
        do {
            guard let read = try package.bytes(of: relationship.target, limit: PictureResolver.maximumSize) else {
                content.notes.append(("the picture '\(DocxConversion.snippet(name))' was left out here: the Word file does not hold it", here))
                return
            }
            bytes = read
        } catch {
            content.notes.append(("the picture '\(DocxConversion.snippet(name))' was left out here: \(error.message)", here))
            return
        }
        switch builder.picture(bytes, name: name) {
        case .failure(let refusal):
            content.notes.append(("the picture '\(DocxConversion.snippet(name))' \(refusal)", here))
        case .success(let source):
            var text = alt?.text ?? ""
            if alt == nil || text.isEmpty {
                text = ""
                content.notes.append(("this picture ('\(DocxConversion.snippet(name))') has no alt text in the Word file: write what it shows "
                                      + "between the square brackets of ![](…), or leave them empty if it is only decoration", here))
            } else if alt?.automatic == true {
                content.notes.append(("Word wrote this picture's alt text itself ('\(DocxConversion.snippet(text))'): "
                                      + "check it says what the picture shows, for a young reader", here))
            }
            content.pictures.append(Block(.picture(Picture(alt: text, source: source, resource: source)), at: location))
        }
    }

    /// Alt text from a `wp:docPr` or `pic:cNvPr` (`descr`, then `title`), and whether Word wrote it
    /// itself ("… Description automatically generated"), which is then taken off.
    static func altText(_ element: XMLElement?) -> (text: String, automatic: Bool)? {
        guard let element else { return nil }
        for attribute in ["descr", "title"] {
            guard var text = element.attribute(attribute).map({ snippetWhole($0) }), !text.isEmpty else { continue }
            var automatic = false
            for marker in ["Description automatically generated", "Automatically generated description"] {
                if let range = text.range(of: marker, options: [.caseInsensitive]) {
                    text.removeSubrange(range)
                    text = text.trimmingCharacters(in: CharacterSet(charactersIn: " .,\n"))
                    automatic = true
                }
            }
            if !text.isEmpty { return (text, automatic) }
        }
        return nil
    }

    /// `text` cleaned and with single spaces, whole.
    static func snippetWhole(_ text: String) -> String {
        InlineAssembler.cleaned(text).split(separator: " ").joined(separator: " ")
    }

    /// Every element named `name` inside `element` (not inside one already found).
    static func all(_ name: String, in element: XMLElement) -> [XMLElement] {
        var found: [XMLElement] = []
        for child in element.elements {
            if child.name == name { found.append(child) } else { found += all(name, in: child) }
        }
        return found
    }
}
