import Foundation
import WaymarkModel
import WaymarkXML

/// The cover of an e-book whose guide names none: the title, subtitle, publisher and a picture,
/// drawn as a small SVG so that a library shows the book by its name instead of a blank tile.
///
/// An SVG has no line wrapping, so the lines are broken here, at spaces, from an estimate of each
/// character's width in the widest font of the stack; the type shrinks until everything fits, so
/// nothing is cut off. The same guide always gives the same bytes: no dates, no randomness.
struct Cover: Equatable {
    /// The guide's title.
    var title: String
    /// The edition's name, drawn on a line of its own after the title ("Easy read").
    var edition: String?
    var subtitle: String?
    var publisher: String
    /// The guide's language, for `xml:lang`.
    var language: String
    /// The words the cover adds ("Cover", the edition's brackets), in that language.
    var labels: Labels = LabelCatalogues.builtIn.labels(for: "en")
    /// A sanitised SVG to draw between the words and the publisher, if any.
    var picture: [UInt8]?

    /// The manifest id of the cover picture, named by `<meta name="cover">` for EPUB 2 readers.
    static let manifestID = "cover-image"

    /// The SVG bytes (drawn once per cover in a build, ``SharedWork``).
    func svg() throws -> [UInt8] {
        try SharedWork.svg(of: self) { try drawn() }
    }

    /// The SVG bytes, drawn.
    func drawn() throws -> [UInt8] {
        let layout = Layout(cover: self)
        var children: [XMLNode] = [
            HTML.element("title", [], [HTML.text(labels(.coverAlt, ["title": GuideText.editionTitle(title, edition: edition, labels)]))]),
            HTML.element("rect", [("width", "\(Cover.width)"), ("height", "\(Cover.height)"), ("fill", Cover.paper)]),
            // A calm band at the top and the bottom, away from the words.
            HTML.element("rect", [("width", "\(Cover.width)"), ("height", "\(Cover.band)"), ("fill", Cover.accent)]),
            HTML.element("rect", [("y", "\(Cover.height - Cover.band)"), ("width", "\(Cover.width)"), ("height", "\(Cover.band)"), ("fill", Cover.accent)]),
        ]
        var words: [XMLNode] = []
        for line in layout.lines {
            words.append(HTML.element("text", [
                ("x", "\(Cover.width / 2)"), ("y", "\(line.baseline)"), ("font-size", "\(line.size)"),
                ("font-weight", line.bold ? "bold" : nil),
            ], [HTML.text(line.text)]))
        }
        children.append(HTML.element("g", [
            ("font-family", Cover.fontFamily), ("fill", Cover.ink), ("text-anchor", "middle"),
        ], words))
        if let box = layout.picture, let drawing = picture.flatMap({ Cover.drawing($0, in: box) }) {
            children.append(.element(drawing))
        }
        let root = XMLElement("svg", attributes: [
            XMLAttribute("xmlns", SVGSanitizer.svgNamespace),
            XMLAttribute("viewBox", "0 0 \(Cover.width) \(Cover.height)"),
            XMLAttribute("width", "\(Cover.width)"),
            XMLAttribute("height", "\(Cover.height)"),
            XMLAttribute("role", "img"),
            XMLAttribute("xml:lang", language),
        ], children: children)
        // Written without a declaration, as the sanitiser writes pictures: it reads back to itself.
        return try XMLDocument.serialize(root, declaration: false)
    }

    /// The picture for the cover of `guide`: its first picture (not an easy-read row's), else the
    /// pictogram its title and subtitle choose (as easy-read rows choose theirs), else the one
    /// that "help" chooses; nil when there is no SVG to draw.
    static func picture(for guide: Guide, pictograms: PictogramSet) -> [UInt8]? {
        var first: Picture?
        guide.forEachBlock { block in
            switch block.kind {
            case .picture(let picture): if first == nil { first = picture }
            case .heading, .paragraph, .list, .quote, .table, .callout, .contact, .writeSpace, .easyRead: break
            }
        }
        if let first, let resource = guide.resources[first.resource], resource.mediaType == "image/svg+xml",
           let drawable = resource.bytes.count <= drawablePictureSize ? drawablePictures.drawable(resource.bytes) : drawable(resource.bytes) {
            return drawable
        }
        let metadata = guide.metadata
        let location = Location(file: guide.slug, line: 1, column: 1)
        for words in [[metadata.title, metadata.subtitle ?? ""].joined(separator: " "), "help"] {
            if let entry = pictograms.choose(for: [Inline(.text(words), at: location)]),
               let drawable = drawablePictograms.drawable(entry.bytes) {
                return drawable
            }
        }
        return nil
    }

