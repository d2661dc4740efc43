import EventStore
import Ledger
import GRDB

/// What the experience experts did and were paid, from the directory read model: the expert
/// bank, the fees and travel by month, and the open items the coordinator must see. Loaded once
/// (`load`), worked out by pure functions, so that the money is tested without a database.
public enum ExpertWorkReadModel {
    public struct Expert: Sendable, Equatable {
        public let participant: String
        public let alias: String
        public let anonymous: Bool
        public let training: String
        public let since: String
        /// active, paused or left (active until a change says otherwise).
        public let status: String
        public let statusSince: String
        /// Every status change, in the order recorded.
        public var statusChanges: [StatusChange] = []

        /// The status as it stood at the end of `day`: the latest change dated on or before it
        /// (active since registration until one is).
        public func status(on day: String) -> StatusChange {
            statusChanges.last { $0.date <= day } ?? StatusChange(status: "active", date: since)
        }
    }

    public struct StatusChange: Sendable, Equatable {
        public let status: String
        public let date: String

        public init(status: String, date: String) {
            self.status = status
            self.date = date
        }
    }

    public struct Payment: Sendable, Equatable {
        public let kind: String
        public let date: String
        public let cents: Int
        public let kilometresHundredths: Int?
        public let centsPerKm: Int?
        public let ticketCents: Int?
        public let rateReason: String?
    }

    public struct Engagement: Sendable, Equatable {
        public let engagement: String
        public let expert: String
        public let project: String
        public let kind: String
        /// The day of the work, as agreed.
        public let date: String
        public let inPerson: Bool
        public let agreedFeeCents: Int
        /// completed, cancelled, or nil while agreed.
        public let outcome: String?
        public let doneOn: String?
        public let hoursHundredths: Int?
        /// The payments that stand (voided ones are gone from the read model).
        public let payments: [Payment]

        public var isCompleted: Bool { outcome == "completed" }
    }

    public struct Work: Sendable {
        public let experts: [Expert]
        public let engagements: [Engagement]
    }

    // MARK: - Loading

