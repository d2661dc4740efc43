import EventStore
import Foundation
import Ledger
import Server
import Testing

/// What a facilitator does from the phone: plans a term of sessions in one form, opens a session
/// from the group's list, takes attendance as "everyone else present" after the exceptions,
/// records a FIT rating or feedback for someone present by name, cancels with a reason, and prints
/// the list. One at a time: each test counts the events it adds to the suite's ledger.
@Suite(.serialized) struct FacilitatorPhoneTests {
    static let server = Task { try await TestServer.start() }
    static let group = "/groups/\(TestServer.ownActivity)"

    private func added(_ server: TestServer, after before: Int, types: Set<String>? = nil) throws -> [RecordedEvent] {
        try server.events().dropFirst(before).filter { types?.contains($0.type) ?? ($0.type != "access.logged") }
    }

    /// Plans sessions through the group's form and answers their ids and days.
    private func plan(_ browser: Browser, _ server: TestServer, csrf: String?, _ fields: [(String, String)]) async throws -> [(id: String, date: String)] {
        let before = try server.events().count
        let answer = try await browser.post(Self.group + "/sessions", fields + [("durationMinutes", "90")], csrf: csrf)
        #expect(answer.status == 303)
        return try added(server, after: before).map { event in
            let data = try JSONParser.parse(event.data)
            return (data["session"]?.stringValue ?? "", data["date"]?.stringValue ?? "")
        }
    }

    @Test func aRepeatingScheduleIsPlannedInOneFormAndListedAsLinks() async throws {
        let server = try await Self.server.value
        let browser = Browser(server)
        let csrf = try await browser.signIn("ohjaaja")
        let before = try server.events().count
        let answer = try await browser.post(Self.group + "/sessions", [
            ("repeat", "weekly"), ("date", "6.12.2027"), ("times", "4"), ("startTime", "17:30"), ("durationMinutes", "90"), ("location", "Kirjasto"),
        ], csrf: csrf)
        #expect(answer.status == 303)
        #expect(answer.header("Location") == Self.group + "?scheduled=4")
        let planned = try added(server, after: before)
        #expect(planned.map(\.type) == Array(repeating: "session.scheduled", count: 4))
        #expect(planned.allSatisfy { $0.meta == #"{"actor":"ohjaaja"}"# })
        let data = try planned.map { try JSONParser.parse($0.data) }
        #expect(data.map { $0["date"]?.stringValue } == ["2027-12-06", "2027-12-13", "2027-12-20", "2027-12-27"])
        #expect(data.allSatisfy { $0["startTime"]?.stringValue == "17:30" && $0["location"]?.stringValue == "Kirjasto" })
        #expect(Set(data.compactMap { $0["session"]?.stringValue }).count == 4, "each session has an id of its own")

        // The group page lists each as a link to its sheet, with weekday, time and place.
        let page = try await browser.get(Self.group + "?scheduled=4")
        #expect(page.body.contains("Kokoontumisia suunniteltu: 4"))
        for (id, day) in zip(data.compactMap { $0["session"]?.stringValue }, ["6.12.2027", "13.12.2027", "20.12.2027", "27.12.2027"]) {
            #expect(page.body.contains(#"href="\#(Self.group)/sessions/\#(id)"><strong>ma \#(day) klo 17.30</strong>"#))
        }
        #expect(page.body.contains("Kirjasto · Suunniteltu"))
        // "The next one" is a week after the last planned (the ledger has none later), at the same time and place.
        #expect(page.body.contains("Suunnittele seuraava: ma 3.1.2028 klo 17.30"))
        #expect(page.body.contains(#"name="date" value="2028-01-03""#))
    }

    @Test func fortnightlyAndListedDaysArePlannedAndAScheduleOutOfFormRecordsNothing() async throws {
        let server = try await Self.server.value
        let browser = Browser(server)
        let csrf = try await browser.signIn("ohjaaja")
        let fortnightly = try await plan(browser, server, csrf: csrf, [("repeat", "fortnightly"), ("date", "2027-03-01"), ("times", "3")])
        #expect(fortnightly.map(\.date) == ["2027-03-01", "2027-03-15", "2027-03-29"])
        let listed = try await plan(browser, server, csrf: csrf, [("repeat", "days"), ("days", "12.4.2027\n5.4.2027, 20.4.2027")])
        #expect(listed.map(\.date) == ["2027-04-05", "2027-04-12", "2027-04-20"])

        let before = try server.events().count
        for fields in [[("repeat", "weekly"), ("date", "2027-05-03"), ("times", "0")],
                       [("repeat", "weekly"), ("date", "2027-05-03"), ("times", "53")],
                       [("repeat", "days"), ("days", "3.5.2027\n31.2.2027")],
                       [("repeat", "days"), ("days", "3.5.2027\n3.5.2027")],
                       [("repeat", "monthly"), ("date", "2027-05-03"), ("times", "2")]] {
            let refused = try await browser.post(Self.group + "/sessions", fields + [("durationMinutes", "90")], csrf: csrf)
            #expect(refused.status == 400)
            #expect(refused.body.contains("Lomakkeen tiedot eivät kelpaa."))
            #expect(!refused.body.contains("31.2.2027"), "a refusal never echoes what was typed")
        }
        #expect(try added(server, after: before).isEmpty)
    }

