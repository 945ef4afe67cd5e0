import WaymarkModel

/// A piece of running text as a reader of another format finds it: a Word run, an HTML text
/// node, with the formatting around it.
struct TextSpan: Sendable {
    /// Text or a line break.
    enum Content: Sendable {
        case text(String)
        case lineBreak
    }

    var content: Content
    var strong = false
    var emphasis = false
    /// The link the text is in, if any.
    var link: String?
    var location: Location

    init(_ content: Content, strong: Bool = false, emphasis: Bool = false, link: String? = nil, at location: Location) {
        self.content = content
        self.strong = strong
        self.emphasis = emphasis
        self.link = link
        self.location = location
    }

    /// The span's text ("" for a line break).
    var text: String {
        if case .text(let text) = content { return text }
        return ""
    }
}

/// Turns spans into the inlines the guide reader would make of the same words written as
/// Markdown, so that a draft reads back as what was imported: white space collapsed and
/// trimmed as a paragraph's is, formatting that does not start or end in a space, phone
/// numbers recognised where the reader recognises them, neighbouring text joined.
enum InlineAssembler {
    /// The inlines of `spans`; `recognise` finds phone numbers (not in headings, as the reader does);
    /// `breaks: false` makes line breaks spaces (a heading or a table cell is one line).
    static func inlines(_ spans: [TextSpan], recognise: Bool, breaks: Bool = true) -> [Inline] {
        let cleaned = normalised(breaks ? spans : spans.map { span in
            guard case .lineBreak = span.content else { return span }
            var space = span
            space.content = .text(" ")
            return space
        })
        guard !cleaned.isEmpty else { return [] }
        let tree = grouped(cleaned[...], level: 0)
        let trimmed = trimmedEnds(spacesMovedOut(tree))
        return recognised(trimmed, recognise: recognise)
    }

