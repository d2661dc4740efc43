import EventStore
import Foundation
import Samples
import Server
import Testing

/// The team's day in a real headless Chromium. A facilitator on a 360 px phone opens the group,
/// schedules four weekly sessions, takes attendance as "everyone else present" with one absent,
/// records a FIT rating for someone present, picked by name, and sees it on the group's FIT page.
/// The coordinator at 1280 px finds a person by part of their surname, corrects the phone number,
/// pays a fee and voids a double entry from the person's page. No field on the way asks for an id,
/// and the access log holds exactly the readings the pages showed.
@Suite(.serialized) struct BrowserTests {
    @Test func aFacilitatorsEveningOnAPhone() async throws {
        try await withBrowser(width: 360, height: 780, facilitator)
    }

    @Test func aCoordinatorsDayAtADesk() async throws {
        try await withBrowser(width: 1280, height: 900, coordinator)
    }

    /// A server of its own on 127.0.0.1 and a browser of `width` CSS pixels, closed however the
    /// test ends.
    private func withBrowser(width: Int, height: Int, _ body: (WebDriver, TestServer) async throws -> Void) async throws {
        let server = try await TestServer.start(live: true)
        let browser = try await WebDriver(width: width, height: height)
        do {
            try await body(browser, server)
        } catch {
            await browser.quit()
            throw error
        }
        await browser.quit()
    }

    /// Types into the form's fields, as a person does, sends it and waits for the page it leads to.
    private func submit(_ browser: WebDriver, _ form: String, _ fields: [(name: String, text: String)], leadingTo address: String) async throws {
        for field in fields { try await browser.type(field.text, into: "\(form) [name='\(field.name)']") }
        try await browser.click("\(form) button[type=submit]")
        try #require(try await browser.waitForURL(containing: address))
    }

    private func signIn(_ browser: WebDriver, _ base: URL, _ user: String, leadingTo address: String) async throws {
        try await browser.open(base.appendingPathComponent("signin"))
        try await submit(browser, "form[action='/signin']", [("user", user), ("password", TestServer.password)], leadingTo: address)
    }

    /// The names a test may meet on a page, by participant.
    static let knownNames = TestServer.names

    /// Checks the page the browser shows: it asks for no id in any visible field, fits the
    /// screen, and the names it shows are exactly those whose readings were logged since `since`
    /// (each under `actor`). Answers the ledger's event count, for the next page's check.
    @discardableResult
    private func checkPage(_ browser: WebDriver, _ server: TestServer, since: Int, actor: String, names: [String: String] = knownNames,
                           width: Int) async throws -> Int {
        let source = try await browser.source
        let url = try await browser.currentURL
        for field in PeoplePagesTests.visibleFields(source) {
            #expect(!PeoplePagesTests.idFields.contains(field), "\(url) asks for \(field)")
        }
        #expect(PeoplePagesTests.optionsLookingLikeIds(source).isEmpty, "\(url) offers ids to choose from")
        let scrollWidth = try await browser.evaluate("return document.documentElement.scrollWidth") as? Int
        #expect(scrollWidth == width, "\(url) is wider than the screen")
        let events = try server.events()
        let readings = events.dropFirst(since).filter { $0.type == "access.logged" }
        #expect(readings.allSatisfy { $0.data.contains(#""actor":"\#(actor)""#) })
        let read = Set(readings.map { String($0.stream.dropFirst("subject-".count)) })
        let shown = Set(names.filter { source.contains($0.value) }.keys)
        #expect(read == shown, "\(url): read \(read.sorted()), shown \(shown.sorted())")
        return events.count
    }

