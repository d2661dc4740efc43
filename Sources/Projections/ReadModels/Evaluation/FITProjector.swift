import EventStore
import GRDB
import Ledger

/// The FIT read model: every ORS, CORS, SRS and CSRS rating with its total, one row per event,
/// and the activities' names for the report's title.
public struct FITProjector: Projector {
    public let name = "fit"
    public let version = 1
    public let handledTypes: Set<String> = ["activity.created", "feedback.fit-recorded"]
    public let tables = ["fit_activity", "fit_rating"]

    public init() {}

    public func createTables(in db: Database) throws {
        try db.execute(sql: """
            -- total_tenths: the four items' sum in tenths of a point (items keep one decimal), so
            -- that a total on a cut-off compares exactly.
            CREATE TABLE fit_activity (position INTEGER PRIMARY KEY, activity TEXT NOT NULL, name TEXT NOT NULL);
            CREATE INDEX fit_activity_by_activity ON fit_activity (activity);
            CREATE TABLE fit_rating (
                position INTEGER PRIMARY KEY, participant TEXT NOT NULL, activity TEXT, session TEXT,
                instrument TEXT NOT NULL, date TEXT NOT NULL, total_tenths INTEGER NOT NULL);
            CREATE INDEX fit_rating_by_activity ON fit_rating (activity, participant, date, position);
            """)
    }

    public func apply(_ event: ProjectedEvent, in db: Database) throws {
        if case let .activityCreated(activity) = event.event {
            try PreparedStatement(db, sql: "INSERT INTO fit_activity VALUES (?, ?, ?)").execute(event.position, event.stream, activity.name)
        }
        guard case let .fitRecorded(rating) = event.event else { return }
        let tenths = rating.items.reduce(0) { $0 + Int(($1 * 10).rounded()) }
        try PreparedStatement(db, sql: "INSERT INTO fit_rating VALUES (?, ?, ?, ?, ?, ?, ?)").execute(
            event.position, rating.participant, rating.activity, rating.session, rating.instrument.rawValue, rating.date, tenths)
    }
}
