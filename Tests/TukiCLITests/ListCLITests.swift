import Foundation
import GRDB
import Testing

/// `tuki list …` and `tuki roster`: what exists, names only on request and each reading logged.
@Suite struct ListCLITests {
    typealias E = EverydayRecordingCLITests

    struct Setting {
        let p: E.Programme
        let anonymous: String
        let named: String
        let engagements: [String]
    }

    /// The programme, an anonymous expert (enrolled in the group too) and a named one, with an
    /// engagement in each state, and sessions held, scheduled and still ahead.
    static func setting() throws -> Setting {
        let p = try E.programme()
        let ws = p.ws
        let anonymous = try E.id(ws, ["participant", "register", "--name", "Kaisa Vwxanonyymi", "--birth-date", "1990-01-01", "--gender", "woman",
                                      "--municipality", "Forssa", "--roles", "parent,experience-expert", "--identity-code", "010190-998X",
                                      "--date", "2026-01-05"])
        try E.id(ws, ["expert", "register", anonymous, "--alias", "Kokemuskumppani K", "--anonymous", "--training", "trained", "--date", "2026-01-06"])
        try E.id(ws, ["enrol", "sign-up", anonymous, p.activity, "--date", "2026-01-25"])
        let named = try E.id(ws, ["participant", "register", "--name", "Matti Nimellinen", "--birth-date", "1970-01-01", "--gender", "man",
                                  "--municipality", "Loimaa", "--roles", "experience-expert", "--date", "2026-01-05"])
        try E.id(ws, ["expert", "register", named, "--alias", "Matti N", "--training", "in-training", "--date", "2026-01-06"])
        var engagements: [String] = []
        for expert in [anonymous, named, named, named] {
            engagements.append(try E.id(ws, ["engagement", "agree", "--expert", expert, "--project", p.project, "--activity", p.activity,
                                              "--kind", "co-facilitating-peer-group", "--date", "2026-02-03", "--hours", "3", "--fee", "90"]))
        }
        try E.id(ws, ["engagement", "complete", engagements[1], "--hours", "3", "--date", "2026-02-03"])
        try E.id(ws, ["engagement", "complete", engagements[2], "--hours", "2.5", "--date", "2026-02-03"])
        try E.id(ws, ["pay", "fee", engagements[2], "--amount", "90", "--date", "2026-02-28"])
        try E.id(ws, ["engagement", "cancel", engagements[3], "--date", "2026-02-01"])
        try E.id(ws, ["session", "held", p.activity, "--date", "2026-02-03", "--duration", "120", "--location", "Forssa"])
        try E.id(ws, ["session", "schedule", p.activity, "--date", "2026-02-10", "--duration", "120"])
        try E.id(ws, ["session", "schedule", p.activity, "--date", "2099-06-01", "--duration", "120"])
        try E.id(ws, ["session", "schedule", p.activity, "--date", "2099-06-08", "--duration", "120"])
        return Setting(p: p, anonymous: anonymous, named: named, engagements: engagements)
    }

    static func rows(_ ws: Workspace, _ arguments: [String], table: String) throws -> [[String: Any]] {
        let result = try ws.tuki(arguments + ["--format", "json"])
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        return (report?["tables"] as? [String: Any])?[table] as? [[String: Any]] ?? []
    }

