import Foundation
import WaymarkModel

/// Turns a Word file or a web page into a draft guide: the guide source (through
/// ``GuideSourceWriter``), its pictures with their file names in `pictures/`, and what a
/// person must decide, each written into the draft where it belongs as a `TO DO` comment
/// (which the `to-do` check then reports until it is dealt with).
///
/// It reads but never writes: the command writes the files the ``Draft`` holds.
public struct Importer: Sendable {
    /// The kinds of file it reads.
    public enum Kind: String, Sendable, CaseIterable {
        case docx, html

        /// The kind of `file`, by its extension.
        public init?(file: URL) {
            switch file.pathExtension.lowercased() {
            case "docx": self = .docx
            case "html", "htm", "xhtml": self = .html
            default: return nil
            }
        }

        /// The largest input of this kind, checked before it is read.
        public var maximumSize: Int {
            switch self {
            case .docx: return DocxReader.maximumSize
            case .html: return HTMLPageReader.maximumSize
            }
        }
    }

    /// A picture file to save beside the guide.
    public struct PictureFile: Sendable, Equatable {
        /// Where it goes.
        public var url: URL
        /// Its path in messages (`Guides/pictures/x.png`).
        public var displayPath: String
        /// Its bytes.
        public var bytes: [UInt8]
        /// Whether a file with exactly these bytes is already there (nothing to write).
        public var alreadyThere: Bool
    }

    /// What an import makes of one file.
    public struct Draft: Sendable {
        /// The input as the user named it.
        public var input: String
        /// The guide's slug.
        public var slug: String
        /// Where the draft goes, and its path in messages.
        public var guideURL: URL
        public var displayPath: String
        /// The draft's text.
        public var text: String
        /// The pictures to save first.
        public var pictures: [PictureFile]
        /// What a person must decide, in the order the draft has them.
        public var notes: [ImportNote]
        /// For each note, the line of the draft its `TO DO` is on.
        public var noteLines: [Int]
        /// The guide as imported, which the draft must read back as.
        public var guide: Guide
    }

    /// How a draft read back.
    public enum Verification: Sendable, Equatable {
        /// As the same guide.
        case same
        /// As another guide: where the first difference is.
        case differs(String)
        /// Not at all: the reader's errors.
        case unreadable([Diagnostic])
    }

    /// The folder the draft and its `pictures/` go into.
    public var guidesFolder: URL
    /// That folder as messages show it (`Guides`).
    public var guidesDisplay: String
    /// The project's settings (a publisher and language for the front matter).
    public var project: ProjectConfiguration
    /// The date a draft is given as its `published:` until someone decides.
    public var today: GuideDate

    /// Creates an importer writing into `guidesFolder`.
    public init(guidesFolder: URL, guidesDisplay: String, project: ProjectConfiguration = ProjectConfiguration(), today: GuideDate) {
        self.guidesFolder = guidesFolder
        self.guidesDisplay = guidesDisplay
        self.project = project
        self.today = today
    }

    /// Reads `file` (named `displayPath` in messages) and makes its draft, named `slug` or after the file.
    public func draft(file: URL, displayPath: String, slug: String? = nil) throws(ImportFailure) -> Draft {
        guard let kind = Kind(file: file) else {
            throw ImportFailure(
                at: ImportLocation(file: displayPath), "Waymark imports Word documents (.docx) and web pages (.html); this file is neither",
                hint: "save it from its program as a Word document (.docx) or a web page (.html) and import that")
        }
        let bytes: [UInt8]
        do {
            bytes = try BoundedFile.read(file, limit: kind.maximumSize)
        } catch {
            let why: String
            switch error {
            case .tooLarge(let size):
                why = "it is \(GuideReader.describe(size: size)); the largest \(kind == .docx ? "Word file" : "web page") Waymark imports is \(kind.maximumSize >> 20) MB"
            case .notAFile: why = "it is not a plain file (it is a folder, a pipe or a device)"
            case .unreadable(let reason): why = reason
            }
            throw ImportFailure(
                at: ImportLocation(file: displayPath), "the file could not be imported: \(why)",
                hint: kind == .docx && why.contains("MB") ? "split the document into smaller ones, or make its pictures smaller (in Word: File, Compress Pictures)"
                    : "check the file's name and that it can be read")
        }
        let result: ImportResult
        switch kind {
        case .docx: result = try DocxReader().read(bytes: bytes, file: displayPath)
        case .html: result = try HTMLPageReader().read(bytes: bytes, file: displayPath, folder: file.deletingLastPathComponent())
        }
        let name = slug ?? Importer.slug(for: file.deletingPathExtension().lastPathComponent)
        return try draft(of: result, input: displayPath, slug: name)
    }

