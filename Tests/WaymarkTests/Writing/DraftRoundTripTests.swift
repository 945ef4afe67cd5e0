import Foundation
import Testing
@testable import Waymark
import WaymarkModel

/// Many drafts made of random runs (words, spaces, every character Markdown gives a meaning,
/// bold, italic, links, line breaks, phone numbers) in paragraphs, headings, list items and
/// table cells, as a Word file or a web page gives them: each reads back as the same guide.
/// The random numbers come from a fixed seed, so the drafts are the same every run.
@Suite struct DraftRoundTripTests {
    /// SplitMix64: a small generator whose numbers depend only on the seed.
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var value = state
            value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
            value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
            return value ^ (value >> 31)
        }
    }

    static let pieces = [
        "word", "Childline", " ", "  ", "*", "**", "_", "`", "[", "]", "(", ")", "<", ">", "&", "&amp;", "&#32;", "#", "##", "-",
        "- ", "+ ", "1.", "2)", ":::", ":::note", "\\", "|", "!", "![", "\"", "'", "’", ".", ",", ":", "=", "===", "---", "~~~",
        "0800 1111", "999", "01926 414144", "é", "日本", "\t", "x", "https://www.example.org", "TO DO",
    ]

    static func spans(_ random: inout Seeded, count: Int) -> [TextSpan] {
        let place = Location(file: "random.docx", line: 1, column: 1)
        let links = [nil, nil, nil, "https://www.childline.org.uk/", "mailto:help@example.org", "#a-heading"]
        var result: [TextSpan] = []
        var link: String?
        for _ in 0..<count {
            if Int.random(in: 0..<12, using: &random) == 0 {
                result.append(TextSpan(.lineBreak, at: place))
                continue
            }
            if Int.random(in: 0..<5, using: &random) == 0 { link = links.randomElement(using: &random) ?? nil }
            let text = pieces.randomElement(using: &random) ?? "word"
            result.append(TextSpan(.text(text), strong: Bool.random(using: &random) && Bool.random(using: &random),
                                   emphasis: Int.random(in: 0..<3, using: &random) == 0, link: link, at: place))
        }
        return result
    }

    @Test(arguments: 0..<16)
    func randomDraftsReadBack(_ batch: Int) throws {
        var random = Seeded(state: UInt64(batch) &* 7919 &+ 17)
        let folder = try GuideFolder()
        let place = Location(file: "random.docx", line: 1, column: 1)
        for round in 0..<40 {
            var blocks: [Block] = [Block(.heading(Heading(level: 1, content: [Inline(.text("A heading"), at: place)], id: "")), at: place)]
            for _ in 0..<6 {
                let spans = Self.spans(&random, count: Int.random(in: 1..<14, using: &random))
                switch Int.random(in: 0..<4, using: &random) {
                case 0:
                    let content = InlineAssembler.inlines(spans, recognise: false, breaks: false)
                    if !content.isEmpty { blocks.append(Block(.heading(Heading(level: Int.random(in: 2...6, using: &random), content: content, id: "")), at: place)) }
                case 1:
                    let cells = (0..<4).map { _ in
                        TableShaper.cell([Block(.paragraph(InlineAssembler.inlines(Self.spans(&random, count: 4), recognise: true)), at: place)])
                    }
                    blocks += TableShaper.blocks([Array(cells[0..<2]), Array(cells[2..<4])], markedHeader: true, merged: false, at: place).blocks
                case 2:
                    let items = (0..<3).map { _ in [Block(.paragraph(InlineAssembler.inlines(Self.spans(&random, count: 5), recognise: true)), at: place)] }
                        .filter { block in if case .paragraph(let inlines) = block[0].kind { return !inlines.isEmpty } else { return false } }
                    if !items.isEmpty { blocks.append(Block(.list(ListBlock(ordered: Bool.random(using: &random), start: 0, items: items)), at: place)) }
                default:
                    let content = InlineAssembler.inlines(spans, recognise: true)
                    if !content.isEmpty { blocks.append(Block(.paragraph(content), at: place)) }
                }
            }
            let result = ImportResult(blocks: blocks, properties: DocumentProperties(title: "Random \(batch).\(round)"), pictures: [], notes: [])
            let importer = Importer(guidesFolder: folder.root, guidesDisplay: "Guides", today: GuideDate(year: 2026, month: 12, day: 1))
            var fixed = result
            InternalLinks.resolve(&fixed, anchors: ["a-heading": 0], places: [])
            let draft = try importer.draft(of: fixed, input: "random.docx", slug: "random")
            let verification = importer.verify(draft)
            if verification != .same {
                var detail = ""
                if let read = try? GuideReader(guidesRoot: folder.root).read(bytes: Array(draft.text.utf8), slug: "random", displayPath: draft.displayPath, folder: folder.root) {
                    let before = draft.guide.withoutLocations().chapters.flatMap(\.blocks), after = read.withoutLocations().chapters.flatMap(\.blocks)
                    if let (one, other) = zip(before, after).first(where: { $0 != $1 }) { detail = "imported: \(Self.shown(one))\nread:     \(Self.shown(other))" }
                }
                Issue.record("\(verification)\n\(detail)\n\(draft.text)")
                return
            }
        }
    }

    static func shown(_ block: Block) -> String {
        "\(block.kind)".replacingOccurrences(of: "WaymarkModel.", with: "").replacingOccurrences(of: ", location: :1:1)", with: ")")
            .replacingOccurrences(of: "Inline(kind: Inline.Kind.", with: "").replacingOccurrences(of: "Block(kind: Block.Kind.", with: "")
    }
}
