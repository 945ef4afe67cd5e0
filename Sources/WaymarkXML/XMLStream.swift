/// An XML document written a piece at a time, with the same bytes as
/// ``XMLDocument/serialize(_:doctype:declaration:)`` gives for the whole tree: the root and its
/// first children, then each further child as it is made, so that a long document (a catalogue
/// of thousands of entries) is never held whole, as a tree or as bytes.
public struct XMLStream {
    private var writer = MarkupWriter(mode: .xml, capacity: 64 << 10)

    /// Starts the document: the declaration, `root`'s start tag and its children (at least one).
    /// Prefixes `root` declares are in scope for every child added after.
    public init(_ root: XMLElement, declaration: Bool = true) throws {
        try writer.begin(root, declaration: declaration)
    }

    /// Starts an HTML document (`<!DOCTYPE html>`, HTML's rules, as
    /// ``XMLDocument/serializeHTML(_:)`` writes it) whose root is `root` (with at least one child).
    public init(html root: XMLElement) throws {
        writer = MarkupWriter(mode: .html, capacity: 64 << 10)
        try writer.begin(root, declaration: false)
    }

    /// Adds `node` as the next child of the innermost open element: the root, or the one
    /// ``enter(_:)`` opened last.
    public mutating func add(_ node: XMLNode) throws {
        try writer.add(node)
    }

    /// Adds `element` (with its children) and leaves it open: what is added next goes inside it,
    /// until ``leave()``. For a list of thousands of items inside a page.
    public mutating func enter(_ element: XMLElement) throws {
        try writer.enter(element)
    }

    /// Closes the element ``enter(_:)`` opened last.
    public mutating func leave() throws {
        try writer.leave()
    }

    /// Closes the root and the document.
    public mutating func end() throws {
        try writer.end()
    }

    /// The bytes written since the last call (the caller writes them out).
    public mutating func take() -> [UInt8] {
        writer.take()
    }

    /// How many bytes are waiting to be taken.
    public var pending: Int { writer.bytes.count }
}
