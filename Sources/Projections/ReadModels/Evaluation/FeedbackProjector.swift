import EventStore
import GRDB
import Ledger

/// The client-feedback read model: each answer's rating and themes, and whether it was named or
/// had free text (the text itself stays sealed in the ledger and never comes here). Activities
/// are kept with their project, so that a project's feedback is one query.
public struct FeedbackProjector: Projector {
    public let name = "feedback"
    /// 2: the participant of named feedback, for the person's page.
    public let version = 2
    public let handledTypes: Set<String> = ["activity.created", "feedback.given"]
    public let tables = ["feedback_activity", "feedback_answer", "feedback_theme"]

    public init() {}

    public func createTables(in db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE feedback_activity (position INTEGER PRIMARY KEY, activity TEXT NOT NULL, project TEXT NOT NULL, name TEXT NOT NULL);
            CREATE INDEX feedback_activity_by_project ON feedback_activity (project, activity);
            CREATE TABLE feedback_answer (
                position INTEGER PRIMARY KEY, activity TEXT NOT NULL, date TEXT NOT NULL, rating INTEGER NOT NULL,
                named INTEGER NOT NULL, with_text INTEGER NOT NULL, participant TEXT);
            CREATE INDEX feedback_answer_by_activity ON feedback_answer (activity, date);
            CREATE INDEX feedback_answer_by_participant ON feedback_answer (participant) WHERE participant IS NOT NULL;
            CREATE TABLE feedback_theme (position INTEGER NOT NULL, theme TEXT NOT NULL, PRIMARY KEY (position, theme));
            """)
    }

    public func apply(_ event: ProjectedEvent, in db: Database) throws {
        switch event.event {
        case let .activityCreated(activity):
            try PreparedStatement(db, sql: "INSERT INTO feedback_activity VALUES (?, ?, ?, ?)")
                .execute(event.position, event.stream, activity.project, activity.name)
        case let .feedbackGiven(answer):
            try PreparedStatement(db, sql: "INSERT INTO feedback_answer VALUES (?, ?, ?, ?, ?, ?, ?)").execute(
                event.position, answer.activity, answer.date, answer.rating, answer.participant == nil ? 0 : 1, answer.text == nil ? 0 : 1,
                answer.participant)
            for theme in Set(answer.themes ?? []) {
                try PreparedStatement(db, sql: "INSERT INTO feedback_theme VALUES (?, ?)").execute(event.position, theme)
            }
        default:
            break
        }
    }
}
