/// The files a build made for a guide, named for authors and sorted the same way every time.
enum FormatLinks {
    /// One built file.
    struct File: Equatable {
        /// What it is, in words ("Large print web page").
        var label: String
        /// Its name in the guide's output folder.
        var name: String
        /// Whether a browser shows it (a web page or text) rather than saves it (EPUB, PDF, zip).
        var shows: Bool
    }

    /// The files of `build` that an author looks at or downloads, in a fixed order.
    static func files(slug: String, built: [String]) -> [File] {
        let known: [(suffix: String, label: String, shows: Bool)] = [
            ("index.html", "The guide's download page", true),
            ("\(slug)-large-print.html", "Large print web page", true),
            ("\(slug)-easy-read.html", "Easy read web page", true),
            ("\(slug).txt", "Plain text", true),
            ("\(slug).epub", "E-book (EPUB)", false),
            ("\(slug)-easy-read.epub", "Easy read e-book (EPUB)", false),
            ("\(slug)-large-print.pdf", "Large print PDF", false),
            ("\(slug)-easy-read.pdf", "Easy read PDF", false),
            ("\(slug)-large-print-booklet.pdf", "Large print booklet to fold (PDF)", false),
            ("\(slug)-easy-read-booklet.pdf", "Easy read booklet to fold (PDF)", false),
            ("\(slug)-all-formats.zip", "Every format in one zip file", false),
        ]
        var files: [File] = []
        for entry in known where built.contains(entry.suffix) {
            files.append(File(label: entry.label, name: entry.suffix, shows: entry.shows))
        }
        let named = Set(known.map(\.suffix))
        for name in built.sorted() where !named.contains(name) && !name.hasSuffix(".png") && !name.hasSuffix(".svg") {
            files.append(File(label: name, name: name, shows: name.hasSuffix(".html") || name.hasSuffix(".txt")))
        }
        return files
    }

    /// The files as a list of links: pages open, the others download.
    static func list(slug: String, built: [String]) -> String {
        let files = files(slug: slug, built: built)
        guard !files.isEmpty else { return "<p class=\"none\">Not built yet.</p>" }
        return "<ul class=\"formats\">" + files.map { file in
            let href = HTML.escape(HTML.builtPath(slug, file.name))
            let download = file.shows ? "" : " download"
            let kind = file.shows ? "" : " <span class=\"kind\">(download)</span>"
            return "<li><a href=\"\(href)\"\(download)>\(HTML.escape(file.label))</a>\(kind)</li>"
        }.joined() + "</ul>"
    }
}
