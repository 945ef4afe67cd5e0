import Foundation
import WaymarkModel

/// A CSS style sheet from `Styles/`, read far enough to check it: rules,
/// their selectors and declarations, each with its `file:line:column`.
///
/// This is Waymark's one CSS reader: the style rules check what it reads, and the
/// print writers take their profile's body size from it (``bodyText``), so that
/// `waymark check` and `waymark build` can never read a sheet two ways.
public struct StyleSheet: Hashable, Sendable {
    /// What a sheet is for, which sets its contrast and size limits: worked out from what
    /// the writers declare (``Writer/styleSheets`` and ``Writer/profiles``), never from a
    /// list of file names here.
    public struct Profile: Hashable, Sendable {
        /// The formats whose writers read the sheet; empty for a sheet no writer names,
        /// which can only be a style profile of your own (`waymark build --style NAME`).
        public var formatIDs: [String]
        /// The profile declaration the sheet is a profile under, if it is one.
        public var use: StyleProfileUse?

        /// What `fileName` (a file of `Styles/`) is for, as `writers` declare it.
        public init(fileName: String, writers: [any Writer] = WriterRegistry.all) {
            let name = fileName.lowercased()
            formatIDs = WriterRegistry.formats(using: name, in: writers)
            let read = writers.filter { $0.styleSheets.contains(name) }
            // The download site's own sheet: read with print.css by pages made like large print.
            if read.isEmpty, DownloadSite.styleSheets.contains(name) {
                use = nil
                isPrint = true
                return
            }
            if let owner = writers.first(where: { $0.profiles?.accepts(name) ?? false }), let declared = owner.profiles {
                use = declared
            } else if read.isEmpty {
                // Any other sheet can only be used through `--style NAME`, which picks the
                // profile of the writer that takes one (large print), so it is held to that.
                use = writers.lazy.compactMap(\.profiles).first { $0.takesStyleOption }
            } else {
                use = nil
            }
            // Print rules (UKAAF clear print, WCAG AAA) apply when every writer reading the
            // sheet is a print format (one with style profiles), or when it is a profile.
            let readers = writers.filter { $0.uses(styleSheet: name) }
            isPrint = use != nil || (!readers.isEmpty && readers.allSatisfy { $0.profiles != nil })
        }

        /// Whether the sheet styles print (large print, easy read, their shared base, or a
        /// profile of your own): UKAAF clear print applies, and WCAG AAA contrast.
        public private(set) var isPrint: Bool

        /// Whether text needs the enhanced contrast of WCAG AAA (7:1).
        public var needsEnhancedContrast: Bool { isPrint }

        /// Whether the sheet is a style profile: the sheet a print writer adds to its base
        /// sheet to set the body's size, line height, font and colours, which it must therefore set.
        public var isProfile: Bool { use != nil }

        /// The smallest body text a profile allows, in points; nil for sheets that are not profiles.
        public var minimumBodySize: Double? { use?.minimumBodySize }

        /// The body size a profile should ideally have, in points; nil for sheets that are not profiles.
        public var idealBodySize: Double? { use?.idealBodySize }
    }

    /// One `property: value` declaration.
    public struct Declaration: Hashable, Sendable {
        /// The property, lower case (`color`).
        public var property: String
        /// The value, trimmed, without `!important`.
        public var value: String
        /// Where the property name starts.
        public var location: Location

        /// The property without a vendor prefix (`-webkit-hyphens` → `hyphens`), which
        /// browsers apply just the same.
        public var standardProperty: String {
            for prefix in StyleSheet.vendorPrefixes where property.hasPrefix(prefix) {
                return String(property.dropFirst(prefix.count))
            }
            return property
        }

