import Foundation
import WaymarkModel
import WaymarkXML

extension HTMLConversion {
    // MARK: - Tables

    /// A table (HTML §4.9), its `rowspan` and `colspan` written out (a cell spanning rows repeats
    /// its words in each; one spanning columns keeps them in its first), shaped by ``TableShaper``.
    mutating func table(_ element: XMLElement, format: Format) throws(ImportFailure) {
        tables += 1
        guard tables <= HTMLPageReader.maximumTables else {
            throw ImportFailure(
                at: here, "the page has more than \(HTMLPageReader.maximumTables) tables, far more than a guide can hold",
                hint: "import the part of the page the guide is about, or split it into several guides")
        }
        let place = location
        var rows: [(row: XMLElement, head: Bool)] = []
        func collect(_ parent: XMLElement, head: Bool) {
            for child in parent.elements {
                switch child.name {
                case "tr": rows.append((child, head))
                case "thead": collect(child, head: true)
                case "tbody", "tfoot": collect(child, head: false)
                default: continue
                }
            }
        }
        collect(element, head: false)
        var grid: [[TableShaper.Cell?]] = []
        var spanning: [Int: (cell: TableShaper.Cell, rowsLeft: Int)] = [:]
        var merged = false
        var markedHeader = false
        for (number, entry) in rows.enumerated() {
            var cells: [TableShaper.Cell?] = []
            var column = 0
            func fillSpanned() {
                while let span = spanning[column], span.rowsLeft > 0 {
                    cells.append(span.cell)
                    spanning[column] = span.rowsLeft > 1 ? (span.cell, span.rowsLeft - 1) : nil
                    column += 1
                }
            }
            let cellElements = entry.row.elements.filter { $0.name == "td" || $0.name == "th" }
            if number == 0 { markedHeader = entry.head || (!cellElements.isEmpty && cellElements.allSatisfy { $0.name == "th" }) }
            for cell in cellElements {
                fillSpanned()
                if cell.line > 0 { line = cell.line }
                let blocks = try nested { (conversion: inout HTMLConversion) throws(ImportFailure) in try conversion.children(of: cell, format: format) }
                let value = TableShaper.cell(blocks)
                let columns = max(1, min(cell.attribute("colspan").flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } ?? 1, 64))
                let down = max(1, min(cell.attribute("rowspan").flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } ?? 1, 1000))
                cells.append(value)
                if down > 1 {
                    spanning[column] = (value, down - 1)
                    merged = true
                }
                if columns > 1 {
                    merged = true
                    for extra in 1..<columns {
                        cells.append(.words([]))
                        if down > 1 { spanning[column + extra] = (.words([]), down - 1) }
                    }
                }
                column += columns
            }
            fillSpanned()
            grid.append(cells)
        }
        let complete = grid.map { $0.map { $0 ?? .words([]) } }
        let shaped = TableShaper.blocks(complete, markedHeader: markedHeader, merged: merged, at: place)
        for message in shaped.notes { builder.note(message, at: ImportLocation(file: file, line: place.line)) }
        for block in shaped.blocks { add(block) }
    }

    // MARK: - Links

    /// The address a guide's link gets for `href`: the page's own links made whole with its
    /// address (when the page says it), `#place` for a place on the page; nil, with a note, for
    /// an address a guide cannot link to (a script, or a page of the same site when the file
    /// does not say which site).
    mutating func link(_ href: String) -> String? {
        let address = href.trimmingCharacters(in: .whitespacesAndNewlines)
        if address.isEmpty || address == "#" { return nil }
        if address.hasPrefix("#") { return address }
        let lowered = address.lowercased()
        if lowered.hasPrefix("javascript:") || lowered.hasPrefix("vbscript:") || lowered.hasPrefix("data:") {
            noteOnce("script-link", "a link that runs a script on the page was kept as plain text: a guide's links go to web pages, email addresses or phone numbers")
            return nil
        }
        var whole = address
        if lowered.hasPrefix("//") {
            whole = "https:" + address
        } else if !(lowered.hasPrefix("http:") || lowered.hasPrefix("https:") || lowered.hasPrefix("mailto:") || lowered.hasPrefix("tel:") || lowered.hasPrefix("sms:")) {
            guard let base, let resolved = URL(string: address, relativeTo: base)?.absoluteString else {
                note("the link '\(DocxConversion.snippet(address))' goes to a page of the same website, but the file does not say which website: "
                     + "its words were kept as plain text; link them to the page's full address (https://…) if readers need it")
                return nil
            }
            whole = resolved
        }
        if let problem = LinkPolicy.problem(whole, use: .body) {
            note("the link to '\(DocxConversion.snippet(whole))' \(problem), so its words were kept as plain text")
            return nil
        }
        return whole
    }

    // MARK: - Pictures

    /// A picture (`img`): read from the page's folder (never from the network), with its `alt`;
    /// `alt=""` marks it decorative; no `alt` at all is a note.
    mutating func picture(_ element: XMLElement) {
        let source = (element.attribute("src") ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let alt = element.attribute("alt").map(DocxConversion.snippetWhole)
        let described = alt.map { $0.isEmpty ? "" : " ('\(DocxConversion.snippet($0))')" } ?? ""
        guard !source.isEmpty else { return }
        let lowered = source.lowercased()
        if lowered.hasPrefix("http:") || lowered.hasPrefix("https:") || lowered.hasPrefix("//") {
            note("the picture '\(DocxConversion.snippet(source))'\(described) is on a website and was not fetched (Waymark never goes online): "
                 + "save it into Guides/pictures/ and add it here with ![what it shows](pictures/name.png)")
            return
        }
        let path = source.removingPercentEncoding ?? source
        if lowered.hasPrefix("data:") || path.contains(":") || path.hasPrefix("/") || path.split(separator: "/").contains("..") {
            note("the picture '\(DocxConversion.snippet(source))'\(described) is not a file beside the page, so it was left out: "
                 + "save it into Guides/pictures/ and add it here with ![what it shows](pictures/name.png)")
            return
        }
        let url = folder.appendingPathComponent(path)
        let bytes: [UInt8]
        do {
            bytes = try BoundedFile.read(url, limit: PictureResolver.maximumSize)
        } catch {
            let why: String
            switch error {
            case .tooLarge(let size): why = PictureRefusal.tooLarge(size).description
            case .notAFile: why = "is not a file"
            case .unreadable: why = "is not beside the page (it was looked for in the page's folder)"
            }
            note("the picture '\(DocxConversion.snippet(source))'\(described) \(why)")
            return
        }
        switch builder.picture(bytes, name: url.lastPathComponent) {
        case .failure(let refusal):
            note("the picture '\(DocxConversion.snippet(source))' \(refusal)")
        case .success(let key):
            if alt == nil {
                note("this picture ('\(DocxConversion.snippet(source))') has no alt text on the page: write what it shows "
                     + "between the square brackets of ![](…), or leave them empty if it is only decoration")
            }
            let caption = element.attribute("title").map(DocxConversion.snippetWhole).flatMap { $0.isEmpty ? nil : $0 }
            pictures.append(Block(.picture(Picture(alt: alt ?? "", source: key, resource: key, caption: caption)), at: location))
        }
    }
}
