import EventStore
import Foundation
import Ledger
@testable import Server
import Testing

/// What an attacker tries first at the door: many guesses at once, a one-time password used
/// twice, a session or token that outlives a password change, a password alone for a role that
/// sees names. Each suite's server is its own, so that their sign-in limits do not meet.
@Suite struct SignInHardeningTests {
    /// A user with a role, added to the server's ledger and users file with a password of their own.
    static func addUser(_ name: String, _ role: UserRole, to server: TestServer, password: String = TestServer.password,
                        oneTime: Bool = false) throws -> String {
        let store = try EventStore.open(at: server.paths.ledger)
        var data = #"{"user":"\#(name)","role":"\#(role.rawValue)""#
        if role == .facilitator { data += #","activities":["\#(TestServer.ownActivity)"]"# }
        try store.appendValidated([try ProposedEvent(stream: "user-\(name)", type: "user.role-granted", occurredAt: "2026-11-30T09:00:00Z",
                                                     data: data + "}", meta: #"{"actor":"admin"}"#)])
        var credentials = try Credentials.load(from: server.paths.credentials)
        var given = password
        if oneTime { given = credentials.issueOneTimePassword(for: name) } else { credentials.setPassword(password, for: name) }
        try credentials.save(to: server.paths.credentials)
        return given
    }

    @Test func twentyGuessesSentAtOnceAreCheckedAtMostFiveTimes() async throws {
        let server = try await TestServer.start()
        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for attempt in 0..<20 {
                group.addTask {
                    try await Browser(server).send("POST", "/signin", form: [("user", "analyytikko"), ("password", "guess \(attempt)")]).status
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(statuses.filter { $0 == 401 }.count <= 5, "checked")
        #expect(statuses.filter { $0 == 429 }.count >= 15, "refused before checking")
        #expect(Set(statuses).isSubset(of: [401, 429]))
        // The right password is refused too while the name is blocked.
        #expect(try await Browser(server).send("POST", "/signin", form: [("user", "analyytikko"), ("password", TestServer.password)]).status == 429)
    }

    @Test func aOneTimePasswordSignsInOnceAndOnlyToChooseAPassword() async throws {
        let server = try await TestServer.start()
        let oneTime = try Self.addUser("ohjaaja-2", .facilitator, to: server, oneTime: true)
        let first = Browser(server)
        #expect(try await first.send("POST", "/signin", form: [("user", "ohjaaja-2"), ("password", oneTime)]).header("Location") == "/password")
        // Spent: a second sign-in with it is a wrong password, before or after the first chose one.
        let second = Browser(server)
        #expect(try await second.send("POST", "/signin", form: [("user", "ohjaaja-2"), ("password", oneTime)]).status == 401)
        // The session it opened may choose a password and nothing else.
        #expect(try await first.get("/groups").header("Location") == "/password")
        #expect(try await first.get("/api/v1/me").status == 401)
        let csrf = try #require(try await first.formToken(on: "/password"))
        let set = try await first.post("/password", [("password", "a long enough passphrase"), ("repeat", "a long enough passphrase")], csrf: csrf)
        #expect(set.header("Location") == "/groups")
        #expect(try await first.get("/groups").status == 200)
    }

    @Test func changingThePasswordAsksForTheCurrentOneAndEndsEveryOtherSessionAndToken() async throws {
        let server = try await TestServer.start()
        let browser = Browser(server)
        let other = Browser(server)
        let csrf = try #require(try await browser.signIn("ohjaaja"))
        #expect(try await other.signIn("ohjaaja") != nil)
        let token = try #require(try await other.token("ohjaaja"))
        #expect(try await other.send("GET", "/api/v1/me", bearer: token).status == 200)
        let new = "another long passphrase"
        let page = try await browser.get("/password")
        #expect(page.body.contains(#"name="current""#))
        let withoutCurrent = try await browser.post("/password", [("password", new), ("repeat", new)], csrf: csrf)
        #expect(withoutCurrent.status == 401)
        let wrongCurrent = try await browser.post("/password", [("current", "not it at all"), ("password", new), ("repeat", new)], csrf: csrf)
        #expect(wrongCurrent.status == 401)
        let before = browser.cookie
        let changed = try await browser.post("/password", [("current", TestServer.password), ("password", new), ("repeat", new)], csrf: csrf)
        #expect(changed.status == 303)
        #expect(browser.cookie != nil && browser.cookie != before, "a new session id")
        #expect(try await browser.get("/groups").status == 200)
        #expect(try await other.get("/groups").header("Location") == "/signin", "the other session ended")
        #expect(try await other.send("GET", "/api/v1/me", bearer: token).status == 401, "the token ended")
        // The old session's id is worth nothing either.
        let stale = Browser(server)
        stale.cookie = before
        #expect(try await stale.get("/groups").header("Location") == "/signin")
    }

    @Test func aCoordinatorEnrolsAnAuthenticatorBeforeSeeingAnythingAndThenSignsInWithItsCodes() async throws {
        let server = try await TestServer.start()
        _ = try Self.addUser("koordinaattori-2", .coordinator, to: server)
        let browser = Browser(server)
        let signIn = try await browser.send("POST", "/signin", form: [("user", "koordinaattori-2"), ("password", TestServer.password)])
        #expect(signIn.header("Location") == "/second-factor")
        #expect(try await browser.get("/overview").header("Location") == "/second-factor", "a password alone opens nothing")
        #expect(try await Browser(server).token("koordinaattori-2") == nil, "nor an API token")
        let page = try await browser.get("/second-factor")
        let address = try #require(page.body.range(of: #"href="otpauth://totp/"#).map { String(page.body[$0.lowerBound...].dropFirst(6).prefix { $0 != "\"" }) })
        let secret = try #require(address.range(of: "secret=").map { String(address[$0.upperBound...].prefix { $0 != "&" }) })
        #expect(address.contains("issuer=Tuki"))
        let csrf = try #require(try await browser.formToken(on: "/second-factor"))
        #expect(try await browser.post("/second-factor", [("code", "000000")], csrf: csrf).status == 422)
        let enrolled = try await browser.post("/second-factor", [("code", TOTP.code(secret: secret, at: Date()))], csrf: csrf)
        #expect(enrolled.status == 200)
        let recovery = enrolled.body.components(separatedBy: "<li><code>").dropFirst().map { String($0.prefix { $0 != "<" }) }
        #expect(recovery.count == 10)
        #expect(try await browser.get("/overview").status == 200)
        // The users file keeps the codes' hashes, never the codes.
        let file = try String(contentsOfFile: server.paths.credentials, encoding: .utf8)
        #expect(recovery.allSatisfy { !file.contains($0) })

        // Next time: the password, then a code.
        let again = Browser(server)
        #expect(try await again.send("POST", "/signin", form: [("user", "koordinaattori-2"), ("password", TestServer.password)])
            .header("Location") == "/signin/code")
        #expect(try await again.get("/overview").header("Location") == "/signin/code")
        let codeForm = try #require(try await again.formToken(on: "/signin/code"))
        #expect(try await again.post("/signin/code", [("code", "123456")], csrf: codeForm).status == 401)
        #expect(try await again.post("/signin/code", [("code", recovery[0])], csrf: codeForm).header("Location") == "/overview")
        #expect(try await again.get("/overview").status == 200)
        // A recovery code works once.
        let third = Browser(server)
        _ = try await third.send("POST", "/signin", form: [("user", "koordinaattori-2"), ("password", TestServer.password)])
        let thirdForm = try #require(try await third.formToken(on: "/signin/code"))
        #expect(try await third.post("/signin/code", [("code", recovery[0])], csrf: thirdForm).status == 401)
        // The API asks for a code as well.
        let apiAnswer = try await third.send("POST", "/api/v1/tokens",
                                             json: #"{"user":"koordinaattori-2","password":"\#(TestServer.password)","code":"\#(recovery[1])"}"#)
        #expect(apiAnswer.status == 201)
    }

    @Test func aFacilitatorMayTurnOnTwoStepSignInButNeedNot() async throws {
        let server = try await TestServer.start()
        let browser = Browser(server)
        #expect(try await browser.signIn("ohjaaja") != nil)
        #expect(try await browser.get("/groups").status == 200)
        let page = try await browser.get("/second-factor")
        #expect(page.status == 200)
        #expect(page.body.contains("otpauth://totp/Tuki"))
    }

    /// RFC 6238's test vectors (appendix B, SHA-1) through the server's codes, and the test's own
    /// implementation used above.
    @Test func codesAreRFC6238s() throws {
        let code = try #require(OneTimeCode(base32: TestServer.secondFactorSecret))
        for (time, expected) in [(59.0, "287082"), (1_111_111_109, "081804"), (1_111_111_111, "050471"), (1_234_567_890, "005924"),
                                 (2_000_000_000, "279037"), (20_000_000_000, "353130")] {
            #expect(code.code(at: Date(timeIntervalSince1970: time)) == expected)
            #expect(TOTP.code(secret: TestServer.secondFactorSecret, at: Date(timeIntervalSince1970: time)) == expected)
        }
        #expect(OneTimeCode(base32: code.base32)?.secret == code.secret)
        #expect(code.matchingStep("287082", at: Date(timeIntervalSince1970: 59 + 30)) == 1, "a step late")
        #expect(code.matchingStep("287082", at: Date(timeIntervalSince1970: 59 + 90)) == nil)
    }

    @Test func resetTwoFactorOnTheCommandLineMakesTheUserEnrolAgain() throws {
        var credentials = Credentials()
        credentials.setPassword(TestServer.password, for: "k")
        _ = credentials.enrolSecondFactor(secret: OneTimeCode.generate().base32, confirmedAt: nil, for: "k")
        #expect(credentials.users["k"]?.secondFactor != nil)
        let removed = credentials.resetSecondFactor(of: "k")
        #expect(removed)
        #expect(credentials.users["k"]?.secondFactor == nil)
        let removedAgain = credentials.resetSecondFactor(of: "k")
        #expect(!removedAgain)
    }
}

/// RFC 6238 written again from the RFC, independently of the server's (a test that shared the
/// server's code would agree with any mistake in it).
enum TOTP {
    static func code(secret: String, at time: Date) -> String {
        var bits = ""
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
        for character in secret { bits += String(alphabet.firstIndex(of: character) ?? 0, radix: 2).leftPadded(5) }
        let key = stride(from: 0, to: bits.count - bits.count % 8, by: 8).map { UInt8(bits.dropFirst($0).prefix(8), radix: 2) ?? 0 }
        var counter = UInt64(time.timeIntervalSince1970) / 30
        var message = [UInt8](repeating: 0, count: 8)
        for index in (0..<8).reversed() { message[index] = UInt8(counter & 0xff); counter >>= 8 }
        let mac = KeyedHash.sha1(key: key, message: message)
        let offset = Int(mac[19] & 0xf)
        let number = mac[offset..<offset + 4].reduce(0) { ($0 << 8) | UInt32($1) } & 0x7fff_ffff
        return String(number % 1_000_000).leftPadded(6, with: "0")
    }
}

extension String {
    func leftPadded(_ width: Int, with pad: Character = "0") -> String {
        String(repeating: pad, count: max(0, width - count)) + self
    }
}
