import GRDB

/// What the directory read model answers: the lists people work from. Reads the tables of
/// `DirectoryProjector`, and for sessions those of `SessionsProjector`, both brought to the same
/// position.
public enum DirectoryReadModel {
    public struct Filter: Sendable, Equatable {
        public var project: String?
        public var activity: String?
        public var expert: String?
        /// Only what is still going on or still to be done (each list says what that is).
        public var open = false
        /// The day `open` is judged on: today, or the day of an as-of replay.
        public var today: String

        public init(project: String? = nil, activity: String? = nil, expert: String? = nil, open: Bool = false, today: String) {
            (self.project, self.activity, self.expert, self.open, self.today) = (project, activity, expert, open, today)
        }

        fileprivate var arguments: StatementArguments {
            ["project": project, "activity": activity, "expert": expert, "open": open, "today": today]
        }
    }

    public struct Project: Sendable, Equatable {
        public let project, code, name, funder, startDate, endDate: String
        public let activities: Int
    }

    public struct Activity: Sendable, Equatable {
        public let activity, project, name, kind, municipality: String
        /// People whose enrolment is open (signed up or started, not ended).
        public let enrolled: Int
    }

    public struct Participant: Sendable, Equatable {
        public let participant, roles, gender: String
        public let birthYear: Int
        public let municipality: String
        public let registeredOn: String?
        /// The activities the person is enrolled in now.
        public let activities: [String]
        /// Set when the person is an experience expert; an anonymous one is shown by alias only.
        public let expertAlias: String?
        public let anonymousExpert: Bool
    }

    public struct Session: Sendable, Equatable {
        public let activity, session, date, status: String
        public let durationMinutes: Int?
        public let present, absent, excused: Int
        /// How many came to an open event, as recorded when it was held.
        public let headcount: Int?
        /// HH:MM in Finnish time, as scheduled; nil when not given.
        public let startTime: String?
        /// Where it is or was held: the schedule's place until it is held, then the place it was held at.
        public let location: String?
        /// The ledger position of its latest session event (scheduled, held or cancelled): the
        /// entry that voiding it takes back.
        public let position: Int64

        /// Held, and neither anyone's attendance nor a headcount recorded for it: the marks are
        /// still to be entered.
        public var isMissingMarks: Bool { status == "held" && present + absent + excused == 0 && headcount == nil }
    }

    public struct Engagement: Sendable, Equatable {
        public let engagement, expert: String
        public let alias: String?
        public let project: String
        public let activity: String?
        public let kind, date: String
        public let plannedHundredths: Int
        public let agreedFeeCents: Int
        /// agreed, completed or cancelled.
        public let status: String
        public let doneOn: String?
        public let hoursHundredths: Int?
        public let feeCents: Int?
        public let travelCents: Int?
    }

    public struct Expert: Sendable, Equatable {
        public let participant, alias: String
        public let anonymous: Bool
        public let training, since: String
        public let engagements, completed: Int
        public let lastEngagement: String?
    }

    /// A person on an activity's attendance sheet for a day.
    public struct Enrolled: Sendable, Equatable {
        public let participant, step, since: String
        public let expertAlias: String?
        public let anonymousExpert: Bool
    }

    /// `open`: projects whose period has not ended.
    public static func projects(_ filter: Filter, in db: Database) throws -> [Project] {
        try Row.fetchAll(db, sql: """
            SELECT p.project, p.code, p.name, p.funder, p.start_date, p.end_date,
                   (SELECT COUNT(*) FROM directory_current_activity a WHERE a.project = p.project)
            FROM directory_current_project p
            WHERE (:project IS NULL OR p.project = :project) AND (NOT :open OR p.end_date >= :today)
            ORDER BY p.start_date, p.project
            """, arguments: filter.arguments
        ).map { Project(project: $0[0], code: $0[1], name: $0[2], funder: $0[3], startDate: $0[4], endDate: $0[5], activities: $0[6]) }
    }

