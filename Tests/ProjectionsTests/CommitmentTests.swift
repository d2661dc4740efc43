import Samples
import EventStore
import Foundation
import Ledger
import Projections
import Reports
import Testing

/// A small cohort worked out by hand.
///
///     started 2026-02-02     s1   s2   s3    s4   s5             (s6 cancelled)
///     p-aa (graduates)       P    P    P→A   P    P              4 of 5 = 80.00 %
///     p-bb (graduates)       P    E    P     P    P (+A voided)  4 of 5 = 80.00 %
///     p-cc (drops out 02-10) P    P    ·     ·    ·              2 of 2 = 100.00 %
///     p-dd (never starts)    P    ·    ·     ·    ·              not counted
///
/// Cohort: 4 + 4 + 2 = 10 attendances of 3 started × 5 held = 15: 66.67 %.
@Suite struct CommitmentTests {
    static let activity = "activity-cohort"

    func cohortEvents() throws -> [ProposedEvent] {
        var events: [ProposedEvent] = []
        func add(_ stream: String, _ type: String, _ data: String, version: Int64 = 1, id: String? = nil) throws {
            events.append(try ProposedEvent(eventId: id, stream: stream, type: type, schemaVersion: version,
                                            occurredAt: "2026-02-01T10:00:00Z", data: data))
        }
        try add("project-hand", "project.registered", #"{"projectCode":"H","name":"Hand","funder":"STEA","startDate":"2026-01-01","endDate":"2026-12-31","costModel":"real-costs","selfFinancingPercent":0}"#)
        try add(Self.activity, "activity.created", #"{"project":"project-hand","name":"Cohort","kind":"training-cohort","targetGroup":"experience-experts","municipality":"Forssa"}"#)
        for person in ["p-aa", "p-bb", "p-cc", "p-dd"] {
            try add("participant-\(person)", "participant.registered", #"{"participant":"\#(person)","roles":["parent"],"gender":"woman","birthYear":1980,"municipality":"Forssa"}"#)
            try add("participant-\(person)", "enrolment.signed-up", #"{"participant":"\#(person)","activity":"\#(Self.activity)","date":"2026-02-01"}"#)
        }
        for person in ["p-aa", "p-bb", "p-cc"] {
            try add("participant-\(person)", "enrolment.started", #"{"participant":"\#(person)","activity":"\#(Self.activity)","date":"2026-02-02","entry":{"ageAtEntry":45,"labourMarketStatus":"employed","educationLevel":"isced-3-4","disability":"no","thirdCountNational":"no","foreignBackground":"no","minority":"no","homelessOrHousingExclusion":"no","ruralArea":"no"}}"#)
        }
        let dates = ["s1": "2026-02-03", "s2": "2026-02-10", "s3": "2026-02-17", "s4": "2026-02-24", "s5": "2026-03-03"]
        let matrix: [(String, [(String, String)])] = [
            ("s1", [("p-aa", "present"), ("p-bb", "present"), ("p-cc", "present"), ("p-dd", "present")]),
            ("s2", [("p-aa", "present"), ("p-bb", "excused"), ("p-cc", "present")]),
            ("s3", [("p-aa", "present"), ("p-bb", "present"), ("p-aa", "absent")]),
            ("s4", [("p-aa", "present"), ("p-bb", "present")]),
            ("s5", [("p-aa", "present"), ("p-bb", "present")]),
        ]
        for (session, marks) in matrix {
            try add(Self.activity, "session.held", #"{"session":"\#(session)","date":"\#(dates[session] ?? "")","durationMinutes":180,"location":"Forssa","format":"in-person"}"#, version: 2)
            for (person, status) in marks {
                try add(Self.activity, "attendance.recorded", #"{"session":"\#(session)","participant":"\#(person)","status":"\#(status)"}"#)
            }
            if session == "s2" {
                try add("participant-p-cc", "enrolment.ended", #"{"participant":"p-cc","activity":"\#(Self.activity)","date":"2026-02-10","outcome":"dropped-out"}"#)
            }
        }
        let mistaken = "5a1d0000-0000-4000-8000-000000000001"
        try add(Self.activity, "attendance.recorded", #"{"session":"s5","participant":"p-bb","status":"absent"}"#, id: mistaken)
        try add(Self.activity, "entry.voided", #"{"eventId":"\#(mistaken)","reason":"wrong person"}"#)
        try add(Self.activity, "session.cancelled", #"{"session":"s6","date":"2026-03-10"}"#)
        for person in ["p-aa", "p-bb"] {
            try add("participant-\(person)", "enrolment.ended", #"{"participant":"\#(person)","activity":"\#(Self.activity)","date":"2026-03-03","outcome":"graduated"}"#)
        }
        return events
    }

    @Test func theHandComputedCohortIsReproducedExactly() throws {
        let fixture = try ProjectionFixture()
        try fixture.store.appendValidated(try cohortEvents())
        let readModels = try fixture.liveReadModels()
        try fixture.engine(readModels).update()
        let figures = try #require(try readModels.read { try CommitmentReadModel.figures(of: Self.activity, in: $0) })
        let cohort = figures.commitment
        #expect([cohort.signedUp, cohort.started, cohort.graduated, cohort.droppedOut, cohort.neverStarted, cohort.stillEnrolled] == [4, 3, 2, 1, 1, 0] as [Int])
        #expect(cohort.sessionsHeld == 5)
        #expect(cohort.rate == Rate(10, of: 15))
        #expect(cohort.rate.percentText == "66.67")
        let byPerson = Dictionary(uniqueKeysWithValues: cohort.participants.map { ($0.participant, $0) })
        #expect(byPerson["p-aa"]?.rate == Rate(4, of: 5))
        #expect(byPerson["p-bb"]?.rate == Rate(4, of: 5))
        #expect(byPerson["p-cc"]?.rate == Rate(2, of: 2))
        #expect(byPerson["p-dd"]?.sessionsWhileEnrolled == 0)

        let table = ReportFormat.table.render(CommitmentReport.make(figures, stamp: try fixture.engine(readModels).stamp(for: [])))
        #expect(table.contains("66.67 %"))
        #expect(table.contains("80.00 %"))
        #expect(table.contains("100.00 %"))
    }

    @Test func theDemoCohortReportsTheSeedProjectsRate() throws {
        let fixture = try ProjectionFixture()
        try fixture.store.appendValidated(try fixture.demoEvents())
        let readModels = try fixture.liveReadModels()
        try fixture.engine(readModels).update()
        let figures = try #require(try readModels.read { try CommitmentReadModel.figures(of: SampleProgramme.cohortStream, in: $0) })
        #expect([figures.commitment.signedUp, figures.commitment.started, figures.commitment.graduated] == [21, 18, 14] as [Int])
        #expect(figures.commitment.rate == Rate(503, of: 18 * 33))
        #expect(figures.commitment.rate.percentText == "84.68")
    }

    @Test(arguments: [
        (503, 594, "84.68"), (2, 3, "66.67"), (1, 3, "33.33"), (1, 8, "12.50"), (1, 20_000, "0.01"),
        (1, 40_000, "0.00"), (5, 5, "100.00"), (0, 7, "0.00"),
    ])
    func ratesHaveTwoDecimalsRoundedHalfUp(numerator: Int, denominator: Int, expected: String) {
        #expect(Rate(numerator, of: denominator).percentText == expected)
    }

    @Test func aRateOfNothingIsNoRate() {
        #expect(Rate(0, of: 0).percentText == nil)
    }
}
