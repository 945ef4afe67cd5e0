import WaymarkCMark
import WaymarkModel

/// Turns cmark-gfm's syntax tree into the model's blocks and inlines,
/// reporting everything the guide format does not allow.
struct MarkdownConverter {
    let source: SourceText
    let recognizer: InlineRecognizer
    let pictures: PictureResolver
    /// The guide line just before the parsed text's first line.
    let lineOffset: Int

    /// Problems found so far.
    private(set) var diagnostics: [Diagnostic] = []

    init(source: SourceText, recognizer: InlineRecognizer, pictures: PictureResolver, lineOffset: Int) {
        self.source = source
        self.recognizer = recognizer
        self.pictures = pictures
        self.lineOffset = lineOffset
    }

    /// Parses `text` (guide lines after `lineOffset`) into a syntax tree.
    mutating func parse(_ text: String) -> MarkdownNode? {
        do {
            return try CMarkParser().parse(text)
        } catch CMarkError.tooDeep(let line, let column, let limit) {
            report(.error(
                at: source.location(line: line + lineOffset, byteColumn: column),
                "lists or quotes are nested more than \(limit) deep",
                hint: "a guide rarely needs more than 2 or 3 levels; flatten the list or quote"))
        } catch {
            report(.error(at: location(line: 1, column: 1), "the Markdown could not be read", hint: "check the text around here"))
        }
        return nil
    }

    /// The location of a node's start.
    func location(of node: MarkdownNode) -> Location {
        location(line: node.startLine, column: node.startColumn)
    }

    func location(line: Int, column: Int) -> Location {
        source.location(line: line + lineOffset, byteColumn: column)
    }

