import Foundation
import ServiceLifecycle

/// Looks at the guides, pictures, styles and settings a few times a second and tells the
/// project what changed, so that a guide saved in any editor is checked and built again.
///
/// It polls: each file's size, modification time (to the nanosecond), inode and type, from
/// `lstat`. That works the same on Linux and macOS with no C module, sees an editor's save by
/// rename (which inotify would only see if the folder, not the file, were watched), and costs
/// a few hundred `lstat` calls a second for a project of a hundred files. Links are looked at,
/// never followed, and hidden files (an editor's swap file, Waymark's own temporary files)
/// are left out.
struct ProjectWatcher: Service {
    /// What a file looked like: a change to any of these is a change to the file.
    struct Stamp: Equatable, Sendable {
        var size: Int64
        var seconds: Int
        var nanoseconds: Int
        var inode: UInt64
        var mode: UInt32
    }

    let project: PreviewProject
    let interval: Duration

    func run() async throws {
        let options = project.options
        var last = ProjectWatcher.snapshot(options)
        var quiet = Duration.zero
        // Ends when the server stops: at most one interval after the shutdown starts.
        while !Task.isCancelled {
            do {
                try await Task.sleep(for: interval)
            } catch {
                break
            }
            if Task.isCancelled || Task.isShuttingDownGracefully { break }
            let now = ProjectWatcher.snapshot(options)
            guard now != last else {
                quiet += interval
                if quiet >= .seconds(10) {
                    quiet = .zero
                    await project.events.ping()
                }
                continue
            }
            let changed = ProjectWatcher.changes(from: last, to: now)
            last = now
            await project.refresh(only: ProjectWatcher.guides(in: changed, options: options))
        }
        await project.events.finishAll()
    }

    /// The guides to check again for these changed paths: the guides among them, or nil (every
    /// guide) when anything else changed: a picture, a style sheet or the settings can change any guide.
    static func guides(in changed: Set<String>, options: PreviewOptions) -> Set<String>? {
        let folder = options.guidesFolder.path + "/"
        var slugs: Set<String> = []
        for path in changed {
            let name = path.hasPrefix(folder) ? String(path.dropFirst(folder.count)) : path
            guard !name.contains("/"), name.lowercased().hasSuffix(".md") else { return nil }
            slugs.insert(String(name.dropLast(3)))
        }
        return slugs
    }

    /// The paths that were added, removed or changed between two snapshots.
    static func changes(from old: [String: Stamp], to new: [String: Stamp]) -> Set<String> {
        var changed: Set<String> = []
        for (path, stamp) in new where old[path] != stamp { changed.insert(path) }
        for path in old.keys where new[path] == nil { changed.insert(path) }
        return changed
    }

    /// Every file of the guides folder and the styles folder (at most ``PreviewLimits/watchedFiles``),
    /// and `waymark.yml`.
    static func snapshot(_ options: PreviewOptions) -> [String: Stamp] {
        var stamps: [String: Stamp] = [:]
        walk(options.guidesFolder, depth: 0, into: &stamps)
        walk(options.stylesFolder, depth: 0, into: &stamps)
        let settings = options.projectFolder.appendingPathComponent("waymark.yml")
        if let stamp = stamp(settings.path) { stamps[settings.path] = stamp }
        return stamps
    }

    private static func walk(_ folder: URL, depth: Int, into stamps: inout [String: Stamp]) {
        guard depth < 8, let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names.sorted() where !name.hasPrefix(".") {
            guard stamps.count < PreviewLimits.watchedFiles else { return }
            let path = folder.appendingPathComponent(name).path
            guard let stamp = stamp(path) else { continue }
            stamps[path] = stamp
            if stamp.mode & UInt32(S_IFMT) == UInt32(S_IFDIR) {
                walk(folder.appendingPathComponent(name), depth: depth + 1, into: &stamps)
            }
        }
    }

    private static func stamp(_ path: String) -> Stamp? {
        var status = stat()
        guard lstat(path, &status) == 0 else { return nil }
        #if canImport(Darwin)
        let modified = status.st_mtimespec
        #else
        let modified = status.st_mtim
        #endif
        return Stamp(
            size: Int64(status.st_size), seconds: Int(modified.tv_sec), nanoseconds: Int(modified.tv_nsec),
            inode: UInt64(status.st_ino), mode: UInt32(status.st_mode))
    }
}