    /// `svg` sanitised, or nil when it is no picture or has a style sheet: its rules would reach
    /// the cover's own words.
    static func drawable(_ svg: [UInt8]) -> [UInt8]? {
        guard let clean = try? SVGSanitizer.sanitize(svg), let root = try? XMLDocument.parse(clean),
              !Cover.hasStyleSheet(root) else { return nil }
        return clean
    }

    /// ``drawable(_:)`` of the pictograms, kept: every cover of a build that has no picture of
    /// its own draws one of the same few (issue #23: sanitising them again was 2.5 % of a build).
    static let drawablePictograms = DrawableCache(limit: 512)

    /// ``drawable(_:)`` of the guides' own first pictures, kept too: the guides of one place share
    /// their pictures, and each guide's three covers (its e-book's, its easy-read e-book's, its
    /// download page's) drew the same one. Only pictures of at most ``drawablePictureSize`` bytes
    /// are kept, at most 128 of them, so they hold no more than 8 MB.
    static let drawablePictures = DrawableCache(limit: 128)
    static let drawablePictureSize = 32 << 10

    final class DrawableCache: @unchecked Sendable {
        private let lock = NSLock()
        private var known: [[UInt8]: [UInt8]?] = [:]
        private let limit: Int

        init(limit: Int) { self.limit = limit }

        /// ``Cover/drawable(_:)`` of `svg`, worked out once for the same bytes.
        func drawable(_ svg: [UInt8]) -> [UInt8]? {
            lock.lock()
            if let found = known[svg] { lock.unlock(); return found }
            lock.unlock()
            let made = Cover.drawable(svg)
            lock.lock()
            defer { lock.unlock() }
            // A preview that runs for days may see many versions of a pictogram: start again then.
            if known.count >= limit { known.removeAll() }
            known[svg] = made
            return made
        }
    }
}

// MARK: - Drawing

extension Cover {
    /// The page, 2:3 like most e-book covers, in SVG user units.
    static let width = 1200
    static let height = 1800
    /// The height of the coloured bands at the top and the bottom.
    static let band = 48
    /// Space between a band or an edge and the words.
    static let margin = 100
    /// The words' colour: 17.4:1 on ``paper`` (WCAG 1.4.6 asks for 7:1), as in epub.css.
    static let ink = "#1a1a1a"
    static let paper = "#ffffff"
    /// The bands' colour, the link blue of epub.css (8.3:1 on white); no words are drawn on it.
    static let accent = "#0b4f8a"
    /// The print formats' stack (Styles/large-print.css), ending in a generic family: no font is
    /// embedded or fetched, and every reader has a sans-serif.
    static let fontFamily = "Verdana, Tahoma, 'DejaVu Sans', sans-serif"

    /// The picture drawn into `box`: its elements in a group scaled from its view box, centred.
    static func drawing(_ svg: [UInt8], in box: (x: Int, y: Int, size: Int)) -> XMLElement? {
        guard let root = try? XMLDocument.parse(svg), let view = viewBox(of: root), view.width > 0, view.height > 0 else { return nil }
        let scale = Double(box.size) / max(view.width, view.height)
        let left = Double(box.x) + (Double(box.size) - view.width * scale) / 2 - view.x * scale
        let top = Double(box.y) + (Double(box.size) - view.height * scale) / 2 - view.y * scale
        // The root's own painting attributes (fill, stroke…) carry over to the group.
        let kept = root.attributes.filter { !pictureRootOnly.contains($0.name) && !$0.name.hasPrefix("xmlns") && !$0.name.hasPrefix("aria-") }
        // Its own name and description are the cover's no longer; the line breaks between elements go too.
        let children = root.children.filter { node in
            switch node {
            case .element(let element): return element.name != "title" && element.name != "desc"
            case .text(let text): return !text.allSatisfy(\.isWhitespace)
            case .comment: return false
            }
        }
        return XMLElement("g", attributes: [
            XMLAttribute("transform", "translate(\(number(left)) \(number(top))) scale(\(number(scale)))"),
        ] + kept, children: children)
    }

