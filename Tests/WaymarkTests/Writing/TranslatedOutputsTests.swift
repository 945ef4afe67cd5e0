import Foundation
import Testing
@testable import Waymark
import WaymarkModel
import WaymarkZip

/// Issue #16: guides in Welsh, Polish and Urdu (the conformance fixtures) build to every format
/// with no English word that Waymark added, and with `lang` (and `dir`) on every document.
@Suite("Writing: translated outputs") struct TranslatedOutputsTests {
    static let guides = LabelsTests.repository.appendingPathComponent("Tests/Conformance/guides")

    /// The words of every English label, cut at their `{names}`, that are words and not just
    /// punctuation: "Who can help", "Phone", "Page", "of"… (the ones of two letters left out).
    static let englishWords: Set<String> = words(of: LabelCatalogues.builtIn.labels(for: "en"))

    static func words(of english: Labels) -> Set<String> {
        var words: Set<String> = []
        for key in Labels.Key.allCases {
            let texts: [String]
            switch english.texts[key] {
            case .plain(let text): texts = [text]
            case .plural(let forms): texts = Array(forms.values)
            case nil: texts = []
            }
            for text in texts {
                for piece in text.components(separatedBy: "{").map({ $0.split(separator: "}").last.map(String.init) ?? $0 }) {
                    let trimmed = piece.trimmingCharacters(in: CharacterSet(charactersIn: " :.,;()[]–“”"))
                    if trimmed.count >= 3 { words.insert(trimmed) }
                }
            }
        }
        return words
    }

    /// What a reader sees or hears of an (X)HTML, SVG or package document: its text, the
    /// attributes screen readers read, and the strings its CSS prints (running head, page numbers).
    static func readable(_ markup: String) -> String {
        var text = ""
        for match in markup.matches(of: /content:\s*("[^"]*")/) { text += " " + match.1 + " " }
        var rest = markup.replacing(/<style[^>]*>[\s\S]*?<\/style>/, with: " ")
        for match in rest.matches(of: /\s(?:alt|aria-label|title)="([^"]*)"/) { text += " " + match.1 + " " }
        rest = rest.replacing(/<[^>]*>/, with: " ")
        return text + rest
    }

    /// English label words found in `text`, as whole words, but for those the language's own
    /// catalogue has too (Welsh "Cost" is a Welsh word).
    static func english(in text: String, language: String = "en") -> [String] {
        let own = language == "en" ? [] : words(of: LabelCatalogues.builtIn.labels(for: language))
        return englishWords.subtracting(own).filter { word in
            var start = text.startIndex
            while let range = text.range(of: word, range: start..<text.endIndex) {
                let before = range.lowerBound == text.startIndex ? nil : text[text.index(before: range.lowerBound)]
                let after = range.upperBound == text.endIndex ? nil : text[range.upperBound]
                if !(before?.isLetter ?? false) && !(after?.isLetter ?? false) { return true }
                start = range.upperBound
            }
            return false
        }.sorted()
    }

    @Test(arguments: [("welsh", "cy"), ("polish", "pl"), ("urdu", "ur")])
    func aTranslatedGuideHasNoEnglishWordsFromWaymark(name: String, language: String) async throws {
        let output = TestTemporary.url("translated-\(name)")
        let request = BuildRequest(
            guidesRoot: Self.guides, outputRoot: output, guides: [Self.guides.appendingPathComponent("\(name).md")],
            displayBase: LabelsTests.repository)
        let results = try await Builder().build(request) { _ in }
        #expect(results.map(\.succeeded) == [true], "\(results.flatMap(\.errors).map(\.formatted))")
        #expect(!results.flatMap(\.findings).contains { $0.rule == "label-language" })
        let folder = output.appendingPathComponent(name)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }.sorted()
        // Every format, braille too but for Urdu, which has no braille table (a warning says so);
        // and the download page, its cover and the ZIP of them all.
        #expect(files.count == (language == "ur" ? 10 : 11), "\(files)")
        let rightToLeft = Metadata.isRightToLeft(language: language)
        // A PDF's words are checked in its Typst source below (its bytes hold PDF's own English keys).
        for file in files where !file.hasSuffix(".pdf") && !file.hasSuffix(".png") {
            let bytes = Array(try Data(contentsOf: folder.appendingPathComponent(file)))
            var documents: [(String, String)] = []
            if file.hasSuffix(".epub") || file.hasSuffix(".zip") {
                // The ZIP's own words are its README; the files in it are checked here one by one.
                for entry in try ZipArchiveReader.entries(of: bytes) where [".xhtml", ".opf", ".svg", "README.txt"].contains(where: entry.path.hasSuffix) {
                    documents.append(("\(file)/\(entry.path)", String(decoding: entry.bytes, as: UTF8.self)))
                }
            } else {
                documents.append((file, String(decoding: bytes, as: UTF8.self)))
            }
            for (path, markup) in documents {
                let found = Self.english(in: file.hasSuffix(".txt") ? markup : Self.readable(markup), language: language)
                #expect(found.isEmpty, "\(path) has English words that Waymark added: \(found)")
                guard path.hasSuffix(".html") || path.hasSuffix(".xhtml") else { continue }
                let root = markup.firstMatch(of: /<html[^>]*>/).map { String($0.output) } ?? ""
                #expect(root.contains("lang=\"\(language)\""), "\(path) does not say its language")
                #expect(root.contains("dir=\"rtl\"") == rightToLeft, "\(path) has the wrong direction")
            }
        }
    }

    @Test(arguments: [("welsh", "cy"), ("polish", "pl"), ("urdu", "ur")])
    func aTranslatedPDFHasNoEnglishWordsFromWaymark(name: String, language: String) throws {
        let guide = try GuideReader(guidesRoot: Self.guides).read(file: Self.guides.appendingPathComponent("\(name).md"), displayPath: "\(name).md")
        let labels = LabelCatalogues.builtIn.labels(for: language)
        for easyRead in [false, true] {
            var markup = TypstMarkup(guide: guide, labels: labels, layout: .init(bodySize: 18, fonts: ["DejaVu Sans"], lineHeight: 1.5, edition: easyRead ? labels(.easyRead) : nil, easyRead: easyRead))
            // The words of the document are its Typst strings.
            let strings = markup.document().matches(of: /"((?:[^"\\]|\\.)*)"/).map { String($0.1) }.joined(separator: " | ")
            let found = Self.english(in: strings, language: language)
            #expect(found.isEmpty, "\(name) (easy read: \(easyRead)) has English words that Waymark added: \(found)")
        }
    }

    @Test func theScanFindsEnglishLabels() {
        #expect(Self.english(in: "Cynnwys. Who can help? Phone: 0800 1111") == ["Phone", "Who can help"])
        #expect(Self.english(in: Self.readable("<style>@bottom-center { content: \"Page \" counter(page) }</style><p>Telephone</p>")) == ["Page"])
        #expect(Self.english(in: "Smartphones, Phones").isEmpty)
        #expect(Self.english(in: "Cost: Am ddim", language: "cy").isEmpty)
    }
}