    /// `text` as the draft has it: no control or invisible characters, no soft hyphens, and
    /// every kind of space (tab, line feed, no-break space) a plain space.
    static func cleaned(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == "\u{0B}" || scalar == "\u{0C}" {
                result.append(" ")
            } else if TextSafety.isControl(scalar) || TextSafety.isInvisible(scalar) || scalar == "\u{AD}" || scalar == "\u{FFFC}" || scalar == "\u{FFFD}" {
                continue
            } else if scalar != " " && scalar.properties.isWhitespace {
                result.append(" ")
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// Paragraphs' inlines joined into one line (a table cell's), a space between them, with
    /// phone numbers found again in the joined text as the reader would find them there.
    static func joined(_ parts: [[Inline]]) -> [Inline] {
        var flat: [Inline] = []
        for (index, part) in parts.enumerated() {
            if index > 0, let first = part.first { flat.append(Inline(.text(" "), at: first.location)) }
            for inline in part {
                switch inline.kind {
                case .phone(let number): flat.append(Inline(.text(number.display), at: inline.location))
                // A table cell is one line (GFM tables §4.10).
                case .lineBreak: flat.append(Inline(.text(" "), at: inline.location))
                case .text, .emphasis, .strong, .link, .term, .abbreviation: flat.append(inline)
                }
            }
        }
        return recognised(trimmedEnds(merged(flat)), recognise: true)
    }

    /// Whether `spans` hold any words.
    static func hasWords(_ spans: [TextSpan]) -> Bool {
        spans.contains { !cleaned($0.text).trimmingCharacters(in: .whitespaces).isEmpty }
    }

    /// The plain text of `spans`, cleaned and with spaces collapsed.
    static func plainText(_ spans: [TextSpan]) -> String {
        Inline.plainText(inlines(spans, recognise: false, breaks: false))
    }
}

// MARK: - Implementation

private extension InlineAssembler {
    /// Spans with clean text, single spaces, no space at either end or beside a line break,
    /// and line breaks only between words, one at a time.
    static func normalised(_ spans: [TextSpan]) -> [TextSpan] {
        var result: [TextSpan] = []
        var afterSpace = true
        for var span in spans {
            switch span.content {
            case .lineBreak:
                while let last = result.last, case .text(let text) = last.content, text.hasSuffix(" ") {
                    let shorter = String(text.dropLast())
                    if shorter.isEmpty { result.removeLast() } else { result[result.count - 1].content = .text(shorter) }
                }
                if let last = result.last, case .lineBreak = last.content { continue }
                if result.isEmpty { continue }
                result.append(span)
                afterSpace = true
            case .text(let raw):
                var text = ""
                for character in cleaned(raw) {
                    if character == " " {
                        if afterSpace { continue }
                        afterSpace = true
                    } else {
                        afterSpace = false
                    }
                    text.append(character)
                }
                guard !text.isEmpty else { continue }
                span.content = .text(text)
                result.append(span)
            }
        }
        while let last = result.last {
            if case .lineBreak = last.content {
                result.removeLast()
            } else if case .text(let text) = last.content, text.hasSuffix(" ") {
                let shorter = String(text.dropLast())
                if shorter.isEmpty { result.removeLast() } else { result[result.count - 1].content = .text(shorter) }
            } else {
                break
            }
        }
        return result
    }

    /// Nests spans as links (outermost), then strong, then emphasis outside strong; a line break ends a group.
    static func grouped(_ spans: ArraySlice<TextSpan>, level: Int) -> [Inline] {
        var result: [Inline] = []
        var index = spans.startIndex
        while index < spans.endIndex {
            let span = spans[index]
            if case .lineBreak = span.content {
                result.append(Inline(.lineBreak, at: span.location))
                index += 1
                continue
            }
            func same(_ other: TextSpan) -> Bool {
                if case .lineBreak = other.content { return false }
                switch level {
                case 0: return other.link == span.link
                case 1: return other.strong == span.strong
                default: return other.emphasis == span.emphasis
                }
            }
            var end = index + 1
            while end < spans.endIndex, same(spans[end]) { end += 1 }
            let group = spans[index..<end]
            switch level {
            case 0:
                let inner = grouped(group, level: 1)
                if let link = span.link { result.append(Inline(.link(destination: link, content: inner), at: span.location)) } else { result += inner }
            case 1:
                // Italic inside bold text stays bold only: large print and easy read show italics
                // as bold anyway (UKAAF G003), and `***`, `**_a_**` and their kind do not always
                // read back as they were meant beside punctuation.
                if span.strong {
                    result.append(Inline(.strong(group.map { Inline(.text($0.text), at: $0.location) }), at: span.location))
                } else {
                    result += grouped(group, level: 2)
                }
            default:
                let inner = group.map { Inline(.text($0.text), at: $0.location) }
                result.append(contentsOf: span.emphasis ? [Inline(.emphasis(inner), at: span.location)] : inner)
            }
            index = end
        }
        return result
    }

    /// Formatting that starts or ends with a space cannot be written as Markdown (§6.4:
    /// `** bold**` is not strong), and formatting that starts or ends with punctuation may not
    /// read as written (`x**"a"**` is not strong: the `**` is not left-flanking): spaces and
    /// punctuation at its edges go outside it (`"**a**"`), so that every `*` touches a letter;
    /// formatting with no words goes.
    static func spacesMovedOut(_ inlines: [Inline]) -> [Inline] {
        var result: [Inline] = []
        func append(_ inline: Inline) {
            result.append(inline)
        }
        for inline in inlines {
            switch inline.kind {
            case .emphasis(let children), .strong(let children), .link(_, let children):
                var inner = spacesMovedOut(children)
                let delimited: Bool = { if case .link = inline.kind { return false } else { return true } }()
                var before = "", after = ""
                while true {
                    var moved = trim(&inner, leading: true) { $0 == " " }
                    before += moved
                    let trailing = trim(&inner, leading: false) { $0 == " " }
                    after = trailing + after
                    moved += trailing
                    if delimited {
                        let leadingPunctuation = trim(&inner, leading: true, isPunctuation)
                        before += leadingPunctuation
                        let trailingPunctuation = trim(&inner, leading: false, isPunctuation)
                        after = trailingPunctuation + after
                        moved += leadingPunctuation + trailingPunctuation
                    }
                    if moved.isEmpty { break }
                }
                if !before.isEmpty { append(Inline(.text(before), at: inline.location)) }
                // Bold or italic on punctuation alone means nothing to a reader, and beside other
                // formatting it makes runs of `*` that read otherwise: only words keep it.
                let plain = Inline.plainText(inner)
                let words = delimited ? plain.contains { $0.isLetter || $0.isNumber } : !plain.trimmingCharacters(in: .whitespaces).isEmpty
                switch inline.kind {
                case .emphasis:
                    if words { append(Inline(.emphasis(inner), at: inline.location)) } else { inner.forEach(append) }
                case .strong:
                    if words { append(Inline(.strong(inner), at: inline.location)) } else { inner.forEach(append) }
                case .link(let destination, _):
                    if words { append(Inline(.link(destination: destination, content: inner), at: inline.location)) } else { inner.forEach(append) }
                case .text, .phone, .term, .abbreviation, .lineBreak: break
                }
                if !after.isEmpty { append(Inline(.text(after), at: inline.location)) }
            case .text, .phone, .term, .abbreviation, .lineBreak:
                append(inline)
            }
        }
        return merged(result)
    }

    /// CommonMark's punctuation (§2.1): ASCII punctuation and Unicode's P categories.
    static func isPunctuation(_ character: Character) -> Bool {
        if let ascii = character.asciiValue { return (33...47).contains(ascii) || (58...64).contains(ascii) || (91...96).contains(ascii) || (123...126).contains(ascii) }
        return character.isPunctuation
    }

    /// Neither white space nor punctuation: a delimiter run beside one must be flanking on that side.
    static func isWordLike(_ character: Character) -> Bool {
        !character.isWhitespace && !isPunctuation(character)
    }

    /// Takes the characters matching `matches` off the start (or end) of the first (or last) text
    /// of `inlines`, going into formatting at that edge, and returns them.
    static func trim(_ inlines: inout [Inline], leading: Bool, _ matches: (Character) -> Bool) -> String {
        guard let index = leading ? inlines.indices.first : inlines.indices.last else { return "" }
        switch inlines[index].kind {
        case .text(let text):
            let taken = leading ? String(text.prefix(while: matches)) : String(text.reversed().prefix(while: matches).reversed())
            guard !taken.isEmpty else { return "" }
            let rest = leading ? String(text.dropFirst(taken.count)) : String(text.dropLast(taken.count))
            if rest.isEmpty { inlines.remove(at: index) } else { inlines[index].kind = .text(rest) }
            return taken
        case .emphasis(var children):
            let taken = trim(&children, leading: leading, matches)
            inlines[index].kind = .emphasis(children)
            if children.isEmpty { inlines.remove(at: index) }
            return taken
        case .strong(var children):
            let taken = trim(&children, leading: leading, matches)
            inlines[index].kind = .strong(children)
            if children.isEmpty { inlines.remove(at: index) }
            return taken
        case .link, .phone, .term, .abbreviation, .lineBreak:
            return ""
        }
    }

    /// Finds phone numbers in each run of plain text, as the reader does (not inside links).
    static func recognised(_ inlines: [Inline], recognise: Bool) -> [Inline] {
        let recognizer = InlineRecognizer(glossary: [], abbreviations: [])
        var result: [Inline] = []
        var run: [(text: String, location: Location)] = []
        func flush() {
            guard !run.isEmpty else { return }
            result += recognise ? recognizer.split(run) : run.map { Inline(.text($0.text), at: $0.location) }
            run = []
        }
        for inline in merged(inlines) {
            switch inline.kind {
            case .text(let text):
                run.append((text, inline.location))
                continue
            case .phone(let number) where recognise:
                // Found again with the text around it, as the reader finds it in the draft.
                run.append((number.display, inline.location))
                continue
            case .emphasis(let children):
                flush()
                result.append(Inline(.emphasis(recognised(children, recognise: recognise)), at: inline.location))
            case .strong(let children):
                flush()
                result.append(Inline(.strong(recognised(children, recognise: recognise)), at: inline.location))
            case .link(let destination, let content):
                flush()
                result.append(Inline(.link(destination: destination, content: recognised(content, recognise: false)), at: inline.location))
            case .phone, .term, .abbreviation, .lineBreak:
                flush()
                result.append(inline)
            }
        }
        flush()
        return merged(result)
    }

    /// Neighbouring text joined, with no two spaces in a row (moving spaces out of formatting can make them).
    static func merged(_ inlines: [Inline]) -> [Inline] {
        MarkdownConverter.merged(inlines).map { inline in
            guard case .text(let text) = inline.kind, text.contains("  ") else { return inline }
            var collapsed = text
            while collapsed.contains("  ") { collapsed = collapsed.replacingOccurrences(of: "  ", with: " ") }
            return Inline(.text(collapsed), at: inline.location)
        }
    }

    /// No space at the start or end of the paragraph, nor beside a line break.
    static func trimmedEnds(_ inlines: [Inline]) -> [Inline] {
        var result = inlines
        for index in result.indices {
            guard case .text(var text) = result[index].kind else { continue }
            let atStart = index == 0 || { if case .lineBreak = result[index - 1].kind { return true } else { return false } }()
            let atEnd = index == result.count - 1 || { if case .lineBreak = result[index + 1].kind { return true } else { return false } }()
            if atStart, text.hasPrefix(" ") { text.removeFirst() }
            if atEnd, text.hasSuffix(" ") { text.removeLast() }
            result[index].kind = .text(text)
        }
        result.removeAll { if case .text(let text) = $0.kind { return text.isEmpty } else { return false } }
        while let first = result.first, case .lineBreak = first.kind { result.removeFirst() }
        while let last = result.last, case .lineBreak = last.kind { result.removeLast() }
        return result
    }
}
