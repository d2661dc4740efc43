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
        /// Every status change (active, paused or left), in the order recorded.
        public let statusChanges: [StatusChange]

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
        /// fee, travel or per-diem.
        public let kind: String
        public let date: String
        public let cents: Int
        public let kilometresHundredths: Int?
        public let centsPerKm: Int?
        public let ticketCents: Int?
        public let rateReason: String?
        /// A per diem's kind (full-day or part-day) and days.
        public var perDiemKind: String? = nil
        public var days: Int? = nil

        /// The part paid above what is tax-free on the day of the trip (`tripDay`): all of a fee,
        /// which is wages; of kilometres, what the rate paid exceeds the allowance by; of a per
        /// diem, what it exceeds the day's rate by; nothing of tickets.
        public func taxableCents(tripDay: String) -> Int {
            switch kind {
            case "fee":
                return cents
            case "per-diem":
                guard let days, let kind = perDiemKind.flatMap(PerDiemPaid.Kind.init(rawValue:)) else { return 0 }
                return PerDiem.taxableCents(paidCents: cents, days: days, kind: kind, tripDay: tripDay)
            default:
                guard let hundredths = kilometresHundredths, let rate = centsPerKm else { return 0 }
                return KilometreAllowance.taxableCents(paidCents: cents, kilometres: DecimalNumber(units: hundredths, scale: 2),
                                                       centsPerKm: rate, tripDay: tripDay)
            }
        }
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
        /// The day the work was done — the day of the trip — or the agreed day while it is not done.
        public var workDay: String { isCompleted ? doneOn ?? date : date }
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
            SELECT engagement, kind, date, cents, kilometres_hundredths, cents_per_km, ticket_cents, rate_reason, per_diem_kind, days
            FROM directory_payment
            WHERE engagement IN (SELECT engagement FROM directory_engagement WHERE step = 'agreed'
                                 AND (:project IS NULL OR project = :project) AND (:expert IS NULL OR expert = :expert))
            ORDER BY position
            """, arguments: arguments) {
            payments[row[0], default: []].append(Payment(kind: row[1], date: row[2] ?? "", cents: row[3], kilometresHundredths: row[4],
                                                         centsPerKm: row[5], ticketCents: row[6], rateReason: row[7], perDiemKind: row[8],
                                                         days: row[9]))
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
            SELECT x.participant, x.alias, x.anonymous, x.training, x.date
            FROM directory_current_expert x WHERE :expert IS NULL OR x.participant = :expert ORDER BY x.alias, x.participant
            """, arguments: arguments).map { row in
            Expert(participant: row[0], alias: row[1], anonymous: row[2], training: row[3], since: row[4], statusChanges: changes[row[0]] ?? [])
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
        public var ticketCents = 0
        public var perDiemCents = 0
        /// The part of the kilometre allowance and the per diems paid above the tax-free rates of
        /// the trip's day: taxable wages (`Payment.taxableCents`).
        public var taxableTravelCents = 0

        /// Travel costs reimbursed: kilometres, tickets and per diems.
        public var travelCents: Int { kilometreCents + ticketCents + perDiemCents }
        /// Travel reimbursed tax-free: tickets, and kilometres and per diems up to the tax-free rates.
        public var taxFreeTravelCents: Int { travelCents - taxableTravelCents }
        public var isEmpty: Bool { completed == 0 && fees == 0 && kilometreCents == 0 && ticketCents == 0 && perDiemCents == 0 }

        mutating func add(_ other: Month) {
            completed += other.completed
            hoursHundredths += other.hoursHundredths
            feeCents += other.feeCents
            fees += other.fees
            kilometresHundredths += other.kilometresHundredths
            kilometreCents += other.kilometreCents
            taxableTravelCents += other.taxableTravelCents
            ticketCents += other.ticketCents
            perDiemCents += other.perDiemCents
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
                        switch payment.kind {
                        case "fee":
                            month.fees += 1
                            month.feeCents += payment.cents
                        case "per-diem":
                            month.perDiemCents += payment.cents
                            month.taxableTravelCents += payment.taxableCents(tripDay: engagement.workDay)
                        default:
                            if let ticket = payment.ticketCents {
                                month.ticketCents += ticket
                            } else {
                                month.kilometresHundredths += payment.kilometresHundredths ?? 0
                                month.kilometreCents += payment.cents
                                month.taxableTravelCents += payment.taxableCents(tripDay: engagement.workDay)
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

    /// One payment as payroll reports it to the Incomes Register: who, for which engagement, when
    /// it was paid, what it was, the day of the work, the amount and its tax-free and taxable parts.
    public struct PaymentLine: Sendable, Equatable {
        public let expert: Expert
        public let engagement: String
        public let paid: String
        /// fee, travel or per-diem.
        public let kind: String
        public let workDay: String
        public let cents: Int
        public let taxableCents: Int

        public var taxFreeCents: Int { cents - taxableCents }
    }

    /// Every payment standing in `year` (by the day it was paid), in the order paid, then by
    /// expert, the day of the work and the kind.
    public static func payments(_ work: Work, year: Int) -> [PaymentLine] {
        let experts = Dictionary(work.experts.map { ($0.participant, $0) }, uniquingKeysWith: { first, _ in first })
        var lines: [PaymentLine] = []
        for engagement in work.engagements {
            guard let expert = experts[engagement.expert] else { continue }
            for payment in engagement.payments where Self.year(of: payment.date) == year {
                lines.append(PaymentLine(expert: expert, engagement: engagement.engagement, paid: payment.date, kind: payment.kind,
                                         workDay: engagement.workDay, cents: payment.cents,
                                         taxableCents: payment.taxableCents(tripDay: engagement.workDay)))
            }
        }
        let order = ["fee": 0, "travel": 1, "per-diem": 2]
        return lines.sorted {
            ($0.paid, $0.expert.alias, $0.workDay, $0.engagement, order[$0.kind] ?? 3) < ($1.paid, $1.expert.alias, $1.workDay, $1.engagement, order[$1.kind] ?? 3)
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
