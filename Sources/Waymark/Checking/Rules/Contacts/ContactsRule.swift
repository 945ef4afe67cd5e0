import WaymarkModel

/// Contact cards give a working way to get in touch.
struct ContactsRule: Rule {
    static let description = RuleDescription(
        id: "contacts",
        name: "Contacts",
        summary: "A contact with no way to get in touch, a phone number that is not a valid UK number, or a website that is not https.",
        rationale: """
            A young person in trouble may have one chance to reach out. A number with a digit missing, or a \
            website address that a browser warns about, can stop them. Text (SMS) numbers may also be 5- or \
            6-digit short codes. (The reader already refuses a contact with no way to get in touch; the \
            check is here too so a model built another way is still checked.)
            """,
        severity: .error,
        standards: [Standard("Waymark", "guide format: contact cards")],
        passing: [RuleExample(":::contact\nname: Childline\nphone: 0800 1111\nwebsite: https://www.childline.org.uk\n:::\n")],
        failing: [
            RuleExample(":::contact\nname: Childline\nphone: ↓0800 111\n:::\n"),
            RuleExample(":::contact\nname: Childline\nphone: 0800 1111\nwebsite: ↓http://www.childline.org.uk\n:::\n"),
        ]
    )

    func check(guide context: GuideContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        context.guide.forEachBlock { block in
            guard case .contact(let contact) = block.kind else { return }
            func place(_ text: String) -> Location { context.source.find(text, from: block.location, within: 40) ?? block.location }
            if contact.phones.isEmpty && contact.text == nil && contact.email == nil && contact.website == nil && contact.chat == nil {
                findings.append(context.finding(
                    .error, at: block.location, "the contact '\(contact.name)' has no way to get in touch",
                    hint: "add at least one of 'phone:', 'text:', 'email:', 'website:' or 'chat:'"))
            }
            for phone in contact.phones where !PhoneNumbers.isRecognised(phone.number.display) {
                findings.append(context.finding(
                    .warning, at: place(phone.number.display), "'\(phone.number.display)' is not a valid UK phone number",
                    hint: "check the number against the service's own website; UK numbers have 10 or 11 digits starting with 0 (or are short numbers such as 999, 101 or 116 123)"))
            }
            if let text = contact.text, !PhoneNumbers.isRecognised(text.display), !ContactsRule.isShortCode(text.dial) {
                findings.append(context.finding(
                    .warning, at: place(text.display), "'\(text.display)' is not a valid UK number for text messages",
                    hint: "check the number against the service's own website; text numbers are mobile numbers (07…) or short codes of 5 or 6 digits"))
            }
            for (key, address) in [("website", contact.website), ("chat", contact.chat)] {
                guard let address, !address.lowercased().hasPrefix("https://") else { continue }
                findings.append(context.finding(
                    .warning, at: place(address), "the \(key) address '\(address)' does not start with https://",
                    hint: "use the https:// address (check it opens in a browser); browsers warn about http:// pages, which could put a young person off"))
            }
        }
        return findings
    }

    /// SMS short codes (`85258`) have 5 or 6 digits and do not start with 0.
    static func isShortCode(_ digits: String) -> Bool {
        Thresholds.smsShortCodeDigits.contains(digits.count) && digits.allSatisfy(\.isASCIIDigit) && !digits.hasPrefix("0")
    }
}
