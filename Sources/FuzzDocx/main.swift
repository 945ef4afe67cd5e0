import Foundation
import FuzzDriver
import Waymark
import WaymarkModel
import WaymarkZip

// libFuzzer entry point for the Word reader (waymark import). Built only with WAYMARK_FUZZ=1
// (see scripts/fuzz.sh). The first byte chooses what the rest is: even, a whole .docx file (the
// ZIP container, its relationships and parts); odd, only `word/document.xml`, put into a
// minimal .docx here, stored, so that mutations reach the XML instead of breaking the deflate
// stream. A file that imports must make a draft, and a draft without pictures must read back
// as the same guide; a file that does not must fail with a message that names it.

private let guidesFolder = URL(fileURLWithPath: "/nonexistent-waymark-fuzz-guides")
private let importer = Importer(guidesFolder: guidesFolder, guidesDisplay: "Guides", today: GuideDate(year: 2026, month: 12, day: 1))
private let date = Date(timeIntervalSince1970: 315_532_800)
private let packageRelationships = Array("""
    <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
    </Relationships>
    """.utf8)

/// A .docx holding `document` as its main part.
private func wrapped(_ document: [UInt8]) -> [UInt8]? {
    guard let writer = try? ZipArchiveWriter() else { return nil }
    do {
        try writer.add(path: "_rels/.rels", bytes: packageRelationships, compression: .stored, modified: date)
        try writer.add(path: "word/document.xml", bytes: document, compression: .stored, modified: date)
        return try writer.finish()
    } catch {
        return nil
    }
}

func fuzzDocx(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let rest = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    guard let bytes = data[0] % 2 == 0 ? rest : wrapped(rest) else { return 0 }
    do {
        let result = try DocxReader().read(bytes: bytes, file: "fuzz.docx")
        let draft = try importer.draft(of: result, input: "fuzz.docx", slug: "fuzz")
        guard draft.pictures.isEmpty else { return 0 }
        switch importer.verify(draft) {
        case .same:
            break
        case .differs(let place):
            fatalError("the draft does not read back as what was imported (\(place)):\n\(draft.text)")
        case .unreadable(let diagnostics):
            fatalError("the draft does not read: \(diagnostics.map(\.formatted))\n\(draft.text)")
        }
    } catch {
        if error.location.file != "fuzz.docx" || error.message.isEmpty || error.hint.isEmpty {
            fatalError("a refusal that does not say where and why: \(error)")
        }
    }
    return 0
}

runFuzzer { fuzzDocx($0, $1) }
