import Foundation
import WaymarkModel
import WaymarkTypst

/// Renders a guide as tagged PDF/UA-1 handouts on A4: large print (the large-print profile's
/// size, 18 pt by default) and easy read (a picture beside each short sentence), typeset by
/// Typst (see ``TypstEngine``).
///
/// Typst, measured against WeasyPrint and Chromium on the same sample (issue #17), was the only
/// engine whose PDFs declared PDF/UA-1, passed the `pdfua` checks and kept lists and tables as one
/// structure element across page breaks.
public struct PDFWriter: Writer {
    /// `pdf`.
    public let formatID = "pdf"
    /// What the format is for.
    public let summary = "Tagged PDF/UA-1 handouts on A4, in large print and easy read, to print at school or publish."
    /// Who it is for.
    public let audience = "printing at school or at home, and publishing as a download: large print and easy read on A4"
    /// `<slug>-large-print.pdf` and `<slug>-easy-read.pdf`.
    public let files = ["<slug>-large-print.pdf", "<slug>-easy-read.pdf"]
    /// With `--booklet`, each as an A5 booklet too: print on both sides (flip on the short edge), fold, staple.
    public let optionalFiles = ["booklet": ["<slug>-large-print-booklet.pdf", "<slug>-easy-read-booklet.pdf"]]
    /// The two handouts, then the booklets (when made), with their pages counted.
    public let downloads = [
        Download(file: "<slug>-large-print.pdf", name: .downloadLargePrintPDF, about: .aboutLargePrintPDF, kind: .name("PDF"), mediaType: "application/pdf", pages: PDFWriter.pageCount),
        Download(file: "<slug>-easy-read.pdf", name: .downloadEasyReadPDF, about: .aboutEasyReadPDF, kind: .name("PDF"), mediaType: "application/pdf", edition: .easyRead, pages: PDFWriter.pageCount),
        Download(file: "<slug>-large-print-booklet.pdf", name: .downloadLargePrintBooklet, about: .aboutBooklet, kind: .name("PDF"), mediaType: "application/pdf", pages: PDFWriter.pageCount),
        Download(file: "<slug>-easy-read-booklet.pdf", name: .downloadEasyReadBooklet, about: .aboutBooklet, kind: .name("PDF"), mediaType: "application/pdf", edition: .easyRead, pages: PDFWriter.pageCount),
    ]

    /// The fonts, from Debian's packages (`make deps` installs them): DejaVu Sans for large
    /// print (the free one of the large-print sheets' Verdana, Tahoma, DejaVu Sans), SIL Andika
    /// for easy read (designed for beginning readers), and Noto for Arabic, Urdu and Gurmukhi.
    static let fontFiles = [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
        "/usr/share/fonts/truetype/andika/Andika-Regular.ttf", "/usr/share/fonts/truetype/andika/Andika-Bold.ttf",
        "/usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf", "/usr/share/fonts/truetype/noto/NotoNaskhArabic-Bold.ttf",
        "/usr/share/fonts/truetype/noto/NotoSansGurmukhi-Regular.ttf", "/usr/share/fonts/truetype/noto/NotoSansGurmukhi-Bold.ttf",
    ]
    /// The scripts' fonts, after the main one.
    static let scriptFonts = ["Noto Naskh Arabic", "Noto Sans Gurmukhi"]

    /// The fonts for a guide in `language`: its script's font first where the main font lacks
    /// or draws it poorly (Arabic and Urdu in Naskh, Panjabi in Gurmukhi), as the HTML does.
    static func fonts(main: String, language: String) -> [String] {
        switch PluralRule(language: language).language {
        case "ar", "ur", "fa", "ps", "sd": return ["Noto Naskh Arabic", main, "Noto Sans Gurmukhi"]
        case "pa": return ["Noto Sans Gurmukhi", main, "Noto Naskh Arabic"]
        default: return [main] + scriptFonts
        }
    }

