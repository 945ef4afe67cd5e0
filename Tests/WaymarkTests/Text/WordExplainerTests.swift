import Testing
@testable import Waymark
import WaymarkModel

/// The one decision on explaining words (`Sources/Waymark/Text/WordExplainer.swift`), on sentences
/// from `Guides/` and on sentences that only use the word.
@Suite("Text: explaining words") struct WordExplainerTests {
    /// The glossary of the shipped guides (their own words), and their abbreviations.
    static let glossary: [String: String] = [
        "grooming": "When someone builds your trust so they can trick, force or pressure you into doing things.",
        "trusted adult": "A grown-up you know and feel safe with, who will listen and help.",
        "advocate": "Someone who helps you say what you think and makes sure people listen to you.",
        "cyberbullying": "Bullying that happens on phones, tablets, computers or games.",
        "radicalisation": "When someone is pushed to take up extreme views that could lead to harm.",
        "extreme views": "Very strong beliefs that can lead people to hate or hurt others.",
        "exploitation": "When someone uses another person unfairly to get something for themselves.",
        "abuse": "When someone hurts another person, or treats them very badly, on purpose.",
        "confidential": "Kept private, so only the people who need to know are told.",
        "conference": "A meeting where people who know you and your family talk about how to keep you safe.",
        "chairperson": "The person in charge of the meeting, who makes sure it is run well and fairly.",
        "review": "A meeting later on to check how the child protection plan is going.",
        "emergency": "When someone is in danger or badly hurt and needs help straight away.",
        "social media": "Apps and websites where people share posts, pictures and messages.",
        "nudes": "Photos or videos of someone with no clothes on, or only their underwear.",
        "bullying": "When a person or a group hurts someone on purpose, again and again.",
        "sexting": "Sending sexual messages, photos or videos, often by phone.",
        "healthy relationship": "A friendship or relationship where you feel safe, cared for and free to be yourself.",
    ]
    static let abbreviations = [
        "CSE": "child sexual exploitation",
        "NSPCC": "National Society for the Prevention of Cruelty to Children",
        "UK": "UK",
    ]

    /// A paragraph, a glossary word in it, and whether its first use there gets the explanation.
    struct TermCase: CustomTestStringConvertible, Sendable {
        let text: String
        let term: String
        let explained: Bool
        var testDescription: String { "\(explained ? "explains" : "leaves") \(term): \(text)" }
    }

    /// Sentences that define the word themselves: no explanation in brackets.
    static let defining: [TermCase] = [
        // Rule 1: X is when…, X is a…, X is someone…, X are <plural>…, X means…
        ("Online grooming is when someone uses the internet to trick, force or pressure a young person. They want you to do something you do not want to do.", "grooming"),
        ("Grooming is when someone tricks you into doing things you do not want.", "grooming"),
        ("A child protection conference is a meeting about keeping you safe.", "conference"),
        ("Nudes are photos or videos of someone without clothes.", "nudes"),
        ("An advocate is someone whose job is to help young people take part in the conference.", "advocate"),
        ("Grooming means someone is trying to trick you.", "grooming"),
        // Rule 2: X (also called …)
        ("Cyberbullying (also called online bullying) can happen at any time.", "cyberbullying"),
        // Rule 3: This is called X.
        ("Bullying can also happen online. This is called cyberbullying.", "cyberbullying"),
        ("Some people online share extreme views. They may try to get young people to believe the same things. This is called radicalisation.", "radicalisation"),
        ("Some people trick young people into doing sexual things. This is called child sexual exploitation. It is a kind of abuse.", "exploitation"),
        ("Sending sexual messages, photos or videos is sometimes called sexting. Photos like this are often called nudes.", "sexting"),
        ("Sending sexual messages, photos or videos is sometimes called sexting. Photos like this are often called nudes.", "nudes"),
        ("If you have a plan, there will be more meetings later on. Each of these is called a review.", "review"),
        ("Bullying can also happen online. It's called cyberbullying.", "cyberbullying"),
        // Rule 4: the next sentence defines X with X as its subject.
        ("You can also have an advocate. An advocate is someone whose job is to help young people take part in the conference.", "advocate"),
        // Rule 5: X ends a sentence; the next one starts This is a…, This means…
        ("Yes. You can bring a trusted adult. This is a grown-up you know and feel safe with.", "trusted adult"),
        ("Talk to a trusted adult. This is a grown-up you know and feel safe with. It could be a teacher or the nurse at your school.", "trusted adult"),
        ("Everything that is said at the conference is confidential. This means the people there must keep it private.", "confidential"),
        ("The meeting is confidential. This means people keep what they hear private.", "confidential"),
        ("Later, there will be a review. This is a meeting to check the plan.", "review"),
        // Rule 6: X is sometimes called Y. It is when…
        ("Child sexual exploitation is sometimes called CSE. It is when someone tricks, pressures or forces a child or young person into sexual activity.", "exploitation"),
        // Rule 7: X is… repeating the glossary's own words.
        ("Cyberbullying is bullying on phones, tablets or computers.", "cyberbullying"),
        ("The chairperson is in charge of the meeting. They make sure it is fair.", "chairperson"),
    ].map { TermCase(text: $0.0, term: $0.1, explained: false) }

