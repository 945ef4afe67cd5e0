import WaymarkModel

/// A guide past its review date may give out-of-date phone numbers and services.
struct ReviewDateRule: Rule {
    static let description = RuleDescription(
        id: "review-date",
        name: "Review date",
        summary: "The guide's 'review-by:' date has passed.",
        rationale: """
            Safeguarding guides give phone numbers, opening hours and services that change. A young person \
            who calls a number that no longer works may not try again. The date is compared with \
            SOURCE_DATE_EPOCH when it is set (reproducible builds), else with today.
            """,
        severity: .warning,
        standards: [Standard("Waymark", "guide format: review-by")],
        passing: [RuleExample("Text.\n", frontMatter: "review-by: 2027-11-01\n")],
        failing: [RuleExample("Text.\n", frontMatter: "review-by: ↓2026-06-30\n")]
    )

    func check(guide context: GuideContext) -> [Diagnostic] {
        guard let today = context.today, let reviewBy = context.guide.metadata.reviewBy, reviewBy < today else { return [] }
        return [context.finding(
            at: context.frontMatter("review-by"), "the guide was due for review on \(reviewBy) (today is \(today))",
            hint: "check that the guide's facts (phone numbers, opening hours, services) are still right, then set 'review-by:' to a date a year or two ahead")]
    }
}
