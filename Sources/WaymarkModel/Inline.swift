/// A piece of running text with the place it came from.
public struct Inline: Hashable, Sendable {
    /// What the piece is.
    public indirect enum Kind: Hashable, Sendable {
        /// Plain text.
        case text(String)
        /// Emphasis: italic in the source; print formats turn it bold.
        case emphasis([Inline])
        /// Strong emphasis (bold).
        case strong([Inline])
        /// A link the reader can follow.
        case link(destination: String, content: [Inline])
        /// A UK phone number recognised in the text.
        case phone(PhoneNumber)
        /// A use of a word from the guide's glossary.
        case term(GlossaryUse)
        /// A use of an abbreviation from the guide's `abbreviations:`.
        case abbreviation(AbbreviationUse)
        /// A line break the author asked for.
        case lineBreak
    }

    /// What the piece is.
    public var kind: Kind
    /// Where it starts in the source.
    public var location: Location

    /// Creates an inline.
    public init(_ kind: Kind, at location: Location) {
        self.kind = kind
        self.location = location
    }
}

/// A UK phone number as written, with the digits to dial.
public struct PhoneNumber: Hashable, Sendable {
    /// The number as written in the guide, spacing normalised (`0800 1111`).
    public var display: String
    /// The digits to dial (`08001111`), for `tel:` links.
    public var dial: String

    /// Creates a phone number.
    public init(display: String, dial: String) {
        self.display = display
        self.dial = dial
    }

    /// The number as a screen reader should say it: digit by digit, in the groups it is
    /// written in (`0 8 0 0, 1 1 1 1`; `9 9 9`), so that it is not read as a quantity
    /// ("one thousand one hundred and eleven").
    public var spoken: String {
        // ASCII without a carriage return is a character a byte: spelt out on the bytes (issue #23).
        guard display.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) else {
            return display.split(separator: " ").map { group in
                group.map(String.init).joined(separator: " ")
            }.joined(separator: ", ")
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(display.utf8.count * 3)
        var inGroup = false
        for byte in display.utf8 {
            if byte == UInt8(ascii: " ") {
                inGroup = false
                continue
            }
            if inGroup {
                bytes.append(UInt8(ascii: " "))
            } else if !bytes.isEmpty {
                bytes += [UInt8(ascii: ","), UInt8(ascii: " ")]
            }
            inGroup = true
            bytes.append(byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// A glossary word where it is used in the text.
public struct GlossaryUse: Hashable, Sendable {
    /// The word as written in the text (`advocates`).
    public var text: String
    /// The glossary entry's key (`advocate`).
    public var term: String

    /// Creates a glossary use.
    public init(text: String, term: String) {
        self.text = text
        self.term = term
    }
}

/// An abbreviation where it is used in the text.
public struct AbbreviationUse: Hashable, Sendable {
    /// The abbreviation (`CSE`).
    public var text: String
    /// What it stands for (`child sexual exploitation`).
    public var expansion: String

    /// Creates an abbreviation use.
    public init(text: String, expansion: String) {
        self.text = text
        self.expansion = expansion
    }
}
