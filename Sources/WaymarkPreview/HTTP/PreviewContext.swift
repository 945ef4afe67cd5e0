import Hummingbird

/// What a request carries through the app: Hummingbird's own context, and the form of a
/// POST once ``PreviewGuard`` has read it and checked its CSRF token.
struct PreviewContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    /// The submitted form: set for every POST that reaches a route (one without a valid CSRF
    /// token never does).
    var form = FormData()

    init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
    }

    /// Bodies are read by ``PreviewGuard`` with its own cap; nothing else decodes them.
    var maxUploadSize: Int { PreviewLimits.requestBytes }
}