    /// Creates the writer.
    public init() {}

    /// Renders `guide` as `<slug>-large-print.pdf` and `<slug>-easy-read.pdf`.
    public func write(_ guide: Guide, options: WriterOptions) throws -> [OutputFile] {
        let missing = PDFWriter.fontFiles.filter { !FileManager.default.fileExists(atPath: $0) }
        guard missing.isEmpty else {
            throw WriterError(formatID: formatID, message: "the fonts \(missing.joined(separator: ", ")) are not installed",
                              hint: "run 'make deps' in Waymark's folder, or 'apt-get install fonts-dejavu-core fonts-sil-andika fonts-noto-core'; the other formats are built all the same")
        }
        let labels = options.labels.labels(for: guide.metadata.language)
        let largePrint: StyleProfile
        let easyReadProfile: StyleProfile
        do {
            largePrint = try StyleProfile(name: options.style ?? LargePrintWriter.profileUse.defaultProfile, styles: options.styles, minimumBodySize: LargePrintWriter.profileUse.minimumBodySize)
            easyReadProfile = try StyleProfile(name: EasyReadWriter.profileUse.defaultProfile, styles: options.styles, minimumBodySize: EasyReadWriter.profileUse.minimumBodySize)
        } catch {
            throw WriterError(formatID: formatID, message: "\(error)")
        }
        var large = TypstMarkup(guide: guide, labels: labels, layout: .init(
            bodySize: largePrint.bodySize, fonts: PDFWriter.fonts(main: "DejaVu Sans", language: guide.metadata.language), lineHeight: 1.5, edition: nil, easyRead: false),
            versions: options.versions)
        let easyGuide = EasyReadTransform.transform(guide, pictograms: options.pictograms, labels: labels)
        var easy = TypstMarkup(guide: easyGuide, labels: labels, layout: .init(
            bodySize: easyReadProfile.bodySize, fonts: PDFWriter.fonts(main: "Andika", language: guide.metadata.language), lineHeight: 1.6,
            edition: EasyReadWriter.edition(labels).title, easyRead: true), versions: options.versions)
        let timestamp = options.sourceDateEpoch ?? PDFWriter.epoch(of: guide.metadata.published)
        var outputs = [
            OutputFile(path: "\(guide.slug)-large-print.pdf", bytes: try compile(&large, timestamp: timestamp)),
            OutputFile(path: "\(guide.slug)-easy-read.pdf", bytes: try compile(&easy, timestamp: timestamp)),
        ]
        guard options.booklet else { return outputs }
        for (markup, name) in [(large, "large-print"), (easy, "easy-read")] {
            // The same words at the same size on A5 pages, then two of them a side of A4.
            var pages = TypstMarkup(guide: markup.guide, labels: labels, layout: { var layout = markup.layout; layout.paper = "a5"; return layout }(), versions: options.versions)
            let a5 = try compile(&pages, timestamp: timestamp)
            let title = GuideText.editionTitle(guide.metadata.title, edition: markup.layout.edition, labels)
            let booklet = TypstJob(
                source: PDFWriter.imposition(pages: PDFWriter.pageCount(a5), title: title), files: ["pages.pdf": a5],
                timestamp: timestamp, fonts: PDFWriter.fontFiles, standards: [])
            outputs.append(OutputFile(path: "\(guide.slug)-\(name)-booklet.pdf", bytes: try engine(booklet)))
        }
        return outputs
    }
}

extension PDFWriter {
    func compile(_ markup: inout TypstMarkup, timestamp: Int) throws -> [UInt8] {
        let source = markup.document()
        return try engine(TypstJob(source: source, files: markup.files, timestamp: timestamp, fonts: PDFWriter.fontFiles))
    }

