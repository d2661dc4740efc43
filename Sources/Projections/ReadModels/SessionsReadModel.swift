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
        /// Scheduled in advance, whatever became of them (held, cancelled or still ahead).
        public var planned = 0
        /// Scheduled and not (yet) held or cancelled.
        public var stillScheduled = 0
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
        /// Scheduled in advance, whatever became of it.
        public let wasScheduled: Bool

        /// `SessionsReadModel.orderKey` of the date and id, made once as the session is read.
        let orderKey: Int?

        init(activity: String, session: String, status: String, date: String, durationMinutes: Int?, format: String?,
             headcount: Int?, present: Int, absent: Int, excused: Int, wasScheduled: Bool) {
            (self.activity, self.session, self.status, self.date) = (activity, session, status, date)
            (self.durationMinutes, self.format, self.headcount) = (durationMinutes, format, headcount)
            (self.present, self.absent, self.excused, self.wasScheduled) = (present, absent, excused, wasScheduled)
            orderKey = SessionsReadModel.orderKey(date: date, session: session)
        }

        public var attendanceRate: Rate { Rate(present, of: present + absent + excused) }

        /// Within an activity: by date, then by session id with shorter ids first ("s9" before "s10").
        /// Most comparisons are of the two integer keys; only equal keys compare the strings.
        static func isInReportOrder(_ first: Session, _ second: Session) -> Bool {
            if let firstKey = first.orderKey, let secondKey = second.orderKey, firstKey != secondKey { return firstKey < secondKey }
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
            SELECT activity, session, status, date, duration_minutes, format, headcount, present, absent, excused, was_scheduled
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
                present: held ? row.integer(7) : 0, absent: held ? row.integer(8) : 0, excused: held ? row.integer(9) : 0,
                wasScheduled: row.integer(10) != 0))
        }
        putInReportOrder(&sessions, from: activityStart)
        return sessions
    }

    /// Sorts `sessions[start...]` (one activity's) by `Session.isInReportOrder`. Positions are
    /// sorted, on the sessions' integer keys, and then each session is moved into its place: the
    /// standard library's sort, and taking the sessions out and putting them back sorted, copied
    /// every session (copying a session copies six strings), at a cost close to reading them.
    private static func putInReportOrder(_ sessions: inout [Session], from start: Int) {
        guard sessions.count - start > 1 else { return }
        sessions.withUnsafeMutableBufferPointer { all in
            var activity = UnsafeMutableBufferPointer(rebasing: all[start...])
            let order = activity.indices.sorted { Session.isInReportOrder(activity[$0], activity[$1]) }
            rearrange(&activity, into: order)
        }
    }

    /// Moves the elements of `buffer` so that each `position` holds the one that was at
    /// `order[position]`, with swaps only (no element copied). Positions before `position` are
    /// done; the element that was at an earlier position has since been swapped to where that
    /// position's own element was, and so on: following `order` finds where it is now.
    static func rearrange<Element>(_ buffer: inout UnsafeMutableBufferPointer<Element>, into order: [Int]) {
        for position in order.indices {
            var source = order[position]
            while source < position { source = order[source] }
            if source != position { buffer.swapAt(position, source) }
        }
    }

    /// A session's date and the length of its id as one integer that sorts as the dates and ids
    /// do (2026-04-15 and "s12" → 20260415 · 2¹⁶ + 3), or nil for a date not written YYYY-MM-DD.
    /// Sessions with equal keys are told apart by their ids.
    static func orderKey(date: String, session: String) -> Int? {
        let length = session.utf8.count
        guard length < 1 << 16 else { return nil }
        var date = date
        return date.withUTF8 { bytes -> Int? in
            guard bytes.count == 10 else { return nil }
            var day = 0
            for offset in 0..<10 {
                let byte = bytes[offset]
                if offset == 4 || offset == 7 {
                    guard byte == UInt8(ascii: "-") else { return nil }
                } else {
                    guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                    day = day * 10 + Int(byte - UInt8(ascii: "0"))
                }
            }
            return day << 16 | length
        }
    }

    /// Each activity in the filter with its sessions' totals.
    public static func activities(_ filter: Filter, sessions: [Session], in db: Database) throws -> [Activity] {
        var activities: [Activity] = []
        // Each activity's latest row, as the view sessions_current_activity gives it, but grouped
        // here over the index by activity, which gives the groups in order: through the view
        // SQLite sorted them again (half the time for a county's 4,586 activities). A bare column
        // beside MAX() comes from the row with the maximum.
        let whereClause = filter.activity == nil ? "" : "WHERE activity = ?"
        try PreparedStatement(db, sql: """
            SELECT activity, name, kind, municipality, MAX(position) FROM sessions_activity
            \(whereClause) GROUP BY activity ORDER BY activity
            """).forEachRow(binding: filter.activity.map { [$0] } ?? []) { row in
            activities.append(Activity(activity: row.text(0), name: row.text(1), kind: row.text(2), municipality: row.text(3)))
        }
        let index = Dictionary(uniqueKeysWithValues: activities.enumerated().map { ($1.activity, $0) })
        // `sessions` holds each activity's sessions together: one look-up per activity. The
        // sessions are read field by field where they lie, not copied out one by one.
        var at: Int?
        for offset in sessions.indices {
            if offset == 0 || sessions[offset].activity != sessions[offset - 1].activity { at = index[sessions[offset].activity] }
            guard let at else { continue }
            if sessions[offset].wasScheduled { activities[at].planned += 1 }
            switch sessions[offset].status {
            case "held":
                activities[at].held += 1
                activities[at].minutesHeld += sessions[offset].durationMinutes ?? 0
                activities[at].present += sessions[offset].present
                activities[at].absent += sessions[offset].absent
                activities[at].excused += sessions[offset].excused
                if let headcount = sessions[offset].headcount { activities[at].headcount = (activities[at].headcount ?? 0) + headcount }
            case "cancelled": activities[at].cancelled += 1
            default: activities[at].stillScheduled += 1
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

extension SessionsReadModel {
    /// The latest attendance mark of each participant at one session: participant → present,
    /// absent or excused (what an attendance sheet shows ticked).
    /// Each person's latest mark at the session, by the ledger position of its event.
    public static func markPositions(activity: String, session: String, in db: Database) throws -> [String: Int64] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT participant, MAX(position) FROM sessions_attendance WHERE activity = ? AND session = ? GROUP BY participant
            """, arguments: [activity, session])
        return Dictionary(rows.map { ($0[0] as String, $0[1] as Int64) }, uniquingKeysWith: { $1 })
    }

    public static func marks(activity: String, session: String, in db: Database) throws -> [String: String] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT participant, status FROM sessions_attendance a
            WHERE activity = ? AND session = ?
              AND position = (SELECT max(position) FROM sessions_attendance b
                              WHERE b.activity = a.activity AND b.session = a.session AND b.participant = a.participant)
            """, arguments: [activity, session])
        return Dictionary(rows.map { ($0[0] as String, $0[1] as String) }, uniquingKeysWith: { $1 })
    }
}
