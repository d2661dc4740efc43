import Foundation
import Testing

/// A refusal reads as a sentence in the user's language that names the field as the form labels
/// it — never a data path, a rule's code or English in a Finnish page — and the API gives the
/// rule's code, the field and the sentence in the request's language.
@Suite struct RefusalWordsTests {
    static let server = Task { try await TestServer.start() }

    @Test func aFeePaidTwiceIsRefusedInFinnishWithTheFormsLabel() async throws {
        let browser = Browser(try await Self.server.value)
        let csrf = try #require(try await browser.signIn("koordinaattori"))
        let answer = try await browser.post("/record/fee", [("engagement", "e-demo-1"), ("date", "2026-11-01"), ("amountCents", "90")], csrf: csrf)
        #expect(answer.status == 422)
        #expect(answer.body.contains("Toimeksianto (tunniste): Tämän toimeksiannon palkkio on jo maksettu. Mitätöi ensin aiempi maksu, jos se oli virhe."))
        #expect(!answer.body.contains("data.") && !answer.body.contains("fee.paid") && !answer.body.contains("already"))
    }

    @Test func theAPISaysTheRuleTheFieldAndTheSentenceInTheRequestsLanguage() async throws {
        let browser = Browser(try await Self.server.value)
        let token = try #require(try await browser.token("koordinaattori"))
        let body = #"{"engagement":"e-demo-1","date":"2026-11-01","amountCents":"90"}"#
        let english = try await browser.send("POST", "/api/v1/record/fee", json: body, bearer: token, headers: ["Accept-Language": "en-GB,en;q=0.8"])
        #expect(english.status == 422)
        #expect(english.json?["rule"] as? String == "fee.paid-once")
        #expect(english.json?["field"] as? String == "engagement")
        #expect((english.json?["error"] as? String)?.contains("This engagement's fee is already paid.") == true)
        let finnish = try await browser.send("POST", "/api/v1/record/fee", json: body, bearer: token)
        let sentence = finnish.json?["error"] as? String ?? ""
        #expect(sentence.contains("Tämän toimeksiannon palkkio on jo maksettu.") && !sentence.contains("data."))
    }

    /// A FIT rating's second item off its scale (the schema's refusal at `data.items[1]`): the
    /// refusal names "2. kohta" as the form does.
    @Test func anItemIsNamedAsTheFormNumbersIt() async throws {
        let browser = Browser(try await Self.server.value)
        let csrf = try #require(try await browser.signIn("koordinaattori"))
        let answer = try await browser.post("/record/fit", [
            ("participant", "p-7k2m"), ("activity", TestServer.ownActivity), ("instrument", "ORS"),
            ("items.1", "4,5"), ("items.2", "11"), ("items.3", "5"), ("items.4", "5"), ("date", "2026-11-02"),
        ], csrf: csrf)
        #expect(answer.status == 422)
        #expect(answer.body.contains("2. kohta: Luku on liian suuri."))
        #expect(!answer.body.contains("items[") && !answer.body.contains("data."))
    }
}
