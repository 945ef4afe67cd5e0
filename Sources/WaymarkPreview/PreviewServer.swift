import Foundation
import Hummingbird
import Logging
import ServiceLifecycle

/// `waymark preview`'s web server: the app's pages and the files the preview built.
///
/// | address | what |
/// |---|---|
/// | `/` | the site as built (`/site/`) once there is one, else the list of guides |
/// | `/guides`, `/guides/<slug>` | the list; a guide's findings by chapter and its formats |
/// | `/guides/<slug>/formats` | the formats side by side |
/// | `/guides/<slug>/edit` | the editor (POST saves) |
/// | `/new`, `/pictures` | a new guide from the template; adding a picture |
/// | `/pictures/<name>` | a picture of `Guides/pictures/`, made safe as a build would |
/// | `/events` | server-sent events: what changed |
/// | `/site/…` | the files the preview built, exactly as built |
/// | `/app/app.css`, `/app/app.js` | the app's own style and script |
public enum PreviewServer {
    /// The application: routes behind ``PreviewGuard``, and the watcher when the options ask for one.
    ///
    /// - Parameter csrf: the token every form carries; a new random one by default.
    public static func application(
        project: PreviewProject, csrf: String = PreviewOptions.newToken(), logger: Logger? = nil,
        onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        let options = project.options
        let router = self.router(project: project, csrf: csrf)
        var services: [any Service] = []
        if let interval = options.pollInterval {
            services.append(ProjectWatcher(project: project, interval: interval))
        }
        var quiet = Logger(label: "waymark-preview")
        quiet.logLevel = .warning
        return Application(
            router: router,
            configuration: .init(address: .hostname(options.host, port: options.port), serverName: nil),
            services: services,
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? options.port) },
            logger: logger ?? quiet)
    }

    /// The app's routes behind ``PreviewGuard``, without a server: what ``application(project:csrf:logger:onServerRunning:)``
    /// serves, and what the route tests call directly.
    static func router(project: PreviewProject, csrf: String) -> Router<PreviewContext> {
        let options = project.options
        let access = AccessRules(loopback: options.isLoopback, token: options.isLoopback ? nil : options.token, csrf: csrf)
        let router = Router(context: PreviewContext.self)
        router.add(middleware: PreviewGuard(access: access, hasSite: { project.hasSite }))
        PreviewRoutes(project: project, csrf: csrf).add(to: router)
        return router
    }
}
