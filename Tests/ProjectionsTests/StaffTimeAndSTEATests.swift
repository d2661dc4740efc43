import EventStore
import Foundation
import Ledger
import Projections
import Reports
import Testing
import Vocabulary

/// Working time and STEA's figures against figures worked out by hand.
@Suite struct StaffTimeAndSTEATests {
    // MARK: - Working time

    /// The group is in TP1, the evenings in TP2. January–February:
    ///
    ///     staff-a 01-05 group 7.5 h × 32.50 = 243.75   01-06 evenings 2 h × 32.50 = 65.00
    ///             01-07 no activity 1 h × 32.50 = 32.50   02-02 group 3 h × 33.00 = 99.00
    ///     staff-b 01-05 evenings 4.25 h × 28.00 = 119.00  (01-20 group 1 h, voided)
    ///     staff-a 03-01, outside the period
    func staffHistory() throws -> HandHistory {
        var history = try HandHistory(workPackages: ("TP1", "TP2"))
        func log(_ staff: String, _ day: String, _ activity: String?, _ hours: String, _ cents: Int) throws -> String {
            try history.add("project-hand", "staff.time-logged", #"{"staffMember":"\#(staff)","project":"project-hand"\#(activity.map { #","activity":"\#($0)""# } ?? ""),"date":"\#(day)","hours":\#(hours),"hourlyCostCents":\#(cents)}"#)
        }
        _ = try log("staff-a", "2026-01-05", HandHistory.group, "7.5", 3250)
        _ = try log("staff-a", "2026-01-06", HandHistory.evenings, "2", 3250)
        _ = try log("staff-a", "2026-01-07", nil, "1", 3250)
        _ = try log("staff-a", "2026-02-02", HandHistory.group, "3", 3300)
        _ = try log("staff-b", "2026-01-05", HandHistory.evenings, "4.25", 2800)
        let mistaken = try log("staff-b", "2026-01-20", HandHistory.group, "1", 2800)
        try history.void(mistaken, on: "project-hand")
        _ = try log("staff-a", "2026-03-01", HandHistory.group, "8", 3300)
        return history
    }

    @Test func workingTimeAddsUpByPersonMonthActivityAndWorkPackage() throws {
        let (readModels, stamp) = try staffHistory().readModels()
        let entries = try #require(try readModels.read {
            try StaffTimeReadModel.entries(project: HandHistory.project, from: "2026-01-01", to: "2026-02-28", in: $0)
        })
        #expect(entries.count == 5)
        let months = StaffTimeReadModel.lines(entries) { _ in nil }.map { "\($0.staffMember) \($0.month) \($0.sum.hoursHundredths) \($0.sum.cents)" }
        #expect(months == ["staff-a 2026-01 1050 34125", "staff-a 2026-02 300 9900", "staff-b 2026-01 425 11900"])
        let packages = StaffTimeReadModel.lines(entries, by: \.workPackage).map { "\($0.staffMember) \($0.month) \($0.key ?? "–") \($0.sum.cents)" }
        #expect(packages == ["staff-a 2026-01 TP1 24375", "staff-a 2026-01 TP2 6500", "staff-a 2026-01 – 3250", "staff-a 2026-02 TP1 9900",
                             "staff-b 2026-01 TP2 11900"])
        let totals = StaffTimeReadModel.totals(entries, by: \.workPackage).map { "\($0.key ?? "–") \($0.sum.hoursHundredths) \($0.sum.cents)" }
        #expect(totals == ["TP1 1050 34275", "TP2 625 18400", "– 100 3250"])

        let report = StaffTimeReport.make(entries, project: HandHistory.project, from: "2026-01-01", to: "2026-02-28", language: .en, stamp: stamp)
        #expect(report.tables.map(\.key) == ["work_packages", "months", "by_work_package", "by_activity"] && report.signatures.isEmpty)
        let sheetEntries = try #require(try readModels.read {
            try StaffTimeReadModel.entries(project: HandHistory.project, from: "2026-01-01", to: "2026-01-31", staffMember: "staff-a", in: $0)
        })
        let sheet = StaffTimeReport.make(sheetEntries, project: HandHistory.project, from: "2026-01-01", to: "2026-01-31", timesheetOf: "staff-a",
                                         language: .en, stamp: stamp)
        #expect(sheet.kind == "timesheet" && sheet.tables.first?.rows.count == 3 && sheet.signatures.count == 2)
        #expect(try readModels.read { try StaffTimeReadModel.entries(project: "project-none", from: "2026-01-01", to: "2026-12-31", in: $0) } == nil)
    }

    // MARK: - STEA

    /// 2026 of a project. Took part: p-aa (46, woman) started in the group in 2025, still open;
    /// p-bb (16, man) only signed up for the evenings, but was marked present at one on
    /// 2026-03-05; p-dd (36, non-binary) starts on 31 December; p-ff (76, woman) started in 2025
    /// and ended on 1 January. Did not: p-aa's sign-up for the evenings that never started; p-cc,
    /// who ended in 2025; p-gg, who ended on 31 December 2025; p-hh, who signed up in 2025 and never
    /// started; p-ee, who signs up in 2027. Evenings held on 2026-02-05 (90 min, 12 at the door)
    /// and 2026-03-05 (60 min, 8), and 2025-12-10 (5); the group on 2026-01-10 (120 min). An
    /// expert's engagement done in 2026 (3 h), another in 2025. Feedback 4 and 5 in 2026, 1 in 2025.
    func steaHistory() throws -> HandHistory {
        var history = try HandHistory(projectStart: "2025-01-01")
        for (person, born, gender) in [("p-aa", 1980, "woman"), ("p-bb", 2010, "man"), ("p-cc", 1985, "woman"), ("p-dd", 1990, "non-binary"),
                                       ("p-ee", 1990, "woman"), ("p-ff", 1950, "woman"), ("p-gg", 1960, "man"), ("p-hh", 1970, "man"),
                                       ("p-xx", 1990, "woman")] {
            try history.participant(person, born: born, gender: gender)
        }
        func signUp(_ person: String, _ activity: String, _ day: String) throws {
            try history.add("participant-\(person)", "enrolment.signed-up", #"{"participant":"\#(person)","activity":"\#(activity)","date":"\#(day)"}"#)
        }
        func start(_ person: String, _ day: String, age: Int) throws {
            try history.add("participant-\(person)", "enrolment.started", #"{"participant":"\#(person)","activity":"activity-group","date":"\#(day)","entry":{"ageAtEntry":\#(age),"labourMarketStatus":"employed","educationLevel":"isced-3-4","disability":"no","thirdCountNational":"no","foreignBackground":"no","minority":"no","homelessOrHousingExclusion":"no","ruralArea":"no"}}"#)
        }
        func end(_ person: String, _ day: String) throws {
            try history.add("participant-\(person)", "enrolment.ended", #"{"participant":"\#(person)","activity":"activity-group","date":"\#(day)","outcome":"moved"}"#)
        }
        try signUp("p-aa", HandHistory.group, "2025-11-01")
        try start("p-aa", "2025-11-05", age: 45)
        try signUp("p-aa", HandHistory.evenings, "2026-05-01")
        try signUp("p-bb", HandHistory.evenings, "2026-03-01")
        try signUp("p-cc", HandHistory.group, "2025-02-01")
        try start("p-cc", "2025-02-01", age: 40)
        try end("p-cc", "2025-06-01")
        try start("p-dd", "2026-12-31", age: 36)
        try start("p-ff", "2025-03-01", age: 75)
        try end("p-ff", "2026-01-01")
        try start("p-gg", "2025-03-01", age: 65)
        try end("p-gg", "2025-12-31")
        try signUp("p-hh", HandHistory.group, "2025-05-01")
        try signUp("p-ee", HandHistory.group, "2027-01-01")
        for (day, minutes, headcount) in [("2026-02-05", 90, 12), ("2026-03-05", 60, 8), ("2025-12-10", 60, 5)] {
            try history.add(HandHistory.evenings, "session.held", #"{"session":"s-\#(day)","date":"\#(day)","durationMinutes":\#(minutes),"location":"Forssa","format":"in-person","headcount":\#(headcount)}"#)
        }
        try history.add(HandHistory.evenings, "attendance.recorded", #"{"session":"s-2026-03-05","participant":"p-bb","status":"present"}"#)
        try history.add(HandHistory.group, "session.held", #"{"session":"s1","date":"2026-01-10","durationMinutes":120,"location":"Forssa","format":"in-person"}"#)
        try history.add("participant-p-xx", "expert.registered", #"{"participant":"p-xx","alias":"X","anonymous":true,"training":"trained","date":"2025-01-10"}"#)
        for (id, day) in [("e-1", "2026-06-01"), ("e-0", "2025-12-01")] {
            try history.add("engagement-\(id)", "engagement.agreed", #"{"engagement":"\#(id)","expert":"p-xx","project":"project-hand","kind":"writing","date":"\#(day)","plannedHours":3,"agreedFeeCents":9000,"mode":"remote"}"#)
            try history.add("engagement-\(id)", "engagement.completed", #"{"engagement":"\#(id)","date":"\#(day)","hours":3}"#)
        }
        for (day, rating) in [("2026-04-01", 4), ("2026-05-01", 5), ("2025-12-01", 1)] {
            try history.add(HandHistory.group, "feedback.given", #"{"activity":"activity-group","date":"\#(day)","rating":\#(rating)}"#)
        }
        return history
    }

    @Test func steaFiguresCountWhoTookPartInTheYear() throws {
        let (readModels, stamp) = try steaHistory().readModels()
        let figures = try #require(try readModels.read { try STEAReadModel.figures(project: HandHistory.project, year: 2026, in: $0) })
        #expect(figures.participants == 4)
        #expect(figures.byTargetGroup.map { "\($0.group) \($0.participants)" } == ["parents 3", "young-people-12-17 1"])
        #expect(figures.byAgeGroup.map { "\($0.group) \($0.participants)" } == ["age-12-17 1", "age-30-64 2", "age-65- 1"])
        #expect(figures.byGender.map { "\($0.gender) \($0.participants)" } == ["woman 2", "man 1", "non-binary 1"])
        // The year before: p-aa, p-cc, p-ff and p-gg had started; p-hh only signed up.
        let before = try #require(try readModels.read { try STEAReadModel.figures(project: HandHistory.project, year: 2025, in: $0) })
        #expect(before.participants == 4 && before.byGender.map { "\($0.gender) \($0.participants)" } == ["woman 3", "man 1"])
        let after = try #require(try readModels.read { try STEAReadModel.figures(project: HandHistory.project, year: 2027, in: $0) })
        #expect(after.participants == 2)
        #expect(figures.openEventVisits == 20)
        #expect(figures.kinds.map { "\($0.kind) \($0.activities) \($0.sessions) \($0.minutes) \($0.headcount)" }
            == ["closed-peer-group 1 1 120 0", "open-event 1 2 150 20"])
        #expect(figures.experts == 1 && figures.expertEngagements == 1 && figures.expertHoursHundredths == 300)
        #expect(figures.feedbackAnswers == 2 && figures.feedbackRatingSum == 9)

        let report = STEAReport.make(figures, language: .en, stamp: stamp)
        let reach = try #require(report.tables.first { $0.key == "reach" })
        #expect(reach.rows.map { $0[2] }.contains(.coded(code: "estimated", label: "estimated")))
        #expect(report.tables.first { $0.key == "feedback" }?.rows.first?[1] == .hundredths(450))
        let shared = STEAReport.make(figures, suppressBelow: 3, language: .en, stamp: stamp)
        #expect(shared.tables.first { $0.key == "reach" }?.rows.first?[1] == .integer(4))
        // One target group hidden; the other would give it away beside the total, so it is withheld.
        #expect(shared.tables.first { $0.key == "by_target_group" }?.rows.map { $0[1] } == [.withheld, .suppressed(below: 3)])
        #expect(shared.tables.first { $0.key == "by_gender" }?.rows.allSatisfy { $0[1] == .suppressed(below: 3) } == true)
        #expect(shared.tables.first { $0.key == "feedback" }?.rows.first.map { Array($0) } == [.suppressed(below: 3), .none])
        #expect(try readModels.read { try STEAReadModel.figures(project: "project-none", year: 2026, in: $0) } == nil)
    }
}
