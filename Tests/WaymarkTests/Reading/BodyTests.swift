import Foundation
import Testing
@testable import Waymark
import WaymarkModel

/// One test per construct of the body: the model it gives and where each part came from.
@Suite("Reading: body") struct BodyTests {
    func blocks(_ body: String, extra: String = "") throws -> [Block] {
        try GuideFolder().read(frontMatter(extra) + body).chapters.flatMap(\.blocks)
    }

    @Test func chaptersAndSections() throws {
        let guide = try GuideFolder().read(frontMatter() + """
            Before any chapter.

            # What is it?

            ## Who comes?

            Text.

            # After

            ## Who comes?

            More.
            """)
        #expect(guide.chapters.count == 3)
        #expect(guide.chapters[0].heading == nil)
        #expect(guide.chapters[1].heading?.id == "what-is-it")
        #expect(guide.chapters[1].location == Location(file: "Guides/guide.md", line: 11, column: 1))
        guard case .heading(let section) = guide.chapters[1].blocks[0].kind else { Issue.record("no section"); return }
        #expect(section.level == 2)
        #expect(section.id == "who-comes")
        guard case .heading(let second) = guide.chapters[2].blocks[0].kind else { Issue.record("no section"); return }
        #expect(second.id == "who-comes-2")
    }

    @Test func paragraphWithEmphasisStrongAndLink() throws {
        let blocks = try blocks("Some *soft* and **strong** words, and [Childline's website](https://www.childline.org.uk).\n")
        guard case .paragraph(let inlines) = blocks[0].kind else { Issue.record("not a paragraph"); return }
        #expect(inlines.count == 7)
        #expect(inlines[1].kind == .emphasis([Inline(.text("soft"), at: Location(file: "Guides/guide.md", line: 9, column: 7))]))
        #expect(inlines[1].location.column == 6)
        guard case .strong = inlines[3].kind else { Issue.record("not strong"); return }
        guard case .link(let destination, let content) = inlines[5].kind else { Issue.record("not a link"); return }
        #expect(destination == "https://www.childline.org.uk")
        #expect(Inline.plainText(content) == "Childline's website")
        #expect(inlines[5].location.column == 39)
    }

    @Test func nestedLists() throws {
        let blocks = try blocks("- one\n- two\n  1. inner\n  2. inner two\n- three\n")
        guard case .list(let list) = blocks[0].kind else { Issue.record("not a list"); return }
        #expect(!list.ordered)
        #expect(list.items.count == 3)
        guard case .list(let inner) = list.items[1][1].kind else { Issue.record("no nested list"); return }
        #expect(inner.ordered)
        #expect(inner.start == 1)
        #expect(inner.items.count == 2)
        #expect(list.items[1][1].location.line == 11)
    }

    @Test func quote() throws {
        let blocks = try blocks("> It can take a long time\n> to build up the courage to tell.\n")
        guard case .quote(let inner) = blocks[0].kind, case .paragraph(let text) = inner[0].kind else { Issue.record("not a quote"); return }
        #expect(Inline.plainText(text) == "It can take a long time to build up the courage to tell.")
    }

    @Test func table() throws {
        let blocks = try blocks("| Who | Why |\n|---|---|\n| Teacher | Sees you at school |\n| Doctor | Your health |\n")
        guard case .table(let table) = blocks[0].kind else { Issue.record("not a table"); return }
        #expect(table.header.map(Inline.plainText) == ["Who", "Why"])
        #expect(table.rows.count == 2)
        #expect(Inline.plainText(table.rows[1][1]) == "Your health")
    }

    @Test func pictures() throws {
        let blocks = try blocks("![A phone](pictures/phone.svg \"Call any time\")\n\n![](pictures/meeting.svg)\n")
        guard case .picture(let informative) = blocks[0].kind, case .picture(let decorative) = blocks[1].kind else {
            Issue.record("not pictures"); return
        }
        #expect(informative.alt == "A phone")
        #expect(informative.caption == "Call any time")
        #expect(!informative.isDecorative)
        #expect(decorative.isDecorative)
        #expect(decorative.resource == "pictures/meeting.svg")
        #expect(blocks[1].location.line == 11)
    }