    /// The pages of a PDF: its page objects, which Typst writes uncompressed, one each.
    ///
    /// The count of ``pageCountByRegex(_:)``, found on the bytes (issue #23: the regex over the
    /// whole PDF as text was 45 % of a pdf build's own work). Where a match would touch anything
    /// but ASCII (where characters and bytes could part), the regex decides.
    static func pageCount(_ pdf: [UInt8]) -> Int {
        let type = Array("/Type".utf8), page = Array("/Page".utf8)
        var count = 0
        let found: Bool = pdf.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress else { return true }
            var index = 0
            let end = bytes.count
            while index + type.count <= end {
                // The next "/", found by libc (a PDF is 100 KB of compressed streams), then "Type".
                guard let hit = memchr(base + index, Int32(UInt8(ascii: "/")), end - index) else { break }
                index = UnsafeRawPointer(base).distance(to: hit)
                guard index + type.count <= end else { break }
                guard bytes[(index + 1)..<(index + type.count)].elementsEqual(type[1...]) else {
                    index += 1
                    continue
                }
                if index > 0, bytes[index - 1] >= 0x80 { return false }
                var next = index + type.count
                while next < end, [0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20].contains(bytes[next]) { next += 1 }
                if next < end, bytes[next] >= 0x80 || (0x1C...0x1F).contains(bytes[next]) { return false }
                guard next + page.count <= end, bytes[next..<(next + page.count)].elementsEqual(page) else {
                    index += type.count
                    continue
                }
                let after = next + page.count
                if after < end {
                    let byte = bytes[after]
                    if byte >= 0x80 { return false }
                    let word = (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte) || byte == UInt8(ascii: "_")
                    if word { index = after; continue }
                }
                count += 1
                index = after
            }
            return true
        }
        return found ? max(count, 1) : pageCountByRegex(pdf)
    }

    /// The pages as Waymark first counted them: the regex, over the PDF decoded as text.
    static func pageCountByRegex(_ pdf: [UInt8]) -> Int {
        let text = String(decoding: pdf, as: UTF8.self)
        return max(text.matches(of: /\/Type\s*\/Page(?![s\w])/).count, 1)
    }

    /// The sides of a booklet of `pages` A5 pages, padded with blank ones to a multiple of 4:
    /// each side of A4 holds two pages, in the order that reads straight on once the printed
    /// stack (both sides, flipped on the short edge) is folded in half. Print-only: the tagged,
    /// accessible handout is the A4 PDF beside it.
    static func imposition(pages: Int, title: String) -> String {
        let total = (pages + 3) / 4 * 4
        func page(_ index: Int) -> String {
            index < pages ? "image(\"pages.pdf\", page: \(index + 1), width: 100%)" : "[]"
        }
        var sides: [String] = []
        for sheet in 0..<(total / 4) {
            sides.append("#grid(columns: (1fr, 1fr), \(page(total - 1 - 2 * sheet)), \(page(2 * sheet)))")
            sides.append("#grid(columns: (1fr, 1fr), \(page(2 * sheet + 1)), \(page(total - 2 - 2 * sheet)))")
        }
        return """
            #set document(title: \(TypstMarkup.string(title)))
            #set page(paper: "a4", flipped: true, margin: 0pt)

            """ + sides.joined(separator: "\n#pagebreak()\n") + "\n"
    }

    func engine(_ job: TypstJob) throws -> [UInt8] {
        do {
            return try TypstEngine.shared.compile(job)
        } catch {
            switch error {
            case .engineMissing:
                throw WriterError(formatID: formatID, message: error.description,
                                  hint: "run 'make pdf-deps' in Waymark's folder (it installs Typst into .venv-pdf/), or build the other formats with --format; they are built all the same")
            case .compileFailed, .helperFailed:
                throw WriterError(formatID: formatID, message: error.description,
                                  hint: "this is a fault in Waymark's PDF writer, not in the guide; please report it with the guide attached")
            }
        }
    }

    /// Midnight UTC of `date`, in seconds since 1970.
    static func epoch(of date: GuideDate) -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let day = calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day))
        return Int(day?.timeIntervalSince1970 ?? 0)
    }
}
