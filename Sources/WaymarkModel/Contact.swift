/// A service that can help, from a `contact` block.
public struct Contact: Hashable, Sendable {
    /// A phone number with its own opening hours.
    public struct Phone: Hashable, Sendable {
        /// The number.
        public var number: PhoneNumber
        /// When it is answered, if it differs from the contact's hours.
        public var hours: String?

        /// Creates a phone line.
        public init(number: PhoneNumber, hours: String? = nil) {
            self.number = number
            self.hours = hours
        }
    }

    /// The service's name.
    public var name: String
    /// Phone lines.
    public var phones: [Phone]
    /// A number to send a text message to.
    public var text: PhoneNumber?
    /// An email address.
    public var email: String?
    /// A website (https).
    public var website: String?
    /// A web chat address.
    public var chat: String?
    /// When the service is open.
    public var hours: String?
    /// What it costs to get in touch.
    public var cost: String?
    /// Who the service is for.
    public var audience: String?
    /// What the service does.
    public var about: String?

    /// Creates a contact.
    public init(
        name: String, phones: [Phone] = [], text: PhoneNumber? = nil, email: String? = nil,
        website: String? = nil, chat: String? = nil, hours: String? = nil, cost: String? = nil,
        audience: String? = nil, about: String? = nil
    ) {
        self.name = name
        self.phones = phones
        self.text = text
        self.email = email
        self.website = website
        self.chat = chat
        self.hours = hours
        self.cost = cost
        self.audience = audience
        self.about = about
    }
}
