import Foundation
import WaymarkModel

/// Words and formats that every writer shares, so they say things the same way.
public enum GuideText {
    /// The title of the gathered list of services for `guide`, never the same as one of its
    /// chapters ("Who can help", else "All the services in this guide").
    public static func helpTitle(for guide: Guide, _ labels: Labels) -> String {
        let taken = guide.chapters.compactMap { $0.heading.map { Inline.plainText($0.content).lowercased() } }
        return taken.contains(labels(.whoCanHelp).lowercased()) ? labels(.allServices) : labels(.whoCanHelp)
    }

    /// Plain text's line for services written out in full earlier in the guide, so that each is
    /// listed once: `Childline, NSPCC and Police: see above, under “Who can I tell?”`.
    public static func servicesShownAbove(_ names: [String], under heading: String?, _ labels: Labels) -> String {
        let list = labels.list(names)
        guard let heading else { return labels(.servicesAbove, ["services": list]) }
        // A heading that ends with its own stop ("Who can I tell?") is not given another.
        var line = labels(.servicesAboveUnder, ["services": list, "heading": heading])
        if heading.last.map({ ".?!".contains($0) }) == true, line.hasSuffix("”."), line.count > 2 { line.removeLast() }
        return line
    }

    /// The title of an edition of a guide: "Bullying (Easy read)", or the title alone for the guide itself.
    public static func editionTitle(_ title: String, edition: String?, _ labels: Labels) -> String {
        edition.map { labels(.editionTitle, ["title": title, "edition": $0]) } ?? title
    }

    /// An edition's name as it follows a title: "(Easy read)".
    public static func editionLabel(_ edition: String, _ labels: Labels) -> String {
        labels(.editionLabel, ["edition": edition])
    }

    /// The title page's line saying who the guide is for, if it says.
    public static func audienceLine(_ metadata: Metadata, _ labels: Labels) -> String? {
        metadata.audience.map { labels(.audienceLine, ["audience": $0]) }
    }

    /// The title page's line saying who published the guide, when, and which version.
    public static func publisherLine(_ metadata: Metadata, _ labels: Labels) -> String {
        var values = ["publisher": metadata.publisher, "date": labels.date(metadata.published)]
        guard let version = metadata.version else { return labels(.publisherLine, values) }
        values["version"] = version
        return labels(.publisherLineVersion, values)
    }

    /// A glossary explanation to put in brackets after a word: first letter lower-cased
    /// (unless it starts a name or an initialism), final full stop removed.
    public static func inlineExplanation(_ explanation: String) -> String {
        // Every writer explains the same glossary words: each explanation is worked out once (issue #23).
        explanations.value(for: explanation) { madeInline(explanation) }
    }

    static let explanations = Memo<String, String>(limit: 4096)

    static func madeInline(_ explanation: String) -> String {
        let scalars = Array(explanation.trimmed.unicodeScalars)
        // Inside brackets, sentences are joined with semicolons: "(kept private; only …)". The
        // sentences are the one splitter's, so "e.g. a teacher" stays whole.
        let sentences = SentenceSplitter.ranges(in: scalars).map { range -> String in
            var sentence = String(String.UnicodeScalarView(scalars[range])).trimmed
            while let last = sentence.last, last == "." { sentence.removeLast() }
            return sentence
        }
        return sentences.filter { !$0.isEmpty }.map(lowercasingFirstWord).joined(separator: "; ")
    }

    /// What easy read writes after a hard word (in bold) to explain it in a sentence of its own:
    /// ` is when someone…` for an explanation that starts "When" or "Where" ("Grooming is when…",
    /// not "Grooming means when…"), otherwise ` means a grown-up…`.
    public static func easyReadMeaning(_ explanation: String) -> String {
        let words = inlineExplanation(explanation)
        let verb = words.hasPrefix("when ") || words.hasPrefix("where ") ? "is" : "means"
        return " \(verb) \(words)."
    }

    /// Lower-cases an ordinary first word ("A meeting…", "Someone…"), never an initialism ("NHS…") or "I".
    private static func lowercasingFirstWord(_ text: String) -> String {
        let first = text.split(separator: " ").first.map(String.init) ?? ""
        let isInitialism = first.count > 1 && first.filter(\.isLetter).allSatisfy(\.isUppercase)
        guard let initial = text.first, initial.isUppercase, !isInitialism, !startsWithName(text) else { return text }
        return initial.lowercased() + String(text.dropFirst())
    }

    /// The urgent callouts of a chapter first, then its other blocks in order.
    public static func urgentFirst(_ blocks: [Block]) -> [Block] {
        let urgent = blocks.filter { if case .callout(let callout) = $0.kind { return callout.kind == .urgent } else { return false } }
        let rest = blocks.filter { if case .callout(let callout) = $0.kind { return callout.kind != .urgent } else { return true } }
        return urgent + rest
    }

    private static func startsWithName(_ text: String) -> Bool {
        let first = text.split(separator: " ").first.map(String.init) ?? ""
        return first == "I" || first.hasPrefix("I'") || first.hasPrefix("I’")
    }
}
