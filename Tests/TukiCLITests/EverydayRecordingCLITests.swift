import Foundation
import GRDB
import Testing

/// Every event a person records has a command (issue: recording without JSON), end to end
/// through the binary: what it stores, and its refusals naming their rules.
@Suite struct EverydayRecordingCLITests {
    /// A small programme: a project to 2099, an activity, two parents enrolled.
    struct Programme {
        let ws: Workspace
        let project: String
        let activity: String
        let aino: String
        let bert: String
    }

    static func programme() throws -> Programme {
        let ws = try Workspace()
        try ws.tuki(["init"])
        let project = try id(ws, ["project", "register", "--code", "S30999", "--name", "KokoOma", "--funder", "ESR+",
                                  "--start", "2024-09-01", "--end", "2099-12-31", "--cost-model", "flat-rate-40", "--self-financing", "20"])
        let activity = try id(ws, ["activity", "create", "--project", project, "--name", "Tähkä Forssa", "--kind", "closed-peer-group",
                                   "--target-group", "parents", "--municipality", "Forssa", "--date", "2026-01-10"])
        let aino = try id(ws, ["participant", "register", "--name", "Aino Zyxwesimerkki", "--birth-date", "1986-05-04",
                               "--gender", "woman", "--municipality", "Forssa", "--date", "2026-01-20"])
        let bert = try id(ws, ["participant", "register", "--name", "Bertta Qvistrandberg", "--birth-date", "1980-02-01",
                               "--gender", "woman", "--municipality", "Forssa", "--date", "2026-01-20"])
        for person in [aino, bert] { _ = try id(ws, ["enrol", "sign-up", person, activity, "--date", "2026-01-25"]) }
        return Programme(ws: ws, project: project, activity: activity, aino: aino, bert: bert)
    }

    /// Runs a recording command that must succeed; its standard output is the new id alone.
    @discardableResult
    static func id(_ ws: Workspace, _ arguments: [String], input: String? = nil) throws -> String {
        let result = try ws.tuki(arguments, input: input)
        #expect(result.status == 0, "\(arguments.prefix(2)): \(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 1, "\(arguments.prefix(2)): stdout must hold the id alone")
        return lines.first.map(String.init) ?? ""
    }

    /// What was done cannot be dated after today (Finnish time); a plan may lie ahead. Nothing is
    /// recorded for a refused date.
    @Test func whatWasDoneIsNotDatedInTheFuture() throws {
        let p = try Self.programme()
        try Self.refusal(p.ws, ["session", "held", p.activity, "--date", "2099-06-01", "--duration", "120", "--location", "Forssa"],
                         rule: "date.not-in-the-future")
        try Self.refusal(p.ws, ["staff", "log-time", "--staff", "staff-01", "--project", p.project, "--date", "2099-06-01", "--hours", "2",
                                "--hourly-cost", "30"], rule: "date.not-in-the-future")
        let planned = try Self.id(p.ws, ["session", "schedule", p.activity, "--date", "2099-06-01", "--duration", "120"])
        #expect(planned == "s1")
        try Self.id(p.ws, ["expert", "register", p.aino, "--alias", "Kumppani A", "--training", "trained", "--date", "2026-02-01"])
        let engagement = try Self.id(p.ws, ["engagement", "agree", "--expert", p.aino, "--project", p.project, "--kind", "writing",
                                            "--date", "2099-06-01", "--hours", "2", "--fee", "60"])
        try Self.refusal(p.ws, ["engagement", "complete", engagement, "--hours", "2", "--date", "2099-06-01"], rule: "date.not-in-the-future")
        #expect(try Self.events(p.ws, "session.held").isEmpty)
        #expect(try Self.events(p.ws, "engagement.completed").isEmpty)
    }

    /// The ledger's events of a type, their data parsed.
    static func events(_ ws: Workspace, _ type: String) throws -> [(id: String, stream: String, data: [String: Any])] {
        try DatabaseQueue(path: ws.path("tuki.sqlite")).read { db in
            try Row.fetchAll(db, sql: "SELECT event_id, stream, data FROM events WHERE type = ? ORDER BY position", arguments: [type]).map { row in
                let data = try JSONSerialization.jsonObject(with: Data((row[2] as String).utf8)) as? [String: Any] ?? [:]
                return (row[0], row[1], data)
            }
        }
    }

