import Waymark
import WaymarkModel

/// A finding as the pages show it: the line of the guide it points at (the place marked),
/// then what is wrong, how to fix it, and the rule and standard it comes from.
enum FindingView {
    /// The words for a severity, for people who are not programmers.
    static func label(_ severity: Diagnostic.Severity) -> String {
        switch severity {
        case .error: return "Must fix"
        case .warning: return "Should fix"
        case .info: return "Worth a look"
        }
    }

    /// One finding as a list item.
    ///
    /// - Parameters:
    ///   - lines: the guide's source, to quote the line the finding points at.
    ///   - editor: the address of the editor, for a "fix it" link; nil on the editor itself,
    ///     whose findings move its cursor instead.
    static func item(_ finding: Diagnostic, lines: SourceMap, ownFile: String, editor: String?) -> String {
        let severity = finding.severity.rawValue
        let place = "line \(finding.location.line), column \(finding.location.column)"
        var html = "<li class=\"finding \(severity)\">"
        if finding.location.file == ownFile, let line = lines.line(finding.location.line) {
            html += "<p class=\"source\"><span class=\"line-number\">Line \(finding.location.line)</span> <code>\(marked(line, column: finding.location.column))</code></p>"
        } else {
            html += "<p class=\"source\"><span class=\"line-number\">\(HTML.escape(finding.location.description))</span></p>"
        }
        html += "<p class=\"message\"><strong class=\"severity\">\(label(finding.severity)):</strong> \(HTML.escape(finding.message))</p>"
        if !finding.hint.isEmpty {
            html += "<p class=\"fix\"><strong>How to fix it:</strong> \(HTML.escape(finding.hint))</p>"
        }
        if let rule = finding.rule {
            let standard = finding.standard.map { "; from \(HTML.escape($0))" } ?? ""
            html += "<p class=\"rule\">Check <code>\(HTML.escape(rule))</code>\(standard)</p>"
        }
        if finding.location.file == ownFile {
            let data = "data-line=\"\(finding.location.line)\" data-column=\"\(finding.location.column)\""
            if let editor {
                html += "<p><a class=\"goto\" href=\"\(HTML.escape(editor))?line=\(finding.location.line)&amp;column=\(finding.location.column)\" \(data)>Fix it in the editor (\(place))</a></p>"
            } else {
                html += "<p><button type=\"button\" class=\"goto\" \(data)>Go to \(place)</button></p>"
            }
        }
        return html + "</li>"
    }

    /// The findings as a list, or a sentence when there are none.
    static func list(_ findings: [Diagnostic], lines: SourceMap, ownFile: String, editor: String?, none: String) -> String {
        guard !findings.isEmpty else { return "<p class=\"none\">\(HTML.escape(none))</p>" }
        return "<ul class=\"findings\">" + findings.map { item($0, lines: lines, ownFile: ownFile, editor: editor) }.joined() + "</ul>"
    }

    /// "2 to fix, 3 to look at": how many findings of each kind, in words.
    static func counts(_ findings: [Diagnostic]) -> String {
        let errors = findings.filter { $0.severity == .error }.count
        let warnings = findings.filter { $0.severity == .warning }.count
        let notes = findings.filter { $0.severity == .info }.count
        if errors + warnings + notes == 0 { return "Nothing to fix." }
        var parts: [String] = []
        if errors > 0 { parts.append("\(errors) \(errors == 1 ? "error" : "errors") (must fix)") }
        if warnings > 0 { parts.append("\(warnings) \(warnings == 1 ? "warning" : "warnings") (should fix)") }
        if notes > 0 { parts.append("\(notes) \(notes == 1 ? "note" : "notes") (worth a look)") }
        return parts.joined(separator: ", ") + "."
    }

    /// The line, escaped, with the word at `column` (counted in Unicode scalars) marked, and
    /// cut to about 160 characters around it.
    static func marked(_ line: String, column: Int) -> String {
        let scalars = Array(line.unicodeScalars)
        let at = min(max(column - 1, 0), scalars.count)
        var end = at
        while end < scalars.count, end - at < 40, !(scalars[end] == " " || scalars[end] == "\t") { end += 1 }
        if end == at, end < scalars.count { end += 1 }
        let from = max(0, at - 80)
        let to = min(scalars.count, max(end, at) + 80)
        func text(_ range: Range<Int>) -> String {
            var string = ""
            string.unicodeScalars.append(contentsOf: scalars[range])
            return HTML.escape(string)
        }
        let before = (from > 0 ? "…" : "") + text(from..<at)
        let after = text(end..<to) + (to < scalars.count ? "…" : "")
        let word = end > at ? "<mark>\(text(at..<end))</mark>" : "<mark class=\"end\">(the end of the line)</mark>"
        return before + word + after
    }
}
