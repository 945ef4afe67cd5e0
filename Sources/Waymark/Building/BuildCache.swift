import Foundation

/// Remembers what each guide's outputs were built from, so that a rebuild skips
/// guides whose inputs have not changed.
///
/// A guide's key is a SHA-1 over: the guide's bytes; a digest of everything it
/// may use that is shared (every picture under the guides folder, the style
/// sheets and pictograms, `waymark.yml`); the running binary's identity (so a
/// new Waymark rebuilds everything); and the options (formats, wrap, style,
/// date, allow-errors, rules). The key and the files made are kept in
/// `Output/<slug>/.waymark-build`, written after the files themselves, so a
/// build stopped half way is simply done again.
struct BuildCache {
    /// The manifest's file name inside a guide's output folder.
    static let manifestName = ".waymark-build"

    /// What a guide's previous build left: its key and the files it made.
    struct Manifest: Codable, Equatable {
        var key: String
        var files: [String]
        var sizes: [Int]
    }

    /// The digest of the inputs every guide shares, computed once per build.
    let shared: String

    /// Computes the shared digest for `request`.
    init(request: BuildRequest) {
        var parts: [String] = [
            "waymark \(Waymark.version)",
            BuildCache.executableIdentity(),
            "formats \(request.formats?.joined(separator: ",") ?? "*")",
            "wrap \(request.options.wrap.map(String.init) ?? "-")",
            "style \(request.options.style ?? "-")",
            "epoch \(request.options.sourceDateEpoch.map(String.init) ?? "-")",
            "allow-errors \(request.allowErrors)",
            "today \(request.checks.today?.description ?? "-")",
            "rules \(request.checks.rules.map { $0.description.id }.joined(separator: ","))",
        ]
        parts.append("styles " + BuildCache.digest(ofFolder: request.stylesRoot))
        parts.append("pictures " + BuildCache.digest(ofFolder: request.guidesRoot, skipping: { $0.hasSuffix(".md") }))
        let project = request.guidesRoot.deletingLastPathComponent().appendingPathComponent("waymark.yml")
        parts.append("project " + BuildCache.hex(StableIdentifier.sha1(Array(FileManager.default.contents(atPath: project.path) ?? Data()))))
        shared = BuildCache.hex(StableIdentifier.sha1(Array(parts.joined(separator: "\n").utf8)))
    }

    /// The key of the guide whose source is `bytes`.
    func key(forGuide bytes: [UInt8]) -> String {
        BuildCache.hex(StableIdentifier.sha1(Array(shared.utf8) + [0] + bytes))
    }

    /// The previous build's manifest in `folder`, if it is still whole: every file it names
    /// exists with the size it had.
    static func manifest(in folder: URL) -> Manifest? {
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(manifestName).path),
              let manifest = try? JSONDecoder().decode(Manifest.self, from: data),
              manifest.files.count == manifest.sizes.count else { return nil }
        for (file, size) in zip(manifest.files, manifest.sizes) {
            let attributes = try? FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(file).path)
            guard (attributes?[.size] as? NSNumber)?.intValue == size else { return nil }
        }
        return manifest
    }

    /// Writes the manifest for files just written into `folder`.
    static func record(key: String, outputs: [OutputFile], in folder: URL) throws {
        let manifest = Manifest(key: key, files: outputs.map(\.path), sizes: outputs.map(\.bytes.count))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        // Not flushed to disk: a manifest lost in a power cut only means the guide is built again.
        try AtomicFileWriter.write(Array(try encoder.encode(manifest)), to: folder.appendingPathComponent(manifestName), durable: false)
    }
}

private extension BuildCache {
    static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { String(format: "%02x", $0) }.joined()
    }

    /// The running program's path, size and modification time: a rebuilt Waymark rebuilds everything.
    static func executableIdentity() -> String {
        let path = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments.first ?? ""
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        let size = (attributes?[.size] as? NSNumber)?.intValue ?? 0
        let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "binary \(path) \(size) \(modified)"
    }

    /// A digest of every file under `folder` (names, sizes and contents), in name order.
    static func digest(ofFolder folder: URL?, skipping skip: (String) -> Bool = { _ in false }) -> String {
        guard let folder, let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else { return "-" }
        var entries: [(String, URL)] = []
        while let url = enumerator.nextObject() as? URL {
            let relative = String(url.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count))
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true, !skip(relative) else { continue }
            entries.append((relative, url))
        }
        var bytes: [UInt8] = []
        for (relative, url) in entries.sorted(by: { Array($0.0.utf8).lexicographicallyPrecedes(Array($1.0.utf8)) }) {
            let content = FileManager.default.contents(atPath: url.path) ?? Data()
            bytes += Array("\(relative) \(content.count)\n".utf8)
            bytes += StableIdentifier.sha1(Array(content))
        }
        return hex(StableIdentifier.sha1(bytes))
    }
}
