import Foundation

/// Who may use the preview, and the secrets that prove it.
///
/// - On loopback (the default) only this computer can connect, and the `Host` of every
///   request must name this computer too (`127.0.0.1`, `localhost`, `[::1]`): a web page
///   elsewhere that points a name of its own at 127.0.0.1 (DNS rebinding) is refused.
/// - On any other address every request needs the access key: the address printed at the
///   start carries it once (`?token=…`), and a cookie (HttpOnly, SameSite=Strict) after that.
/// - Every form carries the CSRF token, which only the app's own pages know; a POST without
///   it, or from another site (`Origin`, `Sec-Fetch-Site`), changes nothing.
struct AccessRules: Sendable {
    /// The cookie that holds the access key.
    static let cookieName = "waymark-preview-key"

    /// Whether the server listens on loopback only.
    var loopback: Bool
    /// The access key, when not on loopback.
    var token: String?
    /// The token every form carries.
    var csrf: String

    /// The host part of an `authority` (`127.0.0.1:8080` → `127.0.0.1`, `[::1]:80` → `::1`).
    static func host(of authority: String) -> String {
        if authority.hasPrefix("["), let end = authority.firstIndex(of: "]") {
            return String(authority[authority.index(after: authority.startIndex)..<end])
        }
        if let colon = authority.lastIndex(of: ":") { return String(authority[..<colon]) }
        return authority
    }

    /// Why a request to `authority` is refused for its host, or nil.
    func hostProblem(_ authority: String?) -> String? {
        guard loopback else { return nil }
        guard let authority, !authority.isEmpty else { return "the request does not say which address it is for" }
        return PreviewOptions.isLoopback(AccessRules.host(of: authority))
            ? nil : "this preview only answers requests addressed to this computer (127.0.0.1 or localhost)"
    }

    /// Whether `given` is the access key (always true on loopback).
    func hasKey(_ given: String?) -> Bool {
        guard let token else { return true }
        guard let given else { return false }
        return AccessRules.same(given, token)
    }

    /// Compares two secrets in time that does not depend on where they first differ.
    static func same(_ a: String, _ b: String) -> Bool {
        let left = Array(a.utf8)
        let right = Array(b.utf8)
        var difference = UInt8(left.count == right.count ? 0 : 1)
        for index in 0..<max(left.count, right.count) {
            difference |= (index < left.count ? left[index] : 0) ^ (index < right.count ? right[index] : 0)
        }
        return difference == 0
    }
}
