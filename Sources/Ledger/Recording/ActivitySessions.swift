import EventStore

/// What became of each session of one activity, read from its stream: which id a new session
/// gets, and which session a held or cancelled record without an id is about.
public struct ActivitySessions: Sendable {
    /// Each session's latest event that no void takes back.
    public var latest: [String: (status: String, date: String)] = [:]
    /// Every session id the activity has used, voided ones too: an id is never given twice.
    public var used: Set<String> = []

    static let types: Set<String> = ["session.scheduled", "session.held", "session.cancelled"]

    /// The id a new session gets: `s1`, `s2`, … after every id the activity has used.
    public var nextID: String { "s\(used.count + 1)" }

    public static func read(_ activity: String, in store: EventStore) throws -> ActivitySessions {
        let events = try store.read { try StandingEvents.read(activity, types: types, in: $0) }
        var sessions = ActivitySessions()
        for entry in events.all { if let id = entry.data["session"]?.stringValue { sessions.used.insert(id) } }
        for entry in events.standing {
            guard let id = entry.data["session"]?.stringValue else { continue }
            sessions.latest[id] = (entry.event.type, entry.data["date"]?.stringValue ?? "")
        }
        return sessions
    }
}
