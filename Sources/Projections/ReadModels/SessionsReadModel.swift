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

    public static func overview(_ filter: Filter, in db: Database) throws -> Overview {
        let sessions = try sessions(filter, in: db)
        return Overview(filter: filter, activities: try activities(filter, sessions: sessions, in: db), sessions: sessions,
                        attendance: try attendance(filter, in: db))
    }

    /// Every session in the filter, by activity, date and session id, with its attendance counts
    /// (counted at held sessions only).
    public static func sessions(_ filter: Filter, in db: Database) throws -> [Session] {
        try Row.fetchAll(db, sql: """
            SELECT s.activity, s.session, s.status, s.date, s.duration_minutes, s.format, s.headcount,
                   COUNT(CASE WHEN a.status = 'present' THEN 1 END),
                   COUNT(CASE WHEN a.status = 'absent' THEN 1 END),
                   COUNT(CASE WHEN a.status = 'excused' THEN 1 END)
            FROM sessions_current_session s
            LEFT JOIN sessions_current_attendance a
                   ON s.status = 'held' AND a.activity = s.activity AND a.session = s.session
            WHERE (?1 IS NULL OR s.activity = ?1) AND (?2 IS NULL OR s.date >= ?2) AND (?3 IS NULL OR s.date <= ?3)
            GROUP BY s.activity, s.session
            ORDER BY s.activity, s.date, length(s.session), s.session
            """, arguments: [filter.activity, filter.from, filter.to]
        ).map { row in
            Session(activity: row[0], session: row[1], status: row[2], date: row[3], durationMinutes: row[4], format: row[5],
                    headcount: row[6], present: row[7], absent: row[8], excused: row[9])
        }
    }

    /// Each activity in the filter with its sessions' totals.
    public static func activities(_ filter: Filter, sessions: [Session], in db: Database) throws -> [Activity] {
        var activities = try Row.fetchAll(db, sql: """
            SELECT activity, name, kind, municipality FROM sessions_current_activity
            WHERE ?1 IS NULL OR activity = ?1 ORDER BY activity
            """, arguments: [filter.activity]
        ).map { row in Activity(activity: row[0], name: row[1], kind: row[2], municipality: row[3]) }
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

    /// Who was present, absent or excused at each held session in the filter (the latest record
    /// for each person and session).
    public static func attendance(_ filter: Filter, in db: Database) throws -> [Attendance] {
        try Row.fetchAll(db, sql: """
            SELECT a.activity, a.session, s.date, a.participant, a.status
            FROM sessions_current_attendance a
            JOIN sessions_current_session s ON s.activity = a.activity AND s.session = a.session AND s.status = 'held'
            WHERE (?1 IS NULL OR a.activity = ?1) AND (?2 IS NULL OR s.date >= ?2) AND (?3 IS NULL OR s.date <= ?3)
            ORDER BY a.activity, s.date, length(a.session), a.session, a.participant
            """, arguments: [filter.activity, filter.from, filter.to]
        ).map { row in Attendance(activity: row[0], session: row[1], date: row[2], participant: row[3], status: row[4]) }
    }
}
