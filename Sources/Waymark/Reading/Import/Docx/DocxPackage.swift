import Foundation
import WaymarkXML
import WaymarkZip

/// A Word file as an Open Packaging Conventions package (ECMA-376 Part 2): a ZIP archive of
/// parts, linked by relationship parts, read within limits.
///
/// Every failure names the file and the part it is about.
final class DocxPackage {
    /// One relationship of a part (ECMA-376 Part 2 §9.3).
    struct Relationship {
        var type: String
        /// The part it leads to (resolved to a part name), or the address for an external one.
        var target: String
        var isExternal: Bool
    }

    /// The largest XML part read: a long Word document's `document.xml` is 1 or 2 MB.
    static let maximumXMLSize = 16 << 20
    /// ECMA-376 Part 1 §11.3.10 (main document), Part 2 §11 (core properties).
    static let officeDocumentType = "/officeDocument"
    static let corePropertiesType = "/metadata/core-properties"

    /// The file as the user named it.
    let file: String
    private let archive: ZipArchive

    /// Opens `bytes`, the Word file `file`.
    init(bytes: [UInt8], file: String) throws(ImportFailure) {
        self.file = file
        do {
            archive = try ZipArchive(bytes: bytes)
        } catch {
            switch error {
            case .notAnArchive:
                throw ImportFailure(
                    at: ImportLocation(file: file), "this is not a Word document (.docx): a .docx file is a ZIP archive, and this one is not (\(error.description))",
                    hint: "open it in Word or LibreOffice and save it again as 'Word Document (.docx)'; an older '.doc' file must be saved as .docx first")
            default:
                throw DocxPackage.failure(error, file: file)
            }
        }
    }

    /// The bytes of the part `name`, at most `limit`; nil when there is no such part.
    func bytes(of name: String, limit: Int) throws(ImportFailure) -> [UInt8]? {
        guard let entry = archive.entry(named: name) else { return nil }
        do {
            return try archive.read(entry, limit: limit)
        } catch {
            throw DocxPackage.failure(error, file: file)
        }
    }

    /// The XML part `name` with the reader's prefixes (``OOXMLNames``); nil when there is no such part.
    func xml(_ name: String) throws(ImportFailure) -> XMLElement? {
        guard let bytes = try bytes(of: name, limit: DocxPackage.maximumXMLSize) else { return nil }
        let place = ImportLocation(file: file, part: name)
        // ECMA-376 Part 2 §8.1.4 (XML usage) [M1.18]: DTD declarations are an error in a package part,
        // since entity expansion and external references live there.
        if DocxPackage.declaresDocumentType(bytes) {
            throw ImportFailure(
                at: place, "the part \(name) declares a document type (<!DOCTYPE …>), which a Word file never has; it may try to expand entities or load other files",
                hint: "open the file in Word or LibreOffice and save it again as .docx; if it came from someone you do not know, do not open it")
        }
        do {
            return OOXMLNames.canonical(try XMLDocument.parse(bytes))
        } catch let error as XMLError {
            let line = error.line > 0 ? " (line \(error.line))" : ""
            throw ImportFailure(
                at: ImportLocation(file: file, part: name, line: error.line > 0 ? error.line : nil),
                "the part \(name) is not well-formed XML\(line): \(error.message)",
                hint: "the file is damaged: open it in Word or LibreOffice and save it again as .docx")
        } catch {
            throw ImportFailure(at: place, "the part \(name) could not be read: \(error)", hint: "open the file in Word or LibreOffice and save it again as .docx")
        }
    }

    /// The relationships of the part `name` (from `_rels/<name>.rels` beside it), by id.
    func relationships(of name: String) throws(ImportFailure) -> [String: Relationship] {
        let folder = DocxPackage.folder(of: name)
        let relsName = (folder.isEmpty ? "" : folder + "/") + "_rels/" + (name as NSString).lastPathComponent + ".rels"
        guard let root = try xml(relsName) else { return [:] }
        var result: [String: Relationship] = [:]
        for relationship in root.children("rel:Relationship") {
            guard let id = relationship.attribute("Id"), let target = relationship.attribute("Target"),
                  let type = relationship.attribute("Type") else { continue }
            let external = relationship.attribute("TargetMode") == "External"
            result[id] = Relationship(type: type, target: external ? target : DocxPackage.resolve(target, from: folder), isExternal: external)
        }
        return result
    }