    /// `open`: activities of projects whose period has not ended.
    public static func activities(_ filter: Filter, in db: Database) throws -> [Activity] {
        try Row.fetchAll(db, sql: """
            SELECT a.activity, a.project, a.name, a.kind, a.municipality,
                   (SELECT COUNT(*) FROM directory_current_enrolment e WHERE e.activity = a.activity AND e.step != 'ended')
            FROM directory_current_activity a LEFT JOIN directory_current_project p ON p.project = a.project
            WHERE (:project IS NULL OR a.project = :project) AND (:activity IS NULL OR a.activity = :activity)
              AND (NOT :open OR p.end_date >= :today)
            ORDER BY a.project, a.name, a.activity
            """, arguments: filter.arguments
        ).map { Activity(activity: $0[0], project: $0[1], name: $0[2], kind: $0[3], municipality: $0[4], enrolled: $0[5]) }
    }

    /// With `activity` or `project`: the people ever enrolled there (`open`: enrolled now);
    /// without, everyone registered (`open`: enrolled somewhere now).
    public static func participants(_ filter: Filter, in db: Database) throws -> [Participant] {
        // The people are chosen first, along the index the filter names (an `x IS NULL OR …`
        // condition would keep SQLite from using any), and only their rows are read after
        // (for a filter's few people `CROSS JOIN` keeps SQLite to that order, rather than reading
        // every enrolment; for everyone, reading them all in one pass is the quicker).
        let latestStep = """
            e.position = (SELECT MAX(m.position) FROM directory_enrolment m
                          WHERE m.participant = e.participant AND m.activity = e.activity)
            """
        var conditions: [String] = []
        if filter.activity != nil { conditions.append("e.activity = :activity") }
        if filter.project != nil { conditions.append("e.activity IN (SELECT activity FROM directory_current_activity WHERE project = :project)") }
        if filter.open { conditions += [latestStep, "e.step != 'ended'"] }
        let join = conditions.isEmpty ? "JOIN" : "CROSS JOIN"
        let chosen = conditions.isEmpty
            ? "SELECT DISTINCT participant FROM directory_participant"
            : "SELECT DISTINCT e.participant FROM directory_enrolment e WHERE " + conditions.joined(separator: " AND ")
        return try Row.fetchAll(db, sql: """
            WITH chosen(participant) AS MATERIALIZED (\(chosen)),
            enrolled_now AS MATERIALIZED (
                SELECT participant, group_concat(activity, ',') AS activities FROM (
                    SELECT e.participant, e.activity FROM chosen c \(join) directory_enrolment e ON e.participant = c.participant
                    WHERE \(latestStep) AND e.step != 'ended' ORDER BY e.participant, e.activity)
                GROUP BY participant)
            SELECT p.participant, p.roles, p.gender, p.birth_year, p.municipality, p.registered_on, n.activities,
                   x.alias, COALESCE(x.anonymous, 0)
            FROM chosen c
            JOIN directory_participant p ON p.participant = c.participant
                 AND p.position = (SELECT MAX(position) FROM directory_participant q WHERE q.participant = c.participant)
            LEFT JOIN enrolled_now n ON n.participant = c.participant
            LEFT JOIN directory_expert x ON x.participant = c.participant
                 AND x.position = (SELECT MAX(position) FROM directory_expert y WHERE y.participant = c.participant)
            ORDER BY p.participant
            """, arguments: filter.arguments
        ).map { row in
            let activities: String? = row[6]
            return Participant(participant: row[0], roles: row[1], gender: row[2], birthYear: row[3], municipality: row[4],
                               registeredOn: row[5], activities: activities?.split(separator: ",").map(String.init) ?? [],
                               expertAlias: row[7], anonymousExpert: row[8])
        }
    }

    /// `open`: sessions still only scheduled — to be held, cancelled or, if past, recorded — and
    /// sessions held whose marks are missing (`Session.isMissingMarks`).
    public static func sessions(_ filter: Filter, in db: Database) throws -> [Session] {
        try Row.fetchAll(db, sql: """
            SELECT s.activity, s.session, s.date, s.status, s.duration_minutes, s.present, s.absent, s.excused, s.headcount, s.start_time, s.location, s.position
            FROM sessions_session s LEFT JOIN directory_current_activity a ON a.activity = s.activity
            WHERE (:activity IS NULL OR s.activity = :activity) AND (:project IS NULL OR a.project = :project)
              AND (NOT :open OR s.status = 'scheduled'
                   OR (s.status = 'held' AND s.present + s.absent + s.excused = 0 AND s.headcount IS NULL))
            ORDER BY s.date, s.activity, length(s.session), s.session
            """, arguments: filter.arguments
        ).map(Session.init)
    }

