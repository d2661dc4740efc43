import Foundation
import Testing

@testable import Ledger

/// The kilometre allowance is data: the binary pays by exactly the table in Rates/, so a rate
/// changed in code rather than in the table fails here.
@Suite struct KilometreAllowanceTests {
    static let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Rates/kilometre-allowance.csv")

    @Test func theBinaryCarriesExactlyTheTableInRates() throws {
        let text = try String(contentsOf: Self.file, encoding: .utf8)
        #expect(EmbeddedRates.files["kilometre-allowance.csv"] == text.trimmingCharacters(in: .newlines),
                "run python3 Tools/schema-check/embed.py after changing Rates/")
        // Read the file on its own, line by line, and compare with what the code reads.
        let rows = text.split(separator: "\n").dropFirst().map { $0.split(separator: ",", maxSplits: 3).map(String.init) }
        #expect(KilometreAllowance.rates.map { [$0.from, $0.to, String($0.centsPerKm)] } == rows.map { Array($0.prefix(3)) })
        #expect(KilometreAllowance.rates.allSatisfy { !$0.source.isEmpty && $0.from <= $0.to })
        // Periods do not overlap: on any day one rate at most is in force.
        for (earlier, later) in zip(KilometreAllowance.rates, KilometreAllowance.rates.dropFirst()) { #expect(earlier.to < later.from) }
    }

    @Test(arguments: [("2024-01-01", 57), ("2024-12-31", 57), ("2025-01-01", 59), ("2025-06-30", 59), ("2026-01-01", 55), ("2026-12-31", 55)])
    func eachDayTakesItsYearsRate(day: String, cents: Int) {
        #expect(KilometreAllowance.rate(on: day)?.centsPerKm == cents)
    }

    @Test func aDayWithoutARateHasNone() {
        #expect(KilometreAllowance.rate(on: "2023-12-31") == nil)
        #expect(KilometreAllowance.rate(on: "2027-01-01") == nil)
    }

    /// Every distance to a tenth of a km, 0.1–300 km, at every rate of the table: the amount is
    /// tenths × cents ÷ 10, rounded half up (amounts are positive, so half away from zero), as
    /// integers compute it — read both from the text a person types and from the number an
    /// event's JSON decodes to.
    @Test func everyDistanceToATenthIsPaidToTheCent() {
        for rate in KilometreAllowance.rates {
            for tenths in 1...3000 {
                let expected = (tenths * rate.centsPerKm + 5) / 10
                let text = "\(tenths / 10).\(tenths % 10)"
                guard let typed = DecimalNumber(text), let decoded = Double(text) else {
                    Issue.record("\(text) does not read")
                    continue
                }
                #expect(KilometreAllowance.cents(kilometres: typed, centsPerKm: rate.centsPerKm) == expected, "\(text) km typed")
                #expect(KilometreAllowance.cents(kilometres: decoded, centsPerKm: rate.centsPerKm) == expected, "\(text) km from JSON")
            }
        }
        // The case that was a cent short: 32.3 × 55 = 1776.5.
        #expect(KilometreAllowance.cents(kilometres: 32.3, centsPerKm: 55) == 1777)
    }

    @Test(arguments: [("32.3", 323, 1), ("32,30", 323, 1), ("5000.0", 5000, 0), ("1e-05", 1, 5), ("0.5", 5, 1), ("007", 7, 0), ("12.25", 1225, 2)])
    func decimalsReadAsWritten(text: String, units: Int, scale: Int) {
        #expect(DecimalNumber(text)?.units == units && DecimalNumber(text)?.scale == scale)
    }

    @Test(arguments: ["", ".", "-1", "1.2.3", "1e99", "abc", "1,2,3", "99999999999999999999"])
    func otherTextIsNoNumber(text: String) {
        #expect(DecimalNumber(text) == nil)
    }

    @Test func roundingIsHalfAwayFromZeroAndNeverTraps() {
        #expect(DecimalNumber("0.5")?.times(1) == 1)
        #expect(DecimalNumber("0.45")?.times(1) == 0)
        #expect(DecimalNumber("2.5")?.times(-1) == -3)
        #expect(DecimalNumber("12.25")?.times(2) == 25)
        #expect(DecimalNumber("900000000000000000")?.times(100) == nil)
    }

    /// The per diems are data too: the binary carries exactly Rates/per-diem.csv.
    @Test func theBinaryCarriesExactlyThePerDiemTable() throws {
        let file = Self.file.deletingLastPathComponent().appendingPathComponent("per-diem.csv")
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(EmbeddedRates.files["per-diem.csv"] == text.trimmingCharacters(in: .newlines),
                "run python3 Tools/schema-check/embed.py after changing Rates/")
        let rows = text.split(separator: "\n").dropFirst().map { $0.split(separator: ",", maxSplits: 4).map(String.init) }
        #expect(PerDiem.rates.map { [$0.from, $0.to, String($0.fullDayCents), String($0.partDayCents)] } == rows.map { Array($0.prefix(4)) })
        #expect(PerDiem.rates.allSatisfy { !$0.source.isEmpty && $0.partDayCents < $0.fullDayCents })
        for (earlier, later) in zip(PerDiem.rates, PerDiem.rates.dropFirst()) { #expect(earlier.to < later.from) }
    }

    @Test(arguments: [("2024-12-31", 5100, 2400), ("2025-01-01", 5300, 2400), ("2026-06-30", 5400, 2500)])
    func eachDayTakesItsYearsPerDiem(day: String, full: Int, part: Int) {
        #expect(PerDiem.rate(on: day)?.cents(.fullDay) == full && PerDiem.rate(on: day)?.cents(.partDay) == part)
    }

    @Test func aPerDiemAboveTheRateIsTaxableAboveIt() {
        #expect(PerDiem.taxableCents(paidCents: 6000, days: 2, kind: .partDay, tripDay: "2026-05-01") == 1000)
        #expect(PerDiem.taxableCents(paidCents: 5000, days: 2, kind: .partDay, tripDay: "2026-05-01") == 0)
        #expect(PerDiem.taxableCents(paidCents: 4000, days: 2, kind: .partDay, tripDay: "2026-05-01") == 0)
        #expect(PerDiem.taxableCents(paidCents: 9000, days: 1, kind: .fullDay, tripDay: "2023-05-01") == 0, "no rate: nothing known taxable")
        #expect(PerDiem.cents(days: 366, centsPerDay: Int.max) == nil)
    }
}
