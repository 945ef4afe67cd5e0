import Foundation

/// A print style profile from `Styles/<name>.css` (large print, giant print, easy read, or
/// one of your own), refused before any writer uses it when the style rules find an error in it.
///
/// The profile is checked by the same rules as `waymark check` (``Checker/check(styleSheets:)``),
/// so `build` refuses a profile exactly when `check` reports an error in it; its body size is
/// read by the one CSS reader, ``StyleSheet``.
struct StyleProfile {
    /// An error the style rules find in the profile, with the place in the file.
    struct Problem: Error, CustomStringConvertible, Equatable {
        /// The file name (`mine.css`).
        var file: String
        var line: Int
        var column: Int
        /// What is wrong, naming the property (`text-align: justify is not allowed: …`).
        var message: String
        /// The rule that found it, for `waymark rules ID`; nil when the profile cannot be read at all.
        var rule: String?

        /// `Styles/mine.css:2:5: text-align: justify is not allowed: … [style-justify]`.
        var description: String {
            "Styles/\(file):\(line):\(column): \(message)" + (rule.map { " [\($0)]" } ?? "")
        }
    }

    /// The profile's name (its file name without `.css`).
    let name: String
    /// The CSS, as written.
    let css: String
    /// The body text size in points.
    let bodySize: Double

    /// Reads the profile `name` from the style sheets, refusing one the style rules find an error in.
    /// - Parameter minimumBodySize: the smallest body size in points this format allows; the rules
    ///   already hold a profile to its kind's minimum (``StyleSheet/Profile/minimumBodySize``), which
    ///   is the same number unless a profile of one kind is used for another.
    init(name: String, styles: [String: String], minimumBodySize: Double) throws {
        let file = "\(name).css"
        // The profiles there are, for the messages only (issue #23: each guide's writers listed them).
        func profiles() -> String {
            styles.keys.filter { StyleSheet.Profile(fileName: $0).isProfile }.map { String($0.dropLast(4)) }.sorted().joined(separator: ", ")
        }
        guard let css = styles[file] else {
            throw Problem(file: file, line: 1, column: 1, message: "there is no style profile '\(name)'; the profiles are: \(profiles())")
        }
        guard StyleSheet.Profile(fileName: file).isProfile else {
            throw Problem(file: file, line: 1, column: 1, message: "Styles/\(file) is a style sheet, not a style profile; the profiles are: \(profiles())")
        }
        self.name = name
        self.css = css
        // Every guide of a build asks for the same profile: check it once.
        let key = CheckKey(css: css, file: file, minimumBodySize: minimumBodySize)
        bodySize = try StyleProfile.checked.value(for: key) {
            Result { try StyleProfile.check(css, file: file, minimumBodySize: minimumBodySize) }
        }.get()
    }

    /// Checks `css`, the profile `file`, with the style rules and returns its body size in points.
    static func check(_ css: String, file: String, minimumBodySize: Double) throws -> Double {
        let path = "Styles/\(file)"
        if let error = Checker().check(styleSheets: [path: css]).first(where: { $0.severity == .error }) {
            throw Problem(file: file, line: error.location.line, column: error.location.column, message: error.message, rule: error.rule)
        }
        // The rules have made sure a profile's body size is known and big enough for its kind.
        let body = StyleSheet(path: path, text: css).bodyText
        let size = body.points ?? 0
        guard size >= minimumBodySize else {
            // Only a profile of one kind used for another (`--style easy-read` for large print).
            let place = body.declaration?.location
            throw Problem(
                file: file, line: place?.line ?? 1, column: place?.column ?? 1,
                message: "font-size: the body text is \(format(size)) pt, too small for this format: it needs at least \(format(minimumBodySize)) pt (UKAAF G003)")
        }
        return size
    }

    /// A number as CSS and messages write it: `18`, `1.5`.
    static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}

private extension StyleProfile {
    struct CheckKey: Hashable, Sendable {
        var css: String
        var file: String
        var minimumBodySize: Double
    }

    /// Profiles already checked in this process.
    static let checked = Memo<CheckKey, Result<Double, any Error>>(limit: 64)
}