    private func facilitator(on browser: WebDriver, _ server: TestServer) async throws {
        let base = try #require(server.baseURL)
        let group = "/groups/\(TestServer.ownActivity)"
        try await signIn(browser, base, "ohjaaja", leadingTo: "/groups")
        var seen = try server.events().count

        // The group: its card leads to its page, which lists the sessions as links.
        try await browser.click("a[href='\(group)']")
        try #require(try await browser.waitForURL(containing: group))
        seen = try await checkPage(browser, server, since: seen, actor: "ohjaaja", width: 360)

        // Four weekly sessions in one form.
        try await browser.click("details:has(input[name=repeat]) summary")
        let form = "form:has(input[name=repeat])"
        try await browser.click("\(form) input[name=repeat][value=weekly]")
        _ = try await browser.evaluate("""
            const form = document.querySelector("\(form)");
            form.querySelector("input[name=date]").value = "\(TestServer.sessionDayShown)";
            form.querySelector("input[name=times]").value = "4";
            form.querySelector("input[name=startTime]").value = "17:30";
            form.querySelector("input[name=location]").value = "Forssan perhekeskus";
            return 0
            """)
        let beforeSchedule = try server.events().count
        try await browser.click("\(form) button[type=submit]")
        try #require(try await browser.waitForURL(containing: "scheduled=4"))
        let planned = try server.events().dropFirst(beforeSchedule).filter { $0.type == "session.scheduled" }
        #expect(planned.count == 4 && planned.allSatisfy { $0.meta == #"{"actor":"ohjaaja"}"# })
        let first = try #require(try planned.first.flatMap { try JSONParser.parse($0.data)["session"]?.stringValue })
        seen = try await checkPage(browser, server, since: seen, actor: "ohjaaja", width: 360)

        // The first of them, today: the exception ticked, then everyone else present.
        try await browser.click("a[href='\(group)/sessions/\(first)']")
        try #require(try await browser.waitForURL(containing: "/sessions/\(first)"))
        seen = try await checkPage(browser, server, since: seen, actor: "ohjaaja", width: 360)
        #expect(try await browser.evaluate("return document.querySelector('input[name=location]').value") as? String == "Forssan perhekeskus")
        try await browser.click("input[name='mark.p-9x4d'][value=absent]")
        let beforeSheet = try server.events().count
        try await browser.click("button[name=rest][value=present]")
        try #require(try await browser.waitForURL(containing: "saved="))
        let marked = try server.events().dropFirst(beforeSheet).filter { $0.type != "access.logged" }
        #expect(marked.map(\.type) == ["session.held", "attendance.recorded", "attendance.recorded"])
        #expect(marked.contains { $0.data.contains(#""participant":"p-7k2m""#) && $0.data.contains(#""status":"present""#) })
        #expect(marked.contains { $0.data.contains(#""participant":"p-9x4d""#) && $0.data.contains(#""status":"absent""#) })
        seen = try await checkPage(browser, server, since: seen, actor: "ohjaaja", width: 360)

        // A FIT rating for Aino, present, picked by her name.
        try await browser.click("details:has(form[action$='/fit']) summary")
        let fit = "form[action$='/sessions/\(first)/fit']"
        _ = try await browser.evaluate("""
            const form = document.querySelector("\(fit)");
            const person = [...form.querySelectorAll("select[name=participant] option")].find(o => o.textContent === "Aino Esimerkki");
            person.selected = true;
            form.querySelector("select[name=instrument]").value = "ORS";
            return 0
            """)
        for (item, score) in [("1", "6,5"), ("2", "7"), ("3", "5,5"), ("4", "8")] {
            try await browser.type(score, into: "\(fit) input[name='items.\(item)']")
        }
        let beforeFIT = try server.events().count
        try await browser.click("\(fit) button[type=submit]")
        try #require(try await browser.waitForURL(containing: "fit=1"))
        let rating = try #require(try server.events().dropFirst(beforeFIT).first { $0.type == "feedback.fit-recorded" })
        #expect(rating.data.contains(#""participant":"p-7k2m""#) && rating.data.contains(#""items":[6.5,7,5.5,8]"#))
        #expect(rating.data.contains(#""session":"\#(first)""#) && rating.meta == #"{"actor":"ohjaaja"}"#)
        seen = try await checkPage(browser, server, since: seen, actor: "ohjaaja", width: 360)

        // The group's FIT page, on the phone, shows her latest rating under her name.
        try await browser.open(base.appendingPathComponent("groups/\(TestServer.ownActivity)/fit"))
        let page = try await browser.source
        #expect(page.contains("Aino Esimerkki") && page.contains("<dd>27,0"), "her total, 6.5 + 7 + 5.5 + 8")
        try await checkPage(browser, server, since: seen, actor: "ohjaaja", width: 360)
    }

