import Testing
@testable import WaymarkCMark

@Suite struct CMarkParserTests {
    @Test func positionsOfInlines() throws {
        let tree = try CMarkParser().parse("# Title\n\nSome *text* and [a link](https://x.org).\n")
        #expect(tree.kind == .document)
        #expect(tree.children.count == 2)
        let paragraph = tree.children[1]
        #expect(paragraph.startLine == 3)
        #expect(paragraph.children.first?.startColumn == 1)
    }
}