        /// The value this declaration gives the longhand `property`: its own value, or the part
        /// of a shorthand that sets it (`font: italic 18pt Verdana` gives `font-style` `italic`);
        /// nil when it does not set `property`, or a shorthand leaves that part out.
        public func value(for property: String) -> String? {
            let own = standardProperty
            if own == property { return value }
            guard StyleSheet.shorthands[property] == own else { return nil }
            switch own {
            case "font":
                let font = FontShorthand(value)
                switch property {
                case "font-style": return font?.style
                case "font-size": return font?.size
                case "line-height": return font?.lineHeight
                case "font-family": return font?.family
                default: return nil
                }
            case "columns":
                let tokens = StyleSheet.tokens(value).filter { $0.lowercased() != "auto" }
                let count = tokens.first { Int($0) != nil }
                return property == "column-count" ? count : tokens.first { $0 != count }
            case "text-decoration":
                let lines = StyleSheet.tokens(value.lowercased()).filter { ["none", "underline", "overline", "line-through", "blink"].contains($0) }
                return lines.isEmpty ? nil : lines.joined(separator: " ")
            default:
                return nil
            }
        }
    }

    /// A rule: selectors and declarations (rules inside `@media` are listed too).
    public struct Rule: Hashable, Sendable {
        /// The selectors, trimmed (`body`, `.note p`); for an at-rule's block, its prelude (`@page :first`).
        public var selectors: [String]
        /// The declarations in order.
        public var declarations: [Declaration]
        /// Where the selector starts.
        public var location: Location
        /// The at-rules that hold it (`@media print`), outermost first; empty at the top level.
        public var conditions: [String] = []
        /// For the block of an at-rule that is not a style rule (`@page`, `@font-face`), its
        /// keyword; nil for a style rule. Its declarations are descriptors, not styles of text.
        public var atRule: String? = nil

        /// The last declaration of `property`, as the cascade would use it.
        public func declaration(_ property: String) -> Declaration? {
            declarations.last { $0.property == property }
        }

        /// What the rule gives the longhand `property` in the end, with the declaration
        /// that gives it: the last one that sets it, itself or through a shorthand
        /// (a shorthand that leaves it out resets it: `font: 18pt Verdana` sets
        /// `line-height: normal`). Vendor prefixes count as the property itself.
        public func setting(_ property: String) -> (value: String, declaration: Declaration)? {
            for declaration in declarations.reversed() {
                if let value = declaration.value(for: property) { return (value, declaration) }
                guard declaration.standardProperty == StyleSheet.shorthands[property] else { continue }
                // `font: inherit` gives every part the keyword; otherwise a part left out is reset.
                let keyword = declaration.value.lowercased()
                if StyleSheet.cssWideKeywords.contains(keyword) { return (keyword, declaration) }
                if let initial = StyleSheet.initialValues[property] { return (initial, declaration) }
            }
            return nil
        }

        /// Whether a selector is the page itself (`html`, `body`, `:root`).
        public var isPage: Bool {
            atRule == nil && selectors.contains { ["html", "body", ":root"].contains($0.lowercased()) }
        }

