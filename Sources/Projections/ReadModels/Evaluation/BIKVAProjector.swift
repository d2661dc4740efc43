import EventStore
import GRDB
import Ledger

/// The BIKVA read model: each evaluation's stages with their themes, the groups' approvals and
/// the follow-ups of agreed changes. One row per event (themes: one per theme of a stage, under
/// the stage's position), so a void needs no code here.
public struct BIKVAProjector: Projector {
    public let name = "bikva"
    public let version = 1
    public let handledTypes: Set<String> = ["bikva.stage-recorded", "bikva.wording-approved", "bikva.change-followed-up"]
    public let tables = ["bikva_stage", "bikva_theme", "bikva_approval", "bikva_follow_up"]

    public init() {}

    public func createTables(in db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE bikva_stage (
                position INTEGER PRIMARY KEY, evaluation TEXT NOT NULL, project TEXT NOT NULL, stage INTEGER NOT NULL,
                date TEXT NOT NULL, group_size INTEGER NOT NULL);
            CREATE INDEX bikva_stage_by_evaluation ON bikva_stage (evaluation, stage);
            -- A stage's themes in the order its group gave them; theme_key matches a theme across stages.
            CREATE TABLE bikva_theme (
                position INTEGER NOT NULL, ordinal INTEGER NOT NULL, theme TEXT NOT NULL, theme_key TEXT NOT NULL,
                said TEXT, response TEXT, agreed_change TEXT, PRIMARY KEY (position, ordinal));
            CREATE TABLE bikva_approval (position INTEGER PRIMARY KEY, evaluation TEXT NOT NULL, stage INTEGER NOT NULL, date TEXT NOT NULL);
            CREATE INDEX bikva_approval_by_evaluation ON bikva_approval (evaluation, stage);
            CREATE TABLE bikva_follow_up (
                position INTEGER PRIMARY KEY, evaluation TEXT NOT NULL, stage INTEGER NOT NULL, theme_key TEXT NOT NULL,
                status TEXT NOT NULL, date TEXT NOT NULL, note TEXT);
            CREATE INDEX bikva_follow_up_by_evaluation ON bikva_follow_up (evaluation, stage, theme_key);
            """)
    }

    public func apply(_ event: ProjectedEvent, in db: Database) throws {
        switch event.event {
        case let .bikvaStageRecorded(stage):
            try PreparedStatement(db, sql: "INSERT INTO bikva_stage VALUES (?, ?, ?, ?, ?, ?)")
                .execute(event.position, stage.evaluation, stage.project, stage.stage, stage.date, stage.groupSize)
            for (ordinal, theme) in stage.themes.enumerated() {
                try PreparedStatement(db, sql: "INSERT INTO bikva_theme VALUES (?, ?, ?, ?, ?, ?, ?)").execute(
                    event.position, ordinal, theme.theme, BIKVAStageRecorded.themeKey(theme.theme), theme.said, theme.response, theme.agreedChange)
            }
        case let .bikvaWordingApproved(approval):
            try PreparedStatement(db, sql: "INSERT INTO bikva_approval VALUES (?, ?, ?, ?)")
                .execute(event.position, approval.evaluation, approval.stage, approval.date)
        case let .bikvaChangeFollowedUp(followUp):
            try PreparedStatement(db, sql: "INSERT INTO bikva_follow_up VALUES (?, ?, ?, ?, ?, ?, ?)").execute(
                event.position, followUp.evaluation, followUp.stage, BIKVAStageRecorded.themeKey(followUp.theme), followUp.status.rawValue,
                followUp.date, followUp.note)
        default:
            break
        }
    }
}
