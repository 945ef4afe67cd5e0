import WaymarkModel

/// Reads a guide's body segments (Markdown and directives) into blocks.
struct BodyReader {
    let source: SourceText
    let recognizer: InlineRecognizer
    let pictures: PictureResolver
    private(set) var diagnostics: [Diagnostic] = []

    init(source: SourceText, recognizer: InlineRecognizer, pictures: PictureResolver) {
        self.source = source
        self.recognizer = recognizer
        self.pictures = pictures
    }

    /// The blocks of every segment, in order.
    mutating func blocks(of segments: [BodySegment]) -> [Block] {
        var blocks: [Block] = []
        for segment in segments {
            switch segment {
            case .markdown(let lines):
                blocks += markdown(lines)
            case .directive(let name, let arguments, let line, let body):
                if let block = directive(name, arguments: arguments, line: line, body: body) { blocks.append(block) }
            }
        }
        return blocks
    }
}

private extension BodyReader {
    mutating func converter(for lines: ClosedRange<Int>) -> MarkdownConverter {
        MarkdownConverter(source: source, recognizer: recognizer, pictures: pictures, lineOffset: lines.lowerBound - 1)
    }

    mutating func markdown(_ lines: ClosedRange<Int>) -> [Block] {
        var converter = converter(for: lines)
        defer { diagnostics += converter.diagnostics }
        guard let tree = converter.parse(source.text(lines: lines)) else { return [] }
        return converter.blocks(tree.children)
    }

    mutating func directive(_ name: String, arguments: [String: String], line: Int, body: ClosedRange<Int>?) -> Block? {
        let here = source.location(line: line, column: 1)
        switch name {
        case "contact":
            do {
                return Block(.contact(try ContactReader(source: source).read(body: body, openedOn: line)), at: here)
            } catch {
                diagnostics += error.diagnostics
                return nil
            }
        case "urgent", "note":
            let blocks = innerBlocks(name, body: body, at: here)
            return blocks.isEmpty ? nil : Block(.callout(Callout(kind: name == "urgent" ? .urgent : .note, blocks: blocks)), at: here)
        case "write":
            return writeSpace(arguments: arguments, body: body, at: here)
        case "easy-read":
            return easyRead(body: body, at: here)
        default:
            return nil
        }
    }

    /// The blocks inside an `urgent` or `note` box: no headings, pictures or nested boxes.
    mutating func innerBlocks(_ name: String, body: ClosedRange<Int>?, at here: Location) -> [Block] {
        guard let body else {
            diagnostics.append(.error(at: here, "the ':::\(name)' block is empty", hint: "write its text on the lines between ':::\(name)' and ':::'"))
            return []
        }
        var converter = converter(for: body)
        defer { diagnostics += converter.diagnostics }
        guard let tree = converter.parse(source.text(lines: body)) else { return [] }
        let blocks = converter.blocks(tree.children)
        for block in blocks {
            if case .heading = block.kind {
                converter.report(.error(
                    at: block.location, "a heading cannot go inside a ':::\(name)' block",
                    hint: "move the heading above the ':::\(name)' line"))
            }
        }
        return blocks
    }

    mutating func writeSpace(arguments: [String: String], body: ClosedRange<Int>?, at here: Location) -> Block? {
        var lines = 5
        if let value = arguments["lines"] {
            guard let number = Int(value), (1...40).contains(number) else {
                diagnostics.append(.error(at: here, "'lines=\(value)' is not a number of lines from 1 to 40", hint: "write for example ':::write lines=5'"))
                return nil
            }
            lines = number
        }
        let blocks = innerBlocks("write", body: body, at: here)
        guard !blocks.isEmpty else { return nil }
        guard blocks.count == 1, case .paragraph(let prompt) = blocks[0].kind else {
            diagnostics.append(.error(
                at: blocks[0].location, "a ':::write' block holds one short prompt, nothing else",
                hint: "write one line saying what to write or draw, e.g. 'People I can talk to'"))
            return nil
        }
        return Block(.writeSpace(WriteSpace(lines: lines, prompt: prompt)), at: here)
    }

    mutating func easyRead(body: ClosedRange<Int>?, at here: Location) -> Block? {
        guard let body else {
            diagnostics.append(.error(at: here, "the ':::easy-read' block is empty", hint: "write one row a paragraph: a picture line, then one or two short sentences"))
            return nil
        }
        var converter = converter(for: body)
        defer { diagnostics += converter.diagnostics }
        guard let tree = converter.parse(source.text(lines: body)) else { return nil }
        var rows: [EasyReadRow] = []
        for node in tree.children {
            let location = converter.location(of: node)
            guard case .paragraph = node.kind else {
                converter.report(.error(
                    at: location, "an easy-read block holds rows only: a picture line and one or two short sentences, with a blank line between rows",
                    hint: "write this as short sentences in a row of their own (no lists, headings or tables here)"))
                continue
            }
            var children = node.children[...]
            var picture: Picture?
            if let first = children.first, case .image = first.kind {
                picture = converter.picture(first)
                children = children.dropFirst()
                while let next = children.first, next.kind == .softBreak || next.kind == .lineBreak { children = children.dropFirst() }
            }
            let content = converter.inlines(Array(children))
            if content.isEmpty {
                converter.report(.error(
                    at: location, "this easy-read row has a picture but no words",
                    hint: "write one or two short sentences on the line after the picture"))
                continue
            }
            rows.append(EasyReadRow(picture: picture, content: content, location: location))
        }
        return rows.isEmpty ? nil : Block(.easyRead(rows), at: here)
    }
}