    /// How many readings each subject's access log holds.
    static func readings(_ ws: Workspace) throws -> [String: Int] {
        try DatabaseQueue(path: ws.path("tuki.sqlite")).read { db in
            Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: """
                SELECT stream, COUNT(*) FROM events WHERE type = 'access.logged' GROUP BY stream
                """).map { (String(($0[0] as String).dropFirst("subject-".count)), $0[1] as Int) })
        }
    }

    @Test func listsShowWhatExistsByPseudonymAndFilter() throws {
        let s = try Self.setting()
        let (ws, p) = (s.p.ws, s.p)
        let projects = try Self.rows(ws, ["list", "projects"], table: "projects")
        #expect(projects.count == 1 && projects[0]["code"] as? String == "S30999" && projects[0]["activities"] as? Int == 1)
        let activities = try Self.rows(ws, ["list", "activities", "--project", p.project], table: "activities")
        #expect(activities.count == 1 && activities[0]["enrolled"] as? Int == 3)
        #expect(try Self.rows(ws, ["list", "activities", "--project", "project-other"], table: "activities").isEmpty)

        let everyone = try Self.rows(ws, ["list", "participants"], table: "participants")
        #expect(Set(everyone.compactMap { $0["participant"] as? String }) == [p.aino, p.bert, s.anonymous, s.named])
        #expect(everyone.allSatisfy { $0["name"] == nil })
        let enrolled = try Self.rows(ws, ["list", "participants", "--activity", p.activity, "--open"], table: "participants")
        #expect(Set(enrolled.compactMap { $0["participant"] as? String }) == [p.aino, p.bert, s.anonymous])
        #expect(enrolled.allSatisfy { $0["enrolled_in"] as? String == p.activity })
        let inProject = try Self.rows(ws, ["list", "participants", "--project", p.project], table: "participants")
        #expect(Set(inProject.compactMap { $0["participant"] as? String }) == [p.aino, p.bert, s.anonymous])
        #expect(try Self.rows(ws, ["list", "participants", "--project", "project-other"], table: "participants").isEmpty)
        let anywhereNow = try Self.rows(ws, ["list", "participants", "--open"], table: "participants")
        #expect(Set(anywhereNow.compactMap { $0["participant"] as? String }) == [p.aino, p.bert, s.anonymous])
        // Someone who left is among those ever enrolled, not among those enrolled now.
        try E.id(ws, ["enrol", "end", p.bert, p.activity, "--date", "2026-03-01", "--outcome", "dropped-out"])
        let ever = try Self.rows(ws, ["list", "participants", "--activity", p.activity], table: "participants")
        #expect(ever.first { $0["participant"] as? String == p.bert }?["enrolled_in"] as? String == "")
        let now = try Self.rows(ws, ["list", "participants", "--activity", p.activity, "--open"], table: "participants")
        #expect(Set(now.compactMap { $0["participant"] as? String }) == [p.aino, s.anonymous])
        #expect(try Self.rows(ws, ["list", "activities"], table: "activities").first?["enrolled"] as? Int == 2)

        let sessions = try Self.rows(ws, ["list", "sessions", "--activity", p.activity], table: "sessions")
        #expect(sessions.map { $0["status"] as? String } == ["held", "scheduled", "scheduled", "scheduled"])
        let open = try Self.rows(ws, ["list", "sessions", "--project", p.project, "--open"], table: "sessions")
        // s1 was held with no one's attendance marked: it is still to record, like the planned ones.
        #expect(open.map { $0["session"] as? String } == ["s1", "s2", "s3", "s4"])

        let engagements = try Self.rows(ws, ["list", "engagements"], table: "engagements")
        #expect(engagements.map { $0["status"] as? String } == ["agreed", "completed", "completed", "cancelled"])
        #expect(engagements[0]["expert"] as? String == "Kokemuskumppani K", "experts by alias")
        #expect(engagements[2]["fee_paid"] as? Int == 9000 && engagements[2]["hours"] as? Double == 2.5)
        let toDo = try Self.rows(ws, ["list", "engagements", "--open"], table: "engagements")
        #expect(toDo.compactMap { $0["engagement"] as? String } == [s.engagements[0], s.engagements[1]])
        #expect(try Self.rows(ws, ["list", "engagements", "--expert", s.anonymous], table: "engagements").count == 1)

        let experts = try Self.rows(ws, ["list", "experts"], table: "experts")
        #expect(experts.map { $0["alias"] as? String } == ["Kokemuskumppani K", "Matti N"])
        #expect(experts.map { $0["engagements"] as? Int } == [1, 3] && experts.map { $0["completed"] as? Int } == [0, 2])

        // Every list in every format, none with a name in it.
        for list in ["projects", "activities", "participants", "sessions", "engagements", "experts"] {
            for format in ["table", "md", "csv", "json", "html"] {
                let result = try ws.tuki(["list", list, "--format", format])
                #expect(result.status == 0 && !result.stdout.isEmpty, "list \(list) --format \(format): \(result.stderr)")
                #expect(!result.stdout.contains("Zyxwesimerkki") && !result.stdout.contains("Vwxanonyymi"))
            }
        }
        #expect(try Self.readings(ws).isEmpty, "lists without names open nothing")
        // Words for people in the report's language, codes for programs.
        let finnish = try ws.tuki(["list", "participants", "--activity", p.activity, "--format", "md"]).stdout
        #expect(finnish.contains("| Osallistuja |") && finnish.contains("| vanhempi, kokemusasiantuntija | nainen |"))
        let english = try ws.tuki(["list", "sessions", "--activity", p.activity, "--format", "md", "--lang", "en"]).stdout
        #expect(english.contains("| \(p.activity) | s1 | 2026-02-03 | held |"))
        #expect(try ws.tuki(["list", "sessions", "--activity", p.activity, "--format", "md"]).stdout.contains("| s1 | 3.2.2026 | pidetty |"))
        let noPurpose = try ws.tuki(["list", "participants", "--names"])
        #expect(noPurpose.status == 2 && noPurpose.stderr.contains("--purpose"))
    }

    @Test func namesAreShownOnRequestAndEachPersonShownGetsOneReading() throws {
        let s = try Self.setting()
        let (ws, p) = (s.p.ws, s.p)
        let people = try Self.rows(ws, ["list", "participants", "--names", "--purpose", "call the group"], table: "participants")
        let names = Dictionary(uniqueKeysWithValues: people.map { ($0["participant"] as? String ?? "", $0["name"] as? String ?? "") })
        #expect(names == [p.aino: "Aino Zyxwesimerkki", p.bert: "Bertta Qvistrandberg", s.named: "Matti Nimellinen",
                          s.anonymous: "Kokemuskumppani K"])
        // One reading per person whose name was opened; none for the anonymous expert, shown by alias.
        #expect(try Self.readings(ws) == [p.aino: 1, p.bert: 1, s.named: 1])
        let log = try ws.tuki(["access-log", p.aino]).stdout
        #expect(log.contains("call the group"))

        let experts = try Self.rows(ws, ["list", "experts", "--names", "--purpose", "plan the spring"], table: "experts")
        #expect(experts.map { $0["name"] as? String } == ["Kokemuskumppani K", "Matti Nimellinen"])
        #expect(experts.allSatisfy { $0["identity_code"] == nil })
        #expect(try Self.readings(ws) == [p.aino: 1, p.bert: 1, s.named: 2])

        let payroll = try Self.rows(ws, ["list", "experts", "--names", "--payroll", "--purpose", "pay February's fees"], table: "experts")
        #expect(payroll.map { $0["name"] as? String } == ["Kaisa Vwxanonyymi", "Matti Nimellinen"])
        #expect(payroll[0]["identity_code"] as? String == "010190-998X")
        #expect(try Self.readings(ws) == [p.aino: 1, p.bert: 1, s.named: 3, s.anonymous: 1])
        let noNames = try ws.tuki(["list", "experts", "--payroll"])
        #expect(noNames.status == 2)

        // An erased person's name cannot be shown, and their reading is not logged.
        #expect(try ws.tuki(["erase", p.bert, "--reason", "asked"]).status == 0)
        let after = try Self.rows(ws, ["list", "participants", "--activity", p.activity, "--names", "--purpose", "check"], table: "participants")
        #expect(after.first { $0["participant"] as? String == p.bert }?["name"] as? String == "(poistettu)")
        #expect(try Self.readings(ws) == [p.aino: 2, p.bert: 1, s.named: 3, s.anonymous: 1])
    }

    @Test func theRosterIsTheNextSessionsSheetByName() throws {
        let s = try Self.setting()
        let (ws, p) = (s.p.ws, s.p)
        let markdown = try ws.tuki(["roster", p.activity, "--purpose", "paper list", "--format", "md", "--lang", "en"])
        #expect(markdown.status == 0, "\(markdown.stderr)")
        #expect(markdown.stdout.contains("Tähkä Forssa — Session s3, 2099-06-01"), "the next scheduled session: \(markdown.stdout)")
        let lines = markdown.stdout.split(separator: "\n").filter { $0.hasPrefix("| ") && !$0.hasPrefix("| Name") && !$0.hasPrefix("| ---") }.map(String.init)
        #expect(lines == [
            "| Aino Zyxwesimerkki | \(p.aino) |  |  |  |",
            "| Bertta Qvistrandberg | \(p.bert) |  |  |  |",
            "| Kokemuskumppani K | \(s.anonymous) |  |  |  |",
        ])
        #expect(try Self.readings(ws) == [p.aino: 1, p.bert: 1])

        let html = try ws.tuki(["roster", p.activity, "--session", "s2", "--purpose", "paper list", "--format", "html"])
        #expect(html.stdout.contains(#"<table class="fill-in">"#) && html.stdout.contains("Läsnäololista") && html.stdout.contains("10.2.2026"))
        #expect(html.stdout.contains("Aino Zyxwesimerkki"))
        #expect(try Self.readings(ws) == [p.aino: 2, p.bert: 2])

        let unknown = try ws.tuki(["roster", p.activity, "--session", "s99", "--purpose", "x"])
        #expect(unknown.status == 2 && unknown.stderr.contains("no session"))
        let noPurpose = try ws.tuki(["roster", p.activity])
        #expect(noPurpose.status == 2)
        let blankPurpose = try ws.tuki(["roster", p.activity, "--purpose", " "])
        #expect(blankPurpose.status == 2 && blankPurpose.stderr.contains("--purpose must say why"))
        #expect(try Self.readings(ws) == [p.aino: 2, p.bert: 2])
    }
}
