import Foundation

/// Runs work items concurrently and hands their results back in the items' order.
///
/// The builder and `waymark check` both use it: at most `limit` items are in flight,
/// and a result waits only until those before it are done, so memory stays bounded
/// by a few items whatever their number, and output never depends on which finished first.
enum InOrder {
    /// How many items to run at once by default: one per core.
    static var defaultLimit: Int { ProcessInfo.processInfo.activeProcessorCount }

    /// Runs `work(index)` for every index below `count`, at most `limit` at once, and calls
    /// `each` with every result in index order, as soon as those before it have finished.
    static func run<Result: Sendable>(
        count: Int, limit: Int? = nil, work: @escaping @Sendable (Int) async -> Result, each: (Int, Result) -> Void
    ) async {
        let limit = max(1, limit ?? defaultLimit)
        await withTaskGroup(of: (Int, Result).self) { group in
            var next = 0
            var reported = 0
            var finished: [Int: Result] = [:]
            func start() {
                let index = next
                next += 1
                group.addTask { (index, await work(index)) }
            }
            while next < min(limit, count) { start() }
            while let (index, result) = await group.next() {
                finished[index] = result
                while let ready = finished.removeValue(forKey: reported) {
                    each(reported, ready)
                    reported += 1
                }
                if next < count { start() }
            }
        }
    }

    /// The results of `work(index)` for every index below `count`, in order, all at once
    /// (for a handful of items, such as one guide's writers).
    static func all<Result: Sendable>(count: Int, work: @escaping @Sendable (Int) async -> Result) async -> [Result] {
        await map(count: count, limit: count, work: work)
    }

    /// The results of `work(index)` for every index below `count`, in order.
    static func map<Result: Sendable>(count: Int, limit: Int? = nil, work: @escaping @Sendable (Int) async -> Result) async -> [Result] {
        var results: [Result] = []
        results.reserveCapacity(count)
        await run(count: count, limit: limit, work: work) { _, result in results.append(result) }
        return results
    }
}