    @Test func theSheetTakesTheExceptionsThenEveryoneElsePresent() async throws {
        let server = try await Self.server.value
        let browser = Browser(server)
        let csrf = try await browser.signIn("ohjaaja")
        let session = try #require(try await plan(browser, server, csrf: csrf, [("date", TestServer.sessionDay), ("startTime", "16:00"), ("location", "Nuorisotila")]).first)
        let sheet = "\(Self.group)/sessions/\(session.id)"
        let page = try await browser.get(sheet)
        #expect(page.body.contains(#"name="location" value="Nuorisotila""#), "the place is filled in from the schedule")
        #expect(page.body.contains("klo 16.00"))
        #expect(page.body.contains("Tallenna – muut läsnä"))
        #expect(!page.body.contains(#"value="present" checked"#), "nobody is ticked present before anything is recorded")

        let before = try server.events().count
        let saved = try await browser.post(sheet, [
            ("mark.p-9x4d", "absent"), ("rest", "present"), ("durationMinutes", "90"), ("location", "Nuorisotila"), ("format", "in-person"),
        ], csrf: csrf)
        #expect(saved.status == 303)
        let written = try added(server, after: before)
        #expect(written.map(\.type) == ["session.held", "attendance.recorded", "attendance.recorded"])
        let marks = try written.dropFirst().map { try JSONParser.parse($0.data) }
            .map { "\($0["participant"]?.stringValue ?? ""):\($0["status"]?.stringValue ?? "")" }
        #expect(Set(marks) == ["p-7k2m:present", "p-9x4d:absent"])

        // Saved again as it stands, nothing is recorded twice; a change records only the change.
        let unchanged = try server.events().count
        #expect(try await browser.post(sheet, [("mark.p-7k2m", "present"), ("mark.p-9x4d", "absent"), ("rest", "present")], csrf: csrf).status == 303)
        #expect(try added(server, after: unchanged).isEmpty)
        #expect(try await browser.post(sheet, [("mark.p-7k2m", "present"), ("mark.p-9x4d", "excused"), ("rest", "none")], csrf: csrf).status == 303)
        #expect(try added(server, after: unchanged).map(\.type) == ["attendance.recorded"])
    }

    @Test func aFITRatingIsRecordedFromTheSheetForSomeonePresentAndShownByNameOnTheGroupsFITPage() async throws {
        let server = try await Self.server.value
        let browser = Browser(server)
        let csrf = try await browser.signIn("ohjaaja")
        let session = try #require(try await plan(browser, server, csrf: csrf, [("date", TestServer.sessionDay), ("location", "Forssa")]).first)
        let sheet = "\(Self.group)/sessions/\(session.id)"
        _ = try await browser.post(sheet, [("mark.p-9x4d", "absent"), ("rest", "present"), ("durationMinutes", "90"), ("location", "Forssa")], csrf: csrf)

        // The form offers only those present, by name; the one absent is not among them.
        let page = try await browser.get(sheet)
        let fitForm = try #require(page.body.range(of: "/fit\" class=\"stack\"").map { String(page.body[$0.upperBound...].prefix(2_000)) })
        #expect(fitForm.contains(#"<option value="p-7k2m">"#))
        #expect(!fitForm.contains(#"value="p-9x4d""#))

        let before = try server.events().count
        let recorded = try await browser.post(sheet + "/fit", [
            ("participant", "p-7k2m"), ("instrument", "ORS"), ("items.1", "5,5"), ("items.2", "6"), ("items.3", "4.5"), ("items.4", "7"),
        ], csrf: csrf)
        #expect(recorded.status == 303)
        #expect(recorded.header("Location") == sheet + "?fit=1")
        let rating = try #require(try added(server, after: before).first)
        #expect(rating.type == "feedback.fit-recorded")
        let data = try JSONParser.parse(rating.data)
        #expect(data["participant"]?.stringValue == "p-7k2m" && data["session"]?.stringValue == session.id)
        #expect(data["activity"]?.stringValue == TestServer.ownActivity && data["date"]?.stringValue == TestServer.sessionDay)

        // Someone absent, or no one, is refused and nothing is recorded.
        let refusedBefore = try server.events().count
        let absent = try await browser.post(sheet + "/fit", [("participant", "p-9x4d"), ("instrument", "ORS"), ("items.1", "5"), ("items.2", "5"),
                                                             ("items.3", "5"), ("items.4", "5")], csrf: csrf)
        #expect(absent.status == 400)
        let missing = try await browser.post(sheet + "/fit", [("participant", "p-7k2m"), ("instrument", "ORS"), ("items.1", "5")], csrf: csrf)
        #expect(missing.status == 400)
        #expect(missing.body.contains("Kenttä puuttuu tai ei kelpaa: 2. kohta"))
        #expect(missing.body.contains("<details class=\"card\" open>"), "the form comes back open, as it was filled in")
        #expect(try added(server, after: refusedBefore).isEmpty)

        // The group's FIT page is a page of the site, names the person, and logs that reading.
        let readingsBefore = try server.events().count
        let fit = try await browser.get(Self.group + "/fit")
        #expect(fit.status == 200)
        #expect(fit.body.contains("<header>") && fit.body.contains("report-card"))
        let name = try #require(TestServer.names["p-7k2m"])
        #expect(fit.body.contains("<dd>\(name)</dd>"))
        #expect(!fit.body.contains("<dd>p-7k2m</dd>"))
        let readings = try server.events().dropFirst(readingsBefore).filter { $0.type == "access.logged" }
        #expect(readings.contains { $0.stream == "subject-p-7k2m" && $0.data.contains("FIT page") })
        // The A4 page stays for printing.
        let printed = try await browser.get(Self.group + "/fit?print=1")
        #expect(printed.body.contains("@page { size: A4"))
    }