    /// Attributes of a picture's `<svg>` that place or name it, not paint it.
    static let pictureRootOnly: Set<String> = [
        "id", "viewBox", "width", "height", "x", "y", "preserveAspectRatio", "version", "role", "focusable",
    ]

    static func viewBox(of root: XMLElement) -> (x: Double, y: Double, width: Double, height: Double)? {
        if let box = root.attribute("viewBox") {
            let parts = box.split { $0 == " " || $0 == "," || $0 == "\t" || $0 == "\n" }.compactMap { Double($0) }
            if parts.count == 4 { return (parts[0], parts[1], parts[2], parts[3]) }
        }
        func length(_ name: String) -> Double? {
            root.attribute(name).flatMap { Double($0.hasSuffix("px") ? String($0.dropLast(2)) : $0) }
        }
        guard let width = length("width"), let height = length("height") else { return nil }
        return (0, 0, width, height)
    }

    static func hasStyleSheet(_ element: XMLElement) -> Bool {
        element.name == "style" || element.children.contains { node in
            if case .element(let child) = node { return hasStyleSheet(child) }
            return false
        }
    }

    /// A number as SVG writes it: at most three decimals, no trailing zeros, the same on every machine.
    static func number(_ value: Double) -> String {
        let thousandths = Int((value * 1000).rounded())
        let sign = thousandths < 0 ? "-" : ""
        let whole = abs(thousandths) / 1000
        var fraction = String(abs(thousandths) % 1000)
        fraction = String(repeating: "0", count: 3 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return sign + String(whole) + (fraction.isEmpty ? "" : "." + fraction)
    }
}

// MARK: - Layout

extension Cover {
    /// One line of words: its baseline, size and weight.
    struct Line: Equatable {
        var text: String
        var baseline: Int
        var size: Int
        var bold: Bool
    }

    /// Where the words and the picture go: the title from the top, the publisher at the bottom,
    /// the picture centred between them.
    struct Layout {
        var lines: [Line] = []
        var picture: (x: Int, y: Int, size: Int)?
        /// The type's scale, 1 for the largest.
        var scale = 1.0

        static let titleSize = 112.0
        /// The most lines the guide's title may take at `scale`: 3 at the largest sizes, then 4, then any.
        static func mostTitleLines(_ scale: Double) -> Int {
            scale >= 0.75 ? 3 : scale >= 0.5 ? 4 : .max
        }
        static let subtitleSize = 64.0
        static let publisherSize = 56.0
        static let largestPicture = 640.0
        static let smallestPicture = 280.0

