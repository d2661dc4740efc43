import Projections
import Testing

/// The sheet of a session on the day an enrolment ends, and held sessions still missing their marks.
@Suite struct RosterAndOpenSessionsTests {
    /// p-aa's enrolment ends on 10.3., the day of s8; p-bb's the day before; p-cc's stays open. s7
    /// (3.3.) has its marks; s8 (10.3.) was held with none.
    func readModels() throws -> ReadModelDatabase {
        var history = try HandHistory()
        for person in ["p-aa", "p-bb", "p-cc"] {
            try history.participant(person)
            try history.add("participant-\(person)", "enrolment.signed-up", #"{"participant":"\#(person)","activity":"activity-group","date":"2026-01-01"}"#)
        }
        for (person, day) in [("p-aa", "2026-03-10"), ("p-bb", "2026-03-09")] {
            try history.add("participant-\(person)", "enrolment.ended", #"{"participant":"\#(person)","activity":"activity-group","date":"\#(day)","outcome":"completed"}"#)
        }
        for (session, day) in [("s7", "2026-03-03"), ("s8", "2026-03-10")] {
            try history.add(HandHistory.group, "session.held", #"{"session":"\#(session)","date":"\#(day)","durationMinutes":90,"location":"Forssa","format":"in-person"}"#)
        }
        try history.add(HandHistory.group, "attendance.recorded", #"{"session":"s7","participant":"p-aa","status":"present"}"#)
        try history.add(HandHistory.group, "session.scheduled", #"{"session":"s9","date":"2026-03-17","durationMinutes":90}"#)
        return try history.readModels().0
    }

    @Test(arguments: [("2026-03-09", ["p-aa", "p-bb", "p-cc"]), ("2026-03-10", ["p-aa", "p-cc"]), ("2026-03-11", ["p-cc"])])
    func anEnrolmentIncludesTheDayItEnds(day: String, enrolled: [String]) throws {
        let people = try readModels().read { try DirectoryReadModel.enrolled(in: HandHistory.group, on: day, in: $0) }
        #expect(people.map(\.participant) == enrolled)
        #expect(people.allSatisfy { $0.step == "signed-up" && $0.since == "2026-01-01" })
    }

    @Test func aHeldSessionWithoutMarksIsStillOpen() throws {
        let readModels = try readModels()
        let sessions = try readModels.read { try DirectoryReadModel.sessions(ofActivity: HandHistory.group, in: $0) }
        #expect(sessions.map { "\($0.session) \($0.isMissingMarks)" } == ["s7 false", "s8 true", "s9 false"])
        let open = try readModels.read { try DirectoryReadModel.sessions(.init(activity: HandHistory.group, open: true, today: "2026-03-12"), in: $0) }
        #expect(open.map(\.session) == ["s8", "s9"])
    }
}
