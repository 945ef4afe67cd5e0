import Foundation
import Waymark
import WaymarkModel

/// The text a new guide starts from: the front matter `waymark init`'s example guide has
/// (``StarterProject``), with the author's title, the project's publisher and language, today's
/// date, and a first chapter to write over. It reads and builds with no errors as it is.
enum GuideTemplate {
    /// The new guide's text.
    static func text(title: String, project: ProjectConfiguration, today: GuideDate) -> String {
        let reviewBy = GuideDate(year: today.year + 1, month: today.month, day: min(today.day, 28))
        let publisher = project.publisher ?? "Our Safeguarding Partnership"
        let language = project.language ?? "en-GB"
        return """
            ---
            title: \(quoted(title))
            language: \(quoted(language))
            audience: Children and young people
            reading-age: 9
            publisher: \(quoted(publisher))
            published: \(today)
            review-by: \(reviewBy)
            summary: >
              Say here, in one or two short sentences, what this guide is about
              and who it is for.
            ---

            # \(heading(title))

            Write the first chapter here. Use short sentences and everyday words.

            ## What can I do?

            You can talk to someone you trust. They will listen to you.

            """
    }

    /// The file name made from a title: lower case letters and digits, with a `-` between words
    /// (`Going to Court!` → `going-to-court`); empty when the title has no letter or digit.
    static func slug(for title: String) -> String {
        var slug = ""
        var gap = false
        for character in title.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en")).lowercased() {
            if character.isASCII && (character.isLetter || character.isNumber) {
                if gap && !slug.isEmpty { slug += "-" }
                slug.append(character)
                gap = false
            } else if character != "'" && character != "’" {
                gap = true
            }
        }
        return String(slug.prefix(80))
    }

    /// `value` as a YAML double-quoted string: backslashes and quotes escaped, control characters dropped.
    static func quoted(_ value: String) -> String {
        var text = "\""
        for scalar in value.unicodeScalars where scalar.properties.generalCategory != .control {
            switch scalar {
            case "\\": text += "\\\\"
            case "\"": text += "\\\""
            default: text.unicodeScalars.append(scalar)
            }
        }
        return text + "\""
    }

    /// `title` as a Markdown heading's text: Markdown's own characters escaped, on one line.
    static func heading(_ title: String) -> String {
        var text = ""
        for scalar in title.unicodeScalars where scalar.properties.generalCategory != .control {
            if "\\`*_[]<>&#!".unicodeScalars.contains(scalar) { text += "\\" }
            text.unicodeScalars.append(scalar)
        }
        return text
    }
}
