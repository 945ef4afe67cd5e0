import WaymarkModel

/// No characters that reorder text or hide in it.
struct HiddenCharactersRule: Rule {
    static let description = RuleDescription(
        id: "hidden-characters",
        name: "Hidden characters",
        summary: "A character that changes the order text is shown in, or has no width at all, anywhere in the guide.",
        rationale: """
            Direction controls (such as RIGHT-TO-LEFT OVERRIDE) make text show in another order than it is \
            read: "999 ro 1111 0080" after a RIGHT-TO-LEFT OVERRIDE shows as "0800 1111 or 999", while only \
            999 becomes a phone link. \
            Invisible characters (such as ZERO WIDTH SPACE) hide inside a word or a number, so a name cannot be \
            searched for and a number cannot be dialled. They usually come from pasting out of another program; \
            a guide written in Arabic or Urdu may need a direction mark now and then, and can switch this check off.
            """,
        severity: .warning,
        standards: [
            Standard("Unicode UAX #9", "Bidirectional Algorithm: explicit formatting characters"),
            Standard("Unicode UTS #39", "Security Mechanisms: invisible characters"),
        ],
        passing: [RuleExample("Call Childline on 0800 1111.\n")],
        failing: [
            RuleExample("Call ↓\u{202E}999 ro 1111 0080 now.\n"),
            RuleExample("Call Child↓\u{200B}line on 0800 1111.\n"),
            RuleExample("Call Childline on 0800↓&#x202E;1111.\n"),
        ]
    )

    func check(guide context: GuideContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        let file = context.guide.sourcePath
        for number in 1...max(context.source.lineCount, 1) {
            guard number <= context.source.lines.count else { continue }
            let scalars = context.source.lines[number - 1]
            // No ASCII character is hidden, and only `&` and `\` can start one written as an escape.
            if scalars.allSatisfy({ $0.value < 0x80 && $0 != "&" && $0 != "\\" }) { continue }
            var index = 0
            while index < scalars.count {
                let scalar = scalars[index]
                let found: (Unicode.Scalar, Int)?
                if TextSafety.isBidiControl(scalar) || TextSafety.isInvisible(scalar) {
                    found = (scalar, 1)
                } else if scalar == "&" || scalar == "\\" {
                    // Written as a character reference (`&#x202E;`) or a YAML escape (`\u202E`).
                    found = HiddenCharactersRule.escaped(scalars, at: index)
                } else {
                    found = nil
                }
                guard let (hidden, length) = found else {
                    index += 1
                    continue
                }
                let kind = TextSafety.isBidiControl(hidden) ? "changes the order the text around it is shown in"
                    : "cannot be seen"
                findings.append(context.finding(
                    at: Location(file: file, line: number, column: index + 1),
                    "a hidden character (\(TextSafety.name(hidden))) is here; it \(kind)",
                    hint: "delete it: put the cursor just after it and press Backspace until the letter before is gone, then type that letter again"))
                index += length
            }
        }
        return findings
    }

    /// The character that `&#…;`, `&#x…;`, `\u…` or `\U…` at `start` stands for, if it is a hidden one, and its length.
    static func escaped(_ scalars: [Unicode.Scalar], at start: Int) -> (Unicode.Scalar, Int)? {
        var index = start + 1
        var radix = 10
        var digits = ""
        var maximum = 8
        if scalars[start] == "&" {
            guard index < scalars.count, scalars[index] == "#" else { return nil }
            index += 1
            if index < scalars.count, scalars[index] == "x" || scalars[index] == "X" { radix = 16; index += 1 }
        } else {
            guard index < scalars.count, scalars[index] == "u" || scalars[index] == "U" else { return nil }
            maximum = scalars[index] == "u" ? 4 : 8
            radix = 16
            index += 1
        }
        while index < scalars.count, digits.count < maximum, let value = Int(String(scalars[index]), radix: radix), value >= 0 {
            digits.unicodeScalars.append(scalars[index])
            index += 1
        }
        if scalars[start] == "&" {
            guard index < scalars.count, scalars[index] == ";" else { return nil }
            index += 1
        }
        guard let value = UInt32(digits, radix: radix), let scalar = Unicode.Scalar(value),
              TextSafety.isBidiControl(scalar) || TextSafety.isInvisible(scalar) else { return nil }
        return (scalar, index - start)
    }
}
