import GRDB

/// The commitment figures of an activity, from the commitment read model (enrolment steps) and
/// the sessions read model (held sessions and attendance), both brought to the same position.
public enum CommitmentReadModel {
    public struct Figures: Sendable, Equatable {
        public let activity: String
        public let name: String
        public let kind: String
        public let commitment: Commitment
    }

    /// nil if the read models hold no activity with that id.
    public static func figures(of activity: String, in db: Database) throws -> Figures? {
        guard let row = try Row.fetchOne(
            db, sql: "SELECT name, kind FROM sessions_current_activity WHERE activity = ?", arguments: [activity])
        else { return nil }
        let steps = try Array(Row.fetchCursor(db, sql: """
            SELECT participant, step, date, outcome FROM commitment_enrolment_step WHERE activity = ? ORDER BY position
            """, arguments: [activity]
        ).compactMap { row -> Commitment.Step? in
            guard let kind = Commitment.Step.Kind(rawValue: row[1]) else { return nil }
            return Commitment.Step(participant: row[0], kind: kind, date: row[2], outcome: row[3])
        })
        var held: [String: String] = [:]
        try Row.fetchCursor(db, sql: """
            SELECT session, date FROM sessions_session WHERE activity = ? AND status = 'held'
            """, arguments: [activity]).forEach { row in
            held[row[0]] = row[1]
        }
        let present = try Array(Row.fetchCursor(db, sql: """
            SELECT participant, session FROM sessions_current_attendance WHERE activity = ? AND status = 'present'
            """, arguments: [activity]
        ).map { (participant: $0[0] as String, session: $0[1] as String) })
        return Figures(activity: activity, name: row[0], kind: row[1],
                       commitment: Commitment(steps: steps, held: held, present: present))
    }
}
