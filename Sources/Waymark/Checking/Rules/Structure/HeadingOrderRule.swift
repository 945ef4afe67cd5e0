import Foundation
import WaymarkModel

/// Headings go down one level at a time, each heads some text, and no two in a chapter say the same.
struct HeadingOrderRule: Rule {
    static let description = RuleDescription(
        id: "heading-order",
        name: "Heading order",
        summary: "Headings must not skip a level; a section should not be empty; two headings in one chapter should not have the same text.",
        rationale: """
            Screen reader users move through a guide by its headings, and e-book readers build the contents \
            list from them. A skipped level (# then ###) breaks that outline. An empty section, or two \
            headings with the same words, leaves the reader unsure where they are.
            """,
        severity: .error,
        standards: [Standard("WCAG 2.2", "1.3.1 Info and Relationships"), Standard("WCAG 2.2", "2.4.6 Headings and Labels")],
        passing: [
            RuleExample("# Help\n\nText.\n\n## Who can help?\n\nText.\n\n### At school\n\nText.\n"),
            RuleExample("# One\n\n## Who can help?\n\nText.\n\n# Two\n\n## Who can help?\n\nText.\n"),
        ],
        failing: [
            RuleExample("# Help\n\nText.\n\n↓### At school\n\nText.\n"),
            RuleExample("# Help\n\n↓## Who can help?\n\n## At school\n\nText.\n"),
            RuleExample("# Help\n\n## Who can help?\n\nText.\n\n↓## Who can help?\n\nMore text.\n"),
        ]
    )

    func check(guide context: GuideContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        var previousLevel = 0
        for chapter in context.guide.chapters {
            var headings: [(heading: Heading, location: Location, isEmpty: Bool)] = []
            if let heading = chapter.heading {
                headings.append((heading, chapter.location, chapter.blocks.isEmpty))
            }
            for (index, block) in chapter.blocks.enumerated() {
                guard case .heading(let heading) = block.kind else { continue }
                let next = chapter.blocks.dropFirst(index + 1).first
                let isEmpty: Bool
                if let next, case .heading(let following) = next.kind { isEmpty = following.level <= heading.level } else { isEmpty = next == nil }
                headings.append((heading, block.location, isEmpty))
            }
            var seen: Set<String> = []
            for (heading, location, isEmpty) in headings {
                let marks = String(repeating: "#", count: heading.level)
                if heading.level > previousLevel + 1 {
                    let expected = String(repeating: "#", count: previousLevel + 1)
                    findings.append(context.finding(
                        .error, at: location,
                        previousLevel == 0
                            ? "the first heading is level \(heading.level) (\(marks)); the guide's outline starts at level 1 (#)"
                            : "this heading jumps from level \(previousLevel) to level \(heading.level) (\(marks)), skipping a level",
                        hint: "make it a '\(expected)' heading, or add the missing level above it"))
                }
                previousLevel = heading.level
                if isEmpty {
                    findings.append(context.finding(
                        .warning, at: location, "the section '\(Inline.plainText(heading.content))' has no text before the next heading",
                        hint: "write something under this heading, or remove it"))
                }
                let key = Substring(Inline.plainText(heading.content).lowercased()
                    .split(whereSeparator: \.isWhitespace).joined(separator: " "))
                    .trimming(HeadingOrderRule.isEndMark, else: CharacterSet(charactersIn: ".?!:"))
                if !seen.insert(key).inserted {
                    findings.append(context.finding(
                        .warning, at: location, "another heading in this chapter already says '\(Inline.plainText(heading.content))'",
                        hint: "give each heading its own words, so readers can tell the sections apart"))
                }
            }
        }
        return findings
    }

    /// The marks a heading's words are compared without: `.`, `?`, `!` and `:`.
    static func isEndMark(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ".") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: ":")
    }
}
