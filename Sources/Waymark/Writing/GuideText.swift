import Foundation
import WaymarkModel

/// Words and formats that every writer shares, so they say things the same way.
public enum GuideText {
    /// The title of the list of services gathered at the end of a guide.
    public static let whoCanHelp = "Who can help"
    /// The same list's title when a chapter of the guide is already called "Who can help".
    public static let allServices = "All the services in this guide"

    /// The title of the gathered list of services for `guide`, never the same as one of its chapters.
    public static func helpTitle(for guide: Guide) -> String {
        let taken = guide.chapters.compactMap { $0.heading.map { Inline.plainText($0.content).lowercased() } }
        return taken.contains(whoCanHelp.lowercased()) ? allServices : whoCanHelp
    }
    /// Plain text's line for services written out in full earlier in the guide, so that each is
    /// listed once: `Childline, NSPCC and Police: see above, under “Who can I tell?”`.
    public static func servicesShownAbove(_ names: [String], under heading: String?) -> String {
        var list = names.last ?? ""
        if names.count > 1 { list = names.dropLast().joined(separator: ", ") + " and " + list }
        guard let heading else { return "\(list): see above." }
        let stop = heading.last.map { ".?!".contains($0) } == true ? "" : "."
        return "\(list): see above, under “\(heading)”\(stop)"
    }
    /// The title of the glossary.
    public static let glossary = "Words and what they mean"
    /// The title of the contents list, in every format (and the EPUB's landmark).
    public static let contents = "Contents"
    /// The name of the e-book's cover page, in its title and landmark.
    public static let cover = "Cover"

    /// The text alternative of a cover picture.
    public static func coverAlt(_ title: String) -> String {
        "\(cover): \(title)"
    }

    /// The easy-read edition's name, said after the guide's title wherever the edition is titled.
    public static let easyRead = "Easy read"
    /// The sentence that starts the easy-read e-book's accessibility summary.
    public static let easyReadSummary = "This is the easy-read version: each idea is one or two short sentences beside a picture."

    /// The title of an edition of a guide: "Bullying (Easy read)", or the title alone for the guide itself.
    public static func editionTitle(_ title: String, edition: String?) -> String {
        edition.map { "\(title) \(editionLabel($0))" } ?? title
    }

    /// An edition's name as it follows a title: "(Easy read)".
    public static func editionLabel(_ edition: String) -> String {
        "(\(edition))"
    }

    /// The title page's line saying who the guide is for, if it says.
    public static func audienceLine(_ metadata: Metadata) -> String? {
        metadata.audience.map { "For: \($0)" }
    }

    /// The title page's line saying who published the guide, when, and which version.
    public static func publisherLine(_ metadata: Metadata) -> String {
        var line = "From: \(metadata.publisher), \(date(metadata.published, language: metadata.language))"
        if let version = metadata.version { line += " (version \(version))" }
        return line
    }

    /// A date as a reader says it: `1 November 2026` in English, ISO otherwise.
    public static func date(_ date: GuideDate, language: String) -> String {
        let months = ["January", "February", "March", "April", "May", "June", "July",
                      "August", "September", "October", "November", "December"]
        guard language.lowercased().hasPrefix("en") else { return date.description }
        return "\(date.day) \(months[date.month - 1]) \(date.year)"
    }

    /// A glossary explanation to put in brackets after a word: first letter lower-cased
    /// (unless it starts a name or an initialism), final full stop removed.
    public static func inlineExplanation(_ explanation: String) -> String {
        let scalars = Array(explanation.trimmingCharacters(in: .whitespacesAndNewlines).unicodeScalars)
        // Inside brackets, sentences are joined with semicolons: "(kept private; only …)". The
        // sentences are the one splitter's, so "e.g. a teacher" stays whole.
        let sentences = SentenceSplitter.ranges(in: scalars).map { range -> String in
            var sentence = String(String.UnicodeScalarView(scalars[range])).trimmingCharacters(in: .whitespacesAndNewlines)
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
