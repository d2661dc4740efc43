import EventStore
import Foundation
import Ledger
import Projections
import Reports
import Testing
import Vocabulary

/// The expert bank, fees and open items against figures worked out by hand.
///
///     e-1  in person, done 2025-12-30 (3 h)   fee 90.00 and 40 km × 0.59 = 23.60 paid 2026-01-10
///     e-2  in person, done 2026-02-03 (2 h)   fee 60.00 paid 2026-02-20, voided; 65.00 paid 2026-02-25;
///                                              tickets 12.80 paid 2026-02-25
///     e-3  remote,    done 2026-03-10 (1.5 h) no fee                                   → fee-missing
///     e-4  in person, done 2026-03-31 (2 h)   fee 60.00 and 30 km × 0.55 = 16.50 paid 2026-04-15
///     e-5  in person, agreed for 2026-04-20, nothing since                             → overdue from 04-21
///     e-6  in person, done 2026-04-01 (2 h)   fee 50.00 paid 2026-04-15, no travel     → travel-missing
///     p-ex paused on 2026-05-01
///
/// 2026: January fee 90.00, 40 km 23.60; February 1 done (2 h), fee 65.00, tickets 12.80; March 2
/// done (3.5 h); April 1 done (2 h), fees 110.00, 30 km 16.50. The year: 4 done, 7.5 h, 4 fees
/// 265.00, 70 km 40.10, tickets 12.80, travel 52.90. 2025: December 1 done (3 h), no money.
@Suite struct ExpertWorkTests {
    static let expert = "p-ex"

