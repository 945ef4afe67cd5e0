import CCMarkGFM

/// An error from parsing Markdown with cmark-gfm.
public enum CMarkError: Error, Sendable, Equatable {
    /// cmark-gfm could not create a parser or returned no document.
    case parserUnavailable
    /// The document nests blocks or inlines deeper than `limit`.
    case tooDeep(line: Int, column: Int, limit: Int)
}

/// Parses CommonMark with the GitHub table extension, with source positions on.
///
/// The parser owns its cmark-gfm pointer and frees it when released; what it
/// returns is a tree of plain Swift values that outlives it.
public final class CMarkParser {
    /// The deepest nesting of blocks and inlines that ``parse(_:)`` accepts.
    public static let defaultDepthLimit = 64

    private let parser: OpaquePointer
    private let depthLimit: Int

    /// Creates a parser; it throws when cmark-gfm cannot allocate one.
    public init(depthLimit: Int = CMarkParser.defaultDepthLimit) throws {
        CMarkParser.registerExtensions()
        // CMARK_OPT_SOURCEPOS: every node keeps its line and column.
        // Raw HTML is kept as HTML nodes (never rendered) so that the reader
        // can report it; CMARK_OPT_UNSAFE only affects renderers, not parsing.
        guard let parser = cmark_parser_new(CMARK_OPT_SOURCEPOS) else {
            throw CMarkError.parserUnavailable
        }
        if let table = cmark_find_syntax_extension("table") {
            cmark_parser_attach_syntax_extension(parser, table)
        }
        self.parser = parser
        self.depthLimit = depthLimit
    }

    deinit {
        cmark_parser_free(parser)
    }

    /// Parses `text` into a tree of ``MarkdownNode`` values.
    ///
    /// A parser is single use: create one per document.
    public func parse(_ text: String) throws -> MarkdownNode {
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress?.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                cmark_parser_feed(parser, $0, buffer.count)
            }
        }
        guard let document = cmark_parser_finish(parser) else {
            throw CMarkError.parserUnavailable
        }
        defer { cmark_node_free(document) }
        return try convert(document)
    }
}

// MARK: - Conversion

private extension CMarkParser {
    static let registration: Void = {
        cmark_gfm_core_extensions_ensure_registered()
    }()

    static func registerExtensions() {
        _ = registration
    }

    /// Walks the cmark tree with its iterator (no recursion, so deep input
    /// cannot overflow the stack) and builds the Swift tree bottom-up.
    func convert(_ root: OpaquePointer) throws -> MarkdownNode {
        guard let iterator = cmark_iter_new(root) else { throw CMarkError.parserUnavailable }
        defer { cmark_iter_free(iterator) }
        var stack: [MarkdownNode] = []
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let isContainer = cmark_node_first_child(node) != nil || CMarkParser.canContain(node)
            switch event {
            case CMARK_EVENT_ENTER:
                let value = makeNode(node)
                if isContainer {
                    if stack.count >= depthLimit {
                        throw CMarkError.tooDeep(
                            line: value.startLine, column: value.startColumn, limit: depthLimit)
                    }
                    stack.append(value)
                } else if !stack.isEmpty {
                    stack[stack.count - 1].children.append(value)
                } else {
                    return value
                }
            case CMARK_EVENT_EXIT:
                guard let finished = stack.popLast() else { continue }
                if stack.isEmpty { return finished }
                stack[stack.count - 1].children.append(finished)
            default:
                continue
            }
        }
        return stack.first ?? MarkdownNode(kind: .document, startLine: 1, startColumn: 1, endLine: 1, endColumn: 1)
    }

    /// Whether cmark walks this node with an enter and an exit event.
    static func canContain(_ node: OpaquePointer) -> Bool {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_TEXT, CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK, CMARK_NODE_CODE,
             CMARK_NODE_HTML_INLINE, CMARK_NODE_CODE_BLOCK, CMARK_NODE_HTML_BLOCK,
             CMARK_NODE_THEMATIC_BREAK:
            return false
        default:
            return true
        }
    }

    func makeNode(_ node: OpaquePointer) -> MarkdownNode {
        MarkdownNode(
            kind: kind(of: node),
            literal: string(cmark_node_get_literal(node)),
            startLine: Int(cmark_node_get_start_line(node)),
            startColumn: Int(cmark_node_get_start_column(node)),
            endLine: Int(cmark_node_get_end_line(node)),
            endColumn: Int(cmark_node_get_end_column(node))
        )
    }

    func kind(of node: OpaquePointer) -> MarkdownNode.Kind {
        let type = cmark_node_get_type(node)
        switch type {
        case CMARK_NODE_DOCUMENT: return .document
        case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
        case CMARK_NODE_LIST:
            return .list(
                ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                start: Int(cmark_node_get_list_start(node)),
                tight: cmark_node_get_list_tight(node) != 0)
        case CMARK_NODE_ITEM: return .item
        case CMARK_NODE_CODE_BLOCK: return .codeBlock(info: string(cmark_node_get_fence_info(node)))
        case CMARK_NODE_HTML_BLOCK: return .htmlBlock
        case CMARK_NODE_PARAGRAPH: return .paragraph
        case CMARK_NODE_HEADING: return .heading(level: Int(cmark_node_get_heading_level(node)))
        case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
        case CMARK_NODE_TEXT: return .text
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_CODE: return .code
        case CMARK_NODE_HTML_INLINE: return .htmlInline
        case CMARK_NODE_EMPH: return .emphasis
        case CMARK_NODE_STRONG: return .strong
        case CMARK_NODE_LINK:
            return .link(url: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
        case CMARK_NODE_IMAGE:
            return .image(url: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
        default:
            return extensionKind(of: node)
        }
    }

    func extensionKind(of node: OpaquePointer) -> MarkdownNode.Kind {
        let name = string(cmark_node_get_type_string(node))
        switch name {
        case "table":
            let count = Int(cmark_gfm_extensions_get_table_columns(node))
            var alignments: [MarkdownNode.TableAlignment] = []
            if let raw = cmark_gfm_extensions_get_table_alignments(node) {
                for index in 0..<count {
                    switch raw[index] {
                    case UInt8(ascii: "l"): alignments.append(.left)
                    case UInt8(ascii: "c"): alignments.append(.center)
                    case UInt8(ascii: "r"): alignments.append(.right)
                    default: alignments.append(.none)
                    }
                }
            }
            return .table(alignments: alignments)
        case "table_header":
            return .tableRow(isHeader: true)
        case "table_row":
            return .tableRow(isHeader: cmark_gfm_extensions_get_table_row_is_header(node) != 0)
        case "table_cell":
            return .tableCell
        default:
            return .other(name)
        }
    }

    func string(_ pointer: UnsafePointer<CChar>?) -> String {
        guard let pointer else { return "" }
        return String(cString: pointer)
    }
}
