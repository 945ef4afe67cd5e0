import Foundation

/// An sRGB colour with alpha, read from a CSS value, for contrast checks.
public struct Colour: Hashable, Sendable, CustomStringConvertible {
    /// Red, green and blue from 0 to 255; alpha from 0 to 1.
    public var red: Double, green: Double, blue: Double, alpha: Double

    /// Creates a colour.
    public init(red: Double, green: Double, blue: Double, alpha: Double = 1) {
        self.red = red
        self.green = green
        self.blue = blue
        self.alpha = alpha
    }

    /// White, the page when a sheet sets no background.
    public static let white = Colour(red: 255, green: 255, blue: 255)
    /// Black, the text when a sheet sets no colour.
    public static let black = Colour(red: 0, green: 0, blue: 0)

    /// `#rrggbb`.
    public var description: String {
        func byte(_ value: Double) -> Int { value.isFinite ? Int(min(max(value, 0), 255).rounded()) : 0 }
        return String(format: "#%02x%02x%02x", byte(red), byte(green), byte(blue))
    }

    /// The colour over `background` (alpha blended).
    public func over(_ background: Colour) -> Colour {
        guard alpha < 1 else { return self }
        func mix(_ a: Double, _ b: Double) -> Double { a * alpha + b * (1 - alpha) }
        return Colour(red: mix(red, background.red), green: mix(green, background.green), blue: mix(blue, background.blue))
    }

    /// WCAG relative luminance.
    public var luminance: Double {
        func channel(_ value: Double) -> Double {
            let c = value / 255
            return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)
    }

    /// The WCAG contrast ratio of two opaque colours, 1 to 21.
    public static func contrast(_ a: Colour, _ b: Colour) -> Double {
        let (l1, l2) = (max(a.luminance, b.luminance), min(a.luminance, b.luminance))
        return (l1 + 0.05) / (l2 + 0.05)
    }

    /// The colour a CSS value names: `#rgb`, `#rrggbb`, `#rrggbbaa`, `rgb()`, `rgba()`, `hsl()`,
    /// `hsla()` or a name; nil for anything else (`transparent`, `inherit`, `currentColor`, gradients…).
    ///
    /// This is Waymark's one colour type: the contrast rule reads every colour through it.
    public init?(css value: String) {
        let text = value.trimmingCharacters(in: .whitespaces).lowercased()
        if text.hasPrefix("#") {
            var hex = String(text.dropFirst())
            if hex.count == 3 || hex.count == 4 { hex = hex.map { "\($0)\($0)" }.joined() }
            guard hex.count == 6 || hex.count == 8, let number = UInt64(hex, radix: 16) else { return nil }
            let hasAlpha = hex.count == 8
            let bits = hasAlpha ? number >> 8 : number
            self.init(red: Double((bits >> 16) & 0xFF), green: Double((bits >> 8) & 0xFF), blue: Double(bits & 0xFF),
                      alpha: hasAlpha ? Double(number & 0xFF) / 255 : 1)
            return
        }
        if text.hasPrefix("rgb"), let parts = Colour.arguments(text) {
            guard parts.count >= 3 else { return nil }
            func number(_ part: String, scale: Double) -> Double? {
                if part.hasSuffix("%") { return Double(part.dropLast()).map { $0 / 100 * scale } }
                return Double(part)
            }
            guard let r = number(parts[0], scale: 255), let g = number(parts[1], scale: 255), let b = number(parts[2], scale: 255) else { return nil }
            let a = parts.count > 3 ? number(parts[3], scale: 1) ?? 1 : 1
            self.init(clamping: r, g, b, alpha: a)
            return
        }
        if text.hasPrefix("hsl"), let parts = Colour.arguments(text) {
            guard parts.count >= 3,
                  let hue = Double(parts[0].replacingOccurrences(of: "deg", with: "")),
                  let saturation = Double(parts[1].replacingOccurrences(of: "%", with: "")),
                  let lightness = Double(parts[2].replacingOccurrences(of: "%", with: "")),
                  [hue, saturation, lightness].allSatisfy(\.isFinite) else { return nil }
            let alpha = parts.count > 3 ? (parts[3].hasSuffix("%") ? Double(parts[3].dropLast()).map { $0 / 100 } : Double(parts[3])) ?? 1 : 1
            // CSS Color 4 §7.1: HSL to sRGB.
            let (s, l) = (saturation / 100, lightness / 100)
            func channel(_ n: Double) -> Double {
                let k = (n + hue / 30).truncatingRemainder(dividingBy: 12)
                let k12 = k < 0 ? k + 12 : k
                return (l - s * min(l, 1 - l) * max(-1, min(k12 - 3, 9 - k12, 1))) * 255
            }
            self.init(clamping: channel(0), channel(8), channel(4), alpha: alpha)
            return
        }
        guard let hex = Colour.named[text] else { return nil }
        self.init(css: hex)
    }

