import GRDB

/// What the sessions read model answers: per activity and per session, what was held and who
/// came. Reads the tables of `SessionsProjector` only.
public enum SessionsReadModel {
    public struct Filter: Sendable, Equatable {
        public var activity: String?
        /// Session dates, inclusive (YYYY-MM-DD).
        public var from: String?
        public var to: String?

        public init(activity: String? = nil, from: String? = nil, to: String? = nil) {
            self.activity = activity
            self.from = from
            self.to = to
        }
    }

    public struct Activity: Sendable, Equatable {
        public let activity: String
        public let name: String
        public let kind: String
        public let municipality: String
        public var held = 0
        public var cancelled = 0
        /// Scheduled and not (yet) held or cancelled.
        public var planned = 0
        public var minutesHeld = 0
        public var present = 0
        public var absent = 0
        public var excused = 0
        /// People reached at open events without registering; nil if no session counted any.
        public var headcount: Int?

        public var attendanceRate: Rate { Rate(present, of: present + absent + excused) }
    }

    public struct Session: Sendable, Equatable {
        public let activity: String
        public let session: String
        public let status: String
        public let date: String
        public let durationMinutes: Int?
        public let format: String?
        public let headcount: Int?
        public let present: Int
        public let absent: Int
        public let excused: Int

        public var attendanceRate: Rate { Rate(present, of: present + absent + excused) }

        /// Within an activity: by date, then by session id with shorter ids first ("s9" before "s10").
        static func isInReportOrder(_ first: Session, _ second: Session) -> Bool {
            if first.date != second.date { return first.date < second.date }
            let (firstLength, secondLength) = (first.session.utf8.count, second.session.utf8.count)
            if firstLength != secondLength { return firstLength < secondLength }
            return first.session < second.session
        }
    }

    public struct Attendance: Sendable, Equatable {
        public let activity: String
        public let session: String
        public let date: String
        public let participant: String
        public let status: String
    }

    /// Everything the sessions report shows, read from one snapshot.
    public struct Overview: Sendable, Equatable {
        public let filter: Filter
        public let activities: [Activity]
        public let sessions: [Session]
        public let attendance: [Attendance]
    }

    /// The attendance list (who came, one row per person and session) only when the filter names
    /// an activity: over a whole county it would be every attendance record ever kept.
    public static func overview(_ filter: Filter, in db: Database) throws -> Overview {
        let sessions = try sessions(filter, in: db)
        return Overview(filter: filter, activities: try activities(filter, sessions: sessions, in: db), sessions: sessions,
                        attendance: filter.activity == nil ? [] : try attendance(filter, sessions: sessions, in: db))
    }

    /// Every session in the filter, by activity, date and session id, with its attendance counts
    /// (at held sessions only).
    public static func sessions(_ filter: Filter, in db: Database) throws -> [Session] {
        // `activity = ?` only when asked: SQLite then reads one activity through the primary key;
        // `? IS NULL OR …` would make it read everything.
        var conditions: [String] = []
        var arguments: [(any DatabaseValueConvertible)?] = []
        if let activity = filter.activity { conditions.append("activity = ?"); arguments.append(activity) }
        if let from = filter.from { conditions.append("date >= ?"); arguments.append(from) }
        if let to = filter.to { conditions.append("date <= ?"); arguments.append(to) }
        // Rows come in primary-key order (activity, session), which needs no sort in SQLite; an
        // activity's few sessions are then put in date order here. (Sorting the whole county's
        // sessions in SQL took longer than reading them.)
        var sessions: [Session] = []
        var activityStart = 0
        let rows = try Row.fetchCursor(db, sql: """
            SELECT activity, session, status, date, duration_minutes, format, headcount, present, absent, excused
            FROM sessions_session
            \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "))
            ORDER BY activity, session
            """, arguments: StatementArguments(arguments))
        while let row = try rows.next() {
            let held = (row[2] as String) == "held"
            let session = Session(activity: row[0], session: row[1], status: row[2], date: row[3], durationMinutes: row[4], format: row[5],
                                  headcount: row[6], present: held ? row[7] : 0, absent: held ? row[8] : 0, excused: held ? row[9] : 0)
            if let last = sessions.last, last.activity != session.activity {
                putInReportOrder(&sessions, from: activityStart)
                activityStart = sessions.count
            }
            sessions.append(session)
        }
        putInReportOrder(&sessions, from: activityStart)
        return sessions
    }

    /// Sorts `sessions[start...]` (one activity's) by `Session.isInReportOrder`. Positions are
    /// sorted, not the sessions: moving a session copies six strings.
    private static func putInReportOrder(_ sessions: inout [Session], from start: Int) {
        let order = (start..<sessions.count).sorted { Session.isInReportOrder(sessions[$0], sessions[$1]) }
        guard !order.elementsEqual(start..<sessions.count) else { return }
        let sorted = order.map { sessions[$0] }
        sessions.replaceSubrange(start..., with: sorted)
    }

    /// Each activity in the filter with its sessions' totals.
    public static func activities(_ filter: Filter, sessions: [Session], in db: Database) throws -> [Activity] {
        var activities = try Array(Row.fetchCursor(db, sql: """
            SELECT activity, name, kind, municipality FROM sessions_current_activity
            WHERE ?1 IS NULL OR activity = ?1 ORDER BY activity
            """, arguments: [filter.activity]
        ).map { row in Activity(activity: row[0], name: row[1], kind: row[2], municipality: row[3]) })
        let index = Dictionary(uniqueKeysWithValues: activities.enumerated().map { ($1.activity, $0) })
        for session in sessions {
            guard let at = index[session.activity] else { continue }
            switch session.status {
            case "held":
                activities[at].held += 1
                activities[at].minutesHeld += session.durationMinutes ?? 0
                activities[at].present += session.present
                activities[at].absent += session.absent
                activities[at].excused += session.excused
                if let headcount = session.headcount { activities[at].headcount = (activities[at].headcount ?? 0) + headcount }
            case "cancelled": activities[at].cancelled += 1
            default: activities[at].planned += 1
            }
        }
        return activities
    }

    /// Who was present, absent or excused at each held session of one activity among `sessions`
    /// (the latest record for each person and session).
    static func attendance(_ filter: Filter, sessions: [Session], in db: Database) throws -> [Attendance] {
        guard let activity = filter.activity else { return [] }
        let held = Dictionary(sessions.filter { $0.activity == activity && $0.status == "held" }.map { ($0.session, $0) },
                              uniquingKeysWith: { first, _ in first })
        let order = Dictionary(sessions.enumerated().map { ($1.session, $0) }, uniquingKeysWith: { first, _ in first })
        return try Array(Row.fetchCursor(db, sql: """
            SELECT session, participant, status FROM sessions_current_attendance WHERE activity = ?
            """, arguments: [activity]
        ).compactMap { row -> Attendance? in
            guard let session = held[row[0]] else { return nil }
            return Attendance(activity: activity, session: session.session, date: session.date, participant: row[1], status: row[2])
        }).sorted { (order[$0.session] ?? 0, $0.participant) < (order[$1.session] ?? 0, $1.participant) }
    }
}