    /// The package's relationship of a type ending in `suffix` (the main document, the core properties).
    func packageTarget(endingWith suffix: String) throws(ImportFailure) -> String? {
        let relationships = try relationships(of: "")
        return relationships.values.filter { $0.type.hasSuffix(suffix) && !$0.isExternal }.map(\.target).sorted().first
    }
}

// MARK: - Implementation

extension DocxPackage {
    /// The folder of a part name (`word` for `word/document.xml`; empty at the top).
    static func folder(of name: String) -> String {
        guard let slash = name.lastIndex(of: "/") else { return "" }
        return String(name[..<slash])
    }

    /// A relationship target resolved against the source part's folder (ECMA-376 Part 2
    /// §9.3.4: a relative reference), percent escapes decoded, `..` and `.` taken out.
    static func resolve(_ target: String, from folder: String) -> String {
        let decoded = target.removingPercentEncoding ?? target
        var parts: [Substring] = decoded.hasPrefix("/") ? [] : folder.split(separator: "/")
        for piece in decoded.split(separator: "/") {
            switch piece {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(piece)
            }
        }
        return parts.joined(separator: "/")
    }

    /// Whether the XML prolog of `bytes` holds `<!DOCTYPE`.
    static func declaresDocumentType(_ bytes: [UInt8]) -> Bool {
        let marker = Array("<!DOCTYPE".utf8)
        var index = 0
        // Before the root element: the declaration, comments, processing instructions and the DTD.
        while index + marker.count <= bytes.count {
            if bytes[index] == UInt8(ascii: "<") {
                let next = index + 1 < bytes.count ? bytes[index + 1] : 0
                if next != UInt8(ascii: "?") && next != UInt8(ascii: "!") { return false }
                if Array(bytes[index..<(index + marker.count)]).map({ $0 | (($0 >= 65 && $0 <= 90) ? 0x20 : 0) })
                    == marker.map({ $0 | (($0 >= 65 && $0 <= 90) ? 0x20 : 0) }) { return true }
            }
            index += 1
        }
        return false
    }

    static func failure(_ error: ZipReadError, file: String) -> ImportFailure {
        switch error {
        case .notAnArchive(let message):
            return ImportFailure(at: ImportLocation(file: file), "the file is not a ZIP archive (\(message))", hint: "save it again as .docx")
        case .tooManyEntries:
            return ImportFailure(at: ImportLocation(file: file), "the file is too complex to be a Word document: \(error.description)",
                                 hint: "open it in Word or LibreOffice and save it again as .docx")
        case .entryTooLarge(let name, _, _), .archiveTooLarge(let name, _):
            return ImportFailure(at: ImportLocation(file: file, part: name), "\(error.description)",
                                 hint: "split the document into smaller ones (a guide is usually 5 to 20 pages), or make its pictures smaller")
        case .suspiciousCompression(let name, _, _):
            return ImportFailure(at: ImportLocation(file: file, part: name), "\(error.description); Waymark stopped reading it",
                                 hint: "this is not an ordinary Word file: if it came from someone you do not know, delete it; otherwise open it in Word and save it again")
        case .encrypted(let name):
            return ImportFailure(at: ImportLocation(file: file, part: name), "\(error.description)",
                                 hint: "open it in Word, remove the password (File, Info, Protect Document) and save it again")
        case .damaged(let name, _):
            return ImportFailure(at: ImportLocation(file: file, part: name), "\(error.description)",
                                 hint: "the file is damaged: open it in Word or LibreOffice and save it again as .docx")
        }
    }
}
