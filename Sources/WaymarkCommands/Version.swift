import Waymark

extension WaymarkCommand {
    /// What `waymark --version` prints: the library's version, which is also part of every
    /// build's cache key, so one number says which Waymark made a file.
    public static let version = Waymark.version
}
