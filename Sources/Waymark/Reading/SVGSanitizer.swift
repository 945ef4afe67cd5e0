import WaymarkXML

/// Makes an SVG picture safe to put in an output for a child to open.
///
/// The picture is parsed through ``XMLDocument`` (no network, no DTD, no
/// entities, depth-limited) and written again from an allow-list of SVG
/// elements and attributes, so nothing of the original bytes reaches an
/// output as is. Anything that could run code, load something from
/// elsewhere or track the reader is refused with the line it is on:
/// `<script>`, `<foreignObject>`, event attributes (`onload=`), links that
/// are not `#fragment`s, any CSS function that takes an address (`url(`,
/// `image-set(`, `cross-fade(`…) given anything but a fragment, in a style or
/// in a presentation attribute such as `fill` or `mask`, `@import` and CSS
/// escapes. So is a picture whose `<use>` elements copy so much that it would
/// take minutes to draw. Anything else that is not on the allow-list (editor
/// metadata, comments, animation, processing instructions) is dropped.
public enum SVGSanitizer {
    /// Why an SVG picture was refused.
    public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
        /// What is wrong, in words for the guide's author ("contains a script (<script>)").
        public var message: String
        /// The 1-based line in the picture file, or 0 when unknown.
        public var line: Int

        /// Creates a problem.
        public init(_ message: String, line: Int = 0) {
            self.message = message
            self.line = line
        }

        /// The message with the picture's line, when known.
        public var description: String { line > 0 ? "\(message) on line \(line) of the picture" : message }
    }

    /// The SVG namespace every element is written in.
    public static let svgNamespace = "http://www.w3.org/2000/svg"
    /// The XLink namespace, for `xlink:href="#id"`.
    public static let xlinkNamespace = "http://www.w3.org/1999/xlink"

    /// The picture's bytes rewritten from the allow-list, or the reason it is refused.
    public static func sanitize(_ bytes: [UInt8]) throws(Problem) -> [UInt8] {
        let root: XMLElement
        do {
            root = try XMLDocument.parse(bytes)
        } catch let error as XMLError {
            throw Problem("is not a well-formed SVG file (\(error.message))", line: error.line)
        } catch {
            throw Problem("is not a well-formed SVG file (\(error))")
        }
        guard root.name == "svg" else {
            throw Problem("is not an SVG file (its first element is <\(root.name)>)", line: root.line)
        }
        if let namespace = root.attribute("xmlns"), namespace != svgNamespace {
            throw Problem("is not an SVG file (its namespace is '\(namespace)')", line: root.line)
        }
        var clean = try cleaned(root)
        try checkCopies(clean)
        clean.attributes.insert(XMLAttribute("xmlns", svgNamespace), at: 0)
        // Declared only when a kept element uses it, so that the rewritten picture rewrites to itself.
        if usesXLink(clean) { clean.attributes.insert(XMLAttribute("xmlns:xlink", xlinkNamespace), at: 1) }
        do {
            return try XMLDocument.serialize(clean, declaration: false)
        } catch {
            throw Problem("could not be written again (\(error))", line: root.line)
        }
    }
}

// MARK: - Allow-lists

extension SVGSanitizer {
    /// SVG elements kept (by local name); any other element is dropped with everything inside it.
    static let allowedElements: Set<String> = [
        "svg", "g", "defs", "symbol", "use", "title", "desc", "style",
        "path", "rect", "circle", "ellipse", "line", "polyline", "polygon",
        "text", "tspan",
        "linearGradient", "radialGradient", "stop", "clipPath", "mask", "pattern", "marker",
    ]

    /// Attributes kept (by qualified name); any other attribute is dropped.
    static let allowedAttributes: Set<String> = [
        "id", "class", "style", "lang", "xml:lang", "xml:space", "version",
        "role", "aria-label", "aria-labelledby", "aria-describedby", "aria-hidden", "focusable",
        "viewBox", "preserveAspectRatio", "width", "height", "x", "y", "x1", "y1", "x2", "y2",
        "cx", "cy", "r", "rx", "ry", "fx", "fy", "fr", "d", "points", "pathLength", "transform",
        "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-linecap",
        "stroke-linejoin", "stroke-miterlimit", "stroke-dasharray", "stroke-dashoffset",
        "stroke-opacity", "opacity", "color", "display", "visibility", "vector-effect",
        "shape-rendering", "text-rendering", "clip-path", "clip-rule", "mask",
        "marker-start", "marker-mid", "marker-end", "markerWidth", "markerHeight",
        "markerUnits", "refX", "refY", "orient",
        "font-family", "font-size", "font-weight", "font-style", "text-anchor",
        "dominant-baseline", "alignment-baseline", "letter-spacing", "word-spacing",
        "dx", "dy", "rotate", "textLength", "lengthAdjust",
        "gradientUnits", "gradientTransform", "spreadMethod", "offset", "stop-color", "stop-opacity",
        "patternUnits", "patternContentUnits", "patternTransform", "clipPathUnits",
        "maskUnits", "maskContentUnits",
        "href", "xlink:href",
    ]
}

