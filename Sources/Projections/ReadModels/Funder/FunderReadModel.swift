import GRDB

/// Reads the funder read model (and the sessions read model's held sessions) into `ESRFigures`.
public enum FunderReadModel {
    /// nil if the read models hold no project with that id.
    public static func figures(project id: String, from: String, to: String, in db: Database) throws -> ESRFigures? {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT project, code, name, funder, start_date, end_date, cost_model, self_financing_hundredths
            FROM funder_project WHERE project = ? ORDER BY position DESC LIMIT 1
            """, arguments: [id])
        else { return nil }
        let project = ESRFigures.Project(project: row[0], code: row[1], name: row[2], funder: row[3], startDate: row[4],
                                         endDate: row[5], costModel: row[6], selfFinancingHundredths: row[7])
        var activities: [String: (kind: String, municipality: String)] = [:]
        try Row.fetchCursor(db, sql: "SELECT activity, kind, municipality FROM funder_activity WHERE project = ? ORDER BY position",
                                    arguments: [id]).forEach { row in
            activities[row[0]] = (row[1], row[2])
        }
        var genders: [String: String] = [:]
        let inProject = "activity IN (SELECT activity FROM funder_activity WHERE project = ?)"
        // Only what the figures can use: the project's people, rows up to the period's end (the
        // cumulative figures start at the project's start), costs within the period. The figures
        // apply the same bounds again; reading less is what keeps a long project's report small.
        try Row.fetchCursor(db, sql: """
            SELECT participant, gender FROM funder_participant
            WHERE participant IN (SELECT participant FROM funder_entry WHERE \(inProject)) ORDER BY position
            """, arguments: [id]).forEach { row in
            genders[row[0]] = row[1]
        }
        let entries = try Array(Row.fetchCursor(db, sql: """
            SELECT participant, activity, date, age, labour_market, education, disability, third_country_national,
                   foreign_background, minority, homeless, rural
            FROM funder_entry WHERE \(inProject) AND date <= ? ORDER BY position
            """, arguments: [id, to]
        ).map { row in
            ESRFigures.Entry(participant: row[0], activity: row[1], date: row[2], age: row[3], labourMarket: row[4], education: row[5],
                             disability: row[6], thirdCountNational: row[7], foreignBackground: row[8], minority: row[9],
                             homeless: row[10], rural: row[11])
        })
        let exits = try Array(Row.fetchCursor(db, sql: """
            SELECT participant, activity, date, outcome, job_searching, in_education, qualification, employed
            FROM funder_exit WHERE \(inProject) AND date <= ? ORDER BY position
            """, arguments: [id, to]
        ).map { row in
            ESRFigures.Exit(participant: row[0], activity: row[1], date: row[2], outcome: row[3], jobSearching: row[4],
                            inEducation: row[5], qualification: row[6], employed: row[7])
        })
        let sessions = try Array(Row.fetchCursor(db, sql: """
            SELECT s.activity, s.date, COALESCE(s.duration_minutes, 0), s.headcount
            FROM sessions_session s WHERE s.status = 'held' AND s.\(inProject) AND s.date <= ?
            """, arguments: [id, to]
        ).compactMap { row -> ESRFigures.Session? in
            guard let activity = activities[row[0]] else { return nil }
            return ESRFigures.Session(kind: activity.kind, municipality: activity.municipality, date: row[1], minutes: row[2], headcount: row[3])
        })
        // An engagement's state is its latest step: completed (with hours), or cancelled.
        let engagements = try Array(Row.fetchCursor(db, sql: """
            SELECT e.engagement, e.step, e.date, e.hours_hundredths FROM funder_engagement e
            WHERE e.engagement IN (SELECT engagement FROM funder_engagement WHERE step = 'agreed' AND project = ?)
              AND e.position = (SELECT MAX(position) FROM funder_engagement x WHERE x.engagement = e.engagement)
            ORDER BY e.engagement
            """, arguments: [id]
        ).map { row in
            let completed = (row[1] as String) == "completed"
            return ESRFigures.Engagement(engagement: row[0], completed: completed ? row[2] : nil, hoursHundredths: completed ? row[3] : 0)
        })
        let payments = try Array(Row.fetchCursor(db, sql: """
            SELECT engagement, kind, date, cents FROM funder_payment
            WHERE engagement IN (SELECT engagement FROM funder_engagement WHERE step = 'agreed' AND project = ?) AND date <= ?
            ORDER BY position
            """, arguments: [id, to]
        ).map { ESRFigures.Payment(engagement: $0[0], kind: $0[1], date: $0[2], cents: $0[3]) })
        let staffTime = try Array(Row.fetchCursor(db, sql: """
            SELECT date, hours_hundredths, hourly_cost_cents FROM funder_staff_time
            WHERE project = ? AND date BETWEEN ? AND ? ORDER BY position
            """, arguments: [id, from, to]
        ).map { ESRFigures.StaffTime(date: $0[0], hoursHundredths: $0[1], hourlyCostCents: $0[2]) })
        let costs = try Array(Row.fetchCursor(db, sql: """
            SELECT date, category, cents FROM funder_cost WHERE project = ? AND date BETWEEN ? AND ? ORDER BY position
            """, arguments: [id, from, to]
        ).map { ESRFigures.Cost(date: $0[0], category: $0[1], cents: $0[2]) })
        return ESRFigures(project: project, from: from, to: to, activities: activities, genders: genders, entries: entries,
                          exits: exits, sessions: sessions, engagements: engagements, payments: payments, staffTime: staffTime,
                          costs: costs)
    }
}