    /// `open`: engagements still to be done (agreed, neither completed nor cancelled) or still to
    /// be paid (completed without a fee).
    public static func engagements(_ filter: Filter, in db: Database) throws -> [Engagement] {
        try Row.fetchAll(db, sql: """
            WITH agreed AS (
                SELECT engagement, expert, project, activity, kind, date, hours_hundredths, fee_cents, MAX(position) AS position
                FROM directory_engagement WHERE step = 'agreed' GROUP BY engagement),
            outcome AS (
                SELECT engagement, step, date, hours_hundredths, MAX(position)
                FROM directory_engagement WHERE step != 'agreed' GROUP BY engagement),
            paid AS (
                SELECT engagement, SUM(CASE WHEN kind = 'fee' THEN cents END) AS fee, SUM(CASE WHEN kind = 'travel' THEN cents END) AS travel
                FROM directory_payment GROUP BY engagement)
            SELECT a.engagement, a.expert, x.alias, a.project, a.activity, a.kind, a.date, a.hours_hundredths, a.fee_cents,
                   COALESCE(o.step, 'agreed'), o.date, o.hours_hundredths, p.fee, p.travel
            FROM agreed a LEFT JOIN outcome o ON o.engagement = a.engagement LEFT JOIN paid p ON p.engagement = a.engagement
            LEFT JOIN directory_current_expert x ON x.participant = a.expert
            WHERE (:project IS NULL OR a.project = :project) AND (:activity IS NULL OR a.activity = :activity)
              AND (:expert IS NULL OR a.expert = :expert)
              AND (NOT :open OR o.step IS NULL OR (o.step = 'completed' AND p.fee IS NULL))
            ORDER BY a.date, a.position
            """, arguments: filter.arguments
        ).map { Engagement(engagement: $0[0], expert: $0[1], alias: $0[2], project: $0[3], activity: $0[4], kind: $0[5], date: $0[6],
                           plannedHundredths: $0[7], agreedFeeCents: $0[8], status: $0[9], doneOn: $0[10], hoursHundredths: $0[11],
                           feeCents: $0[12], travelCents: $0[13]) }
    }

    /// With `project`: the experts engaged in it, their engagements there counted.
    public static func experts(_ filter: Filter, in db: Database) throws -> [Expert] {
        try Row.fetchAll(db, sql: """
            WITH agreed AS (
                SELECT engagement, expert, project, date, MAX(position) FROM directory_engagement WHERE step = 'agreed' GROUP BY engagement),
            outcome AS (
                SELECT engagement, step, MAX(position) FROM directory_engagement WHERE step != 'agreed' GROUP BY engagement),
            counted AS (
                SELECT a.expert, COUNT(*) AS engagements, SUM(o.step = 'completed') AS completed, MAX(a.date) AS last
                FROM agreed a LEFT JOIN outcome o ON o.engagement = a.engagement
                WHERE :project IS NULL OR a.project = :project GROUP BY a.expert)
            SELECT x.participant, x.alias, x.anonymous, x.training, x.date, COALESCE(c.engagements, 0), COALESCE(c.completed, 0), c.last
            FROM directory_current_expert x LEFT JOIN counted c ON c.expert = x.participant
            WHERE :project IS NULL OR c.expert IS NOT NULL
            ORDER BY x.alias, x.participant
            """, arguments: filter.arguments
        ).map { Expert(participant: $0[0], alias: $0[1], anonymous: $0[2], training: $0[3], since: $0[4], engagements: $0[5],
                       completed: $0[6], lastEngagement: $0[7]) }
    }

