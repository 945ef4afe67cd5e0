import Foundation
import Testing
@testable import Waymark

/// Two builds never write into one output folder at once (docs/reliability.md).
@Suite("Reliability: output lock") struct OutputLockTests {
    @Test func aSecondLockFailsAtOnceNamingTheHolder() throws {
        let folder = TestTemporary.url("lock").appendingPathComponent("Output")
        var first: OutputLock? = try OutputLock.acquire(in: folder)
        #expect(first != nil)
        do {
            _ = try OutputLock.acquire(in: folder)
            Issue.record("the lock was taken twice")
        } catch {
            #expect(error.holder == getpid())
            #expect(error.description.contains("another build is writing into \(folder.path): process \(getpid())"), "\(error)")
        }
        first = nil
        // Released when the holder goes away (as when a build exits or is killed).
        let again = try OutputLock.acquire(in: folder)
        _ = again
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(".waymark-lock").path))
    }

    @Test func aFolderThatCannotBeMadeIsAClearError() throws {
        let file = TestTemporary.url("lock-file")
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("not a folder".utf8).write(to: file)
        #expect(throws: OutputLock.Failure.self) { try OutputLock.acquire(in: file.appendingPathComponent("Output")) }
    }
}
