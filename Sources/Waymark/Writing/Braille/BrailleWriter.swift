import Foundation
import WaymarkLouis
import WaymarkModel

/// Renders a guide as braille for embossing or a braille display: a Braille Ready Format
/// file in Unified English Braille (grade 2 by default), translated by liblouis.
///
/// The words are the plain text's (``TextRenderer``), so braille says what every other
/// format says; each paragraph is translated whole and its braille cells wrapped (never the
/// print characters). A title page (title, publisher and date, the braille code and the
/// number of braille pages) and a contents list with braille page numbers come first; the
/// pages are 40 cells by 25 lines unless `--braille-page` or `braille-page:` says otherwise.
/// The layout is described in `docs/braille.md`.
public struct BrailleWriter: Writer {
    /// `braille`.
    public let formatID = "braille"
    /// What the format is for.
    public let summary = "Braille Ready Format in Unified English Braille (grade 2, or grade 1), 40 cells by 25 lines, for embossers and braille displays."
    /// Who it is for.
    public let audience = "blind readers: embossed braille and braille displays"
    /// `<slug>.brf`.
    public let files = ["<slug>.brf"]
    /// Braille Ready Format, for an embosser or a braille display; its braille pages counted (form feeds).
    public let downloads = [
        Download(file: "<slug>.brf", name: .downloadBraille, about: .aboutBraille, kind: .name("BRF"), mediaType: "application/x-brf",
                 pages: { bytes in bytes.reduce(0) { $0 + ($1 == 0x0C ? 1 : 0) } }),
    ]
    /// The braille codes, by language.
    let codes: [BrailleCode]

    /// Creates the writer.
    public init() {
        codes = BrailleCode.builtIn
    }

    /// A writer with its own codes (for tests of a table that cannot be found).
    init(codes: [BrailleCode]) {
        self.codes = codes
    }

    /// Renders `guide` as `<slug>.brf`.
    public func write(_ guide: Guide, options: WriterOptions) throws -> [OutputFile] {
        let language = guide.metadata.language
        guard let code = BrailleCode.code(for: language, in: codes) else {
            throw BrailleCode.missing(language, formatID: formatID, codes: codes)
        }
        let grade = code.grade(closestTo: options.brailleGrade ?? .two)
        let page = options.braillePage ?? .standard
        let wrapper = BrailleWrapper(table: try code.table(for: grade, formatID: formatID), width: page.cells, formatID: formatID)
        let labels = options.labels.labels(for: language)
        var renderer = TextRenderer(guide: guide, labels: labels, versions: options.versions, bullet: "\u{2022} ")
        renderer.renderBody()
        var book = BrailleBook(guide: guide, labels: labels, versions: options.versions, grade: grade, wrapper: wrapper, pages: BraillePages(page: page))
        return [OutputFile(path: "\(guide.slug).brf", bytes: try book.file(body: renderer.lines))]
    }
}

// MARK: - The book

/// The parts of a braille guide: title page, contents and text, and the page numbers that tie them.
private struct BrailleBook {
    let guide: Guide
    let labels: Labels
    let versions: [GuideVersion]
    let grade: BrailleGrade
    let wrapper: BrailleWrapper
    let pages: BraillePages
    /// The headings listed in the contents, in order.
    var entries: [String] = []
    /// Page numbers in braille, by number.
    var numbers: [Int: [UInt8]] = [:]

    init(guide: Guide, labels: Labels, versions: [GuideVersion], grade: BrailleGrade, wrapper: BrailleWrapper, pages: BraillePages) {
        self.guide = guide
        self.labels = labels
        self.versions = versions
        self.grade = grade
        self.wrapper = wrapper
        self.pages = pages
    }

    /// The whole file. The text is laid out once; the title page (which counts every page) and
    /// the contents (which give the page each part starts on) are laid out until the numbers
    /// they print no longer change how many pages they take.
    mutating func file(body: [TextLine]) throws(WriterError) -> [UInt8] {
        let text = pages.paginate(try lines(of: [TextLine(text: guide.metadata.summary, role: .paragraph), .blank] + body))
        var titleCount = 1
        var contentsCount = entries.count > 1 ? 1 : 0
        var front: (title: [[[UInt8]]], contents: [[[UInt8]]]) = ([], [])
        for _ in 0..<8 {
            let total = titleCount + contentsCount + text.pages.count
            let first = titleCount + contentsCount + 1
            front.title = pages.paginate(try titlePage(pageCount: total)).pages
            if entries.count > 1 {
                var numbered: [[UInt8]] = []
                for index in entries.indices { numbered.append(try number(first + (text.anchors[index] ?? 0))) }
                front.contents = pages.paginate(try contents(numbers: numbered)).pages
            } else {
                front.contents = []
            }
            if front.title.count == titleCount && front.contents.count == contentsCount { break }
            titleCount = front.title.count
            contentsCount = front.contents.count
        }
        let runningTitle = try wrapper.cells(guide.metadata.title)
        return try pages.file(front.title + front.contents + text.pages, runningTitle: runningTitle, untitled: front.title.count) { number throws(WriterError) in
            try self.number(number)
        }
    }

