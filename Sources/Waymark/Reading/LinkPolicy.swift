/// The one allow-list for every address a guide gives (body links and contact
/// cards), and the one encoder that makes an address safe to put in `href`.
///
/// A young person may follow any link in an output, so a link can only go to a
/// web page, an email address, a phone number or a place in the same guide.
/// `javascript:`, `vbscript:`, `data:`, `file:` and scheme-relative `//host`
/// links run code or reach places the reader did not choose, and are refused.
public enum LinkPolicy {
    /// Where an address is used, which decides what it may be.
    public enum Use: Sendable {
        /// A link in the text: a web page, `mailto:`, `tel:`, `sms:`, or `#place` in the guide.
        case body
        /// A contact's `website:` or `chat:`: a web page only.
        case web
    }

    /// The schemes a web address may have. `http:` is allowed (a guide valid before stays
    /// valid) and warned about by the contacts rule; `https:` is what guides should use.
    static let webSchemes = ["https:", "http:"]
    /// The other schemes a link in the text may have.
    static let otherSchemes = ["mailto:", "tel:", "sms:"]

    /// Why `address` cannot be used as `use`, in words that follow "the address '…'"; nil when it can.
    public static func problem(_ address: String, use: Use) -> String? {
        if address.isEmpty { return "is empty" }
        if let bad = address.unicodeScalars.first(where: { TextSafety.isControl($0) || $0 == " " || $0 == "\\" }) {
            return bad == " " ? "has a space in it" : bad == "\\" ? "has a backslash (\\) in it"
                : "has an invisible control character (\(TextSafety.name(bad))) in it"
        }
        let lowered = address.lowercased()
        for scheme in webSchemes where lowered.hasPrefix(scheme) {
            let rest = lowered.dropFirst(scheme.count)
            guard rest.hasPrefix("//") else { return "has no '//' after '\(scheme)'" }
            let host = rest.dropFirst(2).prefix { !"/?#".contains($0) }
            guard !host.isEmpty, !host.contains("@"),
                  host.allSatisfy({ $0.isLetter || $0.isNumber || "-.:[]".contains($0) }) else {
                return "has no valid site name after '\(scheme)//'"
            }
            return nil
        }
        if use == .body {
            for scheme in otherSchemes where lowered.hasPrefix(scheme) {
                return lowered.count > scheme.count ? nil : "has no address after '\(scheme)'"
            }
            if lowered.hasPrefix("#") { return nil }
        }
        if lowered.hasPrefix("//") { return "has no 'https:' at the start" }
        return use == .web ? "is not a web address starting with https://"
            : "is not a web address, an email address or a phone number"
    }

    /// Why `address` is not a usable email address; nil when it is.
    public static func emailProblem(_ address: String) -> String? {
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
              !parts[1].hasPrefix("."), !parts[1].hasSuffix(".") else {
            return "is not an email address (like help@example.org)"
        }
        if address.unicodeScalars.contains(where: { TextSafety.isControl($0) || " \"<>\\,;:()[]".unicodeScalars.contains($0) }) {
            return "has a character that an email address cannot have (a space, a quote, < > or a control character)"
        }
        return nil
    }

    /// `address` as it goes into an `href`: every byte that RFC 3986 does not allow in a URI
    /// percent-encoded, as UTF-8 (`"` → `%22`, a space → `%20`, `é` → `%C3%A9`). An existing
    /// `%XX` is kept, so an address already encoded is not encoded twice.
    public static func encoded(_ address: String) -> String {
        let bytes = Array(address.utf8)
        guard bytes.contains(where: { !isURIByte($0) || $0 == UInt8(ascii: "%") }) else { return address }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + 16)
        let hex = Array("0123456789ABCDEF".utf8)
        for (index, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: "%"), index + 2 < bytes.count, isHex(bytes[index + 1]), isHex(bytes[index + 2]) {
                result.append(byte)
            } else if isURIByte(byte) && byte != UInt8(ascii: "%") {
                result.append(byte)
            } else {
                result += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: result, as: UTF8.self)
    }
}

// MARK: - Implementation

private extension LinkPolicy {
    /// RFC 3986 §2.2–2.3: unreserved and reserved characters (and `%` for escapes).
    static func isURIByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return "-._~:/?#[]@!$&'()*+,;=%".utf8.contains(byte)
        }
    }

    static func isHex(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte | 0x20)
    }
}
