import Foundation
import WaymarkModel
import Yams

/// The label catalogues a build has, by language: the built-in ones, and a project's
/// `Styles/labels/*.yml`, which add languages or replace built-in catalogues.
public struct LabelCatalogues: Hashable, Sendable {
    /// The folder inside `Styles/` that holds the catalogues.
    public static let folder = "labels"

    /// The catalogues, by language tag in lower case.
    let byLanguage: [String: Labels]

    /// The built-in catalogues alone.
    public static let builtIn: LabelCatalogues = {
        let files = EmbeddedStyles.files.filter { $0.path.hasPrefix(folder + "/") && $0.path.hasSuffix(".yml") }
        let read = try? LabelCatalogues(files.map { (path: "<built-in>/\($0.path)", bytes: Array($0.text.utf8)) })
        return read ?? LabelCatalogues(byLanguage: ["en": Labels.builtInEnglish])
    }()

    /// Reads catalogue files (each shown as `path` in messages); every one is checked against
    /// the built-in English catalogue, and every problem of every file is thrown together.
    public init(_ files: [(path: String, bytes: [UInt8])]) throws(StyleSet.LoadError) {
        let english = Labels.builtInEnglish
        var byLanguage: [String: Labels] = [:]
        var problems: [Diagnostic] = []
        for file in files {
            do throws(StyleSet.LoadError) {
                let labels = try LabelCatalogues.catalogue(file.bytes, file: file.path, english: english)
                byLanguage[labels.language.lowercased()] = labels
            } catch {
                problems += error.diagnostics
            }
        }
        guard problems.isEmpty else { throw StyleSet.LoadError(diagnostics: problems) }
        if byLanguage["en"] == nil { byLanguage["en"] = english }
        self.byLanguage = byLanguage
    }

    init(byLanguage: [String: Labels]) {
        self.byLanguage = byLanguage
    }

    /// Every catalogue's every word, as one text that changes when any of them does (for the build cache).
    public var fingerprint: String {
        var lines: [String] = []
        for language in byLanguage.keys.sorted() {
            guard let labels = byLanguage[language] else { continue }
            lines.append("labels \(language) \(labels.name)")
            for key in Labels.Key.allCases {
                switch labels.texts[key] {
                case .plain(let text): lines.append("\(key.rawValue)=\(text)")
                case .plural(let forms): lines += forms.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\(key.rawValue).\($0.key.rawValue)=\($0.value)" }
                case nil: lines.append("\(key.rawValue)")
                }
            }
        }
        return lines.joined(separator: "\n")
    }

    /// The languages there are catalogues for, as their files name them, sorted.
    public var languages: [String] { byLanguage.values.map(\.language).sorted() }

    /// The catalogue for `language` (a BCP 47 tag): the tag itself, else ever shorter forms of
    /// it (`pa-Guru-IN`, `pa-Guru`, `pa`); nil when there is none.
    public func catalogue(for language: String) -> Labels? {
        var parts = language.lowercased().split(separator: "-").map(String.init)
        while !parts.isEmpty {
            if let labels = byLanguage[parts.joined(separator: "-")] { return labels }
            parts.removeLast()
        }
        return nil
    }

    /// The labels to write a guide in `language` with: its catalogue, or English when there is none.
    public func labels(for language: String) -> Labels {
        var labels = catalogue(for: language) ?? byLanguage["en"] ?? Labels.builtInEnglish
        // Dates in the guide's own language even when its words fall back to English.
        if !language.isEmpty { labels.dateLanguage = language }
        return labels
    }
}

// MARK: - Reading a catalogue

