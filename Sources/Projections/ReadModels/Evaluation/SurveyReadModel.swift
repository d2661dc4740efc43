import GRDB

/// A staff or expert survey wave by wave: per item how many answered, how the scores were
/// spread over the scale, the mean, and its change from the baseline wave.
public enum SurveyReadModel {
    public static let waveOrder = ["baseline", "mid-term", "final"]

    public struct Wave: Sendable, Equatable {
        public let wave: String
        public let respondents: Int
        public let from: String
        public let to: String
    }

    /// One item in one wave.
    public struct ItemWave: Sendable, Equatable {
        public let wave: String
        public var answers = 0
        public var sum = 0
        /// How many gave each score, from the scale's min (index 0) to its max.
        public var distribution: [Int]
    }

    public struct Item: Sendable, Equatable {
        public let item: String
        /// In wave order: every wave of the survey, one in which nobody answered the item with n = 0.
        public var waves: [ItemWave]
    }

    public struct Figures: Sendable {
        public let survey: String
        public let project: String
        public let scaleMin: Int
        public let scaleMax: Int
        public let respondentGroup: String?
        public let waves: [Wave]
        /// In the order the survey first asked them.
        public let items: [Item]
    }

    /// nil if no answer to the survey stands (in the respondent group, if one is given).
    public static func figures(of survey: String, respondentGroup: String? = nil, in db: Database) throws -> Figures? {
        let groupFilter = " AND (?2 IS NULL OR respondent_group = ?2)"
        let arguments: StatementArguments = [survey, respondentGroup]
        guard let scale = try Row.fetchOne(db, sql: """
            SELECT project, scale_min, scale_max FROM survey_answer WHERE survey = ?1\(groupFilter) ORDER BY position LIMIT 1
            """, arguments: arguments) else { return nil }
        let (scaleMin, scaleMax): (Int, Int) = (scale[1], scale[2])
        let waves = try Row.fetchAll(db, sql: """
            SELECT wave, COUNT(*), MIN(date), MAX(date) FROM survey_answer WHERE survey = ?1\(groupFilter) GROUP BY wave
            """, arguments: arguments).map { Wave(wave: $0[0], respondents: $0[1], from: $0[2], to: $0[3]) }
            .sorted { (waveOrder.firstIndex(of: $0.wave) ?? 3) < (waveOrder.firstIndex(of: $1.wave) ?? 3) }
        var items: [Item] = []
        var indexOfItem: [String: Int] = [:]
        let scores = try Row.fetchCursor(db, sql: """
            SELECT item, wave, score FROM survey_score JOIN survey_answer USING (position)
            WHERE survey = ?1\(groupFilter) ORDER BY position, ordinal
            """, arguments: arguments)
        while let row = try scores.next() {
            let (item, wave, score): (String, String, Int) = (row[0], row[1], row[2])
            let index = indexOfItem[item] ?? {
                items.append(Item(item: item, waves: []))
                indexOfItem[item] = items.count - 1
                return items.count - 1
            }()
            let waveIndex = items[index].waves.firstIndex { $0.wave == wave } ?? {
                items[index].waves.append(ItemWave(wave: wave, distribution: Array(repeating: 0, count: scaleMax - scaleMin + 1)))
                return items[index].waves.count - 1
            }()
            items[index].waves[waveIndex].answers += 1
            items[index].waves[waveIndex].sum += score
            if (scaleMin...scaleMax).contains(score) { items[index].waves[waveIndex].distribution[score - scaleMin] += 1 }
        }
        // Every item has a row in every wave, an item nobody answered in a wave with n = 0.
        for index in items.indices {
            for wave in waves where !items[index].waves.contains(where: { $0.wave == wave.wave }) {
                items[index].waves.append(ItemWave(wave: wave.wave, distribution: Array(repeating: 0, count: scaleMax - scaleMin + 1)))
            }
            items[index].waves.sort { (waveOrder.firstIndex(of: $0.wave) ?? 3) < (waveOrder.firstIndex(of: $1.wave) ?? 3) }
        }
        return Figures(survey: survey, project: scale[0], scaleMin: scaleMin, scaleMax: scaleMax, respondentGroup: respondentGroup,
                       waves: waves, items: items)
    }
}
