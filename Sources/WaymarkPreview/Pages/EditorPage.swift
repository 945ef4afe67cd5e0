import Waymark

/// The editor: the guide's text in a plain text box with line numbers, a Save button, and
/// the findings beside it; choosing a finding puts the cursor on its line and column.
///
/// The form carries the version of the text it opened: a Save over a file that changed on
/// disk since is refused, and the author is shown both versions (``ConflictPage``).
enum EditorPage {
    /// What happened just before the page was shown.
    enum Notice {
        case none
        case saved
        case created
    }

    static func page(_ guide: GuideState, project: ProjectSummary, csrf: String, notice: Notice, line: Int?, column: Int?) -> Page {
        let text = String(decoding: guide.source, as: UTF8.self)
        let lines = SourceMap(text: text)
        var body = "<h1>Edit \(HTML.escape(guide.name))</h1>"
        body += "<p class=\"path\">\(HTML.escape(guide.displayPath))</p>"
        body += "<p class=\"actions\"><a href=\"\(HTML.escape(HTML.guidePath(guide.slug)))\">Back to the findings</a> "
            + "<a href=\"\(HTML.escape(HTML.guidePath(guide.slug, "/formats")))\">See the formats side by side</a></p>"
        switch notice {
        case .none: break
        case .saved: body += "<p class=\"saved\" id=\"notice\">Saved. The findings beside the text are for the saved version.</p>"
        case .created: body += "<p class=\"saved\" id=\"notice\">The new guide is saved in \(HTML.escape(guide.displayPath)). Change the text to your own.</p>"
        }
        body += "<div class=\"editor-layout\">"
        body += "<form class=\"editor\" method=\"post\" action=\"\(HTML.escape(HTML.guidePath(guide.slug, "/edit")))\">"
        body += hiddenFields(csrf: csrf, version: guide.version)
        body += textBox(
            id: "source", label: "The guide's text (Markdown)",
            hint: "Save with the button below, or Control and S. The line numbers are beside the text.",
            text: text, editable: true, line: line, column: column)
        body += "<p><button type=\"submit\" class=\"button\">Save</button></p>"
        body += "<p id=\"changed\" class=\"changed\" hidden>This guide has changed on disk since you opened it. "
            + "When you save, you will see both versions and can choose.</p>"
        body += "</form>"
        body += "<section class=\"side\" aria-labelledby=\"findings-heading\" id=\"live\">"
        body += "<h2 id=\"findings-heading\">What the checks found</h2>"
        body += project.problemsHTML
        body += GuidePage.summary(guide)
        body += FindingView.list(guide.findings, lines: lines, ownFile: guide.displayPath, editor: nil, none: "Nothing to fix.")
        body += "</section></div>"
        return Page(title: "Edit \(guide.name)", kind: .editor, slug: guide.slug, body: body, hasSite: project.hasSite)
    }

    /// The form's hidden fields: the CSRF token, and the version of the text the form replaces.
    static func hiddenFields(csrf: String, version: String) -> String {
        "<input type=\"hidden\" name=\"csrf\" value=\"\(HTML.escape(csrf))\">"
            + "<input type=\"hidden\" name=\"version\" id=\"version\" value=\"\(HTML.escape(version))\">"
    }

    /// A labelled text box with its line numbers (the numbers are for the eye: a screen reader
    /// reads the line from the text box itself). An editable box is the form's `text` field.
    static func textBox(id: String, label: String, hint: String, text: String, editable: Bool, line: Int? = nil, column: Int? = nil) -> String {
        let count = max(SourceMap(text: text).lineCount, 1)
        let numbers = (1...count).map(String.init).joined(separator: "\n")
        var attributes = editable ? " name=\"text\" spellcheck=\"true\" autocapitalize=\"off\"" : " readonly"
        if let line { attributes += " data-line=\"\(line)\"" }
        if let column { attributes += " data-column=\"\(column)\"" }
        // A line break straight after <textarea> is dropped by the HTML parser: one is added so
        // that a guide's own first line break is kept.
        return "<label for=\"\(id)\">\(HTML.escape(label))</label><p class=\"hint\" id=\"\(id)-hint\">\(HTML.escape(hint))</p>"
            + "<div class=\"code\"><pre class=\"gutter\" aria-hidden=\"true\">\(numbers)</pre>"
            + "<textarea id=\"\(id)\" aria-describedby=\"\(id)-hint\" rows=\"30\"\(attributes)>\n\(HTML.escape(text))</textarea></div>"
    }
}
