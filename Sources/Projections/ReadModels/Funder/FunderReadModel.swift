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
        // Only what the figures can use: the project's people, rows up to the period's end (the
        // cumulative figures start at the project's start), costs within the period. The figures
        // apply the same bounds again; reading less is what keeps a long project's report small.
        // Rows are kept to the project's activities here, by looking the activity up, rather than
        // by `activity IN (SELECT …)`: SQLite searches a temporary index for every row, which cost
        // more than reading the rows.
        var entries: [ESRFigures.Entry] = []
        let entryRows = try Row.fetchCursor(db, sql: """
            SELECT activity, participant, date, age, labour_market, education, disability, third_country_national,
                   foreign_background, minority, homeless, rural
            FROM funder_entry WHERE date <= ? ORDER BY position
            """, arguments: [to])
        while let row = try entryRows.next() {
            let activity: String = row[0]
            guard activities[activity] != nil else { continue }
            entries.append(ESRFigures.Entry(
                participant: row[1], activity: activity, date: row[2], age: row[3], labourMarket: row[4], education: row[5],
                disability: row[6], thirdCountNational: row[7], foreignBackground: row[8], minority: row[9], homeless: row[10],
                rural: row[11]))
        }
        var exits: [ESRFigures.Exit] = []
        let exitRows = try Row.fetchCursor(db, sql: """
            SELECT activity, participant, date, outcome, job_searching, in_education, qualification, employed
            FROM funder_exit WHERE date <= ? ORDER BY position
            """, arguments: [to])
        while let row = try exitRows.next() {
            let activity: String = row[0]
            guard activities[activity] != nil else { continue }
            exits.append(ESRFigures.Exit(participant: row[1], activity: activity, date: row[2], outcome: row[3], jobSearching: row[4],
                                         inEducation: row[5], qualification: row[6], employed: row[7]))
        }
        let people = Set(entries.map(\.participant))
        var genders: [String: String] = [:]
        let participantRows = try Row.fetchCursor(db, sql: "SELECT participant, gender FROM funder_participant ORDER BY position")
        while let row = try participantRows.next() {
            let participant: String = row[0]
            if people.contains(participant) { genders[participant] = row[1] }
        }
        var sessions: [ESRFigures.Session] = []
        let sessionRows = try Row.fetchCursor(db, sql: """
            SELECT activity, date, COALESCE(duration_minutes, 0), headcount
            FROM sessions_session WHERE status = 'held' AND date <= ?
            """, arguments: [to])
        while let row = try sessionRows.next() {
            guard let activity = activities[row[0]] else { continue }
            sessions.append(ESRFigures.Session(kind: activity.kind, municipality: activity.municipality, date: row[1], minutes: row[2],
                                               headcount: row[3]))
        }
        // An engagement's state is its latest step: completed (with hours), or cancelled. One pass
        // in (engagement, position) order, along the index, rather than a MAX subquery per row.
        var engagements: [ESRFigures.Engagement] = []
        var inProject = false
        var latest: ESRFigures.Engagement?
        let engagementRows = try Row.fetchCursor(db, sql: """
            SELECT engagement, step, project, date, hours_hundredths FROM funder_engagement ORDER BY engagement, position
            """)
        while let row = try engagementRows.next() {
            let engagement: String = row[0]
            if let last = latest, last.engagement != engagement {
                if inProject { engagements.append(last) }
                inProject = false
            }
            let step: String = row[1]
            if step == "agreed" && (row[2] as String?) == id { inProject = true }
            let completed = step == "completed"
            latest = ESRFigures.Engagement(engagement: engagement, completed: completed ? row[3] : nil, hoursHundredths: completed ? row[4] : 0)
        }
        if let last = latest, inProject { engagements.append(last) }
        let projectEngagements = Set(engagements.map(\.engagement))
        var payments: [ESRFigures.Payment] = []
        let paymentRows = try Row.fetchCursor(db, sql: """
            SELECT engagement, kind, date, cents FROM funder_payment WHERE date <= ? ORDER BY position
            """, arguments: [to])
        while let row = try paymentRows.next() {
            let engagement: String = row[0]
            guard projectEngagements.contains(engagement) else { continue }
            payments.append(ESRFigures.Payment(engagement: engagement, kind: row[1], date: row[2], cents: row[3]))
        }
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
