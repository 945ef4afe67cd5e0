import Foundation
import WaymarkModel
import WaymarkTypst

/// What to build: which guides, into which folder, in which formats.
public struct BuildRequest: Sendable {
    /// The folder of guides (`Guides/`).
    public var guidesRoot: URL
    /// The output folder (`Output/`).
    public var outputRoot: URL
    /// Particular guide files to build; empty means every guide in ``guidesRoot``.
    public var guides: [URL]
    /// The formats to build; nil means every format each guide asks for.
    public var formats: [String]?
    /// Options for the writers.
    public var options: WriterOptions
    /// The folder that paths in messages are relative to (the working directory).
    public var displayBase: URL
    /// The project's folder of style sheets, profiles and pictograms (`Styles/`), whose files
    /// replace or add to the built-in ones (``StyleSet``); nil for the built-in styles only.
    public var stylesRoot: URL?
    /// How to run the accessibility checks that come before writing.
    public var checks: CheckOptions
    /// Build guides even when the checks find errors (they are still reported).
    public var allowErrors: Bool
    /// Rebuild every guide, even those whose inputs have not changed since the last build.
    public var force: Bool
    /// How many guides to build at once; nil for two per core.
    public var concurrency: Int?
    /// The writers to build with: every registered one (tests add their own).
    public var writers: [any Writer]
    /// Each guide's other language versions, by slug, and the guides whose `translation-of:`
    /// names no guide: worked out by the build from every guide's front matter.
    var versions: [String: [GuideVersion]] = [:]
    var translationProblems: [String: Diagnostic] = [:]

    /// Creates a request.
    public init(
        guidesRoot: URL, outputRoot: URL, guides: [URL] = [], formats: [String]? = nil,
        options: WriterOptions = WriterOptions(), displayBase: URL, stylesRoot: URL? = nil,
        checks: CheckOptions = CheckOptions(), allowErrors: Bool = false, force: Bool = false,
        concurrency: Int? = nil, writers: [any Writer] = WriterRegistry.all
    ) {
        self.guidesRoot = guidesRoot
        self.outputRoot = outputRoot
        self.guides = guides
        self.formats = formats
        self.options = options
        self.displayBase = displayBase
        self.stylesRoot = stylesRoot
        self.checks = checks
        self.allowErrors = allowErrors
        self.force = force
        self.concurrency = concurrency
        self.writers = writers
    }
}

/// A build that cannot start: its styles, pictograms or guides folder cannot be read.
public struct BuildSetupError: Error, Sendable, CustomStringConvertible {
    /// What is wrong, naming the file or folder.
    public var message: String
    /// The problems at their places in the files, when there are some (a style sheet or
    /// `pictograms.yml` that is wrong), printed like any other finding.
    public var diagnostics: [Diagnostic] = []

    /// The message, then each problem.
    public var description: String {
        ([message] + diagnostics.map { "\($0.location): \($0.message)" }).joined(separator: "\n")
    }
}

/// What happened to one guide.
public struct GuideBuildResult: Sendable {
    /// The guide's path as shown to the user.
    public var displayPath: String
    /// The guide's slug.
    public var slug: String
    /// The files written (paths as shown to the user), when the guide was built.
    public var files: [String]
    /// Problems that stopped the guide from being built; empty when it was built.
    public var errors: [Diagnostic]
    /// What the checks found that did not stop the build: warnings and notes (and errors
    /// when errors were allowed), by position.
    public var findings: [Diagnostic] = []
    /// The guide's reading level, when it was read.
    public var readability: Readability?
    /// Whether the guide was skipped because nothing it is built from has changed.
    public var unchanged = false
    /// How the download site lists the guide, when it was built this time (nil for a guide found
    /// unchanged: its record stays in its output folder, read only if the site is made again).
    var site: SiteRecord?
    /// The cache key of the build whose files are now in the guide's output folder (found
    /// unchanged, or built and recorded); nil when nothing was recorded. The site's key is made of these.
    var cacheKey: String?
    /// Whether the guide was found unchanged and is listed on the site: its entry is then in
    /// its output folder (``site`` is nil), read only if the site is made again.
    var siteKept = false

    /// Whether the guide was built.
    public var succeeded: Bool { errors.isEmpty }
}

/// The pipeline: find guides, read each, check it, render it with every writer asked
/// for, and write the files atomically. One broken guide never stops the others; a
/// guide the checks find errors in is not written unless the request allows errors.
public struct Builder: Sendable {
    /// Creates a builder.
    public init() {}

