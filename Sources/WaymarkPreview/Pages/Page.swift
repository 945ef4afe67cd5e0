/// The frame of every app page: the head, a skip link, the menu, the main content and a status line.
///
/// The only script is the app's own `/app/app.js` (never inline, so the Content-Security-Policy
/// forbids every other); the only style sheet is `/app/app.css`. Pages work without the script:
/// it adds live updates, line numbers and moving the cursor to a finding.
struct Page {
    /// What the page is, for the script (`list`, `guide`, `formats`, `editor`, `form`).
    enum Kind: String {
        case list, guide, formats, editor, form
    }

    /// The title, plain text (escaped here).
    var title: String
    /// What the page is.
    var kind: Kind
    /// The guide it is about, if any.
    var slug: String?
    /// The main content, HTML (already escaped).
    var body: String
    /// The HTTP status.
    var status: Int = 200
    /// Whether the site has been built, so the menu links to it.
    var hasSite = false

    /// The whole document.
    var html: String {
        let slugAttribute = slug.map { " data-slug=\"\(HTML.escape($0))\"" } ?? ""
        let siteLink = hasSite ? "<li><a href=\"/site/\">The site as built</a></li>" : ""
        return """
            <!DOCTYPE html>
            <html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">\
            <meta name="referrer" content="no-referrer"><title>\(HTML.escape(title)) – Waymark preview</title>\
            <link rel="stylesheet" href="/app/app.css"><script src="/app/app.js" defer></script></head>
            <body data-page="\(kind.rawValue)"\(slugAttribute)>
            <a class="skip" href="#main">Skip to the main content</a>
            <header class="top"><p class="brand">Waymark preview</p>
            <nav aria-label="Preview"><ul><li><a href="/guides">Guides</a></li>\(siteLink)<li><a href="/new">Start a new guide</a></li><li><a href="/pictures">Pictures</a></li></ul></nav></header>
            <main id="main" tabindex="-1">
            \(body)
            </main>
            <p id="status" class="status" role="status" aria-live="polite"></p>
            </body></html>

            """
    }
}
