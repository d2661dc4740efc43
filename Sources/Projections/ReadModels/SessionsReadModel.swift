import EventStore
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
        var arguments: [any SQLiteBindable] = []
        if let activity = filter.activity { conditions.append("activity = ?"); arguments.append(activity) }
        if let from = filter.from { conditions.append("date >= ?"); arguments.append(from) }
        if let to = filter.to { conditions.append("date <= ?"); arguments.append(to) }
        // Rows come in primary-key order (activity, session), which needs no sort in SQLite; an
        // activity's few sessions are then put in date order here. (Sorting the whole county's
        // sessions in SQL took longer than reading them.)
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        var sessions: [Session] = []
        // Counted first: over a county the array would otherwise be copied into a larger one
        // again and again as it grows (7 % of the report's time).
        try PreparedStatement(db, sql: "SELECT count(*) FROM sessions_session \(whereClause)").forEachRow(binding: arguments) { row in
            sessions.reserveCapacity(row.integer(0))
        }
        var activityStart = 0
        var activity = ""
        let select = try PreparedStatement(db, sql: """
            SELECT activity, session, status, date, duration_minutes, format, headcount, present, absent, excused
            FROM sessions_session \(whereClause)
            ORDER BY activity, session
            """)
        try select.forEachRow(binding: arguments) { row in
            // One activity's rows follow each other: its name is made into a string once.
            if sessions.isEmpty || !row.text(0, equals: activity) {
                putInReportOrder(&sessions, from: activityStart)
                activityStart = sessions.count
                activity = row.text(0)
            }
            let held = row.text(2, equals: "held")
            sessions.append(Session(
                activity: activity, session: row.text(1), status: held ? "held" : row.text(2), date: row.text(3),
                durationMinutes: row.optionalInteger(4), format: row.optionalText(5), headcount: row.optionalInteger(6),
                present: held ? row.integer(7) : 0, absent: held ? row.integer(8) : 0, excused: held ? row.integer(9) : 0))
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
        var activities: [Activity] = []
        try PreparedStatement(db, sql: """
            SELECT activity, name, kind, municipality FROM sessions_current_activity
            WHERE ?1 IS NULL OR activity = ?1 ORDER BY activity
            """).forEachRow(binding: [filter.activity]) { row in
            activities.append(Activity(activity: row.text(0), name: row.text(1), kind: row.text(2), municipality: row.text(3)))
        }
        let index = Dictionary(uniqueKeysWithValues: activities.enumerated().map { ($1.activity, $0) })
        // `sessions` holds each activity's sessions together: one look-up per activity.
        var at: Int?
        for (offset, session) in sessions.enumerated() {
            if offset == 0 || session.activity != sessions[offset - 1].activity { at = index[session.activity] }
            guard let at else { continue }
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