    @Test(arguments: [
        ("Call 0800 1111 now.", "0800 1111", "08001111"),
        ("Ring 01926 414144.", "01926 414144", "01926414144"),
        ("Call 999 if you are in danger.", "999", "999"),
        ("Or 101, any time.", "101", "101"),
        ("Bullying UK is on 0808 800 2222.", "0808 800 2222", "08088002222"),
        ("Samaritans: 116 123.", "116 123", "116123"),
        ("From abroad: +44 1926 414144.", "+44 1926 414144", "+441926414144"),
        ("Call 0800 1111 24 hours a day.", "0800 1111", "08001111"),
    ])
    func phoneNumbers(text: String, display: String, dial: String) throws {
        let blocks = try blocks(text + "\n")
        guard case .paragraph(let inlines) = blocks[0].kind else { Issue.record("not a paragraph"); return }
        let phones = inlines.compactMap { inline -> PhoneNumber? in
            if case .phone(let phone) = inline.kind { return phone } else { return nil }
        }
        #expect(phones == [PhoneNumber(display: display, dial: dial)])
        let column = Array(text).indices.first { String(Array(text)[$0...]).hasPrefix(display) }.map { $0 + 1 }
        #expect(inlines.first { if case .phone = $0.kind { return true } else { return false } }?.location.column == column)
    }

    /// What a screen reader is given to say: digit by digit, in the number's own groups
    /// (espeak-ng reads "0800 1111" as "eight hundred, one thousand one hundred and eleven").
    @Test(arguments: [
        ("0800 1111", "0 8 0 0, 1 1 1 1"),
        ("999", "9 9 9"),
        ("0808 800 2222", "0 8 0 8, 8 0 0, 2 2 2 2"),
        ("+44 1926 414144", "+ 4 4, 1 9 2 6, 4 1 4 1 4 4"),
    ])
    func phoneNumbersAreSpokenDigitByDigit(display: String, spoken: String) {
        #expect(PhoneNumber(display: display, dial: "").spoken == spoken)
    }

    @Test(arguments: ["In 2026 we met.", "Aged 11 to 17.", "It costs £999.", "Room 1010.", "Version 1.999."])
    func numbersThatAreNotPhoneNumbers(text: String) throws {
        let blocks = try blocks(text + "\n")
        guard case .paragraph(let inlines) = blocks[0].kind else { Issue.record("not a paragraph"); return }
        #expect(!inlines.contains { if case .phone = $0.kind { return true } else { return false } })
    }

    @Test func glossaryTermsAndAbbreviations() throws {
        let extra = "glossary:\n  advocate: Someone who helps you.\n  child protection plan: A plan.\nabbreviations:\n  CSE: child sexual exploitation\n"
        let blocks = try blocks("Advocates help. A child protection plan is about CSE, not CSEC.\n", extra: extra)
        guard case .paragraph(let inlines) = blocks[0].kind else { Issue.record("not a paragraph"); return }
        let uses = inlines.compactMap { inline -> String? in
            switch inline.kind {
            case .term(let use): return "term:\(use.text)->\(use.term)@\(inline.location.column)"
            case .abbreviation(let use): return "abbr:\(use.text)@\(inline.location.column)"
            default: return nil
            }
        }
        #expect(uses == ["term:Advocates->advocate@1", "term:child protection plan->child protection plan@19", "abbr:CSE@50"])
    }

    @Test func glossaryWordSplitAcrossALineBreakIsFound() throws {
        let extra = "glossary:\n  social worker: Someone who helps keep children safe.\n"
        let blocks = try blocks("Ask your social\nworker. A social worker listens.\n", extra: extra)
        guard case .paragraph(let inlines) = blocks[0].kind else { Issue.record("not a paragraph"); return }
        let uses = inlines.compactMap { inline -> String? in
            if case .term(let use) = inline.kind { return "\(use.text)@\(inline.location.line):\(inline.location.column)" }
            return nil
        }
        #expect(uses == ["social worker@11:10", "social worker@12:11"])
        // Text after the line break keeps its own place.
        #expect(inlines.last?.location.line == 12)
    }

