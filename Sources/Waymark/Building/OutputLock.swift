import Foundation

/// An exclusive lock on an output folder, so that two builds never write into it at once.
///
/// The lock is an `flock(2)` on `<output>/.waymark-lock`, taken without waiting: a second
/// build fails at once, naming the process that holds it. The kernel releases the lock when
/// the holder closes the file, exits or is killed, so a crashed build never leaves a stale
/// lock behind; the file itself stays (removing it would let a third build lock a new file
/// while the second still holds the old one).
public final class OutputLock: Sendable {
    /// The name of the lock file in the output folder.
    public static let fileName = ".waymark-lock"

    /// Why the lock could not be taken.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        /// The output folder.
        public var folder: String
        /// The process that holds the lock, when known.
        public var holder: Int32?
        /// The holder's command line, when known.
        public var holderCommand: String?
        /// The operating system's reason, when the lock file itself could not be opened.
        public var reason: String?

        /// A one-line description.
        public var description: String {
            if let reason { return "cannot lock the output folder \(folder): \(reason)" }
            let who = holder.map { pid in "process \(pid)" + (holderCommand.map { " (\($0))" } ?? "") } ?? "another process"
            return "another build is writing into \(folder): \(who) holds \(OutputLock.fileName); wait for it to finish, or stop it, then build again"
        }
    }

    private let descriptor: Int32

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit {
        // Closing the last descriptor releases the flock.
        close(descriptor)
    }

    /// Takes the lock on `outputRoot` (creating the folder if needed), or throws at once if
    /// another process holds it.
    public static func acquire(in outputRoot: URL) throws(Failure) -> OutputLock {
        let folder = outputRoot.path
        do {
            try FileManager.default.createDirectory(at: outputRoot, withIntermediateDirectories: true)
        } catch {
            throw Failure(folder: folder, reason: (error as NSError).localizedFailureReason ?? "\(error)")
        }
        let path = outputRoot.appendingPathComponent(fileName).path
        // O_NOFOLLOW: a link planted as the lock file would have the build truncate what it points to (issue #12).
        let descriptor = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            let code = errno
            if code == ELOOP {
                throw Failure(folder: folder, reason: "\(fileName) there is a link; Waymark never writes through links in the output folder: remove it and build again")
            }
            throw Failure(folder: folder, reason: String(cString: strerror(code)))
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            close(descriptor)
            throw Failure(folder: folder, reason: "\(fileName) there is not a plain file: remove it and build again")
        }
        var result: Int32
        repeat { result = flock(descriptor, LOCK_EX | LOCK_NB) } while result != 0 && errno == EINTR
        guard result == 0 else {
            let code = errno
            let holder = readHolder(descriptor)
            close(descriptor)
            if code == EWOULDBLOCK {
                throw Failure(folder: folder, holder: holder, holderCommand: holder.flatMap(commandLine))
            }
            throw Failure(folder: folder, reason: String(cString: strerror(code)))
        }
        // Record who holds it, for the message another build shows; only informative.
        let record = Array("\(getpid())\n".utf8)
        if ftruncate(descriptor, 0) == 0 {
            _ = record.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
        }
        return OutputLock(descriptor: descriptor)
    }
}

private extension OutputLock {
    static func readHolder(_ descriptor: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        return Int32(String(decoding: buffer[..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// The command line of process `pid` (Linux `/proc`), shortened; nil when unknown.
    static func commandLine(_ pid: Int32) -> String? {
        guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline"), !data.isEmpty else { return nil }
        let words = data.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
        let shown = words.prefix(4).joined(separator: " ")
        return words.count > 4 ? shown + " …" : shown
    }
}
