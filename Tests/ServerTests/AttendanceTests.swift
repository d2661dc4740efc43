import EventStore
import Foundation
import Server
import Testing

/// A facilitator records a session on the attendance sheet: the events carry their name as actor,
/// the names they saw are in the access log under their name, and a refused sheet records nothing.
/// One at a time: each test counts the events it adds to the suite's ledger.
@Suite(.serialized) struct AttendanceTests {
    static let server = Task { try await TestServer.start() }
    static let sheet = "/groups/\(TestServer.ownActivity)/sessions/\(TestServer.session)"

    @Test func theSheetRecordsTheSessionHeldAndEachMarkUnderTheFacilitatorsName() async throws {
        let server = try await Self.server.value
        let browser = Browser(server)
        let csrf = try await browser.signIn("ohjaaja")
        let before = try server.events().count
        let page = try await browser.get(Self.sheet)
        #expect(page.status == 200)
        #expect(page.body.contains(#"name="mark.p-7k2m""#))
        #expect(page.body.contains(#"name="durationMinutes""#), "a session not yet held asks for its length")

        let saved = try await browser.post(Self.sheet, [
            ("mark.p-7k2m", "present"), ("mark.p-9x4d", "excused"), ("durationMinutes", "90"), ("location", "Forssa"), ("format", "in-person"),
        ], csrf: csrf)
        #expect(saved.status == 303)
        #expect(saved.header("Location") == Self.sheet + "?saved=2")

        let events = try server.events()
        let written = events.filter { $0.stream == TestServer.ownActivity && $0.position > Int64(before) }
        #expect(written.map(\.type) == ["session.held", "attendance.recorded", "attendance.recorded"])
        #expect(written.allSatisfy { $0.meta == #"{"actor":"ohjaaja"}"# })
        let readings = events.filter { $0.type == "access.logged" && $0.position > Int64(before) }
        #expect(Set(readings.map(\.stream)) == Set(TestServer.enrolledAgain.map { "subject-\($0)" }))
        #expect(readings.allSatisfy { $0.data.contains(#""actor":"ohjaaja""#) && $0.data.contains("attendance sheet") })

        // The sheet now shows the marks, and no longer asks for the session's length.
        let again = try await browser.get(Self.sheet + "?saved=2")
        #expect(again.body.contains(#"value="present" checked"#))
        #expect(again.body.contains(#"value="excused" checked"#))
        #expect(!again.body.contains(#"name="durationMinutes""#))
    }

    /// A session saved as held with no one marked is shown as missing its marks on the group's page
    /// and on the coordinator's overview, with a link to its sheet.
    @Test func aSessionHeldWithoutMarksShowsAsMissingThem() async throws {
        let server = try await Self.server.value
        let browser = Browser(server)
        let csrf = try await browser.signIn("koordinaattori")
        // A session of its own, planned here: the suite's other tests use the planned ones.
        let planned = try await browser.post("/groups/\(TestServer.ownActivity)/sessions", [("date", "2026-11-15"), ("durationMinutes", "90")],
                                             csrf: csrf)
        #expect(planned.status == 303)
        let scheduled = try #require(try server.events().last { $0.type == "session.scheduled" && $0.stream == TestServer.ownActivity })
        let session = try #require(try JSONParser.parse(scheduled.data)["session"]?.stringValue)
        let sheet = "/groups/\(TestServer.ownActivity)/sessions/\(session)"
        let saved = try await browser.post(sheet, [("durationMinutes", "90"), ("location", "Forssa"), ("format", "in-person")], csrf: csrf)
        #expect(saved.status == 303)
        let group = try await browser.get("/groups/\(TestServer.ownActivity)")
        #expect(group.body.contains("Pidetty, läsnäolot merkitsemättä"))
        let overview = try await browser.get("/overview")
        #expect(overview.body.contains("Pidetyt kokoontumiset, joiden läsnäolot puuttuvat") && overview.body.contains(sheet))
    }

