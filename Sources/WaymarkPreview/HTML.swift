import Foundation

/// Escaping for where a value lands in the app's pages: HTML text, an attribute, an address.
///
/// Every value that comes from a guide, a file name or a request goes through one of these;
/// the pages are strings built from escaped parts, with no template engine.
enum HTML {
    /// `text` safe as HTML text or inside a quoted attribute (`&`, `<`, `>`, `"` and `'` escaped).
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            // A control character (other than tab and line breaks) is shown, not passed on.
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                if scalar.properties.generalCategory == .control || scalar == "\u{FFFE}" || scalar == "\u{FFFF}" {
                    result += "\u{FFFD}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    /// The characters an address path segment keeps as they are (RFC 3986 unreserved).
    private static let unreserved = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")

    /// `name` as one segment of an address: everything but the unreserved characters percent-encoded.
    static func segment(_ name: String) -> String {
        name.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }

    /// The address of an app page for the guide `slug` (`/guides/<slug>`, then `suffix`).
    static func guidePath(_ slug: String, _ suffix: String = "") -> String {
        "/guides/\(segment(slug))\(suffix)"
    }

    /// The address of a built file of the guide `slug` (`/site/<slug>/<file>`).
    static func builtPath(_ slug: String, _ file: String) -> String {
        "/site/\(segment(slug))/" + file.split(separator: "/").map { segment(String($0)) }.joined(separator: "/")
    }
}