    @Test func contactWithSeveralNumbers() throws {
        let blocks = try blocks("""
            :::contact
            name: Warwickshire Children and Families Front Door
            phone:
              - number: 01926 414144
                hours: Monday to Thursday 8.30am to 5.30pm, Friday 8.30am to 5pm
              - number: "999"
            website: https://www.warwickshire.gov.uk
            for: anyone worried about a child
            about: Talk to someone about a child's safety.
            cost: Free
            :::

            """)
        guard case .contact(let contact) = blocks[0].kind else { Issue.record("not a contact"); return }
        #expect(contact.name == "Warwickshire Children and Families Front Door")
        #expect(contact.phones.map(\.number.dial) == ["01926414144", "999"])
        #expect(contact.phones[0].hours == "Monday to Thursday 8.30am to 5.30pm, Friday 8.30am to 5pm")
        #expect(contact.website == "https://www.warwickshire.gov.uk")
        #expect(contact.audience == "anyone worried about a child")
        #expect(contact.cost == "Free")
        #expect(blocks[0].location.line == 9)
    }

    @Test func contactWithPlainNumbers() throws {
        let blocks = try blocks(":::contact\nname: Police\nphone: 999\ntext: 999\n:::\n")
        guard case .contact(let contact) = blocks[0].kind else { Issue.record("not a contact"); return }
        #expect(contact.phones.map(\.number.display) == ["999"])
        #expect(contact.text?.dial == "999")
    }

    @Test func urgentNoteAndWrite() throws {
        let blocks = try blocks(":::urgent\nIf you are in danger now, call 999.\n:::\n\n:::note\nAn aside.\n:::\n\n:::write lines=4\nPeople I can talk to\n:::\n")
        guard case .callout(let urgent) = blocks[0].kind, case .callout(let note) = blocks[1].kind,
              case .writeSpace(let write) = blocks[2].kind else { Issue.record("wrong blocks"); return }
        #expect(urgent.kind == .urgent)
        #expect(note.kind == .note)
        #expect(urgent.blocks[0].location.line == 10)
        #expect(write.lines == 4)
        #expect(Inline.plainText(write.prompt) == "People I can talk to")
    }

    @Test func easyReadRows() throws {
        let blocks = try blocks("""
            :::easy-read
            ![People round a table](pictures/meeting.svg)
            A conference is a meeting about keeping you safe.

            You can say what you think.
            :::

            """)
        guard case .easyRead(let rows) = blocks[0].kind else { Issue.record("not easy read"); return }
        #expect(rows.count == 2)
        #expect(rows[0].picture?.alt == "People round a table")
        #expect(Inline.plainText(rows[0].content) == "A conference is a meeting about keeping you safe.")
        #expect(rows[1].picture == nil)
        #expect(rows[1].location.line == 13)
    }

    @Test func everyGuideInGuidesReads() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Guides")
        let files = try Builder.guideFiles(in: root)
        #expect(files.count >= 5)
        for file in files {
            let guide = try GuideReader(guidesRoot: root).read(file: file, displayPath: file.lastPathComponent)
            #expect(!guide.contacts.isEmpty, "\(file.lastPathComponent) has no contacts")
            #expect(!guide.metadata.glossary.isEmpty, "\(file.lastPathComponent) has no glossary")
        }
    }
}

@Suite("Reading: heading ids") struct HeadingIDTests {
    @Test func idsTheWritersUseAreNeverGivenToAGuideHeading() {
        var ids = IDMaker(reserved: IDMaker.writerReserved)
        #expect(ids.make("Who can help") == "who-can-help-2")
        #expect(ids.make("Glossary") == "glossary-2")
        #expect(ids.make("Who comes?") == "who-comes")
        #expect(ids.make("Who comes?") == "who-comes-2")
        #expect(ids.make("مع من أتحدث؟", fallback: "section-5") == "section-5")
        #expect(ids.make("2 things to know", fallback: "section-6") == "section-6-2-things-to-know")
    }

    @Test func oneSlugRuleForEveryId() {
        var ids = IDMaker()
        #expect(ids.make("contact-Something's Not Right") == "contact-somethings-not-right")
        #expect(ids.make("contact-Something’s Not Right") == "contact-somethings-not-right-2")
        #expect(ids.make("???") == "id")
        #expect(ids.make("e-safety") == "e-safety")
        #expect(ids.make("e safety") == "e-safety-2")
        #expect(IDMaker.slug(String(repeating: "a", count: 80)).count == 60)
    }
}
