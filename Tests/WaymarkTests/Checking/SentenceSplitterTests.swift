import Foundation
import Testing
@testable import Waymark
import WaymarkModel

/// The one sentence splitter (`Sources/Waymark/Text/SentenceSplitter.swift`), as the checks and
/// easy read both see it.
@Suite("Checking: sentences") struct SentenceSplitterTests {
    /// A paragraph and the sentences it holds.
    struct Case: CustomTestStringConvertible, Sendable {
        let text: String
        let sentences: [String]
        var testDescription: String { text }

        init(_ text: String, _ sentences: String...) {
            self.text = text
            self.sentences = sentences
        }
    }

    static let cases: [Case] = [
        Case("You can talk to Dr. Patel at school. She will listen.", "You can talk to Dr. Patel at school.", "She will listen."),
        Case("Mr. Jones, Mrs. Khan and Ms. Lee will be there. Ask them.", "Mr. Jones, Mrs. Khan and Ms. Lee will be there.", "Ask them."),
        Case("Mx. Taylor is your social worker. Prof. Green is not.", "Mx. Taylor is your social worker.", "Prof. Green is not."),
        Case("Bring something to do, e.g. a book. You may wait.", "Bring something to do, e.g. a book.", "You may wait."),
        Case("Talk to an adult, i.e. someone you trust. They can help.", "Talk to an adult, i.e. someone you trust.", "They can help."),
        Case("Bring pens, paper, etc. and a drink. Then wait.", "Bring pens, paper, etc. and a drink.", "Then wait."),
        Case("Bring pens, paper, etc. Then wait.", "Bring pens, paper, etc.", "Then wait."),
        Case("Go to room No. 5 on the left. It is quiet.", "Go to room No. 5 on the left.", "It is quiet."),
        Case("It is OK to say no. Then tell an adult.", "It is OK to say no.", "Then tell an adult."),
        Case("The meeting is at St. Mary's School. It starts soon.", "The meeting is at St. Mary's School.", "It starts soon."),
        Case("The book is by J. K. Rowling. It is long.", "The book is by J. K. Rowling.", "It is long."),
        Case("The meeting starts at 8.30am. Please come early.", "The meeting starts at 8.30am.", "Please come early."),
        Case("Come at 8 p.m. on Monday. Bring a friend.", "Come at 8 p.m. on Monday.", "Bring a friend."),
        Case("A drink costs £2.50. You can bring one.", "A drink costs £2.50.", "You can bring one."),
        Case("Call 0800 1111. It is free.", "Call 0800 1111.", "It is free."),
        Case("Visit www.childline.org.uk. It has games.", "Visit www.childline.org.uk.", "It has games."),
        Case("Email help@childline.org.uk. Someone will answer.", "Email help@childline.org.uk.", "Someone will answer."),
        Case("Are you safe? Tell someone! You can call us.", "Are you safe?", "Tell someone!", "You can call us."),
        Case("What?! Really.", "What?!", "Really."),
        Case("I was scared... Then I told my mum.", "I was scared...", "Then I told my mum."),
        Case("I was… scared. Then I told my mum.", "I was… scared.", "Then I told my mum."),
        Case("\"Are you OK?\" she asked. I said yes.", "\"Are you OK?\" she asked.", "I said yes."),
        Case("She said \"Stop.\" Then she left.", "She said \"Stop.\"", "Then she left."),
        Case("Ask anything (there are no silly questions.) Someone will help.", "Ask anything (there are no silly questions.)", "Someone will help."),
        Case("It is free. :)", "It is free. :)"),
        Case("You are not alone", "You are not alone"),
    ]

    @Test(arguments: cases) func textIsSplitAtSentenceEnds(_ example: Case) {
        let inlines = [Inline(.text(example.text), at: Location(file: "guide.md", line: 3, column: 1))]
        #expect(SentenceSplitter.sentences(inlines).map(Inline.plainText) == example.sentences)
    }

    @Test(arguments: cases) func checksCountTheSameSentences(_ example: Case) {
        let inlines = [Inline(.text(example.text), at: Location(file: "guide.md", line: 3, column: 1))]
        let sentences = TextIndex.sentences(in: inlines, place: .prose, chapter: 0, source: .empty)
        #expect(sentences.count == example.sentences.count)
        // Each sentence starts with the first word easy read prints on its line.
        #expect(sentences.map { $0.words.first?.text } == example.sentences.map { Self.firstWord($0) })
    }

