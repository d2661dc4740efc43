/// The tax-free per diem (päiväraha) for work travel in Finland, by the Tax Administration's
/// yearly decisions: full-day and part-day, a dated table in Rates/per-diem.csv (embedded by
/// Tools/schema-check/embed.py), never a constant in code. A per diem is paid at the rate in
/// force on the day of the trip — the day the work was done.
public enum PerDiem {
    public struct Rate: Sendable, Equatable {
        /// The first and last day it applies, both included.
        public let from: String
        public let to: String
        public let fullDayCents: Int
        public let partDayCents: Int
        /// The decision it comes from.
        public let source: String

        public func cents(_ kind: PerDiemPaid.Kind) -> Int {
            switch kind {
            case .fullDay: fullDayCents
            case .partDay: partDayCents
            }
        }
    }

    /// The table's rows, oldest first.
    public static let rates: [Rate] = parse(EmbeddedRates.files["per-diem.csv"] ?? "")

    /// The rate in force on `day` (YYYY-MM-DD), or nil if the table has none for it.
    public static func rate(on day: String) -> Rate? {
        rates.last { $0.from <= day && day <= $0.to }
    }

    /// Days × the rate per day; nil when that does not fit (the schema bounds both).
    public static func cents(days: Int, centsPerDay: Int) -> Int? {
        let (cents, overflow) = days.multipliedReportingOverflow(by: centsPerDay)
        return overflow ? nil : cents
    }

    /// The part of a per diem above the tax-free rate of the trip's day: taxable wages, reported
    /// apart. Zero at or below the rate, or when the table has no rate for that day.
    public static func taxableCents(paidCents: Int, days: Int, kind: PerDiemPaid.Kind, tripDay: String) -> Int {
        guard let rate = rate(on: tripDay), let taxFree = cents(days: days, centsPerDay: rate.cents(kind)) else { return 0 }
        return max(0, paidCents - taxFree)
    }

    /// Rows `from,to,full_day_cents,part_day_cents,source`; a row that does not read is left out.
    static func parse(_ text: String) -> [Rate] {
        RatesTable.rows(text, columns: 5).compactMap { fields in
            guard let full = Int(fields[2]), let part = Int(fields[3]), fields[0].count == 10, fields[1].count == 10 else { return nil }
            return Rate(from: fields[0], to: fields[1], fullDayCents: full, partDayCents: part, source: fields[4])
        }.sorted { $0.from < $1.from }
    }
}