// MARK: - Limits

extension SVGSanitizer {
    // SVG 2 §5.6: every <use> draws a fresh copy of what it points at, and a copy may hold
    // <use> elements of its own. Ten groups each using the one before ten times ask for 10^9
    // copies from a 1 KB file, which kept Chromium drawing for over 90 s (issue 12). The three
    // limits are far above what a pictogram needs (the ones in Styles/pictograms use none).

    /// The most `<use>` elements one picture may hold.
    public static let maximumUseElements = 256
    /// The most `<use>` elements in a chain, each copying something that holds the next.
    public static let maximumUseDepth = 8
    /// The most elements all the `<use>` elements of a picture may copy together, copies of copies
    /// counted: the count and depth limits alone would still let 8 levels of 32 copies each through.
    public static let maximumCopiedElements = 10_000

    /// CSS functions that take an address, by the end of their name so that vendor prefixes
    /// (`-webkit-image-set`, `-moz-element`) count too: CSS Values 4 §4.5 `url()` and `src()`,
    /// CSS Images 4 `image()`, `image-set()`, `cross-fade()`, `element()`, and CSS Painting API `paint()`.
    static let addressFunctions = ["url", "src", "image-set", "image", "cross-fade", "element", "paint"]
    /// CSS functions that put a value from elsewhere in their place (CSS Variables `var()`,
    /// CSS Values 5 `attr()`, CSS Environment Variables `env()`), so can hide an address.
    static let substitutionFunctions = ["var", "attr", "env"]
}

// MARK: - Implementation

private extension SVGSanitizer {
    /// `element` with only allowed children and attributes; throws on anything active or external.
    /// Recursion is bounded by ``XMLDocument/depthLimit``.
    static func cleaned(_ element: XMLElement) throws(Problem) -> XMLElement {
        var clean = XMLElement(element.name, line: element.line)
        for attribute in element.attributes {
            let name = attribute.name
            let local = name.split(separator: ":").last.map(String.init) ?? name
            if local.lowercased().hasPrefix("on") {
                throw Problem("has an event attribute '\(name)=' on <\(element.name)>, which would run code; pictures must not run code", line: element.line)
            }
            if local.lowercased() == "href" {
                let target = attribute.value.trimmingWhitespace
                guard target.hasPrefix("#") else {
                    throw Problem("links to '\(target.prefix(60))' from <\(element.name)>; a picture may only refer to parts of itself (#id), never to another file or website", line: element.line)
                }
            }
            try checkCSS(attribute.value, in: element, always: local == "style")
            if name == "xmlns" || name.hasPrefix("xmlns:") { continue }
            guard allowedAttributes.contains(name) else { continue }
            clean.attributes.append(XMLAttribute(name, attribute.value))
        }
        for child in element.children {
            switch child {
            case .element(let inner):
                switch inner.localName.lowercased() {
                case "script":
                    throw Problem("contains a script (<\(inner.name)>); pictures must not run code", line: inner.line)
                case "foreignobject":
                    throw Problem("contains <\(inner.name)>, which can hold a web page inside the picture", line: inner.line)
                case "iframe", "embed", "object", "image", "feimage":
                    throw Problem("contains <\(inner.name)>, which puts another file inside the picture; draw the picture as plain SVG shapes", line: inner.line)
                default:
                    break
                }
                // Dropped elements are still checked, so that a hidden script is never let through silently.
                let kept = try cleaned(inner)
                if !inner.name.contains(":"), allowedElements.contains(inner.name) {
                    clean.children.append(.element(kept))
                }
            case .text(let text):
                clean.children.append(.text(text))
            case .comment:
                continue
            }
        }
        if element.localName == "style" {
            // A style sheet is its text alone: what sat between its pieces (an element, a
            // comment) is dropped, so the pieces are joined and checked as the one text that
            // the output holds. Checked piece by piece, a quote opened in one piece could hide
            // a `url(` in the next, which the joined text then shows (found by fuzzing).
            var sheet = ""
            for case .text(let text) in clean.children { sheet += text }
            try checkCSS(sheet, in: element, always: true)
            clean.children = sheet.isEmpty ? [] : [.text(sheet)]
        }
        return clean
    }

