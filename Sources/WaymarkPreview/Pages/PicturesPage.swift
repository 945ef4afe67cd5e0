import Foundation

/// The pictures in `Guides/pictures/`, and the form that adds one.
enum PicturesPage {
    /// What happened to the last upload.
    enum Outcome {
        case none
        case saved(name: String)
        case refused(String)
    }

    static func page(pictures: [String], csrf: String, outcome: Outcome, hasSite: Bool) -> Page {
        var body = "<h1>Pictures</h1>"
        switch outcome {
        case .none:
            break
        case .saved(let name):
            body += "<p class=\"saved\" id=\"notice\" role=\"status\">Saved Guides/pictures/\(HTML.escape(name)). "
                + "Use it in a guide with a line such as <code>![what the picture shows](pictures/\(HTML.escape(name)))</code>.</p>"
        case .refused(let problem):
            body += "<p class=\"error-message\" id=\"problem\" role=\"alert\"><strong>The picture was not saved:</strong> \(HTML.escape(problem))</p>"
        }
        body += "<section aria-labelledby=\"add-heading\"><h2 id=\"add-heading\">Add a picture</h2>"
        body += "<p>SVG, PNG or JPEG, up to \(PreviewLimits.pictureBytes / 1024 / 1024) MB. It gets the same checks as every picture a guide uses: "
            + "the file must be what its name says and whole, not too large, and an SVG is made safe (no scripts, no links to other websites).</p>"
        body += "<form method=\"post\" action=\"/pictures\" enctype=\"multipart/form-data\" class=\"fields\">"
        body += "<input type=\"hidden\" name=\"csrf\" value=\"\(HTML.escape(csrf))\">"
        body += "<p><label for=\"picture\">The picture file</label>"
        body += "<input id=\"picture\" name=\"picture\" type=\"file\" required accept=\".svg,.png,.jpg,.jpeg,image/svg+xml,image/png,image/jpeg\"></p>"
        body += "<p><label for=\"name\">Save it as (you can leave this empty)</label>"
        body += "<input id=\"name\" name=\"name\" type=\"text\" maxlength=\"\(PreviewLimits.nameLength)\" aria-describedby=\"name-hint\"></p>"
        body += "<p class=\"hint\" id=\"name-hint\">A file name such as school.svg; the file's own name when empty.</p>"
        body += "<p><input id=\"replace\" name=\"replace\" type=\"checkbox\" value=\"yes\"> <label for=\"replace\" class=\"inline\">Replace a picture that has the same name</label></p>"
        body += "<p><button type=\"submit\" class=\"button\">Add the picture</button></p>"
        body += "</form></section>"
        body += "<section aria-labelledby=\"list-heading\"><h2 id=\"list-heading\">In Guides/pictures</h2>"
        if pictures.isEmpty {
            body += "<p class=\"none\">No pictures yet.</p>"
        } else {
            body += "<ul class=\"pictures\">" + pictures.map { name in
                "<li><img src=\"/pictures/\(HTML.escape(HTML.segment(name)))\" alt=\"\" width=\"64\" height=\"64\"> <code>pictures/\(HTML.escape(name))</code></li>"
            }.joined() + "</ul>"
        }
        body += "</section>"
        var page = Page(title: "Pictures", kind: .form, body: body, hasSite: hasSite)
        if case .refused = outcome { page.status = 422 }
        return page
    }
}
