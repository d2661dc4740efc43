import GRDB

/// A project's costs and staff time entry by entry, each with the ledger position of its event:
/// what the coordinator's costs page lists, so that an entry recorded by mistake is voided where
/// it is shown. Reads the funder's and the staff-time read models' tables.
public enum ProjectEntriesReadModel {
    public struct Cost: Sendable, Equatable {
        public let position: Int64
        public let date, category: String
        public let cents: Int
    }

    public struct StaffTime: Sendable, Equatable {
        public let position: Int64
        public let date, staffMember: String
        public let activity: String?
        public let hoursHundredths, cents: Int
    }

    /// The project's costs, newest first.
    public static func costs(of project: String, in db: Database) throws -> [Cost] {
        try Row.fetchAll(db, sql: "SELECT position, date, category, cents FROM funder_cost WHERE project = ? ORDER BY date DESC, position DESC",
                         arguments: [project])
            .map { Cost(position: $0[0], date: $0[1], category: $0[2], cents: $0[3]) }
    }

    /// The project's staff time, newest first.
    public static func staffTime(of project: String, in db: Database) throws -> [StaffTime] {
        try Row.fetchAll(db, sql: """
            SELECT position, date, staff_member, activity, hours_hundredths, cents FROM staff_time
            WHERE project = ? ORDER BY date DESC, position DESC
            """, arguments: [project])
            .map { StaffTime(position: $0[0], date: $0[1], staffMember: $0[2], activity: $0[3], hoursHundredths: $0[4], cents: $0[5]) }
    }
}
