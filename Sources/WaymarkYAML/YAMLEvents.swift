import CYaml

/// Where an anchor or an alias is in a YAML text, found from libyaml's own parser events.
public struct YAMLAnchorMark: Sendable, Equatable {
    /// Whether it is an alias (`*name`) rather than an anchor (`&name`).
    public var isAlias: Bool
    /// The 1-based line.
    public var line: Int
    /// The 1-based column, in characters.
    public var column: Int

    /// Creates a mark.
    public init(isAlias: Bool, line: Int, column: Int) {
        self.isAlias = isAlias
        self.line = line
        self.column = column
    }
}

/// Reads a YAML text as libyaml's stream of events, without building any tree, so
/// that nothing an alias points at is ever expanded or hashed.
public enum YAMLEvents {
    /// The first anchor or alias in `text`, if any; nil also when libyaml finds the
    /// text malformed (the composer that reads it next reports that, at its place).
    public static func firstAnchorOrAlias(in text: String) -> YAMLAnchorMark? {
        // An anchor starts with `&` and an alias with `*`: a text with neither has none, and
        // most front matter and contact cards have neither (libyaml's scan of every character
        // was 4.5 % of a build, issue #23).
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "*") }) else { return nil }
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer -> YAMLAnchorMark? in
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var event = yaml_event_t()
            while yaml_parser_parse(&parser, &event) == 1 {
                defer { yaml_event_delete(&event) }
                let mark = event.start_mark
                let place = { (isAlias: Bool) in
                    YAMLAnchorMark(isAlias: isAlias, line: Int(mark.line) + 1, column: Int(mark.column) + 1)
                }
                switch event.type {
                case YAML_ALIAS_EVENT:
                    return place(true)
                case YAML_SCALAR_EVENT where event.data.scalar.anchor != nil,
                     YAML_SEQUENCE_START_EVENT where event.data.sequence_start.anchor != nil,
                     YAML_MAPPING_START_EVENT where event.data.mapping_start.anchor != nil:
                    return place(false)
                case YAML_STREAM_END_EVENT:
                    return nil
                default:
                    continue
                }
            }
            return nil
        }
    }
}
