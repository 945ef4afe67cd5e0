import Testing
@testable import Waymark

@Suite("Building: memo") struct MemoTests {
    final class Counter: @unchecked Sendable {
        var calls = 0
    }

    @Test func aResultIsMadeOnceForEachKey() {
        let memo = Memo<String, Int>(limit: 10)
        let counter = Counter()
        for word in ["a", "bb", "a", "bb", "a"] {
            let value = memo.value(for: word) {
                counter.calls += 1
                return word.count
            }
            #expect(value == word.count)
        }
        #expect(counter.calls == 2)
    }

    @Test func itForgetsWhenFullAndNeverKeepsAResultHeavierThanTheLimit() {
        let memo = Memo<Int, [UInt8]>(limit: 10) { _, bytes in bytes.count }
        let counter = Counter()
        func ask(_ key: Int, size: Int) -> [UInt8] {
            memo.value(for: key) {
                counter.calls += 1
                return Array(repeating: 0, count: size)
            }
        }
        _ = ask(1, size: 6)
        _ = ask(1, size: 6)
        #expect(counter.calls == 1)
        _ = ask(2, size: 6)  // 12 > 10: the memo starts again with key 2 only
        _ = ask(1, size: 6)
        #expect(counter.calls == 3)
        _ = ask(3, size: 11)
        _ = ask(3, size: 11)
        #expect(counter.calls == 5, "a result heavier than the limit is not kept")
    }

    @Test func inOrderHandsResultsBackInOrder() async {
        var seen: [Int] = []
        await InOrder.run(count: 50, limit: 4, work: { index in
            // Later items finish first.
            try? await Task.sleep(nanoseconds: UInt64((50 - index) * 100_000))
            return index * 2
        }, each: { index, value in
            #expect(value == index * 2)
            seen.append(index)
        })
        #expect(seen == Array(0..<50))
    }
}
