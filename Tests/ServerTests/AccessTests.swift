import Samples
import EventStore
import Foundation
import Hummingbird
import Ledger
import Logging
@testable import Server
import Testing

/// Every role against every route: what the role may do answers 200 (or 303 after a form), and
/// everything else is refused — a page with 403, the API with 403, and before sign-in the page
/// sends the browser to sign in while the API answers 401.
@Suite struct AccessTests {
    static let server = Task { try await TestServer.start() }

    enum Who: String, CaseIterable, CustomStringConvertible {
        case nobody, koordinaattori, ohjaaja, tarkastaja, analyytikko
        var description: String { rawValue }
    }

    /// (method, path, expected status for nobody, coordinator, facilitator, auditor, analyst)
    static let own = TestServer.ownActivity
    static let other = TestServer.otherActivity
    static let session = TestServer.session
    static let report = "project=\(SampleProgramme.projectStream)&from=2026-01-01&to=2026-06-30"
    static let pages: [(String, String, [Int])] = [
        ("GET", "/static/tuki.css", [200, 200, 200, 200, 200]),
        ("GET", "/signin", [200, 200, 200, 200, 200]),
        ("POST", "/signin", [401, -1, -1, -1, -1]),
        ("GET", "/signin/code", [303, 303, 303, 303, 303]),
        ("POST", "/signin/code", [403, 303, 303, 303, 303]),
        ("GET", "/", [303, 303, 303, 303, 303]),
        ("GET", "/no-role", [303, 200, 200, 200, 200]),
        ("POST", "/language", [403, 400, 400, 400, 400]),
        ("GET", "/password", [303, 200, 200, 200, 200]),
        ("POST", "/password", [403, 422, 422, 422, 422]),
        // Those who see names have an authenticator already; the others may enrol one.
        ("GET", "/second-factor", [303, 200, 200, 200, 200]),
        ("POST", "/second-factor", [403, 303, 422, 303, 422]),
        ("GET", "/groups", [303, 200, 200, 403, 403]),
        ("GET", "/groups/\(own)", [303, 200, 200, 403, 403]),
        ("GET", "/groups/\(other)", [303, 200, 403, 403, 403]),
        ("GET", "/groups/\(own)/sessions/\(session)", [303, 200, 200, 403, 403]),
        ("GET", "/groups/\(other)/sessions/\(session)", [303, 200, 403, 403, 403]),
        ("GET", "/groups/\(own)/sessions/\(session)/print", [303, 200, 200, 403, 403]),
        ("GET", "/groups/\(other)/sessions/\(session)/print", [303, 200, 403, 403, 403]),
        ("GET", "/groups/\(own)/fit", [303, 200, 200, 403, 403]),
        ("GET", "/groups/\(other)/feedback", [303, 200, 403, 403, 403]),
        ("GET", "/overview", [303, 200, 403, 403, 403]),
        ("GET", "/reports", [303, 200, 403, 403, 200]),
        ("GET", "/reports/esr?\(report)&format=csv", [303, 200, 403, 403, 200]),
        ("GET", "/reports/stea?project=\(SampleProgramme.projectStream)&year=2026", [303, 200, 403, 403, 200]),
        ("GET", "/reports/fees?year=2026", [303, 200, 403, 403, 403]),
        ("POST", "/reports/fees", [403, 400, 403, 403, 403]),
        ("POST", "/reports/staff-time", [403, 400, 403, 403, 403]),
        ("GET", "/reports/sessions", [303, 200, 403, 403, 403]),
        ("GET", "/lists", [303, 200, 403, 403, 403]),
        ("GET", "/lists/participants", [303, 200, 403, 403, 403]),
        ("POST", "/lists/engagements", [403, 200, 403, 403, 403]),
        ("GET", "/record", [303, 200, 200, 403, 403]),
        ("GET", "/people", [303, 200, 403, 403, 403]),
        ("GET", "/costs", [303, 200, 403, 403, 403]),
        ("GET", "/audit", [303, 403, 403, 200, 403]),
        ("GET", "/audit/export", [303, 403, 403, 200, 403]),
        // Writes by those who may not write: the forms carry a valid token, so only the role refuses.
        ("POST", "/groups/\(other)/sessions/\(session)", [403, -1, 403, 403, 403]),
        ("POST", "/groups/\(own)/sessions/\(session)/cancel", [403, -1, -1, 403, 403]),
        ("POST", "/groups/\(other)/sessions/\(session)/fit", [403, -1, 403, 403, 403]),
        ("POST", "/groups/\(other)/void", [403, -1, 403, 403, 403]),
        ("POST", "/groups/\(other)/sessions/\(session)/feedback", [403, -1, 403, 403, 403]),
        ("POST", "/groups/\(other)/sessions", [403, -1, 403, 403, 403]),
        ("POST", "/groups/\(own)/sessions", [403, -1, -1, 403, 403]),
        ("POST", "/record/participant", [403, -1, 403, 403, 403]),
        ("POST", "/record/import", [403, -1, 403, 403, 403]),
        ("POST", "/costs/void", [403, -1, 403, 403, 403]),
        ("POST", "/lists/participants/names", [403, -1, 403, 403, 403]),
        ("POST", "/reports/payroll", [403, -1, 403, 403, 403]),
        ("POST", "/people/search", [403, -1, 403, 403, 403]),
        ("GET", "/people/no-such-handle", [303, 404, 403, 403, 403]),
        ("POST", "/people/no-such-handle/reveal", [403, 404, 403, 403, 403]),
        ("POST", "/people/no-such-handle/erase", [403, 404, 403, 403, 403]),
        ("POST", "/people/no-such-handle/correct", [403, 404, 403, 403, 403]),
        ("POST", "/people/no-such-handle/record/fee", [403, 404, 403, 403, 403]),
        ("POST", "/people/no-such-handle/void", [403, 404, 403, 403, 403]),
        ("POST", "/people/no-such-handle/payroll", [403, 404, 403, 403, 403]),
        ("GET", "/no-such-page", [404, 404, 404, 404, 404]),
        // Last: it ends the session.
        ("POST", "/signout", [403, 303, 303, 303, 303]),
    ]
    static let api: [(String, String, [Int])] = [
        ("GET", "/api/v1/openapi.json", [200, 200, 200, 200, 200]),
        ("POST", "/api/v1/tokens", [400, 400, 400, 400, 400]),
        ("GET", "/api/v1/me", [401, 200, 200, 200, 200]),
        ("GET", "/api/v1/groups", [401, 200, 200, 403, 403]),
        ("GET", "/api/v1/groups/\(own)/sessions/\(session)/sheet", [401, 200, 200, 403, 403]),
        ("GET", "/api/v1/groups/\(other)/sessions/\(session)/sheet", [401, 200, 403, 403, 403]),
        ("POST", "/api/v1/groups/\(own)/sessions/\(session)/attendance", [401, -1, -1, 403, 403]),
        ("POST", "/api/v1/groups/\(other)/sessions/\(session)/attendance", [401, -1, 403, 403, 403]),
        ("GET", "/api/v1/reports/esr?\(report)", [401, 200, 403, 403, 200]),
        ("GET", "/api/v1/reports/stea?project=\(SampleProgramme.projectStream)&year=2026", [401, 200, 403, 403, 200]),
        ("GET", "/api/v1/reports/fees?year=2026", [401, 200, 403, 403, 403]),
        ("GET", "/api/v1/lists/participants", [401, 200, 403, 403, 403]),
        ("POST", "/api/v1/record/fee", [401, -1, 403, 403, 403]),
        ("POST", "/api/v1/groups/\(other)/sessions", [401, -1, 403, 403, 403]),
        ("POST", "/api/v1/groups/\(own)/sessions", [401, 400, 400, 403, 403]),
        ("POST", "/api/v1/reports/fees", [401, 400, 403, 403, 403]),
        ("POST", "/api/v1/lists/engagements", [401, 200, 403, 403, 403]),
        ("GET", "/api/v1/no-such-thing", [401, 404, 404, 404, 404]),
        ("GET", "/api/v1/audit/chain", [401, 403, 403, 200, 403]),
        ("GET", "/api/v1/audit/export", [401, 403, 403, 200, 403]),
    ]

