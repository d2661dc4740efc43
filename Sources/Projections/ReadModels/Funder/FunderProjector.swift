import EventStore
import GRDB
import Ledger

/// The funder read model: what the ESR+ report counts. Projects, activities, participants'
/// gender, enrolment entries and exits with their ESR+ data, experience-expert engagements and
/// payments, staff time (with each entry's cost, rounded to the cent) and other costs; one row per
/// event. Sessions and headcounts come from the sessions read model. Money in cents, hours in
/// hundredths.
///
/// Derived from those rows, per person and project: `funder_participation` (the first entry and
/// the output lines it counts on) and `funder_leaving` (the stretches of days over which the
/// person counts as a leaver). They are worked out again (`Participation`) for the people each
/// batch of events touched, so a report reads one row per participant and leaving instead of
/// replaying everyone's enrolments.
public struct FunderProjector: Projector {
    public let name = "funder"
    /// 2: `funder_participation` and `funder_leaving`, and indexes for the report's reads.
    /// 3: per diems paid to experts, counted with their travel.
    /// 4: participants' corrected details (gender and birth year).
    public let version = 4
    public let handledTypes: Set<String> = [
        "project.registered", "activity.created", "participant.registered", "participant.details-corrected", "enrolment.started", "enrolment.ended",
        "engagement.agreed", "engagement.completed", "engagement.cancelled", "fee.paid", "travel.reimbursed", "per-diem.paid",
        "staff.time-logged", "cost.incurred",
    ]
    public let tables = Self.factTables + ["funder_participation", "funder_leaving"]
    /// The tables with one row per event (the rest are derived from them).
    private static let factTables = [
        "funder_project", "funder_activity", "funder_participant", "funder_entry", "funder_exit", "funder_engagement",
        "funder_payment", "funder_staff_time", "funder_cost",
    ]

    public init() {}

