import EventStore
import Foundation
import Ledger
import Projections
import Reports
import Testing
import Vocabulary

/// The four evaluation reports against figures worked out by hand, each from events recorded
/// through the validated path (rules included) and read back through its projector.
@Suite struct EvaluationTests {
    static let project = "project-hand"
    static let activity = "activity-group"
    static let other = "activity-evenings"

    typealias History = HandHistory

    func readModels(_ history: History) throws -> (ReadModelDatabase, LedgerStamp) { try history.readModels() }

    /// What a person reads in a cell that names a row.
    func words(_ cell: Report.Cell) -> String {
        switch cell {
        case let .text(text): text
        case let .coded(coded): coded.label
        case let .integer(value): String(value)
        case let .suppressed(below): "<\(below)"
        default: ""
        }
    }

    /// The cells of the row of `table` whose first cell is `first` (and, if given, second `second`).
    func row(_ report: Report, _ table: String, _ first: String, _ second: String? = nil) throws -> [String: Report.Cell] {
        let found = try #require(report.tables.first { $0.key == table }, "no table \(table)")
        let matches = found.rows.filter { row in
            words(row[0]) == first && (second.map { words(row[1]) == $0 } ?? true)
        }
        let match = try #require(matches.first, "no row \(first) in \(table)")
        return Dictionary(uniqueKeysWithValues: zip(found.columns.map(\.key), Array(match)))
    }

    // MARK: - BIKVA

