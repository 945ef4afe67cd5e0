/// Shown instead of saving when the guide changed on disk after the editor opened it: both
/// versions, where they differ, and a choice. Nothing has been written.
enum ConflictPage {
    static func page(slug: String, name: String, displayPath: String, mine: String, disk: String, diskVersion: String, csrf: String, hasSite: Bool) -> Page {
        let mineLines = mine.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n")
        let diskLines = disk.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n")
        var body = "<h1>\(HTML.escape(name)) changed on disk while you were editing it</h1>"
        body += "<p>Someone (or another program) saved \(HTML.escape(displayPath)) after you opened it here. "
            + "<strong>Nothing has been saved yet.</strong> Look at both versions, then choose.</p>"
        if diskVersion.isEmpty {
            body += "<p>The file is no longer there: it was moved or removed. Saving your version puts it back.</p>"
        } else if let range = differing(mineLines, diskLines) {
            body += "<p class=\"note\">The two versions differ \(range.lowerBound == range.upperBound ? "at line \(range.lowerBound)" : "from line \(range.lowerBound) to line \(range.upperBound)") (counting in your version).</p>"
        }
        body += "<div class=\"compare\">"
        body += "<form class=\"editor\" method=\"post\" action=\"\(HTML.escape(HTML.guidePath(slug, "/edit")))\">"
        body += "<h2>Your version</h2>"
        body += EditorPage.hiddenFields(csrf: csrf, version: diskVersion)
        body += EditorPage.textBox(
            id: "source", label: "Your text (you can still change it)", hint: "Saving this replaces the version on disk.", text: mine, editable: true)
        body += "<p><button type=\"submit\" class=\"button\">Save my version over the one on disk</button></p>"
        body += "</form>"
        body += "<section class=\"editor\" aria-labelledby=\"disk-heading\"><h2 id=\"disk-heading\">The version on disk now</h2>"
        body += EditorPage.textBox(
            id: "disk", label: "The text on disk (read only)", hint: "To keep this one, leave this page without saving.", text: disk, editable: false)
        body += "<p><a class=\"button\" href=\"\(HTML.escape(HTML.guidePath(slug, "/edit")))\">Keep the version on disk (your changes are lost)</a></p>"
        body += "</section></div>"
        var page = Page(title: "\(name) changed on disk", kind: .form, slug: slug, body: body, hasSite: hasSite)
        page.status = 409
        return page
    }

    /// The first and last line (1-based, in `mine`) where the two texts differ, or nil when they are the same.
    static func differing(_ mine: [String], _ disk: [String]) -> ClosedRange<Int>? {
        guard mine != disk else { return nil }
        var start = 0
        while start < mine.count, start < disk.count, mine[start] == disk[start] { start += 1 }
        var endMine = mine.count - 1
        var endDisk = disk.count - 1
        while endMine > start, endDisk > start, mine[endMine] == disk[endDisk] {
            endMine -= 1
            endDisk -= 1
        }
        return (start + 1)...max(start + 1, endMine + 1)
    }
}
