import EventStore
import GRDB
import Ledger

/// The sessions read model: activities, what happened to each session (scheduled, held,
/// cancelled) and who came. The fact tables hold one row per event; a later record supersedes an
/// earlier one (and a voided record, deleted, gives the earlier one back).
///
/// `sessions_session` is derived from the facts: one row per session with its latest status and
/// the present / absent / excused counts of each person's latest record. It is recomputed, with
/// one statement, for the sessions each batch of events touched (and at once for a session whose
/// event is voided), so a report over a whole county reads one row per session, and applying an
/// attendance record is a single insert.
public struct SessionsProjector: Projector {
    public let name = "sessions"
    /// 2: `sessions_session` (recomputed per batch) replaced the running counts and the current-session view.
    /// 3: `sessions_session_held_by_date`, for the ESR+ report.
    /// 5: each session's start time and place (the schedule's, or where it was held), for the sheet;
    /// attendance by participant, for the person's page.
    public let version = 5
    public let handledTypes: Set<String> = ["activity.created", "session.scheduled", "session.held", "session.cancelled", "attendance.recorded"]
    public let tables = ["sessions_activity", "sessions_session_event", "sessions_attendance", "sessions_session"]

    public init() {}

    // The CHECKs compare with OR rather than `IN (…)`: SQLite evaluates an IN list of more than
    // two values through a temporary B-tree, built again for every row inserted.
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
                status           TEXT NOT NULL CHECK (status = 'scheduled' OR status = 'held' OR status = 'cancelled'),
                date             TEXT NOT NULL,
                duration_minutes INTEGER,
                format           TEXT,
                headcount        INTEGER,
                start_time       TEXT,
                location         TEXT
            );
            CREATE INDEX sessions_session_event_by_session ON sessions_session_event (activity, session, position);
            CREATE TABLE sessions_attendance (
                position    INTEGER PRIMARY KEY,
                activity    TEXT NOT NULL,
                session     TEXT NOT NULL,
                participant TEXT NOT NULL,
                status      TEXT NOT NULL CHECK (status = 'present' OR status = 'absent' OR status = 'excused')
            );
            CREATE INDEX sessions_attendance_by_record ON sessions_attendance (activity, session, participant, position);
            CREATE INDEX sessions_attendance_by_participant ON sessions_attendance (participant, position);
            CREATE TABLE sessions_session (
                activity         TEXT NOT NULL,
                session          TEXT NOT NULL,
                status           TEXT NOT NULL,
                date             TEXT NOT NULL,
                duration_minutes INTEGER,
                format           TEXT,
                headcount        INTEGER,
                present          INTEGER NOT NULL,
                absent           INTEGER NOT NULL,
                excused          INTEGER NOT NULL,
                start_time       TEXT,
                location         TEXT,
                -- 1 when the session was scheduled in advance, whatever became of it.
                was_scheduled    INTEGER NOT NULL,
                position         INTEGER NOT NULL,
                PRIMARY KEY (activity, session)
            ) WITHOUT ROWID;
            -- The held sessions by date with what the ESR+ report reads of them, so that a report
            -- reads its period's sessions and not every session since the project began. It holds
            -- `status` too: without it SQLite reads the table for each entry, to check the WHERE.
            CREATE INDEX sessions_session_held_by_date ON sessions_session (date, activity, duration_minutes, headcount, status)
                WHERE status = 'held';
            -- The held sessions with a headcount (open events), for the people reached since the start.
            CREATE INDEX sessions_session_headcount_by_date ON sessions_session (date, activity, headcount, status)
                WHERE status = 'held' AND headcount IS NOT NULL;
            -- SQLite takes the bare columns of a MAX() aggregate from the row holding the maximum.
            CREATE VIEW sessions_current_activity AS
                SELECT activity, project, name, kind, municipality, planned_sessions, MAX(position) AS position
                FROM sessions_activity GROUP BY activity;
            CREATE VIEW sessions_current_attendance AS
                SELECT activity, session, participant, status, MAX(position) AS position
                FROM sessions_attendance GROUP BY activity, session, participant;
            """)
    }

    public func apply(_ event: ProjectedEvent, in db: Database) throws {
        switch event.event {
        case let .activityCreated(activity):
            try PreparedStatement(db, sql: """
                INSERT INTO sessions_activity (position, activity, project, name, kind, municipality, planned_sessions)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """).execute(event.position, event.stream, activity.project, activity.name, activity.kind.rawValue,
                             activity.municipality, activity.plannedSessions)
        case let .sessionScheduled(session):
            try insertSession(event, session.session, "scheduled", session.date, session.durationMinutes, nil, nil, db,
                              startTime: session.startTime, location: session.location)
        case let .sessionHeld(session):
            try insertSession(event, session.session, "held", session.date, session.durationMinutes, session.format.rawValue, session.headcount, db,
                              location: session.location)
        case let .sessionCancelled(session):
            try insertSession(event, session.session, "cancelled", session.date, nil, nil, nil, db)
        case let .attendanceRecorded(attendance):
            try PreparedStatement(db, sql: """
                INSERT INTO sessions_attendance (position, activity, session, participant, status) VALUES (?, ?, ?, ?, ?)
                """).execute(event.position, event.stream, attendance.session, attendance.participant, attendance.status.rawValue)
        default:
            break
        }
    }

    /// Recomputes the sessions that the batch's session events and attendance records touched.
    public func finishBatch(after from: Int64, through to: Int64, in db: Database) throws {
        try db.cachedStatement(sql: Self.recompute(touched: """
            SELECT activity, session FROM sessions_session_event WHERE position > ?1 AND position <= ?2
            UNION SELECT activity, session FROM sessions_attendance WHERE position > ?1 AND position <= ?2
            """)).execute(arguments: [from, to])
    }

    /// A voided session event or attendance record: its row goes, and its session is recomputed
    /// at once (it may have no session event left, and then no row).
    public func retract(_ event: ProjectedEvent, in db: Database) throws {
        try deleteRows(of: event, from: ["sessions_activity", "sessions_session_event", "sessions_attendance"], in: db)
        let session: String
        switch event.event {
        case let .attendanceRecorded(attendance): session = attendance.session
        case let .sessionScheduled(scheduled): session = scheduled.session
        case let .sessionHeld(held): session = held.session
        case let .sessionCancelled(cancelled): session = cancelled.session
        default: return
        }
        try db.cachedStatement(sql: "DELETE FROM sessions_session WHERE activity = ? AND session = ?")
            .execute(arguments: [event.stream, session])
        try db.cachedStatement(sql: Self.recompute(touched: "SELECT ?1, ?2")).execute(arguments: [event.stream, session])
    }

    /// One statement that writes `sessions_session` afresh for each (activity, session) the
    /// `touched` query returns: the latest session event, and each person's latest record counted.
    private static func recompute(touched: String) -> String {
        """
        WITH touched(activity, session) AS (\(touched)),
        latest AS (
            SELECT a.activity, a.session, a.status
            FROM touched t CROSS JOIN sessions_attendance a ON a.activity = t.activity AND a.session = t.session
            WHERE NOT EXISTS (
                SELECT 1 FROM sessions_attendance later
                WHERE later.activity = a.activity AND later.session = a.session AND later.participant = a.participant
                  AND later.position > a.position)),
        counts AS (
            SELECT activity, session, SUM(status = 'present') AS present, SUM(status = 'absent') AS absent,
                   SUM(status = 'excused') AS excused
            FROM latest GROUP BY activity, session)
        INSERT OR REPLACE INTO sessions_session
            (activity, session, status, date, duration_minutes, format, headcount, present, absent, excused, start_time, location,
             was_scheduled, position)
        SELECT e.activity, e.session, e.status, e.date, e.duration_minutes, e.format, e.headcount,
               COALESCE(c.present, 0), COALESCE(c.absent, 0), COALESCE(c.excused, 0),
               -- The latest start time and place any of the session's events gave (a held
               -- session keeps the start time it was scheduled at).
               (SELECT s.start_time FROM sessions_session_event s WHERE s.activity = t.activity AND s.session = t.session
                  AND s.start_time IS NOT NULL ORDER BY s.position DESC LIMIT 1),
               (SELECT s.location FROM sessions_session_event s WHERE s.activity = t.activity AND s.session = t.session
                  AND s.location IS NOT NULL ORDER BY s.position DESC LIMIT 1),
               EXISTS (SELECT 1 FROM sessions_session_event s
                       WHERE s.activity = t.activity AND s.session = t.session AND s.status = 'scheduled'),
               e.position
        FROM touched t
        CROSS JOIN sessions_session_event e ON e.position = (
            SELECT MAX(position) FROM sessions_session_event m WHERE m.activity = t.activity AND m.session = t.session)
        LEFT JOIN counts c ON c.activity = t.activity AND c.session = t.session
        """
    }

    private func insertSession(
        _ event: ProjectedEvent, _ session: String, _ status: String, _ date: String, _ minutes: Int?, _ format: String?,
        _ headcount: Int?, _ db: Database, startTime: String? = nil, location: String? = nil
    ) throws {
        try PreparedStatement(db, sql: """
            INSERT INTO sessions_session_event (position, activity, session, status, date, duration_minutes, format, headcount, start_time, location)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(event.position, event.stream, session, status, date, minutes, format, headcount, startTime, location)
    }
}
