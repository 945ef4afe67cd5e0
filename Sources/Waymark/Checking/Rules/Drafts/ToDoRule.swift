import Foundation
import WaymarkModel

/// A guide still marked "TO DO" is a draft: something in it is waiting for a person to decide.
struct ToDoRule: Rule {
    /// The words that mark a decision still to make.
    static let marker = "TO DO"

    static let description = RuleDescription(
        id: "to-do",
        name: "Decisions still to make",
        summary: "The words 'TO DO' (in capitals) anywhere in the guide: in a front-matter comment, a '[//]: # \"TO DO: …\"' comment line, or the text.",
        rationale: """
            'waymark import' turns a Word file or a web page into a draft guide. What it cannot decide for you \
            (who publishes the guide, a picture with no description, a link that says 'click here', a part of \
            the document it had to leave out) it writes into the draft where it belongs, as a line starting \
            'TO DO'. A guide for children must not be published with those questions still open, so each one \
            is an error until the line is gone.
            """,
        severity: .error,
        standards: [Standard("Waymark", "docs/import.md: what a person must decide")],
        passing: [RuleExample("Talk to someone you trust today.\n", frontMatter: "# Sources: docs/sources.md")],
        failing: [
            RuleExample("[//]: # \"↓TO DO: this picture has no alt text\"\n\n![](pictures/phone.svg)\n"),
            RuleExample("Some words.\n", frontMatter: "# ↓TO DO: write who publishes this guide"),
            RuleExample("Call us on ↓TO DO.\n"),
            RuleExample("Some words.\n", frontMatter: "audience: ↓TO DO"),
        ]
    )

    func check(guide context: GuideContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        let marker = Array(ToDoRule.marker.unicodeScalars)
        // Each line is read as the map's scalars, with no string made of it: only a place where
        // the marker starts is looked at further.
        for (offset, scalars) in context.source.lines.enumerated() {
            let number = offset + 1
            var index = 0
            while index + marker.count <= scalars.count {
                guard scalars[index] == marker[0], scalars[index..<(index + marker.count)].elementsEqual(marker),
                      index == 0 || !scalars[index - 1].properties.isAlphabetic,
                      index + marker.count == scalars.count || !scalars[index + marker.count].properties.isAlphabetic else {
                    index += 1
                    continue
                }
                var what = ToDoRule.what(after: scalars[(index + marker.count)...])
                // A front-matter value waiting to be written (`publisher: TO DO`).
                let before = String(String.UnicodeScalarView(scalars[..<index])).trimmingCharacters(in: .whitespaces)
                if what.isEmpty, before.hasSuffix(":"), !before.dropLast().contains(" ") {
                    what = "write the value of '\(before)' in place of 'TO DO'"
                }
                findings.append(context.finding(
                    at: Location(file: context.guide.sourcePath, line: number, column: index + 1),
                    what.isEmpty ? "something here is still to do" : "still to do: \(what)",
                    hint: "make the change it asks for, then delete the line (or the words 'TO DO'); docs/import.md explains each kind"))
                index += marker.count
            }
        }
        return findings
    }

    /// What the line says after the marker, without the `:` and a comment's closing quote.
    static func what(after rest: ArraySlice<Unicode.Scalar>) -> String {
        var text = String(String.UnicodeScalarView(rest)).trimmingCharacters(in: .whitespaces)
        if text.hasPrefix(":") { text.removeFirst() }
        text = text.trimmingCharacters(in: .whitespaces)
        if text.hasSuffix("\"") { text.removeLast() }
        return text.count > 160 ? String(text.prefix(159)) + "…" : text
    }
}
