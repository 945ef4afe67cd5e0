import Foundation
import WaymarkModel
import WaymarkYAML
import Yams

/// Reads a YAML block of a guide (front matter or a contact card) safely,
/// with errors placed at the guide's own lines.
struct YAMLReader {
    /// The guide's text, for locations.
    let source: SourceText
    /// The guide line just before the YAML's first line.
    let lineOffset: Int

    /// Composes `text` into a node tree, refusing anchors, aliases and control characters.
    ///
    /// Anchors and aliases are found from libyaml's own parser events before any tree is
    /// built: Yams expands or hashes what an alias points at (a "billion laughs" used as a
    /// mapping key is hashed node by node), so they must be refused before it sees them.
    func compose(_ text: String) throws(GuideReadFailure) -> Node? {
        if let mark = YAMLEvents.firstAnchorOrAlias(in: text) {
            let what = mark.isAlias ? "an alias (*)" : "an anchor (&)"
            throw GuideReadFailure([.error(
                at: location(line: mark.line, column: mark.column),
                "YAML \(what) is not allowed in a guide",
                hint: "write the value out in full; if you meant a star or an ampersand as text, put the whole value in quotes")])
        }
        let root: Node?
        do {
            // The encoding named, or Yams reads the whole environment for every text it parses.
            root = try Yams.compose(yaml: text, .default, .default, .utf8)
        } catch let error as YamlError {
            throw GuideReadFailure([diagnostic(for: error)])
        } catch {
            throw GuideReadFailure([.error(
                at: location(line: 1, column: 1), "the YAML could not be read: \(error)",
                hint: "check the indentation and the colons")])
        }
        if let root { try refuseControlCharacters(root) }
        return root
    }

    /// The guide location of a line and column inside the YAML text.
    func location(line: Int, column: Int) -> Location {
        source.location(line: line + lineOffset, column: column)
    }

    /// The guide location of a node.
    func location(of node: Node?) -> Location {
        guard let mark = node?.mark else { return location(line: 1, column: 1) }
        return location(line: mark.line, column: mark.column)
    }

    /// Errors for every key of `mapping` that is not in `allowed`, with a did-you-mean hint.
    func unknownKeys(in mapping: Node.Mapping, allowed: [String], noun: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for (key, _) in mapping {
            let name = key.string ?? ""
            guard !allowed.contains(name) else { continue }
            diagnostics.append(.error(
                at: location(of: key), "unknown \(noun) '\(name)'",
                hint: Suggestions.hint(for: name, in: allowed, noun: noun)))
        }
        return diagnostics
    }

    /// Decodes `node` as `T`, turning a decoding error into a diagnostic at the offending value.
    func decode<T: Decodable>(_ type: T.Type, from node: Node, describe: (String) -> String) throws(GuideReadFailure) -> T {
        do {
            return try YAMLDecoder().decode(type, from: node)
        } catch let error as DecodingError {
            throw GuideReadFailure([diagnostic(for: error, in: node, describe: describe)])
        } catch let error as YamlError {
            throw GuideReadFailure([diagnostic(for: error)])
        } catch {
            throw GuideReadFailure([.error(at: location(of: node), "\(error)", hint: "check this value")])
        }
    }
}

// MARK: - Implementation

extension YAMLReader {
    /// Throws at every scalar that holds a control character (from an escape such as
    /// `"\0"`, `"\f"` or `"\e"`: libyaml refuses them typed in the text, not escaped).
    func refuseControlCharacters(_ root: Node) throws(GuideReadFailure) {
        var diagnostics: [Diagnostic] = []
        var stack: [Node] = [root]
        while let node = stack.popLast() {
            switch node {
            case .scalar(let scalar):
                if let (bad, _) = TextSafety.firstControl(in: scalar.string) {
                    diagnostics.append(.error(
                        at: location(of: node), "this value holds an invisible control character (\(TextSafety.name(bad)))",
                        hint: "remove it: check for an escape such as \\0, \\f or \\e inside quotes, or a character pasted from another program"))
                }
            case .mapping(let mapping):
                for (key, value) in mapping.reversed() { stack += [value, key] }
            case .sequence(let sequence):
                stack += sequence.reversed()
            case .alias:
                break
            }
        }
        guard diagnostics.isEmpty else { throw GuideReadFailure(diagnostics) }
    }

    func diagnostic(for error: YamlError) -> Diagnostic {
        let hint = "check the indentation, the colon after each key, and quotes around values that contain a colon"
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
             .composer(_, let problem, let mark, _):
            return .error(at: location(line: mark.line, column: mark.column), "the YAML is malformed: \(problem)", hint: hint)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return .error(
                at: location(line: context.mark.line, column: context.mark.column),
                "the key '\(duplicates.joined(separator: "', '"))' appears twice",
                hint: "keep one of them")
        case .reader(let problem, _, _, _):
            return .error(at: location(line: 1, column: 1), "the YAML could not be read: \(problem)", hint: hint)
        default:
            return .error(at: location(line: 1, column: 1), "the YAML could not be read", hint: hint)
        }
    }

    func diagnostic(for error: DecodingError, in root: Node, describe: (String) -> String) -> Diagnostic {
        switch error {
        case .keyNotFound(let key, let context):
            let parent = node(at: context.codingPath, in: root)
            return .error(
                at: location(of: parent),
                "\(describe(context.codingPath.map(\.stringValue).joined(separator: "."))) has no '\(key.stringValue)'",
                hint: "add a line '\(key.stringValue): …'")
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            let path = context.codingPath.map(\.stringValue)
            let name = path.last ?? "value"
            return .error(
                at: location(of: node(at: context.codingPath, in: root)),
                "the value of '\(name)' is not what was expected",
                hint: expectation(for: name))
        @unknown default:
            return .error(at: location(of: root), "the YAML could not be read", hint: "check the values")
        }
    }

    func expectation(for key: String) -> String {
        switch key {
        case "keywords", "formats": return "write a list, like [one, two]"
        case "glossary", "abbreviations": return "write one 'word: meaning' line each, indented under '\(key):'"
        case "reading-age": return "write a whole number of years, like 10"
        case "phone": return "write one number, or a list of lines each with 'number:' and 'hours:'"
        default: return "write plain text after '\(key):'"
        }
    }

    func node(at path: [CodingKey], in root: Node) -> Node? {
        var current: Node? = root
        for key in path {
            if let index = key.intValue, case .sequence(let sequence)? = current {
                current = index < sequence.count ? sequence[index] : nil
            } else if case .mapping(let mapping)? = current {
                current = mapping.first { $0.key.string == key.stringValue }?.value
            }
        }
        return current
    }
}
