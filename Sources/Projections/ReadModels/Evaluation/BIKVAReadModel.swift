import GRDB

/// A BIKVA evaluation theme by theme: what the clients said at stage 1, how frontline workers
/// (2), management (3) and decision makers (4) answered, the change agreed at each level and what
/// became of it; and each stage's day, group size and approval. Themes are matched across stages
/// by their wording, whatever the case and spacing (`BIKVAStageRecorded.themeKey`).
public enum BIKVAReadModel {
    public static let stages = 1...4

    public struct Stage: Sendable, Equatable {
        public let stage: Int
        public let date: String
        public let groupSize: Int
        public let themes: Int
        public let agreedChanges: Int
        /// The day its group approved the wording passed on, if recorded.
        public let approvedOn: String?
    }

    public struct FollowUp: Sendable, Equatable {
        public let stage: Int
        public let status: String
        public let date: String
        public let note: String?
    }

    /// What one stage recorded of a theme.
    public struct Entry: Sendable, Equatable {
        public let stage: Int
        public let said: String?
        public let response: String?
        public let agreedChange: String?
        /// Every follow-up of this stage's agreed change, oldest first.
        public let followUps: [FollowUp]
    }

    public struct Theme: Sendable, Equatable {
        /// As the lowest stage that names it words it.
        public let theme: String
        public let entries: [Entry]
        public var raisedAt: Int { entries[0].stage }
        /// The stages from the one that raised it up to 4 that have not answered it (yet).
        public var missing: [Int] {
            BIKVAReadModel.stages.filter { stage in stage > raisedAt && !entries.contains { $0.stage == stage } }
        }
    }

    public struct Figures: Sendable {
        public let evaluation: String
        public let project: String
        public let stages: [Stage]
        public let themes: [Theme]
        /// Stages 1–4 not recorded yet.
        public var missingStages: [Int] { BIKVAReadModel.stages.filter { number in !stages.contains { $0.stage == number } } }
    }

    /// nil if no stage of the evaluation stands.
    public static func figures(of evaluation: String, in db: Database) throws -> Figures? {
        let stageRows = try Row.fetchAll(db, sql: """
            SELECT position, stage, date, group_size, project FROM bikva_stage WHERE evaluation = ? ORDER BY stage, position
            """, arguments: [evaluation])
        guard let first = stageRows.first else { return nil }
        var approvals: [Int: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT stage, date FROM bikva_approval WHERE evaluation = ? ORDER BY position", arguments: [evaluation]) {
            approvals[row[0]] = row[1]
        }
        var followUps: [String: [FollowUp]] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT stage, theme_key, status, date, note FROM bikva_follow_up WHERE evaluation = ? ORDER BY date, position
            """, arguments: [evaluation]) {
            followUps["\(row[0] as Int) \(row[1] as String)", default: []].append(FollowUp(stage: row[0], status: row[2], date: row[3], note: row[4]))
        }
        var stages: [Stage] = []
        var themes: [(key: String, theme: String, entries: [Entry])] = []
        for stageRow in stageRows {
            let stage: Int = stageRow[1]
            let themeRows = try Row.fetchAll(db, sql: """
                SELECT theme, theme_key, said, response, agreed_change FROM bikva_theme WHERE position = ? ORDER BY ordinal
                """, arguments: [stageRow[0] as Int64])
            var changes = 0
            for row in themeRows {
                let key: String = row[1]
                let change: String? = row[4]
                if !(change ?? "").isEmpty { changes += 1 }
                let entry = Entry(stage: stage, said: row[2], response: row[3], agreedChange: change, followUps: followUps["\(stage) \(key)"] ?? [])
                if let index = themes.firstIndex(where: { $0.key == key }) {
                    themes[index].entries.append(entry)
                } else {
                    themes.append((key, row[0], [entry]))
                }
            }
            stages.append(Stage(stage: stage, date: stageRow[2], groupSize: stageRow[3], themes: themeRows.count, agreedChanges: changes,
                                approvedOn: approvals[stage]))
        }
        return Figures(evaluation: evaluation, project: first[4], stages: stages, themes: themes.map { Theme(theme: $0.theme, entries: $0.entries) })
    }
}