    public static func load(project: String? = nil, expert: String? = nil, in db: Database) throws -> Work {
        let arguments: StatementArguments = ["project": project, "expert": expert]
        let engagementRows = try Row.fetchAll(db, sql: """
            WITH agreed AS (
                SELECT engagement, expert, project, kind, date, fee_cents, mode, MAX(position) FROM directory_engagement
                WHERE step = 'agreed' GROUP BY engagement),
            outcome AS (
                SELECT engagement, step, date, hours_hundredths, MAX(position) FROM directory_engagement WHERE step != 'agreed' GROUP BY engagement)
            SELECT a.engagement, a.expert, a.project, a.kind, a.date, a.mode, a.fee_cents, o.step, o.date, o.hours_hundredths
            FROM agreed a LEFT JOIN outcome o ON o.engagement = a.engagement
            WHERE (:project IS NULL OR a.project = :project) AND (:expert IS NULL OR a.expert = :expert)
            ORDER BY a.date, a.engagement
            """, arguments: arguments)
        var payments: [String: [Payment]] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT engagement, kind, date, cents, kilometres_hundredths, cents_per_km, ticket_cents, rate_reason FROM directory_payment
            WHERE engagement IN (SELECT engagement FROM directory_engagement WHERE step = 'agreed'
                                 AND (:project IS NULL OR project = :project) AND (:expert IS NULL OR expert = :expert))
            ORDER BY position
            """, arguments: arguments) {
            payments[row[0], default: []].append(Payment(kind: row[1], date: row[2] ?? "", cents: row[3], kilometresHundredths: row[4],
                                                         centsPerKm: row[5], ticketCents: row[6], rateReason: row[7]))
        }
        let engagements = engagementRows.map { row in
            Engagement(engagement: row[0], expert: row[1], project: row[2], kind: row[3], date: row[4], inPerson: (row[5] as String?) != "remote",
                       agreedFeeCents: row[6] ?? 0, outcome: row[7], doneOn: row[8], hoursHundredths: row[9], payments: payments[row[0]] ?? [])
        }
        let engaged = Set(engagements.map(\.expert))
        var changes: [String: [StatusChange]] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT participant, status, date FROM directory_expert_status WHERE :expert IS NULL OR participant = :expert ORDER BY position
            """, arguments: arguments) {
            changes[row[0], default: []].append(StatusChange(status: row[1], date: row[2]))
        }
        let experts = try Row.fetchAll(db, sql: """
            SELECT x.participant, x.alias, x.anonymous, x.training, x.date,
                   (SELECT status FROM directory_expert_status s WHERE s.participant = x.participant ORDER BY position DESC LIMIT 1),
                   (SELECT date FROM directory_expert_status s WHERE s.participant = x.participant ORDER BY position DESC LIMIT 1)
            FROM directory_current_expert x WHERE :expert IS NULL OR x.participant = :expert ORDER BY x.alias, x.participant
            """, arguments: arguments).map { row in
            Expert(participant: row[0], alias: row[1], anonymous: row[2], training: row[3], since: row[4], status: row[5] ?? "active",
                   statusSince: row[6] ?? row[4], statusChanges: changes[row[0]] ?? [])
        }.filter { project == nil || engaged.contains($0.participant) }
        return Work(experts: experts, engagements: engagements)
    }

    // MARK: - The expert bank

    public struct BankRow: Sendable, Equatable {
        public let expert: Expert
        /// The status at the end of the year, and the day it was set.
        public let status: StatusChange
        /// The kinds of work the expert had completed by the end of the year, in any year.
        public let kinds: [String]
        public let completedInYear: Int
        public let hoursInYear: Int
        public let lastEngagement: String?
    }

    /// The bank as it stood at the end of `year`, by the events' own days: the experts registered
    /// by then, each with their status then, and the work done up to then (a later engagement, a
    /// later registration or a later status change is not in it).
    public static func bank(_ work: Work, year: Int) -> [BankRow] {
        let end = "\(year)-12-31"
        return work.experts.filter { $0.since <= end }.map { expert in
            let done = work.engagements.filter { engagement in
                engagement.expert == expert.participant && engagement.isCompleted && (engagement.doneOn.map { $0 <= end } ?? false)
            }
            let inYear = done.filter { Self.year(of: $0.doneOn) == year }
            return BankRow(expert: expert, status: expert.status(on: end), kinds: Array(Set(done.map(\.kind))).sorted(),
                           completedInYear: inYear.count, hoursInYear: inYear.reduce(0) { $0 + ($1.hoursHundredths ?? 0) },
                           lastEngagement: done.compactMap(\.doneOn).max())
        }
    }

    // MARK: - Fees and travel

    /// One expert's month: the work completed in it (by the day it was done) and the money paid
    /// in it (by the day it was paid, as payroll and the incomes register count it).
    public struct Month: Sendable, Equatable {
        public let month: String
        public var completed = 0
        public var hoursHundredths = 0
        public var feeCents = 0
        public var fees = 0
        public var kilometresHundredths = 0
        public var kilometreCents = 0
        /// The part of the kilometre allowance paid above the tax-free rate of the trip's day:
        /// taxable wages (`KilometreAllowance.taxableCents`).
        public var taxableTravelCents = 0
        public var ticketCents = 0

        public var travelCents: Int { kilometreCents + ticketCents }
        /// Travel reimbursed tax-free: tickets, and kilometres up to the allowance.
        public var taxFreeTravelCents: Int { travelCents - taxableTravelCents }
        public var isEmpty: Bool { completed == 0 && fees == 0 && kilometreCents == 0 && ticketCents == 0 }

        mutating func add(_ other: Month) {
            completed += other.completed
            hoursHundredths += other.hoursHundredths
            feeCents += other.feeCents
            fees += other.fees
            kilometresHundredths += other.kilometresHundredths
            kilometreCents += other.kilometreCents
            taxableTravelCents += other.taxableTravelCents
            ticketCents += other.ticketCents
        }
    }

    public struct ExpertYear: Sendable, Equatable {
        public let expert: Expert
        public let months: [Month]
        public let total: Month
    }

    public static func fees(_ work: Work, year: Int) -> [ExpertYear] {
        work.experts.compactMap { expert in
            var months: [String: Month] = [:]
            func touch(_ day: String?, _ change: (inout Month) -> Void) {
                guard let day, Self.year(of: day) == year else { return }
                let key = String(day.prefix(7))
                var month = months[key] ?? Month(month: key)
                change(&month)
                months[key] = month
            }
            for engagement in work.engagements where engagement.expert == expert.participant {
                if engagement.isCompleted {
                    touch(engagement.doneOn) { $0.completed += 1; $0.hoursHundredths += engagement.hoursHundredths ?? 0 }
                }
                for payment in engagement.payments {
                    touch(payment.date) { month in
                        if payment.kind == "fee" {
                            month.fees += 1
                            month.feeCents += payment.cents
                        } else if let ticket = payment.ticketCents {
                            month.ticketCents += ticket
                        } else {
                            month.kilometresHundredths += payment.kilometresHundredths ?? 0
                            month.kilometreCents += payment.cents
                            if let hundredths = payment.kilometresHundredths, let rate = payment.centsPerKm {
                                month.taxableTravelCents += KilometreAllowance.taxableCents(
                                    paidCents: payment.cents, kilometres: DecimalNumber(units: hundredths, scale: 2), centsPerKm: rate,
                                    tripDay: engagement.doneOn ?? engagement.date)
                            }
                        }
                    }
                }
            }
            let ordered = months.values.filter { !$0.isEmpty }.sorted { $0.month < $1.month }
            guard !ordered.isEmpty else { return nil }
            var total = Month(month: String(year))
            ordered.forEach { total.add($0) }
            return ExpertYear(expert: expert, months: ordered, total: total)
        }
    }

    // MARK: - Open items

    public struct OpenItem: Sendable, Equatable {
        /// fee-missing, travel-missing, or overdue (agreed, its day past, neither completed nor cancelled).
        public let item: String
        public let engagement: String
        public let expert: String
        /// The day the age counts from: when the work was done, or the agreed day.
        public let since: String
        public let ageDays: Int
    }

    /// What is open at the end of `day`, judged by the events' own days, so that a past day reads
    /// as it stood then: completed work (done on or before the day) without a fee paid on or
    /// before it, in-person work without travel paid by then, and agreed work whose day is past
    /// (the day after it, not the day itself) and that was neither done nor cancelled by then.
    public static func openItems(_ work: Work, on day: String) -> [OpenItem] {
        guard let today = Self.dayNumber(day) else { return [] }
        var items: [OpenItem] = []
        for engagement in work.engagements {
            let age = { (since: String) in Self.dayNumber(since).map { today - $0 } ?? 0 }
            let settledBy = engagement.doneOn.map { $0 <= day } ?? false
            let paidBy = { (kind: String) in engagement.payments.contains { $0.kind == kind && $0.date <= day } }
            if engagement.isCompleted, settledBy, let done = engagement.doneOn {
                if !paidBy("fee") {
                    items.append(OpenItem(item: "fee-missing", engagement: engagement.engagement, expert: engagement.expert, since: done, ageDays: age(done)))
                }
                if engagement.inPerson && !paidBy("travel") {
                    items.append(OpenItem(item: "travel-missing", engagement: engagement.engagement, expert: engagement.expert, since: done, ageDays: age(done)))
                }
            } else if !settledBy, engagement.date < day {
                items.append(OpenItem(item: "overdue", engagement: engagement.engagement, expert: engagement.expert, since: engagement.date,
                                      ageDays: age(engagement.date)))
            }
        }
        return items.sorted { ($0.ageDays, $0.engagement, $0.item) > ($1.ageDays, $1.engagement, $1.item) }
    }

    // MARK: - Days

    static func year(of day: String?) -> Int? { day.flatMap { Int($0.prefix(4)) } }

    /// Days since 1970-01-01 of a YYYY-MM-DD day, nil if it is not a day of the calendar.
    public static func dayNumber(_ day: String) -> Int? {
        guard day.count == 10, let start = try? Timestamp(rfc3339: day + "T00:00:00Z") else { return nil }
        return Int(start.microsecondsSinceEpoch / 86_400_000_000)
    }
}
