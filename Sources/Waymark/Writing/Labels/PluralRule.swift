/// The plural categories of Unicode CLDR (`one`, `few`, `other`…) and, for the languages
/// Waymark ships labels in, the rule that picks one for a whole number.
///
/// From CLDR 46 `plurals.xml` (cardinals, whole numbers only: Waymark never counts in
/// fractions). A language not listed here uses `one` for 1 and `other` for every other
/// number, which is right for English and many others; a catalogue for it may still give
/// only `other`.
public enum PluralCategory: String, CaseIterable, Hashable, Sendable {
    case zero, one, two, few, many, other
}

/// How one language chooses a plural category for a whole number.
public struct PluralRule: Hashable, Sendable {
    /// The language (primary subtag, lower case) whose rule this is.
    public let language: String

    /// The rule for `language` (a BCP 47 tag; only its first part matters).
    public init(language: String) {
        self.language = language.split(separator: "-").first.map { $0.lowercased() } ?? ""
    }

    /// The categories a catalogue in this language needs, in CLDR's order.
    public var categories: [PluralCategory] {
        switch language {
        case "cy", "ar": return [.zero, .one, .two, .few, .many, .other]
        case "pl": return [.one, .few, .many]
        case "ro": return [.one, .few, .other]
        default: return [.one, .other]
        }
    }

    /// The category of `number`.
    public func category(_ number: Int) -> PluralCategory {
        let n = abs(number)
        let lastTwo = n % 100
        let last = n % 10
        switch language {
        case "cy":
            switch n {
            case 0: return .zero
            case 1: return .one
            case 2: return .two
            case 3: return .few
            case 6: return .many
            default: return .other
            }
        case "ar":
            switch n {
            case 0: return .zero
            case 1: return .one
            case 2: return .two
            default:
                if (3...10).contains(lastTwo) { return .few }
                if (11...99).contains(lastTwo) { return .many }
                return .other
            }
        case "pl":
            if n == 1 { return .one }
            if (2...4).contains(last) && !(12...14).contains(lastTwo) { return .few }
            return .many
        case "ro":
            if n == 1 { return .one }
            if n == 0 || (1...19).contains(lastTwo) { return .few }
            return .other
        case "pa":
            // CLDR: one for n = 0..1.
            return n <= 1 ? .one : .other
        default:
            return n == 1 ? .one : .other
        }
    }
}
