import EventStore
import GRDB
import Ledger

/// The training / group commitment read model: each participant's enrolment steps in each
/// activity (signed up, started, ended and how). The commitment figures combine these with the
/// sessions read model's held sessions and attendance (see `CommitmentReadModel`).
public struct CommitmentProjector: Projector {
    public let name = "commitment"
    /// 2: the step CHECK compares with OR (an `IN` list of three built a temporary B-tree per row).
    public let version = 2
    public let handledTypes: Set<String> = ["enrolment.signed-up", "enrolment.started", "enrolment.ended"]
    public let tables = ["commitment_enrolment_step"]

    public init() {}

    public func createTables(in db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE commitment_enrolment_step (
                position    INTEGER PRIMARY KEY,
                activity    TEXT NOT NULL,
                participant TEXT NOT NULL,
                step        TEXT NOT NULL CHECK (step = 'signed-up' OR step = 'started' OR step = 'ended'),
                date        TEXT NOT NULL,
                outcome     TEXT
            );
            CREATE INDEX commitment_enrolment_step_by_activity ON commitment_enrolment_step (activity, participant, position);
            """)
    }

    public func apply(_ event: ProjectedEvent, in db: Database) throws {
        let row: (activity: String, participant: String, step: String, date: String, outcome: String?)
        switch event.event {
        case let .enrolmentSignedUp(signUp): row = (signUp.activity, signUp.participant, "signed-up", signUp.date, nil)
        case let .enrolmentStarted(start): row = (start.activity, start.participant, "started", start.date, nil)
        case let .enrolmentEnded(end): row = (end.activity, end.participant, "ended", end.date, end.outcome.rawValue)
        default: return
        }
        try PreparedStatement(db, sql: """
            INSERT INTO commitment_enrolment_step (position, activity, participant, step, date, outcome) VALUES (?, ?, ?, ?, ?, ?)
            """).execute(event.position, row.activity, row.participant, row.step, row.date, row.outcome)
    }
}
