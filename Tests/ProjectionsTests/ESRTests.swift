import Samples
import EventStore
import Foundation
import GRDB
import Ledger
@testable import Projections
import Reports
import Testing
import Vocabulary

@Suite struct ESRTests {
    typealias Person = ESRProgramme.Person
    static let from = "2026-04-01", to = "2026-12-31"

    func split(_ people: [Person]) -> ESRFigures.Split {
        var split = ESRFigures.Split()
        for person in people {
            split.total += 1
            split[ESRFigures.Gender(rawValue: person.gender) ?? .notTold] += 1
        }
        return split
    }

    /// The output indicators as Regulation (EU) 2021/1057, Annex I words them (docs/esr-report.md), written here afresh.
    static let outputs: [(code: String, field: String?, counts: @Sendable (Person) -> Bool)] = [
        ("EECO01", nil, { _ in true }),
        ("EECO02", "labourMarketStatus", { ["unemployed", "long-term-unemployed"].contains($0.firstEntry.answers["labourMarketStatus"] ?? "") }),
        ("EECO03", nil, { $0.firstEntry.answers["labourMarketStatus"] == "long-term-unemployed" }),
        ("EECO04", nil, { $0.firstEntry.answers["labourMarketStatus"] == "inactive" }),
        ("EECO05", nil, { $0.firstEntry.answers["labourMarketStatus"] == "employed" }),
        ("EECO06", nil, { $0.firstEntry.age <= 17 }),
        ("EECO07", nil, { $0.firstEntry.age >= 18 && $0.firstEntry.age <= 29 }),
        ("EECO08", nil, { $0.firstEntry.age >= 55 }),
        ("EECO09", "educationLevel", { $0.firstEntry.answers["educationLevel"] == "isced-0-2" }),
        ("EECO10", nil, { $0.firstEntry.answers["educationLevel"] == "isced-3-4" }),
        ("EECO11", nil, { $0.firstEntry.answers["educationLevel"] == "isced-5-8" }),
        ("EECO12", "disability", { $0.firstEntry.answers["disability"] == "yes" }),
        ("EECO13", "thirdCountNational", { $0.firstEntry.answers["thirdCountNational"] == "yes" }),
        ("EECO14", "foreignBackground", { $0.firstEntry.answers["foreignBackground"] == "yes" }),
        ("EECO15", "minority", { $0.firstEntry.answers["minority"] == "yes" }),
        ("EECO16", "homelessOrHousingExclusion", { $0.firstEntry.answers["homelessOrHousingExclusion"] == "yes" }),
        ("EECO17", "ruralArea", { $0.firstEntry.answers["ruralArea"] == "yes" }),
    ]

    static let results: [(code: String, field: String?, counts: @Sendable ([String: String]) -> Bool)] = [
        ("LEAVERS", nil, { _ in true }),
        ("EECR01", "jobSearching", { $0["jobSearching"] == "yes" && $0["employed"] != "yes" }),
        ("EECR02", "inEducationOrTraining", { $0["inEducationOrTraining"] == "yes" }),
        ("EECR03", "gainedQualification", { $0["gainedQualification"] == "yes" }),
        ("EECR04", "employed", { $0["employed"] == "yes" }),
    ]

    /// Shares of money are taken in 128 bits: a total near the top of 64 bits is scaled exactly,
    /// never trapping, and rounds half up as the funder's rules ask.
    @Test func sharesOfLargeTotalsNeitherTrapNorLoseCents() {
        #expect(ESRFigures.scaled(Int.max, by: 10_000, over: 10_000) == Int.max)
        #expect(ESRFigures.scaled(4_000_000_000_000_000_000, by: 2_000, over: 10_000) == 800_000_000_000_000_000)
        #expect(ESRFigures.percent(40, of: 1_000_000_000_000_000_001) == 400_000_000_000_000_000)
        #expect(ESRFigures.percent(40, of: 3) == 1 && ESRFigures.percent(50, of: 3) == 2)
        // Beyond 64 bits (only amounts over the schemas' bounds get there): the largest, never a trap.
        #expect(ESRFigures.scaled(Int.max, by: 100_000, over: 100) == Int.max)
        #expect(ESRFigures.StaffTime.cents(hoursHundredths: 750, hourlyCostCents: Int.max) == Int.max)
        #expect(ESRFigures.scaled(Int.max / 1000, by: 999, over: 1000) == (Int.max / 1000) / 1000 * 999 + ((Int.max / 1000) % 1000 * 999 + 500) / 1000)
    }

