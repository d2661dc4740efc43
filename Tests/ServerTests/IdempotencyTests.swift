import EventStore
import Foundation
import Testing

/// A request sent again with its key — the API's `Idempotency-Key`, a form's hidden `_request` —
/// records nothing twice and gets the same answer: a retry after a timeout is safe.
@Suite struct IdempotencyTests {
    static let server = Task { try await TestServer.start() }

    private func token(_ browser: Browser) async throws -> String {
        try #require(try await browser.token("koordinaattori"))
    }

    @Test func anAttendanceSheetSentTwiceWithItsKeyIsRecordedOnce() async throws {
        let server = try await Self.server.value
        let browser = Browser(server)
        let token = try await token(browser)
        let path = "/api/v1/groups/\(TestServer.ownActivity)/sessions/\(TestServer.apiSession)/attendance"
        let body = #"{"held":{"durationMinutes":60,"location":"Forssa"},"marks":[{"participant":"p-7k2m","status":"present"}]}"#
        let key = ["Idempotency-Key": "sheet-\(UUID().uuidString)"]
        // The other tests of the suite record at the same time: count this session's events only.
        let ofTheSession = { try server.events().filter { $0.stream == TestServer.ownActivity && $0.data.contains(#""session":"\#(TestServer.apiSession)""#) }.count }
        let before = try ofTheSession()
        let first = try await browser.send("POST", path, json: body, bearer: token, headers: key)
        let again = try await browser.send("POST", path, json: body, bearer: token, headers: key)
        #expect(first.status == 201 && again.status == 201, "\(first.status) \(first.body); \(again.status) \(again.body)")
        let ids = try #require(first.json?["eventIds"] as? [String])
        #expect(again.json?["eventIds"] as? [String] == ids, "the same answer")
        #expect(try ofTheSession() == before + 2, "the session held and one mark, once")
        // Another key is another request: the mark again (a later mark supersedes), the session not held twice.
        let other = try await browser.send("POST", path, json: #"{"marks":[{"participant":"p-7k2m","status":"absent"}]}"#, bearer: token,
                                           headers: ["Idempotency-Key": "sheet-\(UUID().uuidString)"])
        #expect(other.status == 201)
        #expect(try ofTheSession() == before + 3)
    }

    @Test func aRegistrationSentTwiceWithItsKeyMakesOnePersonAndOneKey() async throws {
        let server = try await Self.server.value
        let browser = Browser(server)
        let token = try await token(browser)
        let body = #"{"personal":{"name":"Kahdesti Lähetetty","birthDate":"1999-09-09"},"gender":"woman","municipality":"Forssa","roles":["parent"]}"#
        let key = ["Idempotency-Key": UUID().uuidString]
        let first = try await browser.send("POST", "/api/v1/record/participant", json: body, bearer: token, headers: key)
        let again = try await browser.send("POST", "/api/v1/record/participant", json: body, bearer: token, headers: key)
        #expect(first.status == 201 && again.status == 201)
        let participant = try #require(first.json?["id"] as? String)
        #expect(again.json?["id"] as? String == participant, "the same new id, not a second person")
        #expect(try server.events().filter { $0.type == "participant.registered" && $0.stream == "participant-\(participant)" }.count == 1)
        #expect(try server.events().filter { $0.type == "participant.registered" && $0.data.contains("1999") }.count == 1)
    }

    @Test func aFormSentTwiceRecordsOnceAndAKeyOutOfFormIsRefused() async throws {
        let server = try await Self.server.value
        let browser = Browser(server)
        let csrf = try await browser.signIn("koordinaattori")
        let request = UUID().uuidString
        let cost: [(String, String)] = [("project", "project-tukidemo-2026"), ("category", "materials"), ("amountCents", "12,34"),
                                        ("date", "2026-12-01"), ("_request", request)]
        let before = try server.events().filter { $0.type == "cost.incurred" }.count
        let first = try await browser.post("/record/cost", cost, csrf: csrf)
        let again = try await browser.post("/record/cost", cost, csrf: csrf)
        #expect(first.status == 200 && again.status == 200, "\(first.body)")
        #expect(try server.events().filter { $0.type == "cost.incurred" }.count == before + 1)
        // Each form shown carries a new key.
        let page = try await browser.get("/record")
        let keys = page.body.components(separatedBy: #"name="_request" value=""#).dropFirst().map { String($0.prefix(36)) }
        #expect(!keys.isEmpty && Set(keys).count == 1 && keys.first != request)
        let badKey = try await browser.post("/record/cost", cost.dropLast() + [("_request", "with space")], csrf: csrf)
        #expect(badKey.status == 400)
        #expect(try server.events().filter { $0.type == "cost.incurred" }.count == before + 1)
    }
}
