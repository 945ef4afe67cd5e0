import Foundation
import Waymark
import WaymarkModel

/// The project as the preview sees it: every guide checked, built into the preview's own
/// output folder by the real ``Builder`` (incremental, with its cache), and what changed told
/// to the open pages.
///
/// The checks run first and on their own, so that a page shows new findings as soon as a
/// guide is saved; the build follows, one at a time, and its files replace the old ones
/// whole (the Builder writes every file atomically).
public actor PreviewProject {
    /// The result of a Save.
    enum SaveOutcome: Sendable {
        /// Written; the guide as checked now.
        case saved(GuideState)
        /// The file changed on disk since the editor opened it: nothing was written.
        case conflict(disk: [UInt8], diskVersion: String)
        /// The guide may not be written (a link, a name outside the guides folder).
        case refused(String)
        /// The text is longer than any guide Waymark reads.
        case tooLarge(String)
    }

    /// What the last build did.
    struct BuildStatus: Sendable {
        /// Whether a build is running now.
        var running = false
        /// How many builds have finished.
        var finished = 0
        /// Why the last build could not start at all (a broken style sheet, a busy output folder).
        var problem: [Diagnostic] = []
        /// The style sheets' findings, from the last build.
        var styleFindings: [Diagnostic] = []
        /// When the last build finished.
        var finishedAt: Date?
    }

    /// The options the preview was started with.
    public nonisolated let options: PreviewOptions
    /// The files the preview may touch.
    nonisolated let paths: ProjectPaths
    /// The open pages.
    nonisolated let events = EventHub()

    private var guides: [String: GuideState] = [:]
    private var order: [String] = []
    /// Problems with the settings (`waymark.yml`) or the guides folder, shown on every page.
    var setupProblems: [Diagnostic] { settingsProblems + (folderProblem.map { [$0] } ?? []) }
    private var settingsProblems: [Diagnostic] = []
    private var folderProblem: Diagnostic?
    private(set) var buildStatus = BuildStatus()

    private var buildRequested = 0
    private var buildDone = 0
    private var buildWaiters: [(ticket: Int, continuation: CheckedContinuation<Void, Never>)] = []

    /// A project to preview; nothing is read until ``refresh(only:)``.
    public init(options: PreviewOptions) {
        self.options = options
        self.paths = ProjectPaths(guides: options.guidesFolder, output: options.outputFolder)
    }

    // MARK: - Reading the state

    /// Every guide, in the order the build takes them (file name order).
    var allGuides: [GuideState] { order.compactMap { guides[$0] } }

    /// The guide `slug`, if there is one.
    func guide(_ slug: String) -> GuideState? { guides[slug] }

    /// Whether the site (issue 18: `index.html` at the top of the output) has been built.
    nonisolated var hasSite: Bool {
        var status = stat()
        return lstat(options.outputFolder.appendingPathComponent("index.html").path, &status) == 0 && status.st_mode & S_IFMT == S_IFREG
    }

    // MARK: - Checking

    /// Reads and checks the guides again: those in `slugs` whose text changed, and any guide new
    /// to the preview; every guide when `slugs` is nil. Then, if anything changed, a build is
    /// started (it skips what has not changed).
    public func refresh(only slugs: Set<String>? = nil) {
        // The settings and styles are read again only when something other than a guide changed.
        let checker = slugs == nil ? makeChecker() : (cachedChecker ?? makeChecker())
        let files: [URL]
        do {
            files = try Builder.guideFiles(in: options.guidesFolder)
        } catch {
            let problem = Diagnostic.error(
                at: Location(file: display(options.guidesFolder), line: 1, column: 1),
                "the guides folder could not be read: \(error.localizedDescription)",
                hint: "check that the folder exists and can be read; the preview looks at it again when it changes")
            if folderProblem != problem {
                folderProblem = problem
                events.publishSoon(.project, slug: nil)
            }
            return
        }
        if folderProblem != nil {
            folderProblem = nil
            events.publishSoon(.project, slug: nil)
        }
        var seen: [String] = []
        var listChanged = false
        var changed = slugs == nil
        for file in files {
            let slug = Builder.slug(of: file)
            seen.append(slug)
            if let slugs, !slugs.contains(slug), guides[slug] != nil { continue }
            // A guide whose text is as it was checked needs no new check when only guides changed
            // (the watcher also sees the preview's own saves, which are checked already).
            if slugs != nil, let old = guides[slug], old.loaded,
               let bytes = try? GuideReader.bytes(of: file, displayPath: old.displayPath), GuideState.version(of: bytes) == old.version {
                continue
            }
            changed = true
            let fresh = check(file, slug: slug, checker: checker)
            if let old = guides[slug] {
                guard old.version != fresh.version || old.findings != fresh.findings || old.readable != fresh.readable
                        || old.chapters != fresh.chapters || old.title != fresh.title else { continue }
                var updated = fresh
                updated.build = old.build
                updated.generation = old.generation + 1
                guides[slug] = updated
                events.publishSoon(.check, slug: slug)
            } else {
                guides[slug] = fresh
                listChanged = true
            }
        }
        for slug in guides.keys where !seen.contains(slug) {
            guides.removeValue(forKey: slug)
            listChanged = true
        }
        if listChanged || order != seen {
            order = seen
            changed = true
            events.publishSoon(.project, slug: nil)
        }
        if changed { requestBuild() }
    }

    /// The checker made by the last ``makeChecker()``, while its date is today's.
    private var cachedChecker: Checker? {
        guard let checker = checker, checker.options.today == Checker.today() else { return nil }
        return checker
    }
    private var checker: Checker?

    /// The checker for the project as it is now: its `waymark.yml`, today's date, and the label
    /// catalogues the build will have (built in and the project's own).
    private func makeChecker() -> Checker {
        var problems: [Diagnostic] = []
        let settingsFile = options.projectFolder.appendingPathComponent(ProjectConfiguration.fileName)
        var project = ProjectConfiguration()
        do {
            project = try ProjectConfiguration.load(from: settingsFile, displayPath: display(settingsFile))
        } catch {
            problems += error.diagnostics
        }
        var checks = CheckOptions(today: Checker.today(), project: project)
        if let labels = try? StyleSet(projectFolder: stylesRoot, base: options.projectFolder).labels(base: options.projectFolder) {
            checks.labels = labels
        }
        if problems != settingsProblems {
            settingsProblems = problems
            events.publishSoon(.project, slug: nil)
        }
        let made = Checker(options: checks)
        checker = made
        return made
    }

    private func check(_ file: URL, slug: String, checker: Checker) -> GuideState {
        let shown = display(file)
        do {
            _ = try paths.guide(slug)
        } catch {
            return GuideState.refused(file, slug: slug, displayPath: shown, reason: "the preview does not open this guide: \(error.description)")
        }
        return GuideState.checked(file, slug: slug, displayPath: shown, guidesRoot: options.guidesFolder, checker: checker)
    }

    // MARK: - Building

    /// Starts a build unless one is running, in which case another follows it; returns the
    /// ticket that ``waitForBuild(_:)`` takes.
    @discardableResult
    func requestBuild() -> Int {
        buildRequested += 1
        if !buildStatus.running {
            buildStatus.running = true
            Task { await self.runBuilds() }
        }
        return buildRequested
    }

    /// Returns once a build that started after the ticket was given has finished.
    func waitForBuild(_ ticket: Int) async {
        if buildDone >= ticket { return }
        await withCheckedContinuation { continuation in
            buildWaiters.append((ticket, continuation))
        }
    }

    /// Checks every guide and builds the project, returning once both are done.
    public func refreshAndBuild() async {
        refresh()
        await idle()
    }

    /// Returns once every build asked for so far has finished.
    public func idle() async {
        await waitForBuild(buildRequested)
    }

    private func runBuilds() async {
        while buildDone < buildRequested {
            let ticket = buildRequested
            let outcome = await PreviewProject.build(request())
            record(outcome)
            buildDone = ticket
            let ready = buildWaiters.filter { $0.ticket <= ticket }
            buildWaiters.removeAll { $0.ticket <= ticket }
            for waiter in ready { waiter.continuation.resume() }
        }
        buildStatus.running = false
    }

    /// The request `waymark build` would make for this project, into the preview's folder.
    ///
    /// Errors are allowed, so that a guide the checks find errors in still shows its formats
    /// while the author fixes them (its pages say `waymark build` would not build it).
    private func request() -> BuildRequest {
        let checks = (cachedChecker ?? makeChecker()).options
        return BuildRequest(
            guidesRoot: options.guidesFolder, outputRoot: options.outputFolder, formats: options.formats, options: options.writerOptions,
            displayBase: options.projectFolder, stylesRoot: stylesRoot, checks: checks, allowErrors: true)
    }

    /// What one build did: each guide's result, the style sheets' findings, or why it could not start.
    private struct BuildOutcome: Sendable {
        var results: [GuideBuildResult] = []
        var styleFindings: [Diagnostic] = []
        var problem: [Diagnostic] = []
    }

    private static func build(_ request: BuildRequest) async -> BuildOutcome {
        var outcome = BuildOutcome()
        let start = Location(file: Builder.displayPath(of: request.outputRoot, base: request.displayBase), line: 1, column: 1)
        do {
            var sheets: [Diagnostic] = []
            outcome.results = try await Builder().build(request, styles: { sheets = $0 }, progress: { _ in })
            outcome.styleFindings = sheets
        } catch let setup as BuildSetupError {
            outcome.problem = setup.diagnostics.isEmpty
                ? [.error(at: start, setup.message, hint: "check that the folder and its files exist and can be read")]
                : setup.diagnostics
        } catch {
            outcome.problem = [.error(at: start, "the preview could not build the guides: \(error)", hint: "stop the preview and start it again; if it keeps happening, report it")]
        }
        return outcome
    }

    private func record(_ outcome: BuildOutcome) {
        if outcome.problem != buildStatus.problem || outcome.styleFindings != buildStatus.styleFindings {
            events.publishSoon(.project, slug: nil)
        }
        buildStatus.problem = outcome.problem
        buildStatus.styleFindings = outcome.styleFindings
        buildStatus.finished += 1
        buildStatus.finishedAt = Date()
        for result in outcome.results {
            guard var state = guides[result.slug] else { continue }
            let folder = options.outputFolder.appendingPathComponent(result.slug).path + "/"
            let files = result.files.compactMap { path -> String? in
                let absolute = path.hasPrefix("/") ? path : options.projectFolder.appendingPathComponent(path).standardizedFileURL.path
                return absolute.hasPrefix(folder) ? String(absolute.dropFirst(folder.count)) : nil
            }
            // Errors that the checks already show (a guide that does not read) are not shown twice.
            let errors = result.errors.filter { !state.findings.contains($0) }
            // A guide that did not build keeps the files of its last good build: they are still there.
            let build = GuideState.Build(files: result.succeeded ? files : (state.build?.files ?? []), errors: errors)
            // A guide built again has new files even when their names are the same; one the cache
            // skipped has changed only if what the preview knew of it has.
            if result.unchanged, let old = state.build, old.files == build.files, old.errors == build.errors { continue }
            state.build = build
            state.generation += 1
            guides[result.slug] = state
            events.publishSoon(.build, slug: result.slug)
        }
    }

    // MARK: - Changing files

    /// Writes the guide `slug` with `text`, when the file on disk is still the version `version`
    /// the editor opened; then checks it again and starts a build.
    ///
    /// The text comes from a browser's form, whose line breaks are always CR LF: they are
    /// written as the file had them (LF unless the file used CR LF).
    func save(slug: String, text: String, version: String) -> SaveOutcome {
        let file: URL
        do {
            file = try paths.guide(slug)
        } catch {
            return .refused(error.description)
        }
        let exists = FileManager.default.fileExists(atPath: file.path)
        var disk: [UInt8] = []
        if exists {
            do {
                disk = try GuideReader.bytes(of: file, displayPath: display(file))
            } catch {
                // Too large, or not a plain file: what is there is never replaced from here.
                return .refused(error.diagnostics.first?.message ?? "the guide on disk could not be read")
            }
        }
        let diskVersion = exists ? GuideState.version(of: disk) : ""
        guard diskVersion == version else { return .conflict(disk: disk, diskVersion: diskVersion) }
        let bytes = PreviewProject.lineEndings(of: text, like: disk)
        guard bytes.count <= PreviewLimits.guideBytes else {
            return .tooLarge("the guide would be \(bytes.count / 1024) KB; the largest guide Waymark reads is \(PreviewLimits.guideBytes / 1024 / 1024) MB")
        }
        do {
            try AtomicFileWriter.write(bytes, to: file)
        } catch {
            return .refused("the guide could not be saved: \(error.reason)")
        }
        refresh(only: [slug])
        return guides[slug].map(SaveOutcome.saved) ?? .refused("the guide was saved, but it is not a guide the build reads")
    }

    /// Starts a new guide `Guides/<slug>.md` from the template; never writes over a file.
    func create(slug: String, text: String) -> Result<GuideState, ProjectPaths.Refusal> {
        let file: URL
        do {
            file = try paths.guide(slug)
        } catch {
            return .failure(error)
        }
        do {
            try NewFile.write(Array(text.utf8), to: file)
        } catch {
            return .failure(error)
        }
        refresh(only: [slug])
        return guides[slug].map { .success($0) } ?? .failure(.init(description: "the guide was written, but the build does not read it"))
    }

    /// Adds the picture `name` to `Guides/pictures/` after the checks every picture gets
    /// (what its name says it is, whole, not too large; an SVG must sanitise).
    func addPicture(name: String, bytes: [UInt8], replace: Bool) -> Result<URL, ProjectPaths.Refusal> {
        let file: URL
        do {
            file = try paths.picture(name)
        } catch {
            return .failure(error)
        }
        guard bytes.count <= PreviewLimits.pictureBytes else {
            return .failure(.init(description: "the picture '\(name)' is \(bytes.count / 1024) KB; the largest picture Waymark takes is \(PreviewLimits.pictureBytes / 1024 / 1024) MB"))
        }
        let type = ProjectPaths.pictureTypes[(name as NSString).pathExtension.lowercased()] ?? ""
        if case .failure(let problem) = PictureContent.check(bytes, mediaType: type) {
            return .failure(.init(description: "the picture '\(name)' \(problem.message)"))
        }
        do {
            if replace && FileManager.default.fileExists(atPath: file.path) {
                try AtomicFileWriter.write(bytes, to: file)
            } else {
                try NewFile.write(bytes, to: file)
            }
        } catch let error as ProjectPaths.Refusal {
            return .failure(error)
        } catch {
            return .failure(.init(description: "the picture could not be saved: \(error)"))
        }
        // A picture can change any guide that uses it.
        refresh()
        return .success(file)
    }

    // MARK: - Helpers

    /// The project's own styles folder when there is one (else the built-in styles only), as `build` finds it.
    private var stylesRoot: URL? {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: options.stylesFolder.path, isDirectory: &isFolder) && isFolder.boolValue ? options.stylesFolder : nil
    }

    /// A path as findings show it: from the project folder.
    nonisolated func display(_ url: URL) -> String {
        Builder.displayPath(of: url, base: options.projectFolder)
    }

    /// `text` from a form (CR LF, or LF from a script) as bytes with the line breaks `original` uses.
    static func lineEndings(of text: String, like original: [UInt8]) -> [UInt8] {
        let unix = text.replacingOccurrences(of: "\r\n", with: "\n")
        let windows = original.count > 1 && zip(original, original.dropFirst()).contains { $0 == 0x0D && $1 == 0x0A }
        return Array((windows ? unix.replacingOccurrences(of: "\n", with: "\r\n") : unix).utf8)
    }
}

extension EventHub {
    /// Publishes from a synchronous place, without waiting.
    nonisolated func publishSoon(_ kind: Event.Kind, slug: String?) {
        Task { await self.publish(kind, slug: slug) }
    }
}
