import Testing
import WaymarkYAML

@Suite struct YAMLEventsTests {
    @Test(arguments: [
        ("a: &x 1\nb: *x\n", YAMLAnchorMark(isAlias: false, line: 1, column: 4)),
        ("a:\t&x 1\n", YAMLAnchorMark(isAlias: false, line: 1, column: 4)),
        ("a: [1,\t*x]\n", YAMLAnchorMark(isAlias: true, line: 1, column: 8)),
        ("? &k key\n: v\n", YAMLAnchorMark(isAlias: false, line: 1, column: 3)),
        ("l:\n  - !!str &s x\n", YAMLAnchorMark(isAlias: false, line: 2, column: 5)),
    ])
    func anchorsAndAliasesAreFoundWhereTheyStart(text: String, expected: YAMLAnchorMark) {
        #expect(YAMLEvents.firstAnchorOrAlias(in: text) == expected)
    }

    @Test(arguments: [
        "summary: \"a *starred* word & more\"\n",
        "summary: Tom & Jerry\n",
        "summary: >\n  * not an alias, block text\n",
        "summary: 'single *quoted*'\n",
        "a: [unclosed\n",
        "title: Plain text only\nglossary:\n  carer: someone who looks after you\n",
        "",
    ])
    func textThatOnlyLooksLikeAnAnchorIsLeftAlone(text: String) {
        #expect(YAMLEvents.firstAnchorOrAlias(in: text) == nil)
    }
}
