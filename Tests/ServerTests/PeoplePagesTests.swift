import EventStore
import Foundation
import Ledger
import Samples
import Testing

@testable import Server

/// The coordinator's people: a name search that opens and logs only those it finds, and a
/// person's page whose forms fill the person in — corrections, enrolments, an expert's work and
/// pay — and whose voids name what they void. No field asks for an id; no address carries one.
@Suite(.serialized) struct PeoplePagesTests {
    static let server = Task { try await TestServer.start() }

    /// Every field a person types into (an input or a text area, but the hidden ones, the boxes
    /// to tick and those that offer a list to pick from), by name. A choice (a select, a list)
    /// offers words; `optionsLookingLikeIds` checks those.
    static func visibleFields(_ html: String) -> [String] {
        html.matches(of: /<(input|textarea)([^>]*)>/).compactMap { match in
            let attributes = String(match.output.2)
            guard !attributes.contains(#"type="hidden""#), !attributes.contains(#"type="radio""#), !attributes.contains(#"type="checkbox""#),
                  !attributes.contains(" list=")
            else { return nil }
            return attributes.firstMatch(of: /name="([^"]*)"/).map { String($0.output.1) }
        }
    }

    /// The words of every choice a page offers that read like a stored id (`p-7k2m`, `activity-…`).
    /// A list's option shows its value, a select's its text.
    static func optionsLookingLikeIds(_ html: String) -> [String] {
        let lists = html.matches(of: /<datalist[^>]*>(.*?)<\/datalist>/.dotMatchesNewlines()).flatMap { list in
            String(list.output.1).matches(of: /<option value="([^"]*)"/).map { String($0.output.1) }
        }
        return (html.matches(of: /<option[^>]*>([^<]*)<\/option>/).map { String($0.output.1) } + lists)
            .filter { $0.firstMatch(of: /^(p|e|fb|s|activity|project|staff)-[a-z0-9]/) != nil }
    }

    /// The fields that would ask a person for an id.
    static let idFields: Set<String> = ["participant", "subject", "expert", "engagement", "eventId", "event", "activity", "project",
                                        "staffMember", "session", "evaluation", "survey"]

    private func register(_ browser: Browser, _ csrf: String?, name: String) async throws -> String {
        let registered = try await browser.post("/record/participant", [
            ("personal.name", name), ("personal.birthDate", "1984-05-06"), ("personal.contact", "040 111 2222"),
            ("gender", "woman"), ("municipality", "Forssa"), ("roles", "parent"),
        ], csrf: csrf)
        return try CoordinatorTests.announced(registered, prefix: "p-")
    }

    @Test func aSearchOpensAndLogsOnlyThePeopleItFinds() async throws {
        let server = try await Self.server.value
        let browser = Browser(server)
        let csrf = try await browser.signIn("koordinaattori")
        let first = try await register(browser, csrf, name: "Hilkka Hakuniemi")
        let second = try await register(browser, csrf, name: "Hannes Hakuniemi")
        let before = try server.events().count
        let found = try await browser.post("/people/search", [("name", "hakun")], csrf: csrf)
        #expect(found.status == 200)
        #expect(found.body.contains("Hilkka Hakuniemi") && found.body.contains("Hannes Hakuniemi"))
        let readings = try server.events().dropFirst(before)
        #expect(readings.allSatisfy { $0.type == "access.logged" && $0.data.contains("name search") })
        #expect(Set(readings.map(\.stream)) == ["subject-\(first)", "subject-\(second)"], "only those found are opened")
        #expect(!found.body.contains(first) && !found.body.contains(second), "no id on the page")

        // A search of no letters is refused; a name nobody has opens no one.
        #expect(try await browser.post("/people/search", [("name", " - ")], csrf: csrf).status == 400)
        let none = try server.events().count
        let nobody = try await browser.post("/people/search", [("name", "Olematon")], csrf: csrf)
        #expect(nobody.body.contains("Ketään ei löytynyt."))
        #expect(try server.events().count == none)
    }

    @Test func thePersonsPageCorrectsDetailsAndListsAndReportsShowTheCorrection() async throws {
        let server = try await Self.server.value
        let browser = Browser(server)
        let csrf = try await browser.signIn("koordinaattori")
        let person = try await register(browser, csrf, name: "Kaisa Korjattava")
        let page = try #require(try await browser.personPage(finding: "Korjattava", csrf: csrf))
        #expect(!page.contains(person), "the address carries a handle, not the id")
        let shown = try await browser.get(page)
        #expect(shown.status == 200 && shown.body.contains("Kaisa Korjattava"))
        let opened = try await browser.post(page + "/reveal", [("purpose", "puhelinnumeron korjaus")], csrf: csrf)
        #expect(opened.body.contains(#"name="personal.contact" value="040 111 2222""#), "the correction form is filled in")

        let before = try server.events().count
        let corrected = try await browser.post(page + "/correct", [
            ("personal.name", "Kaisa Korjattu"), ("personal.birthDate", "6.5.1984"), ("personal.contact", "050 999 8888"),
            ("gender", "woman"), ("municipality", "Tammela"),
        ], csrf: csrf)
        #expect(corrected.status == 303, "\(corrected.body.firstMatch(of: /class="problem"[^<]*/).map { String($0.output) } ?? "")")
        let correction = try #require(try server.events().dropFirst(before).first { $0.type == "participant.details-corrected" })
        #expect(correction.stream == "participant-\(person)" && correction.data.contains(#""municipality":"Tammela""#))
        #expect(!correction.data.contains("Korjattu") && !correction.data.contains("050 999"), "sealed, never in clear")

        // The new name finds them, the old one no longer does; the page shows the new phone.
        #expect(try await browser.personPage(finding: "Korjattava", csrf: csrf) == nil)
        let again = try #require(try await browser.personPage(finding: "Korjattu", csrf: csrf))
        let reopened = try await browser.post(again + "/reveal", [("purpose", "tarkistus")], csrf: csrf)
        #expect(reopened.body.contains("050 999 8888") && !reopened.body.contains("040 111 2222"))
        // The list with names shows the corrected name, the list by id the corrected municipality.
        let list = try await browser.post("/lists/participants/names", [("purpose", "tarkistus")], csrf: csrf)
        #expect(list.body.contains("Kaisa Korjattu") && !list.body.contains("Kaisa Korjattava"))
        let plain = try await browser.get("/lists/participants?format=csv")
        let row = plain.body.split(whereSeparator: \.isNewline).first { $0.hasPrefix("\(person);") }
        #expect(row?.contains("Tammela") == true, "\(row ?? "")")

        // Erasure erases the corrected details too.
        #expect(try await browser.post(again + "/erase", [("reason", "pyysi"), ("confirm", "on")], csrf: csrf).status == 200)
        #expect(try await browser.post(again + "/reveal", [("purpose", "x")], csrf: csrf).status == 410)
    }

    @Test func anExpertIsPaidFromTheirPageAndADoubleEntryVoidedThere() async throws {
        let server = try await Self.server.value
        let browser = Browser(server)
        let csrf = try await browser.signIn("koordinaattori")
        let person = try await register(browser, csrf, name: "Elina Palkkiolainen")
        let page = try #require(try await browser.personPage(finding: "Palkkiolainen", csrf: csrf))
        #expect(try await browser.post(page + "/record/expert", [("alias", "Kokemuskumppani E"), ("training", "trained")], csrf: csrf).status == 303)
        let agreed = try await browser.post(page + "/record/engagement", [
            ("project", SampleProgramme.projectStream), ("kind", "speaking-or-panel"), ("date", TestServer.sessionDayShown),
            ("plannedHours", "2"), ("agreedFeeCents", "150"), ("mode", "in-person"),
        ], csrf: csrf)
        #expect(agreed.status == 303)
        let engagement = try #require(try server.events().last { $0.type == "engagement.agreed" && $0.data.contains(person) })
        let id = try #require(try JSONParser.parse(engagement.data)["engagement"]?.stringValue)

        let withEngagement = try await browser.get(page)
        #expect(withEngagement.body.contains(#"name="engagement" value="\#(id)""#), "the engagement's forms carry it, hidden")
        for field in Self.visibleFields(withEngagement.body) {
            #expect(!Self.idFields.contains(field), "the person's page asks for \(field)")
        }
        #expect(Self.optionsLookingLikeIds(withEngagement.body).isEmpty)
        #expect(try await browser.post(page + "/record/complete", [("engagement", id), ("hours", "2")], csrf: csrf).status == 303)
        #expect(try await browser.post(page + "/record/fee", [("engagement", id), ("amountCents", "150,00")], csrf: csrf).status == 303)
        // An engagement not theirs is refused, and nothing is recorded.
        let before = try server.events().count
        #expect(try await browser.post(page + "/record/fee", [("engagement", "e-demo-5"), ("amountCents", "150")], csrf: csrf).status == 400)
        #expect(try server.events().count == before)
        // The same consent entered twice.
        for _ in 0..<2 {
            #expect(try await browser.post(page + "/record/consent", [("scope", "photography"), ("givenBy", "self")], csrf: csrf).status == 303)
        }

        let paid = try await browser.get(page)
        #expect(paid.body.contains("Palkkio maksettu") && paid.body.contains("150,00"))
        let consents = try server.events().filter { $0.type == "participant.consent-recorded" && $0.stream == "participant-\(person)" }
        #expect(consents.count == 2)
        let double = try #require(consents.last)
        #expect(paid.body.contains("Mitätöidään: Suostumus"), "the void says what it voids")

        let refused = try await browser.post(page + "/void", [("event", double.eventId), ("reason", " ")], csrf: csrf)
        #expect(refused.status == 400 && refused.body.contains("Kirjoita mitätöinnin syy."))
        let voided = try await browser.post(page + "/void", [("event", double.eventId), ("reason", "kirjattu kahdesti")], csrf: csrf)
        #expect(voided.status == 303)
        let void = try #require(try server.events().last)
        #expect(void.type == "entry.voided" && void.data.contains(double.eventId) && void.meta == #"{"actor":"koordinaattori"}"#)
        // An entry of someone else is not voided from this page.
        let others = try #require(try server.events().first { $0.type == "fee.paid" && $0.stream == "engagement-e-demo-1" })
        #expect(try await browser.post(page + "/void", [("event", others.eventId), ("reason", "x")], csrf: csrf).status == 400)
        let after = try await browser.get(page)
        #expect(after.body.components(separatedBy: "<strong>Suostumus</strong>").count == 2, "one consent left")
    }

    /// The overview's open fees and travel name each expert by alias and each engagement by its
    /// kind and day, and lead to the expert's page, where it is paid; no engagement id is shown.
    @Test func theOverviewsOpenItemsLeadToTheExpertsPage() async throws {
        let server = try await Self.server.value
        let browser = Browser(server)
        try await browser.signIn("koordinaattori")
        let overview = try await browser.get("/overview")
        // e-demo-5: Kokemuskumppani L's writing, done on 12.11.2026, its fee not paid.
        #expect(overview.body.contains("Kokemuskumppani L</a></td><td>kirjoittaminen 12.11.2026</td><td>Palkkio maksamatta"))
        #expect(!overview.body.contains("e-demo-"))
        let link = try #require(overview.body.firstMatch(of: /<a href="(\/people\/[A-Za-z0-9_-]+)">Kokemuskumppani L<\/a>/).map { String($0.output.1) })
        let before = try server.events().count
        let page = try await browser.get(link)
        #expect(page.status == 200 && page.body.contains(#"name="engagement" value="e-demo-5""#))
        // An anonymous expert is shown by alias, as on the lists: nothing opened, nothing logged.
        #expect(page.body.contains("<h1>Kokemuskumppani L</h1>") && !page.body.contains("Kumppani 2 Esimerkki"))
        #expect(try server.events().dropFirst(before).filter { $0.type == "access.logged" }.isEmpty)
        // Found by their name, they are shown by alias too.
        let found = try await browser.post("/people/search", [("name", "Kumppani 2")], csrf: try await browser.csrfToken())
        #expect(found.body.contains("Kokemuskumppani L") && !found.body.contains("Kumppani 2 Esimerkki"))
        #expect(!(try server.events().dropFirst(before).contains { $0.type == "access.logged" && $0.stream == "subject-p-t02" }))
    }

    @Test func aPersonIsSignedUpFromTheirPageByTheGroupsName() async throws {
        let server = try await Self.server.value
        let browser = Browser(server)
        let csrf = try await browser.signIn("koordinaattori")
        let person = try await register(browser, csrf, name: "Tuure Toimintalainen")
        let page = try #require(try await browser.personPage(finding: "Toimintalainen", csrf: csrf))
        let shown = try await browser.get(page)
        #expect(shown.body.contains(#"<datalist id="activity-names">"#) && shown.body.contains(#"<option value="Tähkä-ryhmä Forssa"></option>"#),
                "groups offered by name")
        #expect(!shown.body.contains(#"value="\#(TestServer.ownActivity)""#), "and not by id")
        // The group as it was picked: by its name.
        #expect(try await browser.post(page + "/record/sign-up", [("activity", "Tähkä-ryhmä Forssa")], csrf: csrf).status == 303)
        let signUp = try #require(try server.events().last)
        #expect(signUp.type == "enrolment.signed-up" && signUp.data.contains(person))
        #expect(signUp.data.contains(TestServer.ownActivity))
        #expect(try await browser.get(page).body.contains("Ilmoittautuminen"))
        // A name that is no group's is named as the field, not recorded.
        let before = try server.events().filter { $0.type != "access.logged" }.count
        let unknown = try await browser.post(page + "/record/sign-up", [("activity", "Ei tällaista ryhmää")], csrf: csrf)
        #expect(unknown.status == 400 && unknown.body.contains("Kenttä puuttuu tai ei kelpaa: Toiminta"))
        #expect(!unknown.body.contains("Ei tällaista") || unknown.body.contains(#"value="Ei tällaista ryhmää""#), "kept only in the field, as typed")
        #expect(try server.events().filter { $0.type != "access.logged" }.count == before)
    }

    /// Two activities of one name are told apart by municipality, then by id; each label goes
    /// back to its own activity.
    @Test func activityLabelsAreUniqueAndGoBackToTheirActivity() {
        let activities: [ActivityLabels.Activity] = [
            .init(activity: "activity-a", name: "Vertaisryhmä", municipality: "Forssa"),
            .init(activity: "activity-b", name: "Vertaisryhmä", municipality: "Tammela"),
            .init(activity: "activity-c", name: "Vertaisryhmä", municipality: "Tammela"),
            .init(activity: "activity-d", name: "Camp (summer)", municipality: "Forssa"),
        ]
        let labels = ActivityLabels.labelled(activities).map { $0["label"] ?? "" }
        #expect(labels == ["Vertaisryhmä · Forssa", "Vertaisryhmä · Tammela (activity-b)", "Vertaisryhmä · Tammela (activity-c)", "Camp (summer)"])
        let named = { (name: String) in activities.filter { $0.name == name } }
        let exists = { (id: String) in activities.contains { $0.activity == id } }
        for (label, activity) in zip(labels, activities) {
            #expect(ActivityLabels.activity(labelled: label, named: named, exists: exists) == activity.activity)
        }
        #expect(ActivityLabels.activity(labelled: "Vertaisryhmä", named: named, exists: exists) == nil, "several: none")
        #expect(ActivityLabels.activity(labelled: "Vertaisryhmä · Tammela", named: named, exists: exists) == nil)
    }
}
