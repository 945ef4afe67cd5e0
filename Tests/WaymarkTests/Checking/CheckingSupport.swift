import Foundation
@testable import Waymark
import WaymarkModel

/// A rule example made ready to run: the text without markers and where the markers were.
struct PreparedExample {
    /// The whole file (guide or style sheet) without markers.
    let text: String
    /// `line:column` of each marker, in order.
    let markers: [String]

    /// Base front matter lines; an example's own front matter lines replace those with the same key.
    static let baseFrontMatter = [
        "title: Test guide", "language: en-GB", "publisher: Test Partnership",
        "published: 2026-11-01", "summary: A guide for the tests.",
    ]

    init(_ example: RuleExample) {
        var source: String
        if example.styleSheet != nil {
            source = example.text
        } else {
            let extra = example.frontMatter.split(separator: "\n").map(String.init)
            let keys = Set(extra.compactMap { $0.first == " " ? nil : $0.split(separator: ":").first.map(String.init) })
            let base = Self.baseFrontMatter.filter { !keys.contains(String($0.split(separator: ":")[0])) }
            source = "---\n" + (base + extra).joined(separator: "\n") + "\n---\n\n" + example.text
        }
        var text = ""
        var markers: [String] = []
        var line = 1, column = 1
        for scalar in source.unicodeScalars {
            if Character(scalar) == RuleExample.marker {
                markers.append("\(line):\(column)")
                continue
            }
            text.unicodeScalars.append(scalar)
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        self.text = text
        self.markers = markers
    }

    /// The findings of `rule` on this example, checked on ``RuleExample/today``.
    func findings(of rule: any Rule, styleSheet: String?, folder: GuideFolder) throws -> [Diagnostic] {
        let checker = Checker(options: CheckOptions(today: RuleExample.today, rules: [rule]))
        if let styleSheet {
            return checker.check(styleSheets: ["Styles/\(styleSheet)": text])
        }
        let guide = try folder.read(text)
        return checker.check(guide, source: SourceMap(text: text)).findings.filter { $0.rule == rule.description.id }
    }
}