    func history() throws -> HandHistory {
        var history = try HandHistory(projectStart: "2025-01-01")
        try history.participant(Self.expert, born: 1990)
        try history.add("participant-p-ex", "expert.registered", #"{"participant":"p-ex","alias":"Kumppani X","anonymous":true,"training":"trained","date":"2025-06-01"}"#)
        func engagement(_ id: String, _ day: String, fee: Int, remote: Bool = false, hours: String?) throws {
            try history.add("engagement-\(id)", "engagement.agreed", #"{"engagement":"\#(id)","expert":"p-ex","project":"project-hand","kind":"\#(remote ? "writing" : "co-facilitating-peer-group")","date":"\#(day)","plannedHours":2,"agreedFeeCents":\#(fee),"mode":"\#(remote ? "remote" : "in-person")"}"#)
            if let hours {
                try history.add("engagement-\(id)", "engagement.completed", #"{"engagement":"\#(id)","date":"\#(day)","hours":\#(hours)}"#)
            }
        }
        func fee(_ id: String, _ day: String, _ cents: Int, reason: String? = nil) throws -> String {
            try history.add("engagement-\(id)", "fee.paid", #"{"engagement":"\#(id)","date":"\#(day)","amountCents":\#(cents)\#(reason.map { #","reason":"\#($0)""# } ?? "")}"#)
        }
        try engagement("e-1", "2025-12-30", fee: 9000, hours: "3")
        _ = try fee("e-1", "2026-01-10", 9000)
        try history.add("engagement-e-1", "travel.reimbursed", #"{"engagement":"e-1","date":"2026-01-10","kilometres":40,"centsPerKm":59,"amountCents":2360}"#)
        try engagement("e-2", "2026-02-03", fee: 6000, hours: "2")
        let mistaken = try fee("e-2", "2026-02-20", 6000)
        try history.void(mistaken, on: "engagement-e-2")
        _ = try fee("e-2", "2026-02-25", 6500, reason: "the session ran over")
        try history.add("engagement-e-2", "travel.reimbursed", #"{"engagement":"e-2","date":"2026-02-25","ticketCents":1280,"amountCents":1280}"#)
        try engagement("e-3", "2026-03-10", fee: 4000, remote: true, hours: "1.5")
        try engagement("e-4", "2026-03-31", fee: 6000, hours: "2")
        _ = try fee("e-4", "2026-04-15", 6000)
        try history.add("engagement-e-4", "travel.reimbursed", #"{"engagement":"e-4","date":"2026-04-15","kilometres":30,"centsPerKm":55,"amountCents":1650}"#)
        try engagement("e-5", "2026-04-20", fee: 6000, hours: nil)
        try engagement("e-6", "2026-04-01", fee: 5000, hours: "2")
        _ = try fee("e-6", "2026-04-15", 5000)
        try history.add("participant-p-ex", "expert.status-changed", #"{"participant":"p-ex","status":"paused","date":"2026-05-01"}"#)
        return history
    }

    func work() throws -> (ExpertWorkReadModel.Work, LedgerStamp) {
        let (readModels, stamp) = try history().readModels()
        return (try readModels.read { try ExpertWorkReadModel.load(in: $0) }, stamp)
    }

    @Test func feesCountWorkWhenDoneAndMoneyWhenPaidAcrossTheYearBoundary() throws {
        let (work, stamp) = try work()
        let year = try #require(ExpertWorkReadModel.fees(work, year: 2026).first)
        #expect(year.months.map(\.month) == ["2026-01", "2026-02", "2026-03", "2026-04"])
        let months = Dictionary(uniqueKeysWithValues: year.months.map { ($0.month, $0) })
        #expect(months["2026-01"]?.completed == 0 && months["2026-01"]?.feeCents == 9000)
        #expect(months["2026-01"]?.kilometresHundredths == 4000 && months["2026-01"]?.kilometreCents == 2360)
        // The voided fee is gone; the one paid again counts on its own day.
        #expect(months["2026-02"]?.fees == 1 && months["2026-02"]?.feeCents == 6500 && months["2026-02"]?.ticketCents == 1280)
        #expect(months["2026-03"]?.completed == 2 && months["2026-03"]?.hoursHundredths == 350 && months["2026-03"]?.feeCents == 0)
        #expect(months["2026-04"]?.fees == 2 && months["2026-04"]?.feeCents == 11000 && months["2026-04"]?.kilometreCents == 1650)
        let total = year.total
        #expect([total.completed, total.hoursHundredths, total.fees, total.feeCents, total.kilometresHundredths, total.kilometreCents,
                 total.ticketCents, total.travelCents] == [4, 750, 4, 26500, 7000, 4010, 1280, 5290] as [Int])
        let earlier = try #require(ExpertWorkReadModel.fees(work, year: 2025).first)
        #expect(earlier.months.map(\.month) == ["2025-12"] && earlier.total.completed == 1 && earlier.total.hoursHundredths == 300)
        #expect(earlier.total.feeCents == 0 && earlier.total.travelCents == 0)

        let report = FeesReport.make([year], openItems: [], experts: work.experts, year: 2026, on: "2026-12-31", project: nil, payees: nil,
                                     language: .en, stamp: stamp)
        let totals = try #require(report.tables.first { $0.key == "totals" }?.rows.first)
        #expect(Array(totals).contains(.cents(26500)) && Array(totals).contains(.cents(5290)))
        #expect(report.tables.first { $0.key == "totals" }?.columns.contains { $0.key == "name" } == false)
    }

    @Test(arguments: [
        // The day the open items are judged on, and what is open then with its age in days.
        ("2026-04-20", ["fee-missing e-3 41", "travel-missing e-6 19"]),
        ("2026-04-21", ["fee-missing e-3 42", "travel-missing e-6 20", "overdue e-5 1"]),
        // e-4 was done on 31.3. and paid on 15.4.: on its day, fee and travel are still open.
        ("2026-03-31", ["fee-missing e-3 21", "fee-missing e-4 0", "travel-missing e-4 0"]),
        ("2026-03-10", ["fee-missing e-3 0"]),
        ("2026-03-09", [String]()),
    ])
    func openItemsOnExactDayBoundaries(day: String, expected: [String]) throws {
        let (work, _) = try work()
        let items = ExpertWorkReadModel.openItems(work, on: day).map { "\($0.item) \($0.engagement) \($0.ageDays)" }
        #expect(Set(items) == Set(expected))
    }

    @Test func theBankShowsTheYearsWorkAndTheLatestStatus() throws {
        let (work, stamp) = try work()
        let row = try #require(ExpertWorkReadModel.bank(work, year: 2026).first)
        #expect(row.expert.alias == "Kumppani X" && row.status == .init(status: "paused", date: "2026-05-01"))
        #expect(row.completedInYear == 4 && row.hoursInYear == 750 && row.lastEngagement == "2026-04-01")
        #expect(row.kinds == ["co-facilitating-peer-group", "writing"])
        #expect(ExpertWorkReadModel.bank(work, year: 2025).first?.completedInYear == 1)
        let report = ExpertBankReport.make([row], year: 2026, project: nil, language: .en, stamp: stamp)
        #expect(report.tables.first?.rows.first?[2] == .coded(code: "paused", label: "paused"))
    }

    /// An engagement agreed for 31.3., done 3.4. and paid 20.4., and one agreed for 31.3. and
    /// cancelled 5.4., each judged on the days around their events.
    @Test(arguments: [
        ("2026-03-31", [String]()),
        ("2026-04-01", ["overdue e-a 1", "overdue e-c 1"]),
        ("2026-04-02", ["overdue e-a 2", "overdue e-c 2"]),
        ("2026-04-03", ["fee-missing e-a 0", "overdue e-c 3"]),
        ("2026-04-04", ["fee-missing e-a 1", "overdue e-c 4"]),
        ("2026-04-05", ["fee-missing e-a 2"]),
        ("2026-04-10", ["fee-missing e-a 7"]),
        ("2026-04-19", ["fee-missing e-a 16"]),
        ("2026-04-20", [String]()),
        ("2026-04-21", [String]()),
    ])
    func openItemsOnAPastDayAreAsTheyStoodThen(day: String, expected: [String]) throws {
        var history = try HandHistory(projectStart: "2025-01-01")
        try history.participant(Self.expert, born: 1990)
        try history.add("participant-p-ex", "expert.registered", #"{"participant":"p-ex","alias":"X","anonymous":false,"training":"trained","date":"2025-06-01"}"#)
        for id in ["e-a", "e-c"] {
            try history.add("engagement-\(id)", "engagement.agreed", #"{"engagement":"\#(id)","expert":"p-ex","project":"project-hand","kind":"writing","date":"2026-03-31","plannedHours":2,"agreedFeeCents":6000,"mode":"remote"}"#)
        }
        try history.add("engagement-e-a", "engagement.completed", #"{"engagement":"e-a","date":"2026-04-03","hours":2}"#)
        try history.add("engagement-e-a", "fee.paid", #"{"engagement":"e-a","date":"2026-04-20","amountCents":6000}"#)
        try history.add("engagement-e-c", "engagement.cancelled", #"{"engagement":"e-c","date":"2026-04-05"}"#)
        let (readModels, _) = try history.readModels()
        let work = try readModels.read { try ExpertWorkReadModel.load(in: $0) }
        let items = ExpertWorkReadModel.openItems(work, on: day).map { "\($0.item) \($0.engagement) \($0.ageDays)" }
        #expect(Set(items) == Set(expected))
    }

    /// The bank of a year is the bank at its end: an expert registered later is not in it, the
    /// status is the one then, and later work counts neither in its kinds nor as its last.
    @Test func theBankOfAPastYearIsAsItStoodAtTheYearsEnd() throws {
        var history = try HandHistory(projectStart: "2025-01-01")
        try history.participant(Self.expert, born: 1990)
        try history.participant("p-later", born: 1991)
        try history.add("participant-p-ex", "expert.registered", #"{"participant":"p-ex","alias":"X","anonymous":false,"training":"trained","date":"2025-06-01"}"#)
        try history.add("participant-p-ex", "expert.status-changed", #"{"participant":"p-ex","status":"paused","date":"2025-09-01"}"#)
        try history.add("participant-p-ex", "expert.status-changed", #"{"participant":"p-ex","status":"active","date":"2025-12-31"}"#)
        try history.add("participant-p-ex", "expert.status-changed", #"{"participant":"p-ex","status":"left","date":"2026-01-01"}"#)
        try history.add("participant-p-later", "expert.registered", #"{"participant":"p-later","alias":"Y","anonymous":false,"training":"none","date":"2026-01-01"}"#)
        for (id, day, kind) in [("e-1", "2025-11-20", "writing"), ("e-2", "2026-01-15", "co-facilitating-peer-group")] {
            try history.add("engagement-\(id)", "engagement.agreed", #"{"engagement":"\#(id)","expert":"p-ex","project":"project-hand","kind":"\#(kind)","date":"\#(day)","plannedHours":2,"agreedFeeCents":6000,"mode":"remote"}"#)
            try history.add("engagement-\(id)", "engagement.completed", #"{"engagement":"\#(id)","date":"\#(day)","hours":2}"#)
        }
        let (readModels, _) = try history.readModels()
        let work = try readModels.read { try ExpertWorkReadModel.load(in: $0) }
        let bank2025 = ExpertWorkReadModel.bank(work, year: 2025)
        #expect(bank2025.map(\.expert.participant) == ["p-ex"])
        #expect(bank2025.first?.status == .init(status: "active", date: "2025-12-31"))
        #expect(bank2025.first?.kinds == ["writing"] && bank2025.first?.lastEngagement == "2025-11-20" && bank2025.first?.completedInYear == 1)
        #expect(ExpertWorkReadModel.bank(work, year: 2024).isEmpty)
        let bank2026 = ExpertWorkReadModel.bank(work, year: 2026)
        #expect(bank2026.map(\.expert.participant) == ["p-ex", "p-later"])
        #expect(bank2026.first?.status == .init(status: "left", date: "2026-01-01"))
        #expect(bank2026.first?.kinds == ["co-facilitating-peer-group", "writing"] && bank2026.first?.lastEngagement == "2026-01-15")
        #expect(bank2026.last?.status == .init(status: "active", date: "2026-01-01"))
    }

    @Test(arguments: [("2026-01-01", 20454), ("1970-01-01", 0), ("2024-02-29", 19782), ("2000-03-01", 11017)])
    func daysAreCountedOnTheGregorianCalendar(day: String, number: Int) {
        #expect(ExpertWorkReadModel.dayNumber(day) == number)
    }
}
