/// The content type of a built file, by its extension, and whether a browser should save it
/// rather than show it.
enum MediaTypes {
    static func type(of name: String) -> (type: String, download: Bool) {
        let lowered = name.lowercased()
        let ext = lowered.split(separator: ".").last.map(String.init) ?? ""
        switch ext {
        case "html", "htm", "xhtml": return ("text/html; charset=utf-8", false)
        case "txt": return ("text/plain; charset=utf-8", false)
        case "css": return ("text/css; charset=utf-8", false)
        case "png": return ("image/png", false)
        case "jpg", "jpeg": return ("image/jpeg", false)
        case "svg": return ("image/svg+xml", false)
        case "pdf": return ("application/pdf", true)
        case "epub": return ("application/epub+zip", true)
        case "zip": return ("application/zip", true)
        case "json": return ("application/json", false)
        case "xml": return (lowered.hasPrefix("opds") ? "application/atom+xml;profile=opds-catalog" : "application/xml", false)
        default: return ("application/octet-stream", true)
        }
    }
}
