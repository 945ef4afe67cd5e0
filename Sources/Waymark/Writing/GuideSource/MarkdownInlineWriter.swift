import WaymarkModel

/// Writes the model's inlines as CommonMark that the guide reader reads back as the same
/// inlines: every character cmark could take as markup is escaped (CommonMark 0.29 §2.4
/// backslash escapes), and lines are broken only where a soft line break reads back as
/// the space it replaced.
struct MarkdownInlineWriter {
    /// Where the inlines go, which decides what must be escaped and whether lines may break.
    enum Context {
        /// A paragraph, list item or easy-read row: wrapped, hard breaks kept.
        case paragraph
        /// A heading: one line; a trailing run of `#` is escaped (§4.2 closing sequence).
        case heading
        /// A table cell: one line; `|` is escaped (GFM tables §4.10); a hard break becomes a space.
        case tableCell
        /// Picture alt text: one line of plain text.
        case alt
    }

    /// A piece of the written text: markup or escaped text that must stay together, a space
    /// the line may break at, or a hard line break.
    private enum Token {
        case chunk(String)
        case space
        case hardBreak
    }

    private var tokens: [Token] = []

    /// The lines `inlines` make in `context`, each at most `width` characters where a line can break.
    static func lines(_ inlines: [Inline], context: Context, width: Int) -> [String] {
        var writer = MarkdownInlineWriter()
        writer.add(inlines, context: context)
        return writer.layout(context: context, width: width)
    }

    /// `text` as escaped Markdown on one line (alt text, captions' neighbours).
    static func line(_ inlines: [Inline], context: Context) -> String {
        lines(inlines, context: context, width: .max).joined(separator: " ")
    }

    /// `address` as a link or picture destination: `<…>` when it holds spaces, else with
    /// `\`, `(`, `)`, `<` and `>` escaped (§6.6 link destinations).
    static func destination(_ address: String) -> String {
        if address.contains(" ") {
            var result = "<"
            for character in address {
                if "<>\\".contains(character) { result.append("\\") }
                result.append(character)
            }
            return result + ">"
        }
        var result = ""
        let characters = Array(address)
        for (index, character) in characters.enumerated() {
            if "()<>\\".contains(character) || (character == "&" && startsEntity(characters, at: index)) {
                result.append("\\")
            }
            result.append(character)
        }
        return result
    }

    /// `text` as a link title in double quotes (§6.6), with `"`, `\` and entity-like `&` escaped.
    static func title(_ text: String) -> String {
        var result = "\""
        let characters = Array(text.replacingOccurrences(of: "\n", with: " "))
        for (index, character) in characters.enumerated() {
            if character == "\"" || character == "\\" || (character == "&" && startsEntity(characters, at: index)) {
                result.append("\\")
            }
            result.append(character)
        }
        return result + "\""
    }

    /// Whether `characters[index]` (an `&`) starts something cmark reads as an entity (`&amp;`, `&#32;`).
    static func startsEntity(_ characters: [Character], at index: Int) -> Bool {
        var next = index + 1
        while next < characters.count, next - index <= 32, characters[next].isASCII,
              characters[next].isLetter || characters[next].isNumber || characters[next] == "#" {
            next += 1
        }
        return next > index + 1 && next < characters.count && characters[next] == ";"
    }
}

// MARK: - Tokens

private extension MarkdownInlineWriter {
    mutating func add(_ inlines: [Inline], context: Context, insideStrong: Bool = false) {
        for (index, inline) in inlines.enumerated() {
            switch inline.kind {
            case .text(let text):
                addText(text, context: context)
            case .emphasis(let children):
                // Right after strong text (`**a***b*`), the run `***` could open and close and reads
                // otherwise (§6.4 rule 9): that emphasis is written with `_`. At the start of strong
                // text, `***a* b**` reads as written (rule 14), and `_` there would need a space before.
                // A `_` cannot close before a letter, though (rule 4): there, `*` it is.
                let touchesStar = { () -> Bool in
                    if insideStrong && index == 0 { return false }
                    if let next = index + 1 < inlines.count ? Inline.plainText([inlines[index + 1]]).first : nil,
                       !next.isWhitespace && !next.isPunctuation && !next.isSymbol { return false }
                    if case .chunk(let last)? = tokens.last, last.hasSuffix("*") { return true }
                    return false
                }()
                let mark = touchesStar ? "_" : "*"
                tokens.append(.chunk(mark))
                add(children, context: context)
                tokens.append(.chunk(mark))
            case .strong(let children):
                // Right after emphasis (`*a***b**`), `__` opens where `**` would join the run before
                // it, unless a letter follows, where `__` cannot close.
                let afterStar = { () -> Bool in
                    if let next = index + 1 < inlines.count ? Inline.plainText([inlines[index + 1]]).first : nil,
                       !next.isWhitespace && !next.isPunctuation && !next.isSymbol { return false }
                    if case .chunk(let last)? = tokens.last, last.hasSuffix("*") { return true }
                    return false
                }()
                let mark = afterStar ? "__" : "**"
                tokens.append(.chunk(mark))
                add(children, context: context, insideStrong: true)
                tokens.append(.chunk(mark))
            case .link(let destination, let content):
                // `!` right before a link would make it a picture (§6.5): escape it.
                if case .chunk(let last)? = tokens.last, last.hasSuffix("!"),
                   last.dropLast().reversed().prefix(while: { $0 == "\\" }).count % 2 == 0 {
                    tokens[tokens.count - 1] = .chunk(String(last.dropLast()) + "\\!")
                }
                tokens.append(.chunk("["))
                add(content, context: context)
                tokens.append(.chunk("](\(MarkdownInlineWriter.destination(destination)))"))
            case .phone(let number):
                addText(number.display, context: context)
            case .term(let use):
                addText(use.text, context: context)
            case .abbreviation(let use):
                addText(use.text, context: context)
            case .lineBreak:
                switch context {
                case .paragraph: tokens.append(.hardBreak)
                case .heading, .tableCell, .alt: addText(" ", context: context)
                }
            }
        }
    }

