import WaymarkModel

/// Turns a guide into its easy-read version, which any writer can render:
/// every chapter becomes rows of a picture beside one or two short sentences.
///
/// A chapter's own `:::easy-read` blocks are used when it has any. A chapter
/// with none gets one row per sentence of its text, marked as generated so
/// that checking can report what breaks the easy-read rules. Urgent boxes
/// lead the guide; "Who can help" ends it as rows with a phone picture.
public enum EasyReadTransform {
    /// The heading id of the closing "Who can help" chapter.
    static let helpID = "who-can-help"

    /// The easy-read version of `guide`, with pictures chosen from `pictograms` and the words
    /// it adds ("Call …", "Who can help") from `labels`.
    public static func transform(_ guide: Guide, pictograms: PictogramSet, labels: Labels) -> Guide {
        SharedWork.easyRead(guide, pictograms: pictograms, labels: labels) { made(guide, pictograms: pictograms, labels: labels) }
    }

    /// ``transform(_:pictograms:labels:)``, made (each build makes it once per guide, ``SharedWork``).
    static func made(_ guide: Guide, pictograms: PictogramSet, labels: Labels) -> Guide {
        var state = State(guide: guide, pictograms: pictograms, labels: labels)
        var chapters: [Chapter] = []
        var urgent: [Block] = []
        for chapter in guide.chapters {
            urgent += chapter.blocks.filter { block in
                if case .callout(let callout) = block.kind { return callout.kind == .urgent } else { return false }
            }
            let blocks = state.rows(for: chapter)
            if chapter.heading == nil && blocks.isEmpty { continue }
            chapters.append(Chapter(heading: chapter.heading, blocks: blocks, location: chapter.location))
        }
        // Urgent boxes lead the guide, each once.
        var seen: Set<String> = []
        urgent = urgent.filter { block in
            guard case .callout(let callout) = block.kind else { return false }
            return seen.insert(callout.blocks.map { Inline.plainText($0.inlineRuns.flatMap { $0 }) }.joined()).inserted
        }.map { state.plainWords($0) }
        if !urgent.isEmpty {
            chapters.insert(Chapter(heading: nil, blocks: urgent, location: urgent[0].location), at: 0)
        }
        if let help = state.helpChapter() { chapters.append(help) }
        var result = guide
        result.chapters = chapters
        result.resources = state.resources
        return result
    }
}

// MARK: - Building rows

private extension EasyReadTransform {
    struct State {
        let guide: Guide
        let pictograms: PictogramSet
        let labels: Labels
        var resources: [String: Resource]
        /// Which hard words to explain in each row, and how abbreviations are written out.
        var explainer: WordExplainer

        init(guide: Guide, pictograms: PictogramSet, labels: Labels) {
            self.guide = guide
            self.pictograms = pictograms
            self.labels = labels
            resources = guide.resources
            explainer = WordExplainer(guide: guide)
        }

        /// The rows of a chapter: its own easy-read blocks, or rows made from its text.
        mutating func rows(for chapter: Chapter) -> [Block] {
            var authored: [Block] = []
            Block.forEach(in: chapter.blocks) { block in
                if case .easyRead = block.kind { authored.append(block) }
            }
            if !authored.isEmpty {
                return authored.map { block in
                    guard case .easyRead(let rows) = block.kind else { return block }
                    return Block(.easyRead(rows.map { finish($0) }), at: block.location)
                }
            }
            return generatedRows(chapter.blocks)
        }

        /// Rows made from ordinary text: one sentence a row; section headings kept.
        mutating func generatedRows(_ blocks: [Block]) -> [Block] {
            var result: [Block] = []
            var rows: [EasyReadRow] = []
            var pendingPicture: Picture?
            func flush() {
                if !rows.isEmpty, let first = rows.first { result.append(Block(.easyRead(rows), at: first.location)) }
                rows = []
            }
            func add(_ inlines: [Inline], at location: Location) {
                for sentence in SentenceSplitter.sentences(inlines) {
                    let row = EasyReadRow(picture: pendingPicture, content: sentence, location: sentence.first?.location ?? location, generated: true)
                    pendingPicture = nil
                    rows.append(finish(row))
                }
            }
            var queue = blocks[...]
            while let block = queue.popFirst() {
                switch block.kind {
                case .heading:
                    flush()
                    result.append(block)
                case .paragraph(let content):
                    add(content, at: block.location)
                case .list(let list):
                    queue = list.items.flatMap { $0 }[...] + queue
                case .quote(let inner):
                    queue = inner[...] + queue
                case .callout(let callout):
                    // Urgent boxes lead the guide; notes are read as ordinary text.
                    if callout.kind == .note { queue = callout.blocks[...] + queue }
                case .table(let table):
                    let headers = table.header.map { Inline.plainText($0) }
                    for row in table.rows {
                        var content: [Inline] = []
                        for (index, cell) in row.enumerated() {
                            if index < headers.count, !headers[index].isEmpty {
                                content.append(Inline(.text("\(headers[index]): "), at: block.location))
                            }
                            content += cell
                            content.append(Inline(.text(". "), at: block.location))
                        }
                        add(content, at: block.location)
                    }
                case .picture(let picture):
                    // An author's picture goes beside the next sentence.
                    pendingPicture = picture.isDecorative ? nil : picture
                case .writeSpace(let space):
                    add([Inline(.text(labels(.easyThinkAbout) + " "), at: block.location)] + space.prompt, at: block.location)
                case .contact, .easyRead:
                    // Contacts are gathered at the end; easy-read blocks were handled above.
                    continue
                }
            }
            flush()
            return result
        }

