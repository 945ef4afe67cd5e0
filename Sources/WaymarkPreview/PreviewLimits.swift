import Waymark

/// The most the preview takes in, so that no request can fill the memory or the disk.
enum PreviewLimits {
    /// The longest guide a Save takes: the longest guide Waymark reads at all.
    static let guideBytes = GuideReader.maximumSize
    /// The largest picture an upload takes: the largest picture a guide may use (the reader's limit).
    static let pictureBytes = 5 * 1024 * 1024
    /// What a form adds around its fields (field names, the CSRF token, multipart headers).
    static let formOverhead = 64 * 1024
    /// The largest request body of any kind; a larger one is refused before it is read.
    static let requestBytes = max(guideBytes, pictureBytes) + formOverhead
    /// The most pages that follow the changes at once (server-sent events); one more is refused.
    static let eventStreams = 64
    /// The most files looked at for changes in `Guides/` and `Styles/` together.
    static let watchedFiles = 20_000
    /// The longest title or file name a new guide takes, in characters.
    static let nameLength = 200
}