    /// The guide files in `folder`: every `*.md` file directly in it except `README.md`, in name order.
    public static func guideFiles(in folder: URL) throws -> [URL] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        return names
            .filter { $0.lowercased().hasSuffix(".md") && $0.lowercased() != "readme.md" && !$0.hasPrefix(".") }
            .sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
            .map { folder.appendingPathComponent($0) }
    }

    /// Builds every guide of `request`, several at once, calling `progress` after each
    /// one in the order of the guides (so output never depends on which finished first).
    ///
    /// At most two guides per core are in flight, so memory stays bounded by a few
    /// guides whatever the size of the corpus.
    ///
    /// The style sheets are read and checked once; `styles` is given what the checks find in them
    /// before any guide is built. Trouble with the setup (an unreadable styles folder, a broken
    /// `pictograms.yml`, a guides folder that cannot be listed) throws a ``BuildSetupError``.
    public func build(
        _ request: BuildRequest, styles: ([Diagnostic]) -> Void = { _ in }, site: (SiteBuildResult) -> Void = { _ in },
        progress: (GuideBuildResult) -> Void
    ) async throws -> [GuideBuildResult] {
        var results: [GuideBuildResult] = []
        _ = try await buildCounting(request, styles: styles, site: site) { result in
            progress(result)
            results.append(result)
        }
        return results
    }

    /// Builds every guide of `request` as ``build(_:styles:site:progress:)`` does, but keeps
    /// counts instead of every guide's result (and of each guide only what the download site
    /// lists), so that memory stays flat from a hundred guides to ten thousand (issue #23):
    /// what `waymark build` uses.
    public func buildCounting(
        _ request: BuildRequest, styles: ([Diagnostic]) -> Void = { _ in }, site: (SiteBuildResult) -> Void = { _ in },
        progress: (GuideBuildResult) -> Void
    ) async throws -> BuildSummary {
        var request = request
        let shown = { (url: URL) in TerminalText.escaped(Builder.displayPath(of: url, base: request.displayBase)) }
        // The built-in styles, overlaid file by file by the project's own Styles folder (issue #14).
        let styleSet: StyleSet
        do {
            styleSet = try StyleSet(projectFolder: request.stylesRoot, base: request.displayBase)
            request.options.pictograms = try styleSet.pictograms(base: request.displayBase)
            request.options.labels = try styleSet.labels(base: request.displayBase)
            request.checks.labels = request.options.labels
        } catch {
            throw BuildSetupError(message: "the styles could not be read", diagnostics: error.diagnostics)
        }
        request.options.styles = styleSet.sheets
        let project = request.checks.project
        request.options.site.alternativeFormats = request.options.site.alternativeFormats ?? project.alternativeFormats
        request.options.site.publisher = request.options.site.publisher ?? project.publisher
        request.options.site.language = request.options.site.language ?? project.language
        request.options.site.siteURL = request.options.site.siteURL ?? project.siteURL
        // Built-in sheets are named `<built-in>/large-print.css` in findings; they pass the checks.
        let styleFindings = Checker(options: request.checks).check(styleSheets: styleSet.sheetsForChecking(base: request.displayBase))
        styles(styleFindings)
        let sheetFindings = styleFindings
        let files: [URL]
        do {
            files = request.guides.isEmpty ? try Builder.guideFiles(in: request.guidesRoot) : request.guides
        } catch {
            throw BuildSetupError(message: "could not list the guides in \(shown(request.guidesRoot)): \(error.localizedDescription)")
        }
        // One build at a time writes into an output folder; a second one stops with a clear message.
        let lock = try OutputLock.acquire(in: request.outputRoot)
        defer { withExtendedLifetime(lock) {} }
        // One Typst helper per build (the pdf format starts it on its first guide): it ends with the build.
        defer { TypstEngine.shared.stop() }
        // The braille settings of waymark.yml, where the command line gave none.
        request.options.braillePage = request.options.braillePage ?? request.checks.project.braillePage
        request.options.brailleGrade = request.options.brailleGrade ?? request.checks.project.brailleGrade
        let cache = BuildCache(request: request)
        (request.versions, request.translationProblems) = Translations.plan(files, request: request, welshFirst: request.checks.project.welshFirst)
        let prepared = request
        let (guides, clashes) = Builder.plan(files, request: request)
        var summary = BuildSummary()
        // Of each guide the site lists, only where its record is: a few dozen bytes a guide.
        var unrecorded: [String: SiteRecord] = [:]
        var keys: [String: String] = [:]
        var kept: Set<String> = []
        // Two guides a core: while one guide's files are flushed to disk, the other is rendered.
        // Memory stays bounded by a few guides.
        await InOrder.run(count: guides.count, limit: request.concurrency ?? 2 * InOrder.defaultLimit, work: { index in
            if let clash = clashes[index] {
                return GuideBuildResult(
                    displayPath: Builder.displayPath(of: guides[index], base: prepared.displayBase),
                    slug: Builder.slug(of: guides[index]), files: [], errors: [clash])
            }
            return await self.buildGuide(guides[index], request: prepared, styleFindings: sheetFindings, cache: cache)
        }, each: { _, result in
            progress(result)
            summary.add(result)
            // A record written into the guide's folder is read from there (the site reads it only when made again).
            if let record = result.site, result.cacheKey == nil {
                unrecorded[result.slug] = record
            } else if result.site != nil || result.siteKept, let key = result.cacheKey {
                kept.insert(result.slug)
                keys[result.slug] = key
            }
        })
        site(Builder.writeSite(unrecorded, kept: kept, keys: keys, shared: cache.shared, guides: guides, request: prepared))
        return summary
    }

    /// What the checks find in the style sheets of `request.stylesRoot`, by position (paths as shown to the user).
    /// These are the sheets `build` uses: the built-in ones overlaid by the project's.
    public static func checkStyles(_ request: BuildRequest) throws -> [Diagnostic] {
        let styleSet = try StyleSet(projectFolder: request.stylesRoot, base: request.displayBase)
        return Checker(options: request.checks).check(styleSheets: styleSet.sheetsForChecking(base: request.displayBase))
    }

    /// Reads, checks and renders one guide, then writes its files.
    ///
    /// `styleFindings` are the style sheets' findings (``checkStyles(_:)``): an error in a sheet
    /// that one of the guide's formats uses stops the guide too, unless errors are allowed.
    public func buildGuide(_ file: URL, request: BuildRequest, styleFindings: [Diagnostic] = []) async -> GuideBuildResult {
        await buildGuide(file, request: request, styleFindings: styleFindings, cache: nil)
    }

    /// Reads, checks and renders one guide unless `cache` shows its outputs are up to date.
    ///
    /// The checks and every writer run at once (a long guide then uses every core too); the
    /// writers assume the guide passes its checks, as nearly every guide does, and render
    /// again in the rare case that it has errors and errors are allowed.
    func buildGuide(_ file: URL, request: BuildRequest, styleFindings: [Diagnostic], cache: BuildCache?) async -> GuideBuildResult {
        let displayPath = Builder.displayPath(of: file, base: request.displayBase)
        let slug = Builder.slug(of: file)
        var result = GuideBuildResult(displayPath: displayPath, slug: slug, files: [], errors: [])
        let start = Location(file: displayPath, line: 1, column: 1)
        let root = request.guidesRoot.standardizedFileURL.resolvingSymlinksInPath()
        var ownRequest = request
        var cache = cache
        if !file.standardizedFileURL.resolvingSymlinksInPath().path.hasPrefix(root.path + "/") {
            // A guide found in the guides folder that is really elsewhere came in through a link.
            guard !request.guides.isEmpty else {
                result.errors = [.error(
                    at: start, "the guide is a link to a file outside the guides folder \(Builder.displayPath(of: request.guidesRoot, base: request.displayBase))",
                    hint: "copy the guide itself into the guides folder")]
                return result
            }
            // A guide named on the command line is its own root: its pictures are found beside it.
            // The build cache knows the guides folder only, so such a guide is always built again.
            ownRequest.guidesRoot = Builder.root(of: file)
            cache = nil
        }
        let request = ownRequest
        // Incremental: skip the guide when its key matches the last build's and its files are whole.
        let outputFolder = request.outputRoot.appendingPathComponent(slug)
        // The guide is read once: its bytes give the cache key, the document and the source text.
        let bytes: [UInt8]
        do {
            bytes = try GuideReader.bytes(of: file, displayPath: displayPath)
        } catch {
            result.errors = error.diagnostics
            return result
        }
        if let problem = request.translationProblems[slug] {
            result.errors = [problem]
            return result
        }
        let versions = request.versions[slug] ?? []
        // The versions are part of the key: a new translation changes the list on every other version.
        let key = cache?.key(forGuide: bytes, at: file, extra: versions.map { "\($0.slug) \($0.language) \($0.languageName) \($0.title) \($0.formats ?? [])" })
        if let key, let cache, !request.force, let manifest = BuildCache.manifest(in: outputFolder), manifest.key == key,
           cache.unchanged(manifest.pictures, guideFolder: file.deletingLastPathComponent()) {
            result.unchanged = true
            result.siteKept = manifest.listed
            result.cacheKey = manifest.key
            result.files = Builder.displayPaths(of: manifest.files, in: outputFolder, base: request.displayBase)
            return result
        }
        let guide: Guide
        do {
            guide = try GuideReader(guidesRoot: request.guidesRoot, writers: request.writers).read(bytes: bytes, slug: slug, displayPath: displayPath, folder: file.deletingLastPathComponent())
        } catch {
            result.errors = error.diagnostics
            return result
        }
        // Hashed just after reading, so that a picture changed while the guide is rendered counts as changed next time.
        let pictures = cache?.pictures(of: guide, guideFolder: file.deletingLastPathComponent())
        let writers = writers(for: guide, request: request)
        var options = request.options
        options.versions = versions
        let source = String(decoding: bytes, as: UTF8.self)
        options.passedAccessibilityChecks = true
        async let checked = Checker(options: request.checks).check(guide, source: SourceMap(text: source))
        // What several writers (and the download page) would each work out again, once for the guide.
        let work = SharedWork()
        var rendered = await SharedWork.$current.withValue(work) { await Builder.render(guide, with: writers, options: options) }
        let check = await checked
        result.readability = check.readability
        var errors = check.findings.filter { $0.severity == .error }
        let formats = Set(writers.map(\.formatID))
        // A sheet stops the guides whose formats read it, as their writers declare; a sheet no writer
        // reads stops none (before, any sheet not listed stopped every guide).
        let sheetErrors = styleFindings.filter { finding in
            let name = finding.location.file.split(separator: "/").last.map(String.init) ?? ""
            return finding.severity == .error && !formats.isDisjoint(with: WriterRegistry.formats(using: name, in: request.writers))
        }
        for sheet in Set(sheetErrors.map(\.location.file)).sorted() {
            errors.append(.error(
                at: start, "this guide's outputs use the style sheet \(sheet), which has accessibility errors (listed above)",
                hint: "fix the style sheet, then build again"))
        }
        if request.allowErrors || errors.isEmpty {
            result.findings = check.findings
        } else {
            result.errors = errors
            result.findings = check.findings.filter { $0.severity != .error }
            return result
        }
        // Writers may claim conformance (EPUB Accessibility) only for a guide with no errors.
        if !errors.isEmpty {
            options.passedAccessibilityChecks = false
            rendered = await SharedWork.$current.withValue(work) { await Builder.render(guide, with: writers, options: options) }
        }
        var outputs: [OutputFile] = []
        for (writer, outcome) in zip(writers, rendered) {
            do {
                outputs += try outcome.get()
            } catch let error as WriterError where error.unavailable && guide.metadata.formats == nil && request.formats == nil {
                // A format this guide cannot have (no braille table for its language), which it did not ask for by name.
                result.findings.append(Diagnostic(
                    .warning, at: start, "the \(writer.formatID) version was not made: \(error.message)",
                    hint: error.hint ?? "list the formats this guide needs under 'formats:' in its front matter"))
            } catch let error as WriterError {
                // A missing or broken style sheet or profile: the setup, not the guide.
                result.errors.append(.error(
                    at: start, "the \(writer.formatID) version could not be made: \(error.message)",
                    hint: error.hint ?? "fix the style sheet or profile named above in the Styles folder, or choose another with --style"))
            } catch {
                result.errors.append(.error(
                    at: start, "the \(writer.formatID) version could not be made: \(error)",
                    hint: "this is a fault in Waymark, not in the guide; please report it with the guide attached"))
            }
        }
        guard result.errors.isEmpty else { return result }
        // The guide's page on the download site, its ZIP and cover, from the files just made.
        do {
            let site = try SharedWork.$current.withValue(work) {
                try DownloadSite().guideFiles(guide, outputs: outputs, writers: writers, options: options, readability: check.readability)
            }
            result.site = try SiteRecord(entry: site.entry, settings: options.site)
            outputs += site.files
        } catch {
            result.errors.append(.error(
                at: start, "the guide's download page could not be made: \((error as? WriterError)?.message ?? "\(error)")",
                hint: (error as? WriterError)?.hint ?? "fix the style sheet named above in the Styles folder (Styles/print.css, a large-print profile or Styles/site.css), then build again"))
            return result
        }
        // Writing waits on the disk (each file is flushed before it is renamed into place), so it
        // runs off the threads that render: another guide is rendered meanwhile.
        let finished = result
        let files = outputs
        return await FileWork.run {
            Builder.write(files, of: guide, key: key, pictures: pictures, request: request, result: finished)
        }
    }

    /// Writes a guide's files atomically, then the manifest that lets the next build skip it.
    ///
    /// Nothing is written through a link inside the output folder (issue #12: a link
    /// `Output/bullying/bullying.txt -> /etc/…` would have the build overwrite what it points
    /// to): the guide is refused instead, naming the link. When a file cannot be written (a
    /// full disk), the message says which of the guide's files are new and which are old.
    static func write(
        _ outputs: [OutputFile], of guide: Guide, key: String?, pictures: [BuildCache.PictureInput]?,
        request: BuildRequest, result: GuideBuildResult
    ) -> GuideBuildResult {
        var result = result
        let start = Location(file: result.displayPath, line: 1, column: 1)
        let folder = request.outputRoot.appendingPathComponent(guide.slug)
        let shown = { (url: URL) in Builder.displayPath(of: url, base: request.displayBase) }
        let refusals = Builder.linkProblems(in: folder, paths: outputs.map(\.path), at: start, shown: shown)
        guard refusals.isEmpty else {
            result.errors = refusals
            return result
        }
        // The old manifest goes before any file changes, so a build stopped half way
        // through a guide's files is never taken for a finished one.
        try? FileManager.default.removeItem(at: folder.appendingPathComponent(BuildCache.manifestName))
        var fresh: [String] = []
        var old: [String] = []
        var absent: [String] = []
        var failures: [(file: String, reason: String)] = []
        let siteFiles = Set(DownloadSite.files(of: guide.slug))
        // Each file's path as shown, the folder and base standardised once (issue #23).
        let displayed = Builder.displayPaths(of: outputs.map(\.path), in: folder, base: request.displayBase)
        for (output, display) in zip(outputs, displayed) {
            let url = folder.appendingPathComponent(output.path)
            // The download page, cover and ZIP come last and only when every other file was written:
            // they describe those files, so they never describe ones that are not there.
            if !failures.isEmpty, siteFiles.contains(output.path) {
                var status = stat()
                if lstat(url.path, &status) == 0 { old.append(display) } else { absent.append(display) }
                continue
            }
            do {
                try AtomicFileWriter.write(output.bytes, to: url)
                fresh.append(display)
            } catch {
                failures.append((display, error.reason))
                var status = stat()
                if lstat(url.path, &status) == 0 { old.append(display) } else { absent.append(display) }
            }
        }
        result.files = fresh
        if !failures.isEmpty {
            result.errors.append(Builder.writeFailure(failures, fresh: fresh, old: old, absent: absent, at: start))
        }
        // Recorded last: a build stopped before this point is simply done again next time.
        if let key, let pictures, result.errors.isEmpty, request.allowErrors || result.findings.allSatisfy({ $0.severity != .error }) {
            if (try? BuildCache.record(key: key, outputs: outputs, pictures: pictures, site: result.site, in: folder)) != nil {
                result.cacheKey = key
            }
        }
        return result
    }

    /// The name of the guide `file`'s output folder (`Output/<slug>/`): its file name without `.md`.
    public static func slug(of file: URL) -> String {
        // A name ending in `.md` loses those three characters, as deletingPathExtension would
        // have it, without the URL work (a tenth of a no-op rebuild went on URLs, issue #23).
        let name = file.lastPathComponent
        let utf8 = name.utf8
        // (A name of dots alone before it, `..md`, is left to Foundation, which keeps it whole.)
        if utf8.count > 3, utf8.first != UInt8(ascii: "."), utf8.suffix(3).elementsEqual(".md".utf8) { return String(utf8.dropLast(3))! }
        return file.deletingPathExtension().lastPathComponent
    }

    /// A path relative to `base` when it is inside it, else absolute.
    public static func displayPath(of url: URL, base: URL) -> String {
        shown(url.standardizedFileURL.path, base: base.standardizedFileURL.path)
    }

    /// The paths of `files` (relative paths a writer made, with no `.` or `..` in them) inside
    /// `folder`, as ``displayPath(of:base:)`` shows them: the folder and the base are
    /// standardised once, not once a file.
    static func displayPaths(of files: [String], in folder: URL, base: URL) -> [String] {
        let folderPath = folder.standardizedFileURL.path
        let basePath = base.standardizedFileURL.path
        return files.map { shown(folderPath + "/" + $0, base: basePath) }
    }

    /// `path` relative to `base` (both standardised) when it is inside it, else `path` itself.
    private static func shown(_ path: String, base: String) -> String {
        path.hasPrefix(base + "/") ? String(path.dropFirst(base.count + 1)) : path
    }
}

