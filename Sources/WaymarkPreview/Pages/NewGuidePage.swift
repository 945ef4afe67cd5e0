/// The form that starts a new guide from the template.
enum NewGuidePage {
    static func page(csrf: String, title: String = "", fileName: String = "", problem: String? = nil, hasSite: Bool) -> Page {
        var body = "<h1>Start a new guide</h1>"
        body += "<p>The new guide starts from a template with every setting it needs at the top and a first chapter to change into your own. "
            + "It is saved in the guides folder, and opens in the editor.</p>"
        if let problem {
            body += "<p class=\"error-message\" id=\"problem\" role=\"alert\"><strong>The guide was not started:</strong> \(HTML.escape(problem))</p>"
        }
        let invalid = problem == nil ? "" : " aria-invalid=\"true\""
        body += "<form method=\"post\" action=\"/new\" class=\"fields\">"
        body += "<input type=\"hidden\" name=\"csrf\" value=\"\(HTML.escape(csrf))\">"
        body += "<p><label for=\"title\">The guide's title</label>"
        body += "<input id=\"title\" name=\"title\" type=\"text\" required maxlength=\"\(PreviewLimits.nameLength)\" value=\"\(HTML.escape(title))\" aria-describedby=\"title-hint\"\(invalid)></p>"
        body += "<p class=\"hint\" id=\"title-hint\">For example: Going to court. Young people will see it on the cover.</p>"
        body += "<p><label for=\"file\">File name (you can leave this empty)</label>"
        body += "<input id=\"file\" name=\"file\" type=\"text\" maxlength=\"\(PreviewLimits.nameLength)\" value=\"\(HTML.escape(fileName))\" aria-describedby=\"file-hint\"\(invalid)></p>"
        body += "<p class=\"hint\" id=\"file-hint\">Made from the title when empty, such as going-to-court. It names the guide's file (going-to-court.md) and the folder its formats are built in.</p>"
        body += "<p><button type=\"submit\" class=\"button\">Start the guide</button></p>"
        body += "</form>"
        var page = Page(title: "Start a new guide", kind: .form, body: body, hasSite: hasSite)
        if problem != nil { page.status = 422 }
        return page
    }
}
