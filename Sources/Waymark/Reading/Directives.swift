import WaymarkModel

/// A part of a guide's body: plain Markdown, or a `:::name` … `:::` directive.
enum BodySegment {
    /// Markdown on lines `lines` (1-based, inclusive).
    case markdown(lines: ClosedRange<Int>)
    /// A directive opened on `line`, its body on `body` (possibly empty).
    case directive(name: String, arguments: [String: String], line: Int, body: ClosedRange<Int>?)
}

/// Splits a guide's body into Markdown and directives, checking that every
/// directive is known, closed and not nested.
enum DirectiveSplitter {
    /// The directives a guide may use, with the arguments each takes.
    static let directives: [String: [String]] = [
        "contact": [], "urgent": [], "note": [], "write": ["lines"], "easy-read": [],
    ]

    /// The segments of lines `bodyStart...` of `source`.
    static func split(_ source: SourceText, from bodyStart: Int) throws(GuideReadFailure) -> [BodySegment] {
        var segments: [BodySegment] = []
        var diagnostics: [Diagnostic] = []
        var markdownStart = bodyStart
        var open: (name: String, arguments: [String: String], line: Int)?
        let names = directives.keys.sorted()
        for lineNumber in bodyStart..<(source.lines.count + 1) {
            let line = source.lines[lineNumber - 1].trimmingTrailingSpaces()
            guard line.hasPrefix(":::") else { continue }
            let rest = Substring(line.dropFirst(3)).trimming(Trimming.whiteSpace, else: .whitespaces)
            if rest.isEmpty {
                guard let current = open else {
                    diagnostics.append(.error(
                        at: source.location(line: lineNumber, column: 1),
                        "this ':::' closes nothing: no block was opened before it",
                        hint: "remove this line, or open a block above it with a line such as ':::note'"))
                    continue
                }
                let body = current.line + 1 <= lineNumber - 1 ? (current.line + 1)...(lineNumber - 1) : nil
                segments.append(.directive(name: current.name, arguments: current.arguments, line: current.line, body: body))
                open = nil
                markdownStart = lineNumber + 1
                continue
            }
            if let current = open {
                diagnostics.append(.error(
                    at: source.location(line: lineNumber, column: 1),
                    "a ':::\(rest)' block starts inside the ':::\(current.name)' block opened on line \(current.line)",
                    hint: "blocks cannot go inside each other: close ':::\(current.name)' with a line ':::' before this line"))
                continue
            }
            let words = rest.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            let name = words[0]
            guard let allowed = directives[name] else {
                diagnostics.append(.error(
                    at: source.location(line: lineNumber, column: 4),
                    "unknown block ':::\(name)'",
                    hint: Suggestions.hint(for: name, in: names, noun: "block")))
                open = (name, [:], lineNumber)
                continue
            }
            var arguments: [String: String] = [:]
            for word in words.dropFirst() {
                let parts = word.split(separator: "=", maxSplits: 1).map(String.init)
                let column = (line.range(of: word).map { line.distance(from: line.startIndex, to: $0.lowerBound) } ?? 3) + 1
                guard parts.count == 2, allowed.contains(parts[0]) else {
                    let takes = allowed.isEmpty ? "':::\(name)' takes nothing after its name"
                        : "':::\(name)' takes \(allowed.map { "\($0)=…" }.joined(separator: ", "))"
                    diagnostics.append(.error(
                        at: source.location(line: lineNumber, column: column),
                        "':::\(name)' does not understand '\(word)'", hint: takes))
                    continue
                }
                arguments[parts[0]] = parts[1]
            }
            if markdownStart <= lineNumber - 1 {
                segments.append(.markdown(lines: markdownStart...(lineNumber - 1)))
            }
            open = (name, arguments, lineNumber)
        }
        if let current = open {
            diagnostics.append(.error(
                at: source.location(line: current.line, column: 1),
                "the ':::\(current.name)' block is never closed",
                hint: "add a line ':::' where the block ends"))
        } else if markdownStart <= source.lines.count {
            segments.append(.markdown(lines: markdownStart...source.lines.count))
        }
        guard diagnostics.isEmpty else { throw GuideReadFailure(diagnostics) }
        return segments
    }
}
