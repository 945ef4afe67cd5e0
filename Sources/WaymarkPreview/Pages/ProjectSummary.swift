import Waymark

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
