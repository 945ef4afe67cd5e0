import Foundation
import WaymarkModel

/// Remembers what each guide's outputs were built from, so that a rebuild skips
/// guides whose inputs have not changed.
///
/// A guide's key is a SHA-1 over: the guide's bytes and its place in the guides folder; a
/// digest of what every guide shares (the style sheets and pictograms the build loaded,
/// `waymark.yml`, the running binary's identity, so a new Waymark rebuilds everything, and
/// the options: formats, wrap, style, date, allow-errors, rules). The pictures are not in the
/// key: only the guide knows which it uses, so the manifest lists them (as written, the file
/// each was found as, its size and digest) and the next build checks those files again. A
/// file the guide does not use is never read (issue #12: a 2 GB file in `Guides/pictures/`
/// made every build read it whole). Every file is hashed 64 KiB at a time.
///
/// The key, the files made and the pictures used are kept in `Output/<slug>/.waymark-build`,
/// written after the files themselves, so a build stopped half way is simply done again. How
/// the download site lists the guide (its ``SiteRecord``) is kept apart, in `.waymark-site` with
/// the same key, and read only when the site is made again: it was three quarters of each
/// manifest's bytes, and decoding manifests a third of a no-op rebuild (issue #23).
struct BuildCache: Sendable {
    /// The manifest's file name inside a guide's output folder.
    static let manifestName = ".waymark-build"
    /// The file beside it that holds the guide's entry in the download site.
    static let siteEntryName = ".waymark-site"
    /// The largest manifest read back; a real one is a few hundred bytes.
    static let manifestLimit = 1 << 20

    /// What a guide's previous build left: its key, the files it made and the pictures it used,
    /// kept as lines of text (``text``, in `BuildManifest.swift`).
    struct Manifest: Equatable {
        var key: String
        var files: [String]
        var sizes: [Int]
        var pictures: [PictureInput]
        /// Whether the download site lists the guide: its entry is in ``siteEntryName``, so a
        /// skipped guide is listed as before.
        var listed: Bool
    }

    /// One picture file a guide used, as the manifest remembers it.
    struct PictureInput: Equatable, Sendable {
        /// The paths the guide wrote for it (`pictures/phone.svg`).
        var sources: [String]
        /// The file they were found as, relative to the guides folder, links resolved.
        var file: String
        /// Its size in bytes.
        var size: Int
        /// Its ``StreamingDigest``.
        var digest: String
    }

    /// The digest of the inputs every guide shares, computed once per build.
    let shared: String
    /// The guides folder, links resolved, as the picture search sees it.
    private let guidesRoot: URL
    /// Picture digests already made in this build, by file: guides share their pictures.
    private let digests = Memo<String, FileDigest?>(limit: 4096)
    /// Where each picture a guide names was found, and each picture's size, already worked out
    /// in this build: a no-op rebuild otherwise resolved every folder of every picture's path
    /// again for each guide (issue #23: 158 stat calls a guide).
    private let located = Memo<String, String?>(limit: 4096)
    private let sizes = Memo<String, Int?>(limit: 4096)

