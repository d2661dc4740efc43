import EventStore
import GRDB
import Ledger

/// The staff and expert survey read model: each anonymous answer (its wave, respondent group and
/// scale) and its item scores, under the answer's position.
public struct SurveyProjector: Projector {
    public let name = "survey"
    public let version = 1
    public let handledTypes: Set<String> = ["survey.answered"]
    public let tables = ["survey_answer", "survey_score"]

    public init() {}

    public func createTables(in db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE survey_answer (
                position INTEGER PRIMARY KEY, survey TEXT NOT NULL, project TEXT NOT NULL, wave TEXT NOT NULL,
                respondent_group TEXT NOT NULL, date TEXT NOT NULL, scale_min INTEGER NOT NULL, scale_max INTEGER NOT NULL);
            CREATE INDEX survey_answer_by_survey ON survey_answer (survey, wave);
            -- ordinal: the item's place in the answer, so that the report lists items in the survey's order.
            CREATE TABLE survey_score (
                position INTEGER NOT NULL, ordinal INTEGER NOT NULL, item TEXT NOT NULL, score INTEGER NOT NULL,
                PRIMARY KEY (position, ordinal));
            """)
    }

    public func apply(_ event: ProjectedEvent, in db: Database) throws {
        guard case let .surveyAnswered(answer) = event.event else { return }
        try PreparedStatement(db, sql: "INSERT INTO survey_answer VALUES (?, ?, ?, ?, ?, ?, ?, ?)").execute(
            event.position, answer.survey, answer.project, answer.wave.rawValue, answer.respondentGroup.rawValue, answer.date,
            answer.scale.min, answer.scale.max)
        for (ordinal, score) in answer.answers.enumerated() {
            try PreparedStatement(db, sql: "INSERT INTO survey_score VALUES (?, ?, ?, ?)").execute(event.position, ordinal, score.item, score.score)
        }
    }
}
