import Foundation

/// The only files the preview reads or writes: guides (`Guides/<slug>.md`), pictures
/// (`Guides/pictures/<name>`) and what the preview built (its output folder).
///
/// Every name from a request is one path component, decoded once from its percent escapes,
/// and refused when it is empty, `.` or `..`, hidden (a leading dot), or holds a `/`, a `\`,
/// a NUL or another control character. The file found must then really be inside its folder
/// once links are resolved, and must not itself be a link: a link is never read or written
/// through, wherever it points.
struct ProjectPaths: Sendable {
    /// Why a name was refused, in words for the page.
    struct Refusal: Error, Sendable, CustomStringConvertible {
        var description: String
    }

    /// The picture types a guide may use, by file extension.
    static let pictureTypes = ["svg": "image/svg+xml", "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg"]

    let guides: URL
    let output: URL

    init(guides: URL, output: URL) {
        self.guides = guides.standardizedFileURL
        self.output = output.standardizedFileURL
    }

    /// The pictures folder shared by every guide.
    var pictures: URL { guides.appendingPathComponent("pictures") }

    /// `raw` (as it came in the address) decoded and checked as one name.
    static func component(_ raw: Substring) throws(Refusal) -> String {
        guard let name = String(raw).removingPercentEncoding else { throw Refusal(description: "the address has a broken % escape") }
        try check(name)
        return name
    }

    /// Refuses a name that is not one plain, visible file name.
    static func check(_ name: String) throws(Refusal) {
        if name.isEmpty || name == "." || name == ".." {
            throw Refusal(description: "'\(name)' is not a file name")
        }
        if name.hasPrefix(".") {
            throw Refusal(description: "'\(name)' is a hidden file; the preview shows only guides, pictures and built files")
        }
        if name.unicodeScalars.contains(where: { $0 == "/" || $0 == "\\" || $0.properties.generalCategory == .control }) {
            throw Refusal(description: "'\(name)' is not a single file name inside the project")
        }
    }

    /// The guide file for `slug` (`Guides/<slug>.md`); it may not exist yet.
    func guide(_ slug: String) throws(Refusal) -> URL {
        try ProjectPaths.check(slug)
        let file = guides.appendingPathComponent(slug + ".md")
        try inside(file, folder: guides)
        return file
    }

    /// The picture `name` in `Guides/pictures/`; it may not exist yet. Only SVG, PNG and JPEG.
    func picture(_ name: String) throws(Refusal) -> URL {
        try ProjectPaths.check(name)
        let type = (name as NSString).pathExtension.lowercased()
        guard ProjectPaths.pictureTypes[type] != nil else {
            throw Refusal(description: "'\(name)' is not a picture Waymark takes: the picture must be an SVG, PNG or JPEG file (.svg, .png, .jpg)")
        }
        try folderIsReal(pictures, in: guides)
        let file = pictures.appendingPathComponent(name)
        try inside(file, folder: guides)
        return file
    }

    /// A file the preview built, from the components of its address under `/site/`.
    func built(_ components: [String]) throws(Refusal) -> URL {
        for name in components { try ProjectPaths.check(name) }
        var file = output
        for name in components { file.appendPathComponent(name) }
        try inside(file, folder: output)
        return file
    }

    /// Refuses `file` when it is a link, or when it (or, if it is not there yet, its folder)
    /// resolves to somewhere outside `folder`.
    private func inside(_ file: URL, folder: URL) throws(Refusal) {
        let root = ProjectPaths.real(folder)
        var status = stat()
        if lstat(file.path, &status) == 0 {
            if status.st_mode & S_IFMT == S_IFLNK {
                throw Refusal(description: "'\(file.lastPathComponent)' is a link; the preview never reads or writes through a link")
            }
            let real = ProjectPaths.real(file).path
            guard real == root.path || real.hasPrefix(root.path + "/") else {
                throw Refusal(description: "'\(file.lastPathComponent)' is outside the project's folders")
            }
        } else {
            let parent = ProjectPaths.real(file.deletingLastPathComponent())
            guard parent.path == root.path || parent.path.hasPrefix(root.path + "/") else {
                throw Refusal(description: "'\(file.lastPathComponent)' would be outside the project's folders")
            }
        }
    }

    /// Refuses a folder inside `root` that is a link or not a folder (when it exists at all).
    private func folderIsReal(_ folder: URL, in root: URL) throws(Refusal) {
        var status = stat()
        guard lstat(folder.path, &status) == 0 else { return }
        guard status.st_mode & S_IFMT == S_IFDIR else {
            throw Refusal(description: "'\(folder.lastPathComponent)' in the guides folder is a link or a file, not a folder")
        }
    }

    /// `url` with every link resolved (as far as it exists).
    static func real(_ url: URL) -> URL {
        guard let resolved = realpath(url.path, nil) else { return url.standardizedFileURL.resolvingSymlinksInPath() }
        defer { free(resolved) }
        return URL(fileURLWithPath: String(cString: resolved))
    }
}
