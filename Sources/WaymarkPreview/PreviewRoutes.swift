import Foundation
import Hummingbird
import ServiceLifecycle
import Waymark

/// The app's routes. Every name in an address goes through ``ProjectPaths`` before any file
/// is touched; every POST has passed ``PreviewGuard`` (CSRF token, size) before it gets here.
struct PreviewRoutes: Sendable {
    let project: PreviewProject
    let csrf: String

    func add(to router: Router<PreviewContext>) {
        router.get("/") { _, _ in
            project.hasSite ? Response.redirect(to: "/site/", type: .found) : await list()
        }
        router.get("/guides") { _, _ in await list() }
        router.get("/guides/:slug") { _, context in
            let guide = try await guide(context)
            return Respond.page(GuidePage.page(guide, project: await summary()))
        }
        router.get("/guides/:slug/formats") { _, context in
            let guide = try await guide(context)
            return Respond.page(FormatsPage.page(guide, project: await summary()))
        }
        router.get("/guides/:slug/edit") { request, context in try await editor(request, context) }
        router.post("/guides/:slug/edit") { _, context in try await save(context) }
        router.get("/new") { _, _ in Respond.page(NewGuidePage.page(csrf: csrf, hasSite: project.hasSite)) }
        router.post("/new") { _, context in await create(context) }
        router.get("/pictures") { request, _ in
            let saved = request.uri.queryParameters.get("saved").flatMap { name in (try? ProjectPaths.check(name)) != nil ? name : nil }
            return Respond.page(PicturesPage.page(pictures: pictures(), csrf: csrf, outcome: saved.map { .saved(name: $0) } ?? .none, hasSite: project.hasSite))
        }
        router.post("/pictures") { _, context in await upload(context) }
        router.get("/pictures/:name") { _, context in try picture(context) }
        router.get("/events") { _, _ in await events() }
        router.get("/app/app.css") { _, _ in Respond.bytes(Array(AppStyle.css.utf8), type: "text/css; charset=utf-8") }
        router.get("/app/app.js") { _, _ in Respond.bytes(Array(AppScript.javascript.utf8), type: "text/javascript; charset=utf-8") }
        // `/site` and `/site/` are one route: the site's own links are relative, so it is shown at `/site/`.
        router.get("/site") { request, _ in
            request.uri.path.hasSuffix("/") ? try built([]) : Response.redirect(to: "/site/", type: .found)
        }
        router.get("/site/**") { _, context in
            try built(context.parameters.getCatchAll().map { try ProjectPaths.component($0) })
        }
    }

    // MARK: - Pages

    private func list() async -> Response {
        Respond.page(ListPage.page(guides: await project.allGuides, project: await summary()))
    }

    private func summary() async -> ProjectSummary {
        let status = await project.buildStatus
        return ProjectSummary(
            guidesFolder: project.display(project.options.guidesFolder),
            problems: await project.setupProblems + status.problem,
            styleFindings: status.styleFindings, hasSite: project.hasSite)
    }

    /// The guide named by the address's `:slug`: refused (403) when the name is not a guide's
    /// file in the guides folder, missing (404) when there is no such guide.
    private func guide(_ context: PreviewContext) async throws -> GuideState {
        let slug = try slug(context)
        guard let guide = await project.guide(slug) else {
            throw HTTPError(.notFound, message: "There is no guide called '\(slug)'.")
        }
        return guide
    }

    private func slug(_ context: PreviewContext) throws -> String {
        let raw = context.parameters.get("slug") ?? ""
        do {
            let slug = try ProjectPaths.component(Substring(raw))
            _ = try project.paths.guide(slug)
            return slug
        } catch {
            throw Refusal(status: 403, title: "That is not a guide the preview opens", message: error.description)
        }
    }

    private func editor(_ request: Request, _ context: PreviewContext) async throws -> Response {
        let guide = try await guide(context)
        guard guide.loaded || !FileManager.default.fileExists(atPath: guide.file.path) else {
            // The file is there but was not read (too large, not a plain file): never offer to replace it.
            throw Refusal(status: 403, title: "This guide cannot be edited here", message: guide.findings.first?.message ?? "the file could not be read")
        }
        let query = request.uri.queryParameters
        let notice: EditorPage.Notice = query.get("created") != nil ? .created : query.get("saved") != nil ? .saved : .none
        return Respond.page(EditorPage.page(
            guide, project: await summary(), csrf: csrf, notice: notice,
            line: query.get("line").flatMap(Int.init), column: query.get("column").flatMap(Int.init)))
    }

    // MARK: - Forms

    private func save(_ context: PreviewContext) async throws -> Response {
        let slug = try slug(context)
        guard let text = context.form.fields["text"], let version = context.form.fields["version"] else {
            throw Refusal(status: 400, title: "The form is not complete", message: "Nothing was saved: the form had no text or no version. Reload the editor and try again.")
        }
        switch await project.save(slug: slug, text: text, version: version) {
        case .saved:
            return Respond.seeOther(HTML.guidePath(slug, "/edit") + "?saved=1")
        case .conflict(let disk, let diskVersion):
            let guide = await project.guide(slug)
            return Respond.page(ConflictPage.page(
                slug: slug, name: guide?.name ?? slug, displayPath: guide?.displayPath ?? "Guides/\(slug).md",
                mine: text, disk: String(decoding: disk, as: UTF8.self), diskVersion: diskVersion, csrf: csrf, hasSite: project.hasSite))
        case .refused(let reason):
            throw Refusal(status: 403, title: "The guide was not saved", message: reason)
        case .tooLarge(let reason):
            throw Refusal(status: 413, title: "The guide was not saved", message: reason)
        }
    }

