import Foundation
import WaymarkModel
import Yams

/// The easy-read pictograms of `Styles/pictograms/`: SVG files and the words that choose them.
public struct PictogramSet: Hashable, Sendable {
    /// One pictogram and the words that choose it.
    public struct Entry: Hashable, Sendable {
        /// The SVG file name.
        public var file: String
        /// Its alt text.
        public var alt: String
        /// Lower-case words that choose it.
        public var words: [String]
        /// Whether a row with a phone number gets it.
        public var phoneNumber: Bool
        /// The SVG bytes.
        public var bytes: [UInt8]
    }

    /// The entries in the order the list gives them (the first match wins).
    public var entries: [Entry] {
        didSet { firstEntry = PictogramSet.index(entries) }
    }
    /// Each word that chooses a pictogram → the first entry it chooses.
    private var firstEntry: [String: Int]

    /// Creates a set.
    public init(entries: [Entry] = []) {
        self.entries = entries
        self.firstEntry = PictogramSet.index(entries)
    }

    private static func index(_ entries: [Entry]) -> [String: Int] {
        var index: [String: Int] = [:]
        for (position, entry) in entries.enumerated() {
            for word in entry.words where index[word] == nil { index[word] = position }
        }
        return index
    }

    private struct ListEntry: Decodable {
        var file: String
        var alt: String
        var words: [String]?
        var phoneNumber: Bool?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case file, alt, words
            case phoneNumber = "phone-number"
        }
    }

    /// An error in the pictogram list.
    public struct LoadError: Error, CustomStringConvertible {
        /// What is wrong, each at its `file:line:column`.
        public var diagnostics: [Diagnostic]

        /// What is wrong, naming the file and line.
        public var description: String {
            diagnostics.map { "\($0.location): \($0.message)" }.joined(separator: "; ")
        }
    }

    /// One entry of a pictogram list, with where it is written.
    struct Listing: Hashable, Sendable {
        /// The SVG file name.
        var file: String
        var alt: String
        /// Lower-case words that choose it.
        var words: [String]
        var phoneNumber: Bool
        /// The entry's place in the list.
        var location: Location
    }

    /// Reads `pictograms.yml` and its SVG files from `folder`; an empty set when there is no list.
    public static func load(from folder: URL) throws(LoadError) -> PictogramSet {
        let list = folder.appendingPathComponent(StyleSet.pictogramList)
        guard let data = FileManager.default.contents(atPath: list.path) else { return PictogramSet() }
        return try PictogramSet(try listing(Array(data), file: list.path)) { name in
            FileManager.default.contents(atPath: folder.appendingPathComponent(name).path).map(Array.init)
        }
    }

    /// The entries of a pictogram list (`bytes`, shown as `file` in messages), in its order.
    static func listing(_ bytes: [UInt8], file: String) throws(LoadError) -> [Listing] {
        do {
            let source = try SourceText(file: file, bytes: bytes)
            let yaml = YAMLReader(source: source, lineOffset: 0)
            // The last line is empty when the file ends with a line break: leave it out, or an error
            // at the end of the file would point one line past it.
            let lines = source.lines.count - (source.lines.count > 1 && source.lines.last == "" ? 1 : 0)
            guard let root = try yaml.compose(source.text(lines: 1...max(lines, 1))) else { return [] }
            let entries = try yaml.decode([ListEntry].self, from: root) { path in
                path.isEmpty ? "the pictogram list" : "this pictogram entry"
            }
            // The list is a sequence (decoding has made sure); each entry's own node gives its line.
            let nodes = root.sequence.map(Array.init) ?? []
            var unknown: [Diagnostic] = []
            for case .mapping(let mapping) in nodes {
                unknown += yaml.unknownKeys(in: mapping, allowed: ListEntry.CodingKeys.allCases.map(\.rawValue), noun: "pictogram key")
            }
            guard unknown.isEmpty else { throw GuideReadFailure(unknown) }
            return zip(entries, nodes).map { entry, node in
                Listing(
                    file: entry.file, alt: entry.alt, words: (entry.words ?? []).map { $0.lowercased() },
                    phoneNumber: entry.phoneNumber ?? false, location: yaml.location(of: node))
            }
        } catch let failure as GuideReadFailure {
            throw LoadError(diagnostics: failure.diagnostics)
        } catch let diagnostic as Diagnostic {
            throw LoadError(diagnostics: [diagnostic])
        } catch {
            throw LoadError(diagnostics: [.error(
                at: Location(file: file, line: 1, column: 1), "the list could not be read (\(error))",
                hint: "write one entry each with 'file:', 'alt:' and 'words:', as in the built-in pictograms.yml")])
        }
    }

    /// A set of the `listed` entries, each with the bytes `svg` gives for its file name.
    init(_ listed: [Listing], svg: (String) -> [UInt8]?) throws(LoadError) {
        var entries: [Entry] = []
        var problems: [Diagnostic] = []
        for item in listed {
            // A name with a slash could reach outside the pictograms folder.
            guard !item.file.contains("/"), item.file.hasSuffix(".svg"), let bytes = svg(item.file) else {
                problems.append(.error(
                    at: item.location, "the pictogram '\(item.file)' is not an SVG file in the pictograms folder",
                    hint: "put the SVG file beside pictograms.yml, or correct its name after 'file:'"))
                continue
            }
            entries.append(Entry(file: item.file, alt: item.alt, words: item.words, phoneNumber: item.phoneNumber, bytes: bytes))
        }
        guard problems.isEmpty else { throw LoadError(diagnostics: problems) }
        self.init(entries: entries)
    }

    /// The pictogram for a row with these words, if any word chooses one.
    func choose(for inlines: [Inline]) -> Entry? {
        var hasPhone = false
        Inline.forEach(in: inlines) { inline in
            if case .phone = inline.kind { hasPhone = true }
        }
        if hasPhone, let phone = entries.first(where: \.phoneNumber) { return phone }
        // An entry's word chooses it when the row has the word, or the word + "s" or + "es":
        // look each row word up as written and without those endings; the first entry wins.
        var best: Int?
        for word in PictogramSet.words(in: Inline.plainText(inlines)) {
            var stems = [word]
            if word.hasSuffix("s") { stems.append(String(word.dropLast())) }
            if word.hasSuffix("es") { stems.append(String(word.dropLast(2))) }
            for stem in stems {
                if let position = firstEntry[stem], position < (best ?? .max) { best = position }
            }
        }
        return best.map { entries[$0] }
    }

    static func words(in text: String) -> [String] {
        // ASCII on its bytes (issue #23: Unicode's letter test on every character was 1 % of a build).
        if let quick = text.utf8.withContiguousStorageIfAvailable(asciiWords), let words = quick { return words }
        return wordsByCharacter(in: text)
    }

    /// ``words(in:)`` of ASCII `bytes`, or nil when they are not all ASCII.
    static func asciiWords(_ bytes: UnsafeBufferPointer<UInt8>) -> [String]? {
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        var words: [String] = []
        var start: Int?
        for index in 0...bytes.count {
            let byte = index < bytes.count ? bytes[index] : 0
            let inWord = (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte == UInt8(ascii: "'")
            if inWord {
                if start == nil { start = index }
            } else if let first = start {
                words.append(String(decoding: bytes[first..<index].lazy.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }, as: UTF8.self))
                start = nil
            }
        }
        return words
    }

    /// ``words(in:)`` a character at a time, for text beyond ASCII.
    static func wordsByCharacter(in text: String) -> [String] {
        text.lowercased().split { !($0.isLetter || $0.isNumber || $0 == "'" || $0 == "’") }.map(String.init)
    }
}
