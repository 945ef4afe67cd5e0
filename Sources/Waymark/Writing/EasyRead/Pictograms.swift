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

        enum CodingKeys: String, CodingKey {
            case file, alt, words
            case phoneNumber = "phone-number"
        }
    }

    /// An error in the pictogram list.
    public struct LoadError: Error, CustomStringConvertible {
        /// What is wrong, naming the file.
        public var description: String
    }

    /// Reads `pictograms.yml` and its SVG files from `folder`; an empty set when there is no list.
    public static func load(from folder: URL) throws -> PictogramSet {
        let list = folder.appendingPathComponent("pictograms.yml")
        guard let data = FileManager.default.contents(atPath: list.path) else { return PictogramSet() }
        let listed: [ListEntry]
        do {
            let source = try SourceText(file: list.path, bytes: Array(data))
            let yaml = YAMLReader(source: source, lineOffset: 0)
            guard let root = try yaml.compose(source.text(lines: 1...max(source.lines.count, 1))) else { return PictogramSet() }
            listed = try YAMLDecoder().decode([ListEntry].self, from: root)
        } catch let failure as GuideReadFailure {
            throw LoadError(description: failure.diagnostics.map { "\($0.location): \($0.message)" }.joined(separator: "; "))
        } catch let diagnostic as Diagnostic {
            throw LoadError(description: "\(diagnostic.location): \(diagnostic.message)")
        } catch {
            throw LoadError(description: "\(list.path): the list could not be read (\(error))")
        }
        var entries: [Entry] = []
        for item in listed {
            guard !item.file.contains("/"), item.file.hasSuffix(".svg"),
                  let bytes = FileManager.default.contents(atPath: folder.appendingPathComponent(item.file).path) else {
                throw LoadError(description: "\(list.path): the pictogram '\(item.file)' is not an SVG file in \(folder.path)")
            }
            entries.append(Entry(
                file: item.file, alt: item.alt, words: (item.words ?? []).map { $0.lowercased() },
                phoneNumber: item.phoneNumber ?? false, bytes: Array(bytes)))
        }
        return PictogramSet(entries: entries)
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
        text.lowercased().split { !($0.isLetter || $0.isNumber || $0 == "'" || $0 == "’") }.map(String.init)
    }
}
