import WaymarkXML

/// Makes an SVG picture safe to put in an output for a child to open.
///
/// The picture is parsed through ``XMLDocument`` (no network, no DTD, no
/// entities, depth-limited) and written again from an allow-list of SVG
/// elements and attributes, so nothing of the original bytes reaches an
/// output as is. Anything that could run code, load something from
/// elsewhere or track the reader is refused with the line it is on:
/// `<script>`, `<foreignObject>`, event attributes (`onload=`), links that
/// are not `#fragment`s, CSS `url(…)` to anything but a fragment, `@import`
/// and CSS escapes. Anything else that is not on the allow-list (editor
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
                if element.localName == "style" { try checkCSS(text, in: element, always: true) }
                clean.children.append(.text(text))
            case .comment:
                continue
            }
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
        let lowered = text.lowercased()
        if lowered.contains("@import") {
            throw Problem("has a style with @import in <\(element.name)>, which loads another file", line: element.line)
        }
        // A CSS escape can spell a function name (`u\72 l(` is `url(`), and SVG presentation
        // attributes are CSS values: so no backslash in a style, nor beside a "(" anywhere.
        if always || text.contains("(") {
            if text.contains("\\") {
                throw Problem("has a style with a backslash escape in <\(element.name)>, which can hide what it loads", line: element.line)
            }
            if lowered.contains("expression(") {
                throw Problem("has a style with expression(…) in <\(element.name)>, which would run code", line: element.line)
            }
        }
        var rest = lowered[...]
        while let range = rest.range(of: "url(") {
            let inside = rest[range.upperBound...].drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\"" || $0 == "'" }
            guard inside.hasPrefix("#") else {
                throw Problem("has a style that loads 'url(\(inside.prefix(40).split(separator: ")").first ?? ""))' in <\(element.name)>; a picture may only refer to parts of itself (url(#id))", line: element.line)
            }
            rest = rest[range.upperBound...]
        }
        if always {
            // Functions that load a file from a plain string, and any address at all.
            for loader in ["image-set(", "image(", "src(", "cross-fade(", "element(", "@font-face", "//", "data:"] where lowered.contains(loader) {
                throw Problem("has a style with '\(loader)' in <\(element.name)>, which can load another file", line: element.line)
            }
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
