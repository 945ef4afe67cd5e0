import Foundation
import WaymarkModel

/// Reads a guide file into the document model, or says exactly what is wrong and where.
public struct GuideReader: Sendable {
    /// The largest guide file accepted, in bytes (a long guide is about 50 KB).
    public static let maximumSize = 4 * 1024 * 1024

    /// The folder that holds the guides; pictures may not leave it.
    public var guidesRoot: URL
    /// The formats a guide's `formats:` may name: the writers the build has.
    public var formatIDs: [String]

    /// Creates a reader for guides under `guidesRoot`, accepting the formats of `writers`.
    public init(guidesRoot: URL, writers: [any Writer] = WriterRegistry.all) {
        self.guidesRoot = guidesRoot
        self.formatIDs = writers.map(\.formatID)
    }

    /// Reads the guide at `file`, naming it `displayPath` in messages.
    public func read(file: URL, displayPath: String) throws(GuideReadFailure) -> Guide {
        let bytes = try GuideReader.bytes(of: file, displayPath: displayPath)
        let slug = file.deletingPathExtension().lastPathComponent
        return try read(bytes: bytes, slug: slug, displayPath: displayPath, folder: file.deletingLastPathComponent())
    }

    /// The bytes of the guide at `file` (at most ``maximumSize``), or why they cannot be read.
    public static func bytes(of file: URL, displayPath: String) throws(GuideReadFailure) -> [UInt8] {
        let start = Location(file: displayPath, line: 1, column: 1)
        do {
            return try BoundedFile.read(file, limit: GuideReader.maximumSize)
        } catch {
            switch error {
            case .tooLarge(let size):
                throw GuideReadFailure([.error(
                    at: start, "the guide is \(GuideReader.describe(size: size)); the largest guide Waymark reads is \(GuideReader.maximumSize / 1024 / 1024) MB",
                    hint: "split it into several guides (one topic each); a long guide is about 50 KB")])
            case .notAFile:
                throw GuideReadFailure([.error(
                    at: start, "the guide is not a plain file (it is a folder, a pipe or a device)",
                    hint: "a guide must be a Markdown text file; remove or rename this one")])
            case .unreadable(let reason):
                throw GuideReadFailure([.error(at: start, "the guide could not be read: \(reason)", hint: "check that the file exists and can be read")])
            }
        }
    }

    private func start(_ displayPath: String) -> Location {
        Location(file: displayPath, line: 1, column: 1)
    }

    /// A file size in words, rounded up to a tenth so that a size over a limit never reads as
    /// the limit itself: "20 MB", "4.1 MB", "900 KB".
    static func describe(size: Int) -> String {
        let megabyte = 1024 * 1024
        guard size >= megabyte else { return "\(max((size + 1023) / 1024, 1)) KB" }
        let tenths = (size * 10 + megabyte - 1) / megabyte
        return tenths % 10 == 0 ? "\(tenths / 10) MB" : "\(tenths / 10).\(tenths % 10) MB"
    }

    /// Reads only the front matter of `bytes` (the guide `displayPath`): what a build needs to know
    /// of every guide before it builds any (its language, and which guide it translates).
    public func metadata(bytes: [UInt8], displayPath: String) throws(GuideReadFailure) -> Metadata {
        let source: SourceText
        do {
            source = try SourceText(file: displayPath, bytes: bytes)
        } catch {
            throw GuideReadFailure([error])
        }
        return try FrontMatterReader(source: source, formatIDs: formatIDs).read().metadata
    }

    /// Reads a guide from `bytes`, as if it were the file `displayPath` in `folder`.
    public func read(bytes: [UInt8], slug: String, displayPath: String, folder: URL) throws(GuideReadFailure) -> Guide {
        let source: SourceText
        do {
            source = try SourceText(file: displayPath, bytes: bytes)
        } catch {
            throw GuideReadFailure([error])
        }
        if source.lines.allSatisfy({ $0.allSatisfy(\.isWhitespace) }) {
            throw GuideReadFailure([.error(
                at: start(displayPath), "the guide is empty",
                hint: "a guide starts with its front matter (a line '---', then 'title:', 'language:' and the other keys, then '---'); see docs/writing-guides.md")])
        }
        if bytes.contains(0) {
            let line = source.lines.firstIndex { $0.unicodeScalars.contains("\0") }.map { $0 + 1 } ?? 1
            throw GuideReadFailure([.error(
                at: source.location(line: line, column: 1), "the file holds binary data, not text",
                hint: "a guide must be a plain text (Markdown) file; check this is the right file")])
        }
        var (metadata, cover, bodyStart) = try FrontMatterReader(source: source, formatIDs: formatIDs).read()
        let pictures = PictureResolver(guidesRoot: guidesRoot, guideFolder: folder)
        var diagnostics: [Diagnostic] = []
        if let cover {
            switch pictures.resolve(cover.path, at: cover.location) {
            case .success(let key): metadata.cover = Picture(alt: "", source: cover.path, resource: key)
            case .failure(let diagnostic): diagnostics.append(diagnostic)
            }
        }
        let segments = try DirectiveSplitter.split(source, from: bodyStart)
        let recognizer = InlineRecognizer(glossary: metadata.glossary, abbreviations: metadata.abbreviations)
        var body = BodyReader(source: source, recognizer: recognizer, pictures: pictures)
        let blocks = body.blocks(of: segments)
        diagnostics += body.diagnostics
        guard diagnostics.isEmpty else { throw GuideReadFailure(diagnostics.sorted { $0.location < $1.location }) }
        let chapters = GuideReader.chapters(from: blocks, file: displayPath)
        return Guide(slug: slug, sourcePath: displayPath, metadata: metadata, chapters: chapters, resources: pictures.resources)
    }
}

// MARK: - Chapters

extension GuideReader {
    /// Splits blocks into chapters at each level-1 heading, giving every heading a unique id.
    static func chapters(from blocks: [Block], file: String) -> [Chapter] {
        var chapters: [Chapter] = []
        var ids = IDMaker(reserved: IDMaker.writerReserved)
        var headings = 0
        for var block in blocks {
            if case .heading(var heading) = block.kind {
                headings += 1
                heading.id = ids.make(Inline.plainText(heading.content), fallback: "section-\(headings)")
                if heading.level == 1 {
                    chapters.append(Chapter(heading: heading, blocks: [], location: block.location))
                    continue
                }
                block.kind = .heading(heading)
            }
            if chapters.isEmpty {
                chapters.append(Chapter(heading: nil, blocks: [], location: block.location))
            }
            chapters[chapters.count - 1].blocks.append(block)
        }
        return chapters
    }
}
