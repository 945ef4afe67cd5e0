/// A guide's formats side by side, exactly as built: large print, easy read and plain text in
/// frames, the e-books and PDFs as downloads.
enum FormatsPage {
    static func page(_ guide: GuideState, project: ProjectSummary) -> Page {
        var body = "<h1>\(HTML.escape(guide.name)): the formats side by side</h1>"
        body += "<p class=\"actions\"><a href=\"\(HTML.escape(HTML.guidePath(guide.slug)))\">Back to the findings</a> "
            + "<a href=\"\(HTML.escape(HTML.guidePath(guide.slug, "/edit")))\">Edit this guide</a></p>"
        body += "<div id=\"live\">"
        body += project.problemsHTML
        let files = FormatLinks.files(slug: guide.slug, built: guide.build?.files ?? [])
        let shown = files.filter { $0.shows && $0.name != "index.html" }
        if shown.isEmpty {
            body += "<p class=\"none\">\(guide.build == nil ? "Being built…" : "This guide has no formats to show yet: see its findings.")</p>"
        } else {
            body += "<div class=\"side-by-side\">"
            for file in shown {
                let href = HTML.escape(HTML.builtPath(guide.slug, file.name))
                body += "<section class=\"format\" aria-label=\"\(HTML.escape(file.label))\"><h2>\(HTML.escape(file.label))</h2>"
                body += "<p><a href=\"\(href)\">Open it on its own</a></p>"
                body += "<iframe src=\"\(href)\" title=\"\(HTML.escape(file.label)) of \(HTML.escape(guide.name))\"></iframe></section>"
            }
            body += "</div>"
        }
        let downloads = files.filter { !$0.shows }
        if !downloads.isEmpty {
            body += "<section aria-labelledby=\"downloads\"><h2 id=\"downloads\">Downloads</h2>"
            body += "<ul class=\"formats\">" + downloads.map { file in
                "<li><a href=\"\(HTML.escape(HTML.builtPath(guide.slug, file.name)))\" download>\(HTML.escape(file.label))</a></li>"
            }.joined() + "</ul></section>"
        }
        body += "</div>"
        return Page(title: "\(guide.name): formats", kind: .formats, slug: guide.slug, body: body, hasSite: project.hasSite)
    }
}
