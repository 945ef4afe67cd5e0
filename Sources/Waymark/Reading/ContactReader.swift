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
    func read(body: ClosedRange<Int>?, openedOn line: Int) throws(GuideReadFailure) -> Contact {
        let opener = source.location(line: line, column: 1)
        guard let body else {
            throw GuideReadFailure([.error(
                at: opener, "the ':::contact' block is empty",
                hint: "write 'name:' and at least one way to get in touch ('phone:', 'text:', 'email:', 'website:' or 'chat:') on the lines inside it")])
        }
        let yaml = YAMLReader(source: source, lineOffset: body.lowerBound - 1)
        guard let root = try yaml.compose(source.text(lines: body)), case .mapping(let mapping) = root else {
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
        var phones: [Contact.Phone] = []
        var numberProblems: [Diagnostic] = []
        // A number with no digits would be dropped from every output: refuse it instead.
        func number(_ text: String, hours: String?, node: Node?) {
            if let parsed = PhoneNumbers.parse(text) {
                phones.append(Contact.Phone(number: parsed, hours: hours?.trimmed))
            } else {
                numberProblems.append(.error(
                    at: yaml.location(of: node), "the phone number '\(text)' has no digits",
                    hint: "write the number as digits, e.g. 'phone: 0800 1111'"))
            }
        }
        switch fields.phone {
        case .one(let text)?:
            number(text, hours: nil, node: mapping["phone"])
        case .many(let lines)?:
            let nodes = mapping["phone"]?.sequence.map(Array.init) ?? []
            for (index, line) in lines.enumerated() {
                let node = index < nodes.count ? (nodes[index].mapping?["number"] ?? nodes[index]) : mapping["phone"]
                number(line.number, hours: line.hours, node: node)
            }
        case nil:
            break
        }
        if let text = fields.text, PhoneNumbers.parse(text) == nil {
            number(text, hours: nil, node: mapping["text"])
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
                at: yaml.location(of: mapping[key]), "the \(key) address '\(address)' \(problem)",
                hint: "write the service's web address as it shows in a browser, starting with https://, e.g. 'https://www.childline.org.uk'"))
        }
        if let email = contact.email, let problem = LinkPolicy.emailProblem(email) {
            addressProblems.append(.error(
                at: yaml.location(of: mapping["email"]), "the email address '\(email)' \(problem)",
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
