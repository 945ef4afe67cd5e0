import WaymarkModel

/// Recognises UK phone numbers in running text (`0800 1111`, `01926 414144`, `999`, `101`).
enum PhoneNumbers {
    /// Short numbers that are whole numbers on their own (emergency, police, NHS…).
    static let shortNumbers: Set<String> = ["999", "112", "101", "111", "105", "119"]

    /// A number found in text: where it starts and ends (character offsets) and the number.
    struct Match {
        var range: Range<Int>
        var number: PhoneNumber
    }

    /// The phone number that starts at `start` in `characters`, if any.
    static func match(in characters: [Character], at start: Int) -> Match? {
        guard start < characters.count else { return nil }
        // A number starts with a digit or "+": most words are ruled out here.
        guard characters[start] == "+" || characters[start].isASCIIDigit else { return nil }
        if start > 0 {
            let before = characters[start - 1]
            if before.isLetter || before.isNumber || before == "£" || before == "$" || before == "€" || before == "#" { return nil }
            if (before == "." || before == "," || before == "-" || before == "/"), start > 1, characters[start - 2].isNumber { return nil }
        }
        var index = start
        var international = false
        if characters[index] == "+" {
            guard index + 2 < characters.count, characters[index + 1] == "4", characters[index + 2] == "4" else { return nil }
            international = true
            index += 3
            if index < characters.count, characters[index] == " " { index += 1 }
        }
        // Digit groups separated by single spaces.
        var groups: [(digits: String, end: Int)] = []
        while index < characters.count, characters[index].isASCIIDigit {
            var digits = ""
            while index < characters.count, characters[index].isASCIIDigit {
                digits.append(characters[index])
                index += 1
            }
            groups.append((digits, index))
            guard groups.count < 5, index + 1 < characters.count, characters[index] == " " || characters[index] == "\u{00A0}",
                  characters[index + 1].isASCIIDigit else { break }
            index += 1
        }
        guard !groups.isEmpty else { return nil }
        // The number must not run on into letters or more digits.
        func endsCleanly(_ end: Int) -> Bool {
            end >= characters.count || !(characters[end].isLetter || characters[end].isASCIIDigit)
        }
        // Take the shortest run of groups that makes a valid number.
        var digits = ""
        for (count, group) in groups.enumerated() {
            digits += group.digits
            guard endsCleanly(group.end) else { continue }
            let national = international ? "0" + digits : digits
            if isValid(national: national, groupCount: count + 1) {
                let display = String(characters[start..<group.end]).replacingOccurrences(of: "\u{00A0}", with: " ")
                return Match(range: start..<group.end, number: PhoneNumber(display: display, dial: international ? "+44" + digits : national))
            }
        }
        return nil
    }

    /// Whether `digits` (national form, starting 0, or a short number) is a UK number.
    static func isValid(national digits: String, groupCount: Int) -> Bool {
        if groupCount == 1 && shortNumbers.contains(digits) { return true }
        // 116 xxx: harmonised European numbers (116 123 Samaritans, 116 111 Childline).
        if digits.count == 6 && digits.hasPrefix("116") { return true }
        guard digits.hasPrefix("0"), !digits.hasPrefix("00") else { return false }
        // Freephone 0800/0808 numbers may be short (0800 1111 is Childline's).
        if digits.hasPrefix("080") && (8...11).contains(digits.count) { return true }
        return (10...11).contains(digits.count)
    }

    /// A phone number from a contact card's `phone:` text; nil if it has no digits.
    static func parse(_ text: String) -> PhoneNumber? {
        let characters = Array(text.trimmed)
        if let match = match(in: characters, at: 0), match.range.upperBound == characters.count {
            return match.number
        }
        let dial = String(text.filter { $0.isASCIIDigit || $0 == "+" })
        return dial.isEmpty ? nil : PhoneNumber(display: text.trimmed, dial: dial)
    }

    /// Whether `text` is a recognised UK phone number as a whole.
    static func isRecognised(_ text: String) -> Bool {
        let characters = Array(text.trimmed)
        return match(in: characters, at: 0)?.range.upperBound == characters.count
    }
}

extension Character {
    /// Whether this is one of the ASCII digits 0–9.
    var isASCIIDigit: Bool { asciiValue.map { (48...57).contains($0) } ?? false }
}
