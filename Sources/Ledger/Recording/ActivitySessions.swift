import EventStore

/// What became of each session of one activity, read from its stream: which id a new session
/// gets, and which session a held or cancelled record without an id is about.
public struct ActivitySessions: Sendable {
    /// Each session's latest event that no void takes back.
    public var latest: [String: (status: String, date: String)] = [:]
    /// Every session id the activity has used, voided ones too: an id is never given twice.
    public var used: Set<String> = []

    public init() {}

    static let types: Set<String> = ["session.scheduled", "session.held", "session.cancelled"]

    /// The id a new session gets: `s1`, `s2`, … after every id the activity has used.
    public var nextID: String { nextIDs(1)[0] }

    /// The ids `count` new sessions get, in order: the next unused `s<number>`s.
    public func nextIDs(_ count: Int) -> [String] {
        var ids: [String] = []
        var number = used.count
        while ids.count < count {
            number += 1
            if !used.contains("s\(number)") { ids.append("s\(number)") }
        }
        return ids
    }

    public static func read(_ activity: String, in reader: EventReader) throws -> ActivitySessions {
        let events = try StandingEvents.read(activity, types: types, in: reader)
        var sessions = ActivitySessions()
        for entry in events.all { if let id = entry.data["session"]?.stringValue { sessions.used.insert(id) } }
        for entry in events.standing {
            guard let id = entry.data["session"]?.stringValue else { continue }
            sessions.latest[id] = (entry.event.type, entry.data["date"]?.stringValue ?? "")
        }
        return sessions
    }

    /// The session a record without an id is about: the one of the activity still scheduled on
    /// `day`, nil when none is; `CommandError.severalSessionsScheduled` when more than one is.
    public func scheduled(on day: String) throws(CommandError) -> String? {
        let planned = latest.filter { $0.value.status == "session.scheduled" && $0.value.date == day }.keys.sorted()
        guard planned.count <= 1 else { throw .severalSessionsScheduled(day: day, sessions: planned) }
        return planned.first
    }
}
