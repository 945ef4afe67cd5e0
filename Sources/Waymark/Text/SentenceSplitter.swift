import WaymarkModel

/// Where sentences end: the one splitter for the checks, easy read and every writer,
/// so a rule counts the same sentences that easy read prints on their own lines.
///
/// A sentence ends at a line break, and at `.`, `!`, `?`, `...` or `…` followed (after any
/// closing quotes or brackets) by a space or the end of the text, except:
/// - after a title or a Latin abbreviation that never ends one: `Dr.`, `Mr.`, `Mrs.`, `Ms.`,
///   `Mx.`, `Prof.`, `St.`, `e.g.`, `i.e.`, `vs.`;
/// - after an initial: `J. K. Rowling`;
/// - after `No.`, `Tel.` or `Ext.` before a number: `No. 5`;
/// - before a word that starts with a small letter: `pens, paper, etc. and a drink`,
///   `8 p.m. on Monday`, `"Are you OK?" she asked`, `I was... scared`.
///
/// A stop inside a word is not followed by a space, so `8.30am`, `£2.50`, `www.childline.org.uk`
/// and `help@childline.org.uk` never end a sentence; `Call 0800 1111.` does. No sentence ends
/// inside a phone number, a glossary word or an abbreviation. A piece with no letters or digits
/// (`:)`) stays with the sentence before it.
enum SentenceSplitter {
    /// The sentences of `inlines`, each cut from them with its kind and place kept:
    /// emphasis and links are cut where a sentence ends inside them; line breaks are dropped.
    static func sentences(_ inlines: [Inline]) -> [[Inline]] {
        // The easy-read page, e-book and PDF split the same rows: once a guide (``SharedWork``).
        SharedWork.sentences(of: inlines) { split(inlines) }
    }

    /// ``sentences(_:)``, worked out.
    static func split(_ inlines: [Inline]) -> [[Inline]] {
        var scalars: [Unicode.Scalar] = []
        var joined: [Bool] = []
        // Room for every scalar first (one a byte at most), not grown a scalar at a time (issue #23).
        var bytes = 0
        forEachPiece(of: inlines) { text, _, _, _ in bytes += text.utf8.count }
        scalars.reserveCapacity(bytes)
        joined.reserveCapacity(bytes)
        forEachPiece(of: inlines) { text, _, atomic, _ in
            for (offset, scalar) in text.unicodeScalars.enumerated() {
                scalars.append(scalar)
                joined.append(atomic && offset > 0)
            }
        }
        return ranges(in: scalars, joined: { joined[$0] }).map { range in
            var offset = 0
            return cut(inlines, to: range, offset: &offset)
        }
    }

    /// The sentences of `scalars` as ranges without the spaces around them; `"\n"` is a line break.
    /// `joined(i)` is true when no sentence may end between the scalars at `i - 1` and `i`.
    static func ranges(in scalars: [Unicode.Scalar], joined: (Int) -> Bool = { _ in false }) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0
        for index in 0...scalars.count where index == scalars.count || scalars[index] == "\n" {
            result += ranges(in: scalars, start..<index, joined: joined)
            start = index + 1
        }
        return result
    }

    /// Calls `body` with each piece of text of `inlines` in reading order, as the splitter sees it:
    /// plain text, a phone number's display, a glossary word or abbreviation as written (`atomic`:
    /// no sentence ends inside it) and `"\n"` for a line break; `inLink` inside a link's text.
    static func forEachPiece(of inlines: [Inline], inLink: Bool = false, _ body: (_ text: String, _ inline: Inline, _ atomic: Bool, _ inLink: Bool) -> Void) {
        for inline in inlines {
            switch inline.kind {
            case .text(let text): body(text, inline, false, inLink)
            case .emphasis(let children), .strong(let children): forEachPiece(of: children, inLink: inLink, body)
            case .link(_, let children): forEachPiece(of: children, inLink: true, body)
            case .phone(let phone): body(phone.display, inline, true, inLink)
            case .term(let use): body(use.text, inline, true, inLink)
            case .abbreviation(let use): body(use.text, inline, true, inLink)
            case .lineBreak: body("\n", inline, false, inLink)
            }
        }
    }
}

extension String {
    /// `unicodeScalars.count`, counted on the bytes: every byte but a UTF-8 continuation byte
    /// starts a scalar (issue #23: walking the scalars was 0.6 % of a build).
    var scalarCount: Int {
        utf8.withContiguousStorageIfAvailable { bytes in bytes.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) } } ?? unicodeScalars.count
    }
}

