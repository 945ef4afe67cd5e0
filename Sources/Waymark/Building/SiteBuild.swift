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
    /// Writes the list of every guide and the catalogues, after the guides are built.
    ///
    /// The site lists every guide of the guides folder (and any named on the command line) that
    /// has been built, now or before: one that fails this time keeps its last good entry, as its
    /// files stay; one whose file is gone is no longer listed (its folder is left alone). Each
    /// file is written only when its bytes change, atomically.
    static func writeSite(_ results: [GuideBuildResult], guides: [URL], request: BuildRequest) -> SiteBuildResult {
        var entries: [String: SiteEntry] = [:]
        for result in results { if let site = result.site { entries[result.slug] = site } }
        return writeSite(entries, guides: guides, request: request)
    }

    /// The same, from the entries of the guides built (or found unchanged) this time, by slug.
    static func writeSite(_ built: [String: SiteEntry], guides: [URL], request: BuildRequest) -> SiteBuildResult {
        var outcome = SiteBuildResult()
        var entries = built
        // Guides not built this time (only some were named) or that failed: their last good build.
        let all = ((try? Builder.guideFiles(in: request.guidesRoot)) ?? []) + guides
        for slug in Set(all.map(Builder.slug(of:))) where entries[slug] == nil {
            if let site = BuildCache.manifest(in: request.outputRoot.appendingPathComponent(slug))?.site { entries[slug] = site }
        }
        outcome.guides = entries.count
        guard !entries.isEmpty else { return outcome }
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
        for name in [DownloadSite.pageName] + SiteIndex.catalogues {
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
        return outcome
    }
}
