import Samples
import EventStore
import Foundation
import Ledger
import Server
import Testing

/// The coordinator's work on the server: recording without JSON, the lists and the payroll view
/// with each name's opening logged, every report; the analyst's aggregate reports; a facilitator
/// scheduling a session. One at a time: each test counts the events it adds.
@Suite(.serialized) struct CoordinatorTests {
    static let server = Task { try await TestServer.start() }
    static let project = SampleProgramme.projectStream

    /// The events recorded after `position`, less the readings of personal data.
    static func written(_ server: TestServer, after position: Int) throws -> [RecordedEvent] {
        try server.events().filter { $0.position > Int64(position) && $0.type != "access.logged" }
    }

    /// The id a recording page announces: "Recorded: … – p-xxxxxx".
    static func announced(_ page: Browser.Answer, prefix: String) throws -> String {
        let notice = try #require(page.body.range(of: #"class="notice""#))
        let tail = page.body[notice.upperBound...].prefix { $0 != "<" }
        return try #require(tail.components(separatedBy: " ").last { $0.hasPrefix(prefix) })
    }

    /// The sentence a page gives for what it refused.
    static func problem(_ page: Browser.Answer) -> String {
        guard let start = page.body.range(of: #"class="problem""#) else { return "" }
        return String(page.body[start.upperBound...].prefix { $0 != "<" })
    }

    @Test func aCoordinatorRecordsAnExpertsWholeEngagementWithoutJSON() async throws {
        let server = try await Self.server.value
        let browser = Browser(server)
        let csrf = try await browser.signIn("koordinaattori")
        let before = try server.events().count
        // The engagement's forms are on the expert's page (PeoplePagesTests); the same forms are posted here.
        #expect(!(try await browser.get("/record").body.contains(#"action="/record/engagement""#)))

        let registered = try await browser.post("/record/participant", [
            ("personal.name", "Kaisa Kokemus"), ("personal.birthDate", "1988-04-12"), ("gender", "woman"), ("municipality", "Forssa"),
            ("roles", "parent"), ("roles", "experience-expert"),
        ], csrf: csrf)
        #expect(registered.status == 200)
        let participant = try Self.announced(registered, prefix: "p-")
        let expert = try await browser.post("/record/expert", [("participant", participant), ("alias", "Kaisla"), ("training", "trained")], csrf: csrf)
        #expect(expert.status == 200)
        let agreed = try await browser.post("/record/engagement", [
            ("expert", participant), ("project", Self.project), ("kind", "writing"), ("date", "2026-06-01"), ("plannedHours", "2,5"),
            ("agreedFeeCents", "90,50"),
        ], csrf: csrf)
        let engagement = try Self.announced(agreed, prefix: "e-")

        // A fee before the work is done: the rule's sentence, and nothing recorded.
        let early = try await browser.post("/record/fee", [("engagement", engagement), ("date", "2026-06-02"), ("amountCents", "90.50")], csrf: csrf)
        #expect(early.status == 422)
        #expect(early.body.contains("Palkkio maksetaan vasta, kun toimeksianto on kirjattu tehdyksi."))
        #expect(!early.body.contains("fee.needs-completed-engagement") && !early.body.contains("data."))

        #expect(try await browser.post("/record/complete", [("engagement", engagement), ("date", "2026-06-01"), ("hours", "3")], csrf: csrf).status == 200)
        #expect(try await browser.post("/record/fee", [("engagement", engagement), ("date", "2026-06-02"), ("amountCents", "90.50")], csrf: csrf).status == 200)
        #expect(try await browser.post("/record/travel", [("engagement", engagement), ("date", "2026-06-02"), ("kilometres", "42")], csrf: csrf).status == 200)

        let written = try Self.written(server, after: before)
        #expect(written.map(\.type) == ["participant.registered", "expert.registered", "engagement.agreed", "engagement.completed", "fee.paid",
                                        "travel.reimbursed"])
        #expect(written.allSatisfy { $0.meta == #"{"actor":"koordinaattori"}"# })
        #expect(!written.contains { $0.data.contains("Kaisa") || $0.data.contains("1988-04-12") }, "the name and birth date are sealed")
        #expect(written[0].data.contains(#""birthYear":1988"#))
        #expect(written[0].data.contains(#""roles":["parent","experience-expert"]"#))
        #expect(written[2].data.contains(#""agreedFeeCents":9050"#) && written[2].data.contains(#""plannedHours":2.5"#))
        #expect(written[2].data.contains(#""mode":"in-person""#), "an empty choice takes its default")
        let allowance = try #require(KilometreAllowance.rate(on: "2026-06-01")).centsPerKm
        #expect(written[5].data.contains(#""amountCents":\#(42 * allowance)"#))