        /// Whether a selector is `body` itself.
        public var isBody: Bool {
            atRule == nil && selectors.contains { $0.lowercased() == "body" }
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

    /// Reads `text`, the sheet at `path`, for the output its file name implies.
    public init(path: String, text: String) {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        self.init(path: path, text: text, profile: Profile(fileName: name))
    }

    /// Reads `text`, the sheet at `path`, for the output `profile`.
    public init(path: String, text: String, profile: Profile) {
        self.path = path
        self.name = path.split(separator: "/").last.map(String.init) ?? path
        self.profile = profile
        var parser = CSSParser(file: path, text: text)
        self.rules = parser.rules(conditions: [])
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

// MARK: - The page

extension StyleSheet {
    /// The size of the body text, as writers print it and the `style-font-size` rule checks it.
    public struct BodyText: Hashable, Sendable {
        /// The size in points; nil when the sheet gives a size that cannot be told (`calc()`, `larger`).
        public var points: Double?
        /// The declaration that sets it; nil when nothing does and the browser's default is used.
        public var declaration: Declaration?
    }

    /// The page rules (`html`, `:root`, then `body`) outside any `@media`, in the order
    /// that sizes cascade: `html` and `:root` set what `rem`, `em` and `%` mean on `body`.
    public var pageRules: [Rule] {
        let page = rules.filter { $0.isPage && $0.conditions.isEmpty }
        return page.filter { !$0.isBody } + page.filter(\.isBody)
    }

    /// The root font size in points (`html`/`:root`, else the browser's default of 12 pt).
    public var rootPoints: Double {
        var points = Thresholds.defaultFontPixels / Thresholds.pixelsPerPoint
        for rule in pageRules where !rule.isBody {
            if let size = rule.setting("font-size"), let value = StyleSheet.points(fontSize: resolved(size.value), root: points) { points = value }
        }
        return points
    }

    /// The body text size: the last page rule's font size outside `@media` (`font-size` or
    /// the `font` shorthand), relative to the root size; else the browser's default.
    public var bodyText: BodyText {
        var text = BodyText(points: Thresholds.defaultFontPixels / Thresholds.pixelsPerPoint, declaration: nil)
        var root = text.points ?? 0
        for rule in pageRules {
            guard let size = rule.setting("font-size") else { continue }
            text = BodyText(points: StyleSheet.points(fontSize: resolved(size.value), root: root), declaration: size.declaration)
            if !rule.isBody, let points = text.points { root = points }
        }
        return text
    }

    /// A CSS font size in points; nil for sizes it cannot tell (`calc()`, `larger`).
    /// `em`, `rem` and `%` are taken relative to `root` points.
    public static func points(fontSize value: String, root: Double) -> Double? {
        let text = value.trimmingCharacters(in: .whitespaces).lowercased()
        let keywords: [String: Double] = ["xx-small": 7, "x-small": 7.5, "small": 10, "medium": 12, "large": 13.5, "x-large": 18, "xx-large": 24, "xxx-large": 36]
        if let points = keywords[text] { return points }
        for (unit, factor) in [("pt", 1.0), ("px", 1 / Thresholds.pixelsPerPoint), ("rem", root), ("em", root), ("%", root / 100), ("pc", 12.0)] where text.hasSuffix(unit) {
            return Double(text.dropLast(unit.count).trimmingCharacters(in: .whitespaces)).map { $0 * factor }
        }
        return nil
    }

    /// A line height as a multiple of the font size (`1.5`, `150%`, `1.5em`, or a length over
    /// `fontPoints`); `normal` is about 1.2 in every common font. Nil when it cannot be told.
    public static func lineSpacing(_ value: String, fontPoints: Double) -> Double? {
        let text = value.trimmingCharacters(in: .whitespaces).lowercased()
        if text == "normal" { return 1.2 }
        if let number = Double(text) { return number }
        if text.hasSuffix("%") { return Double(text.dropLast()).map { $0 / 100 } }
        if text.hasSuffix("em") && !text.hasSuffix("rem") { return Double(text.dropLast(2)) }
        return points(fontSize: text, root: fontPoints).map { $0 / fontPoints }
    }

    /// The words of a value, split at spaces outside quotes and brackets (`Verdana, "DejaVu Sans"` stays whole after commas).
    static func tokens(_ value: String) -> [String] {
        var tokens: [String] = []
        var token = ""
        var depth = 0
        var quote: Character?
        for character in value {
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "(" {
                depth += 1
            } else if character == ")" {
                depth -= 1
            } else if character.isWhitespace && depth <= 0 {
                if !token.isEmpty { tokens.append(token) }
                token = ""
                continue
            }
            token.append(character)
        }
        if !token.isEmpty { tokens.append(token) }
        return tokens
    }

    /// Values every property takes (CSS Cascade 5 §7.3).
    public static let cssWideKeywords: Set<String> = ["inherit", "initial", "unset", "revert", "revert-layer"]

    /// Prefixes browsers put before a property of their own (`-webkit-hyphens`).
    static let vendorPrefixes = ["-webkit-", "-moz-", "-ms-", "-o-", "-epub-"]

    /// The shorthand that also sets each longhand the rules check.
    static let shorthands = [
        "font-style": "font", "font-size": "font", "line-height": "font", "font-family": "font",
        "column-count": "columns", "column-width": "columns", "text-decoration-line": "text-decoration",
    ]

    /// What a shorthand sets a longhand to when it leaves it out (CSS initial values).
    static let initialValues = [
        "font-style": "normal", "line-height": "normal", "column-count": "auto", "column-width": "auto", "text-decoration-line": "none",
    ]
}

// MARK: - Selectors

extension StyleSheet {
    /// The last compound of a selector: the element it styles (`nav a:hover` → `a:hover`,
    /// `.note > p` → `p`).
    public static func subject(of selector: String) -> String {
        var depth = 0
        var start = selector.startIndex
        for index in selector.indices {
            let character = selector[index]
            if character == "[" || character == "(" { depth += 1 } else if character == "]" || character == ")" { depth -= 1 }
            if depth == 0, character.isWhitespace || character == ">" || character == "+" || character == "~" { start = selector.index(after: index) }
        }
        return String(selector[start...]).trimmingCharacters(in: .whitespaces)
    }

    /// The element name a compound selector names, lower case (`a` of `a.phone:hover`); "" for none (`.note`, `:link`).
    public static func elementName(of compound: String) -> String {
        let name = compound.prefix { !".#[:".contains($0) }
        return String(name.split(separator: "|").last ?? "").lowercased()
    }
}

// MARK: - The font shorthand

/// The parts of a `font` shorthand: `[style] [variant] [weight] size[/line-height] family`
/// (CSS Fonts 4 §2.8). Nil for a system font (`caption`) or a CSS-wide keyword, which name no size.
private struct FontShorthand {
    var style: String?
    var size: String
    var lineHeight: String?
    var family: String

    init?(_ value: String) {
        let tokens = StyleSheet.tokens(value)
        let sizeKeywords: Set<String> = ["xx-small", "x-small", "small", "medium", "large", "x-large", "xx-large", "xxx-large", "larger", "smaller"]
        // The size is the first token with a unit (a bare number is a weight: `font: 700 18pt …`).
        func isSize(_ token: String) -> Bool {
            let lowered = token.lowercased().split(separator: "/", maxSplits: 1).first.map(String.init) ?? ""
            if sizeKeywords.contains(lowered) || lowered.hasPrefix("calc(") || lowered.hasPrefix("var(") || lowered.hasPrefix("clamp(") { return true }
            guard let first = lowered.first, first.isNumber || first == "." else { return false }
            // An angle belongs to `oblique 10deg`.
            if ["deg", "rad", "turn"].contains(where: { lowered.hasSuffix($0) }) { return false }
            return Double(lowered) == nil || lowered == "0"
        }
        guard let index = tokens.firstIndex(where: isSize) else { return nil }
        var rest = Array(tokens[(index + 1)...])
        let parts = tokens[index].split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        size = parts[0]
        if parts.count > 1 {
            lineHeight = parts[1].isEmpty ? rest.first : parts[1]
            if parts[1].isEmpty, !rest.isEmpty { rest.removeFirst() }
        } else if let next = rest.first, next.hasPrefix("/") {
            lineHeight = next == "/" ? rest.dropFirst().first : String(next.dropFirst())
            rest.removeFirst(next == "/" ? min(2, rest.count) : 1)
        }
        family = rest.joined(separator: " ")
        style = tokens[..<index].first { $0.lowercased() == "italic" || $0.lowercased().hasPrefix("oblique") }
    }
}

// MARK: - Parsing

/// A small CSS reader: comments, strings, rules, at-rules with blocks, declarations.
private struct CSSParser {
    /// One character of the sheet and where it is (comments already blanked to spaces).
    struct PlacedCharacter {
        var value: Character
        var line: Int
        var column: Int
    }

    /// At-rules whose block holds style rules (CSS Conditional 3, Cascade 5).
    static let groupingRules = ["@media", "@supports", "@layer", "@document", "@container", "@scope"]

    let file: String
    var characters: [PlacedCharacter] = []
    var index = 0

    init(file: String, text: String) {
        self.file = file
        var line = 1, column = 1
        var inComment = false
        var quote: Unicode.Scalar?
        let scalars = Array(text.unicodeScalars)
        var position = 0
        while position < scalars.count {
            let scalar = scalars[position]
            let next = position + 1 < scalars.count ? scalars[position + 1] : nil
            if let open = quote {
                // Inside a string, `/*` is text (CSS Syntax 3 §4.3.5); a backslash escapes the next character.
                if scalar == "\\", let next, next != "\n" {
                    characters.append(PlacedCharacter(value: Character(scalar), line: line, column: column))
                    characters.append(PlacedCharacter(value: Character(next), line: line, column: column + 1))
                    column += 2
                    position += 2
                    continue
                }
                if scalar == open || scalar == "\n" { quote = nil }
            } else if !inComment, scalar == "/", next == "*" {
                inComment = true
            } else if inComment, scalar == "*", next == "/" {
                inComment = false
                characters.append(PlacedCharacter(value: " ", line: line, column: column))
                characters.append(PlacedCharacter(value: " ", line: line, column: column + 1))
                column += 2
                position += 2
                continue
            } else if !inComment, scalar == "\"" || scalar == "'" {
                quote = scalar
            }
            characters.append(PlacedCharacter(value: inComment && scalar != "\n" ? " " : Character(scalar), line: line, column: column))
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            position += 1
        }
    }

    mutating func rules(conditions: [String]) -> [StyleSheet.Rule] {
        var result: [StyleSheet.Rule] = []
        while index < characters.count {
            skipSpace()
            guard index < characters.count else { break }
            if characters[index].value == "}" { index += 1; return result }
            let start = characters[index]
            var prelude = ""
            var quote: Character?
            while index < characters.count {
                if takeEscapedOrQuoted(into: &prelude, quote: &quote) { continue }
                let character = characters[index].value
                if character == "{" || character == ";" || character == "}" { break }
                prelude.append(character)
                index += 1
            }
            guard index < characters.count, characters[index].value == "{" else { index += 1; continue }
            index += 1
            let trimmed = prelude.trimmingCharacters(in: .whitespacesAndNewlines)
            let keyword = trimmed.hasPrefix("@") ? String(trimmed.prefix { !$0.isWhitespace && $0 != "(" }).lowercased() : nil
            let location = Location(file: file, line: start.line, column: start.column)
            if let keyword, CSSParser.groupingRules.contains(keyword) {
                result += rules(conditions: conditions + [trimmed])
            } else if let keyword {
                result.append(StyleSheet.Rule(selectors: [trimmed], declarations: declarations(), location: location, conditions: conditions, atRule: keyword))
            } else {
                let selectors = trimmed.split(separator: ",").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
                result.append(StyleSheet.Rule(selectors: selectors, declarations: declarations(), location: location, conditions: conditions))
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
                if takeEscapedOrQuoted(into: &text, quote: &quote) { continue }
                let character = characters[index].value
                if character == "(" {
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

    /// Takes a backslash escape (the next character is text: `.a\{b`, `content: "\""`), or a
    /// character inside quotes, opening and closing them, into `text`; false for anything else.
    mutating func takeEscapedOrQuoted(into text: inout String, quote: inout Character?) -> Bool {
        let character = characters[index].value
        if character == "\\" {
            text.append(character)
            index += 1
            if index < characters.count { text.append(characters[index].value); index += 1 }
            return true
        }
        if let open = quote {
            if character == open { quote = nil }
        } else if character == "\"" || character == "'" {
            quote = character
        } else {
            return false
        }
        text.append(character)
        index += 1
        return true
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