    /// The draft of what a reader made of the file `input`.
    public func draft(of result: ImportResult, input: String, slug: String) throws(ImportFailure) -> Draft {
        let guideURL = guidesFolder.appendingPathComponent(slug + ".md")
        let displayPath = guidesDisplay.isEmpty ? slug + ".md" : "\(guidesDisplay)/\(slug).md"
        // Pictures: a file name of their own in pictures/, or the same file when it is already there.
        var pictures: [PictureFile] = []
        var sources: [String: String] = [:]
        var resources: [String: Resource] = [:]
        var taken: Set<String> = []
        for picture in result.pictures {
            let stem = (picture.originalName as NSString).deletingPathExtension
            let ext = picture.mediaType == "image/png" ? "png" : picture.mediaType == "image/jpeg" ? "jpg" : "svg"
            let base = PictureResolver.portableFileName("\(slug)-\(stem).\(ext)")
            var name = base
            var counter = 2
            var alreadyThere = false
            while true {
                let url = guidesFolder.appendingPathComponent("pictures/\(name)")
                if !taken.contains(name.lowercased()) {
                    if !FileManager.default.fileExists(atPath: url.path) { break }
                    if AtomicFileWriter.holds(url, exactly: picture.bytes) { alreadyThere = true; break }
                }
                name = "\((base as NSString).deletingPathExtension)-\(counter).\(ext)"
                counter += 1
            }
            taken.insert(name.lowercased())
            let path = "pictures/\(name)"
            sources[picture.source] = path
            resources[path] = Resource(mediaType: picture.mediaType, bytes: picture.bytes, fileName: name)
            pictures.append(PictureFile(
                url: guidesFolder.appendingPathComponent(path), displayPath: guidesDisplay.isEmpty ? path : "\(guidesDisplay)/\(path)",
                bytes: picture.bytes, alreadyThere: alreadyThere))
        }
        let blocks = result.blocks.map { Importer.renamingPictures($0, sources) }
        var notes = result.notes
        let (metadata, frontMatterNotes) = metadata(result.properties, blocks: blocks, input: input)
        notes = frontMatterNotes + notes
        let chapters = GuideReader.chapters(from: blocks, file: displayPath)
        let guide = Guide(slug: slug, sourcePath: displayPath, metadata: metadata, chapters: chapters, resources: resources)
        var comments = GuideSourceWriter.Comments()
        for note in notes {
            let text = "\(ToDoRule.marker): \(note.message)"
            switch note.place {
            case .frontMatter(let key): comments.frontMatter[key, default: []].append(text)
            case .block(let index): comments.blocks[index, default: []].append(text)
            }
        }
        if let creator = result.properties.creator, project.publisher != nil {
            comments.frontMatter["publisher", default: []].append("The file says it was written by \(creator).")
        }
        let text = GuideSourceWriter().write(guide, comments: comments)
        guard text.utf8.count <= GuideReader.maximumSize else {
            throw ImportFailure(
                at: ImportLocation(file: input), "the draft would be \(GuideReader.describe(size: text.utf8.count)); the largest guide Waymark reads is \(GuideReader.maximumSize >> 20) MB",
                hint: "split the document into several guides (one topic each); a long guide is about 50 KB")
        }
        let ordered = Importer.ordered(notes)
        return Draft(
            input: input, slug: slug, guideURL: guideURL, displayPath: displayPath, text: text, pictures: pictures,
            notes: ordered, noteLines: Importer.lines(of: ordered, in: text), guide: guide)
    }

    /// Reads the draft back (its pictures must be saved first) and compares it with what was imported.
    public func verify(_ draft: Draft) -> Verification {
        let reader = GuideReader(guidesRoot: guidesFolder)
        let read: Guide
        do {
            read = try reader.read(bytes: Array(draft.text.utf8), slug: draft.slug, displayPath: draft.displayPath, folder: guidesFolder)
        } catch {
            return .unreadable(error.diagnostics)
        }
        let before = draft.guide.withoutLocations(), after = read.withoutLocations()
        if before == after { return .same }
        if before.metadata != after.metadata { return .differs("the front matter") }
        if before.resources != after.resources { return .differs("the pictures") }
        for (index, (one, other)) in zip(before.chapters, after.chapters).enumerated() where one != other {
            let heading = one.heading.map { " ('\(Inline.plainText($0.content))')" } ?? ""
            let block = Array(zip(one.blocks, other.blocks)).firstIndex { $0.0 != $0.1 }.map { ", block \($0 + 1)" } ?? ""
            return .differs("chapter \(index + 1)\(heading)\(block)")
        }
        return .differs("the number of chapters")
    }