        // A per diem at the rate of the day the work was done: two part days.
        let paid = try await browser.post("/record/per-diem", [("engagement", engagement), ("date", "2026-06-02"), ("kind", "part-day"), ("days", "2")],
                                          csrf: csrf)
        #expect(paid.status == 200)
        let perDiem = try #require(try server.events().last { $0.type == "per-diem.paid" })
        let partDay = try #require(PerDiem.rate(on: "2026-06-01")).partDayCents
        #expect(perDiem.data.contains(#""days":2"#) && perDiem.data.contains(#""amountCents":\#(2 * partDay)"#))
    }

    @Test func aCoordinatorSetsUpAProjectAndRecordsItsEverydayWork() async throws {
        let server = try await Self.server.value
        let browser = Browser(server)
        let csrf = try await browser.signIn("koordinaattori")
        let before = try server.events().count
        let project = try await browser.post("/record/project", [
            ("projectCode", "S31234"), ("name", "Uusi hanke"), ("funder", "ESR+"), ("startDate", "2026-01-01"), ("endDate", "2027-12-31"),
            ("costModel", "flat-rate-40"), ("selfFinancingPercent", "20"),
        ], csrf: csrf)
        #expect(try Self.announced(project, prefix: "project-") == "project-s31234")
        let activity = try Self.announced(try await browser.post("/record/activity", [
            ("project", "project-s31234"), ("name", "Vertaisryhmä"), ("kind", "closed-peer-group"), ("targetGroup", "parents"),
            ("municipality", "Forssa"), ("facilitators.worker", "staff-01"), ("workPackage", "TP3"),
        ], csrf: csrf), prefix: "activity-")
        let steps: [(String, [(String, String)])] = [
            ("staff-time", [("staffMember", "staff-01"), ("project", "project-s31234"), ("activity", activity), ("date", "2026-03-02"),
                            ("hours", "7,5"), ("hourlyCostCents", "32.50")]),
            ("cost", [("project", "project-s31234"), ("category", "catering"), ("amountCents", "84,20"), ("date", "2026-03-02")]),
            ("consent", [("participant", "p-7k2m"), ("scope", "photography"), ("withdrawn", "on")]),
            ("fit", [("participant", "p-7k2m"), ("instrument", "ORS"), ("items.1", "4.2"), ("items.2", "5"), ("items.3", "3,8"), ("items.4", "6.1")]),
            ("feedback", [("activity", TestServer.ownActivity), ("rating", "4"), ("themes", "atmosphere, timing"), ("text", "Liisa auttoi paljon")]),
        ]
        for (form, fields) in steps {
            #expect(try await browser.post("/record/\(form)", fields, csrf: csrf).status == 200, "\(form)")
        }
        let written = try Self.written(server, after: before)
        #expect(written.map(\.type) == ["project.registered", "activity.created", "staff.time-logged", "cost.incurred",
                                        "participant.consent-recorded", "feedback.fit-recorded", "feedback.given"])
        #expect(written[1].data.contains(#""facilitators":{"worker":"staff-01"}"#))
        #expect(written[2].data.contains(#""hourlyCostCents":3250"#) && written[2].data.contains(#""hours":7.5"#))
        #expect(written[4].data.contains(#""withdrawn":true"#))
        #expect(written[5].data.contains(#""items":[4.2,5,3.8,6.1]"#))
        #expect(written[6].data.contains(#""themes":["atmosphere","timing"]"#))
        #expect(!written[6].data.contains("Liisa"), "the free text is sealed")

        // The cost was entered by mistake: void it by the start of its id.
        let cost = written[3]
        let voided = try await browser.post("/record/void", [("eventId", String(cost.eventId.prefix(13))), ("reason", "entered twice")], csrf: csrf)
        #expect(voided.status == 200)
        let void = try #require(try Self.written(server, after: Int(written[6].position)).last)
        #expect(void.type == "entry.voided" && void.stream == cost.stream && void.data.contains(cost.eventId))
        #expect(try await browser.post("/record/void", [("eventId", "ffffffff"), ("reason", "no such")], csrf: csrf).status == 422)
    }

    @Test func aCoordinatorRecordsAnEvaluationsSurveyAnswersAndBIKVAStages() async throws {
        let server = try await Self.server.value
        let browser = Browser(server)
        let csrf = try await browser.signIn("koordinaattori")
        let before = try server.events().count
        let survey = try await browser.post("/record/survey", [
            ("survey", "staff-2027"), ("project", Self.project), ("wave", "baseline"), ("scale.min", "1"), ("scale.max", "5"),
            ("answers", "I know where to find support: 4\r\nThe team listens = 5\r\n"),
        ], csrf: csrf)
        #expect(survey.status == 200)
        let badAnswers = try await browser.post("/record/survey", [
            ("survey", "staff-2027"), ("project", Self.project), ("wave", "baseline"), ("scale.min", "1"), ("scale.max", "5"), ("answers", "no score"),
        ], csrf: csrf)
        #expect(badAnswers.status == 400)
        #expect(Self.problem(badAnswers).contains("kokonaisluku") && !Self.problem(badAnswers).contains("no score"))
        let themes = "## Waiting times\nSaid: The wait for a first meeting was long.\nAgreed change: A first call within a week.\n"
        let stage = try await browser.post("/record/bikva-stage", [
            ("evaluation", "test-2027"), ("project", Self.project), ("stage", "1"), ("groupSize", "6"), ("themes", themes),
        ], csrf: csrf)
        #expect(stage.status == 200)
        #expect(try await browser.post("/record/bikva-approval", [("evaluation", "test-2027"), ("stage", "1")], csrf: csrf).status == 200)
        #expect(try await browser.post("/record/bikva-follow-up", [
            ("evaluation", "test-2027"), ("stage", "1"), ("theme", "waiting times"), ("status", "done"),
        ], csrf: csrf).status == 200)
        // Stage 3 before stage 2: the rules refuse it.
        let early = try await browser.post("/record/bikva-stage", [
            ("evaluation", "test-2027"), ("project", Self.project), ("stage", "3"), ("groupSize", "4"), ("themes", themes),
        ], csrf: csrf)
        #expect(early.status == 422)
        #expect(early.body.contains("Vaiheet kirjataan järjestyksessä"))
        let written = try Self.written(server, after: before)
        #expect(written.map(\.type) == ["survey.answered", "bikva.stage-recorded", "bikva.wording-approved", "bikva.change-followed-up"])
        #expect(written[0].data.contains(#""answers":[{"item":"I know where to find support","score":4},{"item":"The team listens","score":5}]"#))
        #expect(written[0].data.contains(#""respondentGroup":"staff""#) && written[0].data.contains(#""scale":{"max":5,"min":1}"#))
        #expect(written[1].data.contains(#""agreedChange":"A first call within a week.""#))
    }

    @Test func aCoordinatorOpensAPersonsDataForAPurposeAndErasesItOnRequest() async throws {
        let server = try await Self.server.value
        let browser = Browser(server)
        let csrf = try await browser.signIn("koordinaattori")
        let registered = try await browser.post("/record/participant", [
            ("personal.name", "Iida Poistettava"), ("personal.birthDate", "1979-09-09"), ("personal.contact", "040 123 4567"),
            ("gender", "woman"), ("municipality", "Forssa"), ("roles", "parent"),
        ], csrf: csrf)
        let person = try Self.announced(registered, prefix: "p-")
        let page = try #require(try await browser.personPage(finding: "Poistettava", csrf: csrf))
        let before = try server.events().count

        let opened = try await browser.post(page + "/reveal", [("purpose", "calling about the camp")], csrf: csrf)
        #expect(opened.status == 200)
        #expect(opened.body.contains("Iida Poistettava") && opened.body.contains("040 123 4567"))
        let readings = try server.events().dropFirst(before).filter { $0.type == "access.logged" }
        #expect(readings.contains { $0.stream == "subject-\(person)" && $0.data.contains("calling about the camp") && $0.data.contains(#""actor":"koordinaattori""#) })
        #expect(opened.body.contains("calling about the camp"), "the access log is on the page")

        let unconfirmed = try await browser.post(page + "/erase", [("reason", "asked to be forgotten")], csrf: csrf)
        #expect(unconfirmed.status == 400)
        #expect(try server.events().dropFirst(before).allSatisfy { $0.type == "access.logged" })
        let erased = try await browser.post(page + "/erase", [("reason", "asked to be forgotten"), ("confirm", "on")], csrf: csrf)
        #expect(erased.status == 200)
        #expect(try server.events().contains { $0.type == "subject.erased" && $0.stream == "subject-\(person)" })
        #expect(try await browser.post(page + "/reveal", [("purpose", "again")], csrf: csrf).status == 410)
        #expect(try await browser.personPage(finding: "Poistettava", csrf: csrf) == nil, "an erased person is found by no search")
        #expect(try await browser.get("/people/not-a-handle").status == 404)
    }

    @Test func aFieldMissingOrMalformedIsNamedButNotEchoed() async throws {
        let server = try await Self.server.value
        let browser = Browser(server)
        let csrf = try await browser.signIn("koordinaattori")
        let before = try server.events().count
        let page = try await browser.post("/record/participant", [
            ("personal.name", "Ville Virhe"), ("personal.birthDate", "1988-02-31x"), ("gender", "man"), ("municipality", "Forssa"), ("roles", "parent"),
        ], csrf: csrf)
        #expect(page.status == 400)
        #expect(Self.problem(page).contains("Kenttä puuttuu tai ei kelpaa: Syntymäaika"))
        #expect(!Self.problem(page).contains("1988-02-31x"), "the sentence names the field, not its value")
        let unknownChoice = try await browser.post("/record/sign-up", [("participant", "p-7k2m"), ("activity", "Activity X!")], csrf: csrf)
        #expect(unknownChoice.status == 400)
        #expect(try Self.written(server, after: before).isEmpty)
        #expect(try await browser.post("/record/no-such-form", [], csrf: csrf).status == 404)
    }

    @Test func thePayrollViewShowsNamesAndIdentityCodesAndLogsEachOpening() async throws {
        let server = try await Self.server.value
        let browser = Browser(server)
        let csrf = try await browser.signIn("koordinaattori")
        let before = try server.events().count
        let plain = try await browser.get("/reports/fees?year=2026")
        #expect(plain.status == 200)
        #expect(try server.events().count == before, "the fees report by alias opens no one's data")

        let payroll = try await browser.post("/reports/payroll", [("year", "2026"), ("purpose", "fees of June")], csrf: csrf)
        #expect(payroll.status == 200)
        #expect(payroll.header("Content-Security-Policy")?.contains("script") == false)
        let readings = try server.events().filter { $0.position > Int64(before) && $0.type == "access.logged" }
        #expect(!readings.isEmpty)
        #expect(readings.allSatisfy { $0.data.contains(#""actor":"koordinaattori""#) && $0.data.contains("fees of June") })
        #expect(try await browser.post("/reports/payroll", [("year", "2026")], csrf: csrf).status == 400, "a purpose is required")

        // The lists: by id without a purpose; by name with one, each name's opening logged.
        let list = try await browser.get("/lists/participants?open=on")
        #expect(list.status == 200)
        let count = try server.events().count
        #expect(try await browser.get("/lists/participants?format=csv").header("Content-Disposition")?.hasPrefix("attachment") == true)
        let named = try await browser.post("/lists/participants/names", [("purpose", "phone round")], csrf: csrf)
        #expect(named.status == 200)
        let logged = try server.events().filter { $0.position > Int64(count) && $0.type == "access.logged" }
        #expect(!logged.isEmpty && logged.allSatisfy { $0.data.contains("phone round") })
        #expect(try await browser.get("/lists/nothing").status == 404)
    }

    @Test func aCoordinatorReadsEveryReportAndAnAnalystOnlyTheAggregateOnes() async throws {
        let server = try await Self.server.value
        let coordinator = Browser(server)
        try await coordinator.signIn("koordinaattori")
        let analyst = Browser(server)
        try await analyst.signIn("analyytikko")
        let queries = [
            "esr": "project=\(Self.project)&from=2026-01-01&to=2026-06-30", "stea": "project=\(Self.project)&year=2026",
            "sessions": "", "commitment": "activity=\(SampleProgramme.cohortStream)", "bikva": "evaluation=tukidemo-2026",
            "fit": "activity=\(TestServer.ownActivity)", "feedback": "project=\(Self.project)", "survey": "survey=staff-2026",
            "experts": "year=2026", "fees": "year=2026", "staff-time": "project=\(Self.project)&from=2026-01-01&to=2026-12-31",
        ]
        let aggregate: Set = ["esr", "stea", "bikva", "feedback", "survey"]
        let reportsPage = try await analyst.get("/reports")
        for (report, query) in queries {
            let full = try await coordinator.get("/reports/\(report)?\(query)")
            #expect(full.status == 200, "coordinator: \(report)")
            #expect(full.body.contains("<table"), "coordinator: \(report) has tables")
            let hidden = try await analyst.get("/reports/\(report)?\(query)&format=csv")
            #expect(hidden.status == (aggregate.contains(report) ? 200 : 403), "analyst: \(report)")
            #expect(reportsPage.body.contains(#"action="/reports/\#(report)""#) == aggregate.contains(report), "analyst's forms: \(report)")
        }
        // The analyst's figures hide small counts where the coordinator's show them.
        let esr = queries["esr"] ?? ""
        let analystsESR = try await analyst.get("/reports/esr?\(esr)&format=csv").body
        #expect(analystsESR.contains("<5"))
        #expect(!(try await coordinator.get("/reports/esr?\(esr)&format=csv").body.contains("<5")))
        // An analyst's window is whole calendar months: 24.3.–2.4. is read as 1.3.–30.4., so that
        // two windows a few days apart cannot single out the answers between them.
        let window = "/reports/feedback?project=\(Self.project)&from=2026-03-24&to=2026-04-02&format=csv"
        let widened = try await analyst.get(window).body
        #expect(widened.contains("1.3.2026") && widened.contains("30.4.2026") && !widened.contains("24.3.2026"))
        #expect(try await coordinator.get(window).body.contains("24.3.2026"))
        // Bad fields are refused without being quoted; a report of nothing is not found.
        #expect(try await coordinator.get("/reports/esr?project=\(Self.project)&from=2026-06-30&to=2026-01-01").status == 400)
        #expect(try await coordinator.get("/reports/feedback?project=\(Self.project)&activity=\(TestServer.ownActivity)").status == 400)
        #expect(try await coordinator.get("/reports/stea?project=project-none&year=2026").status == 404)
        #expect(try await coordinator.get("/reports/nothing").status == 404)
    }

    @Test func aFacilitatorSchedulesASessionOfTheirOwnGroupOnly() async throws {
        let server = try await Self.server.value
        let browser = Browser(server)
        let csrf = try await browser.signIn("ohjaaja")
        let before = try server.events().count
        let group = "/groups/\(TestServer.ownActivity)"
        #expect(try await browser.get(group).body.contains(#"action="\#(group)/sessions""#))
        let planned = try await browser.post("\(group)/sessions", [("date", "2026-12-17"), ("durationMinutes", "90"), ("startTime", "17:30")], csrf: csrf)
        #expect(planned.status == 303)
        #expect(planned.header("Location") == "\(group)?scheduled=1")
        let written = try Self.written(server, after: before)
        #expect(written.map(\.type) == ["session.scheduled"])
        #expect(written.first?.meta == #"{"actor":"ohjaaja"}"#)
        #expect(written.first?.data.contains(#""startTime":"17:30""#) == true)
        #expect(try await browser.get(group).body.contains("17.12.2026"))
        #expect(try await browser.post("\(group)/sessions", [("date", "2026-12-18"), ("durationMinutes", "90"), ("startTime", "25:00")], csrf: csrf).status == 400)
        #expect(try await browser.post("/groups/\(TestServer.otherActivity)/sessions", [("date", "2026-12-18"), ("durationMinutes", "90")], csrf: csrf).status == 403)
        #expect(try Self.written(server, after: before).count == 1)
    }

    @Test func aFacilitatorRecordsFITAndFeedbackForTheirOwnGroupOnly() async throws {
        let server = try await Self.server.value
        let browser = Browser(server)
        let csrf = try await browser.signIn("ohjaaja")
        let before = try server.events().count
        let page = try await browser.get("/record")
        #expect(page.status == 200)
        // A FIT rating, which names a person, is recorded from the session's sheet (FacilitatorPhoneTests).
        #expect(!page.body.contains(#"action="/record/fit""#) && page.body.contains(#"action="/record/feedback""#))
        #expect(!page.body.contains(#"action="/record/participant""#))
        #expect(!page.body.contains(TestServer.otherActivity), "only their own groups are suggested")
        let rating = [("participant", "p-7k2m"), ("instrument", "SRS"), ("items.1", "9"), ("items.2", "8.5"), ("items.3", "9"), ("items.4", "9.5")]
        #expect(try await browser.post("/record/fit", rating + [("activity", TestServer.ownActivity)], csrf: csrf).status == 200)
        #expect(try await browser.post("/record/fit", rating + [("activity", TestServer.otherActivity)], csrf: csrf).status == 403)
        #expect(try await browser.post("/record/fit", rating, csrf: csrf).status == 400, "group work names its group")
        #expect(try await browser.post("/record/feedback", [("activity", TestServer.otherActivity), ("rating", "5")], csrf: csrf).status == 403)
        #expect(try await browser.post("/record/cost", [("project", Self.project), ("category", "other"), ("amountCents", "1")], csrf: csrf).status == 403)
        let written = try Self.written(server, after: before)
        #expect(written.map(\.type) == ["feedback.fit-recorded"])
        #expect(written.first?.meta == #"{"actor":"ohjaaja"}"#)
    }

    @Test func anOpenEventsHeadcountShowsOnItsGroupsPageAndInTheAPI() async throws {
        let server = try await Self.server.value
        let browser = Browser(server)
        let csrf = try await browser.signIn("koordinaattori")
        let group = "/groups/\(TestServer.otherActivity)"
        let held = try await browser.post("\(group)/sessions/\(TestServer.session)", [
            ("durationMinutes", "120"), ("location", "Hämeenlinna"), ("format", "in-person"), ("headcount", "23"),
        ], csrf: csrf)
        #expect(held.status == 303)
        #expect(try await browser.get(group).body.contains("Kävijämäärä 23"))
        let token = try #require(try await browser.token("koordinaattori"))
        let groups = try await browser.send("GET", "/api/v1/groups", bearer: token)
        #expect(groups.body.contains(#""headcount":23"#))
    }

    @Test func theAPIRecordsWhatTheFormsRecord() async throws {
        let server = try await Self.server.value
        let browser = Browser(server)
        let token = try #require(try await browser.token("koordinaattori"))
        let before = try server.events().count
        let registered = try await browser.send("POST", "/api/v1/record/participant", json: """
            {"personal":{"name":"Aapo API","birthDate":"2001-01-01"},"gender":"man","municipality":"Forssa","roles":["young-adult"]}
            """, bearer: token)
        #expect(registered.status == 201)
        let participant = try #require(registered.json?["id"] as? String)
        let signUp = try await browser.send("POST", "/api/v1/record/sign-up", json: """
            {"participant":"\(participant)","activity":"\(TestServer.ownActivity)","date":"2026-11-30"}
            """, bearer: token)
        #expect(signUp.status == 201)
        let start = try await browser.send("POST", "/api/v1/record/start", json: """
            {"participant":"\(participant)","activity":"\(TestServer.ownActivity)","date":"2026-11-30",
             "entry":{"ageAtEntry":25,"labourMarketStatus":"unemployed","educationLevel":"isced-3-4"}}
            """, bearer: token)
        #expect(start.status == 201)
        let refused = try await browser.send("POST", "/api/v1/record/start", json: """
            {"participant":"\(participant)","activity":"\(TestServer.ownActivity)","date":"2026-11-30",
             "entry":{"ageAtEntry":60,"labourMarketStatus":"unemployed","educationLevel":"isced-3-4"}}
            """, bearer: token)
        #expect(refused.status == 422)
        let bad = try await browser.send("POST", "/api/v1/record/sign-up", json: #"{"participant":"Aapo API"}"#, bearer: token)
        #expect(bad.status == 400)
        #expect(!bad.body.contains("Aapo"))
        let scheduled = try await browser.send("POST", "/api/v1/groups/\(TestServer.ownActivity)/sessions",
                                               json: #"{"date":"2026-12-24","durationMinutes":60}"#, bearer: token)
        #expect(scheduled.status == 201)
        let written = try Self.written(server, after: before)
        #expect(written.map(\.type) == ["participant.registered", "enrolment.signed-up", "enrolment.started", "session.scheduled"])
        #expect(written.allSatisfy { $0.meta == #"{"actor":"koordinaattori"}"# })
        #expect(!written.contains { $0.data.contains("Aapo") })
        let list = try await browser.send("GET", "/api/v1/lists/participants", bearer: token)
        #expect(list.status == 200)
        #expect(list.body.contains(participant) && !list.body.contains("Aapo"))
    }
}
