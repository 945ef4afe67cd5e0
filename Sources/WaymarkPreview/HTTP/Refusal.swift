import Hummingbird

/// A request the preview will not answer, and the page that says why.
struct Refusal: Error, Sendable {
    var status: Int
    var title: String
    var message: String

    static let noKey = Refusal(
        status: 401, title: "This preview needs its access key",
        message: "Open the address that 'waymark preview' printed when it started: it ends in ?token= and the key.")
    static let otherSite = Refusal(
        status: 403, title: "The form came from another website",
        message: "Nothing was changed: only the preview's own pages can save guides and pictures.")
    static let tooLarge = Refusal(
        status: 413, title: "That is too large",
        message: "Nothing was saved: a guide can be up to \(PreviewLimits.guideBytes / 1024 / 1024) MB and a picture up to \(PreviewLimits.pictureBytes / 1024 / 1024) MB.")

    func response(hasSite: Bool) -> Response {
        Respond.page(MessagePage.page(status: status, title: title, message: message, hasSite: hasSite))
    }
}