    @Test(arguments: Who.allCases)
    func pagesAnswerByRole(_ who: Who) async throws {
        let server = try await Self.server.value
        let browser = Browser(server)
        let index = Who.allCases.firstIndex(of: who) ?? 0
        let csrf = who == .nobody ? nil : try await browser.signIn(who.rawValue)
        if who != .nobody { #expect(csrf != nil, "\(who) signs in") }
        for (method, path, statuses) in Self.pages where statuses[index] >= 0 {
            let answer = method == "GET" ? try await browser.get(path) : try await browser.post(path, [("mark.p-7k2m", "present")], csrf: csrf)
            #expect(answer.status == statuses[index], "\(who): \(method) \(path)")
            if answer.status == 303 && who == .nobody { #expect(answer.header("Location") == "/signin") }
            if answer.status == 403 && who != .nobody { #expect(answer.body.contains("oikeutta"), "\(who): \(method) \(path) says why, in Finnish") }
        }
    }

    @Test(arguments: Who.allCases)
    func apiAnswersByRole(_ who: Who) async throws {
        let server = try await Self.server.value
        let browser = Browser(server)
        let index = Who.allCases.firstIndex(of: who) ?? 0
        var token: String?
        if who != .nobody {
            token = try await browser.token(who.rawValue)
            #expect(token != nil, "\(who) gets a token")
        }
        for (method, path, statuses) in Self.api where statuses[index] >= 0 {
            let answer = try await browser.send(method, path, json: method == "POST" ? #"{"marks":[]}"# : nil, bearer: token)
            #expect(answer.status == statuses[index], "\(who): \(method) \(path)")
            if answer.status >= 400 { #expect(answer.body.hasPrefix(#"{"error":"#), "\(who): \(method) \(path) answers JSON") }
        }
    }

    /// Every route the router has is in one of the tables above (by its pattern), so that a route
    /// added without deciding who may use it fails here.
    @Test func everyRouteIsInTheTable() async throws {
        let server = try await Self.server.value
        let router = try buildRouter(ServerSettings(paths: server.paths), logger: Logger(label: "test"))
        let rows = (Self.pages + Self.api).map { (method: $0.0, path: String($0.1.prefix { $0 != "?" })) }
        for route in router.routes {
            let pattern = route.path.description.split(separator: "/", omittingEmptySubsequences: true)
            let covered = rows.contains { row in
                let parts = row.path.split(separator: "/", omittingEmptySubsequences: true)
                guard row.method == route.method.rawValue else { return false }
                if pattern.last == "**" { return parts.count >= pattern.count && zip(pattern.dropLast(), parts).allSatisfy(Self.matches) }
                return parts.count == pattern.count && zip(pattern, parts).allSatisfy(Self.matches)
            }
            #expect(covered, "\(route.method) \(route.path) has a row")
        }
        #expect(router.routes.count >= 50)
    }

    private static func matches(_ pattern: Substring, _ part: Substring) -> Bool {
        pattern == part || pattern.hasPrefix(":") || pattern.hasPrefix("{") || pattern == "*"
    }

    /// Every route, as every role, with bodies a client should not send: too large, malformed form
    /// encoding, fields of the wrong kind, JSON that is not the route's. Nothing is a 5xx; a body
    /// too large is a 413 wherever the request gets as far as reading it.
    @Test(arguments: Who.allCases)
    func badBodiesAreTheClientsMistakeOnEveryRoute(_ who: Who) async throws {
        let server = try await Self.server.value
        let browser = Browser(server)
        let csrf = who == .nobody ? nil : try await browser.signIn(who.rawValue)
        let token = who == .nobody ? nil : try await browser.token(who.rawValue)
        let huge = String(repeating: "a", count: 300 * 1024)
        // A user name of this test's own: its failed sign-ins must not block the empty name that
        // the role table's sign-in row uses (the suite's tests run at the same time).
        let forms = [
            "_csrf=\(csrf ?? "")&%zz=%&&==&mark.p-7k2m=%FF%FE&durationMinutes=99999999999999999999&date=2026-02-30&purpose=&user=bad-body-\(who)",
            "_csrf=\(csrf ?? "")&amount=-1e309&entry.ageAtEntry=%00&format=pdf&year=0&from=2026-12-31&to=2026-01-01&user=bad-body-\(who)",
        ]
        let jsons = [#"{"marks":[{"participant":5,"status":null}],"held":"x"}"#, "[1,2]", #"{"durationMinutes":1e400,"date":7}"#,
                     #"{"marks":"#, "\u{0}"]
        // A page's GET takes no body: one sent anyway changes nothing.
        for (method, path, statuses) in Self.pages where method == "GET" {
            let expected = statuses[Who.allCases.firstIndex(of: who) ?? 0]
            let answer = try await browser.send("GET", path, headers: ["Content-Type": "application/x-www-form-urlencoded"], body: forms[0] + huge)
            #expect(answer.status == expected || expected < 0, "\(who): GET \(path) with a body")
        }
        for (method, path, _) in Self.pages where method == "POST" && path != "/signout" {
            let tooLarge = try await browser.send("POST", path, headers: ["Content-Type": "application/x-www-form-urlencoded"],
                                                  body: "_csrf=\(csrf ?? "")&x=" + huge)
            #expect(tooLarge.status == 413, "\(who): \(path) too large")
            for form in forms {
                let answer = try await browser.send("POST", path, headers: ["Content-Type": "application/x-www-form-urlencoded"], body: form)
                #expect(answer.status < 500, "\(who): \(path) with a malformed form")
            }
        }
        for (method, path, statuses) in Self.api {
            let reachesBody = method == "POST" && (path == "/api/v1/tokens" || statuses[Who.allCases.firstIndex(of: who) ?? 0] != 403 && who != .nobody)
            let tooLarge = try await browser.send(method, path, json: #"{"x":""# + huge + #""}"#, bearer: token)
            if reachesBody { #expect(tooLarge.status == 413, "\(who): \(method) \(path) too large") }
            #expect(tooLarge.status < 500, "\(who): \(method) \(path) too large")
            for json in jsons {
                let answer = try await browser.send(method, path, json: json, bearer: token)
                #expect(answer.status < 500, "\(who): \(method) \(path) with \(json)")
                #expect(answer.body.hasPrefix("{") || answer.status < 300, "\(who): \(method) \(path) answers JSON")
            }
        }
    }

    /// The API takes no session cookie: a page a user has open in the browser cannot be used to
    /// write through the API, which has no form token.
    @Test func apiIgnoresTheSessionCookie() async throws {
        let browser = Browser(try await Self.server.value)
        try await browser.signIn("koordinaattori")
        #expect(try await browser.get("/api/v1/me").status == 401)
    }
}

/// The auditor's view of the ledger as it stood at the end of a day: its head, the chain checked
/// up to it, and the export up to it.
@Suite struct AuditAsOfTests {
    @Test func theAuditPageAndTheExportStopAtTheDaysHead() async throws {
        let server = try await AccessTests.server.value
        let browser = Browser(server)
        try await browser.signIn("tarkastaja")
        // The other tests of the suite record at the same time: the page shows a head at least as
        // far as the ledger's before it was asked, and no further than after.
        let earlier = try server.events().count
        let now = try await browser.get("/audit")
        let all = try server.events()
        let shown = all.dropFirst(earlier - 1).filter { now.body.contains($0.hash) }
        #expect(shown.count == 1, "the page shows one head of the ledger's")
        #expect(shown.first.map { now.body.contains("\($0.position)") } == true)
        // Everything in the test ledger was recorded today: at the end of 2025 it was empty.
        let before = try await browser.get("/audit?as-of=2025-12-31")
        #expect(before.status == 200)
        #expect(before.body.contains(HashChain.genesisHash))
        #expect(before.body.contains(#"href="/audit/export?through=0""#))
        let export = try await browser.get("/audit/export?through=3")
        #expect(export.body.split(separator: "\n").count == 3)
        #expect(try await browser.get("/audit?as-of=someday").status == 400)
    }
}