    static func refusal(_ ws: Workspace, _ arguments: [String], rule: String) throws {
        let result = try ws.tuki(arguments)
        #expect(result.status == 3, "\(arguments.prefix(2)) was not refused: \(result.stderr)")
        #expect(result.stderr.contains("(rule \(rule))"), "\(arguments.prefix(2)): \(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test func staffTimeCostsAndConsentAreRecordedOnTheirStreams() throws {
        let p = try Self.programme()
        let ws = p.ws
        let time = try Self.id(ws, ["staff", "log-time", "--staff", "staff-01", "--project", p.project, "--activity", p.activity,
                                    "--date", "2026-02-03", "--hours", "7,5", "--hourly-cost", "32.50"])
        let logged = try #require(try Self.events(ws, "staff.time-logged").first)
        #expect(logged.id == time && logged.stream == p.project)
        #expect(logged.data["hours"] as? Double == 7.5 && logged.data["hourlyCostCents"] as? Int == 3250)
        try Self.refusal(ws, ["staff", "log-time", "--staff", "staff-01", "--project", "project-none", "--date", "2026-02-03",
                              "--hours", "7", "--hourly-cost", "30"], rule: "reference.project-exists")

        let cost = try Self.id(ws, ["cost", "add", "--project", p.project, "--category", "catering", "--amount", "84,20",
                                    "--date", "2026-02-03", "--description", "receipt 112"])
        let incurred = try #require(try Self.events(ws, "cost.incurred").first)
        #expect(incurred.id == cost && incurred.stream == p.project && incurred.data["amountCents"] as? Int == 8420)
        try Self.refusal(ws, ["cost", "add", "--project", p.project, "--category", "catering", "--amount", "10", "--date", "2024-08-31"],
                         rule: "date.inside-project-period")
        // A value outside the payload's enum is a usage error naming the option and its values, never the value given.
        let snacks = try ws.tuki(["cost", "add", "--project", p.project, "--category", "snacks", "--amount", "10", "--date", "2026-02-03"])
        #expect(snacks.status == 2 && snacks.stderr.contains("--category") && snacks.stderr.contains("'catering'") && !snacks.stderr.contains("snacks"))

        try Self.id(ws, ["consent", "record", p.aino, "--scope", "photography", "--date", "2026-02-03"])
        try Self.id(ws, ["consent", "withdraw", p.aino, "--scope", "photography", "--date", "2026-03-03"])
        let consents = try Self.events(ws, "participant.consent-recorded")
        #expect(consents.count == 2 && consents.allSatisfy { $0.stream == "participant-\(p.aino)" })
        #expect(consents[0].data["withdrawn"] == nil && consents[1].data["withdrawn"] as? Bool == true)
        try Self.refusal(ws, ["consent", "record", "p-nobody", "--scope", "photography", "--date", "2026-02-03"],
                         rule: "reference.participant-exists")

        // Each printed id is the one `tuki void` takes.
        try Self.id(ws, ["void", cost, "--reason", "entered twice"])
        #expect(try Self.events(ws, "entry.voided").first?.data["eventId"] as? String == cost)
    }

