import EventStore

/// The events of given types on one stream, their data parsed, and which of them a void takes
/// back. A void stands on the stream of the event it voids (rule `void.on-the-voided-stream`), so
/// one stream's events say what stands: a session's status, a person's registration, a fee paid.
public struct StandingEvents: Sendable {
    public struct Entry: Sendable {
        public let event: RecordedEvent
        public let data: JSONValue
    }

    /// Every event of the types asked for, voided or not, in stream order.
    public let all: [Entry]
    public let voided: Set<String>

    /// Those no void takes back.
    public var standing: [Entry] { all.filter { !voided.contains($0.event.eventId) } }

    public static func read(_ stream: String, types: Set<String>, in reader: EventReader) throws -> StandingEvents {
        var all: [Entry] = []
        var voided: Set<String> = []
        try reader.events(inStream: stream).forEach { event in
            let isVoid = event.type == "entry.voided"
            guard isVoid || types.contains(event.type), let data = try? JSONParser.parse(event.data) else { return }
            if isVoid, let id = data["eventId"]?.stringValue { voided.insert(id) } else if !isVoid { all.append(Entry(event: event, data: data)) }
        }
        return StandingEvents(all: all, voided: voided)
    }
}

extension StandingEvents {
    /// The day of the engagement's latest standing agreement. Nil if the ledger has no such engagement.
    public static func agreedDay(ofEngagement engagement: String, in reader: EventReader) throws -> String? {
        try read("engagement-\(engagement)", types: ["engagement.agreed"], in: reader).standing.last?.data["date"]?.stringValue
    }

    /// The day the engagement's work was done — its standing completion's day, or the agreed day
    /// while it has none: the day of the trip, whose kilometre allowance its travel is paid at.
    /// Nil if the ledger has no such engagement.
    public static func workDay(ofEngagement engagement: String, in reader: EventReader) throws -> String? {
        let events = try read("engagement-\(engagement)", types: ["engagement.agreed", "engagement.completed"], in: reader).standing
        guard let agreed = events.last(where: { $0.event.type == "engagement.agreed" }) else { return nil }
        return (events.last { $0.event.type == "engagement.completed" } ?? agreed).data["date"]?.stringValue
    }

    /// The sealed personal data (name, identity code) of the participant's latest registration
    /// or correction of it that no void takes back; nil for someone registered without it.
    public static func sealedRegistration(of participant: String, in reader: EventReader) throws -> SealedValue? {
        let registrations = try read("participant-\(participant)", types: ["participant.registered", "participant.details-corrected"], in: reader)
        guard let latest = registrations.standing.last else { return nil }
        return try SealedValue.all(in: latest.data).first { $0.path == "personal" && $0.sealed.subject.text == participant }?.sealed
    }
}