private extension Builder {
    /// What each writer makes of `guide`, in the writers' order; the writers run at once.
    static func render(_ guide: Guide, with writers: [any Writer], options: WriterOptions) async -> [Result<[OutputFile], any Error>] {
        await InOrder.all(count: writers.count) { index in
            Result { try writers[index].write(guide, options: options) }
        }
    }

    /// `slug` as a file system that ignores case and how accents are stored sees it (macOS and
    /// Windows do): two guides whose slugs fold alike would share one output folder there.
    static func folded(_ slug: String) -> String {
        // Upper then lower case folds more pairs than lower case alone (ſ and s, K and k);
        // folding too much only asks for a rename, folding too little loses a guide's files.
        slug.precomposedStringWithCanonicalMapping.uppercased().lowercased()
    }

    /// The guides to build, in order: `files` with a file named twice kept once (where it is
    /// first named), and, by index, the error that stops each guide whose output folder
    /// another guide would also be written to (issue #12: `same.md` and `same.MD`, or
    /// `Guides/same.md` and `Guides/sub/same.md`, mixed their files in `Output/same/`).
    static func plan(_ files: [URL], request: BuildRequest) -> (guides: [URL], clashes: [Int: Diagnostic]) {
        struct Identity: Hashable {
            var slug: String
            var device: UInt64
            var inode: UInt64
            var path: String
        }
        var guides: [URL] = []
        var seen: Set<Identity> = []
        for file in files {
            let slug = folded(slug(of: file))
            var status = stat()
            // The same file under two names (a case-insensitive file system, `./`) is one guide.
            let identity = stat(file.standardizedFileURL.path, &status) == 0
                ? Identity(slug: slug, device: UInt64(status.st_dev), inode: UInt64(status.st_ino), path: "")
                : Identity(slug: slug, device: 0, inode: 0, path: file.standardizedFileURL.path)
            if seen.insert(identity).inserted { guides.append(file) }
        }
        var bySlug: [String: [Int]] = [:]
        for (index, file) in guides.enumerated() { bySlug[folded(slug(of: file)), default: []].append(index) }
        var clashes: [Int: Diagnostic] = [:]
        for (index, file) in guides.enumerated() where slug(of: file).isEmpty || slug(of: file).hasPrefix(".") {
            // `...md` would be written to `Output/..`, outside the output folder; `.x.md` to a hidden folder.
            clashes[index] = .error(
                at: Location(file: displayPath(of: file, base: request.displayBase), line: 1, column: 1),
                "the guide's name starts with a dot, so its output folder '\(slug(of: file))' would be hidden or outside the output folder",
                hint: "rename the guide so that its name starts with a letter or a digit, e.g. my-guide.md")
        }
        for indices in bySlug.values where indices.count > 1 {
            let names = indices.map { displayPath(of: guides[$0], base: request.displayBase) }
            let folder = displayPath(of: request.outputRoot.appendingPathComponent(slug(of: guides[indices[0]])), base: request.displayBase)
            let (all, rename) = indices.count == 2 ? ("both", "rename one of them") : ("all", "rename all but one of them")
            for (index, name) in zip(indices, names) {
                clashes[index] = .error(
                    at: Location(file: name, line: 1, column: 1),
                    "the guides \(listed(names)) would \(all) be written to \(folder)/, so none of them was built",
                    hint: "\(rename), then build again; a guide's output folder is named after its file name, and Windows and macOS see names that differ only in capitals or accents as one")
            }
        }
        return (guides, clashes)
    }

