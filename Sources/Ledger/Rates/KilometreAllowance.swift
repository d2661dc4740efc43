/// The tax-free kilometre allowance for one's own car, by the Tax Administration's yearly
/// decisions: a dated table in Rates/kilometre-allowance.csv (embedded by
/// Tools/schema-check/embed.py), never a constant in code and never typed by hand at a payment.
public enum KilometreAllowance {
    public struct Rate: Sendable, Equatable {
        /// The first and last day it applies, both included.
        public let from: String
        public let to: String
        public let centsPerKm: Int
        /// The decision it comes from.
        public let source: String
    }

    /// The table's rows, oldest first.
    public static let rates: [Rate] = parse(EmbeddedRates.files["kilometre-allowance.csv"] ?? "")

    /// The rate in force on `day` (YYYY-MM-DD), or nil if the table has none for it. A trip is
    /// paid at the rate of the day it was made — the day the work was done — whenever the work
    /// was agreed: the Tax Administration's decision covers the trips made in its year.
    public static func rate(on day: String) -> Rate? {
        rates.last { $0.from <= day && day <= $0.to }
    }

    /// Kilometres at a rate in cents per km, rounded to the cent (half away from zero): what a
    /// trip's reimbursement must be. Computed in integers from the distance as it was written
    /// (`DecimalNumber`): 32.3 km at 55 c is 1777 cents. Nil when that is no amount at all (a
    /// distance beyond any trip, which the schemas bound), so that nothing traps converting it.
    public static func cents(kilometres: DecimalNumber, centsPerKm: Int) -> Int? {
        guard let cents = kilometres.times(centsPerKm), cents.magnitude <= 1_000_000_000_000 else { return nil }
        return cents
    }

    /// The part of a trip's reimbursement above the tax-free allowance in force on the day of the
    /// trip: taxable wages, reported apart. Zero when the rate paid is at or below the allowance,
    /// or when the table has no rate for that day.
    public static func taxableCents(paidCents: Int, kilometres: DecimalNumber, centsPerKm: Int, tripDay: String) -> Int {
        guard let allowance = rate(on: tripDay), centsPerKm > allowance.centsPerKm,
              let taxFree = cents(kilometres: kilometres, centsPerKm: allowance.centsPerKm) else { return 0 }
        return max(0, paidCents - taxFree)
    }

    /// The same for a distance read from an event's JSON.
    public static func cents(kilometres: Double, centsPerKm: Int) -> Int? {
        DecimalNumber(kilometres).flatMap { cents(kilometres: $0, centsPerKm: centsPerKm) }
    }

    /// Rows `from,to,cents_per_km,source`; a row that does not read is left out.
    static func parse(_ text: String) -> [Rate] {
        RatesTable.rows(text, columns: 4).compactMap { fields in
            guard let cents = Int(fields[2]), fields[0].count == 10, fields[1].count == 10 else { return nil }
            return Rate(from: fields[0], to: fields[1], centsPerKm: cents, source: fields[3])
        }.sorted { $0.from < $1.from }
    }
}