    /// Sentences that only use the word: the explanation is added.
    static let using: [TermCase] = [
        ("If something online worries you, tell a trusted adult.", "trusted adult"),
        ("Tell a trusted adult. This could be a parent, a carer or a teacher.", "trusted adult"),
        ("Tell a trusted adult. It is a good idea to keep a screenshot of anything that worries you.", "trusted adult"),
        ("Your social worker should always ask if you would like an advocate. If you say yes, your social worker will set it up for you.", "advocate"),
        ("You can talk to an advocate. Your advocate is on your side.", "advocate"),
        ("The chairperson is in charge of the meeting.", "chairperson"),
        ("A person called the chairperson runs the meeting.", "chairperson"),
        ("If there are a lot of worries, there may be a meeting called a child protection conference.", "conference"),
        ("Some people online share extreme views. They may try to get young people to believe the same things.", "extreme views"),
        ("Call 999 if you, or someone you know, is in danger right now. This is an emergency.", "emergency"),
        ("Some people look for young people to target on social media and gaming sites. This is part of grooming.", "grooming"),
        ("This is called child sexual exploitation. It is a kind of abuse.", "abuse"),
        ("If grooming is a worry, talk to someone.", "grooming"),
        ("Children and young people wrote down what bullying means to them.", "bullying"),
        ("Bullying is never your fault.", "bullying"),
        ("Trusted adults are always there to help.", "trusted adult"),
        ("Grooming is the first step.", "grooming"),
        ("In a healthy relationship:", "healthy relationship"),
        ("Cyberbullying can happen at any time (even at night).", "cyberbullying"),
    ].map { TermCase(text: $0.0, term: $0.1, explained: true) }

    @Test(arguments: defining + using)
    func glossaryWord(_ test: TermCase) throws {
        var explainer = WordExplainer(glossary: Self.entries, runs: [Self.inlines(test.text)])
        let (use, location) = try #require(Self.firstUse(of: test.term, in: Self.inlines(test.text)), "no use of \(test.term)")
        let explanation = explainer.explanation(for: use, at: location)
        #expect((explanation != nil) == test.explained)
        // Explained or defined, the word is not explained again.
        #expect(explainer.explanation(for: use, at: location) == nil)
    }

    @Test func aWordDefinedWhereItIsUsedCountsAsExplained() throws {
        let first = Self.inlines("Grooming is when someone tricks you.")
        let second = Self.inlines("Grooming can happen online.", line: 2)
        var explainer = WordExplainer(glossary: Self.entries, runs: [first, second])
        for run in [first, second] {
            let (use, location) = try #require(Self.firstUse(of: "grooming", in: run))
            #expect(explainer.explanation(for: use, at: location) == nil)
        }
        explainer.forgetExplainedWords()
        let (use, location) = try #require(Self.firstUse(of: "grooming", in: second))
        #expect(explainer.explanation(for: use, at: location) == Self.glossary["grooming"])
    }

    /// A paragraph, an abbreviation in it, and what its first use is written out as (nil: left as it is).
    struct AbbreviationCase: CustomTestStringConvertible, Sendable {
        let text: String
        let abbreviation: String
        let writtenOut: String?
        var testDescription: String { "\(abbreviation) → \(writtenOut ?? "as it is"): \(text)" }
    }

