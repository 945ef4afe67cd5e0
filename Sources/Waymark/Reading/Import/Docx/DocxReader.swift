import Foundation
import WaymarkModel
import WaymarkXML

/// Reads a Word document (`.docx`, ECMA-376 WordprocessingML) into the document model.
///
/// Headings come from paragraph styles (Heading 1 to 9, styles based on them, their names
/// in other languages, and outline levels); lists from `numbering.xml`; bold and italic
/// from runs and character styles; tables, links, pictures with their alt text, footnotes
/// (as text at the end of their section) and the document's properties. Comments, tracked
/// deletions and hidden text are left out with a note; tracked insertions are kept.
/// Everything it cannot keep, and everything a person must decide, becomes a note.
public struct DocxReader: Sendable {
    /// The largest Word file read, checked before it is read: a long guide with photos is a few MB.
    public static let maximumSize = 64 << 20
    /// The most tables one document may have (a guide has a handful).
    public static let maximumTables = 500

    /// Creates a reader.
    public init() {}

    /// Reads the Word file in `bytes`, named `file` in every location and message.
    public func read(bytes: [UInt8], file: String) throws(ImportFailure) -> ImportResult {
        guard bytes.count <= DocxReader.maximumSize else {
            throw ImportFailure(
                at: ImportLocation(file: file), "the file is \(GuideReader.describe(size: bytes.count)); the largest Word file Waymark imports is \(DocxReader.maximumSize >> 20) MB",
                hint: "split the document into smaller ones, or make its pictures smaller (in Word: File, Compress Pictures)")
        }
        let package = try DocxPackage(bytes: bytes, file: file)
        let main = try package.packageTarget(endingWith: DocxPackage.officeDocumentType) ?? "word/document.xml"
        guard let document = try package.xml(main) else {
            throw ImportFailure(
                at: ImportLocation(file: file, part: main), "the file has no main document part (\(main)), so it is not a Word document",
                hint: "open it in Word or LibreOffice and save it again as 'Word Document (.docx)'")
        }
        guard document.name == "w:document", let body = document.child("w:body") else {
            throw ImportFailure(
                at: ImportLocation(file: file, part: main), "the part \(main) is not a Word document body (it starts with <\(document.name)>)",
                hint: "open it in Word or LibreOffice and save it again as 'Word Document (.docx)'")
        }
        let relationships = try package.relationships(of: main)
        func target(_ suffix: String) -> String? {
            relationships.values.first(where: { $0.type.hasSuffix(suffix) && !$0.isExternal })?.target
        }
        func related(_ suffix: String) throws(ImportFailure) -> XMLElement? {
            guard let target = target(suffix) else { return nil }
            return try package.xml(target)
        }
        // Notes have relationships of their own (the links and pictures in them).
        func notes(_ suffix: String, element: String) throws(ImportFailure) -> [String: DocxNote] {
            guard let part = target(suffix), let root = try package.xml(part) else { return [:] }
            return DocxReader.notes(root, element: element, relationships: try package.relationships(of: part))
        }
        let styles = DocxStyles(try related("/styles"))
        let numbering = DocxNumbering(try related("/numbering"))
        var conversion = DocxConversion(
            file: file, part: main, package: package, relationships: relationships, styles: styles, numbering: numbering,
            comments: DocxReader.comments(try related("/comments")),
            footnotes: try notes("/footnotes", element: "w:footnote"),
            endnotes: try notes("/endnotes", element: "w:endnote"))
        try conversion.convert(body)
        var properties = try DocxReader.properties(package)
        if properties.language == nil {
            let settings = try related("/settings")
            properties.language = styles.language ?? settings?.child("w:themeFontLang")?.wordValue
        }
        if properties.title == nil { properties.title = conversion.titleFromStyle }
        if properties.subject == nil { properties.subject = conversion.subtitleFromStyle }
        return conversion.finish(properties: properties)
    }
}

/// A footnote or an endnote, with the relationships of the part it is in.
struct DocxNote {
    var content: XMLElement
    var relationships: [String: DocxPackage.Relationship]
}

// MARK: - Parts besides the body

private extension DocxReader {
    /// `docProps/core.xml` (ECMA-376 Part 2 §11): title, subject, creator, language, description, keywords.
    static func properties(_ package: DocxPackage) throws(ImportFailure) -> DocumentProperties {
        let name = try package.packageTarget(endingWith: DocxPackage.corePropertiesType) ?? "docProps/core.xml"
        guard let root = try package.xml(name) else { return DocumentProperties() }
        func text(_ element: String) -> String? {
            let value = InlineAssembler.cleaned(root.child(element)?.textContent ?? "")
                .split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
            return value.isEmpty ? nil : value
        }
        let keywords = (text("cp:keywords") ?? "").split(whereSeparator: { $0 == "," || $0 == ";" })
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let modified = (text("dcterms:modified") ?? text("dcterms:created")).flatMap { FrontMatterReader.parseDate(String($0.prefix(10))) }
        return DocumentProperties(
            title: text("dc:title"), subject: text("dc:subject"), creator: text("dc:creator"), language: text("dc:language"),
            description: text("dc:description"), keywords: keywords, modified: modified)
    }

    /// The text of each comment (§17.13.4.2), by id.
    static func comments(_ root: XMLElement?) -> [String: String] {
        var result: [String: String] = [:]
        for comment in root?.children("w:comment") ?? [] {
            guard let id = comment.attribute("w:id") else { continue }
            let paragraphs = comment.children("w:p").map { InlineAssembler.cleaned($0.textContent) }
            result[id] = paragraphs.joined(separator: " ").split(separator: " ").joined(separator: " ")
        }
        return result
    }

    /// The footnotes or endnotes (§17.11), by id; the separators Word keeps among them are left out.
    static func notes(_ root: XMLElement, element: String, relationships: [String: DocxPackage.Relationship]) -> [String: DocxNote] {
        var result: [String: DocxNote] = [:]
        for note in root.children(element) {
            guard let id = note.attribute("w:id"), note.attribute("w:type") == nil || note.attribute("w:type") == "normal" else { continue }
            result[id] = DocxNote(content: note, relationships: relationships)
        }
        return result
    }
}
