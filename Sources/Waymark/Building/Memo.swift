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
    private var held = 0
    private let limit: Int
    private let weight: @Sendable (Key, Value) -> Int

    /// A memo that forgets everything once the results it holds weigh `limit` (a bound on
    /// memory, not an eviction policy); each result weighs 1 unless `weight` says otherwise.
    init(limit: Int, weight: @escaping @Sendable (Key, Value) -> Int = { _, _ in 1 }) {
        self.limit = limit
        self.weight = weight
    }

    /// The result for `key`, computed by `make` the first time it is asked for.
    func value(for key: Key, _ make: () -> Value) -> Value {
        if let known = lock.withLock({ values[key] }) { return known }
        let made = make()
        let cost = weight(key, made)
        guard cost <= limit else { return made }
        lock.withLock {
            if held + cost > limit {
                values.removeAll()
                held = 0
            }
            if values.updateValue(made, forKey: key) == nil { held += cost }
        }
        return made
    }
}