    /// Who is enrolled in the activity on the day: each person's latest sign-up or start dated on
    /// or before it, unless an end dated before the day followed it. Both ends are included, as
    /// the rules and the commitment report count them: someone whose enrolment ends on a
    /// session's day is on that session's sheet.
    public static func enrolled(in activity: String, on day: String, in db: Database) throws -> [Enrolled] {
        try Row.fetchAll(db, sql: """
            SELECT e.participant, e.step, e.date, x.alias, COALESCE(x.anonymous, 0)
            FROM directory_enrolment e LEFT JOIN directory_current_expert x ON x.participant = e.participant
            WHERE e.activity = :activity AND e.date <= :day AND e.step != 'ended' AND e.position = (
                SELECT MAX(m.position) FROM directory_enrolment m
                WHERE m.activity = e.activity AND m.participant = e.participant AND m.date <= :day AND m.step != 'ended')
              AND NOT EXISTS (
                SELECT 1 FROM directory_enrolment n
                WHERE n.activity = e.activity AND n.participant = e.participant AND n.step = 'ended' AND n.position > e.position
                  AND n.date < :day)
            ORDER BY e.participant
            """, arguments: ["activity": activity, "day": day]
        ).map { Enrolled(participant: $0[0], step: $0[1], since: $0[2], expertAlias: $0[3], anonymousExpert: $0[4]) }
    }

    /// One activity by its id, read along the indexes: the lists' query groups every activity of
    /// the county before it filters, which a page that shows one group cannot afford.
    public static func activity(_ id: String, in db: Database) throws -> Activity? {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT activity, project, name, kind, municipality FROM directory_activity WHERE activity = ? ORDER BY position DESC LIMIT 1
            """, arguments: [id]) else { return nil }
        let enrolled = try Int.fetchOne(db, sql: """
            SELECT COUNT(*) FROM directory_enrolment e
            WHERE e.activity = ? AND e.step != 'ended'
              AND e.position = (SELECT MAX(m.position) FROM directory_enrolment m WHERE m.activity = e.activity AND m.participant = e.participant)
            """, arguments: [id]) ?? 0
        return Activity(activity: row[0], project: row[1], name: row[2], kind: row[3], municipality: row[4], enrolled: enrolled)
    }

    /// One activity's sessions, in date order, by the sessions table's key.
    public static func sessions(ofActivity activity: String, in db: Database) throws -> [Session] {
        try Row.fetchAll(db, sql: """
            SELECT activity, session, date, status, duration_minutes, present, absent, excused, headcount, start_time, location, position
            FROM sessions_session WHERE activity = ? ORDER BY date, length(session), session
            """, arguments: [activity]
        ).map(Session.init)
    }

    /// One session of the activity, or nil if the read model holds no such session. (A statement
    /// kept prepared: every attendance mark recorded on the server asks it.)
    public static func session(_ session: String, ofActivity activity: String, in db: Database) throws -> Session? {
        let statement = try db.cachedStatement(sql: """
            SELECT activity, session, date, status, duration_minutes, present, absent, excused, headcount, start_time, location, position
            FROM sessions_session WHERE activity = ? AND session = ?
            """)
        return try Row.fetchOne(statement, arguments: [activity, session]).map(Session.init)
    }

    /// Every activity's id and name, by name: what a form offers to choose from. Unlike
    /// `activities`, it counts no one's enrolments, which a county's thousands of activities make slow.
    public static func activityNames(in db: Database) throws -> [(activity: String, name: String, municipality: String)] {
        try Row.fetchAll(db, sql: "SELECT activity, name, municipality FROM directory_current_activity ORDER BY name, activity")
            .map { ($0[0], $0[1], $0[2]) }
    }

    /// The activities of this name, with their municipalities.
    public static func activities(named name: String, in db: Database) throws -> [(activity: String, municipality: String)] {
        try Row.fetchAll(db, sql: "SELECT activity, municipality FROM directory_current_activity WHERE name = ? ORDER BY activity",
                         arguments: [name]).map { ($0[0], $0[1]) }
    }

    /// The activity's name, or nil if the read model holds no such activity.
    public static func activityName(_ activity: String, in db: Database) throws -> String? {
        try String.fetchOne(db, sql: "SELECT name FROM directory_current_activity WHERE activity = ?", arguments: [activity])
    }
}

extension DirectoryReadModel.Session {
    /// From a row of activity, session, date, status, duration_minutes, present, absent, excused,
    /// headcount, start_time, location and position, in that order.
    init(_ row: Row) {
        self.init(activity: row[0], session: row[1], date: row[2], status: row[3], durationMinutes: row[4],
                  present: row[5], absent: row[6], excused: row[7], headcount: row[8], startTime: row[9], location: row[10], position: row[11])
    }
}
