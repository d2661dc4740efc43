import Foundation
import Testing
import Vocabulary

/// Every page, form and report a coordinator opens, in Finnish, shows words and not stored codes,
/// and no English word of the catalogue; in English, no Finnish one.
@Suite struct PagesInOneLanguageTests {
    static let server = Task { try await TestServer.start() }

    static let project = "project-tukidemo-2026"
    /// Every page of the coordinator's, every report and every list.
    static let pages = ["/overview", "/groups", "/groups/\(TestServer.ownActivity)", "/groups/\(TestServer.ownActivity)/sessions/\(TestServer.session)",
                        "/groups/\(TestServer.ownActivity)/fit", "/groups/\(TestServer.ownActivity)/feedback",
                        "/groups/\(TestServer.ownActivity)/sessions/s8", "/groups/\(TestServer.ownActivity)/sessions/\(TestServer.session)/print",
                        "/record", "/reports", "/lists", "/people", "/costs?project=\(project)",
                        "/reports/esr?project=\(project)&from=2026-01-01&to=2026-06-30", "/reports/stea?project=\(project)&year=2026",
                        "/reports/sessions", "/reports/commitment?activity=activity-kokemuskumppani-team-1",
                        "/reports/bikva?evaluation=tukidemo-2026", "/reports/fit?activity=\(TestServer.ownActivity)",
                        "/reports/feedback?project=\(project)", "/reports/survey?survey=staff-2026", "/reports/experts?year=2026",
                        "/reports/fees?year=2026", "/reports/staff-time?project=\(project)&from=2026-01-01&to=2026-12-31"]
        + ["projects", "activities", "participants", "sessions", "engagements", "experts"].map { "/lists/\($0)" }

    /// The text a person sees: no tags, attributes, styles or scripts.
    static func visible(_ html: String) -> String {
        var text = html
        for block in ["<style[^>]*>.*?</style>", "<script[^>]*>.*?</script>", "<datalist[^>]*>.*?</datalist>", "<[^>]+>"] {
            text = text.replacingOccurrences(of: block, with: " ", options: [.regularExpression, .caseInsensitive])
        }
        return text.replacingOccurrences(of: "&amp;", with: "&")
    }

    /// Codes that read the same as their words (ESR+, STEA, the FIT instruments' names) are not
    /// codes a person would notice.
    static let codes: [String] = Catalogue.allValues.filter { !$0.key.contains(".") && $0.words.fi != $0.key && $0.key.contains("-") }.map(\.key)

    @Test func finnishPagesShowWordsNotCodesAndNoEnglish() async throws {
        let browser = Browser(try await Self.server.value)
        try #require(try await browser.signIn("koordinaattori") != nil)
        // Phrases, not single words: a single word may be a person's alias or a user's handle.
        let english = Catalogue.allValues.map(\.words).filter { $0.en.contains(" ") && $0.en.lowercased() != $0.fi.lowercased() }.map(\.en)
        let person = try #require(try await browser.personPage(finding: "Helmi", csrf: try await browser.csrfToken()))
        for page in Self.pages + [person] {
            let answer = try await browser.get(page)
            #expect(answer.status == 200, "\(page)")
            let text = Self.visible(answer.body)
            for code in Self.codes {
                #expect(text.range(of: "(^|[^a-z0-9-])\(NSRegularExpression.escapedPattern(for: code))($|[^a-z0-9-])", options: .regularExpression) == nil,
                        "\(page) shows the code \(code)")
            }
            for words in english {
                #expect(!text.localizedCaseInsensitiveContains(words), "\(page) shows the English \(words)")
            }
        }
    }

    @Test func englishPagesShowNoFinnishWordsOfTheCatalogue() async throws {
        let browser = Browser(try await Self.server.value)
        let csrf = try #require(try await browser.signIn("koordinaattori"))
        #expect(try await browser.post("/language", [("to", "en")], csrf: csrf).status == 303)
        let finnish = Catalogue.allValues.map(\.words).filter { $0.fi.contains(" ") && $0.en.lowercased() != $0.fi.lowercased() }.map(\.fi)
        let person = try #require(try await browser.personPage(finding: "Helmi", csrf: csrf))
        for page in Self.pages + [person] {
            let text = Self.visible(try await browser.get(page).body)
            for words in finnish {
                #expect(!text.localizedCaseInsensitiveContains(words), "\(page) shows the Finnish \(words)")
            }
        }
    }

    /// The participant form: a required choice starts at "Valitse" and is refused left so; the
    /// choices are words; the funder's definitions are under the fields they define.
    @Test func aRequiredChoiceStartsEmptyAndItsOptionsAreWords() async throws {
        let browser = Browser(try await Self.server.value)
        let csrf = try #require(try await browser.signIn("koordinaattori"))
        let page = try await browser.get("/record")
        #expect(page.body.contains(#"<select name="gender" required><option value="" selected>Valitse</option><option value="woman">nainen</option>"#))
        // The ESR+ entry data are asked on the person's page, where an enrolment starts.
        let person = try await browser.get(try #require(try await browser.personPage(finding: "Helmi", csrf: csrf)))
        #expect(person.body.contains(#"<option value="isced-3-4">toinen aste tai sen jälkeinen (ISCED 3–4)</option>"#))
        #expect(person.body.contains("Pitkäaikaistyötön: työttömänä yhtäjaksoisesti yli 12 kuukautta"))
        #expect(person.body.contains("Kieltäytyi vastaamasta: kysyttiin, mutta osallistuja ei halunnut vastata."))
        let skipped = try await browser.post("/record/participant", [
            ("personal.name", "Testi Henkilö"), ("personal.birthDate", "1.2.2001"), ("gender", ""), ("municipality", "Forssa"), ("roles", "parent"),
        ], csrf: csrf)
        #expect(skipped.status == 400)
        #expect(skipped.body.contains("Sukupuoli"))
        let given = try await browser.post("/record/participant", [
            ("personal.name", "Testi Henkilö"), ("personal.birthDate", "1.2.2001"), ("gender", "woman"), ("municipality", "Forssa"), ("roles", "parent"),
        ], csrf: csrf)
        #expect(given.status == 200, "a day typed as 1.2.2001 is taken")
    }

    /// A day typed as people write it (18.12.2026) is recorded as the ISO day the ledger keeps,
    /// and shown again as it was typed; the date fields say how to write one.
    @Test func daysAreTypedAndShownAsPeopleWriteThem() async throws {
        let server = try await Self.server.value
        let browser = Browser(server)
        let csrf = try #require(try await browser.signIn("ohjaaja"))
        let group = "/groups/\(TestServer.ownActivity)"
        #expect(try await browser.get(group).body.contains(#"placeholder="7.12.2026""#))
        let scheduled = try await browser.post(group + "/sessions", [("date", "18.12.2026"), ("durationMinutes", "60")], csrf: csrf)
        #expect(scheduled.status == 303)
        // The suite's other tests read pages at the same time (each reading of a name is an event).
        #expect(try server.events().contains { $0.type == "session.scheduled" && $0.data.contains(#""date":"2026-12-18""#) })
        let page = try await browser.get(group).body
        #expect(page.contains("18.12.2026") && !page.contains("2026-12-18"))
        #expect(try await browser.post(group + "/sessions", [("date", "31.2.2026"), ("durationMinutes", "60")], csrf: csrf).status == 400)
    }
}
