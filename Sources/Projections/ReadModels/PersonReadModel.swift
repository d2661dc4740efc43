import GRDB

/// Where one person's entries stand outside their own stream, for the person's page: their
/// latest attendance mark at each session, their named feedback, and the engagements agreed with
/// them as an expert. Positions in the ledger (each a standing event: a voided one is no longer in
/// the read models), so the page reads the events themselves.
public enum PersonReadModel {
    public struct Entries: Sendable, Equatable {
        public let attendance: [Int64]
        public let feedback: [Int64]
        public let engagements: [String]
    }

    /// What the read models hold of the person in clear: their registration as last corrected,
    /// and their alias if they are an expert. Nil for someone not registered.
    public struct Person: Sendable, Equatable {
        public let participant, roles, gender: String
        public let birthYear: Int
        public let municipality: String
        public let expertAlias: String?
        public let anonymousExpert: Bool
    }

    public static func person(_ participant: String, in db: Database) throws -> Person? {
        try Row.fetchOne(db, sql: """
            SELECT p.participant, p.roles, p.gender, p.birth_year, p.municipality, x.alias, COALESCE(x.anonymous, 0)
            FROM directory_participant p LEFT JOIN directory_current_expert x ON x.participant = p.participant
            WHERE p.participant = ? ORDER BY p.position DESC LIMIT 1
            """, arguments: [participant]
        ).map { Person(participant: $0[0], roles: $0[1], gender: $0[2], birthYear: $0[3], municipality: $0[4], expertAlias: $0[5], anonymousExpert: $0[6]) }
    }

    public static func entries(of participant: String, in db: Database) throws -> Entries {
        let attendance = try Int64.fetchAll(db, sql: """
            SELECT MAX(position) FROM sessions_attendance WHERE participant = ? GROUP BY activity, session ORDER BY 1
            """, arguments: [participant])
        let feedback = try Int64.fetchAll(db, sql: "SELECT position FROM feedback_answer WHERE participant = ? ORDER BY position",
                                          arguments: [participant])
        let engagements = try String.fetchAll(db, sql: """
            SELECT engagement FROM directory_engagement WHERE expert = ? AND step = 'agreed' GROUP BY engagement ORDER BY MIN(position)
            """, arguments: [participant])
        return Entries(attendance: attendance, feedback: feedback, engagements: engagements)
    }
}
