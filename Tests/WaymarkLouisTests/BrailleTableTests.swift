import Foundation
import Testing
import WaymarkLouis

@Suite struct BrailleTableTests {
    static let grade2 = ["en-us-brf.dis", "en-ueb-g2.ctb"]
    static let grade1 = ["en-us-brf.dis", "en-ueb-g1.ctb"]

    @Test func translatesIntoBrailleASCIIWithContractionsInGradeTwo() throws {
        let table = try BrailleTable(Self.grade2)
        let braille = try table.translate("You can talk to someone.")
        // UEB: the capital sign (dot 6) is ','; "you" and "can" are wordsigns, "some" and "one" contractions.
        #expect(String(String.UnicodeScalarView(braille.cells)) == ",Y C TALK TO \"S\"O4")
        #expect(braille.cells.count == braille.sources.count)
    }

    @Test func gradeOneSpellsEveryLetter() throws {
        let table = try BrailleTable(Self.grade1)
        let braille = try table.translate("You can talk to someone.")
        #expect(String(String.UnicodeScalarView(braille.cells)) == ",YOU CAN TALK TO SOMEONE4")
    }

    @Test func eachCellKnowsTheLetterItCameFrom() throws {
        let table = try BrailleTable(Self.grade1)
        let braille = try table.translate("Hi 99")
        // ",H I #II": the capital sign belongs to H, the number sign to the first 9.
        #expect(String(String.UnicodeScalarView(braille.cells)) == ",HI #II")
        #expect(braille.sources == [0, 0, 1, 2, 3, 3, 4])
    }

    @Test func anUncontractedRunKeepsEveryLetter() throws {
        let table = try BrailleTable(Self.grade2)
        let text = "see www.childline.org.uk"
        let forms = text.unicodeScalars.indices.map { index -> BrailleTable.Form in
            text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: index) >= 4 ? .uncontracted : .ordinary
        }
        let contracted = String(String.UnicodeScalarView(try table.translate(text).cells))
        let plain = String(String.UnicodeScalarView(try table.translate(text, forms: forms).cells))
        #expect(contracted.contains("*ILDL9E"))
        #expect(plain.contains("CHILDLINE4ORG4UK"), "\(plain)")
    }

    @Test func braillesLongerThanItsTextWithTypeformsIsWhole() throws {
        // Capitals, numbers and signs make the braille much longer than the text; liblouis writes a
        // typeform for every cell of it, past the end of an array only as long as the text.
        let table = try BrailleTable(Self.grade1)
        let text = String(repeating: "Ab 12 ", count: 200)
        let braille = try table.translate(text, forms: Array(repeating: .uncontracted, count: text.unicodeScalars.count))
        #expect(braille.cells.count > text.unicodeScalars.count + 300)
        let back = try table.backTranslate(String(String.UnicodeScalarView(braille.cells)))
        #expect(back.trimmingCharacters(in: .whitespaces) == text.trimmingCharacters(in: .whitespaces))
    }

    @Test func backTranslationGivesTheWordsBack() throws {
        let table = try BrailleTable(Self.grade2)
        let braille = String(String.UnicodeScalarView(try table.translate("You can talk to someone.").cells))
        #expect(try table.backTranslate(braille) == "You can talk to someone.")
    }

    @Test func aMissingTableIsAnErrorNamingIt() {
        do {
            _ = try BrailleTable(["en-us-brf.dis", "xx-none-g2.ctb"])
            Issue.record("a missing table was accepted")
        } catch {
            #expect(error.operation.contains("xx-none-g2.ctb"))
            #expect(error.message.contains("xx-none-g2.ctb"), "\(error.message)")
        }
        #expect(!BrailleTable.exists(["xx-none-g2.ctb"]))
        #expect(BrailleTable.exists(Self.grade2))
    }

    @Test func manyThreadsAtOnceGetTheSameBraille() async throws {
        let table = try BrailleTable(Self.grade2)
        let expected = try table.translate("Childline is free to call on 0800 1111.")
        let results = await withTaskGroup(of: BrailleTranslation?.self) { group in
            for _ in 0..<16 { group.addTask { try? table.translate("Childline is free to call on 0800 1111.") } }
            var all: [BrailleTranslation?] = []
            for await result in group { all.append(result) }
            return all
        }
        #expect(results.allSatisfy { $0 == expected })
    }

    @Test func theLibraryVersionIsKnown() {
        #expect(BrailleTable.libraryVersion.hasPrefix("3."))
    }
}