    /// The arguments of a colour function (`rgb(0 0 0 / 50%)`, `hsl(0, 0%, 0%)`), split at
    /// spaces, commas and the slash; nil when there is no `(` before the last `)`.
    static func arguments(_ text: String) -> [String]? {
        guard let open = text.firstIndex(of: "("), let close = text.lastIndex(of: ")"), open < close else { return nil }
        return text[text.index(after: open)..<close]
            .replacingOccurrences(of: "/", with: " ").replacingOccurrences(of: ",", with: " ")
            .split(separator: " ").map(String.init)
    }

    /// A colour from a function's numbers, or nil when one is not a number (NaN, infinity):
    /// channels out of range are clamped to 0–255 and alpha to 0–1, as CSS Color 4 says.
    init?(clamping red: Double, _ green: Double, _ blue: Double, alpha: Double) {
        guard [red, green, blue, alpha].allSatisfy(\.isFinite) else { return nil }
        func clamp(_ value: Double, _ top: Double) -> Double { min(max(value, 0), top) }
        self.init(red: clamp(red, 255), green: clamp(green, 255), blue: clamp(blue, 255), alpha: clamp(alpha, 1))
    }

    /// The first colour in a `background` shorthand, if any.
    public static func inBackground(_ value: String) -> Colour? {
        if let colour = Colour(css: value) { return colour }
        var depth = 0
        var token = ""
        var tokens: [String] = []
        for character in value {
            if character == "(" { depth += 1 } else if character == ")" { depth -= 1 }
            if character == " " && depth == 0 { tokens.append(token); token = "" } else { token.append(character) }
        }
        tokens.append(token)
        return tokens.lazy.compactMap { Colour(css: $0) }.first
    }

    /// CSS colour names (the common ones; others are reported as not understood only by being skipped).
    static let named: [String: String] = [
        "black": "#000000", "white": "#ffffff", "red": "#ff0000", "green": "#008000", "blue": "#0000ff",
        "yellow": "#ffff00", "orange": "#ffa500", "purple": "#800080", "navy": "#000080", "maroon": "#800000",
        "gray": "#808080", "grey": "#808080", "silver": "#c0c0c0", "lime": "#00ff00", "aqua": "#00ffff",
        "cyan": "#00ffff", "teal": "#008080", "olive": "#808000", "fuchsia": "#ff00ff", "magenta": "#ff00ff",
        "darkgray": "#a9a9a9", "darkgrey": "#a9a9a9", "dimgray": "#696969", "dimgrey": "#696969",
        "lightgray": "#d3d3d3", "lightgrey": "#d3d3d3", "gainsboro": "#dcdcdc", "whitesmoke": "#f5f5f5",
        "darkblue": "#00008b", "darkgreen": "#006400", "darkred": "#8b0000", "lightyellow": "#ffffe0",
        "ivory": "#fffff0", "beige": "#f5f5dc", "linen": "#faf0e6", "snow": "#fffafa", "cream": "#fffdd0",
        "lightblue": "#add8e6", "skyblue": "#87ceeb", "pink": "#ffc0cb", "brown": "#a52a2a", "gold": "#ffd700",
        "midnightblue": "#191970", "darkslategray": "#2f4f4f", "darkslategrey": "#2f4f4f", "slategray": "#708090",
        "slategrey": "#708090", "lightslategray": "#778899", "royalblue": "#4169e1", "steelblue": "#4682b4",
        "indigo": "#4b0082", "crimson": "#dc143c", "firebrick": "#b22222", "tomato": "#ff6347", "coral": "#ff7f50",
        "khaki": "#f0e68c", "lavender": "#e6e6fa", "honeydew": "#f0fff0", "mintcream": "#f5fffa", "azure": "#f0ffff",
        "aliceblue": "#f0f8ff", "ghostwhite": "#f8f8ff", "seashell": "#fff5ee", "oldlace": "#fdf5e6",
        "floralwhite": "#fffaf0", "antiquewhite": "#faebd7", "lemonchiffon": "#fffacd", "cornsilk": "#fff8dc",
        "papayawhip": "#ffefd5", "blanchedalmond": "#ffebcd", "wheat": "#f5deb3", "darkorange": "#ff8c00",
        "forestgreen": "#228b22", "seagreen": "#2e8b57", "darkcyan": "#008b8b", "darkmagenta": "#8b008b",
        "darkviolet": "#9400d3", "saddlebrown": "#8b4513", "sienna": "#a0522d", "chocolate": "#d2691e",
    ]
}