    mutating func addText(_ text: String, context: Context) {
        let characters = Array(text)
        var chunk = ""
        for (index, character) in characters.enumerated() {
            switch character {
            case " ":
                if !chunk.isEmpty { tokens.append(.chunk(chunk)) }
                chunk = ""
                tokens.append(.space)
                continue
            case "\\", "*", "_", "`", "[", "]", "<", "|":
                chunk.append("\\")
            case "&":
                if MarkdownInlineWriter.startsEntity(characters, at: index) { chunk.append("\\") }
            case "\n":
                // Only a hard break makes a new line; a line feed in text is a space.
                if !chunk.isEmpty { tokens.append(.chunk(chunk)) }
                chunk = ""
                tokens.append(.space)
                continue
            default:
                break
            }
            chunk.append(character)
        }
        if !chunk.isEmpty { tokens.append(.chunk(chunk)) }
    }

    /// Lays the tokens out in lines. A space is a place to break only when it stands alone between
    /// two words (two spaces, or a space at the edge of a line, would not read back as written);
    /// every other space is kept as text, as `&#32;` where a line would lose it.
    func layout(context: Context, width: Int) -> [String] {
        // Words joined by spaces that may break, and hard breaks between groups of them.
        var lines: [[String]] = [[]]
        var word = ""
        var pendingSpaces = 0
        var wordHasContent = false
        func endWord() {
            if wordHasContent || !word.isEmpty { lines[lines.count - 1].append(word) }
            word = ""
            wordHasContent = false
        }
        for token in tokens {
            switch token {
            case .chunk(let text):
                if pendingSpaces == 1 && (wordHasContent || !word.isEmpty) {
                    endWord()
                } else if pendingSpaces > 0 {
                    let isLineStart = !wordHasContent && word.isEmpty && lines[lines.count - 1].isEmpty
                    word += (isLineStart ? "&#32;" : " ") + String(repeating: " ", count: pendingSpaces - 1)
                }
                pendingSpaces = 0
                word += text
                wordHasContent = true
            case .space:
                pendingSpaces += 1
            case .hardBreak:
                if pendingSpaces > 0 { word += String(repeating: " ", count: pendingSpaces - 1) + "&#32;" }
                pendingSpaces = 0
                endWord()
                lines.append([])
            }
        }
        if pendingSpaces > 0 { word += String(repeating: " ", count: pendingSpaces - 1) + "&#32;" }
        endWord()
        // A hard break at the end of a paragraph has no line to break to (§6.7).
        while lines.count > 1, lines[lines.count - 1].isEmpty { lines.removeLast() }
        var result: [String] = []
        for (number, words) in lines.enumerated() {
            var current = ""
            for (index, original) in words.enumerated() {
                var text = original
                if index == 0 {
                    if context == .paragraph { text = MarkdownInlineWriter.lineStart(text) }
                    current = text
                    continue
                }
                if context == .paragraph, current.count + 1 + text.count > width, !MarkdownInlineWriter.isHazard(text) {
                    result.append(current)
                    current = text
                } else {
                    current += " " + text
                }
            }
            if context == .heading, let last = words.last, !last.isEmpty, last.allSatisfy({ $0 == "#" }) {
                current = String(current.dropLast(last.count)) + "\\" + last
            }
            if number < lines.count - 1 { current += "\\" }
            result.append(current)
        }
        return result
    }

    /// `word` made safe at the start of a line, where cmark would read a block marker:
    /// `-`, `+`, `#`, `>`, `=`, `~`, `:` (a `:::` directive line) and `1.` or `1)`.
    static func lineStart(_ word: String) -> String {
        guard let first = word.first else { return word }
        if "-+#>=~:".contains(first) { return "\\" + word }
        let digits = word.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count <= 9, word.count == digits.count + 1, let last = word.last, last == "." || last == ")" {
            return digits + "\\" + String(last)
        }
        return word
    }

    /// Whether a line may not start with `word` as it is.
    static func isHazard(_ word: String) -> Bool {
        lineStart(word) != word || word.hasPrefix("&#32;") || word.first.map { $0.isNumber } == true
    }
}
