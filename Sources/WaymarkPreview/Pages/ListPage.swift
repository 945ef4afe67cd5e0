import Foundation
import Waymark

/// The list of guides: each with what the checks found, its reading age and its formats one click away.
///
/// It is the landing page until the build makes a site (`index.html` at the top of the
/// output, issue 18); then the landing page is the site as built and this list stays at `/guides`.
enum ListPage {
    static func page(guides: [GuideState], project: ProjectSummary) -> Page {
        var body = "<h1>Guides</h1>"
        body += "<div id=\"live\">"
        body += project.problemsHTML
        if guides.isEmpty {
            body += "<p>There are no guides in \(HTML.escape(project.guidesFolder)) yet. <a href=\"/new\">Start a new guide</a>.</p>"
        } else {
            body += "<p>\(guides.count) \(guides.count == 1 ? "guide" : "guides") in \(HTML.escape(project.guidesFolder)). "
                + "Open a guide to see its findings beside its text, edit it, and see its formats side by side.</p>"
            body += "<ul class=\"guides\">"
            for guide in guides { body += item(guide) }
            body += "</ul>"
        }
        body += "</div>"
        return Page(title: "Guides", kind: .list, body: body, hasSite: project.hasSite)
    }

    private static func item(_ guide: GuideState) -> String {
        var html = "<li class=\"guide\"><h2><a href=\"\(HTML.escape(HTML.guidePath(guide.slug)))\">\(HTML.escape(guide.name))</a></h2>"
        html += "<p class=\"path\">\(HTML.escape(guide.displayPath))</p>"
        html += "<p class=\"counts\">\(guide.readable ? "" : "<strong>This guide could not be read.</strong> ")\(HTML.escape(FindingView.counts(guide.findings)))"
        if let readability = guide.readability, !readability.isEmpty {
            html += " Reading age about \(Int(readability.readingAge.rounded()))"
            if let target = guide.targetReadingAge { html += "; it aims for \(Int(target))" }
            html += "."
        }
        html += "</p>"
        html += "<p class=\"actions\"><a href=\"\(HTML.escape(HTML.guidePath(guide.slug, "/edit")))\">Edit <span class=\"visually-hidden\">\(HTML.escape(guide.name))</span></a>"
        html += " <a href=\"\(HTML.escape(HTML.guidePath(guide.slug, "/formats")))\">Formats side by side<span class=\"visually-hidden\">: \(HTML.escape(guide.name))</span></a></p>"
        if let build = guide.build {
            html += "<details><summary>Formats<span class=\"visually-hidden\"> of \(HTML.escape(guide.name))</span></summary>\(FormatLinks.list(slug: guide.slug, built: build.files))</details>"
        }
        return html + "</li>"
    }
}
