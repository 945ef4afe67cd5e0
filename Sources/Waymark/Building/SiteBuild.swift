import Foundation
import WaymarkModel

/// What happened to the files over every guide of the download site (`Output/index.html`,
/// `opds.xml`, `opds.json`).
public struct SiteBuildResult: Sendable {
    /// The files written because what they show changed (paths as shown to the user).
    public var written: [String] = []
    /// The files left as they were: they already showed exactly this.
    public var unchanged: [String] = []
    /// Problems that stopped a file from being written.
    public var errors: [Diagnostic] = []
    /// How many guides the site lists.
    public var guides = 0
}

extension Builder {
    /// Writes the list of every guide and the catalogues, after the guides are built, from the
    /// entries of the guides built this time, by slug.
    ///
    /// The site lists every guide of the guides folder (and any named on the command line) that
    /// has been built, now or before: one that fails this time keeps its last good entry, as its
    /// files stay; one whose file is gone is no longer listed (its folder is left alone). Each
    /// file is written only when its bytes change, atomically.
    ///
    /// `kept` are the guides found unchanged, whose entries are still in their output folders
    /// (with the key of that build, in `keys`): read only when the site is made again.
    /// `keys` are the cache keys of the builds the entries come from, and `shared` the build
    /// cache's shared digest: when every entry has one, the list and the catalogues get a key
    /// of their own, and a build whose key matches the last one (and whose files are still
    /// whole) leaves them as they are without making them again (issue #23: making and
    /// comparing them was a quarter of a no-op rebuild of 1,000 guides).
    static func writeSite(
        _ built: [String: SiteEntry], kept: Set<String> = [], keys: [String: String] = [:],
        shared: String? = nil, guides: [URL], request: BuildRequest
    ) -> SiteBuildResult {
        var outcome = SiteBuildResult()
        var entries = built
        var kept = kept
        var keys = keys
        // Guides not built this time (only some were named) or that failed: their last good build.
        let all = ((try? Builder.guideFiles(in: request.guidesRoot)) ?? []) + guides
        for slug in Set(all.map(Builder.slug(of:))) where entries[slug] == nil && !kept.contains(slug) {
            if let manifest = BuildCache.manifest(in: request.outputRoot.appendingPathComponent(slug)), manifest.listed {
                kept.insert(slug)
                keys[slug] = manifest.key
            }
        }
        let listed = kept.union(entries.keys)
        outcome.guides = listed.count
        guard !listed.isEmpty else { return outcome }
        let names = [DownloadSite.pageName] + SiteIndex.catalogues
        let siteKey = shared.flatMap { shared in
            request.force ? nil : BuildCache.siteKey(shared: shared, entries: listed.map { (slug: $0, key: keys[$0]) })
        }
        if let siteKey, BuildCache.manifest(in: request.outputRoot)?.key == siteKey {
            outcome.unchanged = names.map { Builder.displayPath(of: request.outputRoot.appendingPathComponent($0), base: request.displayBase) }
            return outcome
        }
        // Made again: the entries of the guides not built this time, from their folders.
        var whole = true
        for slug in kept {
            if let key = keys[slug], let entry = BuildCache.siteEntry(in: request.outputRoot.appendingPathComponent(slug), key: key) {
                entries[slug] = entry.listed
            } else {
                whole = false
            }
        }
        outcome.guides = entries.count
        // A site being made again has no key until it is whole.
        try? FileManager.default.removeItem(at: request.outputRoot.appendingPathComponent(BuildCache.manifestName))
        let start = Location(file: Builder.displayPath(of: request.outputRoot.appendingPathComponent(DownloadSite.pageName), base: request.displayBase), line: 1, column: 1)
        let index = SiteIndex(entries: Array(entries.values), settings: request.options.site)
        entries = [:]
        let page: [UInt8]
        do {
            page = try index.page(options: request.options)
        } catch {
            outcome.errors.append(.error(
                at: start, "the list of guides could not be made: \((error as? WriterError)?.message ?? "\(error)")",
                hint: "fix the style sheet named above in the Styles folder, then build again"))
            return outcome
        }
        // The list whole (it is small); the catalogues, which grow with the guides, written as they are made.
        var sizes: [Int] = []
        for name in names {
            let url = request.outputRoot.appendingPathComponent(name)
            let shown = Builder.displayPath(of: url, base: request.displayBase)
            var status = stat()
            if lstat(url.path, &status) == 0, status.st_mode & S_IFMT != S_IFREG {
                outcome.errors.append(.error(
                    at: Location(file: shown, line: 1, column: 1), "\(shown) is not a plain file (a link or a folder); Waymark never writes through it",
                    hint: "remove it (what a link points to is left alone), then build again"))
                continue
            }
            do {
                let changed: Bool
                if name == DownloadSite.pageName {
                    changed = try AtomicFileWriter.write(page, to: url)
                } else {
                    let stream = try AtomicFileStream(url)
                    try index.catalogue(name, options: request.options) { stream.append($0) }
                    changed = try stream.finish()
                }
                if changed { outcome.written.append(shown) } else { outcome.unchanged.append(shown) }
                if lstat(url.path, &status) == 0 { sizes.append(Int(status.st_size)) }
            } catch let failure as AtomicFileWriter.Failure {
                outcome.errors.append(.error(
                    at: Location(file: shown, line: 1, column: 1), "could not write \(shown): \(failure.reason)",
                    hint: "make room on the disk, or make the output folder writable, then build again"))
            } catch {
                outcome.errors.append(.error(
                    at: start, "the list of guides could not be made: \((error as? WriterError)?.message ?? "\(error)")",
                    hint: "this is a fault in Waymark, not in the guides; please report it"))
            }
        }
        // A site missing an entry that could not be read gets no key: it is made again next time.
        if let siteKey, whole, outcome.errors.isEmpty, sizes.count == names.count {
            try? BuildCache.record(key: siteKey, files: names, sizes: sizes, in: request.outputRoot)
        }
        return outcome
    }
}
