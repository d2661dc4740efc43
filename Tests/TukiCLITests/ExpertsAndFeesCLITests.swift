import Foundation
import GRDB
import Testing

/// Experts, fees and working time through the binary: the kilometre allowance taken from the
/// table, the expert's status, and an anonymous expert's name and identity code kept out of
/// every report but the payroll view.
@Suite struct ExpertsAndFeesCLITests {
    typealias Recording = EverydayRecordingCLITests

    static let name = "Zyxanon Qwertyssön"
    static let identityCode = "010190-987X"

    /// A project from 2023 to 2027, an anonymous expert with a sealed name and identity code, and
    /// an engagement completed on 1 May of each year 2023–2026 (the table has no rate for 2023).
    static func programme() throws -> (ws: Workspace, project: String, expert: String, engagements: [Int: String]) {
        let ws = try Workspace()
        try ws.tuki(["init"])
        let project = try Recording.id(ws, ["project", "register", "--code", "S1", "--name", "Hanke", "--funder", "STEA", "--start", "2023-01-01",
                                            "--end", "2027-12-31", "--cost-model", "real-costs", "--self-financing", "0"])
        let activity = try Recording.id(ws, ["activity", "create", "--project", project, "--name", "Ryhmä", "--kind", "closed-peer-group",
                                             "--target-group", "parents", "--municipality", "Forssa", "--work-package", "TP1", "--date", "2023-01-10"])
        let expert = try Recording.id(ws, ["participant", "register", "--name", name, "--birth-date", "1990-01-01", "--gender", "woman",
                                           "--municipality", "Forssa", "--identity-code", identityCode, "--date", "2023-01-05"])
        try Recording.id(ws, ["expert", "register", expert, "--alias", "Kumppani Q", "--anonymous", "--training", "trained", "--date", "2023-01-06"])
        var engagements: [Int: String] = [:]
        for year in 2023...2026 {
            let engagement = try Recording.id(ws, ["engagement", "agree", "--expert", expert, "--project", project, "--activity", activity,
                                                   "--kind", "co-facilitating-peer-group", "--date", "\(year)-05-01", "--hours", "3", "--fee", "90"])
            try Recording.id(ws, ["engagement", "complete", engagement, "--hours", "3", "--date", "\(year)-05-01"])
            engagements[year] = engagement
        }
        try Recording.id(ws, ["staff", "log-time", "--staff", "staff-01", "--project", project, "--activity", activity, "--date", "2026-05-01",
                              "--hours", "7.5", "--hourly-cost", "32.50"])
        return (ws, project, expert, engagements)
    }

    @Test func travelByKilometresTakesTheRateInForceOnTheDayTheWorkWasDone() throws {
        let p = try Self.programme()
        // Paid in 2026 for work of each year: the work's year decides the rate.
        for (year, cents) in [(2024, 570), (2025, 590), (2026, 550)] {
            let result = try p.ws.tuki(["pay", "travel", p.engagements[year] ?? "", "--km", "10", "--date", "2026-06-01"])
            #expect(result.status == 0, "\(year): \(result.stderr)")
            #expect(result.stderr.contains("Kilometre allowance on \(year)-05-01"))
        }
        let travel = try Recording.events(p.ws, "travel.reimbursed")
        #expect(travel.map { $0.data["centsPerKm"] as? Int } == [57, 59, 55])
        #expect(travel.map { $0.data["amountCents"] as? Int } == [570, 590, 550])

        // Kilometres beyond any trip are refused with a sentence; before, converting their amount trapped.
        let huge = try p.ws.tuki(["pay", "travel", p.engagements[2023] ?? "", "--km", "1e300", "--rate", "0.50", "--reason", "test"])
        #expect(huge.status == 2 && huge.stderr.contains("--km is more than any trip"))

        // 2023 has no rate in the table: a sentence, nothing recorded.
        let missing = try p.ws.tuki(["pay", "travel", p.engagements[2023] ?? "", "--km", "10", "--date", "2023-06-01"])
        #expect(missing.status == 2 && missing.stderr.contains("has no rate for 2023") && missing.stderr.contains("Rates/kilometre-allowance.csv"))
        let noReason = try p.ws.tuki(["pay", "travel", p.engagements[2023] ?? "", "--km", "10", "--rate", "0.50"])
        #expect(noReason.status == 2 && noReason.stderr.contains("--rate needs --reason"))
        try Recording.id(p.ws, ["pay", "travel", p.engagements[2023] ?? "", "--km", "10", "--rate", "0.50",
                                "--reason", "the 2023 decision is not in the table", "--date", "2023-06-01"])
        let last = try #require(try Recording.events(p.ws, "travel.reimbursed").last)
        #expect(last.data["centsPerKm"] as? Int == 50 && last.data["rateReason"] as? String == "the 2023 decision is not in the table")
    }