    private func coordinator(on browser: WebDriver, _ server: TestServer) async throws {
        let base = try #require(server.baseURL)
        // What the coordinator recorded earlier: a new expert, her engagement done, and a consent entered twice.
        let setUp = Browser(server)
        let csrf = try await setUp.signIn("koordinaattori")
        let registered = try await setUp.post("/record/participant", [
            ("personal.name", "Sanni Suoninen"), ("personal.birthDate", "1981-03-04"), ("personal.contact", "040 765 4321"),
            ("gender", "woman"), ("municipality", "Forssa"), ("roles", "experience-expert"),
        ], csrf: csrf)
        let person = try CoordinatorTests.announced(registered, prefix: "p-")
        let setUpPage = try #require(try await setUp.personPage(finding: "Suoninen", csrf: csrf))
        #expect(try await setUp.post(setUpPage + "/record/expert", [("alias", "Kokemuskumppani S")], csrf: csrf).status == 303)
        #expect(try await setUp.post(setUpPage + "/record/engagement", [
            ("project", SampleProgramme.projectStream), ("kind", "speaking-or-panel"), ("plannedHours", "2"), ("agreedFeeCents", "120"),
        ], csrf: csrf).status == 303)
        let engagement = try #require(try server.events().last { $0.type == "engagement.agreed" && $0.data.contains(person) })
        let id = try #require(try JSONParser.parse(engagement.data)["engagement"]?.stringValue)
        #expect(try await setUp.post(setUpPage + "/record/complete", [("engagement", id), ("hours", "2")], csrf: csrf).status == 303)
        for _ in 0..<2 { #expect(try await setUp.post(setUpPage + "/record/consent", [("scope", "photography")], csrf: csrf).status == 303) }
        let names = Self.knownNames.merging([person: "Sanni Suoninen"]) { $1 }

        try await signIn(browser, base, "koordinaattori", leadingTo: "/signin/code")
        try await submit(browser, "form[action='/signin/code']", [("code", TestServer.recoveryCodes.take())], leadingTo: "/overview")
        var seen = try server.events().count
        seen = try await checkPage(browser, server, since: seen, actor: "koordinaattori", names: names, width: 1280)

        // Found by the start of her surname; only she is opened.
        try await browser.open(base.appendingPathComponent("people"))
        seen = try await checkPage(browser, server, since: seen, actor: "koordinaattori", names: names, width: 1280)
        try await submit(browser, "form[action='/people/search']", [("name", "Suon")], leadingTo: "/people/search")
        #expect(try await browser.source.contains("Sanni Suoninen"))
        seen = try await checkPage(browser, server, since: seen, actor: "koordinaattori", names: names, width: 1280)
        try await browser.click("a[href^='/people/']:not([href='/people/search'])")
        try #require(try await browser.waitForURL(containing: "/people/"))
        let page = try await browser.currentURL
        #expect(!page.contains(person), "the address names no one")
        seen = try await checkPage(browser, server, since: seen, actor: "koordinaattori", names: names, width: 1280)

        // Her details opened for a purpose, and the phone number corrected.
        try await submit(browser, "form[action$='/reveal']", [("purpose", "uusi puhelinnumero")], leadingTo: "/reveal")
        #expect(try await browser.source.contains("040 765 4321"))
        seen = try await checkPage(browser, server, since: seen, actor: "koordinaattori", names: names, width: 1280)
        try await browser.click("details:has(form[action$='/correct']) summary")
        _ = try await browser.evaluate("document.querySelector(\"form[action$='/correct'] input[name='personal.contact']\").value = ''; return 0")
        try await submit(browser, "form[action$='/correct']", [("personal.contact", "050 123 9876")], leadingTo: "corrected=1")
        let correction = try #require(try server.events().last { $0.type == "participant.details-corrected" })
        #expect(correction.stream == "participant-\(person)" && !correction.data.contains("050 123") && correction.meta == #"{"actor":"koordinaattori"}"#)
        seen = try await checkPage(browser, server, since: seen, actor: "koordinaattori", names: names, width: 1280)

        // Her fee paid, in euros.
        try await browser.click("details:has(form[action$='/record/fee']) summary")
        try await submit(browser, "form[action$='/record/fee']", [("amountCents", "120,00")], leadingTo: "recorded=fee")
        let fee = try #require(try server.events().last { $0.type == "fee.paid" })
        #expect(fee.stream == "engagement-\(id)" && fee.data.contains(#""amountCents":12000"#))
        seen = try await checkPage(browser, server, since: seen, actor: "koordinaattori", names: names, width: 1280)

        // The consent entered twice: the second voided, the void naming what it voids.
        let consents = try server.events().filter { $0.type == "participant.consent-recorded" && $0.stream == "participant-\(person)" }
        let double = try #require(consents.last)
        let entry = "li.entry:has(input[name=event][value='\(double.eventId)'])"
        try await browser.click("\(entry) summary")
        #expect(try await browser.source.contains("Mitätöidään: Suostumus"))
        try await submit(browser, entry, [("reason", "kirjattu kahdesti")], leadingTo: "voided=1")
        let void = try #require(try server.events().last { $0.type == "entry.voided" })
        #expect(void.data.contains(double.eventId) && void.meta == #"{"actor":"koordinaattori"}"#)
        try await checkPage(browser, server, since: seen, actor: "koordinaattori", names: names, width: 1280)
    }
}
