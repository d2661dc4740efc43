import Foundation
@testable import Server
import Testing

/// No person's id in an address, and no page without its template.
@Suite struct AddressesAndTemplatesTests {
    static let server = Task { try await TestServer.start() }

    /// The report and list forms that can name an expert or a staff member are posted; the same
    /// filter in an address is refused, on the pages and in the API.
    @Test func filtersThatNameAPersonArePostedNeverPutInAnAddress() async throws {
        let browser = Browser(try await Self.server.value)
        let csrf = try #require(try await browser.signIn("koordinaattori"))
        let reports = try await browser.get("/reports")
        #expect(reports.body.contains(#"<form method="post" action="/reports/fees""#))
        #expect(reports.body.contains(#"<form method="post" action="/reports/staff-time""#))
        #expect(reports.body.contains(#"<form method="get" action="/reports/esr""#))
        #expect(!reports.body.contains(#"<form method="get" action="/reports/fees""#))
        let lists = try await browser.get("/lists")
        #expect(lists.body.contains(#"<form method="post" action="/lists/engagements""#))
        #expect(!lists.body.contains(#"<form method="get" action="/lists/engagements""#))

        #expect(try await browser.get("/reports/fees?year=2026&expert=p-3h8q").status == 400)
        #expect(try await browser.get("/lists/engagements?expert=p-3h8q").status == 400)
        #expect(try await browser.get("/reports/staff-time?project=x&from=2026-01-01&to=2026-06-30&staff=staff-01").status == 400)
        let posted = try await browser.post("/reports/fees", [("year", "2026"), ("expert", "p-3h8q")], csrf: csrf)
        #expect(posted.status == 200 || posted.status == 404)
        #expect(try await browser.post("/lists/engagements", [("expert", "p-3h8q")], csrf: csrf).status == 200)

        let token = try #require(try await browser.token("koordinaattori"))
        #expect(try await browser.send("GET", "/api/v1/reports/fees?year=2026&expert=p-3h8q", bearer: token).status == 400)
        let api = try await browser.send("POST", "/api/v1/reports/fees", json: #"{"year":"2026","expert":"p-3h8q"}"#, bearer: token)
        #expect(api.status == 200 || api.status == 404)
        #expect(try await browser.send("POST", "/api/v1/lists/engagements", json: #"{"expert":"p-3h8q"}"#, bearer: token).status == 200)
    }

    @Test func aPageWithoutItsTemplateStopsTheServerFromStarting() throws {
        var templates = Templates.all
        templates["sheet"] = nil
        #expect(throws: Pages.MissingTemplate.self) { try Pages(templates: templates) }
        templates = Templates.all
        templates["layout"] = nil
        #expect(throws: Pages.MissingTemplate.self) { try Pages(templates: templates) }
        _ = try Pages()
    }

    /// An error page is drawn inside the user's session: it names them and offers signing out.
    @Test func errorPagesShowWhoIsSignedIn() async throws {
        let browser = Browser(try await Self.server.value)
        try await browser.signIn("ohjaaja")
        let refused = try await browser.get("/overview")
        #expect(refused.status == 403)
        #expect(refused.body.contains("ohjaaja"))
        #expect(refused.body.contains(#"action="/signout""#))
        let missing = try await browser.get("/groups/\(TestServer.ownActivity)/sessions/s-no-such")
        #expect(missing.status == 404)
        #expect(missing.body.contains(#"action="/signout""#))
    }
}
