import EventStore
import GRDB
import Ledger

/// The working-time read model: every staff.time-logged with its cost, and the activities with
/// their work package, for timesheets and working-time reports per person, month, activity and
/// work package.
public struct StaffTimeProjector: Projector {
    public let name = "staff"
    public let version = 1
    public let handledTypes: Set<String> = ["activity.created", "staff.time-logged"]
    public let tables = ["staff_activity", "staff_time"]

    public init() {}

    public func createTables(in db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE staff_activity (
                position INTEGER PRIMARY KEY, activity TEXT NOT NULL, project TEXT NOT NULL, name TEXT NOT NULL, work_package TEXT);
            CREATE INDEX staff_activity_by_activity ON staff_activity (activity, position);
            -- cents: the hours at the hourly cost, as the ESR+ report counts them (ESRFigures.StaffTime.cents).
            CREATE TABLE staff_time (
                position INTEGER PRIMARY KEY, project TEXT NOT NULL, staff_member TEXT NOT NULL, activity TEXT, date TEXT NOT NULL,
                hours_hundredths INTEGER NOT NULL, hourly_cost_cents INTEGER NOT NULL, cents INTEGER NOT NULL);
            CREATE INDEX staff_time_by_project ON staff_time (project, date, staff_member);
            """)
    }

    public func apply(_ event: ProjectedEvent, in db: Database) throws {
        switch event.event {
        case let .activityCreated(activity):
            try PreparedStatement(db, sql: "INSERT INTO staff_activity VALUES (?, ?, ?, ?, ?)")
                .execute(event.position, event.stream, activity.project, activity.name, activity.workPackage)
        case let .staffTimeLogged(time):
            let hours = hundredths(time.hours)
            try PreparedStatement(db, sql: "INSERT INTO staff_time VALUES (?, ?, ?, ?, ?, ?, ?, ?)").execute(
                event.position, time.project, time.staffMember, time.activity, time.date, hours, time.hourlyCostCents,
                ESRFigures.StaffTime.cents(hoursHundredths: hours, hourlyCostCents: time.hourlyCostCents))
        default:
            break
        }
    }
}
