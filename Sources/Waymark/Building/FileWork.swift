import Dispatch

/// Runs work that waits on the disk (writing and flushing files) on threads of its own,
/// so that it never holds one of Swift's few concurrency threads, which render guides.
enum FileWork {
    private static let queue = DispatchQueue(label: "waymark.file-work", qos: .utility, attributes: .concurrent)

    /// The result of `work`, run on the file-work threads.
    static func run<Result: Sendable>(_ work: @escaping @Sendable () -> Result) async -> Result {
        await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: work()) }
        }
    }
}