    /// Why the outputs of a guide cannot be written into `folder` safely: `folder` or a folder
    /// or file under it is a link (or `folder` is not a folder). Checked with `lstat`, which
    /// looks at a link itself, not at what it points to.
    static func linkProblems(in folder: URL, paths: [String], at start: Location, shown: (URL) -> String) -> [Diagnostic] {
        var status = stat()
        if lstat(folder.path, &status) == 0 {
            switch status.st_mode & S_IFMT {
            case S_IFLNK:
                return [.error(
                    at: start, "\(shown(folder)) is a link; Waymark never writes through links in the output folder",
                    hint: "remove the link \(shown(folder)) (what it points to is left alone), then build again")]
            case S_IFDIR:
                break
            default:
                return [.error(
                    at: start, "\(shown(folder)) is a file, not a folder",
                    hint: "move or remove it, then build again: this guide's files go into a folder of that name")]
            }
        }
        var links: [URL] = []
        for path in paths {
            var url = folder
            for component in path.split(separator: "/") {
                url.appendPathComponent(String(component))
                guard lstat(url.path, &status) == 0 else { break }
                if status.st_mode & S_IFMT == S_IFLNK {
                    if !links.contains(url) { links.append(url) }
                    break
                }
            }
        }
        return links.map { link in
            .error(
                at: start, "\(shown(link)) is a link; Waymark never writes through links in the output folder",
                hint: "remove it and build again (what it points to is left alone)")
        }
    }