        init(cover: Cover) {
            let top = Cover.band + Cover.margin
            let bottom = Cover.height - Cover.band - Cover.margin
            let measure = Double(Cover.width - 2 * Cover.margin)
            var scale = 1.0
            // Shrink the type a tenth at a time until the words fit with room for the picture
            // (or, at a scale too small to want a picture, without one). A word wider than the
            // page is broken once the type is half its size, so nothing is ever cut off.
            for step in 0... {
                let last = step >= 60
                let breakWords = scale < 0.5 || last
                let titleSize = (Layout.titleSize * scale).rounded()
                let subtitleSize = (Layout.subtitleSize * scale).rounded()
                let publisherSize = (Layout.publisherSize * scale).rounded()
                // The edition's words start a line of their own: "(Easy read)" is never split across two.
                let editionLines = cover.edition.map { Cover.wrap(GuideText.editionLabel($0, cover.labels), size: titleSize, bold: true, measure: measure, breakWords: breakWords) }
                guard let guideTitle = Cover.wrap(cover.title, size: titleSize, bold: true, measure: measure, breakWords: breakWords),
                      editionLines != .some(nil), case let title = guideTitle + (editionLines.flatMap { $0 } ?? []),
                      // Few lines while the type can still shrink: a title of one or two words a line is hard to take in.
                      guideTitle.count <= Layout.mostTitleLines(scale),
                      let subtitle = Cover.wrap(cover.subtitle ?? "", size: subtitleSize, bold: false, measure: measure, breakWords: breakWords),
                      let publisher = Cover.wrap(cover.publisher, size: publisherSize, bold: false, measure: measure, breakWords: breakWords)
                else { scale *= 0.9; continue }
                let gap = (48 * scale).rounded()
                let titleHeight = Double(title.count) * titleSize * 1.2
                let subtitleHeight = subtitle.isEmpty ? 0 : gap + Double(subtitle.count) * subtitleSize * 1.3
                let publisherHeight = Double(publisher.count) * publisherSize * 1.3
                let room = Double(bottom - top) - titleHeight - subtitleHeight - publisherHeight - 2 * gap
                let wantsPicture = cover.picture != nil && scale > 0.5
                guard room >= (wantsPicture ? Layout.smallestPicture : 0) || last else { scale *= 0.9; continue }

                var y = Double(top)
                func place(_ texts: [String], size: Double, height: Double, bold: Bool) {
                    for text in texts {
                        // The baseline sits so that the line's capitals and descenders share its height evenly.
                        lines.append(Line(text: text, baseline: Int((y + (height - size) / 2 + size * 0.8).rounded()), size: Int(size), bold: bold))
                        y += height
                    }
                }
                place(title, size: titleSize, height: titleSize * 1.2, bold: true)
                if !subtitle.isEmpty { y += gap }
                place(subtitle, size: subtitleSize, height: subtitleSize * 1.3, bold: false)
                let pictureTop = y + gap
                y = Double(bottom) - publisherHeight
                let pictureBottom = y - gap
                place(publisher, size: publisherSize, height: publisherSize * 1.3, bold: false)
                if wantsPicture, room >= Layout.smallestPicture {
                    let size = min(Layout.largestPicture, pictureBottom - pictureTop)
                    picture = (Cover.width / 2 - Int(size / 2), Int((pictureTop + (pictureBottom - pictureTop - size) / 2).rounded()), Int(size))
                }
                self.scale = scale
                break
            }
        }
    }

    /// `text` in lines no wider than `measure`, broken at spaces and evened out: the narrowest
    /// measure that gives no more lines is used, so that no word is left alone on a last line.
    /// Nil when a word is wider than the measure and `breakWords` is off (it is then broken
    /// between characters).
    static func wrap(_ text: String, size: Double, bold: Bool, measure: Double, breakWords: Bool) -> [String]? {
        // Split once for all the measures tried (issue #23).
        let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
        guard var best = greedyWrap(words, size: size, bold: bold, measure: measure, breakWords: breakWords) else { return nil }
        guard best.count > 1 else { return best }
        var narrower = measure
        while narrower > measure / 2 {
            narrower -= measure / 50
            guard let lines = greedyWrap(words, size: size, bold: bold, measure: narrower, breakWords: false),
                  lines.count == best.count else { break }
            best = lines
        }
        return best
    }