    private func create(_ context: PreviewContext) async -> Response {
        let title = (context.form.fields["title"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        var file = (context.form.fields["file"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if file.lowercased().hasSuffix(".md") { file = String(file.dropLast(3)) }
        func refuse(_ problem: String) -> Response {
            Respond.page(NewGuidePage.page(csrf: csrf, title: title, fileName: file, problem: problem, hasSite: project.hasSite))
        }
        guard !title.isEmpty, title.count <= PreviewLimits.nameLength, file.count <= PreviewLimits.nameLength else {
            return refuse("give the guide a title of up to \(PreviewLimits.nameLength) characters")
        }
        let slug = file.isEmpty ? GuideTemplate.slug(for: title) : file
        guard !slug.isEmpty, slug.unicodeScalars.allSatisfy({ $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_") }),
              slug.first.map({ $0.isLetter || $0.isNumber }) == true else {
            return refuse("the file name can have only letters a to z, digits, '-' and '_', and must start with a letter or a digit, such as going-to-court")
        }
        let settings = (try? ProjectConfiguration.load(
            from: project.options.projectFolder.appendingPathComponent(ProjectConfiguration.fileName), displayPath: ProjectConfiguration.fileName)) ?? ProjectConfiguration()
        let text = GuideTemplate.text(title: title, project: settings, today: Checker.today())
        switch await project.create(slug: slug, text: text) {
        case .success:
            return Respond.seeOther(HTML.guidePath(slug, "/edit") + "?created=1")
        case .failure(let refusal):
            return refuse(refusal.description)
        }
    }

    private func upload(_ context: PreviewContext) async -> Response {
        func refuse(_ problem: String) -> Response {
            Respond.page(PicturesPage.page(pictures: pictures(), csrf: csrf, outcome: .refused(problem), hasSite: project.hasSite))
        }
        guard let upload = context.form.files["picture"], !upload.bytes.isEmpty else {
            return refuse("choose a picture file to add")
        }
        let given = (context.form.fields["name"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let original = upload.fileName.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let name = (given.isEmpty ? original : given).replacingOccurrences(of: " ", with: "-")
        guard !name.isEmpty, name.count <= PreviewLimits.nameLength,
              name.unicodeScalars.allSatisfy({ $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "-_.".unicodeScalars.contains($0)) }) else {
            return refuse("the picture's name can have only letters a to z, digits, '-', '_' and '.', such as school.svg")
        }
        switch await project.addPicture(name: name, bytes: upload.bytes, replace: context.form.fields["replace"] == "yes") {
        case .success:
            return Respond.seeOther("/pictures?saved=\(HTML.segment(name))")
        case .failure(let refusal):
            return refuse(refusal.description)
        }
    }

    // MARK: - Files

    /// The names of the pictures in `Guides/pictures/`, in order.
    private func pictures() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: project.paths.pictures.path)) ?? []
        return names.filter { (try? project.paths.picture($0)) != nil }.sorted()
    }

    /// A picture as a build would put it in an output: checked, and an SVG sanitised.
    private func picture(_ context: PreviewContext) throws -> Response {
        let name = try ProjectPaths.component(Substring(context.parameters.get("name") ?? ""))
        let file: URL
        do {
            file = try project.paths.picture(name)
        } catch {
            throw Refusal(status: 403, title: "That is not a picture the preview shows", message: error.description)
        }
        let type = ProjectPaths.pictureTypes[(name as NSString).pathExtension.lowercased()] ?? "application/octet-stream"
        guard let bytes = PlainFile.read(file, limit: PreviewLimits.pictureBytes),
              case .success(let safe) = PictureContent.check(bytes, mediaType: type) else {
            throw HTTPError(.notFound)
        }
        return Respond.bytes(safe, type: type)
    }

    /// A file the preview built, exactly as built; a folder's `index.html` for a folder.
    private func built(_ components: [String]) throws -> Response {
        var file: URL
        do {
            file = try project.paths.built(components)
        } catch {
            throw Refusal(status: 403, title: "That is not a file the preview built", message: error.description)
        }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: file.path, isDirectory: &isFolder), isFolder.boolValue {
            file.appendPathComponent("index.html")
            if components.isEmpty && !FileManager.default.fileExists(atPath: file.path) {
                return Response.redirect(to: "/guides", type: .found)
            }
        }
        guard let bytes = PlainFile.read(file, limit: PlainFile.builtLimit) else { throw HTTPError(.notFound) }
        let (type, download) = MediaTypes.type(of: file.lastPathComponent)
        var extra: HTTPFields = [:]
        if download, file.lastPathComponent.unicodeScalars.allSatisfy({ $0.isASCII && $0 != "\"" && $0 != "\\" && $0.value >= 0x20 }) {
            extra[.contentDisposition] = "attachment; filename=\"\(file.lastPathComponent)\""
        }
        return Respond.bytes(bytes, type: type, extra: extra)
    }

    // MARK: - Events

    /// Server-sent events: one `change` event for each change, and a comment now and then so
    /// that a page that has gone away is noticed.
    private func events() async -> Response {
        guard let (id, stream) = await project.events.subscribe() else {
            return Respond.page(MessagePage.page(status: 503, title: "Too many pages are open", message: "Close some of the preview's pages and reload this one."))
        }
        let hub = project.events
        return Response(
            status: .ok, headers: [.contentType: "text/event-stream; charset=utf-8"],
            body: ResponseBody { writer in
                defer { Task { await hub.unsubscribe(id) } }
                try await writer.write(ByteBuffer(string: "retry: 1000\n: connected\n\n"))
                for await event in stream.cancelOnGracefulShutdown() {
                    try await writer.write(ByteBuffer(string: event.kind == .ping ? ": ping\n\n" : EventHub.encoded(event)))
                }
                try await writer.finish(nil)
            })
    }
}
