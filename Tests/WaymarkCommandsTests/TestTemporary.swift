import Foundation

/// Temporary folders for tests, all under one folder per test run that is removed when the run ends.
enum TestTemporary {
    static let root: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-tests-\(getpid())")
        atexit { try? FileManager.default.removeItem(at: TestTemporary.root) }
        return url
    }()

    /// A new, not yet created, folder path under the run's folder.
    static func url(_ prefix: String) -> URL {
        root.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
    }
}