    /// Whether any element in `root` has an `xlink:href`.
    static func usesXLink(_ root: XMLElement) -> Bool {
        var stack = [root]
        while let element = stack.popLast() {
            if element.attributes.contains(where: { $0.name == "xlink:href" }) { return true }
            for case .element(let child) in element.children { stack.append(child) }
        }
        return false
    }

    /// Throws when CSS in `text` could load something or hide what it does; `always` for a
    /// style sheet or `style` attribute, where every rule applies.
    static func checkCSS(_ text: String, in element: XMLElement, always: Bool = false) throws(Problem) {
        // CSS is read in code points, never in grapheme clusters: `url(` followed by a combining
        // mark (`url(ٞ)`) is one Swift Character `(ٞ`, so every test here is on bytes, with only
        // ASCII letters lower-cased, as CSS does (CSS Syntax 3 §4: ASCII case-insensitive names).
        let bytes = Array(text.utf8).map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
        func has(_ needle: String, _ haystack: [UInt8]) -> Bool { haystack.firstRange(of: Array(needle.utf8)) != nil }
        let opensFunction = bytes.contains(UInt8(ascii: "("))
        // Read as written, and without comments in case a reader joins what they split
        // (`ur/**/l(`, `@im/**/port`); as written, `url(/**/x)` is the address "/**/x" (CSS Syntax 3 §4.3.6).
        let uncommented = withoutComments(bytes)
        if has("@import", bytes) || (uncommented != bytes && has("@import", uncommented)) {
            throw Problem("has a style with @import in <\(element.name)>, which loads another file", line: element.line)
        }
        // A CSS escape can spell a function name (`u\72 l(` is `url(`), and SVG presentation
        // attributes are CSS values: so no backslash in a style, nor beside a "(" anywhere.
        if always || opensFunction {
            if bytes.contains(UInt8(ascii: "\\")) {
                throw Problem("has a style with a backslash escape in <\(element.name)>, which can hide what it loads", line: element.line)
            }
            if has("expression(", bytes) {
                throw Problem("has a style with expression(…) in <\(element.name)>, which would run code", line: element.line)
            }
        }
        if opensFunction {
            try checkAddresses(bytes, in: element)
            if uncommented != bytes { try checkAddresses(uncommented, in: element) }
        }
        if always {
            // Fonts load files, and an address can be written without any function.
            for loader in ["@font-face", "//", "data:"] where has(loader, bytes) {
                throw Problem("has a style with '\(loader)' in <\(element.name)>, which can load another file", line: element.line)
            }
        }
    }

