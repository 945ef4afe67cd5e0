import WaymarkModel
import Yams

/// Reads the YAML body of a `:::contact` block into a ``Contact``.
struct ContactReader {
    static let keys = ["name", "phone", "text", "email", "website", "chat", "hours", "cost", "for", "about"]
    static let phoneKeys = ["number", "hours"]

    private struct Fields: Decodable {
        var name: String
        var phone: PhoneField?
        var text: String?
        var email: String?
        var website: String?
        var chat: String?
        var hours: String?
        var cost: String?
        var audience: String?
        var about: String?

        enum CodingKeys: String, CodingKey {
            case name, phone, text, email, website, chat, hours, cost, about
            case audience = "for"
        }
    }

    private enum PhoneField: Decodable {
        case one(String)
        case many([PhoneLine])

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let lines = try? container.decode([PhoneLine].self) {
                self = .many(lines)
            } else {
                self = .one(try container.decode(String.self))
            }
        }
    }

    private struct PhoneLine: Decodable {
        var number: String
        var hours: String?

        init(number: String, hours: String?) {
            self.number = number
            self.hours = hours
        }

        init(from decoder: Decoder) throws {
            if let text = try? decoder.singleValueContainer().decode(String.self) {
                number = text
                hours = nil
                return
            }
            let container = try decoder.container(keyedBy: CodingKeys.self)
            number = try container.decode(String.self, forKey: .number)
            hours = try container.decodeIfPresent(String.self, forKey: .hours)
        }

        enum CodingKeys: String, CodingKey { case number, hours }
    }

    let source: SourceText

    /// The contact in lines `body` of the guide, opened on line `line`.
    /// `fast` off reads it with Yams alone (the tests compare the two readings).
    func read(body: ClosedRange<Int>?, openedOn line: Int, fast: Bool = true) throws(GuideReadFailure) -> Contact {
        let opener = source.location(line: line, column: 1)
        guard let body else {
            throw GuideReadFailure([.error(
                at: opener, "the ':::contact' block is empty",
                hint: "write 'name:' and at least one way to get in touch ('phone:', 'text:', 'email:', 'website:' or 'chat:') on the lines inside it")])
        }
        let yaml = YAMLReader(source: source, lineOffset: body.lowerBound - 1)
        let text = source.text(lines: body)
        // As for front matter: SimpleYAML where it reads the card as Yams would and the card has
        // no problem; else Yams, whose messages place the problem exactly.
        if fast, let simple = SimpleYAML.parse(text), let fields = ContactReader.fields(simple),
           let contact = try? contact(from: fields, opener: opener, place: { _ in opener }, phonePlace: { _ in opener }) {
            return contact
        }
        guard let root = try yaml.compose(text), case .mapping(let mapping) = root else {
            throw GuideReadFailure([.error(
                at: source.location(line: body.lowerBound, column: 1),
                "the ':::contact' block is not a list of 'key: value' lines",
                hint: "write one 'key: value' line each, e.g. 'name: Childline' and 'phone: 0800 1111'")])
        }
        var diagnostics = yaml.unknownKeys(in: mapping, allowed: ContactReader.keys, noun: "contact key")
        if case .sequence(let lines)? = mapping["phone"] {
            for case .mapping(let line) in lines {
                diagnostics += yaml.unknownKeys(in: line, allowed: ContactReader.phoneKeys, noun: "phone key")
            }
        }
        if mapping["name"] == nil {
            diagnostics.append(.error(
                at: opener, "the contact has no 'name:'",
                hint: "add a line 'name: …' with the name of the service, e.g. 'name: Childline'"))
        }
        guard diagnostics.isEmpty else { throw GuideReadFailure(diagnostics) }
        let fields = try yaml.decode(Fields.self, from: root) { _ in "the contact" }
        let nodes = mapping["phone"]?.sequence.map(Array.init) ?? []
        return try contact(from: fields, opener: opener, place: { yaml.location(of: mapping[$0]) }, phonePlace: { index in
            yaml.location(of: index < nodes.count ? (nodes[index].mapping?["number"] ?? nodes[index]) : mapping["phone"])
        })
    }

    /// The card's fields from SimpleYAML's tree, as Yams' decoder gives them; nil where it might
    /// not, or where a key is unknown or missing (Yams' reading then says so).
    private static func fields(_ root: SimpleYAML.Node) -> Fields? {
        guard case .mapping(let entries) = root, entries.allSatisfy({ keys.contains($0.key.text) }), let name = root["name"]?.text else { return nil }
        func text(_ key: String) -> String?? {
            guard let node = root[key] else { return .some(nil) }
            return node.text.map { .some($0) } ?? nil
        }
        var phone: PhoneField?
        switch root["phone"] {
        case nil: phone = nil
        case .scalar(let scalar)?: phone = .one(scalar.text)
        case .sequence(let items)?:
            var lines: [PhoneLine] = []
            for item in items {
                switch item {
                case .scalar(let scalar):
                    lines.append(PhoneLine(number: scalar.text, hours: nil))
                case .mapping(let fields):
                    guard fields.allSatisfy({ phoneKeys.contains($0.key.text) }), let number = item["number"]?.text else { return nil }
                    let hours = item["hours"]
                    guard hours == nil || hours?.text != nil else { return nil }
                    lines.append(PhoneLine(number: number, hours: hours?.text))
                case .sequence:
                    return nil
                }
            }
            phone = .many(lines)
        case .mapping?: return nil
        }
        guard case .some(let textNumber) = text("text"), case .some(let email) = text("email"), case .some(let website) = text("website"),
              case .some(let chat) = text("chat"), case .some(let hours) = text("hours"), case .some(let cost) = text("cost"),
              case .some(let audience) = text("for"), case .some(let about) = text("about") else { return nil }
        return Fields(name: name, phone: phone, text: textNumber, email: email, website: website, chat: chat, hours: hours, cost: cost, audience: audience, about: about)
    }

    /// The contact the fields make, or the problems with it, placed by `place` (a key's value)
    /// and `phonePlace` (a phone line's number).
    private func contact(
        from fields: Fields, opener: Location, place: (String) -> Location, phonePlace: (Int) -> Location
    ) throws(GuideReadFailure) -> Contact {
        var phones: [Contact.Phone] = []
        var numberProblems: [Diagnostic] = []
        // A number with no digits would be dropped from every output: refuse it instead.
        func number(_ text: String, hours: String?, at location: @autoclosure () -> Location) {
            if let parsed = PhoneNumbers.parse(text) {
                phones.append(Contact.Phone(number: parsed, hours: hours?.trimmed))
            } else {
                numberProblems.append(.error(
                    at: location(), "the phone number '\(text)' has no digits",
                    hint: "write the number as digits, e.g. 'phone: 0800 1111'"))
            }
        }
        switch fields.phone {
        case .one(let text)?:
            number(text, hours: nil, at: place("phone"))
        case .many(let lines)?:
            for (index, line) in lines.enumerated() {
                number(line.number, hours: line.hours, at: phonePlace(index))
            }
        case nil:
            break
        }
        if let text = fields.text, PhoneNumbers.parse(text) == nil {
            number(text, hours: nil, at: place("text"))
        }
        guard numberProblems.isEmpty else { throw GuideReadFailure(numberProblems) }
        let contact = Contact(
            name: fields.name.trimmed, phones: phones, text: fields.text.flatMap(PhoneNumbers.parse),
            email: fields.email?.trimmed, website: fields.website?.trimmed, chat: fields.chat?.trimmed,
            hours: fields.hours?.trimmed, cost: fields.cost?.trimmed, audience: fields.audience?.trimmed,
            about: fields.about?.trimmed)
        var addressProblems: [Diagnostic] = []
        for (key, address) in [("website", contact.website), ("chat", contact.chat)] {
            guard let address, let problem = LinkPolicy.problem(address, use: .web) else { continue }
            addressProblems.append(.error(
                at: place(key), "the \(key) address '\(address)' \(problem)",
                hint: "write the service's web address as it shows in a browser, starting with https://, e.g. 'https://www.childline.org.uk'"))
        }
        if let email = contact.email, let problem = LinkPolicy.emailProblem(email) {
            addressProblems.append(.error(
                at: place("email"), "the email address '\(email)' \(problem)",
                hint: "write the address on its own, e.g. 'email: help@example.org'"))
        }
        guard addressProblems.isEmpty else { throw GuideReadFailure(addressProblems) }
        if contact.phones.isEmpty && contact.text == nil && contact.email == nil && contact.website == nil && contact.chat == nil {
            throw GuideReadFailure([.error(
                at: opener, "the contact '\(contact.name)' has no way to get in touch",
                hint: "add at least one of 'phone:', 'text:', 'email:', 'website:' or 'chat:'")])
        }
        return contact
    }
}