    /// `number` in braille digits, translated once.
    mutating func number(_ number: Int) throws(WriterError) -> [UInt8] {
        if let cells = numbers[number] { return cells }
        let cells = try wrapper.cells(String(number))
        numbers[number] = cells
        return cells
    }

    /// The title page: title and subtitle, who it is for, who it is from and when, the braille
    /// code and the number of braille pages, and the other languages it is in; all centred.
    func titlePage(pageCount: Int) throws(WriterError) -> [BraillePages.Line] {
        let metadata = guide.metadata
        var lines: [BraillePages.Line] = [.blank]
        lines += try centred(metadata.title)
        if let subtitle = metadata.subtitle { lines += try centred(subtitle) }
        lines.append(.blank)
        if let audience = GuideText.audienceLine(metadata, labels) { lines += try centred(audience) + [.blank] }
        lines += try centred(GuideText.publisherLine(metadata, labels)) + [.blank]
        lines += try centred(labels(.brailleCode, ["grade": String(grade.rawValue)]))
        lines += try centred(labels(.braillePages, count: pageCount))
        if !versions.isEmpty {
            lines.append(.blank)
            let names = versions.map { BrailleBook.readableName($0, in: metadata.language) }
            lines += try centred(labels(.alsoIn, ["languages": names.joined(separator: labels(.listSeparator))]))
        }
        return lines
    }

    /// The contents: each part with the braille page it starts on (`numbers`, in braille, by entry).
    func contents(numbers: [[UInt8]]) throws(WriterError) -> [BraillePages.Line] {
        var lines = try wrapper.centred(labels(.contents)).map { BraillePages.Line(cells: $0, isHeading: true) }
        lines.append(.blank)
        for (entry, number) in zip(entries, numbers) {
            lines += try pages.entry(entry, number: number, wrapper: wrapper)
        }
        return lines
    }

    /// A version's language as braille can write it: its own name ("Cymraeg", "Polski") when that
    /// is in the Latin letters every braille code here has, else its name in the guide's language
    /// ("Arabeg" in Welsh for "العربية"), which the tables would otherwise leave out.
    static func readableName(_ version: GuideVersion, in language: String) -> String {
        let latin = version.languageName.unicodeScalars.allSatisfy {
            !$0.properties.isAlphabetic || $0.value < 0x250 || (0x1E00...0x1EFF).contains($0.value)
        }
        guard !latin else { return version.languageName }
        let primary = version.language.split(separator: "-").first.map(String.init) ?? version.language
        return Locale(identifier: language).localizedString(forLanguageCode: primary) ?? version.languageName
    }

    func centred(_ text: String) throws(WriterError) -> [BraillePages.Line] {
        try wrapper.centred(text).map { BraillePages.Line(cells: $0) }
    }

    /// The text's lines in braille: headings of chapters and sections centred, deeper ones from
    /// cell 5; paragraphs blocked from cell 1 as in print; list items, contact lines and the
    /// like from their indent with run-overs two cells in (braille's 1-3 layout).
    mutating func lines(of textLines: [TextLine]) throws(WriterError) -> [BraillePages.Line] {
        var lines: [BraillePages.Line] = []
        for textLine in textLines {
            guard !textLine.text.isEmpty else {
                if lines.last?.isBlank == false { lines.append(.blank) }
                continue
            }
            // A list item's marker ("• ", "2. ") is the plain text's first-line indent: here it is text.
            let first = textLine.firstIndent.prefix { $0 == " " }.count
            let marker = textLine.firstIndent.dropFirst(first)
            let text = marker.isEmpty ? textLine.text : marker + textLine.text
            switch textLine.role {
            case .heading(let level) where level <= 2:
                var heading = try wrapper.centred(textLine.text).map { BraillePages.Line(cells: $0, isHeading: true) }
                if level == 1 {
                    heading[0].anchor = entries.count
                    entries.append(textLine.text)
                }
                lines += heading
            case .heading:
                lines += try wrapper.wrap(textLine.text, first: 4, hanging: 4).map { BraillePages.Line(cells: $0, isHeading: true) }
            case .paragraph:
                lines += try wrapper.wrap(text, first: first, hanging: textLine.hangingIndent.count).map { BraillePages.Line(cells: $0) }
            case .line:
                let hanging = max(textLine.hangingIndent.count, first + 2)
                lines += try wrapper.wrap(text, first: first, hanging: hanging).map { BraillePages.Line(cells: $0) }
            }
        }
        return lines
    }
}
