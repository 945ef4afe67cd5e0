/// Waymark's version.
public enum Waymark {
    /// The version, part of every build's cache key.
    public static let version = "0.1.0"
}