    /// A slug for a file name: lower case letters and digits, `-` between words (`Bullying Guide (2024)` → `bullying-guide-2024`).
    public static func slug(for name: String) -> String {
        let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        var slug = ""
        for scalar in folded.unicodeScalars {
            if scalar.isASCII, CharacterSet.alphanumerics.contains(scalar) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.isEmpty, !slug.hasSuffix("-") {
                slug += "-"
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return slug.isEmpty ? "imported-guide" : String(slug.prefix(80))
    }

    /// Whether `slug` can name a guide file: what ``slug(for:)`` makes.
    public static func isValidSlug(_ slug: String) -> Bool {
        !slug.isEmpty && slug.count <= 80 && slug == Importer.slug(for: slug)
    }
}

// MARK: - Front matter

private extension Importer {
    /// The front matter: what the document says, the project's settings, and a `TO DO` for each
    /// key nobody could fill (a required one gets a value the `to-do` check still reports).
    func metadata(_ properties: DocumentProperties, blocks: [Block], input: String) -> (Metadata, [ImportNote]) {
        let place = ImportLocation(file: input)
        var notes: [ImportNote] = []
        func todo(_ key: String, _ message: String) {
            notes.append(ImportNote(at: place, message, place: .frontMatter(key: key)))
        }
        let firstHeading = blocks.lazy.compactMap { block -> String? in
            if case .heading(let heading) = block.kind { return Inline.plainText(heading.content) }
            return nil
        }.first
        let title: String
        if let given = properties.title {
            title = given
        } else if let firstHeading {
            title = firstHeading
            todo("title", "the file has no title, so the first heading is used: check it is the guide's title")
        } else {
            title = (input as NSString).lastPathComponent.components(separatedBy: ".").first ?? "Imported guide"
            todo("title", "the file has no title, so its file name is used: write the guide's title")
        }
        var language = properties.language.flatMap { LanguageRule.isWellFormed($0) ? $0 : nil }
        if language == nil {
            language = project.language
            todo("language", project.language == nil
                 ? "the file does not say its language: 'en-GB' (British English) is written here; change it if the guide is in another language"
                 : "the file does not say its language, so waymark.yml's is used: check it is the guide's")
        }
        var publisher = project.publisher
        if publisher == nil {
            let writer = properties.creator.map { " (the file says it was written by \($0))" } ?? ""
            todo("publisher", "write who publishes this guide, such as your council or safeguarding partnership\(writer)")
            publisher = ToDoRule.marker
        }
        todo("published", "write the date this guide is published (year-month-day); today's date is here for now")
        var summary = properties.description
        if summary == nil {
            todo("summary", "write one or two sentences saying what the guide is about and who it is for")
            summary = ToDoRule.marker
        }
        todo("audience", "add a line 'audience: …' saying who the guide is for, such as 'Young people aged 11 to 17'")
        let metadata = Metadata(
            title: title, subtitle: properties.subject, language: language ?? "en-GB", publisher: publisher ?? ToDoRule.marker,
            published: today, summary: summary ?? ToDoRule.marker, keywords: properties.keywords)
        return (metadata, notes)
    }

    /// Notes in the order their comments are in the draft: front matter (in its keys' order), then the blocks.
    static func ordered(_ notes: [ImportNote]) -> [ImportNote] {
        notes.enumerated().sorted { first, second in
            func rank(_ note: ImportNote) -> (Int, Int) {
                switch note.place {
                case .frontMatter(let key): return (-1, FrontMatter.keys.firstIndex(of: key) ?? FrontMatter.keys.count)
                case .block(let index): return (index, 0)
                }
            }
            return (rank(first.element).0, rank(first.element).1, first.offset) < (rank(second.element).0, rank(second.element).1, second.offset)
        }.map(\.element)
    }

    /// The draft line of each note's `TO DO`, found in order.
    static func lines(of notes: [ImportNote], in text: String) -> [Int] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var cursor = 0
        return notes.map { note in
            let marker = "\(ToDoRule.marker): \(note.message.prefix(40).prefix { $0 != "\"" && $0 != "\\" })"
            var index = cursor
            while index < lines.count, !lines[index].contains(marker) { index += 1 }
            guard index < lines.count else { return 1 }
            cursor = index + 1
            return index + 1
        }
    }

    /// `block` with every picture's provisional source replaced by its file's path.
    static func renamingPictures(_ block: Block, _ sources: [String: String]) -> Block {
        var copy = block
        switch block.kind {
        case .picture(var picture):
            if let path = sources[picture.source] {
                picture.source = path
                picture.resource = path
            }
            copy.kind = .picture(picture)
        case .list(var list):
            list.items = list.items.map { $0.map { renamingPictures($0, sources) } }
            copy.kind = .list(list)
        case .quote(let blocks):
            copy.kind = .quote(blocks.map { renamingPictures($0, sources) })
        case .callout(var callout):
            callout.blocks = callout.blocks.map { renamingPictures($0, sources) }
            copy.kind = .callout(callout)
        case .heading, .paragraph, .table, .contact, .writeSpace, .easyRead:
            break
        }
        return copy
    }
}