    mutating func report(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    // MARK: - Blocks

    /// Converts block nodes; headings of level 1 are returned as blocks too (the reader splits chapters).
    mutating func blocks(_ nodes: [MarkdownNode]) -> [Block] {
        nodes.flatMap { block($0) }
    }

    mutating func block(_ node: MarkdownNode) -> [Block] {
        let here = location(of: node)
        switch node.kind {
        case .heading(let level):
            return [Block(.heading(Heading(level: level, content: inlines(node.children, recognise: false), id: "")), at: here)]
        case .paragraph:
            return paragraph(node)
        case .list(let ordered, let start, _):
            let items = node.children.map { blocks($0.children) }
            return [Block(.list(ListBlock(ordered: ordered, start: start, items: items)), at: here)]
        case .blockQuote:
            return [Block(.quote(blocks(node.children)), at: here)]
        case .table:
            return [Block(.table(table(node)), at: here)]
        case .codeBlock:
            report(.error(
                at: here, "this text is set as code (it starts with 4 spaces or a ``` fence)",
                hint: "remove the spaces at the start of the lines, or the ``` lines; guides have no code"))
        case .htmlBlock:
            report(rawHTML(at: here, node.literal))
        case .thematicBreak:
            report(.error(
                at: here, "a line of dashes or stars (a horizontal rule) is not allowed in a guide",
                hint: "remove the line; start a new part with a heading ('## …') instead"))
        default:
            report(.error(
                at: here, "this Markdown (\(describe(node.kind))) is not allowed in a guide",
                hint: "use paragraphs, headings, lists, tables, pictures and the ::: blocks only"))
        }
        return []
    }

    /// A paragraph, or a picture when the paragraph is only a picture.
    mutating func paragraph(_ node: MarkdownNode) -> [Block] {
        let meaningful = node.children.filter { !isBlank($0) }
        let images = meaningful.filter { if case .image = $0.kind { return true } else { return false } }
        if !images.isEmpty {
            guard images.count == meaningful.count else {
                report(.error(
                    at: location(of: images[0]), "a picture is in the middle of a sentence",
                    hint: "put the picture on a line of its own, with a blank line before and after it"))
                return []
            }
            return images.compactMap { image in picture(image).map { Block(.picture($0), at: location(of: image)) } }
        }
        return [Block(.paragraph(inlines(node.children)), at: location(of: node))]
    }

    mutating func picture(_ node: MarkdownNode) -> Picture? {
        guard case .image(let url, let title) = node.kind else { return nil }
        let alt = Inline.plainText(inlines(node.children, recognise: false)).trimmed
        switch pictures.resolve(url, at: location(of: node)) {
        case .success(let key):
            return Picture(alt: alt, source: url, resource: key, caption: title.isEmpty ? nil : title)
        case .failure(let diagnostic):
            report(diagnostic)
            return nil
        }
    }

    mutating func table(_ node: MarkdownNode) -> Table {
        var header: [[Inline]] = []
        var rows: [[[Inline]]] = []
        for row in node.children {
            let cells = row.children.map { inlines($0.children) }
            if case .tableRow(true) = row.kind, header.isEmpty {
                header = cells
            } else {
                rows.append(cells)
            }
        }
        return Table(header: header, rows: rows)
    }

    // MARK: - Inlines

    /// Converts inline nodes; `recognise` finds phone numbers, glossary words and abbreviations in text.
    mutating func inlines(_ nodes: [MarkdownNode], recognise: Bool = true) -> [Inline] {
        var result: [Inline] = []
        // Text and soft breaks are gathered into runs and recognised together, so that
        // a glossary word or a phone number split over two lines is still found.
        var run: [(text: String, location: Location)] = []
        func flush() {
            guard !run.isEmpty else { return }
            result += recognise ? recognizer.split(run) : run.map { Inline(.text($0.text), at: $0.location) }
            run = []
        }
        for node in nodes {
            let here = location(of: node)
            switch node.kind {
            case .text, .code:
                if let (bad, _) = TextSafety.firstControl(in: node.literal) {
                    // Typed in the file, or made by a character reference such as `&#27;`.
                    report(.error(
                        at: here, "the text holds an invisible control character (\(TextSafety.name(bad)))",
                        hint: "remove it, or the code that makes it (such as &#27; or &#12;); it would break e-books and confuse screen readers"))
                }
                run.append((node.literal, here))
                continue
            case .softBreak:
                run.append((" ", here))
                continue
            default:
                flush()
            }
            switch node.kind {
            case .text, .code, .softBreak:
                break
            case .lineBreak:
                result.append(Inline(.lineBreak, at: here))
            case .emphasis:
                result.append(Inline(.emphasis(inlines(node.children, recognise: recognise)), at: here))
            case .strong:
                result.append(Inline(.strong(inlines(node.children, recognise: recognise)), at: here))
            case .link(let url, _):
                if let problem = LinkPolicy.problem(url, use: .body) {
                    report(.error(at: here, "the link '\(url)' \(problem)", hint: "link to a web page (https://…), an email address (mailto:…) or a phone number (tel:…)"))
                }
                result.append(Inline(.link(destination: url, content: inlines(node.children, recognise: false)), at: here))
            case .htmlInline:
                report(rawHTML(at: here, node.literal))
            case .image:
                report(.error(
                    at: here, "a picture is in the middle of a sentence",
                    hint: "put the picture on a line of its own, with a blank line before and after it"))
            default:
                report(.error(at: here, "this Markdown (\(describe(node.kind))) is not allowed here", hint: "write it as plain text"))
            }
        }
        flush()
        return MarkdownConverter.merged(result)
    }

    /// Joins neighbouring plain-text inlines.
    static func merged(_ inlines: [Inline]) -> [Inline] {
        var result: [Inline] = []
        for inline in inlines {
            if case .text(let next) = inline.kind, let last = result.last, case .text(let previous) = last.kind {
                result[result.count - 1] = Inline(.text(previous + next), at: last.location)
            } else {
                result.append(inline)
            }
        }
        return result
    }

    func rawHTML(at location: Location, _ html: String) -> Diagnostic {
        let snippet = html.trimmed.prefix(40)
        return .error(
            at: location, "HTML ('\(snippet)') is not allowed in a guide",
            hint: "remove the HTML and use Markdown instead: **bold**, a blank line for a new paragraph, ![alt text](pictures/x.svg) for a picture; if you meant the sign '<' as text, write '\\<'")
    }

    func isBlank(_ node: MarkdownNode) -> Bool {
        switch node.kind {
        case .softBreak, .lineBreak: return true
        case .text: return node.literal.allSatisfy(\.isWhitespace)
        default: return false
        }
    }

    func describe(_ kind: MarkdownNode.Kind) -> String {
        if case .other(let name) = kind { return name.replacingOccurrences(of: "_", with: " ") }
        return "\(kind)"
    }
}
