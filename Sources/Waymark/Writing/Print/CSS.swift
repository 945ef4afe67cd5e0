/// A small reader for the flat CSS of Waymark's style sheets and profiles:
/// enough to check the rules a profile must keep, not a general CSS parser.
enum CSS {
    /// One `property: value` with the line and column it starts on.
    struct Declaration: Equatable {
        var property: String
        var value: String
        var line: Int
        var column: Int
    }

    /// A rule: its selectors, the at-rule it sits in (`@media print`), and its declarations.
    struct Rule: Equatable {
        var selectors: [String]
        var context: String?
        var declarations: [Declaration]
        var line: Int

        /// The last value given for `property`.
        func value(_ property: String) -> Declaration? {
            declarations.last { $0.property == property }
        }
    }

    /// The rules of `text`, comments removed. A rule inside an at-rule (`@media print`,
    /// `@page`) keeps the enclosing headers as its context.
    static func parse(_ text: String) -> [Rule] {
        struct OpenBlock {
            var header: String
            var line: Int
            var declarations: [Declaration] = []
        }
        var rules: [Rule] = []
        var stack: [OpenBlock] = []
        var buffer = ""
        var bufferStart: (line: Int, column: Int)?
        var line = 1, column = 0
        let characters = Array(text)
        var index = 0
        func take() -> (String, (line: Int, column: Int)?) {
            defer { buffer = ""; bufferStart = nil }
            return (buffer.trimmingCharacters(in: .whitespacesAndNewlines), bufferStart)
        }
        while index < characters.count {
            let character = characters[index]
            // Comments: skipped, but lines still counted.
            if character == "/" && index + 1 < characters.count && characters[index + 1] == "*" {
                index += 2
                column += 2
                while index < characters.count && !(characters[index] == "*" && index + 1 < characters.count && characters[index + 1] == "/") {
                    if characters[index] == "\n" { line += 1; column = 0 } else { column += 1 }
                    index += 1
                }
                index += 2
                column += 2
                continue
            }
            index += 1
            if character == "\n" { line += 1; column = 0 } else { column += 1 }
            switch character {
            case "{":
                let (header, start) = take()
                stack.append(OpenBlock(header: header, line: start?.line ?? line))
            case ";", "}":
                let (text, start) = take()
                if let colon = text.firstIndex(of: ":"), let start, !stack.isEmpty {
                    let property = text[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
                    let value = text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                    stack[stack.count - 1].declarations.append(
                        Declaration(property: property, value: value, line: start.line, column: start.column))
                }
                if character == "}", let block = stack.popLast(), !block.declarations.isEmpty {
                    let context = stack.map(\.header).joined(separator: " ")
                    rules.append(Rule(
                        selectors: block.header.split(separator: ",").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) },
                        context: context.isEmpty ? nil : context, declarations: block.declarations, line: block.line))
                }
            default:
                if bufferStart == nil && !character.isWhitespace { bufferStart = (line, column) }
                buffer.append(character)
            }
        }
        return rules.sorted { $0.line < $1.line }
    }
}

/// An sRGB colour, with WCAG 2.2 relative luminance and contrast.
struct CSSColor: Equatable {
    var red: Double, green: Double, blue: Double

    private static let names: [String: String] = [
        "black": "#000000", "white": "#ffffff", "navy": "#000080", "maroon": "#800000",
        "darkblue": "#00008b", "darkred": "#8b0000", "yellow": "#ffff00", "red": "#ff0000",
        "blue": "#0000ff", "green": "#008000", "grey": "#808080", "gray": "#808080",
    ]

    /// Parses `#rgb`, `#rrggbb`, `rgb(r, g, b)` and a few colour names; nil for anything else.
    init?(_ text: String) {
        var value = text.trimmingCharacters(in: .whitespaces).lowercased()
        if let named = CSSColor.names[value] { value = named }
        if value.hasPrefix("#") {
            var hex = String(value.dropFirst())
            if hex.count == 3 { hex = hex.map { "\($0)\($0)" }.joined() }
            guard hex.count == 6, let number = Int(hex, radix: 16) else { return nil }
            red = Double((number >> 16) & 0xFF) / 255
            green = Double((number >> 8) & 0xFF) / 255
            blue = Double(number & 0xFF) / 255
            return
        }
        if value.hasPrefix("rgb(") && value.hasSuffix(")") {
            let parts = value.dropFirst(4).dropLast().split(whereSeparator: { $0 == "," || $0 == " " }).compactMap { Double($0) }
            guard parts.count == 3 else { return nil }
            red = parts[0] / 255; green = parts[1] / 255; blue = parts[2] / 255
            return
        }
        return nil
    }

    /// WCAG 2.2 relative luminance.
    var luminance: Double {
        func channel(_ value: Double) -> Double {
            value <= 0.04045 ? value / 12.92 : pow((value + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)
    }

    /// WCAG 2.2 contrast ratio with `other`, from 1 to 21.
    func contrast(with other: CSSColor) -> Double {
        let (light, dark) = (max(luminance, other.luminance), min(luminance, other.luminance))
        return (light + 0.05) / (dark + 0.05)
    }
}

import Foundation
