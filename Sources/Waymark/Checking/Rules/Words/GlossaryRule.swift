import WaymarkModel

/// Every glossary entry is used and explained.
struct GlossaryRule: Rule {
    static let description = RuleDescription(
        id: "glossary",
        name: "Glossary",
        summary: "A glossary word that the guide never uses, or a glossary entry with no explanation.",
        rationale: """
            The glossary explains hard words where they are used, and is printed at the end of large print \
            and easy read. An unused entry makes the list longer for nothing, and usually means the word in \
            the text is spelt differently; an entry without an explanation explains nothing.
            """,
        severity: .warning,
        standards: [Standard("UK government", "Accessible communication formats: explain hard words")],
        passing: [RuleExample("Your advocate can help.\n", frontMatter: "glossary:\n  advocate: Someone who helps you say what you think.\n")],
        failing: [
            RuleExample("Your helper can help.\n", frontMatter: "glossary:\n  ↓advocate: Someone who helps you say what you think.\n"),
            RuleExample("Your advocate can help.\n", frontMatter: "glossary:\n  ↓advocate: \"\"\n"),
        ]
    )

    func check(guide context: GuideContext) -> [Diagnostic] {
        var used: Set<String> = []
        context.forEachInline { inline, _ in
            if case .term(let use) = inline.kind { used.insert(use.term) }
        }
        // The reader finds glossary words in running text, but not in headings, links or contact
        // cards, nor across a line break inside a paragraph: search every run's words as well,
        // made only when a word was not found in the text (issue #23: mostly every word is).
        var searched: [String]?
        func texts() -> [String] {
            if let searched { return searched }
            var texts = context.text.runs.map { " " + $0.words.map { Words.normalised($0.text) }.joined(separator: " ") + " " }
            context.guide.forEachBlock { block in
                guard case .contact(let contact) = block.kind else { return }
                let text = [contact.about, contact.audience, contact.hours, contact.cost].compactMap { $0 }.joined(separator: " ")
                let words = TextIndex.sentences(in: [Inline(.text(text), at: block.location)], place: .prose, chapter: 0, source: .empty)
                    .flatMap(\.words).map { Words.normalised($0.text) }
                texts.append(" " + words.joined(separator: " ") + " ")
            }
            searched = texts
            return texts
        }
        var findings: [Diagnostic] = []
        for entry in context.guide.metadata.glossary {
            if entry.explanation.trimmed.isEmpty {
                findings.append(context.finding(
                    at: entry.location, "the glossary word '\(entry.term)' has no explanation",
                    hint: "write what it means after '\(entry.term):', in one or two short sentences"))
            }
            let term = " " + entry.term.lowercased() + " "
            let plural = " " + entry.term.lowercased() + "s "
            if !used.contains(entry.term), !texts().contains(where: { $0.contains(term) || $0.contains(plural) }) {
                findings.append(context.finding(
                    at: entry.location, "the glossary word '\(entry.term)' is not used in the guide",
                    hint: "remove it from the glossary, or check it is spelt the same as in the text"))
            }
        }
        return findings
    }
}