    @Test func aMarkForSomeoneNotInTheGroupIsRefusedAndNothingIsRecorded() async throws {
        let server = try await Self.server.value
        let browser = Browser(server)
        let csrf = try await browser.signIn("koordinaattori")
        let before = try server.events().filter { $0.type != "access.logged" }.count
        let refused = try await browser.post("/groups/\(TestServer.otherActivity)/sessions/\(TestServer.session)", [
            ("mark.p-7k2m", "present"), ("durationMinutes", "90"), ("location", "Hämeenlinna"),
        ], csrf: csrf)
        #expect(refused.status == 422)
        #expect(refused.body.contains("Osallistuja ei ollut mukana toiminnassa kokoontumisen päivänä."))
        #expect(!refused.body.contains("attendance.participant-enrolled") && !refused.body.contains("data."))
        #expect(try server.events().filter { $0.type != "access.logged" }.count == before)
    }

    @Test func aMarkThatIsNotOneOfTheThreeIsABadForm() async throws {
        let server = try await Self.server.value
        let browser = Browser(server)
        let csrf = try await browser.signIn("ohjaaja")
        let answer = try await browser.post(Self.sheet, [("mark.p-7k2m", "<script>alert(1)</script>")], csrf: csrf)
        #expect(answer.status == 400)
        #expect(!answer.body.contains("<script>alert"))
    }

    @Test func theGroupPageShowsTheRosterByNameAndLogsTheReading() async throws {
        let server = try await Self.server.value
        let browser = Browser(server)
        try await browser.signIn("ohjaaja")
        let before = try server.events().count
        let page = try await browser.get("/groups/\(TestServer.ownActivity)")
        #expect(page.status == 200)
        let readings = try server.events().dropFirst(before).filter { $0.type == "access.logged" }
        #expect(readings.count == TestServer.enrolledAgain.count)
        #expect(readings.allSatisfy { $0.data.contains(#""actor":"ohjaaja""#) })
        // Names appear on the page, never in a URL.
        #expect(!page.body.contains("href=\"/groups/\(TestServer.ownActivity)/p-"))
    }

    @Test func theAPIRecordsTheSameWayAndAnswersWithTheEventIds() async throws {
        let server = try await Self.server.value
        let browser = Browser(server)
        let token = try #require(try await browser.token("koordinaattori"))
        let path = "/api/v1/groups/\(TestServer.ownActivity)/sessions/\(TestServer.apiSession)"
        let sheet = try await browser.send("GET", path + "/sheet", bearer: token)
        #expect(sheet.status == 200)
        let people = try #require(sheet.json?["people"] as? [[String: Any]])
        #expect(Set(people.compactMap { $0["participant"] as? String }) == Set(TestServer.enrolledAgain))
        #expect(sheet.json?["status"] as? String == "scheduled")
        // Without the session held first, the ledger's rules refuse the mark, and nothing is recorded.
        let refused = try await browser.send("POST", path + "/attendance", json: #"{"marks":[{"participant":"p-9x4d","status":"present"}]}"#, bearer: token)
        #expect(refused.status == 422)
        #expect(refused.json?["rule"] as? String == "attendance.session-held")
        #expect((refused.json?["error"] as? String)?.contains("Kokoontumista ei ole kirjattu pidetyksi") == true)
        let recorded = try await browser.send("POST", path + "/attendance", json: """
            {"held":{"durationMinutes":60,"location":"Forssa"},"marks":[{"participant":"p-9x4d","status":"present"}]}
            """, bearer: token)
        #expect(recorded.status == 201)
        let ids = try #require(recorded.json?["eventIds"] as? [String])
        let events = try server.events().filter { ids.contains($0.eventId) }
        #expect(events.map(\.type) == ["session.held", "attendance.recorded"])
        #expect(events.allSatisfy { $0.meta == #"{"actor":"koordinaattori"}"# })
    }
}
