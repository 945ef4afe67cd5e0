import Foundation
import WaymarkModel

/// Collects what a reader of another format makes, block by block: the blocks, where each
/// came from, the pictures (checked as any picture is) and what a person must decide.
struct DraftBuilder {
    /// The most pictures one document may bring.
    static let maximumPictures = 500

    private(set) var blocks: [Block] = []
    /// Where each top-level block came from.
    private(set) var places: [ImportLocation] = []
    private(set) var notes: [ImportNote] = []
    private(set) var pictures: [ImportedPicture] = []
    /// Pictures already taken, by content: a document often shows the same picture twice.
    private var sourcesByContent: [[UInt8]: String] = [:]

    /// Adds a top-level block.
    mutating func append(_ block: Block, from place: ImportLocation) {
        blocks.append(block)
        places.append(place)
    }

    /// A note about what comes next: its comment goes before the next block.
    mutating func note(_ message: String, at place: ImportLocation) {
        notes.append(ImportNote(at: place, message, place: .block(blocks.count)))
    }

    /// A note about the block numbered `index` (its comment goes just before it; the block may
    /// not have been added yet).
    mutating func note(_ message: String, at place: ImportLocation, block index: Int) {
        notes.append(ImportNote(at: place, message, place: .block(index)))
    }

    /// A note for the front matter, above `key`.
    mutating func note(_ message: String, at place: ImportLocation, frontMatter key: String) {
        notes.append(ImportNote(at: place, message, place: .frontMatter(key: key)))
    }

    /// Takes a picture's bytes: the provisional source its ``Picture`` carries, or why it cannot be used.
    mutating func picture(_ bytes: [UInt8], name: String) -> Result<String, PictureRefusal> {
        if let source = sourcesByContent[bytes] { return .success(source) }
        guard pictures.count < DraftBuilder.maximumPictures else { return .failure(.tooMany) }
        switch PictureIntake.check(bytes, name: name) {
        case .failure(let refusal):
            return .failure(refusal)
        case .success(let (mediaType, safe)):
            let source = "import-picture-\(pictures.count + 1)"
            pictures.append(ImportedPicture(source: source, originalName: name, mediaType: mediaType, bytes: safe))
            sourcesByContent[bytes] = source
            return .success(source)
        }
    }

    /// The result, with a hint at each phone number to make it a contact card.
    mutating func finish(properties: DocumentProperties) -> ImportResult {
        var seen: Set<String> = []
        for (index, block) in blocks.enumerated() {
            var numbers: [String] = []
            var runs: [[Inline]] = []
            Block.forEach(in: [block]) { runs += $0.inlineRuns }
            for run in runs {
                Inline.forEach(in: run) { inline in
                    // 999, 101, 111…: emergency and public numbers, not a service to make a card for.
                    if case .phone(let number) = inline.kind, !PhoneNumbers.shortNumbers.contains(number.dial),
                       seen.insert(number.dial).inserted { numbers.append(number.display) }
                }
            }
            for run in runs {
                Inline.forEach(in: run) { inline in
                    guard case .link(_, let content) = inline.kind else { return }
                    let text = Inline.plainText(content).trimmingCharacters(in: .whitespaces)
                    let key = text.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ".:!?"))
                    if LinkTextRule.vague.contains(key) {
                        note("the link '\(text)' does not say where it goes: change its words to name the page, such as 'Childline's advice on bullying'",
                             at: places[index], block: index)
                    } else if key.hasPrefix("http://") || key.hasPrefix("https://") || key.hasPrefix("www.") {
                        note("the link's words are a web address ('\(DocxConversion.snippet(text))'), which a screen reader reads out letter by letter: "
                                + "change them to name the page", at: places[index], block: index)
                    }
                }
            }
            guard !numbers.isEmpty else { continue }
            let list = numbers.map { "'\($0)'" }.joined(separator: ", ")
            note("the text gives the phone number\(numbers.count == 1 ? "" : "s") \(list): if it is a service young people can "
                    + "call, make it a contact card (a ':::contact' block with its name, number, hours and cost; see docs/writing-guides.md)",
                 at: places[index], block: index)
        }
        return ImportResult(blocks: blocks, properties: properties, pictures: pictures, notes: notes)
    }
}
