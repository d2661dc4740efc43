import EventStore
import Foundation
import Samples
import Server
import Testing

/// A project's costs and staff time, entry by entry, each voided where it is shown: the void
/// names the entry's kind, day, category or staff member and amount, never its free text.
@Suite(.serialized) struct CostsPageTests {
    static let server = Task { try await TestServer.start() }
    static let project = SampleProgramme.projectStream

    @Test func aCostRecordedByMistakeIsVoidedOnTheCostsPage() async throws {
        let server = try await Self.server.value
        let browser = Browser(server)
        let csrf = try await browser.signIn("koordinaattori")
        #expect(try await browser.post("/record/cost", [
            ("project", Self.project), ("category", "catering"), ("amountCents", "12,34"), ("description", "Väärä kuitti"),
        ], csrf: csrf).status == 200)
        let cost = try #require(try server.events().last { $0.type == "cost.incurred" })
        let page = try await browser.get("/costs?project=\(Self.project)")
        #expect(page.status == 200)
        #expect(page.body.contains("Mitätöidään: Kustannus \(TestServer.sessionDayShown) · tarjoilut · 12,34"))
        #expect(!page.body.contains("Väärä kuitti"), "the free text stays where it was recorded")
        #expect(page.body.contains("Työaika"), "staff time is listed too")
        #expect(page.body.contains(#"name="event" value="\#(cost.eventId)""#))

        let voided = try await browser.post("/costs/void", [("event", cost.eventId), ("project", Self.project), ("reason", "kirjattu kahdesti")],
                                             csrf: csrf)
        #expect(voided.status == 303 && voided.header("Location") == "/costs?project=\(Self.project)&voided=1")
        let void = try #require(try server.events().last)
        #expect(void.type == "entry.voided" && void.data.contains(cost.eventId) && void.meta == #"{"actor":"koordinaattori"}"#)
        #expect(!(try await browser.get("/costs?project=\(Self.project)").body.contains(cost.eventId)), "no longer listed")

        // Only costs and staff time of the project shown, and only with a reason.
        let before = try server.events().count
        let fee = try #require(try server.events().first { $0.type == "fee.paid" })
        #expect(try await browser.post("/costs/void", [("event", fee.eventId), ("project", Self.project), ("reason", "x")], csrf: csrf).status == 400)
        let other = try #require(try server.events().first { $0.type == "cost.incurred" && !$0.data.contains(cost.eventId) })
        #expect(try await browser.post("/costs/void", [("event", other.eventId), ("project", "project-muu"), ("reason", "x")], csrf: csrf).status == 400)
        let noReason = try await browser.post("/costs/void", [("event", other.eventId), ("project", Self.project), ("reason", "")], csrf: csrf)
        #expect(noReason.status == 400 && noReason.body.contains("Kirjoita mitätöinnin syy."))
        #expect(try server.events().count == before)
    }
}