    /// Computes the shared digest for `request`, whose style sheets and pictograms are loaded.
    init(request: BuildRequest) {
        var digest = StreamingDigest()
        for line in [
            "cache 3",
            "waymark \(Waymark.version)",
            BuildCache.executableIdentity(),
            "formats \(request.formats?.joined(separator: ",") ?? "*")",
            "wrap \(request.options.wrap.map(String.init) ?? "-")",
            "style \(request.options.style ?? "-")",
            "epoch \(request.options.sourceDateEpoch.map(String.init) ?? "-")",
            "booklet \(request.options.booklet)",
            "site-url \(request.options.site.siteURL ?? "-")",
            "braille \(request.options.braillePage?.description ?? "-") \(request.options.brailleGrade.map { String($0.rawValue) } ?? "-")",
            "allow-errors \(request.allowErrors)",
            "today \(request.checks.today?.description ?? "-")",
            "rules \(request.checks.rules.map { $0.description.id }.joined(separator: ","))",
        ] { digest.add(line: line) }
        // What the writers are given, not the whole Styles folder: a file there that the build
        // does not load cannot change an output.
        for name in request.options.styles.keys.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }) {
            let text = Array((request.options.styles[name] ?? "").utf8)
            digest.add(line: "style sheet \(name) \(text.count)")
            digest.add(text)
        }
        for entry in request.options.pictograms.entries {
            digest.add(line: "pictogram \(entry.file) \(entry.alt) \(entry.words.joined(separator: ",")) \(entry.phoneNumber) \(entry.bytes.count)")
            digest.add(entry.bytes)
        }
        // The label catalogues: a corrected word must reach every guide in that language.
        digest.add(line: request.options.labels.fingerprint)
        let project = request.guidesRoot.deletingLastPathComponent().appendingPathComponent(ProjectConfiguration.fileName)
        let projectDigest = StreamingDigest.file(project)
        digest.add(line: "project \(projectDigest.map { "\($0.size) \($0.digest)" } ?? "-")")
        shared = digest.finish()
        guidesRoot = request.guidesRoot.standardizedFileURL.resolvingSymlinksInPath()
    }

    /// The key of the guide whose source is `bytes`, at `file` in the guides folder.
    func key(forGuide bytes: [UInt8], at file: URL, extra: [String] = []) -> String {
        var digest = StreamingDigest()
        digest.add(line: shared)
        digest.add(line: relative(file.standardizedFileURL.resolvingSymlinksInPath()) ?? file.path)
        for line in extra { digest.add(line: line) }
        digest.add(bytes)
        return digest.finish()
    }

    /// The picture files `guide` (read from `guideFolder`) uses, with their digests; nil when
    /// one of them can no longer be read, so that nothing is recorded and the guide is built again.
    func pictures(of guide: Guide, guideFolder: URL) -> [PictureInput]? {
        var sources: [String: Set<String>] = [:]
        for key in guide.resources.keys { sources[key, default: []] = [] }
        func note(_ picture: Picture?) {
            if let picture { sources[picture.resource, default: []].insert(picture.source) }
        }
        note(guide.metadata.cover)
        guide.forEachBlock { block in
            switch block.kind {
            case .picture(let picture): note(picture)
            case .easyRead(let rows): rows.forEach { note($0.picture) }
            case .heading, .paragraph, .list, .quote, .table, .callout, .contact, .writeSpace: break
            }
        }
        var inputs: [PictureInput] = []
        for (file, written) in sources.sorted(by: { Array($0.key.utf8).lexicographicallyPrecedes(Array($1.key.utf8)) }) {
            guard let digest = digest(of: file) else { return nil }
            inputs.append(PictureInput(sources: written.sorted(), file: file, size: digest.size, digest: digest.digest))
        }
        return inputs
    }

    /// Whether every picture of a previous build is still found where it was, with the same content.
    func unchanged(_ pictures: [PictureInput], guideFolder: URL) -> Bool {
        pictures.allSatisfy { picture in
            picture.sources.allSatisfy { locate($0, guideFolder: guideFolder) == picture.file }
                // The size first: a picture that grew (to 2 GB, say) is changed without being read.
                && size(of: picture.file) == picture.size
                && digest(of: picture.file) == FileDigest(size: picture.size, digest: picture.digest)
        }
    }

    /// The previous build's manifest in `folder`, if it is still whole: every file it names
    /// is a plain file with the size it had. Links are never followed (issue #12).
    /// A manifest that lists the guide also needs its site entry file there, a plain file.
    static func manifest(in folder: URL) -> Manifest? {
        var status = stat()
        // Paths as strings: building a URL for each of a guide's files cost more than reading it.
        let base = folder.path + "/"
        guard lstat(folder.path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR,
              let data = readManifest(folder.appendingPathComponent(manifestName)),
              let manifest = Manifest(text: data) else { return nil }
        for (file, size) in zip(manifest.files, manifest.sizes) {
            guard lstat(base + file, &status) == 0,
                  status.st_mode & S_IFMT == S_IFREG, Int(status.st_size) == size else { return nil }
        }
        if manifest.listed {
            guard lstat(base + siteEntryName, &status) == 0,
                  status.st_mode & S_IFMT == S_IFREG else { return nil }
        }
        return manifest
    }

    /// The site record the build with `key` left in `folder`, if it is there, whole and of that build.
    static func siteRecord(in folder: URL, key: String) -> SiteRecord? {
        readManifest(folder.appendingPathComponent(siteEntryName)).flatMap { SiteRecord(text: $0, key: key) }
    }

    /// The key of the download site's list and catalogues: the shared digest and, for each
    /// guide listed, its slug and the key of the build it is listed from; nil when one guide's
    /// entry comes from a build that was not recorded (it had errors), so the site is made again.
    /// The site's manifest is `Output/.waymark-build`, beside the guides' folders.
    static func siteKey(shared: String, entries: [(slug: String, key: String?)]) -> String? {
        var digest = StreamingDigest()
        digest.add(line: "site 1")
        digest.add(line: shared)
        for entry in entries.sorted(by: { Array($0.slug.utf8).lexicographicallyPrecedes(Array($1.slug.utf8)) }) {
            guard let key = entry.key else { return nil }
            digest.add(line: "\(entry.slug) \(key)")
        }
        return digest.finish()
    }

    /// Writes a manifest of files of the given sizes, with no pictures and no site entry (the site's own).
    static func record(key: String, files: [String], sizes: [Int], in folder: URL) throws {
        try write(Manifest(key: key, files: files, sizes: sizes, pictures: [], listed: false), in: folder)
    }

    /// Writes the manifest for files just written into `folder`, after the site record, if any.
    static func record(key: String, outputs: [OutputFile], pictures: [PictureInput], site: SiteRecord?, in folder: URL) throws {
        if let site {
            try AtomicFileWriter.write(site.text(key: key), to: folder.appendingPathComponent(siteEntryName), durable: false)
        }
        try write(Manifest(key: key, files: outputs.map(\.path), sizes: outputs.map(\.bytes.count), pictures: pictures, listed: site != nil), in: folder)
    }

    /// Writes `manifest` into `folder`, replacing the old one whole. Not flushed to
    /// disk: a manifest lost in a power cut only means the guide (or the site) is built again.
    private static func write(_ manifest: Manifest, in folder: URL) throws {
        try AtomicFileWriter.write(manifest.text, to: folder.appendingPathComponent(manifestName), durable: false)
    }
}

