import EventStore
import GRDB
import Ledger

/// The directory read model: what exists — projects, activities, participants and their
/// enrolments, experts, engagements and what was paid for them — for the lists people work from
/// (`tuki list`, `tuki roster`). One row per event (so voids need no code here); the
/// `directory_current_…` views give each thing's latest record. Only what the ledger holds in
/// clear: names stay sealed in the ledger, and are opened by the command that shows them.
public struct DirectoryProjector: Projector {
    public let name = "directory"
    /// 2: payments keep their day, kilometres, rate and tickets; engagements their mode; activities
    /// their work package and target group; experts' status changes (the expert bank, fees, STEA).
    /// 3: per diems, with their kind, days and rate.
    /// 4: participants' corrected details (gender, birth year, municipality); engagements by expert.
    public let version = 4
    public let handledTypes: Set<String> = [
        "project.registered", "activity.created", "participant.registered", "participant.details-corrected", "enrolment.signed-up", "enrolment.started",
        "enrolment.ended", "expert.registered", "expert.status-changed", "engagement.agreed", "engagement.completed", "engagement.cancelled",
        "fee.paid", "travel.reimbursed", "per-diem.paid",
    ]
    public let tables = [
        "directory_project", "directory_activity", "directory_participant", "directory_enrolment", "directory_expert",
        "directory_engagement", "directory_payment", "directory_expert_status",
    ]

    public init() {}

