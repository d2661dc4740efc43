import EventStore

/// The events of given types on one stream, their data parsed, and which of them a void takes
/// back. A void stands on the stream of the event it voids (rule `void.on-the-voided-stream`), so
/// one stream's events say what stands: a session's status, a person's registration, a fee paid.
struct StandingEvents {
    struct Entry {
        let event: RecordedEvent
        let data: JSONValue
    }

    /// Every event of the types asked for, voided or not, in stream order.
    let all: [Entry]
    let voided: Set<String>

    /// Those no void takes back.
    var standing: [Entry] { all.filter { !voided.contains($0.event.eventId) } }

    static func read(_ stream: String, types: Set<String>, in reader: EventReader) throws -> StandingEvents {
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
