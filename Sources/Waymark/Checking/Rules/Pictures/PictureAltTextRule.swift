import WaymarkModel

/// Pictures need alt text that says what they show, in a sentence or two.
struct PictureAltTextRule: Rule {
    static let description = RuleDescription(
        id: "picture-alt-text",
        name: "Picture alt text",
        summary: "A picture needs alt text that describes it: not missing where it carries meaning, not a file name, not 'image of…', not too long.",
        rationale: """
            People who use a screen reader hear the alt text instead of seeing the picture. A file name or \
            "image of" tells them nothing useful, and very long alt text is tiring to listen to. A picture \
            with a caption carries meaning, so it cannot be decorative (empty alt text); a picture with no \
            caption and empty alt text is treated as decorative and hidden.
            """,
        severity: .error,
        standards: [Standard("WCAG 2.2", "1.1.1 Non-text Content")],
        parameters: [RuleParameter("max-length", default: Thresholds.altTextMaximumCharacters, range: 1...10_000, "The most characters alt text should have.")],
        passing: [
            RuleExample("![People sitting round a table](pictures/meeting.svg)\n"),
            RuleExample("![](pictures/meeting.svg)\n"),
        ],
        failing: [
            RuleExample("↓![](pictures/meeting.svg \"The people at the meeting\")\n"),
            RuleExample("![↓meeting.svg](pictures/meeting.svg)\n"),
            RuleExample("![↓Image of a phone](pictures/phone.svg)\n"),
            RuleExample("![↓\(String(repeating: "A long description of the picture. ", count: 5))](pictures/phone.svg)\n"),
        ]
    )

    func check(guide context: GuideContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        context.guide.forEachBlock { block in
            switch block.kind {
            case .picture(let picture): findings += check(picture, at: block.location, context)
            case .easyRead(let rows):
                for row in rows { if let picture = row.picture { findings += check(picture, at: row.location, context) } }
            case .heading, .paragraph, .list, .quote, .table, .callout, .contact, .writeSpace: break
            }
        }
        return findings
    }
}

private extension PictureAltTextRule {
    static let imageExtensions = [".svg", ".png", ".jpg", ".jpeg", ".gif", ".webp"]
    static let redundantStarts = ["image of", "picture of", "photo of", "photograph of", "graphic of", "icon of",
                                  "an image of", "a picture of", "a photo of", "an icon of"]

    func check(_ picture: Picture, at location: Location, _ context: GuideContext) -> [Diagnostic] {
        // The alt text starts after "![".
        let altLocation = Location(file: location.file, line: location.line, column: location.column + 2)
        let alt = picture.alt.lowercased()
        let fileName = picture.source.split(separator: "/").last.map { $0.lowercased() } ?? ""
        if picture.isDecorative {
            guard let caption = picture.caption else { return [] }
            return [context.finding(
                .error, at: location, "this picture has a caption ('\(caption.prefix(40))') but no alt text, so screen readers skip it",
                hint: "write what the picture shows between the square brackets, e.g. ![People sitting round a table](\(picture.source))")]
        }
        if PictureAltTextRule.imageExtensions.contains(where: alt.hasSuffix) || alt == fileName {
            return [context.finding(
                .error, at: altLocation, "the alt text '\(picture.alt)' is a file name, which tells a screen reader user nothing",
                hint: "write what the picture shows, in a few plain words, e.g. 'A person on the phone'")]
        }
        var findings: [Diagnostic] = []
        if let start = PictureAltTextRule.redundantStarts.first(where: { alt.hasPrefix($0 + " ") }) {
            findings.append(context.finding(
                .warning, at: altLocation, "the alt text starts with '\(start)'; screen readers already say it is a picture",
                hint: "start with what the picture shows: '\(picture.alt.dropFirst(start.count + 1))'"))
        }
        let limit = Int(context.parameter("max-length"))
        if picture.alt.count > limit {
            findings.append(context.finding(
                .warning, at: altLocation, "the alt text has \(picture.alt.count) characters; keep it to \(limit) or fewer",
                hint: "say what the picture shows in one short sentence; put anything more in the text or the caption"))
        }
        return findings
    }
}