    public func createTables(in db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE directory_project (
                position INTEGER PRIMARY KEY, project TEXT NOT NULL, code TEXT NOT NULL, name TEXT NOT NULL,
                funder TEXT NOT NULL, start_date TEXT NOT NULL, end_date TEXT NOT NULL);
            CREATE TABLE directory_activity (
                position INTEGER PRIMARY KEY, activity TEXT NOT NULL, project TEXT NOT NULL, name TEXT NOT NULL,
                kind TEXT NOT NULL, municipality TEXT NOT NULL, work_package TEXT, target_group TEXT);
            CREATE TABLE directory_participant (
                position INTEGER PRIMARY KEY, participant TEXT NOT NULL, roles TEXT NOT NULL, gender TEXT NOT NULL,
                birth_year INTEGER NOT NULL, municipality TEXT NOT NULL, registered_on TEXT);
            CREATE INDEX directory_participant_by_participant ON directory_participant (participant, position);
            CREATE TABLE directory_enrolment (
                position INTEGER PRIMARY KEY, participant TEXT NOT NULL, activity TEXT NOT NULL,
                step TEXT NOT NULL CHECK (step = 'signed-up' OR step = 'started' OR step = 'ended'), date TEXT NOT NULL);
            CREATE INDEX directory_enrolment_by_activity ON directory_enrolment (activity, participant, position);
            CREATE INDEX directory_enrolment_by_participant ON directory_enrolment (participant, activity, position, step);
            CREATE TABLE directory_expert (
                position INTEGER PRIMARY KEY, participant TEXT NOT NULL, alias TEXT NOT NULL, anonymous INTEGER NOT NULL,
                training TEXT NOT NULL, date TEXT NOT NULL);
            CREATE INDEX directory_expert_by_participant ON directory_expert (participant, position);
            -- One row per engagement event: 'agreed' rows carry the agreement, the others what became of it.
            CREATE TABLE directory_engagement (
                position INTEGER PRIMARY KEY, engagement TEXT NOT NULL,
                step TEXT NOT NULL CHECK (step = 'agreed' OR step = 'completed' OR step = 'cancelled'),
                expert TEXT, project TEXT, activity TEXT, kind TEXT, date TEXT NOT NULL, hours_hundredths INTEGER,
                fee_cents INTEGER, mode TEXT);
            CREATE INDEX directory_engagement_by_engagement ON directory_engagement (engagement, position);
            CREATE INDEX directory_engagement_by_expert ON directory_engagement (expert) WHERE expert IS NOT NULL;
            CREATE TABLE directory_payment (
                position INTEGER PRIMARY KEY, engagement TEXT NOT NULL, kind TEXT NOT NULL CHECK (kind = 'fee' OR kind = 'travel' OR kind = 'per-diem'),
                cents INTEGER NOT NULL, date TEXT, kilometres_hundredths INTEGER, cents_per_km INTEGER, ticket_cents INTEGER,
                rate_reason TEXT, per_diem_kind TEXT, days INTEGER, cents_per_day INTEGER);
            CREATE INDEX directory_payment_by_engagement ON directory_payment (engagement, kind, cents);
            CREATE TABLE directory_expert_status (
                position INTEGER PRIMARY KEY, participant TEXT NOT NULL, status TEXT NOT NULL, date TEXT NOT NULL);
            CREATE INDEX directory_expert_status_by_participant ON directory_expert_status (participant, position);
            CREATE VIEW directory_current_project AS
                SELECT project, code, name, funder, start_date, end_date, MAX(position) AS position FROM directory_project GROUP BY project;
            CREATE VIEW directory_current_activity AS
                SELECT activity, project, name, kind, municipality, work_package, target_group, MAX(position) AS position
                FROM directory_activity GROUP BY activity;
            CREATE VIEW directory_current_participant AS
                SELECT participant, roles, gender, birth_year, municipality, registered_on, MAX(position) AS position
                FROM directory_participant GROUP BY participant;
            -- Each person's latest step in each activity: open unless it is 'ended'.
            CREATE VIEW directory_current_enrolment AS
                SELECT participant, activity, step, date, MAX(position) AS position FROM directory_enrolment GROUP BY participant, activity;
            CREATE VIEW directory_current_expert AS
                SELECT participant, alias, anonymous, training, date, MAX(position) AS position FROM directory_expert GROUP BY participant;
            """)
    }

    public func apply(_ event: ProjectedEvent, in db: Database) throws {
        let position = event.position
        switch event.event {
        case let .projectRegistered(project):
            try insert(db, "directory_project (position, project, code, name, funder, start_date, end_date)",
                       [position, event.stream, project.projectCode, project.name, project.funder.rawValue, project.startDate, project.endDate])
        case let .activityCreated(activity):
            try insert(db, "directory_activity (position, activity, project, name, kind, municipality, work_package, target_group)",
                       [position, event.stream, activity.project, activity.name, activity.kind.rawValue, activity.municipality, activity.workPackage,
                        activity.targetGroup.rawValue])
        case let .participantRegistered(person):
            try insert(db, "directory_participant (position, participant, roles, gender, birth_year, municipality, registered_on)",
                       [position, person.participant, person.roles.map(\.rawValue).joined(separator: ","), person.gender.rawValue, person.birthYear,
                        person.municipality, person.registeredOn])
        case let .participantDetailsCorrected(correction):
            // A row like the registration's, its roles and day as the latest row has them.
            try db.cachedStatement(sql: """
                INSERT INTO directory_participant (position, participant, roles, gender, birth_year, municipality, registered_on)
                SELECT ?, participant, roles, ?, ?, ?, registered_on FROM directory_participant WHERE participant = ?
                ORDER BY position DESC LIMIT 1
                """).execute(arguments: [position, correction.gender.rawValue, correction.birthYear, correction.municipality, correction.participant])
        case let .enrolmentSignedUp(step):
            try insert(db, "directory_enrolment (position, participant, activity, step, date)", [position, step.participant, step.activity, "signed-up", step.date])
        case let .enrolmentStarted(step):
            try insert(db, "directory_enrolment (position, participant, activity, step, date)", [position, step.participant, step.activity, "started", step.date])
        case let .enrolmentEnded(step):
            try insert(db, "directory_enrolment (position, participant, activity, step, date)", [position, step.participant, step.activity, "ended", step.date])
        case let .expertRegistered(expert):
            try insert(db, "directory_expert (position, participant, alias, anonymous, training, date)",
                       [position, expert.participant, expert.alias, expert.anonymous, expert.training.rawValue, expert.date])
        case let .expertStatusChanged(change):
            try insert(db, "directory_expert_status (position, participant, status, date)", [position, change.participant, change.status.rawValue, change.date])
        case let .engagementAgreed(agreed):
            try insert(db, "directory_engagement (position, engagement, step, expert, project, activity, kind, date, hours_hundredths, fee_cents, mode)",
                       [position, agreed.engagement, "agreed", agreed.expert, agreed.project, agreed.activity, agreed.kind.rawValue, agreed.date,
                        hundredths(agreed.plannedHours), agreed.agreedFeeCents, agreed.mode.rawValue])
        case let .engagementCompleted(completed):
            try insert(db, "directory_engagement (position, engagement, step, date, hours_hundredths)",
                       [position, completed.engagement, "completed", completed.date, hundredths(completed.hours)])
        case let .engagementCancelled(cancelled):
            try insert(db, "directory_engagement (position, engagement, step, date)", [position, cancelled.engagement, "cancelled", cancelled.date])
        case let .feePaid(fee):
            try insert(db, "directory_payment (position, engagement, kind, cents, date)", [position, fee.engagement, "fee", fee.amountCents, fee.date])
        case let .travelReimbursed(travel):
            try insert(db, "directory_payment (position, engagement, kind, cents, date, kilometres_hundredths, cents_per_km, ticket_cents, rate_reason)",
                       [position, travel.engagement, "travel", travel.amountCents, travel.date, travel.kilometres.map(hundredths),
                        travel.centsPerKm, travel.ticketCents, travel.rateReason])
        case let .perDiemPaid(perDiem):
            try insert(db, "directory_payment (position, engagement, kind, cents, date, rate_reason, per_diem_kind, days, cents_per_day)",
                       [position, perDiem.engagement, "per-diem", perDiem.amountCents, perDiem.date, perDiem.rateReason, perDiem.kind.rawValue,
                        perDiem.days, perDiem.centsPerDay])
        default:
            break
        }
    }

    private func insert(_ db: Database, _ target: String, _ values: [(any DatabaseValueConvertible)?]) throws {
        let placeholders = Array(repeating: "?", count: values.count).joined(separator: ", ")
        try db.cachedStatement(sql: "INSERT INTO \(target) VALUES (\(placeholders))").execute(arguments: StatementArguments(values))
    }
}
