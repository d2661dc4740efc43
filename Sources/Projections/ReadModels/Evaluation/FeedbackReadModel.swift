import GRDB

/// Client feedback of an activity or of a whole project: how many answered, the ratings'
/// distribution and mean, and how often each theme came up. Free text is not here: it stays
/// sealed in the ledger.
public enum FeedbackReadModel {
    public enum Scope: Sendable, Equatable {
        case activity(String), project(String)
    }

    public struct Activity: Sendable, Equatable {
        public let activity: String
        public let name: String
        public var answers = 0
        public var ratingSum = 0
    }

    public struct Figures: Sendable {
        public let scope: Scope
        /// The activity's name, or the project's id.
        public let name: String
        public let activities: [Activity]
        public let answers: Int
        public let named: Int
        public let withText: Int
        /// How many gave each rating, 1 to 5 (index 0 is rating 1).
        public let distribution: [Int]
        public let ratingSum: Int
        /// Each theme and how many answers named it, most named first.
        public let themes: [(theme: String, count: Int)]
    }

    /// nil if the read model knows no such activity, or no activity of such a project.
    public static func figures(_ scope: Scope, from: String? = nil, to: String? = nil, in db: Database) throws -> Figures? {
        let activityRows: [Row]
        let name: String
        switch scope {
        case let .activity(activity):
            activityRows = try Row.fetchAll(db, sql: """
                SELECT activity, name FROM feedback_activity WHERE activity = ? ORDER BY position DESC LIMIT 1
                """, arguments: [activity])
            guard let row = activityRows.first else { return nil }
            name = row[1]
        case let .project(project):
            activityRows = try Row.fetchAll(db, sql: """
                SELECT activity, name, MAX(position) FROM feedback_activity WHERE project = ? GROUP BY activity ORDER BY activity
                """, arguments: [project])
            guard !activityRows.isEmpty else { return nil }
            name = project
        }
        var activities = activityRows.map { Activity(activity: $0[0], name: $0[1]) }
        var distribution = Array(repeating: 0, count: 5)
        var (named, withText) = (0, 0)
        var themeCounts: [String: Int] = [:]
        let period = " AND (?1 IS NULL OR date >= ?1) AND (?2 IS NULL OR date <= ?2)"
        for index in activities.indices {
            let answers = try Row.fetchAll(db, sql: """
                SELECT position, rating, named, with_text FROM feedback_answer WHERE activity = ?3\(period)
                """, arguments: [from, to, activities[index].activity])
            for answer in answers {
                let rating: Int = answer[1]
                activities[index].answers += 1
                activities[index].ratingSum += rating
                if (1...5).contains(rating) { distribution[rating - 1] += 1 }
                named += answer[2] as Int
                withText += answer[3] as Int
            }
            for theme in try String.fetchAll(db, sql: """
                SELECT theme FROM feedback_theme JOIN feedback_answer USING (position) WHERE activity = ?3\(period)
                """, arguments: [from, to, activities[index].activity]) {
                themeCounts[theme, default: 0] += 1
            }
        }
        let themes = themeCounts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { (theme: $0.key, count: $0.value) }
        return Figures(scope: scope, name: name, activities: activities, answers: activities.reduce(0) { $0 + $1.answers }, named: named,
                       withText: withText, distribution: distribution, ratingSum: activities.reduce(0) { $0 + $1.ratingSum }, themes: themes)
    }
}
