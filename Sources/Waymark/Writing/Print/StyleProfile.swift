import Foundation

/// A print style profile from `Styles/<name>.css` (large print, giant print, easy read),
/// checked against the rules every profile must keep before any writer uses it.
struct StyleProfile {
    /// A rule the profile breaks, with the place in the file.
    struct Problem: Error, CustomStringConvertible, Equatable {
        var file: String
        var line: Int
        var column: Int
        var message: String

        var description: String { "Styles/\(file):\(line):\(column): \(message)" }
    }

    /// WCAG 1.4.6 (AAA): contrast of every colour pair in print profiles.
    static let minimumContrast = 7.0
    /// RNIB clear print: line spacing at least 1.5.
    static let minimumLineHeight = 1.5

    /// The profile's name (its file name without `.css`).
    let name: String
    /// The CSS, as written.
    let css: String
    /// The body text size in points.
    let bodySize: Double

    /// Reads the profile `name` from the style sheets, refusing one that breaks a rule.
    /// - Parameter minimumBodySize: the smallest body size in points this format allows.
    init(name: String, styles: [String: String], minimumBodySize: Double) throws {
        let file = "\(name).css"
        guard let css = styles[file] else {
            let available = styles.keys.filter { $0 != "epub.css" && $0 != "print.css" && $0 != "easy-read.css" }.map { String($0.dropLast(4)) }.sorted()
            throw Problem(file: file, line: 1, column: 1, message: "there is no style profile '\(name)'; the profiles are: \(available.joined(separator: ", "))")
        }
        self.name = name
        self.css = css
        // Every guide of a build asks for the same profile: check it once.
        let key = CheckKey(css: css, file: file, minimumBodySize: minimumBodySize)
        bodySize = try StyleProfile.checked.value(for: key) {
            Result { try StyleProfile.check(css, file: file, minimumBodySize: minimumBodySize) }
        }.get()
    }

    private struct CheckKey: Hashable, Sendable {
        var css: String
        var file: String
        var minimumBodySize: Double
    }

    /// Profiles already checked in this process.
    private static let checked = Memo<CheckKey, Result<Double, any Error>>(limit: 64)

    /// Checks `css` and returns its body size in points.
    static func check(_ css: String, file: String, minimumBodySize: Double) throws -> Double {
        let rules = CSS.parse(css)
        func problem(_ declaration: CSS.Declaration, _ message: String) -> Problem {
            Problem(file: file, line: declaration.line, column: declaration.column, message: message)
        }
        guard let body = rules.last(where: { $0.selectors.contains("body") && $0.context == nil }) else {
            throw Problem(file: file, line: 1, column: 1, message: "the profile has no 'body' rule; it must set font-size, line-height, font-family, color and background-color")
        }
        for property in ["font-size", "line-height", "font-family", "color", "background-color"] where body.value(property) == nil {
            throw Problem(file: file, line: body.line, column: 1, message: "the 'body' rule does not set \(property)")
        }
        let sizeDeclaration = body.value("font-size")!
        guard let size = points(sizeDeclaration.value) else {
            throw problem(sizeDeclaration, "font-size '\(sizeDeclaration.value)' must be in pt (or px) so that print size is certain")
        }
        guard size >= minimumBodySize else {
            throw problem(sizeDeclaration, "font-size \(sizeDeclaration.value) is too small: body text must be at least \(format(minimumBodySize))pt (UKAAF G003)")
        }
        let lineHeight = body.value("line-height")!
        guard let spacing = Double(lineHeight.value.replacingOccurrences(of: "%", with: "")).map({ lineHeight.value.hasSuffix("%") ? $0 / 100 : $0 }),
              spacing >= minimumLineHeight else {
            throw problem(lineHeight, "line-height \(lineHeight.value) is too tight: use a number of at least \(minimumLineHeight) (RNIB clear print)")
        }
        let family = body.value("font-family")!
        let last = family.value.split(separator: ",").last?.trimmingCharacters(in: .whitespaces).lowercased()
        guard last == "sans-serif" else {
            throw problem(family, "font-family must end with sans-serif, so that every reader gets a sans serif font (UKAAF G003)")
        }
        for rule in rules {
            for declaration in rule.declarations {
                let value = declaration.value.lowercased()
                switch declaration.property {
                case "text-align" where value.contains("justify"):
                    throw problem(declaration, "text-align: justify is not allowed: text must be left aligned (RNIB clear print)")
                case "hyphens", "-webkit-hyphens" where value.contains("auto"):
                    throw problem(declaration, "\(declaration.property): auto is not allowed: words must not be split across lines (UKAAF G003)")
                case "font-style" where value.contains("italic") || value.contains("oblique"):
                    throw problem(declaration, "font-style: \(value) is not allowed: use bold for emphasis, never italics (UKAAF G003)")
                case "text-decoration", "text-decoration-line" where value.contains("underline") && !rule.selectors.allSatisfy({ $0.hasPrefix("a") }):
                    throw problem(declaration, "underline is only for links (\(rule.selectors.joined(separator: ", "))): use bold for emphasis (UKAAF G003)")
                case "column-count", "columns" where (Int(value.split(separator: " ").first ?? "") ?? 1) > 1:
                    throw problem(declaration, "\(declaration.property): \(value) is not allowed: print must be a single column (UKAAF G003)")
                default:
                    break
                }
            }
        }
        try checkContrast(rules, body: body, file: file)
        return size
    }

    /// The size in points of a CSS length in pt or px; nil for relative units.
    static func points(_ value: String) -> Double? {
        let trimmed = value.trimmingCharacters(in: .whitespaces).lowercased()
        if trimmed.hasSuffix("pt") { return Double(trimmed.dropLast(2)) }
        if trimmed.hasSuffix("px") { return Double(trimmed.dropLast(2)).map { $0 * 0.75 } }
        return nil
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}

private extension StyleProfile {
    /// Every text colour against its own background, or the page's (WCAG 1.4.6).
    static func checkContrast(_ rules: [CSS.Rule], body: CSS.Rule, file: String) throws {
        guard let pageText = CSSColor(body.value("color")!.value), let pageBackground = CSSColor(body.value("background-color")!.value) else {
            let declaration = body.value("color")!
            throw Problem(file: file, line: declaration.line, column: declaration.column, message: "write body colours as #rrggbb so that their contrast can be checked")
        }
        for rule in rules {
            let text = rule.value("color")
            let background = rule.value("background-color") ?? rule.value("background")
            guard text != nil || background != nil else { continue }
            let foreground = text.flatMap { CSSColor($0.value) } ?? pageText
            let behind = background.flatMap { CSSColor($0.value) } ?? pageBackground
            let ratio = foreground.contrast(with: behind)
            if ratio < minimumContrast, let declaration = text ?? background {
                throw Problem(
                    file: file, line: declaration.line, column: declaration.column,
                    message: "the colours of '\(rule.selectors.joined(separator: ", "))' have a contrast of \(String(format: "%.1f", ratio)):1; print profiles need at least \(format(minimumContrast)):1 (WCAG 1.4.6)")
            }
        }
    }
}
