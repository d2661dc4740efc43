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
}
