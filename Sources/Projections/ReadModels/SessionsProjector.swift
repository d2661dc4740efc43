import GRDB
import Ledger

/// The sessions read model: activities, what happened to each session (scheduled, held,
/// cancelled) and who came. One row per event; the views pick the latest row per session and per
/// participant at a session, which is how a later record supersedes an earlier one (and how a
/// voided record, deleted, gives the earlier one back). `sessions_session_counts` keeps each
/// session's present / absent / excused counts of those latest records as running totals, so a
/// report over a whole county reads one row per session instead of every attendance record.
public struct SessionsProjector: Projector {
    public let name = "sessions"
    public let version = 1
    public let handledTypes: Set<String> = ["activity.created", "session.scheduled", "session.held", "session.cancelled", "attendance.recorded"]
    public let tables = ["sessions_activity", "sessions_session_event", "sessions_attendance", "sessions_session_counts"]

    public init() {}

    public func createTables(in db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE sessions_activity (
                position         INTEGER PRIMARY KEY,
                activity         TEXT NOT NULL,
                project          TEXT NOT NULL,
                name             TEXT NOT NULL,
                kind             TEXT NOT NULL,
                municipality     TEXT NOT NULL,
                planned_sessions INTEGER
            );
            CREATE INDEX sessions_activity_by_activity ON sessions_activity (activity, position);
            CREATE TABLE sessions_session_event (
                position         INTEGER PRIMARY KEY,
                activity         TEXT NOT NULL,
                session          TEXT NOT NULL,
                status           TEXT NOT NULL CHECK (status IN ('scheduled', 'held', 'cancelled')),
                date             TEXT NOT NULL,
                duration_minutes INTEGER,
                format           TEXT,
                headcount        INTEGER
            );
            CREATE INDEX sessions_session_event_by_session ON sessions_session_event (activity, session, position);
            CREATE TABLE sessions_attendance (
                position    INTEGER PRIMARY KEY,
                activity    TEXT NOT NULL,
                session     TEXT NOT NULL,
                participant TEXT NOT NULL,
                status      TEXT NOT NULL CHECK (status IN ('present', 'absent', 'excused'))
            );
            CREATE INDEX sessions_attendance_by_record ON sessions_attendance (activity, session, participant, position);
            CREATE TABLE sessions_session_counts (
                activity TEXT NOT NULL,
                session  TEXT NOT NULL,
                present  INTEGER NOT NULL,
                absent   INTEGER NOT NULL,
                excused  INTEGER NOT NULL,
                PRIMARY KEY (activity, session)
            );
            -- SQLite takes the bare columns of a MAX() aggregate from the row holding the maximum.
            CREATE VIEW sessions_current_activity AS
                SELECT activity, project, name, kind, municipality, planned_sessions, MAX(position) AS position
                FROM sessions_activity GROUP BY activity;
            CREATE VIEW sessions_current_session AS
                SELECT activity, session, status, date, duration_minutes, format, headcount, MAX(position) AS position
                FROM sessions_session_event GROUP BY activity, session;
            CREATE VIEW sessions_current_attendance AS
                SELECT activity, session, participant, status, MAX(position) AS position
                FROM sessions_attendance GROUP BY activity, session, participant;
            """)
    }

    public func apply(_ event: ProjectedEvent, in db: Database) throws {
        switch event.event {
        case let .activityCreated(activity):
            try db.cachedStatement(sql: """
                INSERT INTO sessions_activity (position, activity, project, name, kind, municipality, planned_sessions)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: [event.position, event.stream, activity.project, activity.name, activity.kind.rawValue,
                                         activity.municipality, activity.plannedSessions])
        case let .sessionScheduled(session):
            try insertSession(event, session.session, "scheduled", session.date, session.durationMinutes, nil, nil, db)
        case let .sessionHeld(session):
            try insertSession(event, session.session, "held", session.date, session.durationMinutes, session.format.rawValue, session.headcount, db)
        case let .sessionCancelled(session):
            try insertSession(event, session.session, "cancelled", session.date, nil, nil, nil, db)
        case let .attendanceRecorded(attendance):
            let previous = try latestStatus(event.stream, attendance, db)
            try db.cachedStatement(sql: """
                INSERT INTO sessions_attendance (position, activity, session, participant, status) VALUES (?, ?, ?, ?, ?)
                """).execute(arguments: [event.position, event.stream, attendance.session, attendance.participant, attendance.status.rawValue])
            try count(event.stream, attendance.session, minus: previous, plus: attendance.status.rawValue, db)
        default:
            break
        }
    }

    /// A voided attendance record that was the latest for its person and session gives its place
    /// (and its count) back to the record before it; an older one changes no count.
    public func retract(_ event: ProjectedEvent, in db: Database) throws {
        guard case let .attendanceRecorded(attendance) = event.event else {
            return try deleteRows(of: event, from: ["sessions_activity", "sessions_session_event"], in: db)
        }
        let latest = try Int64.fetchOne(db.cachedStatement(sql: """
            SELECT MAX(position) FROM sessions_attendance WHERE activity = ? AND session = ? AND participant = ?
            """), arguments: [event.stream, attendance.session, attendance.participant])
        try deleteRows(of: event, from: ["sessions_attendance"], in: db)
        guard latest == event.position else { return }
        let restored = try latestStatus(event.stream, attendance, db)
        try count(event.stream, attendance.session, minus: attendance.status.rawValue, plus: restored, db)
    }

    private func latestStatus(_ activity: String, _ attendance: AttendanceRecorded, _ db: Database) throws -> String? {
        try String.fetchOne(db.cachedStatement(sql: """
            SELECT status FROM sessions_attendance WHERE activity = ? AND session = ? AND participant = ?
            ORDER BY position DESC LIMIT 1
            """), arguments: [activity, attendance.session, attendance.participant])
    }

    /// Moves one person's count at a session from one status to another (either may be nil).
    private func count(_ activity: String, _ session: String, minus old: String?, plus new: String?, _ db: Database) throws {
        guard old != new else { return }
        func delta(_ status: String) -> Int { (new == status ? 1 : 0) - (old == status ? 1 : 0) }
        try db.cachedStatement(sql: """
            INSERT INTO sessions_session_counts (activity, session, present, absent, excused) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (activity, session) DO UPDATE SET
                present = present + excluded.present, absent = absent + excluded.absent, excused = excused + excluded.excused
            """).execute(arguments: [activity, session, delta("present"), delta("absent"), delta("excused")])
    }

    private func insertSession(
        _ event: ProjectedEvent, _ session: String, _ status: String, _ date: String, _ minutes: Int?, _ format: String?,
        _ headcount: Int?, _ db: Database
    ) throws {
        try db.cachedStatement(sql: """
            INSERT INTO sessions_session_event (position, activity, session, status, date, duration_minutes, format, headcount)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [event.position, event.stream, session, status, date, minutes, format, headcount])
    }
}
