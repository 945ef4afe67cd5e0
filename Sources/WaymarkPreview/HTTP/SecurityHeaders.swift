import HTTPTypes
import Hummingbird

/// The headers every response carries.
///
/// App pages: scripts and styles from the app only (`/app/app.js`, `/app/app.css`; no inline
/// script at all), never framed by another page. Built files: exactly as built, with no script
/// of any kind (the outputs have none), their own inline styles and embedded pictures, framed
/// only by the app's formats page. Uploaded pictures: shown as pictures only, in a sandbox.
/// Nothing is cached (the pages change as the guides do), sniffed, or sent on as a referrer.
enum SecurityHeaders {
    static let appPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-src 'self'; "
        + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    static let builtPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; media-src 'self' data:; "
        + "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'"
    static let picturePolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox; frame-ancestors 'self'"

    /// Sets the headers on `response` to the request for `path`.
    static func apply(to response: inout Response, path: String) {
        let policy: String
        if path == "/site" || path.hasPrefix("/site/") {
            policy = builtPolicy
        } else if path.hasPrefix("/pictures/") {
            policy = picturePolicy
        } else {
            policy = appPolicy
        }
        response.headers[.contentSecurityPolicy] = policy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        response.headers[.cacheControl] = "no-store"
        response.headers[HTTPField.Name("Cross-Origin-Opener-Policy")!] = "same-origin"
        response.headers[.crossOriginResourcePolicy] = "same-origin"
        response.headers[HTTPField.Name("X-Frame-Options")!] = policy == appPolicy ? "DENY" : "SAMEORIGIN"
    }
}