private extension BuildCache {
    struct FileDigest: Equatable, Sendable {
        var size: Int
        var digest: String
    }

    /// `url` relative to the guides folder, when it is inside it.
    func relative(_ url: URL) -> String? {
        url.path.hasPrefix(guidesRoot.path + "/") ? String(url.path.dropFirst(guidesRoot.path.count + 1)) : nil
    }

    /// The digest of the picture `file` (relative to the guides folder), once per build.
    func digest(of file: String) -> FileDigest? {
        digests.value(for: file) {
            StreamingDigest.file(guidesRoot.appendingPathComponent(file)).map { FileDigest(size: $0.size, digest: $0.digest) }
        }
    }

    func size(of file: String) -> Int? {
        sizes.value(for: file) {
            var status = stat()
            guard stat(guidesRoot.appendingPathComponent(file).path, &status) == 0 else { return nil }
            return Int(status.st_size)
        }
    }

    /// The file a picture written as `source` is found as now, relative to the guides folder:
    /// `PictureResolver.find`'s search (beside the guide, then the guides folder), links
    /// resolved, so that a picture newly put beside the guide, or a link pointed elsewhere,
    /// counts as a change.
    func locate(_ source: String, guideFolder: URL) -> String? {
        located.value(for: guideFolder.path + "\u{0}" + source) {
            let path = source.removingPercentEncoding ?? source
            let folder = guideFolder.standardizedFileURL.resolvingSymlinksInPath()
            guard let found = PictureResolver.find(path, guideFolder: folder, guidesRoot: guidesRoot) else { return nil }
            return relative(found.standardizedFileURL.resolvingSymlinksInPath())
        }
    }

    /// The manifest's bytes, if it is a plain file (not a link, a pipe or a device) of a sensible size.
    static func readManifest(_ url: URL) -> [UInt8]? {
        try? BoundedFile.read(url, limit: manifestLimit, followingLinks: false)
    }

    /// The running program's path, size and modification time: a rebuilt Waymark rebuilds everything.
    static func executableIdentity() -> String {
        let path = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments.first ?? ""
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        let size = (attributes?[.size] as? NSNumber)?.intValue ?? 0
        let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "binary \(path) \(size) \(modified)"
    }
}
