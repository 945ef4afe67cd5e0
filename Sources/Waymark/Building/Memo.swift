import Foundation

/// Remembers the results of a pure function for the life of the process, safely across the
/// guides that a build runs at once.
///
/// Used where every guide of a build repeats the same work on the same input: checking the
/// same picture file, or the same style profile (issue #8). The key must hold everything the
/// result depends on, so a changed input is simply a new key.
final class Memo<Key: Hashable & Sendable, Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Key: Value] = [:]
    private let limit: Int

    /// A memo that forgets everything once it holds `limit` results (a bound on memory, not an eviction policy).
    init(limit: Int = 1_000) {
        self.limit = limit
    }

    /// The result for `key`, computed by `make` the first time it is asked for.
    func value(for key: Key, _ make: () -> Value) -> Value {
        if let known = lock.withLock({ values[key] }) { return known }
        let made = make()
        lock.withLock {
            if values.count >= limit { values.removeAll() }
            values[key] = made
        }
        return made
    }
}
