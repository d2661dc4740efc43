import GRDB
import Ledger

/// The sessions read model: activities, what happened to each session (scheduled, held,
/// cancelled) and who came. One row per event; the views pick the latest row per session and per
/// participant at a session, which is how a later record supersedes an earlier one (and how a
/// voided record, deleted, gives the earlier one back).
public struct SessionsProjector: Projector {
    public let name = "sessions"
    public let version = 1
    public let handledTypes: Set<String> = ["activity.created", "session.scheduled", "session.held", "session.cancelled", "attendance.recorded"]
    public let tables = ["sessions_activity", "sessions_session_event", "sessions_attendance"]

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
            try db.cachedStatement(sql: """
                INSERT INTO sessions_attendance (position, activity, session, participant, status) VALUES (?, ?, ?, ?, ?)
                """).execute(arguments: [event.position, event.stream, attendance.session, attendance.participant, attendance.status.rawValue])
        default:
            break
        }
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
