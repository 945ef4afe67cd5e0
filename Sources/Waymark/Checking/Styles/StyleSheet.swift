import WaymarkModel

/// A CSS style sheet from `Styles/`, read far enough to check it: rules,
/// their selectors and declarations, each with its `file:line:column`.
public struct StyleSheet: Hashable, Sendable {
    /// Which output a sheet is for, which sets its contrast and size limits.
    public enum Profile: String, Hashable, Sendable {
        /// `epub.css`: screen text, WCAG AA.
        case epub
        /// `large-print*.css` and `giant-print*.css`: WCAG AAA contrast, 16 pt at least.
        case largePrint = "large-print"
        /// `print*.css`: the base that large print and easy read share; WCAG AAA contrast.
        case print
        /// `easy-read*.css`: WCAG AAA contrast, 14 pt at least.
        case easyRead = "easy-read"
        /// Any other sheet: treated like screen text.
        case other

        /// The profile a file name implies.
        public init(fileName: String) {
            let name = fileName.lowercased()
            if name.hasPrefix("large-print") || name.hasPrefix("giant-print") {
                self = .largePrint
            } else if name.hasPrefix("easy-read") {
                self = .easyRead
            } else if name.hasPrefix("print") {
                self = .print
            } else if name.hasPrefix("epub") {
                self = .epub
            } else {
                self = .other
            }
        }

        /// The format ids whose output uses the sheet; nil when it may be any.
        public var formatIDs: [String]? {
            switch self {
            case .epub: return ["epub"]
            case .largePrint: return ["large-print"]
            case .easyRead: return ["easy-read"]
            case .print: return ["large-print", "easy-read"]
            case .other: return nil
            }
        }

        /// Whether text needs the enhanced contrast of WCAG AAA (7:1).
        public var needsEnhancedContrast: Bool { [.largePrint, .easyRead, .print].contains(self) }
    }

    /// One `property: value` declaration.
    public struct Declaration: Hashable, Sendable {
        /// The property, lower case (`color`).
        public var property: String
        /// The value, trimmed, without `!important`.
        public var value: String
        /// Where the property name starts.
        public var location: Location
    }

    /// A rule: selectors and declarations (rules inside `@media` are listed too).
    public struct Rule: Hashable, Sendable {
        /// The selectors, trimmed (`body`, `.note p`).
        public var selectors: [String]
        /// The declarations in order.
        public var declarations: [Declaration]
        /// Where the selector starts.
        public var location: Location

        /// The last declaration of `property`, as the cascade would use it.
        public func declaration(_ property: String) -> Declaration? {
            declarations.last { $0.property == property }
        }

        /// Whether a selector is the page itself (`html`, `body`, `:root`).
        public var isPage: Bool {
            selectors.contains { ["html", "body", ":root"].contains($0.lowercased()) }
        }
    }

    /// The path as shown in messages (`Styles/epub.css`).
    public var path: String
    /// The file name (`epub.css`).
    public var name: String
    /// Which output it is for.
    public var profile: Profile
    /// Its rules, in order.
    public var rules: [Rule]

    /// Reads `text`, the sheet at `path`.
    public init(path: String, text: String) {
        self.path = path
        self.name = path.split(separator: "/").last.map(String.init) ?? path
        self.profile = Profile(fileName: name)
        var parser = CSSParser(file: path, text: text)
        self.rules = parser.rules()
    }

    /// Custom properties (`--ink: #111`) defined anywhere, by name.
    public var customProperties: [String: String] {
        var result: [String: String] = [:]
        for rule in rules { for declaration in rule.declarations where declaration.property.hasPrefix("--") { result[declaration.property] = declaration.value } }
        return result
    }

    /// The value with `var(--name)` replaced by the custom property's value.
    public func resolved(_ value: String) -> String {
        var value = value
        let properties = customProperties
        for _ in 0..<5 {
            guard let start = value.range(of: "var(") else { break }
            guard let end = value[start.upperBound...].firstIndex(of: ")") else { break }
            let inside = value[start.upperBound..<end].split(separator: ",", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            let replacement = properties[inside.first ?? ""] ?? (inside.count > 1 ? inside[1] : "")
            value.replaceSubrange(start.lowerBound...end, with: replacement)
        }
        return value
    }
}

// MARK: - Parsing

/// A small CSS reader: comments, rules, at-rules with blocks, declarations.
private struct CSSParser {
    struct Character_ {
        var value: Character
        var line: Int
        var column: Int
    }