    static let abbreviationCases: [AbbreviationCase] = [
        // The expansion is already in the sentence: never "… is sometimes called child sexual exploitation (CSE)".
        .init(text: "Child sexual exploitation is sometimes called CSE. It is when someone tricks a young person.", abbreviation: "CSE", writtenOut: nil),
        // … or in the sentence before.
        .init(text: "This is called child sexual exploitation. CSE is a kind of abuse.", abbreviation: "CSE", writtenOut: nil),
        // At the start of a sentence, a capital letter.
        .init(text: "CSE is a kind of abuse. It can happen to anyone.", abbreviation: "CSE", writtenOut: "Child sexual exploitation"),
        .init(text: "Yes. CSE can start online and stay online.", abbreviation: "CSE", writtenOut: "Child sexual exploitation"),
        .init(text: "We talk about CSE and what CSE means.", abbreviation: "CSE", writtenOut: "child sexual exploitation"),
        .init(text: "The NSPCC has a page about keeping children safe.", abbreviation: "NSPCC", writtenOut: "National Society for the Prevention of Cruelty to Children"),
        // Never "child sexual exploitation (child sexual exploitation (CSE))" where the author wrote it out.
        .init(text: "Child sexual exploitation (CSE) is a kind of abuse.", abbreviation: "CSE", writtenOut: nil),
        // Never "UK (UK)".
        .init(text: "Bullying happens all over the UK.", abbreviation: "UK", writtenOut: nil),
    ]

    @Test(arguments: abbreviationCases)
    func abbreviation(_ test: AbbreviationCase) throws {
        let run = Self.inlines(test.text)
        var explainer = WordExplainer(glossary: Self.entries, runs: [run])
        var found: (AbbreviationUse, Location)?
        Inline.forEach(in: run) { inline in
            if found == nil, case .abbreviation(let use) = inline.kind, use.text == test.abbreviation { found = (use, inline.location) }
        }
        let (use, location) = try #require(found)
        #expect(explainer.writtenOut(use, at: location) == test.writtenOut)
        #expect(explainer.firstExpansion(for: use, at: location) == test.writtenOut)
        #expect(explainer.firstExpansion(for: use, at: location) == nil, "written out on its first use only")
    }

    @Test func easyReadSaysIsWhenForAnExplanationThatStartsWhen() {
        #expect(GuideText.easyReadMeaning("When someone builds your trust.") == " is when someone builds your trust.")
        #expect(GuideText.easyReadMeaning("A grown-up you know.") == " means a grown-up you know.")
    }

    @Test func servicesGivenAboveAreNamedWithWhereToFindThem() {
        #expect(GuideText.servicesShownAbove(["Childline", "NSPCC", "Police"], under: "Who can I tell?", .english)
            == "Childline, NSPCC and Police: see above, under “Who can I tell?”")
        #expect(GuideText.servicesShownAbove(["Childline"], under: "Getting help", .english) == "Childline: see above, under “Getting help”.")
        #expect(GuideText.servicesShownAbove(["Childline"], under: nil, .english) == "Childline: see above.")
    }
}

// MARK: - Helpers

private extension WordExplainerTests {
    static var entries: [GlossaryEntry] {
        glossary.map { GlossaryEntry(term: $0.key, explanation: $0.value, location: Location(file: "glossary", line: 1, column: 1)) }
    }

    /// `text` as the reader makes it: glossary words and abbreviations recognised.
    static func inlines(_ text: String, line: Int = 1) -> [Inline] {
        let abbreviations = abbreviations.map { AbbreviationEntry(abbreviation: $0.key, expansion: $0.value, location: Location(file: "glossary", line: 1, column: 1)) }
        return InlineRecognizer(glossary: entries, abbreviations: abbreviations).split(text, at: Location(file: "guide.md", line: line, column: 1))
    }

    static func firstUse(of term: String, in inlines: [Inline]) -> (GlossaryUse, Location)? {
        var found: (GlossaryUse, Location)?
        Inline.forEach(in: inlines) { inline in
            if found == nil, case .term(let use) = inline.kind, use.term == term { found = (use, inline.location) }
        }
        return found
    }

    /// ASCII text is cut into words and marks on its bytes (issue #23): the same words and
    /// marks as a scalar at a time, for seeded ASCII texts with inner apostrophes and hyphens,
    /// capitals, digits, line breaks and every mark.
    @Test func asciiIsCutAsScalarByScalar() {
        func described(_ tokens: [WordExplainer.Token]) -> [String] {
            tokens.map { token in
                switch token {
                case .word(let word): "word " + word
                case .mark(let mark): "mark \(mark.value)"
                case .term, .abbreviation: "other"
                }
            }
        }
        let pieces = ["Grown-up", "person's", "-", "'", "--", "a", "Z9", " ", "  ", "\r\n", "\t", ".", "!?", "(", ")", "'s", "x-", "-y", "0800", "\u{7F}", "\u{1}"]
        var random = SeededPicks(state: 5)
        for _ in 0..<3000 {
            let text = (0..<random.next(12)).map { _ in pieces[random.next(pieces.count)] }.joined()
            #expect(described(WordExplainer.textTokens(text)) == described(WordExplainer.tokensByScalar(text)), "\(text.debugDescription)")
        }
        #expect(WordExplainer.textTokens("café").count == 1)
    }
}