    /// Throws when a CSS function that takes an address, in lower-case `css`, is given anything but
    /// a `#fragment`: the unquoted address of `url(`/`src(`, or any quoted string inside one of
    /// them, however deep. One pass, so a long style costs no more than its length.
    static func checkAddresses(_ css: [UInt8], in element: XMLElement) throws(Problem) {
        // For each "(" still open: the name of the innermost address function around it, if any.
        var open: [String?] = []
        var index = 0
        while index < css.count {
            let byte = css[index]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                // A string runs to the same quote (backslashes are refused beside a "(", so none is escaped).
                let start = index + 1
                var end = start
                while end < css.count, css[end] != byte {
                    // An address function spelt inside quotes is refused too, as before: no picture
                    // needs one, and a reader (or the fuzz oracle) that searches the text for `url(` finds it.
                    if css[end] == UInt8(ascii: "("), let name = functionName(css, before: end), isAddressFunction(name) {
                        throw Problem("has a style with '\(name)(' inside quotes in <\(element.name)>; a picture may only refer to parts of itself (url(#id))", line: element.line)
                    }
                    end += 1
                }
                if let function = open.last ?? nil, !isFragment(css[start..<end]) {
                    throw loads(function, String(decoding: css[start..<end], as: UTF8.self), in: element)
                }
                index = end + 1
                continue
            }
            if byte == UInt8(ascii: ")") {
                _ = open.popLast()
            } else if byte == UInt8(ascii: "(") {
                let name = functionName(css, before: index) ?? ""
                let around = open.last ?? nil
                if let around, substitutionFunctions.contains(where: { name.hasSuffix($0) }) {
                    throw Problem("has a style with '\(around)(' in <\(element.name)> that takes its address from \(name)(…), which can hide what it loads", line: element.line)
                }
                if name.hasSuffix("url") || name.hasSuffix("src") {
                    // The address may be unquoted: then it must start with "#" itself.
                    var first = index + 1
                    while first < css.count, isWhitespace(css[first]) { first += 1 }
                    if first >= css.count || (css[first] != UInt8(ascii: "\"") && css[first] != UInt8(ascii: "'") && css[first] != UInt8(ascii: "#")) {
                        let address = css[min(first, css.count)...].prefix { $0 != UInt8(ascii: ")") && !isWhitespace($0) }
                        throw loads(name, String(decoding: address, as: UTF8.self), in: element)
                    }
                }
                open.append(isAddressFunction(name) ? name : around)
            }
            index += 1
        }
    }

    /// The problem for an address function `name` given `address`.
    static func loads(_ name: String, _ address: String, in element: XMLElement) -> Problem {
        let shown = address.trimmingWhitespace.prefix(40)
        if name.hasSuffix("url") || name.hasSuffix("src") {
            return Problem("has a style that loads '\(name)(\(shown))' in <\(element.name)>; a picture may only refer to parts of itself (url(#id))", line: element.line)
        }
        return Problem("has a style with '\(name)(' in <\(element.name)> that loads '\(shown)'; a picture may only refer to parts of itself (url(#id))", line: element.line)
    }

    /// Whether a function `name` (lower-case) takes an address.
    static func isAddressFunction(_ name: String) -> Bool {
        addressFunctions.contains { name.hasSuffix($0) }
    }

    /// The function name that ends just before the "(" at `index` (whitespace allowed between,
    /// although CSS allows none, so that a lenient reader is covered too); nil when there is none.
    static func functionName(_ css: [UInt8], before index: Int) -> String? {
        var end = index
        while end > 0, isWhitespace(css[end - 1]) { end -= 1 }
        var start = end
        // CSS Syntax 3 §4.2: name code points are letters, digits, "-", "_" and anything not ASCII.
        while start > 0, css[start - 1] >= 0x80 || css[start - 1] == UInt8(ascii: "-") || css[start - 1] == UInt8(ascii: "_")
            || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(css[start - 1]) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(css[start - 1]) {
            start -= 1
        }
        return start < end ? String(decoding: css[start..<end], as: UTF8.self) : nil
    }

    /// Whether a quoted address is a `#fragment` of the picture itself (URL Standard: leading
    /// spaces are dropped before parsing).
    static func isFragment(_ address: ArraySlice<UInt8>) -> Bool {
        address.drop(while: isWhitespace).first == UInt8(ascii: "#")
    }

    /// CSS Syntax 3 §4.2 whitespace: space, tab, and the newlines (CR and FF become LF).
    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
    }

    /// `css` with every `/* … */` comment removed; one left open runs to the end (CSS Syntax 3 §4.3.2).
    static func withoutComments(_ css: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(css.count)
        var index = 0
        while index < css.count {
            if css[index] == UInt8(ascii: "/"), index + 1 < css.count, css[index + 1] == UInt8(ascii: "*") {
                var end = index + 2
                while end + 1 < css.count, !(css[end] == UInt8(ascii: "*") && css[end + 1] == UInt8(ascii: "/")) { end += 1 }
                index = end + 2
                continue
            }
            result.append(css[index])
            index += 1
        }
        return result
    }
}

// MARK: - Copies made by <use>

private extension SVGSanitizer {
    /// What the `<use>` elements copying one element ask for.
    struct Copies {
        /// Elements copied, the element itself and copies of copies counted.
        var elements: Int
        /// The longest chain of `<use>`, counting the one that copies this element.
        var depth: Int
    }

