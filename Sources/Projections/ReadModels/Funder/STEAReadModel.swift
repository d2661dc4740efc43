import GRDB

/// The figures of a STEA-funded project's yearly results report (tuloksellisuusraportti) about
/// reach and participation, each with its basis — counted from the records, or estimated — as
/// STEA asks every figure to say (docs/stea-report.md).
public enum STEAReadModel {
    public static let ageGroups: [(code: String, range: ClosedRange<Int>)] = [
        ("age-0-11", 0...11), ("age-12-17", 12...17), ("age-18-29", 18...29), ("age-30-64", 30...64), ("age-65-", 65...200),
    ]

    /// A kind of activity's sessions held in the year.
    public struct Kind: Sendable, Equatable {
        public let kind: String
        public let activities: Int
        public let sessions: Int
        public let minutes: Int
        public let headcount: Int
    }

    public struct Figures: Sendable {
        public let project: String
        public let name: String
        public let funder: String
        public let year: Int
        /// Registered people who took part: an enrolment started and not ended on some day of the
        /// year, or a present mark at a session held in it.
        public let participants: Int
        public let byTargetGroup: [(group: String, participants: Int)]
        public let byAgeGroup: [(group: String, participants: Int)]
        public let byGender: [(gender: String, participants: Int)]
        /// Visits to open events counted at the door (people reached without registering).
        public let openEventVisits: Int
        public let kinds: [Kind]
        public let experts: Int
        public let expertEngagements: Int
        public let expertHoursHundredths: Int
        public let feedbackAnswers: Int
        public let feedbackRatingSum: Int
    }

    /// nil if the read models hold no such project.
    public static func figures(project: String, year: Int, in db: Database) throws -> Figures? {
        guard let projectRow = try Row.fetchOne(db, sql: "SELECT name, funder FROM directory_current_project WHERE project = ?", arguments: [project])
        else { return nil }
        let from = String(format: "%04d-01-01", year), to = String(format: "%04d-12-31", year)
        let arguments: StatementArguments = ["project": project, "from": from, "to": to]
        // Along the indexes: enrolments by activity, attendance by session, a person's
        // registrations by participant. Someone took part in the year when an enrolment of theirs
        // had started by its last day and had not ended before its first (both ends of an
        // enrolment are days of it), or when they were marked present at a session held in it.
        // A sign-up that never started is no one's participation.
        let people = try Row.fetchAll(db, sql: """
            WITH project_activity AS MATERIALIZED (
                SELECT activity, target_group FROM directory_current_activity WHERE project = :project),
            started AS (
                SELECT e.participant, a.target_group, e.date AS start, (
                    SELECT n.date FROM directory_enrolment n
                    WHERE n.activity = e.activity AND n.participant = e.participant AND n.step = 'ended' AND n.position > e.position
                    ORDER BY n.position LIMIT 1) AS ended
                FROM project_activity a JOIN directory_enrolment e ON e.activity = a.activity
                WHERE e.step = 'started' AND e.date <= :to),
            took_part AS (
                SELECT participant, target_group FROM started WHERE ended IS NULL OR ended >= :from
                UNION
                SELECT t.participant, a.target_group FROM project_activity a
                JOIN sessions_session s ON s.activity = a.activity AND s.status = 'held' AND s.date BETWEEN :from AND :to
                JOIN sessions_attendance t ON t.activity = s.activity AND t.session = s.session AND t.status = 'present'
                WHERE t.position = (
                    SELECT MAX(m.position) FROM sessions_attendance m
                    WHERE m.activity = t.activity AND m.session = t.session AND m.participant = t.participant))
            SELECT t.participant, t.target_group, p.gender, p.birth_year FROM took_part t
            LEFT JOIN directory_participant p ON p.position = (
                SELECT MAX(q.position) FROM directory_participant q WHERE q.participant = t.participant)
            """, arguments: arguments)
        var groups: [String: Set<String>] = [:]
        var person: [String: (gender: String, birthYear: Int)] = [:]
        for row in people {
            let participant: String = row[0]
            groups[row[1] ?? "mixed", default: []].insert(participant)
            person[participant] = (row[2] ?? "not-told", row[3] ?? year)
        }
        var ages: [String: Int] = [:]
        var genders: [String: Int] = [:]
        for (_, facts) in person {
            let age = year - facts.birthYear
            if let group = ageGroups.first(where: { $0.range.contains(age) }) { ages[group.code, default: 0] += 1 }
            genders[facts.gender, default: 0] += 1
        }
        let kinds = try Row.fetchAll(db, sql: """
            SELECT a.kind, COUNT(DISTINCT s.activity), COUNT(*), COALESCE(SUM(s.duration_minutes), 0), COALESCE(SUM(s.headcount), 0)
            FROM sessions_session s JOIN directory_current_activity a ON a.activity = s.activity
            WHERE a.project = :project AND s.status = 'held' AND s.date BETWEEN :from AND :to
            GROUP BY a.kind ORDER BY a.kind
            """, arguments: arguments).map { Kind(kind: $0[0], activities: $0[1], sessions: $0[2], minutes: $0[3], headcount: $0[4]) }
        let openVisits = try Int.fetchOne(db, sql: """
            SELECT COALESCE(SUM(s.headcount), 0) FROM sessions_session s JOIN directory_current_activity a ON a.activity = s.activity
            WHERE a.project = :project AND s.status = 'held' AND s.date BETWEEN :from AND :to AND a.kind = 'open-event'
            """, arguments: arguments) ?? 0
        let expertRow = try Row.fetchOne(db, sql: """
            WITH agreed AS (
                SELECT engagement, expert, project, MAX(position) FROM directory_engagement WHERE step = 'agreed' GROUP BY engagement),
            outcome AS (
                SELECT engagement, step, date, hours_hundredths, MAX(position) FROM directory_engagement WHERE step != 'agreed' GROUP BY engagement)
            SELECT COUNT(DISTINCT a.expert), COUNT(*), COALESCE(SUM(o.hours_hundredths), 0)
            FROM agreed a JOIN outcome o ON o.engagement = a.engagement
            WHERE a.project = :project AND o.step = 'completed' AND o.date BETWEEN :from AND :to
            """, arguments: arguments)
        let feedback = try Row.fetchOne(db, sql: """
            SELECT COUNT(*), COALESCE(SUM(rating), 0) FROM feedback_answer
            WHERE date BETWEEN :from AND :to AND activity IN (SELECT activity FROM directory_current_activity WHERE project = :project)
            """, arguments: arguments)
        let ordered = { (counts: [String: Int], order: [String]) in
            order.compactMap { code in counts[code].map { (code, $0) } } + counts.keys.filter { !order.contains($0) }.sorted().map { ($0, counts[$0] ?? 0) }
        }
        return Figures(
            project: project, name: projectRow[0], funder: projectRow[1], year: year, participants: person.count,
            byTargetGroup: groups.keys.sorted().map { ($0, groups[$0]?.count ?? 0) },
            byAgeGroup: ordered(ages, ageGroups.map(\.code)).map { (group: $0.0, participants: $0.1) },
            byGender: ordered(genders, ["woman", "man", "non-binary", "not-told"]).map { (gender: $0.0, participants: $0.1) },
            openEventVisits: openVisits, kinds: kinds, experts: expertRow?[0] ?? 0, expertEngagements: expertRow?[1] ?? 0,
            expertHoursHundredths: expertRow?[2] ?? 0, feedbackAnswers: feedback?[0] ?? 0, feedbackRatingSum: feedback?[1] ?? 0)
    }
}
