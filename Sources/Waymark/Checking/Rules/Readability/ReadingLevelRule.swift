import WaymarkModel

/// The text suits the guide's reading age.
struct ReadingLevelRule: Rule {
    static let description = RuleDescription(
        id: "reading-level",
        name: "Reading level",
        summary: "A chapter, or the whole guide, whose estimated reading age (Flesch–Kincaid grade + 5) is above the guide's 'reading-age:' (11 when none is set).",
        rationale: """
            Information for the public should have a reading age of 9 to 11. The estimate uses the \
            Flesch–Kincaid grade of the running text (headings, table headers, write prompts and easy-read \
            rows left out), counted with the CMUdict pronouncing dictionary. A short chapter's figure is not \
            reliable, so chapters of fewer than 100 words get no warning of their own. `waymark check` \
            prints each guide's reading age, Flesch reading ease and SMOG grade.
            """,
        severity: .warning,
        standards: [Standard("Patient Information Forum / NHS", "reading age 9–11"), Standard("WCAG 2.2", "3.1.5 Reading Level")],
        parameters: [
            RuleParameter("reading-age", default: Thresholds.defaultReadingAge, range: 5...25, "The highest reading age allowed (default: the guide's 'reading-age:', else 11)."),
            RuleParameter("min-words", default: Thresholds.readingLevelMinimumWords, range: 0...100_000, "Words a chapter needs before its own reading age is checked."),
        ],
        passing: [RuleExample("# Help\n\nYou can get help. Tell an adult you trust. They will listen to you.\n")],
        failing: [RuleExample(
            "# ↓Procedures\n\n" + String(repeating: "Safeguarding practitioners communicate institutional responsibilities comprehensively, recognising organisational accountability considerations. ", count: 10) + "\n",
            frontMatter: "reading-age: ↓10\n")]
    )

    func check(guide context: GuideContext) -> [Diagnostic] {
        let target = context.parameters["reading-age"] ?? context.guide.metadata.readingAge.map(Double.init) ?? Thresholds.defaultReadingAge
        let minimumWords = Int(context.parameter("min-words"))
        var findings: [Diagnostic] = []
        let whole = context.text.readability
        if !whole.isEmpty, whole.readingAge > target {
            let location = context.source.frontMatterValue("reading-age", file: context.guide.sourcePath) ?? context.start
            findings.append(context.finding(
                at: location, "the guide's reading age is about \(Int(whole.readingAge.rounded())) (Flesch–Kincaid grade \(Readability.format(whole.fleschKincaidGrade)), reading ease \(Readability.format(whole.fleschReadingEase))); it aims for \(Int(target))",
                hint: "use shorter sentences and everyday words; the chapter warnings show where to start"))
        }
        for (index, chapter) in context.guide.chapters.enumerated() {
            let figures = context.text.chapterReadability[index]
            guard figures.words >= minimumWords, figures.readingAge > target else { continue }
            let title = chapter.heading.map { "'\(Inline.plainText($0.content))'" } ?? "before the first heading"
            // Point at the heading's words (after "# ").
            let location = chapter.heading.flatMap { $0.content.first?.location } ?? chapter.location
            findings.append(context.finding(
                at: location, "the reading age of the chapter \(title) is about \(Int(figures.readingAge.rounded())) (Flesch–Kincaid grade \(Readability.format(figures.fleschKincaidGrade)), \(Readability.format(figures.wordsPerSentence)) words a sentence); the guide aims for \(Int(target))",
                hint: "split long sentences and swap long words for short everyday ones"))
        }
        return findings
    }
}
