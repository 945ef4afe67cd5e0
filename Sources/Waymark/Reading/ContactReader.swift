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
        switch fields.phone {
        case .one(let number)?:
            if let parsed = PhoneNumbers.parse(number) { phones.append(Contact.Phone(number: parsed)) }
        case .many(let lines)?:
            phones = lines.compactMap { line in
                PhoneNumbers.parse(line.number).map { Contact.Phone(number: $0, hours: line.hours?.trimmed) }
            }
        case nil:
            break
        }
        let contact = Contact(
            name: fields.name.trimmed, phones: phones, text: fields.text.flatMap(PhoneNumbers.parse),
            email: fields.email?.trimmed, website: fields.website?.trimmed, chat: fields.chat?.trimmed,
            hours: fields.hours?.trimmed, cost: fields.cost?.trimmed, audience: fields.audience?.trimmed,
            about: fields.about?.trimmed)
        if contact.phones.isEmpty && contact.text == nil && contact.email == nil && contact.website == nil && contact.chat == nil {
            throw GuideReadFailure([.error(
                at: opener, "the contact '\(contact.name)' has no way to get in touch",
                hint: "add at least one of 'phone:', 'text:', 'email:', 'website:' or 'chat:'")])
        }
        return contact
    }
}