extension LabelCatalogues {
    /// Reads one catalogue; with `english`, checks that it has every key English has, with the
    /// same `{names}`, and the plural forms its language needs.
    ///
    /// A catalogue SimpleYAML reads as Yams would, and with nothing wrong, is taken from its
    /// tree; any other, and every problem, is read with Yams, which says where (reading the seven
    /// built-in catalogues with Yams was a tenth of a no-op rebuild, issue #23). `fast` off
    /// reads with Yams alone (the tests compare the two).
    static func catalogue(_ bytes: [UInt8], file: String, english: Labels?, fast: Bool = true) throws(StyleSet.LoadError) -> Labels {
        let start = Location(file: file, line: 1, column: 1)
        if fast, let labels = quickCatalogue(bytes, file: file, english: english) { return labels }
        var problems: [Diagnostic] = []
        do {
            let source = try SourceText(file: file, bytes: bytes)
            let yaml = YAMLReader(source: source, lineOffset: 0)
            let lines = source.lines.count - (source.lines.count > 1 && source.lines.last == "" ? 1 : 0)
            guard let root = try yaml.compose(source.text(lines: 1...max(lines, 1))), let mapping = root.mapping else {
                throw StyleSet.LoadError(diagnostics: [.error(
                    at: start, "the label catalogue is empty or not a list of 'key: value' lines",
                    hint: "start from the English catalogue (waymark labels en) and translate each label")])
            }
            problems += yaml.unknownKeys(in: mapping, allowed: ["language", "name", "labels"], noun: "catalogue key")
            let language = mapping["language"]?.string ?? ""
            let fileTag = tag(of: file)
            if language.isEmpty {
                problems.append(.error(at: start, "the catalogue does not say its language",
                    hint: "add a line 'language: \(fileTag)' (the language code the guides use in 'language:')"))
            } else if language.lowercased() != fileTag.lowercased() {
                problems.append(.error(at: yaml.location(of: mapping["language"]), "the catalogue says it is for '\(language)', but its file is named \(fileTag).yml",
                    hint: "name the file \(language).yml, or correct 'language:'"))
            }
            let name = mapping["name"]?.string ?? language
            var texts: [Labels.Key: Labels.Text] = [:]
            let rule = PluralRule(language: language)
            if let entries = mapping["labels"]?.mapping {
                for (keyNode, value) in entries {
                    let keyName = keyNode.string ?? ""
                    guard let key = Labels.Key(rawValue: keyName) else {
                        problems.append(.error(at: yaml.location(of: keyNode), "there is no label '\(keyName)'",
                            hint: "remove it, or correct its name to one of the English catalogue's (waymark labels en lists them)"))
                        continue
                    }
                    if let text = value.string {
                        texts[key] = .plain(text)
                    } else if let forms = value.mapping {
                        var plural: [PluralCategory: String] = [:]
                        for (formNode, formText) in forms {
                            guard let category = PluralCategory(rawValue: formNode.string ?? ""), let text = formText.string else {
                                problems.append(.error(at: yaml.location(of: formNode), "'\(formNode.string ?? "")' is not a plural form",
                                    hint: "write the forms as zero:, one:, two:, few:, many: or other:, each with its text"))
                                continue
                            }
                            plural[category] = text
                        }
                        let missing = rule.categories.filter { plural[$0] == nil }
                        if !missing.isEmpty {
                            problems.append(.error(at: yaml.location(of: keyNode), "the label '\(keyName)' needs the plural forms \(missing.map { $0.rawValue + ":" }.joined(separator: ", ")) in this language",
                                hint: "add a line for each form, with {count} where the number goes"))
                        }
                        texts[key] = .plural(plural)
                    } else {
                        problems.append(.error(at: yaml.location(of: value), "the label '\(keyName)' is not a text",
                            hint: "write the label after the colon, in quotes if it starts with { or contains ': '"))
                    }
                }
            } else {
                problems.append(.error(at: start, "the catalogue has no 'labels:'",
                    hint: "add 'labels:' and under it one indented 'key: text' line for each label"))
            }
            let labels = Labels(language: language, name: name, texts: texts)
            let entries = mapping["labels"]?.mapping
            problems += compare(labels, with: english, at: start) { key in
                entries?.first(where: { $0.key.string == key }).map { yaml.location(of: $0.key) } ?? start
            }
            guard problems.isEmpty else { throw StyleSet.LoadError(diagnostics: problems) }
            return labels
        } catch let error as StyleSet.LoadError {
            throw StyleSet.LoadError(diagnostics: problems + error.diagnostics)
        } catch let failure as GuideReadFailure {
            throw StyleSet.LoadError(diagnostics: failure.diagnostics)
        } catch let diagnostic as Diagnostic {
            throw StyleSet.LoadError(diagnostics: [diagnostic])
        } catch {
            throw StyleSet.LoadError(diagnostics: [.error(at: start, "the label catalogue could not be read (\(error))",
                hint: "start from the English catalogue (waymark labels en) and translate each label")])
        }
    }

