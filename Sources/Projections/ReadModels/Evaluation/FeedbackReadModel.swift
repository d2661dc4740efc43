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
        let index = Dictionary(uniqueKeysWithValues: activities.enumerated().map { ($0.element.activity, $0.offset) })
        // Two grouped queries for the whole scope: a county's project has thousands of activities.
        let answers = "SELECT position, activity, rating, named, with_text FROM feedback_answer WHERE activity IN (\(Self.activities(of: scope)))"
            + " AND (?2 IS NULL OR date >= ?2) AND (?3 IS NULL OR date <= ?3)"
        let arguments: StatementArguments = [Self.key(of: scope), from, to]
        var distribution = Array(repeating: 0, count: 5)
        var (named, withText) = (0, 0)
        for row in try Row.fetchAll(db, sql: """
            SELECT activity, rating, COUNT(*), SUM(named), SUM(with_text) FROM (\(answers)) GROUP BY activity, rating
            """, arguments: arguments) {
            let (rating, count): (Int, Int) = (row[1], row[2])
            if let at = index[row[0]] {
                activities[at].answers += count
                activities[at].ratingSum += rating * count
            }
            if (1...5).contains(rating) { distribution[rating - 1] += count }
            named += row[3] as Int
            withText += row[4] as Int
        }
        var themeCounts: [String: Int] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT theme, COUNT(*) FROM feedback_theme JOIN (\(answers)) USING (position) GROUP BY theme
            """, arguments: arguments) {
            themeCounts[row[0]] = row[1]
        }
        let themes = themeCounts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { (theme: $0.key, count: $0.value) }
        return Figures(scope: scope, name: name, activities: activities, answers: activities.reduce(0) { $0 + $1.answers }, named: named,
                       withText: withText, distribution: distribution, ratingSum: activities.reduce(0) { $0 + $1.ratingSum }, themes: themes)
    }

    /// The activities of a scope, as SQL taking the scope's id as ?1.
    private static func activities(of scope: Scope) -> String {
        switch scope {
        case .activity: "?1"
        case .project: "SELECT DISTINCT activity FROM feedback_activity WHERE project = ?1"
        }
    }

    private static func key(of scope: Scope) -> String {
        switch scope {
        case let .activity(activity): activity
        case let .project(project): project
        }
    }
}
