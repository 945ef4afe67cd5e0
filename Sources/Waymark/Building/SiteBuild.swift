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
    /// guides' site records (``SiteRecord``).
    ///
    /// The site lists every guide of the guides folder (and any named on the command line) that
    /// has been built, now or before: one that fails this time keeps its last good entry, as its
    /// files stay; one whose file is gone is no longer listed (its folder is left alone). Each
    /// file is written only when its bytes change, atomically.
    ///
    /// `kept` are the guides whose records are in their output folders, from the build whose
    /// key is in `keys` (found unchanged, or built and recorded this time); `built` the records of
    /// guides built this time that could not be recorded. Records are read from the folders only
    /// when the site is made again, and never all held at once: the list keeps each guide's
    /// listing, and the catalogues read each record again (issue #23: memory flat from 100 guides
    /// to 10,000).
    ///
    /// `shared` is the build cache's shared digest: when every guide listed has a key, the list
    /// and the catalogues get a key of their own, and a build whose key matches the last one
    /// (and whose files are still whole) leaves them as they are without making them again
    /// (issue #23: making and comparing them was a quarter of a no-op rebuild of 1,000 guides).
    static func writeSite(
        _ built: [String: SiteRecord], kept: Set<String> = [], keys: [String: String] = [:],
        shared: String? = nil, guides: [URL], request: BuildRequest
    ) -> SiteBuildResult {
        var outcome = SiteBuildResult()
        var kept = kept
        var keys = keys
        let outputRoot = request.outputRoot
        // Guides not built this time (only some were named) or that failed: their last good build.
        let all = ((try? Builder.guideFiles(in: request.guidesRoot)) ?? []) + guides
        for slug in Set(all.map(Builder.slug(of:))) where built[slug] == nil && !kept.contains(slug) {
            if let manifest = BuildCache.manifest(in: outputRoot.appendingPathComponent(slug)), manifest.listed {
                kept.insert(slug)
                keys[slug] = manifest.key
            }
        }
        let listed = kept.union(built.keys)
        outcome.guides = listed.count
        guard !listed.isEmpty else { return outcome }
        let names = [DownloadSite.pageName] + SiteIndex.catalogues
        let siteKey = shared.flatMap { shared in
            request.force ? nil : BuildCache.siteKey(shared: shared, entries: listed.map { (slug: $0, key: keys[$0]) })
        }
        if let siteKey, BuildCache.manifest(in: outputRoot)?.key == siteKey {
            outcome.unchanged = names.map { Builder.displayPath(of: outputRoot.appendingPathComponent($0), base: request.displayBase) }
            return outcome
        }
        // Made again: each guide's listing, in slug order, from its record.
        var whole = true
        var listings: [SiteListing] = []
        var sources: [(slug: String, key: String?)] = []
        for slug in listed.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }) {
            let key = built[slug] == nil ? keys[slug] : nil
            guard let record = built[slug] ?? key.flatMap({ BuildCache.siteRecord(in: outputRoot.appendingPathComponent(slug), key: $0) }) else {
                whole = false
                continue
            }
            listings.append(record.listing)
            sources.append((slug, key))
        }
        outcome.guides = listings.count
        // A site being made again has no key until it is whole.
        try? FileManager.default.removeItem(at: outputRoot.appendingPathComponent(BuildCache.manifestName))
        let shown = { (name: String) in Builder.displayPath(of: outputRoot.appendingPathComponent(name), base: request.displayBase) }
        let start = Location(file: shown(DownloadSite.pageName), line: 1, column: 1)
        let base = request.displayBase
        let index = SiteIndex(listings: listings, settings: request.options.site) { [sources] index in
            let (slug, key) = sources[index]
            guard let key else {
                if let record = built[slug] { return record }
                throw WriterError(formatID: "site", message: "the site entry of \(slug) is missing")
            }
            guard let record = BuildCache.siteRecord(in: outputRoot.appendingPathComponent(slug), key: key) else {
                throw WriterError(
                    formatID: "site", message: "\(Builder.displayPath(of: outputRoot.appendingPathComponent(slug + "/" + BuildCache.siteEntryName), base: base)) changed while the list of guides was made",
                    hint: "build again, and let one build finish before changing the output folder")
            }
            return record
        }
        // Each file written into a temporary file as it is made, then put in place when all are made.
        var streams: [String: AtomicFileStream] = [:]
        for name in names {
            let url = outputRoot.appendingPathComponent(name)
            var status = stat()
            if lstat(url.path, &status) == 0, status.st_mode & S_IFMT != S_IFREG {
                outcome.errors.append(.error(
                    at: Location(file: shown(name), line: 1, column: 1), "\(shown(name)) is not a plain file (a link or a folder); Waymark never writes through it",
                    hint: "remove it (what a link points to is left alone), then build again"))
                continue
            }
            do {
                streams[name] = try AtomicFileStream(url)
            } catch {
                outcome.errors.append(.error(
                    at: Location(file: shown(name), line: 1, column: 1), "could not write \(shown(name)): \(error.reason)",
                    hint: "make room on the disk, or make the output folder writable, then build again"))
            }
        }
        do {
            if let page = streams[DownloadSite.pageName] { try index.page(options: request.options) { page.append($0) } }
        } catch {
            outcome.errors.append(.error(
                at: start, "the list of guides could not be made: \((error as? WriterError)?.message ?? "\(error)")",
                hint: "fix the style sheet named above in the Styles folder, then build again"))
            return outcome
        }
        do {
            if SiteIndex.catalogues.contains(where: { streams[$0] != nil }) {
                try index.catalogues(options: request.options) { streams[$0]?.append($1) }
            }
        } catch {
            outcome.errors.append(.error(
                at: start, "the catalogues could not be made: \((error as? WriterError)?.message ?? "\(error)")",
                hint: (error as? WriterError)?.hint ?? "this is a fault in Waymark, not in the guides; please report it"))
            return outcome
        }
        var sizes: [Int] = []
        for name in names {
            guard let stream = streams[name] else { continue }
            do {
                if try stream.finish() { outcome.written.append(shown(name)) } else { outcome.unchanged.append(shown(name)) }
                var status = stat()
                if lstat(outputRoot.appendingPathComponent(name).path, &status) == 0 { sizes.append(Int(status.st_size)) }
            } catch {
                outcome.errors.append(.error(
                    at: Location(file: shown(name), line: 1, column: 1), "could not write \(shown(name)): \(error.reason)",
                    hint: "make room on the disk, or make the output folder writable, then build again"))
            }
        }
        // A site missing an entry that could not be read gets no key: it is made again next time.
        if let siteKey, whole, outcome.errors.isEmpty, sizes.count == names.count {
            try? BuildCache.record(key: siteKey, files: names, sizes: sizes, in: outputRoot)
        }
        return outcome
    }
}