    /// The language tag a catalogue's file name gives (`labels/cy.yml`: `cy`).
    private static func tag(of file: String) -> String {
        String(file.split(separator: "/").last ?? "").replacingOccurrences(of: ".yml", with: "")
    }

    /// The catalogue from SimpleYAML's tree, when SimpleYAML reads the text and finds every
    /// key known, every text a text, every plural form its language needs, and nothing
    /// ``compare(_:with:at:place:)`` would report; nil otherwise.
    static func quickCatalogue(_ bytes: [UInt8], file: String, english: Labels?) -> Labels? {
        guard let text = String(validating: bytes, as: UTF8.self), let root = SimpleYAML.parse(text),
              case .mapping(let top) = root, top.allSatisfy({ ["language", "name", "labels"].contains($0.key.text) }),
              let language = root["language"]?.text, !language.isEmpty, language.lowercased() == tag(of: file).lowercased(),
              case .mapping(let entries)? = root["labels"] else { return nil }
        let rule = PluralRule(language: language)
        var texts: [Labels.Key: Labels.Text] = [:]
        for entry in entries {
            guard let key = Labels.Key(rawValue: entry.key.text) else { return nil }
            switch entry.value {
            case .scalar(let scalar):
                texts[key] = .plain(scalar.text)
            case .mapping(let forms):
                var plural: [PluralCategory: String] = [:]
                for form in forms {
                    guard let category = PluralCategory(rawValue: form.key.text), case .scalar(let scalar) = form.value else { return nil }
                    plural[category] = scalar.text
                }
                guard rule.categories.allSatisfy({ plural[$0] != nil }) else { return nil }
                texts[key] = .plural(plural)
            case .sequence:
                return nil
            }
        }
        let name: String
        switch root["name"] {
        case .scalar(let scalar)?: name = scalar.text
        case nil: name = language
        case .mapping?, .sequence?: return nil
        }
        let labels = Labels(language: language, name: name, texts: texts)
        let start = Location(file: file, line: 1, column: 1)
        return compare(labels, with: english, at: start) { _ in start }.isEmpty ? labels : nil
    }

    /// What `labels` lacks or gets wrong against English (every key of ``Labels/Key`` when
    /// `english` is nil, for the English catalogue itself); `place` gives where a key is written.
    private static func compare(_ labels: Labels, with english: Labels?, at start: Location, place: (String) -> Location) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for key in Labels.Key.allCases {
            guard let text = labels.texts[key] else {
                let englishText = english.map { english -> String in
                    switch english.texts[key] {
                    case .plain(let text): return text
                    case .plural(let forms): return forms[.other] ?? ""
                    case nil: return ""
                    }
                } ?? ""
                problems.append(.error(at: start, "the catalogue has no label '\(key.rawValue)'" + (englishText.isEmpty ? "" : " (in English: \"\(englishText)\")"),
                    hint: "add '  \(key.rawValue): ' under 'labels:', with the words in this language"))
                continue
            }
            guard let english, let englishText = english.texts[key] else { continue }
            let wanted = Set(placeholders(englishText))
            let location = place(key.rawValue)
            // A plural form may leave the number out ("un bennod"); every other name must be there.
            for (form, given) in forms(text) where form == nil ? Set(Labels.placeholders(given)) != wanted
                : Set(Labels.placeholders(given)).union(["count"]) != wanted.union(["count"]) {
                let names = wanted.sorted().map { "{\($0)}" }.joined(separator: ", ")
                problems.append(.error(at: location, "the label '\(key.rawValue)'\(form.map { " (\($0))" } ?? "") must have \(names.isEmpty ? "no {names}" : names), as in English",
                    hint: "keep the words in braces exactly as in English; Waymark puts the guide's words there"))
            }
        }
        return problems
    }

    private static func forms(_ text: Labels.Text) -> [(String?, String)] {
        switch text {
        case .plain(let text): return [(nil, text)]
        case .plural(let forms): return forms.sorted { $0.key.rawValue < $1.key.rawValue }.map { ($0.key.rawValue, $0.value) }
        }
    }

    private static func placeholders(_ text: Labels.Text) -> [String] {
        switch text {
        case .plain(let text): return Labels.placeholders(text)
        case .plural(let forms): return Labels.placeholders(forms[.other] ?? forms.values.first ?? "")
        }
    }
}