    let file: String
    var characters: [Character_] = []
    var index = 0

    init(file: String, text: String) {
        self.file = file
        var line = 1, column = 1
        var inComment = false
        let scalars = Array(text.unicodeScalars)
        var position = 0
        while position < scalars.count {
            let scalar = scalars[position]
            if !inComment, scalar == "/", position + 1 < scalars.count, scalars[position + 1] == "*" {
                inComment = true
            } else if inComment, scalar == "*", position + 1 < scalars.count, scalars[position + 1] == "/" {
                inComment = false
                characters.append(Character_(value: " ", line: line, column: column))
                characters.append(Character_(value: " ", line: line, column: column + 1))
                column += 2
                position += 2
                continue
            }
            characters.append(Character_(value: inComment && scalar != "\n" ? " " : Character(scalar), line: line, column: column))
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            position += 1
        }
    }

    mutating func rules() -> [StyleSheet.Rule] {
        var result: [StyleSheet.Rule] = []
        while index < characters.count {
            skipSpace()
            guard index < characters.count else { break }
            if characters[index].value == "}" { index += 1; return result }
            let start = characters[index]
            var prelude = ""
            while index < characters.count, characters[index].value != "{", characters[index].value != ";", characters[index].value != "}" {
                prelude.append(characters[index].value)
                index += 1
            }
            guard index < characters.count, characters[index].value == "{" else { index += 1; continue }
            index += 1
            let trimmed = prelude.trimmingCharacters(in: .whitespacesAndNewlines)
            let lowered = trimmed.lowercased()
            if lowered.hasPrefix("@media") || lowered.hasPrefix("@supports") || lowered.hasPrefix("@layer") || lowered.hasPrefix("@document") {
                result += rules()
            } else {
                let location = Location(file: file, line: start.line, column: start.column)
                let selectors = trimmed.split(separator: ",").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
                result.append(StyleSheet.Rule(selectors: selectors, declarations: declarations(), location: location))
            }
        }
        return result
    }

    mutating func declarations() -> [StyleSheet.Declaration] {
        var result: [StyleSheet.Declaration] = []
        while index < characters.count {
            skipSpace()
            guard index < characters.count else { break }
            if characters[index].value == "}" { index += 1; break }
            if characters[index].value == ";" { index += 1; continue }
            let start = characters[index]
            var text = ""
            var depth = 0
            var quote: Character?
            while index < characters.count {
                let character = characters[index].value
                if let open = quote {
                    if character == open { quote = nil }
                } else if character == "\"" || character == "'" {
                    quote = character
                } else if character == "(" {
                    depth += 1
                } else if character == ")" {
                    depth -= 1
                } else if depth <= 0 && (character == ";" || character == "}") {
                    break
                } else if depth <= 0 && character == "{" {
                    // A nested rule (CSS nesting): skip it whole.
                    skipBlock()
                    text = ""
                    continue
                }
                text.append(character)
                index += 1
            }
            guard let colon = text.firstIndex(of: ":") else { continue }
            let property = text[..<colon].trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
            var value = text[text.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
            if let important = value.lowercased().range(of: "!important") { value = value[..<important.lowerBound].trimmingCharacters(in: .whitespaces) }
            result.append(StyleSheet.Declaration(property: property, value: value, location: Location(file: file, line: start.line, column: start.column)))
        }
        return result
    }

    mutating func skipBlock() {
        var depth = 0
        while index < characters.count {
            let character = characters[index].value
            index += 1
            if character == "{" { depth += 1 } else if character == "}" { depth -= 1; if depth == 0 { return } }
        }
    }

    mutating func skipSpace() {
        while index < characters.count, characters[index].value.isWhitespace { index += 1 }
    }
}
