import GRDB

/// Reads the funder read model (and the sessions read model's held sessions) into `ESRFigures`.
///
/// Only what the figures can use: the project's people, rows up to the period's end (the
/// cumulative figures start at the project's start), staff time and costs within the period. The
/// figures apply the same bounds again; reading less is what keeps a long project's report small.
/// Rows are kept to the project by looking their activity (or engagement) up in Swift rather than
/// by `activity IN (SELECT …)`: SQLite searches a temporary index for every row it reads, which
/// cost more than reading the rows.
public enum FunderReadModel {
    typealias Activities = [String: (kind: String, municipality: String)]

    /// nil if the read models hold no project with that id.
    public static func figures(project id: String, from: String, to: String, in db: Database) throws -> ESRFigures? {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT project, code, name, funder, start_date, end_date, cost_model, self_financing_hundredths
            FROM funder_project WHERE project = ? ORDER BY position DESC LIMIT 1
            """, arguments: [id])
        else { return nil }
        let project = ESRFigures.Project(project: row[0], code: row[1], name: row[2], funder: row[3], startDate: row[4],
                                         endDate: row[5], costModel: row[6], selfFinancingHundredths: row[7])
        var activities: Activities = [:]
        try Row.fetchCursor(db, sql: "SELECT activity, kind, municipality FROM funder_activity WHERE project = ? ORDER BY position",
                            arguments: [id]).forEach { row in
            activities[row[0]] = (row[1], row[2])
        }
        let entries = try self.entries(in: activities, through: to, db)
        let engagements = try self.engagements(of: id, db)
        return ESRFigures(
            project: project, from: from, to: to, activities: activities,
            genders: try genders(of: Set(entries.map(\.participant)), db), entries: entries,
            exits: try exits(in: activities, through: to, db), sessions: try heldSessions(in: activities, through: to, db),
            engagements: engagements, payments: try payments(for: Set(engagements.map(\.engagement)), through: to, db),
            staffTime: try Array(Row.fetchCursor(db, sql: """
                SELECT date, hours_hundredths, hourly_cost_cents FROM funder_staff_time
                WHERE project = ? AND date BETWEEN ? AND ? ORDER BY position
                """, arguments: [id, from, to]
            ).map { ESRFigures.StaffTime(date: $0[0], hoursHundredths: $0[1], hourlyCostCents: $0[2]) }),
            costs: try Array(Row.fetchCursor(db, sql: """
                SELECT date, category, cents FROM funder_cost WHERE project = ? AND date BETWEEN ? AND ? ORDER BY position
                """, arguments: [id, from, to]
            ).map { ESRFigures.Cost(date: $0[0], category: $0[1], cents: $0[2]) }))
    }

    /// Enrolment entries in the project's activities, dated up to `to`.
    private static func entries(in activities: Activities, through to: String, _ db: Database) throws -> [ESRFigures.Entry] {
        var entries: [ESRFigures.Entry] = []
        let rows = try Row.fetchCursor(db, sql: """
            SELECT activity, participant, date, age, labour_market, education, disability, third_country_national,
                   foreign_background, minority, homeless, rural
            FROM funder_entry WHERE date <= ? ORDER BY position
            """, arguments: [to])
        while let row = try rows.next() {
            let activity: String = row[0]
            guard activities[activity] != nil else { continue }
            entries.append(ESRFigures.Entry(
                participant: row[1], activity: activity, date: row[2], age: row[3], labourMarket: row[4], education: row[5],
                disability: row[6], thirdCountNational: row[7], foreignBackground: row[8], minority: row[9], homeless: row[10],
                rural: row[11]))
        }
        return entries
    }

    /// Enrolment exits from the project's activities, dated up to `to`.
    private static func exits(in activities: Activities, through to: String, _ db: Database) throws -> [ESRFigures.Exit] {
        var exits: [ESRFigures.Exit] = []
        let rows = try Row.fetchCursor(db, sql: """
            SELECT activity, participant, date, outcome, job_searching, in_education, qualification, employed
            FROM funder_exit WHERE date <= ? ORDER BY position
            """, arguments: [to])
        while let row = try rows.next() {
            let activity: String = row[0]
            guard activities[activity] != nil else { continue }
            exits.append(ESRFigures.Exit(participant: row[1], activity: activity, date: row[2], outcome: row[3], jobSearching: row[4],
                                         inEducation: row[5], qualification: row[6], employed: row[7]))
        }
        return exits
    }

    /// Each of `people`'s gender, from their latest registration.
    private static func genders(of people: Set<String>, _ db: Database) throws -> [String: String] {
        var genders: [String: String] = [:]
        let rows = try Row.fetchCursor(db, sql: "SELECT participant, gender FROM funder_participant ORDER BY position")
        while let row = try rows.next() {
            let participant: String = row[0]
            if people.contains(participant) { genders[participant] = row[1] }
        }
        return genders
    }

    /// The sessions held in the project's activities up to `to` (from the sessions read model).
    private static func heldSessions(in activities: Activities, through to: String, _ db: Database) throws -> [ESRFigures.Session] {
        var sessions: [ESRFigures.Session] = []
        let rows = try Row.fetchCursor(db, sql: """
            SELECT activity, date, COALESCE(duration_minutes, 0), headcount
            FROM sessions_session WHERE status = 'held' AND date <= ?
            """, arguments: [to])
        while let row = try rows.next() {
            guard let activity = activities[row[0]] else { continue }
            sessions.append(ESRFigures.Session(kind: activity.kind, municipality: activity.municipality, date: row[1], minutes: row[2],
                                               headcount: row[3]))
        }
        return sessions
    }

    /// The engagements agreed in the project, each in its latest step: completed (with hours), or
    /// cancelled. One pass in (engagement, position) order, along the index, rather than a MAX
    /// subquery per row.
    private static func engagements(of project: String, _ db: Database) throws -> [ESRFigures.Engagement] {
        var engagements: [ESRFigures.Engagement] = []
        var inProject = false
        var latest: ESRFigures.Engagement?
        let rows = try Row.fetchCursor(db, sql: """
            SELECT engagement, step, project, date, hours_hundredths FROM funder_engagement ORDER BY engagement, position
            """)
        while let row = try rows.next() {
            let engagement: String = row[0]
            if let last = latest, last.engagement != engagement {
                if inProject { engagements.append(last) }
                inProject = false
            }
            let step: String = row[1]
            if step == "agreed" && (row[2] as String?) == project { inProject = true }
            let completed = step == "completed"
            latest = ESRFigures.Engagement(engagement: engagement, completed: completed ? row[3] : nil, hoursHundredths: completed ? row[4] : 0)
        }
        if let last = latest, inProject { engagements.append(last) }
        return engagements
    }

    /// Fees and travel paid for `engagements` up to `to`.
    private static func payments(for engagements: Set<String>, through to: String, _ db: Database) throws -> [ESRFigures.Payment] {
        var payments: [ESRFigures.Payment] = []
        let rows = try Row.fetchCursor(db, sql: """
            SELECT engagement, kind, date, cents FROM funder_payment WHERE date <= ? ORDER BY position
            """, arguments: [to])
        while let row = try rows.next() {
            let engagement: String = row[0]
            guard engagements.contains(engagement) else { continue }
            payments.append(ESRFigures.Payment(engagement: engagement, kind: row[1], date: row[2], cents: row[3]))
        }
        return payments
    }
}
