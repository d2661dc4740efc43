import EventStore
import GRDB

/// Reads the funder read model (and the sessions read model's held sessions) into `ESRFigures`.
///
/// Only what the figures can use: the project's participants and leavers as the projector worked
/// them out (one row each; the figures apply the period's bounds again), and, added up, the held
/// sessions of the period and earlier ones with a headcount, and staff time and costs within the
/// period. Reading less is what keeps a long project's report small.
/// Rows are kept to the project by looking their activity (or engagement) up in Swift rather than
/// by `activity IN (SELECT …)`: SQLite searches a temporary index for every row it reads, which
/// cost more than reading the rows. The reads of many rows go through SQLite's C API
/// (`PreparedStatement.forEachRow`) rather than a GRDB `Row` each.
public enum FunderReadModel {
    /// nil if the read models hold no project with that id.
    public static func figures(project id: String, from: String, to: String, in db: Database) throws -> ESRFigures? {
        do {
            return try addedUp(project: id, from: from, to: to, in: db)
        } catch let error as DatabaseError where error.message == "integer overflow" {
            // SQLite's SUM stops rather than wrap: the same out-of-bounds amounts as below.
            throw ProjectionError.totalBeyondRange(project: id)
        }
    }

    private static func addedUp(project id: String, from: String, to: String, in db: Database) throws -> ESRFigures? {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT project, code, name, funder, start_date, end_date, cost_model, self_financing_hundredths
            FROM funder_project WHERE project = ? ORDER BY position DESC LIMIT 1
            """, arguments: [id])
        else { return nil }
        let project = ESRFigures.Project(project: row[0], code: row[1], name: row[2], funder: row[3], startDate: row[4],
                                         endDate: row[5], costModel: row[6], selfFinancingHundredths: row[7])
        let engagements = try self.engagements(of: id, db)
        let figures = ESRFigures(
            project: project, from: from, to: to, participants: try participants(of: id, through: to, db),
            leavers: try leavers(of: id, through: to, db), sessions: try heldSessions(of: id, from: from, to: to, db),
            engagements: engagements, payments: try payments(for: Set(engagements.map(\.engagement)), through: to, db),
            staffTime: try staffTime(of: id, from: from, to: to, db), costs: try costs(of: id, from: from, to: to, db))
        guard !figures.totalsOverflowed else { throw ProjectionError.totalBeyondRange(project: id) }
        return figures
    }

    /// Staff time within the period: its hours and the cents of its entries, each rounded when
    /// it was projected.
    private static func staffTime(of project: String, from: String, to: String, _ db: Database) throws -> ESRFigures.StaffTime {
        let row = try Row.fetchOne(db, sql: """
            SELECT COALESCE(SUM(hours_hundredths), 0), COALESCE(SUM(cents), 0) FROM funder_staff_time
            WHERE project = ? AND date BETWEEN ? AND ?
            """, arguments: [project, from, to])
        return ESRFigures.StaffTime(hoursHundredths: row?[0] ?? 0, cents: row?[1] ?? 0)
    }

    /// Other costs within the period, summed per category.
    private static func costs(of project: String, from: String, to: String, _ db: Database) throws -> [ESRFigures.Cost] {
        var costs: [ESRFigures.Cost] = []
        let rows = try Row.fetchCursor(db, sql: """
            SELECT category, SUM(cents) FROM funder_cost WHERE project = ? AND date BETWEEN ? AND ? GROUP BY category
            """, arguments: [project, from, to])
        while let row = try rows.next() { costs.append(ESRFigures.Cost(category: row[0], cents: row[1])) }
        return costs
    }

    /// The project's participants who entered by `to` (one row each, along the project's index).
    private static func participants(of project: String, through to: String, _ db: Database) throws -> [ESRFigures.Participant] {
        var participants: [ESRFigures.Participant] = []
        try PreparedStatement(db, sql: """
            SELECT entered, gender, output_lines FROM funder_participation WHERE project = ? AND entered <= ?
            """).forEachRow(binding: [project, to]) { row in
            participants.append(ESRFigures.Participant(
                entered: row.text(0), gender: ESRFigures.Gender(recorded: row.optionalText(1)), lines: UInt64(bitPattern: Int64(row.integer(2)))))
        }
        return participants
    }

    /// The project's leavings that cover `to`: who counts as a leaver in a report ending then.
    private static func leavers(of project: String, through to: String, _ db: Database) throws -> [ESRFigures.Leaver] {
        var leavers: [ESRFigures.Leaver] = []
        try PreparedStatement(db, sql: """
            SELECT since, until, left_on, gender, result_lines FROM funder_leaving
            WHERE project = ?1 AND since <= ?2 AND (until IS NULL OR until > ?2)
            """).forEachRow(binding: [project, to]) { row in
            let leaving = Participation.Leaving(
                since: row.text(0), until: row.optionalText(1), leftOn: row.text(2), lines: UInt64(bitPattern: Int64(row.integer(4))))
            leavers.append(ESRFigures.Leaver(leaving: leaving, gender: ESRFigures.Gender(recorded: row.optionalText(3))))
        }
        return leavers
    }

    /// The sessions held in the project's activities (from the sessions read model), added up:
    /// those in the period per kind and municipality, and the headcounts of those in the period
    /// and since the start. Along two partial indexes of the held sessions by date, which hold
    /// every column read here: all of them for the period, those with a headcount before it.
    private static func heldSessions(of project: String, from: String, to: String, _ db: Database) throws -> ESRFigures.HeldSessions {
        struct Place: Hashable { let kind: String, municipality: String }
        var held = ESRFigures.HeldSessions()
        // Each activity's line (of its kind and municipality), found once per activity rather than per session.
        var lineOfActivity: [String: Int] = [:]
        var lineOfPlace: [Place: Int] = [:]
        let activities = try Row.fetchCursor(db, sql: "SELECT activity, kind, municipality FROM funder_activity WHERE project = ? ORDER BY position",
                                             arguments: [project])
        while let row = try activities.next() {
            let place = Place(kind: row[1], municipality: row[2])
            let line = lineOfPlace[place] ?? held.lines.count
            if line == held.lines.count {
                lineOfPlace[place] = line
                held.lines.append(ESRFigures.ActivityLine(kind: place.kind, municipality: place.municipality))
            }
            lineOfActivity[row[0]] = line
        }
        try PreparedStatement(db, sql: """
            SELECT activity, COALESCE(duration_minutes, 0), COALESCE(headcount, 0)
            FROM sessions_session INDEXED BY sessions_session_held_by_date
            WHERE status = 'held' AND date BETWEEN ? AND ?
            """).forEachRow(binding: [from, to]) { row in
            guard let line = lineOfActivity[row.text(0)] else { return }
            held.lines[line].sessionsHeld += 1
            held.lines[line].minutes += row.integer(1)
            held.headcountInPeriod += row.integer(2)
        }
        held.headcountSinceStart = held.headcountInPeriod
        try PreparedStatement(db, sql: """
            SELECT activity, headcount FROM sessions_session INDEXED BY sessions_session_headcount_by_date
            WHERE status = 'held' AND headcount IS NOT NULL AND date < ?
            """).forEachRow(binding: [from]) { row in
            if lineOfActivity[row.text(0)] != nil { held.headcountSinceStart += row.integer(1) }
        }
        held.lines.removeAll { $0.sessionsHeld == 0 }
        return held
    }

    /// The engagements agreed in the project, each in its latest step: completed (with hours), or
    /// cancelled. One pass in (engagement, position) order, along the index, rather than a MAX
    /// subquery per row.
    private static func engagements(of project: String, _ db: Database) throws -> [ESRFigures.Engagement] {
        var engagements: [ESRFigures.Engagement] = []
        var inProject = false
        var latest: ESRFigures.Engagement?
        try PreparedStatement(db, sql: """
            SELECT engagement, step, project, date, hours_hundredths FROM funder_engagement ORDER BY engagement, position
            """).forEachRow { row in
            // An engagement's rows follow each other: its id is made into a string once.
            let engagement: String
            if let last = latest, row.text(0, equals: last.engagement) {
                engagement = last.engagement
            } else {
                if let last = latest, inProject { engagements.append(last) }
                inProject = false
                engagement = row.text(0)
            }
            if row.text(1, equals: "agreed") && !row.isNull(2) && row.text(2, equals: project) { inProject = true }
            let completed = row.text(1, equals: "completed")
            latest = ESRFigures.Engagement(
                engagement: engagement, completed: completed ? row.text(3) : nil, hoursHundredths: completed ? row.integer(4) : 0)
        }
        if let last = latest, inProject { engagements.append(last) }
        return engagements
    }

    /// Fees and travel paid for `engagements` up to `to`.
    private static func payments(for engagements: Set<String>, through to: String, _ db: Database) throws -> [ESRFigures.Payment] {
        var payments: [ESRFigures.Payment] = []
        try PreparedStatement(db, sql: """
            SELECT engagement, kind, date, cents FROM funder_payment WHERE date <= ? ORDER BY position
            """).forEachRow(binding: [to]) { row in
            let engagement = row.text(0)
            guard engagements.contains(engagement) else { return }
            payments.append(ESRFigures.Payment(engagement: engagement, kind: row.text(1), date: row.text(2), cents: row.integer(3)))
        }
        return payments
    }
}
