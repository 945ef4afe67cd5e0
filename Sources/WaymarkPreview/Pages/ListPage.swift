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

/// What every page says about the project as a whole: problems with the settings or the
/// styles, and where things are.
struct ProjectSummary: Sendable {
    /// The guides folder as shown (`Guides`).
    var guidesFolder: String
    /// Problems with `waymark.yml`, the styles or the guides folder, and why a build could not start.
    var problems: [Diagnostic]
    /// What the checks found in the style sheets.
    var styleFindings: [Diagnostic]
    /// Whether the build made a site.
    var hasSite: Bool
    /// Whether a build is running.
    var building: Bool

    /// The problems as a box at the top of a page, or nothing.
    var problemsHTML: String {
        var html = ""
        if !problems.isEmpty {
            html += "<section class=\"problems\" aria-labelledby=\"problems-heading\"><h2 id=\"problems-heading\">The project has problems</h2>"
            html += FindingView.list(problems, lines: SourceMap.empty, ownFile: "", editor: nil, none: "")
            html += "</section>"
        }
        let sheetErrors = styleFindings.filter { $0.severity != .info }
        if !sheetErrors.isEmpty {
            html += "<section class=\"problems\" aria-labelledby=\"styles-heading\"><h2 id=\"styles-heading\">The style sheets have problems</h2>"
            html += FindingView.list(sheetErrors, lines: SourceMap.empty, ownFile: "", editor: nil, none: "")
            html += "</section>"
        }
        return html
    }
}