    /// The error for files of a guide that could not be written, saying which of the guide's
    /// files are now the new version and which are still the old one (or not there at all).
    static func writeFailure(
        _ failures: [(file: String, reason: String)], fresh: [String], old: [String], absent: [String], at start: Location
    ) -> Diagnostic {
        let reasons = Set(failures.map(\.reason))
        let message = reasons.count == 1
            ? "could not write \(listed(failures.map(\.file))): \(failures[0].reason)"
            : "could not write \(listed(failures.map { "\($0.file) (\($0.reason))" }))"
        var state: [String] = []
        if !fresh.isEmpty { state.append("\(listed(fresh)) \(fresh.count == 1 ? "is" : "are") the new version") }
        if !old.isEmpty { state.append("\(listed(old)) \(old.count == 1 ? "is" : "are") still the old one") }
        if !absent.isEmpty { state.append("\(listed(absent)) \(absent.count == 1 ? "is" : "are") not there") }
        return .error(
            at: start, message,
            hint: "make room on the disk, or make the output folder writable, then build again; until then \(state.joined(separator: "; "))")
    }

    /// `a`, `a and b`, `a, b and c`.
    static func listed(_ items: [String]) -> String {
        guard items.count > 1, let last = items.last else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + last
    }

    func writers(for guide: Guide, request: BuildRequest) -> [any Writer] {
        let asked = guide.metadata.formats ?? request.writers.map(\.formatID)
        let wanted = request.formats.map { requested in asked.filter(requested.contains) } ?? asked
        return request.writers.filter { wanted.contains($0.formatID) }
    }
}

// MARK: - Guide roots

extension Builder {
    /// The root of a guide that is not in the guides folder: the nearest folder above it
    /// (or its own) that holds `waymark.yml` and has the guide under it, else the guide's own folder.
    public static func root(of guide: URL) -> URL {
        let folder = guide.standardizedFileURL.resolvingSymlinksInPath().deletingLastPathComponent()
        var candidate = folder
        while candidate.path != "/" {
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent(ProjectConfiguration.fileName).path) {
                // `project/waymark.yml` with the guide in `project/Guides/`: the guides folder is the root.
                let guides = candidate.appendingPathComponent("Guides")
                return folder.path.hasPrefix(guides.path) ? guides : candidate
            }
            candidate.deleteLastPathComponent()
        }
        return folder
    }

    /// The folder a guide's pictures are found from: `guidesRoot` when the guide is in it,
    /// else ``root(of:)``.
    public static func root(for guide: URL, guidesRoot: URL) -> URL {
        let root = guidesRoot.standardizedFileURL.resolvingSymlinksInPath()
        let real = guide.standardizedFileURL.resolvingSymlinksInPath()
        return real.path.hasPrefix(root.path + "/") ? guidesRoot : Builder.root(of: guide)
    }
}