    @Test func feedbackTextIsSealedForItsGiverOrASubjectOfItsOwn() throws {
        let p = try Self.programme()
        let ws = p.ws
        let secret = "Ohjaaja Xerxesdottir auttoi paljon"
        try ws.write("palaute.txt", secret)
        let named = try Self.id(ws, ["feedback", "give", p.activity, "--participant", p.aino, "--rating", "5",
                                     "--themes", "atmosphere, timing", "--text-file", "palaute.txt", "--date", "2026-02-03"])
        let anonymousSecret = "Toivon että Quentinsson lopettaisi"
        let anonymous = try ws.tuki(["feedback", "give", p.activity, "--rating", "3", "--text-file", "-", "--date", "2026-02-03"],
                                    input: anonymousSecret)
        #expect(anonymous.status == 0, "\(anonymous.stderr)")
        try Self.id(ws, ["feedback", "give", p.activity, "--rating", "4", "--date", "2026-02-03"])
        try FileManager.default.removeItem(atPath: ws.path("palaute.txt"))

        let given = try Self.events(ws, "feedback.given")
        #expect(given.count == 3 && given.allSatisfy { $0.stream == p.activity })
        // (A fourth, with a blank text, comes below.)
        #expect(given[0].id == named && given[0].data["themes"] as? [String] == ["atmosphere", "timing"])
        let namedText = try #require(given[0].data["text"] as? [String: Any])
        #expect(namedText["subject"] as? String == p.aino)
        let anonymousText = try #require(given[1].data["text"] as? [String: Any])
        let subject = try #require(anonymousText["subject"] as? String)
        #expect(subject.hasPrefix("fb-") && given[1].data["participant"] == nil)
        #expect(given[2].data["text"] == nil)

        // The giver's reading opens their text; the anonymous text opens under its own subject,
        // and erasing that subject erases it alone.
        #expect(try ws.tuki(["reveal", p.aino, "--purpose", "answer the feedback"]).stdout.contains(secret))
        #expect(try ws.tuki(["reveal", subject, "--purpose", "check"]).stdout.contains(anonymousSecret))
        #expect(try ws.tuki(["erase", subject, "--reason", "asked"]).status == 0)
        #expect(try ws.tuki(["reveal", subject, "--purpose", "check"]).status == 3)
        #expect(try ws.tuki(["reveal", p.aino, "--purpose", "check"]).stdout.contains(secret))

        // Text that is not there, too long, or not text.
        try ws.write("empty.txt", "  \n")
        let blank = try Self.id(ws, ["feedback", "give", p.activity, "--rating", "4", "--text-file", "empty.txt", "--date", "2026-02-03"])
        #expect(try Self.events(ws, "feedback.given").first { $0.id == blank }?.data["text"] == nil, "a blank text is no text")
        try ws.write("long.txt", String(repeating: "ä", count: 8_001))
        for (arguments, message) in [(["--text-file", "long.txt"], "longer than 8000 characters"), (["--text-file", "missing.txt"], "cannot be read"),
                                     (["--text-file", "."], "cannot be read"), (["--text", "x", "--text-file", "long.txt"], "not both")] {
            let result = try ws.tuki(["feedback", "give", p.activity, "--rating", "4", "--date", "2026-02-03"] + arguments)
            #expect(result.status == 2 && result.stderr.contains(message), "\(arguments): \(result.stderr)")
        }
        try Self.refusal(ws, ["feedback", "give", "activity-none", "--rating", "4", "--date", "2026-02-03"], rule: "reference.activity-exists")
        try Self.refusal(ws, ["feedback", "give", p.activity, "--rating", "6", "--date", "2026-02-03"], rule: "schema.maximum")
        // A refused anonymous answer leaves no key behind: only Aino's, Bertta's and the erased one's were ever made.
        let refusedText = try ws.tuki(["feedback", "give", "activity-none", "--rating", "4", "--text", "x", "--date", "2026-02-03"])
        #expect(refusedText.status == 3)
        let keys = try DatabaseQueue(path: ws.path("tuki.keys.sqlite")).read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM subject_keys") }
        #expect(keys == 2)

        // No sealed text or name in clear in any file Tuki wrote: ledger, WAL, key store, read models.
        _ = try ws.tuki(["roster", p.activity, "--session", "s1", "--purpose", "x"])  // (no session: refused, nothing written)
        try Self.id(ws, ["session", "schedule", p.activity, "--date", "2026-02-10", "--duration", "90"])
        let roster = try ws.tuki(["roster", p.activity, "--session", "s1", "--purpose", "paper list", "--format", "html"])
        #expect(roster.stdout.contains("Aino Zyxwesimerkki"))
        // The reports and lists Tuki writes without --names, and an export, saved as files.
        for (file, arguments) in [("sessions.md", ["report", "sessions"]), ("participants.json", ["list", "participants", "--format", "json"]),
                                  ("roster-count.csv", ["report", "sessions", "--activity", p.activity, "--format", "csv"]),
                                  ("export.jsonl", ["export"])] {
            FileManager.default.createFile(atPath: ws.path(file), contents: nil)
            #expect(try ws.tuki(arguments, outputPath: ws.path(file)).status == 0, "\(arguments)")
        }
        #expect(try String(contentsOfFile: ws.path("export.jsonl"), encoding: .utf8).contains("feedback.given"))
        #expect(try String(contentsOfFile: ws.path("participants.json"), encoding: .utf8).contains(p.aino))
        try Self.expectNoneInClear(["Zyxwesimerkki", "Qvistrandberg", "Xerxesdottir", "Quentinsson", "1986-05-04"], in: ws)
    }

