import Foundation

/// Tells every open page what changed, as server-sent events.
///
/// Each page that follows the changes holds one stream; an event names the guide (or none
/// for the whole project) and what changed, so that the page fetches itself again.
actor EventHub {
    /// One change.
    struct Event: Sendable, Equatable, Codable {
        /// What changed.
        enum Kind: String, Sendable, Codable {
            /// The guide's text or findings (checked again).
            case check
            /// The guide's built files.
            case build
            /// The list of guides, the settings or the styles.
            case project
            /// Nothing: a sign of life, so that a page that has gone away is noticed.
            case ping
        }

        /// What changed.
        var kind: Kind
        /// The guide it is about; nil for the whole project.
        var slug: String?
        /// The change's number: it only grows.
        var generation: Int
    }

    private var streams: [UUID: AsyncStream<Event>.Continuation] = [:]
    private var generation = 0

    /// How many pages follow the changes now.
    var count: Int { streams.count }

    /// A new stream of events, or nil when ``PreviewLimits/eventStreams`` are already open.
    func subscribe() -> (id: UUID, events: AsyncStream<Event>)? {
        guard streams.count < PreviewLimits.eventStreams else { return nil }
        let id = UUID()
        // A slow page keeps the latest few events only: it fetches itself again anyway.
        let (stream, continuation) = AsyncStream<Event>.makeStream(bufferingPolicy: .bufferingNewest(16))
        streams[id] = continuation
        continuation.onTermination = { [weak self] _ in
            Task { await self?.unsubscribe(id) }
        }
        return (id, stream)
    }

    /// Ends the stream `id`.
    func unsubscribe(_ id: UUID) {
        streams.removeValue(forKey: id)?.finish()
    }

    /// Sends an event to every stream.
    @discardableResult
    func publish(_ kind: Event.Kind, slug: String?) -> Event {
        generation += 1
        let event = Event(kind: kind, slug: slug, generation: generation)
        for continuation in streams.values { continuation.yield(event) }
        return event
    }

    /// Sends a sign of life to every stream (it does not count as a change).
    func ping() {
        for continuation in streams.values { continuation.yield(Event(kind: .ping, slug: nil, generation: generation)) }
    }

    /// Ends every stream (the server is stopping).
    func finishAll() {
        for continuation in streams.values { continuation.finish() }
        streams.removeAll()
    }

    /// The event as the lines of a server-sent event: `event: change`, `data: {json}`.
    static func encoded(_ event: Event) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // JSON has no raw line breaks, so the data is one line, as the format needs.
        let json = (try? encoder.encode(event)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        return "event: change\ndata: \(json)\n\n"
    }
}