    /// On the recording page, a facilitator's FIT form without a group names the field, and keeps
    /// the form as it was filled in, rather than answering "you may not".
    @Test func aFacilitatorsFormWithoutAGroupNamesTheField() async throws {
        let server = try await Self.server.value
        let browser = Browser(server)
        let csrf = try await browser.signIn("ohjaaja")
        let before = try server.events().count
        let answer = try await browser.post("/record/fit", [("participant", "p-7k2m"), ("instrument", "ORS"), ("items.1", "5"), ("items.2", "5"),
                                                            ("items.3", "5"), ("items.4", "5")], csrf: csrf)
        #expect(answer.status == 400)
        #expect(answer.body.contains("Kenttä puuttuu tai ei kelpaa: Toiminta"))
        #expect(answer.body.contains(#"<details class="card" open>"#))
        #expect(!answer.body.contains("Sinulla ei ole oikeutta"))
        #expect(try added(server, after: before).isEmpty)
    }

    @Test func feedbackFromTheSheetMayBeAnonymous() async throws {
        let server = try await Self.server.value
        let browser = Browser(server)
        let csrf = try await browser.signIn("ohjaaja")
        let session = try #require(try await plan(browser, server, csrf: csrf, [("date", TestServer.sessionDay), ("location", "Forssa")]).first)
        let sheet = "\(Self.group)/sessions/\(session.id)"
        _ = try await browser.post(sheet, [("rest", "present"), ("durationMinutes", "90"), ("location", "Forssa")], csrf: csrf)
        let before = try server.events().count
        let given = try await browser.post(sheet + "/feedback", [("participant", ""), ("rating", "4"), ("themes", "ilmapiiri, tilat")], csrf: csrf)
        #expect(given.status == 303)
        let feedback = try #require(try added(server, after: before).first)
        #expect(feedback.type == "feedback.given")
        let data = try JSONParser.parse(feedback.data)
        #expect(data["participant"] == nil && data["rating"] == .number("4") && data["activity"]?.stringValue == TestServer.ownActivity)
        let page = try await browser.get(Self.group + "/feedback")
        #expect(page.status == 200 && page.body.contains("report-card"))
    }

    @Test func cancellingAsksForAReasonAndAConfirmation() async throws {
        let server = try await Self.server.value
        let browser = Browser(server)
        let csrf = try await browser.signIn("ohjaaja")
        let session = try #require(try await plan(browser, server, csrf: csrf, [("date", "2027-06-07")]).first)
        let path = "\(Self.group)/sessions/\(session.id)/cancel"
        let before = try server.events().count
        let noReason = try await browser.post(path, [("reason", " "), ("confirm", "on")], csrf: csrf)
        #expect(noReason.status == 400 && noReason.body.contains("Kirjoita peruutuksen syy."))
        let unconfirmed = try await browser.post(path, [("reason", "Ohjaaja sairastui")], csrf: csrf)
        #expect(unconfirmed.status == 400 && unconfirmed.body.contains("Vahvista peruutus rastilla."))
        #expect(try added(server, after: before).isEmpty)
        #expect(try await browser.post(path, [("reason", "Ohjaaja sairastui"), ("confirm", "on")], csrf: csrf).status == 303)
        let cancelled = try #require(try added(server, after: before).first)
        #expect(cancelled.type == "session.cancelled" && cancelled.data.contains(#""reason":"Ohjaaja sairastui""#))
    }