    /// `words` in as few lines no wider than `measure` as breaking between them gives, filling
    /// each in turn.
    static func greedyWrap(_ words: [String], size: Double, bold: Bool, measure: Double, breakWords: Bool) -> [String]? {
        // ASCII words are measured as the line grows, adding each byte's width to the line's
        // sum in the order ``width(_:size:bold:)`` adds them, so each width is the same number.
        let ascii = words.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } }
        var lines: [String] = []
        var line = ""
        var lineEms = 0.0
        for word in words {
            let candidateEms = ascii ? asciiEms(word.utf8, from: line.isEmpty ? 0 : lineEms + spaceEms, bold: bold) : 0
            let candidateWidth = ascii ? candidateEms * size : width(line.isEmpty ? word : line + " " + word, size: size, bold: bold)
            if candidateWidth <= measure {
                line = line.isEmpty ? word : line + " " + word
                lineEms = candidateEms
                continue
            }
            if !line.isEmpty { lines.append(line) }
            line = ""
            let wordEms = ascii ? asciiEms(word.utf8, from: 0, bold: bold) : 0
            guard (ascii ? wordEms * size : width(word, size: size, bold: bold)) > measure else {
                line = word
                lineEms = wordEms
                continue
            }
            guard breakWords else { return nil }
            for character in word {
                if !line.isEmpty, width(line + String(character), size: size, bold: bold) > measure {
                    lines.append(line)
                    line = ""
                }
                line.append(character)
            }
            lineEms = ascii ? asciiEms(line.utf8, from: 0, bold: bold) : 0
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    /// An estimate of `text`'s width at `size`, a little wider than Verdana (the widest font of
    /// the stack) sets it, so that a line drawn in any of them stays inside the page.
    static func width(_ text: String, size: Double, bold: Bool) -> Double {
        // ASCII (most titles) a byte at a time, adding the same widths in the same order as the
        // loop below (issue #23: `String.contains(Character)` on every character was 8 % of a build).
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return asciiEms(text.utf8, from: 0, bold: bold) * size }
        return widthByCharacter(text, size: size, bold: bold)
    }

    /// A space's width in ems.
    static let spaceEms = 0.36

    /// `ems` with the widths of the ASCII `bytes` added one by one, as ``widthByCharacter(_:size:bold:)``
    /// adds them.
    static func asciiEms(_ bytes: some Sequence<UInt8>, from ems: Double, bold: Bool) -> Double {
        var ems = ems
        var previousWasCR = false
        for byte in bytes {
            // CR LF is one character, measured as CR.
            if byte == 0x0A && previousWasCR { previousWasCR = false; continue }
            previousWasCR = byte == 0x0D
            switch byte {
            case UInt8(ascii: " "):
                ems += spaceEms
            case UInt8(ascii: "f"), UInt8(ascii: "i"), UInt8(ascii: "j"), UInt8(ascii: "l"), UInt8(ascii: "r"), UInt8(ascii: "t"),
                 UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "!"), UInt8(ascii: "'"),
                 UInt8(ascii: "|"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "["), UInt8(ascii: "]"):
                ems += bold ? 0.46 : 0.4
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "m"), UInt8(ascii: "w"), UInt8(ascii: "@"), UInt8(ascii: "%"), UInt8(ascii: "&"):
                ems += bold ? 0.82 : 0.74
            default:
                ems += bold ? 0.68 : 0.6
            }
        }
        return ems
    }

    /// ``width(_:size:bold:)`` a character at a time, as it was first written: for text beyond ASCII.
    static func widthByCharacter(_ text: String, size: Double, bold: Bool) -> Double {
        var ems = 0.0
        for character in text {
            let scalar = character.unicodeScalars.first?.value ?? 0
            if character == " " {
                ems += 0.36
            } else if isWide(scalar) {
                ems += 1.0
            } else if "fijlrt.,;:!'’|()[]".contains(character) {
                ems += bold ? 0.46 : 0.4
            } else if character.isUppercase || character.isNumber || "mw@%&".contains(character) {
                ems += bold ? 0.82 : 0.74
            } else {
                ems += bold ? 0.68 : 0.6
            }
        }
        return ems * size
    }

    /// East Asian wide characters and emoji: about one em each.
    static func isWide(_ scalar: UInt32) -> Bool {
        (0x1100...0x115F).contains(scalar) || (0x2E80...0xA4CF).contains(scalar) || (0xAC00...0xD7A3).contains(scalar)
            || (0xF900...0xFAFF).contains(scalar) || (0xFE30...0xFE4F).contains(scalar) || (0xFF00...0xFF60).contains(scalar)
            || (0xFFE0...0xFFE6).contains(scalar) || (0x1F300...0x1FAFF).contains(scalar) || (0x20000...0x3FFFD).contains(scalar)
    }
}