    /// Throws when the `<use>` elements of `root` would copy too much, too deep, or themselves.
    static func checkCopies(_ root: XMLElement) throws(Problem) {
        var byID: [String: XMLElement] = [:]
        var uses: [XMLElement] = []
        // Document order, so that an id used twice means its first element, as getElementById does.
        var stack = [root]
        while let element = stack.popLast() {
            if let id = element.attribute("id"), byID[id] == nil { byID[id] = element }
            if element.name == "use" { uses.append(element) }
            for case .element(let child) in element.children.reversed() { stack.append(child) }
        }
        if uses.count > maximumUseElements {
            throw Problem("has \(uses.count) <use> elements, which copy other parts of the picture; the most allowed is \(maximumUseElements), as more can keep a reader's device drawing for minutes", line: uses[maximumUseElements].line)
        }
        var known: [String: Copies] = [:]
        var total = 0
        for use in uses {
            for id in targets(of: use, in: byID) {
                // Counted for every <use>, even one inside <defs>: a few too many is safer than too few.
                total += try copies(of: id, chain: [], from: use, byID: byID, known: &known).elements
                if total > maximumCopiedElements { throw tooManyCopies(use) }
            }
        }
    }

    /// What copying the element with `id` asks for, reached through the ids in `chain`.
    /// Recursion is bounded by ``maximumUseDepth``; each id is measured once.
    static func copies(of id: String, chain: [String], from use: XMLElement, byID: [String: XMLElement], known: inout [String: Copies]) throws(Problem) -> Copies {
        if let copies = known[id] {
            if chain.count + copies.depth > maximumUseDepth { throw tooDeep(chain + [id], from: use) }
            return copies
        }
        if chain.contains(id) {
            let loop = (chain.drop { $0 != id } + [id]).map { "#\($0)" }.joined(separator: " → ")
            throw Problem("has a <use> that copies '#\(id)', which copies itself (\(loop)); a picture must not copy itself", line: use.line)
        }
        let chain = chain + [id]
        if chain.count > maximumUseDepth { throw tooDeep(chain, from: use) }
        guard let target = byID[id] else { return Copies(elements: 0, depth: 1) }
        var result = Copies(elements: 0, depth: 1)
        var stack = [target]
        while let element = stack.popLast() {
            result.elements += 1
            if element.name == "use" {
                for inner in targets(of: element, in: byID) {
                    let copies = try copies(of: inner, chain: chain, from: use, byID: byID, known: &known)
                    result.elements += copies.elements
                    result.depth = max(result.depth, copies.depth + 1)
                }
            }
            if result.elements > maximumCopiedElements { throw tooManyCopies(use) }
            for case .element(let child) in element.children { stack.append(child) }
        }
        known[id] = result
        return result
    }

    /// The ids a `<use>` copies: SVG 2 `href` and SVG 1.1 `xlink:href` (both, to be safe when
    /// they differ), by the fragment as written and percent-decoded (URL Standard fragment).
    static func targets(of use: XMLElement, in byID: [String: XMLElement]) -> [String] {
        var ids: [String] = []
        for name in ["href", "xlink:href"] {
            guard let href = use.attribute(name)?.trimmingWhitespace, href.hasPrefix("#") else { continue }
            let raw = String(href.dropFirst())
            for id in [raw, percentDecoded(raw)] where byID[id] != nil && !ids.contains(id) { ids.append(id) }
        }
        return ids
    }

    static func tooDeep(_ chain: [String], from use: XMLElement) -> Problem {
        let shown = chain.prefix(3).map { "#\($0)" }.joined(separator: " → ")
        return Problem("has copies of copies more than \(maximumUseDepth) deep (the <use> copies \(shown) → …); the most allowed is \(maximumUseDepth), as deeper copies can keep a reader's device drawing for minutes", line: use.line)
    }

    static func tooManyCopies(_ use: XMLElement) -> Problem {
        Problem("has <use> elements that copy more than \(maximumCopiedElements) parts of the picture in all, counting copies of copies; the most allowed is \(maximumCopiedElements), as more can keep a reader's device drawing for minutes", line: use.line)
    }

    /// `text` with `%XX` escapes decoded as UTF-8; anything else is kept as it is.
    static func percentDecoded(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var result: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.count, let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2]) {
                result.append(high << 4 | low)
                index += 3
            } else {
                result.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

private extension String {
    var trimmingWhitespace: String {
        var scalars = Substring(self)
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        return String(scalars)
    }
}