    /// The coverage rule checks the sentences easy read makes rows of: as many rows as sentences.
    @Test(arguments: cases) func easyReadRowsAreTheSentencesTheRuleCounts(_ example: Case) throws {
        let guide = try GuideFolder().read(frontMatter() + "# Help\n\n\(example.text)\n")
        let text = TextIndex(guide: guide, source: SourceMap(text: frontMatter() + "# Help\n\n\(example.text)\n"))
        let counted = EasyReadCoverageRule.sentencesShownAsRows(text, chapter: 0)
        let easy = EasyReadTransform.transform(guide, pictograms: try PictogramSet.load(from: Fixtures.url("pictograms")), labels: .english)
        let rows = try #require(easy.chapters.first { $0.heading?.id == guide.chapters[0].heading?.id }).blocks.flatMap { block -> [EasyReadRow] in
            if case .easyRead(let rows) = block.kind { return rows } else { return [] }
        }
        #expect(rows.count == counted.count)
        #expect(rows.count == example.sentences.count)
    }

    /// An author's row: the rule counts the lines the easy-read writer prints.
    @Test(arguments: cases) func authoredRowLinesAreTheSentencesTheRuleCounts(_ example: Case) throws {
        let source = frontMatter() + "# Help\n\n:::easy-read\n![A person on the phone](pictures/phone.svg)\n\(example.text)\n:::\n"
        let guide = try GuideFolder().read(source)
        var rows: [EasyReadRow] = []
        guide.forEachBlock { block in
            if case .easyRead(let found) = block.kind { rows += found }
        }
        let row = try #require(rows.first)
        #expect(EasyReadCoverageRule.sentences(of: row, chapter: 0, source: SourceMap(text: source)).count == SentenceSplitter.sentences(row.content).count)
    }

    /// The coverage rule takes each row's sentences from the text index (issue #23): the index
    /// holds the rows of each chapter as its easy-read runs, in order, split as the rule splits them.
    @Test func theIndexHoldsEachRowsSentencesInOrder() throws {
        let rows = Self.cases.map { "![A person on the phone](pictures/phone.svg)\n\($0.text)\n" }
        let source = frontMatter() + "# Help\n\n:::easy-read\n" + rows.joined(separator: "\n") + ":::\n\nSome words.\n\n"
            + "# More\n\n:::easy-read\n" + rows.reversed().joined(separator: "\n") + ":::\n"
        let guide = try GuideFolder().read(source)
        let map = SourceMap(text: source)
        let text = TextIndex(guide: guide, source: map)
        for (index, chapter) in guide.chapters.enumerated() {
            var found: [EasyReadRow] = []
            Block.forEach(in: chapter.blocks) { block in
                if case .easyRead(let blockRows) = block.kind { found += blockRows }
            }
            let indexed = text.runs.filter { $0.chapter == index && $0.place == .easyRead }
            #expect(found.count == Self.cases.count && indexed.count == found.count)
            for (run, row) in zip(indexed, found) {
                #expect(run.inlines == row.content)
                #expect(run.sentences == EasyReadCoverageRule.sentences(of: row, chapter: index, source: map))
            }
        }
    }

    @Test func emphasisAndLinksAreCutWhereASentenceEnds() {
        let here = Location(file: "guide.md", line: 1, column: 1)
        let inlines = [
            Inline(.text("Hello. "), at: here),
            Inline(.emphasis([Inline(.text("Stay calm. Breathe"), at: here)]), at: here),
            Inline(.text(" slowly."), at: here),
            Inline(.lineBreak, at: here),
            Inline(.text("Call "), at: here),
            Inline(.phone(PhoneNumber(display: "0800 1111", dial: "08001111")), at: here),
            Inline(.text(". "), at: here),
            Inline(.link(destination: "https://www.childline.org.uk", content: [Inline(.text("Read more. Then ask"), at: here)]), at: here),
        ]
        let sentences = SentenceSplitter.sentences(inlines)
        #expect(sentences.map(Inline.plainText) == ["Hello.", "Stay calm.", "Breathe slowly.", "Call 0800 1111.", "Read more.", "Then ask"])
        #expect(sentences[1].map(\.kind) == [.emphasis([Inline(.text("Stay calm."), at: here)])])
        #expect(sentences[2].first.map { if case .emphasis = $0.kind { true } else { false } } == true)
        #expect(sentences[3].contains { if case .phone = $0.kind { true } else { false } })
        #expect(sentences[5].allSatisfy { if case .link(let destination, _) = $0.kind { destination == "https://www.childline.org.uk" } else { false } })
        // The checks see the same six sentences.
        #expect(TextIndex.sentences(in: inlines, place: .prose, chapter: 0, source: .empty).count == 6)
    }

    @Test func noSentenceEndsInsideAGlossaryWordOrAbbreviation() {
        let here = Location(file: "guide.md", line: 1, column: 1)
        let inlines = [
            Inline(.text("Ask the "), at: here),
            Inline(.abbreviation(AbbreviationUse(text: "Y. O. T.", expansion: "youth offending team")), at: here),
            Inline(.text(" for help. They are kind."), at: here),
        ]
        #expect(SentenceSplitter.sentences(inlines).map(Inline.plainText) == ["Ask the Y. O. T. for help.", "They are kind."])
        #expect(TextIndex.sentences(in: inlines, place: .prose, chapter: 0, source: .empty).count == 2)
    }

    @Test func placesAreKept() {
        let inlines = [Inline(.text("You can phone. It is free."), at: Location(file: "guide.md", line: 4, column: 3))]
        #expect(SentenceSplitter.sentences(inlines).map { $0.first?.location.column } == [3, 18])
    }

    /// The splitter answers ASCII without Unicode's property tables (issue #23); beyond ASCII it
    /// asks them. Either way the answer is the property's.
    @Test func theQuickAnswersAreThePropertiesOwn() {
        let scalars = (0...0x2FFF).compactMap(Unicode.Scalar.init)
        for scalar in scalars {
            #expect(scalar.isSpace == scalar.properties.isWhitespace, "\(scalar.value)")
            #expect(scalar.isSmallLetter == scalar.properties.isLowercase, "\(scalar.value)")
            #expect(scalar.isCapitalLetter == scalar.properties.isUppercase, "\(scalar.value)")
        }
    }

    /// Scalars counted on the bytes are the scalars.
    @Test func scalarsCountedOnTheBytesAreTheScalars() {
        for text in ["", "a", "café", "e\u{301}", "👍🏽", "ﻻ\r\n", "東京 and 0800 1111", String(repeating: "ä", count: 300)] {
            #expect(text.scalarCount == text.unicodeScalars.count, "\(text.debugDescription)")
        }
    }

    static func firstWord(_ sentence: String) -> String? {
        let scalars = sentence.unicodeScalars.drop { !$0.isWordCharacter }
        var word = ""
        word.unicodeScalars.append(contentsOf: scalars.prefix { $0.isWordCharacter || $0 == "'" })
        return word.isEmpty ? nil : word
    }
}