    /// Searches the bytes of every file in the workspace but the test's own (dot files).
    static func expectNoneInClear(_ secrets: [String], in ws: Workspace) throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: ws.directory.path).filter { !$0.hasPrefix(".") }
        #expect(files.contains("tuki.sqlite") && files.contains("tuki.keys.sqlite") && files.contains("tuki.readmodels.sqlite")
                && files.contains("export.jsonl"))
        for file in files {
            let bytes = try Data(contentsOf: ws.directory.appendingPathComponent(file))
            for secret in secrets {
                #expect(bytes.range(of: Data(secret.utf8)) == nil, "\(file) holds \(secret) in clear")
            }
        }
    }

    @Test func fitRatingsAndBIKVAStagesFromTheGroupsFile() throws {
        let p = try Self.programme()
        let ws = p.ws
        try Self.id(ws, ["fit", "record", p.aino, "--instrument", "ORS", "--items", "4.2,5,3.8,6.1", "--activity", p.activity,
                         "--session", "s1", "--date", "2026-02-03"])
        let fit = try #require(try Self.events(ws, "feedback.fit-recorded").first)
        #expect(fit.stream == "participant-\(p.aino)" && fit.data["items"] as? [Double] == [4.2, 5, 3.8, 6.1])
        try Self.refusal(ws, ["fit", "record", p.aino, "--instrument", "SRS", "--items", "4.25,5,3.8,6.1", "--date", "2026-02-03"],
                         rule: "fit.one-decimal")
        let three = try ws.tuki(["fit", "record", p.aino, "--instrument", "ORS", "--items", "4,5,6"])
        #expect(three.status == 2 && three.stderr.contains("four scores"))

        try ws.write("themes.csv", #"""
            teema;sanottu;vastaus;sovittu muutos\#r
            Odottaminen;"Jonot ovat pitkiä; odotimme ""kuukausia""";Työntekijät tunnistavat;Varaus netissä\#r
            Tiedon kulku;"Emme tienneet
            mitä tapahtuu";;\#r

            """#)
        try Self.id(ws, ["bikva", "stage", "kokooma-2026", "--project", p.project, "--stage", "1", "--group-size", "6",
                         "--themes", "themes.csv", "--date", "2026-03-01"])
        try ws.write("themes.md", """
            # Vaihe 2: työntekijät

            ## Odottaminen
            **Sanottu:** Jonot ovat pitkiä
            **Vastaus:** Työntekijät tunnistavat
            ja kertovat syyn.
            **Sovittu muutos:** Varaus netissä
            """)
        try Self.id(ws, ["bikva", "stage", "kokooma-2026", "--project", p.project, "--stage", "2", "--group-size", "4",
                         "--themes", "themes.md", "--date", "2026-04-01"])
        let stages = try Self.events(ws, "bikva.stage-recorded")
        #expect(stages.count == 2 && stages.allSatisfy { $0.stream == "bikva-kokooma-2026" })
        let first = try #require(stages[0].data["themes"] as? [[String: String]])
        #expect(first == [
            ["theme": "Odottaminen", "said": "Jonot ovat pitkiä; odotimme \"kuukausia\"", "response": "Työntekijät tunnistavat",
             "agreedChange": "Varaus netissä"],
            ["theme": "Tiedon kulku", "said": "Emme tienneet\nmitä tapahtuu"],
        ])
        let second = try #require(stages[1].data["themes"] as? [[String: String]])
        #expect(second == [["theme": "Odottaminen", "said": "Jonot ovat pitkiä", "response": "Työntekijät tunnistavat\nja kertovat syyn.",
                            "agreedChange": "Varaus netissä"]])

        try Self.refusal(ws, ["bikva", "stage", "kokooma-2026", "--project", p.project, "--stage", "3", "--group-size", "3",
                              "--themes", "themes.md", "--date", "2024-01-01"], rule: "date.inside-project-period")
        try ws.write("bad.csv", "theme;who\nOdottaminen;x\n")
        let badColumn = try ws.tuki(["bikva", "stage", "k", "--project", p.project, "--stage", "3", "--group-size", "3", "--themes", "bad.csv"])
        #expect(badColumn.status == 2 && badColumn.stderr.contains("not theme, said, response or agreed change"))
        try ws.write("huge.md", "## Teema\n" + String(repeating: "Sanottu: x\n", count: 100_000))
        let huge = try ws.tuki(["bikva", "stage", "k", "--project", p.project, "--stage", "3", "--group-size", "3", "--themes", "huge.md"])
        #expect(huge.status == 2 && huge.stderr.contains("larger than 1 MiB"))
        try ws.write("stray.md", "## Teema\nirrallinen rivi\n")
        let stray = try ws.tuki(["bikva", "stage", "k", "--project", p.project, "--stage", "3", "--group-size", "3", "--themes", "stray.md"])
        #expect(stray.status == 2 && stray.stderr.contains("Line 2"))
    }

    @Test func aSessionHeldOnItsScheduledDayIsThatSession() throws {
        let p = try Self.programme()
        let ws = p.ws
        #expect(try Self.id(ws, ["session", "schedule", p.activity, "--date", "2026-02-03", "--duration", "120"]) == "s1")
        #expect(try Self.id(ws, ["session", "schedule", p.activity, "--date", "2026-02-10", "--duration", "120"]) == "s2")
        #expect(try Self.id(ws, ["session", "held", p.activity, "--date", "2026-02-10", "--duration", "120", "--location", "Forssa"]) == "s2")
        // Not scheduled that day: a new session, held without being planned.
        #expect(try Self.id(ws, ["session", "held", p.activity, "--date", "2026-02-12", "--duration", "60", "--location", "Forssa"]) == "s3")
        // Two scheduled on one day: which one was held must be said.
        try Self.id(ws, ["session", "schedule", p.activity, "--date", "2026-02-17", "--duration", "60"])
        try Self.id(ws, ["session", "schedule", p.activity, "--date", "2026-02-17", "--duration", "60"])
        let ambiguous = try ws.tuki(["session", "held", p.activity, "--date", "2026-02-17", "--duration", "60", "--location", "Forssa"])
        #expect(ambiguous.status == 2 && ambiguous.stderr.contains("2 sessions") && ambiguous.stderr.contains("s4, s5") && ambiguous.stderr.contains("--session"))
        #expect(try Self.id(ws, ["session", "held", p.activity, "--date", "2026-02-17", "--duration", "60", "--location", "Forssa",
                                 "--session", "s5"]) == "s5")
        let held = try Self.events(ws, "session.held").map { $0.data["session"] as? String }
        #expect(held == ["s2", "s3", "s5"])
        // A cancellation finds the day's scheduled session the same way.
        try Self.id(ws, ["session", "schedule", p.activity, "--date", "2026-02-24", "--duration", "60"])
        #expect(try Self.id(ws, ["session", "cancel", p.activity, "--date", "2026-02-24", "--reason", "illness"]) == "s6")
        // A session whose every event is voided keeps its id: it is not given again.
        for type in ["session.scheduled", "session.cancelled"] {
            let voided = try #require(try Self.events(ws, type).last { $0.data["session"] as? String == "s6" }?.id)
            try Self.id(ws, ["void", voided, "--reason", "entered by mistake"])
        }
        #expect(try Self.id(ws, ["session", "schedule", p.activity, "--date", "2026-03-03", "--duration", "60"]) == "s7")
        let nothing = try ws.tuki(["session", "cancel", p.activity, "--date", "2026-02-25"])
        #expect(nothing.status == 2 && nothing.stderr.contains("No session of the activity is scheduled on 2026-02-25"))
    }

    @Test func aBatchRefusalNamesTheParticipantItIsAbout() throws {
        let p = try Self.programme()
        let ws = p.ws
        try Self.id(ws, ["session", "held", p.activity, "--date", "2026-02-03", "--duration", "120", "--location", "Forssa"])
        let one = try ws.tuki(["attendance", p.activity, "s1", "--present", p.aino])
        #expect(one.stderr == "Recorded attendance of 1 participant at s1 of \(p.activity).\n")
        let two = try ws.tuki(["attendance", p.activity, "s1", "--present", p.aino, "--absent", p.bert])
        #expect(two.stderr.contains("of 2 participants"))
        let refused = try ws.tuki(["attendance", p.activity, "s1", "--present", "\(p.aino),p-nobody"])
        #expect(refused.status == 3)
        #expect(refused.stderr == "Refused the attendance of participant p-nobody: data.participant names a participant who is not registered (rule reference.participant-exists). Nothing of the 2 was recorded.\n")
        #expect(try Self.events(ws, "attendance.recorded").count == 3)
    }

    @Test func countsOfOneAreSingular() throws {
        let ws = try Workspace()
        try ws.tuki(["init"])
        try Self.id(ws, ["project", "register", "--code", "S1", "--name", "K", "--funder", "STEA", "--start", "2026-01-01",
                         "--end", "2026-12-31", "--cost-model", "real-costs", "--self-financing", "0"])
        #expect(try ws.tuki(["verify"]).stdout.hasPrefix("ok 1 event, head 1 "))
        try ws.write("export.jsonl", try ws.tuki(["export"]).stdout)
        #expect(try ws.tuki(["restore", "export.jsonl", "--db", "copy.sqlite"]).stdout.hasPrefix("Restored 1 event, head 1 "))
        #expect(try ws.tuki(["projections", "update", "--db", "copy.sqlite"]).stdout.contains(": 1 event read in"))
    }
}

/// The example files docs/bikva-themes.md offers are read as the page says.
@Suite struct BIKVAExampleFilesCLITests {
    @Test func theDocumentedExamplesAreRecorded() throws {
        let p = try EverydayRecordingCLITests.programme()
        let examples = Repository.root.appendingPathComponent("docs/examples")
        for (stage, file) in [(1, "vaihe1.md"), (2, "vaihe2.csv")] {
            try EverydayRecordingCLITests.id(p.ws, [
                "bikva", "stage", "kokooma-2026", "--project", p.project, "--stage", String(stage), "--group-size", "5",
                "--themes", examples.appendingPathComponent(file).path, "--date", "2026-03-0\(stage)"])
        }
        let stages = try EverydayRecordingCLITests.events(p.ws, "bikva.stage-recorded").map { $0.data["themes"] as? [[String: String]] ?? [] }
        #expect(stages[0].map { $0["theme"] } == ["Odottaminen", "Tiedon kulku", "Vertaisryhmä"])
        #expect(stages[0][1]["said"] == "Vanhemmat eivät tiedä, mitä sijoituksen jälkeen tapahtuu,\neikä kukaan kerro, keneltä kysyä.")
        #expect(stages[1].map { $0["theme"] } == ["Odottaminen", "Tiedon kulku"])
        #expect(stages[1][0]["said"] == "Jonot perheneuvolaan ovat pitkiä; odotimme kuukausia.")
        #expect(stages[1][1]["agreedChange"] == "Yksi nimetty yhteyshenkilö jokaiselle perheelle")
    }
}
