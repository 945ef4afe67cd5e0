/// A page that says something went wrong, and what to do.
enum MessagePage {
    static func page(status: Int, title: String, message: String, hasSite: Bool = false) -> Page {
        var page = Page(
            title: title, kind: .form,
            body: "<h1>\(HTML.escape(title))</h1><p>\(HTML.escape(message))</p><p><a href=\"/guides\">Go to the list of guides</a></p>",
            hasSite: hasSite)
        page.status = status
        return page
    }
}