    public func createTables(in db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE funder_project (
                position INTEGER PRIMARY KEY, project TEXT NOT NULL, code TEXT NOT NULL, name TEXT NOT NULL,
                funder TEXT NOT NULL, start_date TEXT NOT NULL, end_date TEXT NOT NULL, cost_model TEXT NOT NULL,
                self_financing_hundredths INTEGER NOT NULL);
            CREATE TABLE funder_activity (
                position INTEGER PRIMARY KEY, activity TEXT NOT NULL, project TEXT NOT NULL, kind TEXT NOT NULL,
                municipality TEXT NOT NULL);
            CREATE INDEX funder_activity_by_activity ON funder_activity (activity, position);
            CREATE TABLE funder_participant (
                position INTEGER PRIMARY KEY, participant TEXT NOT NULL, gender TEXT NOT NULL, birth_year INTEGER NOT NULL);
            CREATE INDEX funder_participant_by_participant ON funder_participant (participant);
            CREATE TABLE funder_entry (
                position INTEGER PRIMARY KEY, participant TEXT NOT NULL, activity TEXT NOT NULL, date TEXT NOT NULL,
                age INTEGER NOT NULL, labour_market TEXT NOT NULL, education TEXT NOT NULL, disability TEXT NOT NULL,
                third_country_national TEXT NOT NULL, foreign_background TEXT NOT NULL, minority TEXT NOT NULL,
                homeless TEXT NOT NULL, rural TEXT NOT NULL);
            CREATE INDEX funder_entry_by_participant ON funder_entry (participant);
            CREATE TABLE funder_exit (
                position INTEGER PRIMARY KEY, participant TEXT NOT NULL, activity TEXT NOT NULL, date TEXT NOT NULL,
                outcome TEXT NOT NULL, job_searching TEXT, in_education TEXT, qualification TEXT, employed TEXT);
            CREATE INDEX funder_exit_by_participant ON funder_exit (participant);
            CREATE TABLE funder_engagement (
                position INTEGER PRIMARY KEY, engagement TEXT NOT NULL, project TEXT, step TEXT NOT NULL,
                date TEXT NOT NULL, hours_hundredths INTEGER);
            CREATE INDEX funder_engagement_by_engagement ON funder_engagement (engagement, position, step, project, date, hours_hundredths);
            CREATE TABLE funder_payment (
                position INTEGER PRIMARY KEY, engagement TEXT NOT NULL, kind TEXT NOT NULL, date TEXT NOT NULL,
                cents INTEGER NOT NULL);
            CREATE TABLE funder_staff_time (
                position INTEGER PRIMARY KEY, project TEXT NOT NULL, date TEXT NOT NULL, hours_hundredths INTEGER NOT NULL,
                hourly_cost_cents INTEGER NOT NULL, cents INTEGER NOT NULL);
            -- The report's reads, each along an index that holds every column it reads.
            CREATE INDEX funder_staff_time_by_project ON funder_staff_time (project, date, hours_hundredths, cents);
            CREATE TABLE funder_cost (
                position INTEGER PRIMARY KEY, project TEXT NOT NULL, date TEXT NOT NULL, category TEXT NOT NULL,
                cents INTEGER NOT NULL);
            CREATE INDEX funder_cost_by_project ON funder_cost (project, date, category, cents);
            -- Derived per person and project (Participation); the lines are bit masks, bit i for
            -- line i of the report's participants' (output_lines) or leavers' (result_lines) table.
            CREATE TABLE funder_participation (
                participant TEXT NOT NULL, project TEXT NOT NULL, entered TEXT NOT NULL, gender TEXT NOT NULL,
                output_lines INTEGER NOT NULL, PRIMARY KEY (participant, project)) WITHOUT ROWID;
            CREATE INDEX funder_participation_by_project ON funder_participation (project, entered, gender, output_lines);
            CREATE TABLE funder_leaving (
                participant TEXT NOT NULL, project TEXT NOT NULL, since TEXT NOT NULL, until TEXT, left_on TEXT NOT NULL,
                gender TEXT NOT NULL, result_lines INTEGER NOT NULL, PRIMARY KEY (participant, project, since)) WITHOUT ROWID;
            CREATE INDEX funder_leaving_by_project ON funder_leaving (project, since, until, left_on, gender, result_lines);
            """)
    }

    /// One table's INSERT, its SQL written once rather than per event.
    private struct Insert: Sendable {
        let sql: String
        init(_ table: String, _ columns: [String]) {
            let placeholders = Array(repeating: "?", count: columns.count + 1).joined(separator: ", ")
            sql = "INSERT INTO \(table) (position, \(columns.joined(separator: ", "))) VALUES (\(placeholders))"
        }
    }

    private static let project = Insert("funder_project", ["project", "code", "name", "funder", "start_date", "end_date",
                                                           "cost_model", "self_financing_hundredths"])
    private static let activity = Insert("funder_activity", ["activity", "project", "kind", "municipality"])
    private static let participant = Insert("funder_participant", ["participant", "gender", "birth_year"])
    private static let entry = Insert("funder_entry", ["participant", "activity", "date", "age", "labour_market", "education",
                                                       "disability", "third_country_national", "foreign_background", "minority",
                                                       "homeless", "rural"])
    private static let exit = Insert("funder_exit", ["participant", "activity", "date", "outcome", "job_searching", "in_education",
                                                     "qualification", "employed"])
    private static let engagement = Insert("funder_engagement", ["engagement", "project", "step", "date", "hours_hundredths"])
    private static let payment = Insert("funder_payment", ["engagement", "kind", "date", "cents"])
    private static let staffTime = Insert("funder_staff_time", ["project", "date", "hours_hundredths", "hourly_cost_cents", "cents"])
    private static let cost = Insert("funder_cost", ["project", "date", "category", "cents"])

    public func apply(_ event: ProjectedEvent, in db: Database) throws {
        func insert(_ insert: Insert, _ values: any SQLiteBindable...) throws {
            try PreparedStatement(db, sql: insert.sql).execute(binding: [event.position] + values)
        }
        let none: String? = nil
        switch event.event {
        case let .projectRegistered(project):
            try insert(Self.project, event.stream, project.projectCode, project.name, project.funder.rawValue, project.startDate,
                       project.endDate, project.costModel.rawValue, hundredths(project.selfFinancingPercent))
        case let .activityCreated(activity):
            try insert(Self.activity, event.stream, activity.project, activity.kind.rawValue, activity.municipality)
        case let .participantRegistered(participant):
            try insert(Self.participant, participant.participant, participant.gender.rawValue, participant.birthYear)
        case let .participantDetailsCorrected(correction):
            try insert(Self.participant, correction.participant, correction.gender.rawValue, correction.birthYear)
        case let .enrolmentStarted(start):
            let entry = start.entry
            try insert(Self.entry, start.participant, start.activity, start.date, entry.ageAtEntry, entry.labourMarketStatus.rawValue,
                       entry.educationLevel.rawValue, entry.disability.rawValue, entry.thirdCountNational.rawValue, entry.foreignBackground.rawValue,
                       entry.minority.rawValue, entry.homelessOrHousingExclusion.rawValue, entry.ruralArea.rawValue)
        case let .enrolmentEnded(end):
            try insert(Self.exit, end.participant, end.activity, end.date, end.outcome.rawValue, end.exit?.jobSearching.rawValue,
                       end.exit?.inEducationOrTraining.rawValue, end.exit?.gainedQualification.rawValue, end.exit?.employed.rawValue)
        case let .engagementAgreed(agreed):
            try insert(Self.engagement, agreed.engagement, agreed.project, "agreed", agreed.date, Int?.none)
        case let .engagementCompleted(completed):
            try insert(Self.engagement, completed.engagement, none, "completed", completed.date, hundredths(completed.hours))
        case let .engagementCancelled(cancelled):
            try insert(Self.engagement, cancelled.engagement, none, "cancelled", cancelled.date, Int?.none)
        case let .feePaid(fee):
            try insert(Self.payment, fee.engagement, "fee", fee.date, fee.amountCents)
        case let .travelReimbursed(travel):
            try insert(Self.payment, travel.engagement, "travel", travel.date, travel.amountCents)
        case let .perDiemPaid(perDiem):
            try insert(Self.payment, perDiem.engagement, "per-diem", perDiem.date, perDiem.amountCents)
        case let .staffTimeLogged(time):
            let hours = hundredths(time.hours)
            try insert(Self.staffTime, time.project, time.date, hours, time.hourlyCostCents,
                       ESRFigures.StaffTime.cents(hoursHundredths: hours, hourlyCostCents: time.hourlyCostCents))
        case let .costIncurred(cost):
            try insert(Self.cost, cost.project, cost.date, cost.category.rawValue, cost.amountCents)
        default:
            break
        }
    }

    /// Works participation out again for the people whose registrations, entries or exits the
    /// batch recorded.
    public func finishBatch(after from: Int64, through to: Int64, in db: Database) throws {
        try ParticipationRecompute.run(touched: """
            SELECT participant FROM funder_entry WHERE position > ?1 AND position <= ?2
            UNION SELECT participant FROM funder_exit WHERE position > ?1 AND position <= ?2
            UNION SELECT participant FROM funder_participant WHERE position > ?1 AND position <= ?2
            """, arguments: [from, to], in: db)
    }

    /// A voided event's row goes; if it was a person's registration, entry or exit, or an
    /// activity's creation, the participation of the people concerned is worked out again at once.
    public func retract(_ event: ProjectedEvent, in db: Database) throws {
        try deleteRows(of: event, from: Self.factTables, in: db)
        let touched: String
        let arguments: StatementArguments
        switch event.event {
        case let .participantRegistered(registered): (touched, arguments) = ("SELECT ?1", [registered.participant])
        case let .participantDetailsCorrected(correction): (touched, arguments) = ("SELECT ?1", [correction.participant])
        case let .enrolmentStarted(start): (touched, arguments) = ("SELECT ?1", [start.participant])
        case let .enrolmentEnded(end): (touched, arguments) = ("SELECT ?1", [end.participant])
        case .activityCreated:
            (touched, arguments) = ("SELECT participant FROM funder_entry WHERE activity = ?1 UNION SELECT participant FROM funder_exit WHERE activity = ?1",
                                    [event.stream])
        default: return
        }
        try ParticipationRecompute.run(touched: touched, arguments: arguments, in: db)
    }

    /// A decimal the schema gives with at most two decimals (hours, percents) as an exact integer.
    /// Hours as hundredths. The schemas bound every such value; one recorded before the bounds,
    /// beyond any integer, is kept as the largest, so that the sums fail with a clear error.
}