extension Unicode.Scalar {
    /// Whether the scalar is part of a word: a letter, a digit or a combining mark.
    var isWordCharacter: Bool {
        if isASCII {
            let value = value
            return (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
        }
        return properties.isAlphabetic || properties.numericType != nil || properties.generalCategory == .nonspacingMark
    }

    /// Whether the scalar is a digit.
    var isDigit: Bool {
        isASCII ? (0x30...0x39).contains(value) : properties.numericType != nil
    }

    /// `properties.isWhitespace`, told from the value for ASCII (tab to carriage return, space).
    var isSpace: Bool {
        isASCII ? value == 0x20 || (0x09...0x0D).contains(value) : properties.isWhitespace
    }

    /// `properties.isLowercase`, told from the value for ASCII (a to z).
    var isSmallLetter: Bool {
        isASCII ? (0x61...0x7A).contains(value) : properties.isLowercase
    }

    /// `properties.isUppercase`, told from the value for ASCII (A to Z).
    var isCapitalLetter: Bool {
        isASCII ? (0x41...0x5A).contains(value) : properties.isUppercase
    }
}

// MARK: - Implementation

private extension SentenceSplitter {
    /// Marks that end a sentence (a switch, not a set: the splitter asks of every character).
    static func isStop(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case ".", "!", "?", "…": true
        default: false
        }
    }
    /// Closing marks that belong to the sentence before them: `"Stop!"`, `(see below.)`.
    static func isCloser(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case ")", "]", "\"", "”", "’", "'": true
        default: false
        }
    }
    /// Opening marks before the first word of a sentence.
    static func isOpener(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "(", "[", "\"", "“", "‘", "'": true
        default: false
        }
    }
    /// Words whose full stop never ends a sentence (lower case, without the last stop).
    static let neverEnding: Set<String> = ["mr", "mrs", "ms", "mx", "dr", "prof", "st", "e.g", "i.e", "eg", "ie", "vs"]
    /// Words whose full stop does not end a sentence before a number: `No. 5`, `Tel. 0800 1111`.
    static let beforeNumber: Set<String> = ["no", "tel", "ext"]

    /// The sentences of the line `bounds` of `scalars` (it holds no line break).
    static func ranges(in scalars: [Unicode.Scalar], _ bounds: Range<Int>, joined: (Int) -> Bool) -> [Range<Int>] {
        var pieces: [Range<Int>] = []
        var start = bounds.lowerBound
        var index = start
        while index < bounds.upperBound {
            guard isStop(scalars[index]) else {
                index += 1
                continue
            }
            var end = index + 1
            while end < bounds.upperBound, isStop(scalars[end]) || isCloser(scalars[end]) { end += 1 }
            let spaceFollows = end == bounds.upperBound || (scalars[end].isSpace && !joined(end))
            if spaceFollows, endsSentence(scalars, stop: index, end: end, bounds) {
                pieces.append(start..<end)
                start = end
            }
            index = end
        }
        pieces.append(start..<bounds.upperBound)
        var result: [Range<Int>] = []
        for piece in pieces {
            guard let trimmed = trim(piece, scalars) else { continue }
            let hasWord = scalars[trimmed].contains(where: \.isWordCharacter)
            if let last = result.last, !hasWord || !scalars[last].contains(where: \.isWordCharacter) {
                // A piece without words (`:)`) stays with its neighbour.
                result[result.count - 1] = last.lowerBound..<trimmed.upperBound
            } else {
                result.append(trimmed)
            }
        }
        return result
    }

    /// Whether the stops from `stop` to `end` (closing marks included) end the sentence;
    /// a space or the end of the line follows them.
    static func endsSentence(_ scalars: [Unicode.Scalar], stop: Int, end: Int, _ bounds: Range<Int>) -> Bool {
        var next = end
        while next < bounds.upperBound, scalars[next].isSpace || isOpener(scalars[next]) { next += 1 }
        guard next < bounds.upperBound else { return true }
        let following = scalars[next]
        if following.isSmallLetter { return false }
        // Abbreviations end with one full stop: `Dr.`, not `Dr...` or `Dr.?`.
        guard scalars[stop] == ".", stop + 1 == end || !isStop(scalars[stop + 1]) else { return true }
        var from = stop
        while from > bounds.lowerBound, !scalars[from - 1].isSpace { from -= 1 }
        while from < stop, isOpener(scalars[from]) { from += 1 }
        let word = scalars[from..<stop]
        if word.count == 1, let letter = word.first, letter.isCapitalLetter { return false }
        var lowered = ""
        lowered.unicodeScalars.append(contentsOf: word)
        lowered = lowered.lowercased()
        if neverEnding.contains(lowered) { return false }
        if beforeNumber.contains(lowered), following.isDigit { return false }
        return true
    }

    /// `range` without the spaces at either end, or nil when nothing else is left.
    static func trim(_ range: Range<Int>, _ scalars: [Unicode.Scalar]) -> Range<Int>? {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, scalars[lower].isSpace { lower += 1 }
        while upper > lower, scalars[upper - 1].isSpace { upper -= 1 }
        return lower < upper ? lower..<upper : nil
    }

    /// The part of `inlines` inside `range` of their scalars (``forEachPiece(of:inLink:_:)``);
    /// `offset` is where `inlines` start. A phone number, glossary word or abbreviation is never cut.
    static func cut(_ inlines: [Inline], to range: Range<Int>, offset: inout Int) -> [Inline] {
        var result: [Inline] = []
        for inline in inlines {
            let start = offset
            func whole(_ text: String) {
                offset += text.scalarCount
                if start < range.upperBound, offset > range.lowerBound { result.append(inline) }
            }
            func wrapped(_ children: [Inline], _ make: ([Inline]) -> Inline.Kind) {
                let inner = cut(children, to: range, offset: &offset)
                guard let first = inner.first else { return }
                result.append(Inline(make(inner), at: start >= range.lowerBound ? inline.location : first.location))
            }
            switch inline.kind {
            case .text(let text):
                let scalars = text.unicodeScalars
                offset += text.scalarCount
                let lower = max(range.lowerBound, start)
                let upper = min(range.upperBound, offset)
                guard lower < upper else { continue }
                if lower == start, upper == offset {
                    result.append(inline)
                } else {
                    let from = scalars.index(scalars.startIndex, offsetBy: lower - start)
                    let to = scalars.index(from, offsetBy: upper - lower)
                    let location = Location(file: inline.location.file, line: inline.location.line, column: inline.location.column + lower - start)
                    result.append(Inline(.text(String(scalars[from..<to])), at: location))
                }
            case .emphasis(let children): wrapped(children) { .emphasis($0) }
            case .strong(let children): wrapped(children) { .strong($0) }
            case .link(let destination, let children): wrapped(children) { .link(destination: destination, content: $0) }
            case .phone(let phone): whole(phone.display)
            case .term(let use): whole(use.text)
            case .abbreviation(let use): whole(use.text)
            case .lineBreak: whole("\n")
            }
        }
        return result
    }
}