    @Test func aMarkIsVoidedOnTheSheetAndASessionOnTheGroupsPage() async throws {
        let server = try await Self.server.value
        let browser = Browser(server)
        let csrf = try await browser.signIn("ohjaaja")
        let sessions = try await plan(browser, server, csrf: csrf, [("repeat", "days"), ("days", "\(TestServer.sessionDay)\n2027-09-06")])
        let (held, mistaken) = (sessions[0].id, sessions[1].id)
        let sheet = "\(Self.group)/sessions/\(held)"
        _ = try await browser.post(sheet, [("mark.p-9x4d", "absent"), ("rest", "present"), ("durationMinutes", "90"), ("location", "Forssa")], csrf: csrf)
        let absent = try #require(try server.events().last { $0.type == "attendance.recorded" && $0.data.contains("p-9x4d") })

        // The sheet names the mark it would void: whose, and what.
        let page = try await browser.get(sheet)
        #expect(page.body.contains("Mitätöidään: Läsnäolomerkintä: \(TestServer.names["p-9x4d"] ?? "") · poissa"))
        #expect(page.body.contains(#"name="event" value="\#(absent.eventId)""#))
        let noReason = try await browser.post(Self.group + "/void", [("event", absent.eventId), ("session", held), ("reason", "")], csrf: csrf)
        #expect(noReason.status == 400 && noReason.body.contains("Kirjoita mitätöinnin syy."))
        let voided = try await browser.post(Self.group + "/void", [("event", absent.eventId), ("session", held), ("reason", "merkitty väärin")], csrf: csrf)
        #expect(voided.status == 303 && voided.header("Location") == sheet + "?voided=1")
        #expect(try server.events().last { $0.type == "entry.voided" }?.data.contains(absent.eventId) == true)
        #expect(!(try await browser.get(sheet).body.contains(#"name="mark.p-9x4d" value="absent" checked"#)), "the mark is gone")

        // A session planned by mistake, voided from the group's page.
        let scheduled = try #require(try server.events().last { $0.type == "session.scheduled" && $0.data.contains(#""session":"\#(mistaken)""#) })
        let group = try await browser.get(Self.group)
        #expect(group.body.contains("Mitätöidään: Kokoontuminen suunniteltu ma 6.9.2027"))
        let gone = try await browser.post(Self.group + "/void", [("event", scheduled.eventId), ("reason", "väärä päivä")], csrf: csrf)
        #expect(gone.status == 303 && gone.header("Location") == Self.group + "?voided=1")
        #expect(!(try await browser.get(Self.group).body.contains("/sessions/\(mistaken)\"")), "the session is no longer listed")

        // Nothing of another group, and nothing but sessions and marks, is voided here.
        let before = try server.events().count
        let others = try #require(try server.events().first { $0.stream == TestServer.otherActivity && $0.type == "session.scheduled" })
        #expect(try await browser.post(Self.group + "/void", [("event", others.eventId), ("reason", "x")], csrf: csrf).status == 400)
        let created = try #require(try server.events().first { $0.stream == TestServer.ownActivity && $0.type == "activity.created" })
        #expect(try await browser.post(Self.group + "/void", [("event", created.eventId), ("reason", "x")], csrf: csrf).status == 400)
        #expect(try server.events().count == before)
        // The sheet to come back to is an id, never anything else put in the address.
        #expect(try await browser.post(Self.group + "/void", [("event", absent.eventId), ("session", "s1?x=/../y"), ("reason", "x")],
                                       csrf: csrf).status == 400)
        #expect(try server.events().count == before)
    }

    @Test func thePrintedListHasTheSessionAndASignatureLineForEachPersonAndLogsTheNames() async throws {
        let server = try await Self.server.value
        let browser = Browser(server)
        try await browser.signIn("ohjaaja")
        let before = try server.events().count
        let page = try await browser.get("\(Self.group)/sessions/\(TestServer.session)/print")
        #expect(page.status == 200)
        #expect(page.body.contains("Läsnäololista") && page.body.contains("Allekirjoitus") && page.body.contains("Ohjaajan allekirjoitus"))
        #expect(page.body.contains(TestServer.sessionDayShown) && page.body.contains("Forssa"))
        for participant in TestServer.enrolledAgain {
            let name = try #require(TestServer.names[participant])
            #expect(page.body.contains("<td>\(name)</td>"))
        }
        let readings = try server.events().dropFirst(before).filter { $0.type == "access.logged" }
        #expect(Set(readings.map(\.stream)) == Set(TestServer.enrolledAgain.map { "subject-\($0)" }))
        #expect(readings.allSatisfy { $0.data.contains("printed attendance list") })
    }
}
