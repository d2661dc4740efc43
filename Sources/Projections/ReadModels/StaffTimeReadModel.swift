import GRDB

/// Working time of a project over a period: per staff member and month the hours and their cost,
/// split by activity and by work package; and one person's days for a signed timesheet.
public enum StaffTimeReadModel {
    public struct Entry: Sendable, Equatable {
        public let staffMember: String
        public let date: String
        public let activity: String?
        public let activityName: String?
        /// The activity's work package; nil for time logged without an activity or for an activity without one.
        public let workPackage: String?
        public let hoursHundredths: Int
        public let hourlyCostCents: Int
        public let cents: Int

        public var month: String { String(date.prefix(7)) }
    }

    /// Hours and cost of one group of entries.
    public struct Sum: Sendable, Equatable {
        public var hoursHundredths = 0
        public var cents = 0

        mutating func add(_ entry: Entry) {
            hoursHundredths += entry.hoursHundredths
            cents = cents.addingReportingOverflow(entry.cents).overflow ? Int.max : cents + entry.cents
        }
    }

    public struct Line: Sendable, Equatable {
        public let staffMember: String
        public let month: String
        /// The activity or the work package the line is of, nil for the month's total.
        public let key: String?
        public let sum: Sum
    }

    /// nil if the project has no activity and no time in the read model.
    public static func entries(project: String, from: String, to: String, staffMember: String? = nil, in db: Database) throws -> [Entry]? {
        guard try Bool.fetchOne(db, sql: """
            SELECT EXISTS (SELECT 1 FROM staff_activity WHERE project = ?1) OR EXISTS (SELECT 1 FROM staff_time WHERE project = ?1)
            """, arguments: [project]) == true else { return nil }
        return try Row.fetchAll(db, sql: """
            WITH activity AS (SELECT activity, name, work_package, MAX(position) FROM staff_activity GROUP BY activity)
            SELECT t.staff_member, t.date, t.activity, a.name, a.work_package, t.hours_hundredths, t.hourly_cost_cents, t.cents
            FROM staff_time t LEFT JOIN activity a ON a.activity = t.activity
            WHERE t.project = ?1 AND t.date >= ?2 AND t.date <= ?3 AND (?4 IS NULL OR t.staff_member = ?4)
            ORDER BY t.staff_member, t.date, t.position
            """, arguments: [project, from, to, staffMember]
        ).map { Entry(staffMember: $0[0], date: $0[1], activity: $0[2], activityName: $0[3], workPackage: $0[4], hoursHundredths: $0[5],
                      hourlyCostCents: $0[6], cents: $0[7]) }
    }

    /// Per staff member and month, the entries summed by `key` (nil: the month's total), in order.
    public static func lines(_ entries: [Entry], by key: (Entry) -> String?) -> [Line] {
        var sums: [String: [String: [String?: Sum]]] = [:]
        for entry in entries {
            sums[entry.staffMember, default: [:]][entry.month, default: [:]][key(entry), default: Sum()].add(entry)
        }
        return sums.keys.sorted().flatMap { staff in
            (sums[staff] ?? [:]).keys.sorted().flatMap { month in
                let byKey = sums[staff]?[month] ?? [:]
                return byKey.keys.sorted { ($0 ?? "\u{10FFFF}") < ($1 ?? "\u{10FFFF}") }.map { key in
                    Line(staffMember: staff, month: month, key: key, sum: byKey[key] ?? Sum())
                }
            }
        }
    }

    /// The entries summed by `key` over the whole period, keys in order (nil last).
    public static func totals(_ entries: [Entry], by key: (Entry) -> String?) -> [(key: String?, sum: Sum)] {
        var sums: [String?: Sum] = [:]
        for entry in entries { sums[key(entry), default: Sum()].add(entry) }
        return sums.keys.sorted { ($0 ?? "\u{10FFFF}") < ($1 ?? "\u{10FFFF}") }.map { ($0, sums[$0] ?? Sum()) }
    }
}