    /// Work agreed for 30.12.2025 and done on 2.1.2026: the trip was made in 2026, so 2026's rate
    /// (55 c) applies, to the cent on a half-cent tie (32.3 km × 55 = 1776.5 → 1777). A rate above
    /// the allowance is paid with a reason, and the fees report shows the part above it as taxable.
    @Test func travelIsPaidAtTheRateOfTheTripsDayAndAHigherRateIsPartlyTaxable() throws {
        let p = try Self.programme()
        var engagements: [String] = []
        for _ in 0..<2 {
            let engagement = try Recording.id(p.ws, ["engagement", "agree", "--expert", p.expert, "--project", p.project, "--kind", "writing",
                                                     "--date", "2025-12-30", "--hours", "2", "--fee", "60"])
            try Recording.id(p.ws, ["engagement", "complete", engagement, "--hours", "2", "--date", "2026-01-02"])
            engagements.append(engagement)
        }
        let paid = try p.ws.tuki(["pay", "travel", engagements[0], "--km", "32.3", "--date", "2026-01-20"])
        #expect(paid.status == 0 && paid.stderr.contains("Kilometre allowance on 2026-01-02"), "\(paid.stderr)")
        try Recording.id(p.ws, ["pay", "travel", engagements[1], "--km", "32,3", "--rate", "0.59", "--reason", "the association's own rate",
                                "--date", "2026-01-20"])
        let travel = try Recording.events(p.ws, "travel.reimbursed").suffix(2)
        #expect(travel.map { $0.data["centsPerKm"] as? Int } == [55, 59])
        #expect(travel.map { $0.data["amountCents"] as? Int } == [1777, 1906])
        let report = try p.ws.tuki(["report", "fees", "--year", "2026", "--format", "json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any])
        let tables = try #require(json["tables"] as? [String: Any])
        let january = try #require((tables["months"] as? [[String: Any]])?.first { $0["month"] as? String == "2026-01" })
        // 32.3 km at the allowance is 1777 cents tax-free in each; 1906 − 1777 = 129 above it.
        #expect(january["kilometre_cents"] as? Int == 3683 && january["travel_taxable_cents"] as? Int == 129)
        #expect(january["travel_tax_free_cents"] as? Int == 3554)
    }

    /// A per diem at the part-day rate of the work's year, another above the rate with a reason;
    /// the fees report lists every payment of the year with its day, kind, work day and its
    /// tax-free and taxable parts, as payroll reports each to the Incomes Register.
    @Test func perDiemsArePaidAtTheYearsRateAndEveryPaymentIsListed() throws {
        let p = try Self.programme()
        let paid = try p.ws.tuki(["pay", "per-diem", p.engagements[2026] ?? "", "--kind", "part-day", "--date", "2026-05-20"])
        #expect(paid.status == 0 && paid.stderr.contains("Per diem (part-day) on 2026-05-01: 25.00 € a day"), "\(paid.stderr)")
        try Recording.id(p.ws, ["pay", "per-diem", p.engagements[2025] ?? "", "--kind", "part-day", "--days", "2", "--rate", "30",
                                "--reason", "the association's own rate", "--date", "2026-05-20"])
        try Recording.refusal(p.ws, ["pay", "per-diem", p.engagements[2026] ?? "", "--kind", "full-day", "--date", "2026-05-21"],
                              rule: "per-diem.paid-once")
        let noRate = try p.ws.tuki(["pay", "per-diem", p.engagements[2023] ?? "", "--kind", "full-day"])
        #expect(noRate.status == 2 && noRate.stderr.contains("Rates/per-diem.csv"))
        try Recording.id(p.ws, ["pay", "fee", p.engagements[2026] ?? "", "--amount", "90", "--date", "2026-05-15"])
        let perDiems = try Recording.events(p.ws, "per-diem.paid")
        #expect(perDiems.map { $0.data["amountCents"] as? Int } == [2500, 6000])

        let report = try p.ws.tuki(["report", "fees", "--year", "2026", "--format", "json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any])
        let tables = try #require(json["tables"] as? [String: Any])
        let payments = try #require(tables["payments"] as? [[String: Any]])
        #expect(payments.map { "\($0["paid"] ?? "") \($0["kind"] ?? "") \($0["work_day"] ?? "") \($0["cents"] ?? "") \($0["tax_free_cents"] ?? "") \($0["taxable_cents"] ?? "")" }
            == ["2026-05-15 fee 2026-05-01 9000 0 9000",
                // 2 days × 30 € on work of 2025, whose part-day rate was 24 €: 12 € above it.
                "2026-05-20 per-diem 2025-05-01 6000 4800 1200",
                "2026-05-20 per-diem 2026-05-01 2500 2500 0"])
        let total = try #require((tables["totals"] as? [[String: Any]])?.first)
        #expect(total["per_diem_cents"] as? Int == 8500 && total["travel_cents"] as? Int == 8500 && total["travel_taxable_cents"] as? Int == 1200)
    }

    @Test func anAnonymousExpertIsNamedInThePayrollViewAloneAndEachOpeningIsLogged() throws {
        let p = try Self.programme()
        try Recording.id(p.ws, ["pay", "fee", p.engagements[2026] ?? "", "--amount", "90", "--date", "2026-05-15"])
        try Recording.refusal(p.ws, ["expert", "status", p.project.replacingOccurrences(of: "project-", with: "p-"), "--status", "paused"],
                              rule: "expert.registered-first")
        try Recording.id(p.ws, ["expert", "status", p.expert, "--status", "paused", "--date", "2026-09-01"])

        let reports: [[String]] = [
            ["report", "experts", "--year", "2026"], ["report", "fees", "--year", "2026", "--on", "2026-12-31"],
            ["report", "fees", "--year", "2026", "--expert", p.expert, "--on", "2026-12-31"],
            ["report", "staff-time", "--project", p.project, "--period", "2026-01-01..2026-12-31"],
            ["report", "staff-time", "--project", p.project, "--period", "2026-05-01..2026-05-31", "--timesheet", "staff-01"],
            ["report", "stea", "--project", p.project, "--year", "2026"],
            ["report", "esr", "--project", p.project, "--period", "2026-01-01..2026-12-31"],
            ["report", "sessions"], ["list", "experts"], ["list", "engagements"], ["list", "participants"],
        ]
        var everything = Data()
        for arguments in reports {
            for format in ["table", "md", "csv", "json", "html"] {
                let result = try p.ws.tuki(arguments + ["--format", format])
                #expect(result.status == 0, "\(arguments) \(format): \(result.stderr)")
                everything.append(Data(result.stdout.utf8))
            }
        }
        let bank = try p.ws.tuki(["report", "experts", "--year", "2026", "--format", "csv", "--csv-standard"]).stdout
        #expect(bank.contains("Kumppani Q,paused,2026-09-01"))
        for secret in [Self.name, Self.identityCode, "Zyxanon", "987X"] {
            #expect(everything.range(of: Data(secret.utf8)) == nil, "\(secret) is in a report")
        }
        #expect(try Self.readings(p.ws).isEmpty, "no report but the payroll view opens anything")

        let payroll = try p.ws.tuki(["report", "fees", "--year", "2026", "--on", "2026-12-31", "--payroll", "--purpose", "palkanmaksu 5/2026",
                                     "--format", "csv", "--csv-standard"])
        #expect(payroll.status == 0, "\(payroll.stderr)")
        #expect(payroll.stdout.contains(Self.name) && payroll.stdout.contains(Self.identityCode))
        #expect(try Self.readings(p.ws) == ["palkanmaksu 5/2026"])
        let noPurpose = try p.ws.tuki(["report", "fees", "--year", "2026", "--payroll"])
        #expect(noPurpose.status == 2)
        // A year without the expert's work or money: they stand only under the open items (their
        // unpaid fees), where no name is shown, so nothing is opened and no reading is logged.
        let openOnly = try p.ws.tuki(["report", "fees", "--year", "2022", "--on", "2026-12-31", "--payroll", "--purpose", "tarkistus",
                                      "--format", "csv", "--csv-standard"])
        #expect(openOnly.status == 0 && openOnly.stdout.contains("fee-missing") && !openOnly.stdout.contains(Self.name))
        #expect(try Self.readings(p.ws) == ["palkanmaksu 5/2026"])
    }

    /// The purposes of the readings logged, oldest first.
    static func readings(_ ws: Workspace) throws -> [String] {
        try Recording.events(ws, "access.logged").compactMap { $0.data["purpose"] as? String }
    }
}
