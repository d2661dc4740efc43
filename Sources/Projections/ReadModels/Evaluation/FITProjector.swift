import EventStore
import GRDB
import Ledger

/// The FIT read model: every ORS, CORS, SRS and CSRS rating with its total, one row per event.
public struct FITProjector: Projector {
    public let name = "fit"
    public let version = 1
    public let handledTypes: Set<String> = ["feedback.fit-recorded"]
    public let tables = ["fit_rating"]

    public init() {}

    public func createTables(in db: Database) throws {
        try db.execute(sql: """
            -- total_tenths: the four items' sum in tenths of a point (items keep one decimal), so
            -- that a total on a cut-off compares exactly.
            CREATE TABLE fit_rating (
                position INTEGER PRIMARY KEY, participant TEXT NOT NULL, activity TEXT, session TEXT,
                instrument TEXT NOT NULL, date TEXT NOT NULL, total_tenths INTEGER NOT NULL);
            CREATE INDEX fit_rating_by_activity ON fit_rating (activity, participant, date, position);
            """)
    }

    public func apply(_ event: ProjectedEvent, in db: Database) throws {
        guard case let .fitRecorded(rating) = event.event else { return }
        let tenths = rating.items.reduce(0) { $0 + Int(($1 * 10).rounded()) }
        try PreparedStatement(db, sql: "INSERT INTO fit_rating VALUES (?, ?, ?, ?, ?, ?, ?)").execute(
            event.position, rating.participant, rating.activity, rating.session, rating.instrument.rawValue, rating.date, tenths)
    }
}
