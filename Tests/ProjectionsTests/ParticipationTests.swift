@testable import Projections
import Testing

/// The participation the funder projector keeps (first entry, stretches of leaving) gives the
/// participants' and leavers' tables that replaying every enrolment gives (`ESRReference`), for
/// any report end: histories of random people whose dates collide, run backwards, and re-enter.
@Suite struct ParticipationTests {
    static let activities = ["activity-a", "activity-b", "activity-c"]
    static let elsewhere = "activity-other-project"

    struct History {
        var entries: [ESRFigures.Entry] = []
        var exits: [ESRFigures.Exit] = []
        var genders: [String: String] = [:]
    }

    /// The day `offset` days after 2026-03-10.
    static func date(_ offset: Int) -> String {
        if offset < 0 { return "2026-03-09" }
        return offset < 22 ? "2026-03-\(10 + offset)" : "2026-04-" + (offset < 31 ? "0" : "") + "\(offset - 21)"
    }

    /// Dates over forty days, so that many steps share a day; steps in any order, exits with or
    /// without an enrolment before them, several entries in one activity.
    static func history(seed: UInt64, people: Int = 60) -> History {
        var random = GeneratedHistory.Random(seed: seed)
        func pick<T>(_ options: [T]) -> T { options[random.below(options.count)] }
        func day() -> String { date(random.below(40)) }
        var history = History()
        let yesNo = ["yes", "no", "not-collected", "refused"]
        for number in 0..<people {
            let person = "p\(number)"
            if random.chance(90) { history.genders[person] = pick(["woman", "man", "non-binary", "not-told", "unknown"]) }
            for _ in 0..<(1 + random.below(6)) {
                let activity = random.chance(10) ? elsewhere : pick(activities)
                if random.chance(55) {
                    history.entries.append(ESRFigures.Entry(
                        participant: person, activity: activity, date: day(), age: pick([15, 17, 18, 29, 30, 55, 60]),
                        labourMarket: pick(["unemployed", "long-term-unemployed", "inactive", "employed", "not-collected", "refused"]),
                        education: pick(["isced-0-2", "isced-3-4", "isced-5-8", "not-collected", "refused"]), disability: pick(yesNo),
                        thirdCountNational: pick(yesNo), foreignBackground: pick(yesNo), minority: pick(yesNo), homeless: pick(yesNo),
                        rural: pick(yesNo)))
                } else {
                    let answered = random.chance(70)
                    func answer() -> String? { answered ? pick(yesNo) : nil }
                    history.exits.append(ESRFigures.Exit(
                        participant: person, activity: activity, date: day(), outcome: "completed", jobSearching: answer(),
                        inEducation: answer(), qualification: answer(), employed: answer()))
                }
            }
        }
        return history
    }

    /// The tables from participation worked out per person, as the projector does.
    static func tables(_ history: History, from: String, to: String) -> ESRReference.Tables {
        var participants: [ESRFigures.Participant] = []
        var leavers: [ESRFigures.Leaver] = []
        for person in Set(history.entries.map(\.participant)) {
            func steps<Record>(_ records: [Record], _ who: (Record) -> String, _ activity: (Record) -> String, _ date: (Record) -> String,
                               _ lines: (Record) -> UInt64) -> [Participation.Step] {
                records.filter { who($0) == person && activities.contains(activity($0)) }
                    .map { Participation.Step(activity: activity($0), date: date($0), lines: lines($0)) }
            }
            guard let participation = Participation(
                entries: steps(history.entries, \.participant, \.activity, \.date, ESRFigures.outputLines(of:)),
                exits: steps(history.exits, \.participant, \.activity, \.date, ESRFigures.resultLines(of:)))
            else { continue }
            let gender = history.genders[person].flatMap(ESRFigures.Gender.init(rawValue:)) ?? .notTold
            participants.append(ESRFigures.Participant(entered: participation.entered, gender: gender, lines: participation.lines))
            leavers += participation.leavings.map { ESRFigures.Leaver(leaving: $0, gender: gender) }
        }
        let project = ESRFigures.Project(project: "p", code: "P", name: "P", funder: "ESR+", startDate: "2026-01-01",
                                         endDate: "2027-12-31", costModel: "real-costs", selfFinancingHundredths: 0)
        let figures = ESRFigures(project: project, from: from, to: to, participants: participants, leavers: leavers, sessions: .init(),
                                 engagements: [], payments: [], staffTime: .init(hoursHundredths: 0, cents: 0), costs: [])
        return figures.tables
    }

    @Test(arguments: [UInt64(1), 2, 3, 4, 5, 6])
    func participationGivesTheTablesThatReplayingEveryEnrolmentGives(seed: UInt64) {
        let history = Self.history(seed: seed)
        var random = GeneratedHistory.Random(seed: seed &* 977)
        var leaversSeen = 0, periodLeaversSeen = 0
        // Every report end over the history's days (and past them), each with a period start before it.
        for offset in 0..<45 {
            let to = Self.date(offset - 1)
            let from = random.chance(30) ? "2026-01-01" : (random.chance(50) ? Self.date(random.below(offset + 1) - 1) : to)
            let expected = ESRReference.tables(from: from, to: to, activities: Set(Self.activities), genders: history.genders,
                                               entries: history.entries, exits: history.exits)
            let tables = Self.tables(history, from: from, to: to)
            #expect(tables == expected, "period \(from)..\(to)")
            leaversSeen += expected.leavers.first?.cumulative.total ?? 0
            periodLeaversSeen += expected.leavers.first?.period.total ?? 0
        }
        // The histories must reach what the test is about.
        #expect(leaversSeen > 0 && periodLeaversSeen > 0)
        #expect(history.exits.contains { exit in history.entries.contains { $0.participant == exit.participant && $0.date > exit.date } })
    }

    /// Left in March, back in May, left again in June: a leaver in reports ending in April and in
    /// June, not in one ending in May; in June with the last exit's data.
    @Test func aPersonWhoComesBackIsALeaverOnlyWhileOut() throws {
        func step(_ activity: String, _ date: String, _ lines: UInt64) -> Participation.Step {
            Participation.Step(activity: activity, date: date, lines: lines)
        }
        let person = try #require(Participation(
            entries: [step("a", "2026-02-01", 1), step("b", "2026-05-01", 2)],
            exits: [step("a", "2026-03-15", 4), step("b", "2026-06-10", 8)]))
        #expect(person.entered == "2026-02-01" && person.lines == 1)
        #expect(person.leavings == [
            Participation.Leaving(since: "2026-03-15", until: "2026-05-01", leftOn: "2026-03-15", lines: 4),
            Participation.Leaving(since: "2026-06-10", until: nil, leftOn: "2026-06-10", lines: 8),
        ])
        #expect(person.leavings.filter { $0.covers("2026-04-30") }.map(\.lines) == [4])
        #expect(person.leavings.filter { $0.covers("2026-05-31") }.isEmpty)
        #expect(person.leavings.filter { $0.covers("2026-06-30") }.map(\.lines) == [8])
    }
}
