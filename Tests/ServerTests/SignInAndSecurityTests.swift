import Foundation
import Server
import Testing

/// Signing in, the one-time password, the limit on guessing, the cookie, the form tokens and the
/// headers every page carries.
@Suite struct SignInAndSecurityTests {
    static let server = Task { try await TestServer.start() }

    @Test func theSessionCookieIsHttpOnlySameSiteStrictAndSecure() async throws {
        let browser = Browser(try await Self.server.value)
        let answer = try await browser.send("POST", "/signin", form: [("user", "ohjaaja"), ("password", TestServer.password)])
        #expect(answer.status == 303)
        #expect(answer.header("Location") == "/groups")
        let cookie = try #require(answer.header("Set-Cookie")).lowercased()
        #expect(cookie.hasPrefix("tuki_session="))
        #expect(cookie.contains("httponly"))
        #expect(cookie.contains("samesite=strict"))
        #expect(cookie.contains("secure"))
    }

    @Test func aWrongPasswordSaysNothingAboutWhichPartWasWrong() async throws {
        let browser = Browser(try await Self.server.value)
        let unknown = try await browser.send("POST", "/signin", form: [("user", "nobody-here"), ("password", "whatever it is")])
        let wrong = try await browser.send("POST", "/signin", form: [("user", "tarkastaja"), ("password", "whatever it is")])
        #expect(unknown.status == 401)
        #expect(wrong.status == 401)
        #expect(unknown.body == wrong.body.replacingOccurrences(of: "tarkastaja", with: "nobody-here"))
        #expect(!wrong.body.contains("whatever it is"))
    }

    @Test func guessingStopsAfterFiveFailuresEvenWithTheRightPassword() async throws {
        let server = try await TestServer.start()
        let browser = Browser(server)
        for _ in 1...5 {
            #expect(try await browser.send("POST", "/signin", form: [("user", "analyytikko"), ("password", "guess")]).status == 401)
        }
        let blocked = try await browser.send("POST", "/signin", form: [("user", "analyytikko"), ("password", TestServer.password)])
        #expect(blocked.status == 429)
        #expect(blocked.header("Set-Cookie") == nil)
        // The API's sign-in counts against the same limit.
        #expect(try await browser.send("POST", "/api/v1/tokens", json: #"{"user":"analyytikko","password":"\#(TestServer.password)"}"#).status == 429)
        // Another user is not affected.
        #expect(try await browser.signIn("tarkastaja") != nil)
    }

    @Test func aOneTimePasswordOpensOnlyThePasswordPage() async throws {
        let server = try await Self.server.value
        var credentials = try Credentials.load(from: server.paths.credentials)
        let oneTime = credentials.issueOneTimePassword(for: "ohjaaja-uusi")
        try credentials.save(to: server.paths.credentials)
        let browser = Browser(server)
        let signIn = try await browser.send("POST", "/signin", form: [("user", "ohjaaja-uusi"), ("password", oneTime)])
        #expect(signIn.header("Location") == "/password")
        #expect(try await browser.get("/groups").header("Location") == "/password")
        let page = try await browser.get("/password")
        let csrf = try #require(page.body.range(of: #"name="_csrf" value=""#).map { String(page.body[$0.upperBound...].prefix { $0 != "\"" }) })
        let short = try await browser.post("/password", [("password", "short"), ("repeat", "short")], csrf: csrf)
        #expect(short.status == 422)
        let set = try await browser.post("/password", [("password", "a long enough passphrase"), ("repeat", "a long enough passphrase")], csrf: csrf)
        #expect(set.status == 303)
        // The one-time password works no more; the new one does (the user has no role yet).
        let again = Browser(server)
        #expect(try await again.send("POST", "/signin", form: [("user", "ohjaaja-uusi"), ("password", oneTime)]).status == 401)
        let signedIn = try await again.send("POST", "/signin", form: [("user", "ohjaaja-uusi"), ("password", "a long enough passphrase")])
        #expect(signedIn.header("Location") == "/no-role")
        #expect(try Credentials.load(from: server.paths.credentials).users["ohjaaja-uusi"]?.mustChangePassword == false)
    }

    @Test func aFormWithoutTheSessionsTokenOrFromAnotherSiteIsRefused() async throws {
        let browser = Browser(try await Self.server.value)
        let csrf = try await browser.signIn("koordinaattori")
        let path = "/groups/\(TestServer.ownActivity)/sessions/\(TestServer.session)/cancel"
        #expect(try await browser.post(path, [("reason", "x")], csrf: nil).status == 403)
        #expect(try await browser.post(path, [("reason", "x")], csrf: "not-the-token").status == 403)
        let crossSite = try await browser.send("POST", path, form: [("_csrf", csrf ?? ""), ("reason", "x")],
                                               headers: ["Origin": "https://evil.example", "Sec-Fetch-Site": "cross-site"])
        #expect(crossSite.status == 403)
        #expect(try await browser.get("/groups/\(TestServer.ownActivity)").body.contains(TestServer.sessionDayShown))
    }

    @Test func everyPageForbidsScriptsAndFramesAndCaching() async throws {
        let browser = Browser(try await Self.server.value)
        for path in ["/signin", "/static/tuki.css", "/api/v1/openapi.json"] {
            let answer = try await browser.get(path)
            let policy = try #require(answer.header("Content-Security-Policy"))
            #expect(policy.contains("default-src 'none'"))
            #expect(!policy.contains("unsafe-inline"))
            #expect(!policy.contains("script-src"))
            #expect(answer.header("X-Content-Type-Options") == "nosniff")
            #expect(answer.header("X-Frame-Options") == "DENY")
        }
        #expect(try await browser.get("/signin").header("Cache-Control") == "no-store")
        #expect(!(try await browser.get("/signin").body.contains("<script")))
    }

    @Test func aGroupsReportMayUseItsOwnStylesButNoScript() async throws {
        let browser = Browser(try await Self.server.value)
        try await browser.signIn("ohjaaja")
        let report = try await browser.get("/groups/\(TestServer.ownActivity)/fit?print=1")
        #expect(report.status == 200)
        #expect(report.body.contains("<svg"), "the FIT chart")
        let policy = try #require(report.header("Content-Security-Policy"))
        #expect(policy.contains("default-src 'none'"))
        #expect(!policy.contains("script"))
    }

    @Test func signingOutEndsTheSession() async throws {
        let browser = Browser(try await Self.server.value)
        let csrf = try await browser.signIn("ohjaaja")
        let cookie = browser.cookie
        #expect(try await browser.post("/signout", [], csrf: csrf).header("Location") == "/signin")
        browser.cookie = cookie
        #expect(try await browser.get("/groups").header("Location") == "/signin")
    }
}
