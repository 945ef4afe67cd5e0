import WaymarkModel

/// How a build went, in counts: what `waymark build` says at the end, kept instead of every
/// guide's result so that a build's memory stays flat however many guides it has (issue #23).
public struct BuildSummary: Sendable, Equatable {
    /// Every guide the build looked at.
    public var guides = 0
    /// The guides built this time.
    public var built = 0
    /// The guides skipped because nothing they are built from had changed.
    public var unchanged = 0
    /// The guides that could not be built.
    public var failed = 0
    /// The warnings the checks found in the guides built.
    public var warnings = 0

    /// An empty summary.
    public init() {}

    /// Counts `result` in.
    public mutating func add(_ result: GuideBuildResult) {
        guides += 1
        if !result.succeeded {
            failed += 1
        } else if result.unchanged {
            unchanged += 1
        } else {
            built += 1
        }
        warnings += result.findings.count { $0.severity == .warning }
    }
}