    @Test(arguments: [UInt64(21), 22, 23])
    func everyIndicatorAndGenderSplitMatchesTheGeneratorsOwnRecords(seed: UInt64) throws {
        let programme = try ESRProgramme(seed: seed)
        let fixture = try ProjectionFixture()
        try fixture.store.appendValidated(programme.events)
        let readModels = try fixture.liveReadModels()
        try fixture.engine(readModels).update()
        let figures = try #require(try readModels.read { db in
            try FunderReadModel.figures(project: ESRProgramme.project, from: Self.from, to: Self.to, in: db)
        })
        func line(_ lines: [ESRFigures.Indicator], _ code: String, _ answer: String?) -> ESRFigures.Indicator? {
            lines.first { $0.code == code && $0.answer == answer }
        }

        let cumulative = programme.people.filter { $0.firstEntry.date <= Self.to }
        let period = cumulative.filter { $0.firstEntry.date >= Self.from }
        for output in Self.outputs {
            let indicator = try #require(line(figures.participants, output.code, nil))
            #expect(indicator.period == split(period.filter(output.counts)), "\(output.code) in the period")
            #expect(indicator.cumulative == split(cumulative.filter(output.counts)), "\(output.code) since the start")
            guard let field = output.field else { continue }
            for answer in ["not-collected", "refused"] {
                let answered = try #require(line(figures.participants, output.code, answer))
                #expect(answered.period == split(period.filter { $0.firstEntry.answers[field] == answer }), "\(output.code) \(answer)")
                #expect(answered.cumulative == split(cumulative.filter { $0.firstEntry.answers[field] == answer }), "\(output.code) \(answer)")
            }
        }

        let leftSinceStart = cumulative.compactMap { person in person.left(by: Self.to).map { (person, $0) } }
        let leftInPeriod = leftSinceStart.filter { $0.1.date >= Self.from }
        for result in Self.results {
            let indicator = try #require(line(figures.leavers, result.code, nil))
            func exitData(_ pair: (Person, (date: String, exit: [String: String]?))) -> [String: String] {
                pair.1.exit ?? Dictionary(uniqueKeysWithValues: ESRProgramme.exitFields.map { ($0, "not-collected") })
            }
            #expect(indicator.period == split(leftInPeriod.filter { result.counts(exitData($0)) }.map(\.0)), "\(result.code) in the period")
            #expect(indicator.cumulative == split(leftSinceStart.filter { result.counts(exitData($0)) }.map(\.0)), "\(result.code) since the start")
            guard let field = result.field else { continue }
            for answer in ["not-collected", "refused"] {
                let answered = try #require(line(figures.leavers, result.code, answer))
                #expect(answered.cumulative == split(leftSinceStart.filter { exitData($0)[field] == answer }.map(\.0)), "\(result.code) \(answer)")
            }
        }

        // The generator must reach what the test is about: every age boundary, re-entry, leavers.
        let ages = Set(cumulative.map(\.firstEntry.age))
        #expect([17, 18, 29, 30, 54, 55].allSatisfy(ages.contains))
        #expect(cumulative.contains { $0.episodes.count > 1 })
        #expect(!leftInPeriod.isEmpty && period.count < cumulative.count)
        #expect(line(figures.participants, "EECO01", nil)?.cumulative.total == cumulative.count)
    }

    /// The participants' and leavers' tables from the rows the projector keeps per person equal
    /// those from replaying every entry and exit (`ESRReference`), for periods ending before,
    /// inside and after the history, when events arrive in small batches, after entries, exits
    /// and a registration are voided, and after people are registered again (which rebuilding
    /// must agree with).
    @Test(arguments: [UInt64(31), 32])
    func participationRowsGiveTheTablesOfEveryEnrolmentReplayed(seed: UInt64) throws {
        let programme = try ESRProgramme(seed: seed)
        let fixture = try ProjectionFixture()
        let live = try fixture.liveReadModels()
        let engine = try fixture.engine(live)
        engine.batchSize = 17
        var random = GeneratedHistory.Random(seed: seed)
        for chunk in chunks(programme.events, largest: 40, random: &random) {
            try fixture.store.appendValidated(chunk)
            try engine.update()
        }
        let periods = [("2026-01-01", "2026-03-31"), ("2026-04-01", "2026-09-30"), ("2026-10-01", "2027-12-31"), ("2026-06-15", "2026-06-15")]
        func compare(_ what: String) throws {
            for (from, to) in periods {
                let (figures, expected) = try live.read { db in
                    (try FunderReadModel.figures(project: ESRProgramme.project, from: from, to: to, in: db),
                     try Self.replayed(from: from, to: to, db))
                }
                let tables = try #require(figures).tables
                #expect(tables == expected, "\(what), \(from)..\(to)")
            }
        }
        try compare("as recorded")
        var leaversSeen = 0
        for (from, to) in periods {
            leaversSeen += try live.read { db in try Self.replayed(from: from, to: to, db) }.leavers.first?.period.total ?? 0
        }
        #expect(leaversSeen > 0)

        // Void a few entries and exits, and one registration (that person's gender is then not told).
        let voidable = programme.events.filter { ["enrolment.started", "enrolment.ended"].contains($0.type.text) }
        let targets = (0..<6).map { _ in voidable[random.below(voidable.count)] } + programme.events.filter { $0.type.text == "participant.registered" }.prefix(1)
        var voided = Set<String>()
        for target in targets where voided.insert(target.eventId.text).inserted {
            try fixture.store.appendValidated([try ProposedEvent(
                stream: target.stream.text, type: "entry.voided", occurredAt: "2026-12-01T09:00:00Z",
                data: #"{"eventId":"\#(target.eventId.text)","reason":"recorded by mistake"}"#)])
        }
        try engine.update()
        try compare("after voids")

        // Registered again with another gender: the latest registration counts.
        for person in programme.people.prefix(3) {
            let gender = person.gender == "woman" ? "man" : "woman"
            try fixture.store.appendValidated([try ProposedEvent(
                stream: "participant-\(person.id)", type: "participant.registered", occurredAt: "2026-12-02T09:00:00Z",
                data: #"{"participant":"\#(person.id)","roles":["parent"],"gender":"\#(gender)","birthYear":1980,"municipality":"Forssa"}"#)])
        }
        try engine.update()
        try compare("after registering again")
        #expect(try dump(live) == (try dump(try fixture.rebuiltReadModels())))
    }

    /// The reference tables from the funder read model's fact rows (every entry and exit).
    static func replayed(from: String, to: String, _ db: Database) throws -> ESRReference.Tables {
        let activities = Set(try String.fetchAll(db, sql: "SELECT activity FROM funder_activity WHERE project = ?", arguments: [ESRProgramme.project]))
        var genders: [String: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT participant, gender FROM funder_participant ORDER BY position") { genders[row[0]] = row[1] }
        let entries = try Row.fetchAll(db, sql: """
            SELECT participant, activity, date, age, labour_market, education, disability, third_country_national, foreign_background,
                   minority, homeless, rural FROM funder_entry ORDER BY position
            """).map { row in
            ESRFigures.Entry(participant: row[0], activity: row[1], date: row[2], age: row[3], labourMarket: row[4], education: row[5],
                             disability: row[6], thirdCountNational: row[7], foreignBackground: row[8], minority: row[9], homeless: row[10],
                             rural: row[11])
        }
        let exits = try Row.fetchAll(db, sql: """
            SELECT participant, activity, date, outcome, job_searching, in_education, qualification, employed FROM funder_exit ORDER BY position
            """).map { row in
            ESRFigures.Exit(participant: row[0], activity: row[1], date: row[2], outcome: row[3], jobSearching: row[4], inEducation: row[5],
                            qualification: row[6], employed: row[7])
        }
        return ESRReference.tables(from: from, to: to, activities: activities, genders: genders, entries: entries, exits: exits)
    }

    /// Staff time 7.5 h × 32.50 € and 3.33 h × 29.99 € (= 243.75 + 99.87 after rounding 99.8667);
    /// other costs 84.50 € + 12.34 €.
    func figures(costModel: String, selfFinancingHundredths: Int = 2_000) -> ESRFigures.Costs {
        let project = ESRFigures.Project(project: "project-x", code: "X", name: "X", funder: "ESR+", startDate: "2026-01-01",
                                         endDate: "2027-12-31", costModel: costModel, selfFinancingHundredths: selfFinancingHundredths)
        let staffCents = ESRFigures.StaffTime.cents(hoursHundredths: 750, hourlyCostCents: 3_250)
            + ESRFigures.StaffTime.cents(hoursHundredths: 333, hourlyCostCents: 2_999)
        return ESRFigures(
            project: project, from: "2026-01-01", to: "2026-06-30", participants: [], leavers: [], sessions: .init(), engagements: [],
            payments: [], staffTime: .init(hoursHundredths: 750 + 333, cents: staffCents),
            costs: [.init(category: "catering", cents: 8_450), .init(category: "travel", cents: 1_234)]
        ).costs
    }

    /// Sessions, headcounts, staff time and costs on the days either side of the period's bounds,
    /// a session held and then cancelled, and a session of another project: the read model adds
    /// up exactly those in the period (and, for people reached, those since the start). Staff
    /// costs are rounded per entry.
    @Test func theReadModelAddsUpSessionsAndCostsWithinThePeriodsBounds() throws {
        let fixture = try ProjectionFixture()
        let project = "project-bounds", other = "project-bounds-other"
        var events: [ProposedEvent] = []
        func add(_ stream: String, _ type: String, _ data: String, version: Int64 = 1) throws {
            events.append(try ProposedEvent(eventId: EventID.random().text, stream: stream, type: type, schemaVersion: version,
                                            occurredAt: "2026-01-01T08:00:00Z", data: data, meta: #"{"actor":"tester"}"#))
        }
        for id in [project, other] {
            try add(id, "project.registered", #"{"projectCode":"B","name":"Bounds","funder":"ESR+","startDate":"2026-01-01","endDate":"2027-12-31","costModel":"real-costs","selfFinancingPercent":0}"#)
        }
        let activities = [("activity-bounds-open", project, "open-event", "Forssa"), ("activity-bounds-group", project, "closed-peer-group", "Loppi"),
                          ("activity-bounds-other", other, "open-event", "Forssa")]
        for (activity, owner, kind, municipality) in activities {
            try add(activity, "activity.created", #"{"project":"\#(owner)","name":"A","kind":"\#(kind)","targetGroup":"parents","municipality":"\#(municipality)"}"#)
        }
        func held(_ activity: String, _ session: String, _ date: String, minutes: Int, headcount: Int?) throws {
            let count = headcount.map { #","headcount":\#($0)"# } ?? ""
            try add(activity, "session.held", #"{"session":"\#(session)","date":"\#(date)","durationMinutes":\#(minutes),"location":"Forssa","format":"in-person"\#(count)}"#, version: 2)
        }
        // The period is 2026-03-01..2026-03-31.
        try held("activity-bounds-open", "s1", "2026-02-28", minutes: 60, headcount: 5)     // before: people reached since the start only
        try held("activity-bounds-open", "s2", "2026-03-01", minutes: 90, headcount: 7)
        try held("activity-bounds-open", "s3", "2026-03-31", minutes: 120, headcount: 11)
        try held("activity-bounds-open", "s4", "2026-04-01", minutes: 60, headcount: 13)    // after: nowhere
        try held("activity-bounds-group", "g1", "2026-03-15", minutes: 150, headcount: nil)
        try held("activity-bounds-group", "g2", "2026-03-20", minutes: 150, headcount: nil)
        try add("activity-bounds-group", "session.cancelled", #"{"session":"g2","date":"2026-03-20"}"#)
        try held("activity-bounds-other", "o1", "2026-03-10", minutes: 60, headcount: 17)   // another project's
        for (date, hours, cents) in [("2026-02-28", "8", 4_000), ("2026-03-01", "3.33", 2_999), ("2026-03-31", "3.33", 2_999), ("2026-04-01", "8", 4_000)] {
            try add("staff-time-\(date)", "staff.time-logged", #"{"staffMember":"staff-a","project":"\#(project)","activity":"activity-bounds-group","date":"\#(date)","hours":\#(hours),"hourlyCostCents":\#(cents)}"#)
        }
        for (date, category, cents) in [("2026-02-28", "travel", 100), ("2026-03-01", "catering", 2_000), ("2026-03-31", "catering", 3_000), ("2026-04-01", "travel", 400)] {
            try add("cost-\(date)", "cost.incurred", #"{"project":"\#(project)","activity":"activity-bounds-group","date":"\#(date)","category":"\#(category)","amountCents":\#(cents),"description":"x"}"#)
        }
        try fixture.store.appendValidated(events)
        let readModels = try fixture.liveReadModels()
        try fixture.engine(readModels).update()
        let figures = try #require(try readModels.read { db in
            try FunderReadModel.figures(project: project, from: "2026-03-01", to: "2026-03-31", in: db)
        })
        #expect(figures.activities == [ESRFigures.ActivityLine(kind: "closed-peer-group", municipality: "Loppi", sessionsHeld: 1, minutes: 150),
                                       ESRFigures.ActivityLine(kind: "open-event", municipality: "Forssa", sessionsHeld: 2, minutes: 210)])
        #expect(figures.peopleReached.period == 18 && figures.peopleReached.cumulative == 23)
        #expect(figures.costs.staffHoursHundredths == 666)
        #expect(figures.costs.staffCents == 2 * 9_987)  // each entry rounded: 99.8667 € → 99.87 €, not 199.7334 € → 199.73 €
        #expect(figures.costs.other.map(\.category) == ["catering"] && figures.costs.other.map(\.cents) == [5_000])
        #expect(figures.costs.totalCents == 2 * 9_987 + 5_000)
    }

    @Test func flatRateArithmeticIsRightToTheCentForEachCostModel() {
        let forty = figures(costModel: "flat-rate-40")
        #expect(forty.staffHoursHundredths == 1_083)
        #expect(forty.staffCents == 34_362)                 // 24 375 + 9 987 (9 986.67 rounded)
        #expect(forty.flatRateCents == 13_745)              // 40 % of 343.62 € = 137.448 €
        #expect(forty.otherCoveredByFlatRate)
        #expect(forty.totalCents == 48_107)                 // other costs are inside the flat rate
        #expect(forty.selfFinancingCents == 9_621)          // 20 % of 481.07 € = 96.214 €

        let fifteen = figures(costModel: "flat-rate-15")
        #expect(fifteen.flatRateCents == 5_154)             // 15 % of 343.62 € = 51.543 €
        #expect(!fifteen.otherCoveredByFlatRate)
        #expect(fifteen.totalCents == 49_200)               // 343.62 + 96.84 + 51.54
        #expect(fifteen.selfFinancingCents == 9_840)

        let seven = figures(costModel: "flat-rate-7")
        #expect(seven.flatRateCents == 3_083)               // 7 % of (343.62 + 96.84) € = 30.8322 €
        #expect(seven.totalCents == 47_129)
        #expect(seven.selfFinancingCents == 9_426)          // 94.258 €

        let real = figures(costModel: "real-costs")
        #expect(real.flatRateCents == 0)
        #expect(real.totalCents == 44_046)
        #expect(real.selfFinancingCents == 8_809)           // 88.092 €

        #expect(figures(costModel: "flat-rate-40", selfFinancingHundredths: 1_250).selfFinancingCents == 6_013) // 12.5 % of 481.07 € = 60.13375 €
        #expect(figures(costModel: "flat-rate-40", selfFinancingHundredths: 2_500).selfFinancingCents == 12_027) // 120.2675 € rounds up
    }

    @Test func aCorrectionAfterTheMomentChangesTheLiveReportAndNotTheReportAsOfIt() throws {
        let fixture = try ProjectionFixture()
        let events = try fixture.demoEvents()
        try fixture.store.appendValidated(events)
        let moment = try Timestamp(rfc3339: try fixture.store.head().recordedAt)
        Thread.sleep(forTimeInterval: 0.002)
        func report(asOf: Timestamp?) throws -> String {
            let readModels = asOf == nil ? try fixture.liveReadModels() : try ReadModelDatabase.temporary()
            let engine = try fixture.engine(readModels)
            let position = try asOf.map { moment in try fixture.store.read { try $0.head(asOf: moment) }.position }
            try engine.update(to: position)
            var stamp = try engine.stamp(for: [])
            stamp.asOf = asOf?.recordedAtText
            let figures = try #require(try readModels.read { db in
                try FunderReadModel.figures(project: SampleProgramme.projectStream, from: "2026-01-01", to: "2026-12-31", in: db)
            })
            return ReportFormat.md.render(ESRReport.make(figures, language: .fi, suppressBelow: nil, stamp: stamp))
        }
        let liveBefore = try report(asOf: nil)
        let asOfBefore = try report(asOf: moment)
        // The correction: one day of staff time was entered by mistake.
        let mistaken = try #require(events.first { $0.type.text == "staff.time-logged" })
        try fixture.store.appendValidated([try ProposedEvent(
            stream: mistaken.stream.text, type: "entry.voided", occurredAt: "2026-12-01T09:00:00Z",
            data: #"{"eventId":"\#(mistaken.eventId.text)","reason":"entered twice"}"#)])
        let liveAfter = try report(asOf: nil)
        #expect(liveAfter != liveBefore)
        let staffCostLine = try #require(liveBefore.split(separator: "\n").first { $0.contains("Henkilöstökustannukset") })
        #expect(!liveAfter.contains(staffCostLine))
        #expect(try report(asOf: moment) == asOfBefore)
    }

    /// "Completed and no fee paid yet" is judged the same way by the ESR+ report (by the end of its
    /// period) and by the fees report's open items (on a day): by the events' own days. On each day
    /// around the demo's engagements the two agree.
    @Test(arguments: ["2026-10-05", "2026-10-06", "2026-10-19", "2026-10-20", "2026-11-05", "2026-11-12", "2026-11-19", "2026-12-01"])
    func theESRReportAndTheFeesReportAgreeOnFeesMissing(day: String) throws {
        let fixture = try ProjectionFixture()
        try fixture.store.appendValidated(try fixture.demoEvents())
        let readModels = try fixture.liveReadModels()
        try fixture.engine(readModels).update()
        let (esr, work) = try readModels.read { db in
            (try FunderReadModel.figures(project: SampleProgramme.projectStream, from: "2026-01-01", to: day, in: db),
             try ExpertWorkReadModel.load(project: SampleProgramme.projectStream, in: db))
        }
        let missing = ExpertWorkReadModel.openItems(work, on: day).filter { $0.item == "fee-missing" }.count
        #expect(esr?.experts.completedWithoutFee == missing)
    }

    /// The demo's experience-expert work, worked out by hand from SampleProgramme: five
    /// engagements completed in October and November 2026 (3 + 2 + 2 + 4 + 5 hours), four fees paid, travel for the
    /// three done in person and a part-day per diem (25 €) for one of them, one completed and not
    /// yet paid, one cancelled. Another project's
    /// engagement by the same expert changes none of it.
    @Test func expertWorkCountsTheProjectsOwnEngagementsByTheirLatestStep() throws {
        let fixture = try ProjectionFixture()
        try fixture.store.appendValidated(try fixture.demoEvents())
        let other = "project-other-2026", engagement = "engagement-e-other-1"
        func add(_ stream: String, _ type: String, _ data: String) throws -> ProposedEvent {
            try ProposedEvent(stream: stream, type: type, occurredAt: "2026-05-01T10:00:00Z", data: data)
        }
        try fixture.store.appendValidated([
            try add(other, "project.registered", #"{"projectCode":"O","name":"Other","funder":"STEA","startDate":"2026-01-01","endDate":"2026-12-31","costModel":"real-costs","selfFinancingPercent":0}"#),
            try add(engagement, "engagement.agreed", #"{"engagement":"e-other-1","expert":"p-t01","project":"\#(other)","kind":"writing","date":"2026-05-02","plannedHours":7,"agreedFeeCents":21000,"mode":"in-person"}"#),
            try add(engagement, "engagement.completed", #"{"engagement":"e-other-1","date":"2026-05-02","hours":7}"#),
            try add(engagement, "fee.paid", #"{"engagement":"e-other-1","date":"2026-05-20","amountCents":21000}"#),
            try add(engagement, "travel.reimbursed", #"{"engagement":"e-other-1","date":"2026-05-20","kilometres":10,"centsPerKm":55,"amountCents":550}"#),
        ])
        let readModels = try fixture.liveReadModels()
        try fixture.engine(readModels).update()
        /// completed, hours in hundredths, fees, travel, completed without a fee.
        func experts(_ project: String) throws -> [Int] {
            let experts = try #require(try readModels.read { db in
                try FunderReadModel.figures(project: project, from: "2026-01-01", to: "2026-12-31", in: db)
            }).experts
            return [experts.engagementsCompleted, experts.hoursHundredths, experts.feesCents, experts.travelCents, experts.completedWithoutFee]
        }
        #expect(try experts(SampleProgramme.projectStream) == [5, 1_600, 9_000 + 6_000 + 15_000 + 12_000, 3 * 2_090 + 2_500, 1])
        #expect(try experts(other) == [1, 700, 21_000, 550, 0])
    }
}