        /// A row with its picture chosen, abbreviations written out and hard words explained
        /// (each once in the row, unless the row defines it).
        mutating func finish(_ row: EasyReadRow) -> EasyReadRow {
            explainer.forgetExplainedWords()
            var result = row
            var explanations: [Inline] = []
            result.content = plain(row.content, explanations: &explanations)
            result.content += explanations
            if result.picture == nil, let chosen = pictograms.choose(for: row.content) {
                result.picture = picture(chosen)
            }
            return result
        }

        /// Inlines with abbreviations written out and glossary words in bold, collecting
        /// an explanation sentence for each word's first use in the row.
        mutating func plain(_ inlines: [Inline], explanations: inout [Inline]) -> [Inline] {
            inlines.map { inline in
                switch inline.kind {
                case .abbreviation(let use):
                    return Inline(.text(explainer.writtenOut(use, at: inline.location) ?? use.text), at: inline.location)
                case .term(let use):
                    if let explanation = explainer.explanation(for: use, at: inline.location) {
                        let word = use.term.prefix(1).uppercased() + use.term.dropFirst()
                        explanations += [
                            Inline(.lineBreak, at: inline.location),
                            Inline(.strong([Inline(.text(word), at: inline.location)]), at: inline.location),
                            Inline(.text(GuideText.easyReadMeaning(explanation)), at: inline.location),
                        ]
                    }
                    return Inline(.strong([Inline(.text(use.text), at: inline.location)]), at: inline.location)
                case .emphasis(let children):
                    return Inline(.strong(plain(children, explanations: &explanations)), at: inline.location)
                case .strong(let children):
                    return Inline(.strong(plain(children, explanations: &explanations)), at: inline.location)
                case .link(let destination, let children):
                    return Inline(.link(destination: destination, content: plain(children, explanations: &explanations)), at: inline.location)
                case .text, .phone, .lineBreak:
                    return inline
                }
            }
        }

        /// An urgent box with abbreviations written out.
        mutating func plainWords(_ block: Block) -> Block {
            guard case .callout(var callout) = block.kind else { return block }
            callout.blocks = callout.blocks.map { inner in
                guard case .paragraph(let content) = inner.kind else { return inner }
                var ignored: [Inline] = []
                return Block(.paragraph(plain(content, explanations: &ignored)), at: inner.location)
            }
            return Block(.callout(callout), at: block.location)
        }

        /// A chosen pictogram as a picture. It repeats what the words say, so it is decorative (alt="").
        mutating func picture(_ entry: PictogramSet.Entry) -> Picture {
            let key = "pictograms/" + entry.file
            if resources[key] == nil {
                resources[key] = Resource(mediaType: "image/svg+xml", bytes: entry.bytes, fileName: "pictogram-" + entry.file)
            }
            return Picture(alt: "", source: key, resource: key)
        }

        /// "Who can help": one row a service, a phone picture beside each number.
        mutating func helpChapter() -> Chapter? {
            let contacts = guide.contacts
            guard let first = contacts.first else { return nil }
            let location = guide.chapters.last?.location ?? Location(file: guide.sourcePath, line: 1, column: 1)
            var rows: [EasyReadRow] = []
            for contact in contacts {
                var content: [Inline] = [Inline(.strong([Inline(.text(contact.name), at: location)]), at: location)]
                func sentence(_ parts: [Inline]) {
                    content.append(Inline(.lineBreak, at: location))
                    content += parts
                }
                if let about = contact.about { sentence([Inline(.text(about), at: location)]) }
                /// The label `key` with `inline` where its `{name}` is ("Call " 0800 1111 ".").
                func around(_ key: Labels.Key, _ name: String, _ inline: Inline.Kind, then more: String = "") -> [Inline] {
                    let (before, after) = labels.parts(key, around: name)
                    return [Inline(.text(before), at: location), Inline(inline, at: location), Inline(.text(after + more), at: location)]
                        .filter { if case .text(let text) = $0.kind { return !text.isEmpty } else { return true } }
                }
                for phone in contact.phones {
                    sentence(around(.easyCall, "number", .phone(phone.number), then: phone.hours.map { " \($0)." } ?? ""))
                }
                if let text = contact.text {
                    sentence(around(.easyText, "number", .phone(text)))
                }
                if let email = contact.email {
                    sentence(around(.easyEmail, "address", .link(destination: "mailto:" + email, content: [Inline(.text(email), at: location)])))
                }
                if let website = contact.website {
                    sentence(around(.easyWebsite, "address", .link(destination: website, content: [Inline(.text(HTMLRenderer.displayAddress(website)), at: location)])))
                }
                if let hours = contact.hours { sentence([Inline(.text(labels(.easyOpen, ["hours": hours])), at: location)]) }
                if let cost = contact.cost { sentence([Inline(.text(cost), at: location)]) }
                var row = EasyReadRow(picture: nil, content: content, location: location)
                if let chosen = pictograms.choose(for: content) { row.picture = picture(chosen) }
                rows.append(row)
            }
            let heading = Heading(level: 1, content: [Inline(.text(GuideText.helpTitle(for: guide, labels)), at: location)], id: EasyReadTransform.helpID)
            _ = first
            return Chapter(heading: heading, blocks: [Block(.easyRead(rows), at: location)], location: location)
        }
    }
}