    /// Three themes over four stages:
    ///
    ///     Waiting   raised at 1, answered at 2 and 3 (change agreed at 3: partly, then done) — 4 missing
    ///     Rooms     raised at 2 by the workers, not answered since                         — 3, 4 missing
    ///     Budget    raised at 4                                                            — none missing
    func bikvaHistory(throughStage last: Int = 4) throws -> History {
        var history = try History()
        let stages = [
            (1, "2026-03-02", 6, #"[{"theme":"Waiting","said":"Queues are long"}]"#),
            (2, "2026-03-23", 9, #"[{"theme":"waiting ","response":"We see the queues"},{"theme":"Rooms","response":"Too small","agreedChange":"Ask for a bigger room"}]"#),
            (3, "2026-04-13", 4, #"[{"theme":"Waiting","response":"Agreed","agreedChange":"A text message on the queue"}]"#),
            (4, "2026-05-11", 5, #"[{"theme":"Budget","response":"Next year's plan","agreedChange":"Two new groups"}]"#),
        ]
        for (stage, date, size, themes) in stages where stage <= last {
            try history.add("bikva-hand", "bikva.stage-recorded", #"{"evaluation":"hand","project":"project-hand","stage":\#(stage),"date":"\#(date)","groupSize":\#(size),"themes":\#(themes)}"#)
        }
        try history.add("bikva-hand", "bikva.wording-approved", #"{"evaluation":"hand","stage":1,"date":"2026-03-09"}"#)
        try history.add("bikva-hand", "bikva.change-followed-up", #"{"evaluation":"hand","stage":3,"theme":"Waiting","status":"partly","date":"2026-06-01"}"#)
        try history.add("bikva-hand", "bikva.change-followed-up", #"{"evaluation":"hand","stage":3,"theme":"WAITING","status":"done","date":"2026-09-01","note":"Messages sent since August"}"#)
        let mistaken = try history.add("bikva-hand", "bikva.change-followed-up", #"{"evaluation":"hand","stage":3,"theme":"Waiting","status":"not-done","date":"2026-09-02"}"#)
        try history.void(mistaken, on: "bikva-hand")
        return history
    }

    @Test func bikvaShowsEachThemeThroughTheStagesThatAnsweredIt() throws {
        let (readModels, stamp) = try readModels(try bikvaHistory(throughStage: 3))
        let figures = try #require(try readModels.read { try BIKVAReadModel.figures(of: "hand", in: $0) })
        #expect(figures.missingStages == [4])
        #expect(figures.stages.map(\.stage) == [1, 2, 3])
        #expect(figures.stages.map(\.groupSize) == [6, 9, 4])
        #expect(figures.stages.first?.approvedOn == "2026-03-09")
        #expect(figures.themes.map(\.theme) == ["Waiting", "Rooms"])
        let waiting = figures.themes[0]
        #expect(waiting.entries.map(\.stage) == [1, 2, 3])
        #expect(waiting.missing == [4])
        #expect(waiting.entries[0].said == "Queues are long")
        #expect(waiting.entries[2].agreedChange == "A text message on the queue")
        // The voided follow-up is left out; the latest standing one is done.
        #expect(waiting.entries[2].followUps.map(\.status) == ["partly", "done"])
        #expect(figures.themes[1].raisedAt == 2 && figures.themes[1].missing == [3, 4])

        let report = BIKVAReport.make(figures, language: .en, stamp: stamp)
        #expect(try row(report, "stages", "4 decision makers")["status"] == .coded(code: "missing", label: "missing"))
        #expect(try row(report, "stages", "1 clients")["approved_on"] == .date("2026-03-09"))
        let themeRow = try row(report, "themes", "Waiting")
        #expect(themeRow["answered_at"] == .text("1, 2, 3") && themeRow["missing"] == .text("4"))
        #expect(themeRow["agreed_changes"] == .integer(1) && themeRow["changes_done"] == .integer(1))
        #expect(try row(report, "answers", "Waiting", "3 management")["follow_up"] == .coded(code: "done", label: "done"))
        #expect(report.parameters.first { $0.key == "stagesMissing" }?.value == .text("4"))
        // Small groups hidden when the report goes beyond the project.
        let shared = BIKVAReport.make(figures, suppressBelow: 5, language: .en, stamp: stamp)
        #expect(try row(shared, "stages", "3 management")["group_size"] == .suppressed(below: 5))
        #expect(try row(shared, "stages", "2 frontline workers")["group_size"] == .integer(9))
    }

    @Test func bikvaThroughAllFourStagesMissesNoStage() throws {
        let (readModels, _) = try readModels(try bikvaHistory())
        let figures = try #require(try readModels.read { try BIKVAReadModel.figures(of: "hand", in: $0) })
        #expect(figures.missingStages.isEmpty)
        #expect(figures.themes.map(\.theme) == ["Waiting", "Rooms", "Budget"])
        #expect(figures.themes.map(\.missing) == [[4], [3, 4], []])
        #expect(try readModels.read { try BIKVAReadModel.figures(of: "nobody", in: $0) } == nil)
    }

    // MARK: - FIT

    /// Totals by hand (items sum to them exactly; a voided rating never counts):
    ///
    ///     p-aa ORS  20.0 → 25.0   +5.0 improved              below at first; 25.0 on the cut-off: not crossed
    ///     p-bb ORS  30.0 → 25.0   −5.0 deteriorated          not below at first
    ///     p-cc ORS  24.9 → 28.9   +4.0 no reliable change    below at first; crossed
    ///     p-dd ORS  25.1 → 21.1   −4.0 no reliable change    not below at first (one decimal above)
    ///     p-ee CORS 32.0 → 33.0   +1.0 no reliable change    a child: cut-off 32, on it at first; crossed
    ///     p-ff ORS  10.0 (a second rating, 40.0, voided)      one rating: no change; below, not crossed
    ///     SRS/CSRS: p-aa 36.0 (alert), p-bb 36.1 (none), p-cc 35.9 (alert), p-ee CSRS 30.0 (alert)
    func fitHistory() throws -> History {
        var history = try History()
        for person in ["p-aa", "p-bb", "p-cc", "p-dd", "p-ff"] { try history.participant(person) }
        try history.participant("p-ee", born: 2017)
        // Ratings given in the group are of its own participants (rule fit.participant-enrolled).
        for person in ["p-aa", "p-bb", "p-cc", "p-dd", "p-ee", "p-ff"] {
            try history.add("participant-\(person)", "enrolment.signed-up", #"{"participant":"\#(person)","activity":"activity-group","date":"2026-01-01"}"#)
        }
        @discardableResult
        func rate(_ person: String, _ instrument: String, _ items: String, _ date: String, _ session: String) throws -> String {
            try history.add("participant-\(person)", "feedback.fit-recorded", #"{"participant":"\#(person)","activity":"activity-group","session":"\#(session)","instrument":"\#(instrument)","items":[\#(items)],"date":"\#(date)"}"#)
        }
        let first = "2026-02-03", latest = "2026-03-03"
        try rate("p-aa", "ORS", "5,5,5,5", first, "s1"); try rate("p-aa", "ORS", "6.2,6.3,6.2,6.3", latest, "s5")
        try rate("p-bb", "ORS", "7.5,7.5,7.5,7.5", first, "s1"); try rate("p-bb", "ORS", "6.2,6.3,6.2,6.3", latest, "s5")
        try rate("p-cc", "ORS", "6.2,6.2,6.2,6.3", first, "s1"); try rate("p-cc", "ORS", "7.2,7.2,7.2,7.3", latest, "s5")
        try rate("p-dd", "ORS", "6.3,6.3,6.3,6.2", first, "s1"); try rate("p-dd", "ORS", "5.3,5.3,5.3,5.2", latest, "s5")
        try rate("p-ee", "CORS", "8,8,8,8", first, "s1"); try rate("p-ee", "CORS", "8.2,8.3,8.2,8.3", latest, "s5")
        try rate("p-ff", "ORS", "2.5,2.5,2.5,2.5", first, "s1")
        let mistaken = try rate("p-ff", "ORS", "10,10,10,10", latest, "s5")
        try history.void(mistaken, on: "participant-p-ff")
        try rate("p-aa", "SRS", "9,9,9,9", first, "s1")
        try rate("p-bb", "SRS", "9,9,9,9.1", first, "s1")
        try rate("p-cc", "SRS", "9,9,9,8.9", latest, "s5")
        try rate("p-ee", "CSRS", "7.5,7.5,7.5,7.5", first, "s1")
        return history
    }

    /// Alliance alerts by day, session (s2 before s10) and participant, whatever order they were
    /// recorded in; a child who moved from CORS to ORS has each total with its own instrument.
    @Test func fitAlertsAreInDocumentedOrderAndEachTotalKeepsItsInstrument() throws {
        let ratings: [FITReadModel.Rating] = [
            .init(participant: "p-b", session: "s10", instrument: "SRS", date: "2026-03-01", totalTenths: 300),
            .init(participant: "p-b", session: "s2", instrument: "SRS", date: "2026-03-01", totalTenths: 300),
            .init(participant: "p-a", session: "s2", instrument: "SRS", date: "2026-03-01", totalTenths: 300),
            .init(participant: "p-a", session: "s1", instrument: "SRS", date: "2026-02-01", totalTenths: 300),
            .init(participant: "p-c", session: "s1", instrument: "CORS", date: "2026-02-01", totalTenths: 250),
            .init(participant: "p-c", session: "s2", instrument: "ORS", date: "2026-03-01", totalTenths: 310),
        ]
        let figures = FITReadModel.figures(activity: "activity-a", name: "A", ratings: ratings, settings: .init())
        #expect(figures.alerts.map { "\($0.date) \($0.session ?? "") \($0.participant)" }
            == ["2026-02-01 s1 p-a", "2026-03-01 s2 p-a", "2026-03-01 s2 p-b", "2026-03-01 s10 p-b"])
        let report = FITReport.make(figures, language: .en, stamp: LedgerStamp(position: 1, hash: String(repeating: "0", count: 64)))
        let child = try row(report, "participants", "p-c")
        #expect(child["first_instrument"] == .text("CORS") && child["instrument"] == .text("ORS"))
        #expect(child["first_total"] == .hundredths(2500) && child["latest_total"] == .hundredths(3100))
    }

    @Test func fitClassifiesChangeAndCutOffsAsWorkedOutByHand() throws {
        let (readModels, stamp) = try readModels(try fitHistory())
        let figures = try #require(try readModels.read { try FITReadModel.figures(of: Self.activity, in: $0) })
        let people = Dictionary(uniqueKeysWithValues: figures.participants.map { ($0.participant, $0) })
        #expect(people.count == 6)
        #expect(people["p-aa"]?.changeTenths == 50 && people["p-aa"]?.change == .improved)
        #expect(people["p-bb"]?.changeTenths == -50 && people["p-bb"]?.change == .deteriorated)
        #expect(people["p-cc"]?.changeTenths == 40 && people["p-cc"]?.change == .noReliableChange)
        #expect(people["p-dd"]?.changeTenths == -40 && people["p-dd"]?.change == .noReliableChange)
        #expect(people["p-ee"]?.changeTenths == 10 && people["p-ee"]?.latest.instrument == "CORS")
        #expect(people["p-ff"]?.outcome.count == 1 && people["p-ff"]?.change == nil)
        #expect(figures.participants.filter(\.firstBelowCutOff).map(\.participant) == ["p-aa", "p-cc", "p-ee", "p-ff"])
        #expect(people["p-aa"]?.crossedCutOff == false && people["p-cc"]?.crossedCutOff == true)
        #expect(people["p-ee"]?.crossedCutOff == true && people["p-ff"]?.crossedCutOff == false && people["p-dd"]?.crossedCutOff == nil)
        #expect(figures.alerts.map(\.participant) == ["p-aa", "p-ee", "p-cc"])
        let summary = figures.summary
        #expect([summary.rated, summary.withTwoOrMore, summary.improved, summary.noReliableChange, summary.deteriorated,
                 summary.belowCutOffAtFirst, summary.crossedCutOff] == [6, 5, 1, 3, 1, 4, 2] as [Int])

        // A total on a cut-off counted as above it: 25.0 has crossed, 32.0 was never below, 36.0 is no alert.
        let strict = try #require(try readModels.read {
            try FITReadModel.figures(of: Self.activity, settings: .init(onCutOffCountsAsBelow: false), in: $0)
        })
        #expect(strict.participants.filter(\.firstBelowCutOff).map(\.participant) == ["p-aa", "p-cc", "p-ff"])
        #expect(strict.participants.first { $0.participant == "p-aa" }?.crossedCutOff == true)
        #expect(strict.alerts.map(\.participant) == ["p-ee", "p-cc"])

        let report = FITReport.make(figures, language: .en, stamp: stamp)
        let aa = try row(report, "participants", "p-aa")
        #expect(aa["first_total"] == .hundredths(2000) && aa["latest_total"] == .hundredths(2500) && aa["change"] == .hundredths(500))
        #expect(aa["reliable_change"] == .coded(code: "improved", label: "improved"))
        #expect(try row(report, "participants", "p-dd")["change"] == .hundredths(-400))
        #expect(try row(report, "summary", "6")["improved"] == .integer(1))
        #expect(report.charts.first?.series.count == 6)
        #expect(report.charts.first?.guides.map(\.value) == [25, 32])
        // Shared beyond the group: only the summary, its small counts hidden.
        let shared = FITReport.make(figures, suppressBelow: 3, language: .en, stamp: stamp)
        #expect(shared.tables.map(\.key) == ["summary"] && shared.charts.isEmpty)
        let sharedSummary = try #require(shared.tables.first?.rows.first)
        #expect(Array(sharedSummary) == [.integer(6), .integer(5), .suppressed(below: 3), .integer(3), .suppressed(below: 3), .integer(4), .suppressed(below: 3)])
        // One participant only.
        let one = try #require(try readModels.read { try FITReadModel.figures(of: Self.activity, participant: "p-cc", in: $0) })
        #expect(one.participants.map(\.participant) == ["p-cc"] && one.alerts.map(\.participant) == ["p-cc"])
    }

    // MARK: - Client feedback

    /// Group: ratings 5, 4, 4, 2 (and a 1, voided) — 4 answers, mean 15 / 4 = 3.75; themes food ×2,
    /// timing ×1. Evenings: one 3. The project: 5 answers, mean 18 / 5 = 3.60.
    func feedbackHistory() throws -> History {
        var history = try History()
        try history.participant("p-aa")
        try history.add("participant-p-aa", "enrolment.signed-up", #"{"participant":"p-aa","activity":"activity-group","date":"2026-01-01"}"#)
        for (rating, themes, named) in [(5, #"["food","timing"]"#, true), (4, #"["food"]"#, false), (4, "[]", false), (2, "[]", false)] {
            try history.add(Self.activity, "feedback.given", #"{"activity":"activity-group","date":"2026-03-03","rating":\#(rating),"themes":\#(themes)\#(named ? #","participant":"p-aa""# : "")}"#)
        }
        let mistaken = try history.add(Self.activity, "feedback.given", #"{"activity":"activity-group","date":"2026-03-03","rating":1,"themes":["food"]}"#)
        try history.void(mistaken, on: Self.activity)
        try history.add(Self.other, "feedback.given", #"{"activity":"activity-evenings","date":"2026-04-01","rating":3}"#)
        return history
    }

    @Test func feedbackCountsRatingsAndThemesLeavingTheVoidedOut() throws {
        let (readModels, stamp) = try readModels(try feedbackHistory())
        let group = try #require(try readModels.read { try FeedbackReadModel.figures(.activity(Self.activity), in: $0) })
        #expect(group.answers == 4 && group.ratingSum == 15 && group.named == 1)
        #expect(group.distribution == [0, 1, 0, 2, 1])
        #expect(group.themes.map(\.theme) == ["food", "timing"] && group.themes.map(\.count) == [2, 1])
        let report = FeedbackReport.make(group, language: .en, stamp: stamp)
        #expect(try row(report, "summary", "4")["mean_rating"] == .hundredths(375))
        #expect(try row(report, "distribution", "4")["share"] == .rate(Rate(2, of: 4)))

        let project = try #require(try readModels.read { try FeedbackReadModel.figures(.project(Self.project), in: $0) })
        #expect(project.answers == 5 && project.ratingSum == 18)
        let projectReport = FeedbackReport.make(project, suppressBelow: 2, language: .en, stamp: stamp)
        #expect(try row(projectReport, "summary", "5")["mean_rating"] == .hundredths(360))
        // Evenings had one answer: fewer than 2, so no mean; its count hidden.
        let evenings = try row(projectReport, "activities", Self.other)
        #expect(evenings["answers"] == .suppressed(below: 2) && evenings["mean_rating"] == Report.Cell.none)
        // The group has fewer than 5 answers: with K = 5 its distribution is left out (its zeros
        // are not "<5") and it has no mean.
        let hidden = FeedbackReport.make(group, suppressBelow: 5, language: .en, stamp: stamp)
        let distribution = try #require(hidden.tables.first { $0.key == "distribution" })
        #expect(distribution.rows.allSatisfy { $0[1] == .none && $0[2] == .none })
        #expect(try row(hidden, "summary", "<5")["mean_rating"] == Report.Cell.none)
        #expect(hidden.charts.isEmpty)
        // Since a day: only the evenings' answer.
        let since = try #require(try readModels.read { try FeedbackReadModel.figures(.project(Self.project), from: "2026-04-01", in: $0) })
        #expect(since.answers == 1 && since.ratingSum == 3)
    }

    // MARK: - Surveys

    /// Scale 1–5. q1: baseline 2, 3, 3, 4 (mean 3.00); mid-term 3 (3.00, change 0.00); final 4, 4, 5
    /// (4.33, change +1.33; a 1 voided). q2: baseline 1, 2 (1.50); final 2, 3, 5 (3.33, change
    /// 10/3 − 3/2 = 1.8333… → 1.83).
    func surveyHistory() throws -> History {
        var history = try History()
        func answer(_ wave: String, _ scores: [(String, Int)], group: String = "staff") throws -> String {
            let answers = scores.map { #"{"item":"\#($0.0)","score":\#($0.1)}"# }.joined(separator: ",")
            return try history.add("survey-sv", "survey.answered", #"{"survey":"sv","project":"project-hand","wave":"\#(wave)","respondentGroup":"\#(group)","date":"2026-02-16","scale":{"min":1,"max":5},"answers":[\#(answers)]}"#)
        }
        _ = try answer("baseline", [("q1", 2), ("q2", 1)])
        _ = try answer("baseline", [("q1", 3), ("q2", 2)])
        _ = try answer("baseline", [("q1", 3)])
        _ = try answer("baseline", [("q1", 4)], group: "management")
        _ = try answer("mid-term", [("q1", 3)])
        _ = try answer("final", [("q1", 4), ("q2", 2)])
        _ = try answer("final", [("q2", 3), ("q1", 4)])
        _ = try answer("final", [("q1", 5), ("q2", 5)])
        let mistaken = try answer("final", [("q1", 1)])
        try history.void(mistaken, on: "survey-sv")
        return history
    }

    @Test func surveyMeansChangeBetweenWavesAsWorkedOutByHand() throws {
        let (readModels, stamp) = try readModels(try surveyHistory())
        let figures = try #require(try readModels.read { try SurveyReadModel.figures(of: "sv", in: $0) })
        #expect(figures.waves.map(\.wave) == ["baseline", "mid-term", "final"])
        #expect(figures.waves.map(\.respondents) == [4, 1, 3])
        #expect(figures.items.map(\.item) == ["q1", "q2"])
        #expect(figures.items[0].waves.first?.distribution == [0, 1, 2, 1, 0])

        let report = SurveyReport.make(figures, language: .en, stamp: stamp)
        let q1Final = try row(report, "items", "q1", "final")
        #expect(q1Final["answers"] == .integer(3) && q1Final["mean"] == .hundredths(433) && q1Final["change_from_baseline"] == .hundredths(133))
        #expect(q1Final["score_5"] == .integer(1) && q1Final["score_4"] == .integer(2) && q1Final["score_1"] == .integer(0))
        #expect(try row(report, "items", "q1", "mid-term")["change_from_baseline"] == .hundredths(0))
        #expect(try row(report, "items", "q1", "baseline")["change_from_baseline"] == Report.Cell.none)
        #expect(try row(report, "items", "q2", "baseline")["mean"] == .hundredths(150))
        #expect(try row(report, "items", "q2", "final")["change_from_baseline"] == .hundredths(183))

        // K = 3: q2's baseline (2 answers) shows no distribution or mean, so final has no change from it.
        let shared = SurveyReport.make(figures, suppressBelow: 3, language: .en, stamp: stamp)
        let q2Baseline = try row(shared, "items", "q2", "baseline")
        #expect(q2Baseline["mean"] == Report.Cell.none && q2Baseline["score_1"] == Report.Cell.none && q2Baseline["answers"] == .suppressed(below: 3))
        #expect(try row(shared, "items", "q2", "final")["change_from_baseline"] == Report.Cell.none)
        // q1's baseline (scores 2, 3, 3, 4): three hidden scores, two equations (their count and
        // their sum), so none can be solved and the mean shows.
        let q1Baseline = try row(shared, "items", "q1", "baseline")
        #expect(q1Baseline["mean"] == .hundredths(300) && q1Baseline["score_3"] == .suppressed(below: 3) && q1Baseline["answers"] == .integer(4))
        // q1's final (4, 4, 5): two hidden scores beside the count and the mean would be solved,
        // so the count is withheld and the mean left out.
        let q1FinalShared = try row(shared, "items", "q1", "final")
        #expect(q1FinalShared["answers"] == .withheld && q1FinalShared["mean"] == Report.Cell.none && q1FinalShared["score_4"] == .suppressed(below: 3))
        #expect(q1FinalShared["score_1"] == .integer(0))

        // One respondent group only.
        let managers = try #require(try readModels.read { try SurveyReadModel.figures(of: "sv", respondentGroup: "management", in: $0) })
        #expect(managers.waves.map(\.respondents) == [1])
    }
}
