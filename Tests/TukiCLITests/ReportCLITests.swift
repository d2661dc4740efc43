import EventStore
import Foundation
import Testing

/// `tuki projections …` and `tuki report …` through the binary, on the demo ledger.
@Suite struct ReportCLITests {
    static let cohort = "activity-kokemuskumppani-team-1"
    static let tahka = "activity-tahka-forssa-2026"

    func demo() throws -> Workspace { try Workspace.withDemo() }

    @Test func theCommitmentReportGivesTheCohortsRateAndTheLedgerItCameFrom() throws {
        let ws = try demo()
        let result = try ws.tuki(["report", "commitment", "--activity", Self.cohort, "--db", "tuki-demo.sqlite", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try JSONParser.parse(result.stdout)
        guard case let .array(rows)? = json["tables"]?["cohort"] else { Issue.record("no cohort table"); return }
        #expect(rows.first?["commitment_rate"] == .number("84.68"))
        #expect(rows.first?["attendances"] == .number("503"))
        let verify = try ws.tuki(["verify", "--db", "tuki-demo.sqlite"]).stdout
        let head = try ws.head()
        #expect(json["ledger"]?["position"] == .number(String(head)))
        if case let .string(hash)? = json["ledger"]?["hash"] { #expect(verify.contains(hash)) } else { Issue.record("no hash") }
        #expect(json["ledger"]?["asOf"] == .null)

        let table = try ws.tuki(["report", "commitment", "--activity", Self.cohort, "--db", "tuki-demo.sqlite", "--format", "table", "--lang", "en"])
        #expect(table.stdout.contains("84.68 %"))
        #expect(table.stdout.contains("Built from the ledger head at position \(head)"))
        // Finnish by default: its words, decimal commas and days.
        let finnish = try ws.tuki(["report", "commitment", "--activity", Self.cohort, "--db", "tuki-demo.sqlite", "--format", "md"]).stdout
        #expect(finnish.hasPrefix("# Sitoutuminen: ") && finnish.contains("84,68\u{00A0}%") && finnish.contains("| 10.8.2026 |"))
    }

    @Test func theSessionsReportComesInEveryFormat() throws {
        let ws = try demo()
        func report(_ extra: [String]) throws -> String {
            let result = try ws.tuki(["report", "sessions", "--activity", Self.tahka, "--db", "tuki-demo.sqlite"] + extra)
            #expect(result.status == 0, "\(result.stderr)")
            return result.stdout
        }
        // Not a terminal: Markdown unless asked.
        #expect(try report(["--lang", "en"]).hasPrefix("# Sessions and attendance\n"))
        let markdown = try report([])
        #expect(markdown.hasPrefix("# Kokoontumiset ja osallistuminen\n") && markdown.contains("| 3.2.2026 |"))
        // A Finnish spreadsheet's CSV for people by default: byte-order mark, semicolons, words,
        // decimal commas, its days.
        let spreadsheet = try report(["--format", "csv"]).components(separatedBy: "\r\n")
        #expect(spreadsheet[0] == "\u{FEFF}Kokoontumiset ja osallistuminen" && spreadsheet[1] == "Toiminta;activity-tahka-forssa-2026")
        let activities = try #require(spreadsheet.firstIndex(of: "Toiminnat"))
        #expect(spreadsheet[activities + 1].hasSuffix(";Osallistuminen (%)"))
        #expect(spreadsheet[activities + 2].hasSuffix(";16,00;41;2;5;;85,42"))
        #expect(spreadsheet.contains { $0.hasPrefix("activity-tahka-forssa-2026;s1;3.2.2026;pidetty;") })
        let all = try report(["--format", "csv", "--csv-standard"]).components(separatedBy: "\r\n")
        #expect(Array(all.prefix(4)) == ["report,sessions", "key,value", "activity,activity-tahka-forssa-2026", "position,\(try ws.head())"])
        let csv = Array(all.drop { !$0.isEmpty }.dropFirst())
        #expect(csv.prefix(2) == ["activities", "activity,name,kind,municipality,held,cancelled,planned,still_scheduled,hours_held,present,absent,excused,headcount,attendance_rate"])
        // Planned: the nine sessions scheduled in advance, eight since held and the reunion still ahead.
        #expect(csv[2] == "activity-tahka-forssa-2026,Tähkä-ryhmä Forssa,closed-peer-group,Forssa,8,0,9,1,16.00,41,2,5,,85.42")
        let json = try JSONParser.parse(try report(["--format", "json"]))
        guard case let .array(sessions)? = json["tables"]?["sessions"] else { Issue.record("no sessions"); return }
        // Eight held and the reunion still scheduled.
        #expect(sessions.count == 9)
        #expect(sessions.filter { $0["status"] == "held" }.count == 8)
        let period = try JSONParser.parse(try report(["--format", "json", "--from", "2026-02-10", "--to", "2026-02-24"]))
        guard case let .array(inPeriod)? = period["tables"]?["sessions"] else { Issue.record("no sessions"); return }
        #expect(inPeriod.compactMap { $0["date"]?.stringValue } == ["2026-02-10", "2026-02-17", "2026-02-24"])
    }

    @Test func aReplayIsTheSameBytesLaterAndLeavesTheLiveReadModelsAlone() throws {
        let ws = try demo()
        let moment = Timestamp.now().recordedAtText
        Thread.sleep(forTimeInterval: 0.01)
        let db = ["--db", "tuki-demo.sqlite"]
        let asOf = try ws.tuki(["report", "sessions", "--as-of", moment, "--format", "json"] + db)
        let atPosition = try ws.tuki(["report", "sessions", "--at-position", "600", "--format", "csv"] + db)
        #expect(asOf.status == 0 && atPosition.status == 0, "\(asOf.stderr) \(atPosition.stderr)")
        let live = try ws.tuki(["report", "sessions", "--format", "json"] + db)

        let held = try ws.tuki(["session", "held", Self.tahka, "--date", "2026-03-31", "--duration", "60", "--location", "Forssa"] + db)
        #expect(held.status == 0, "\(held.stderr)")
        #expect(try ws.tuki(["report", "sessions", "--as-of", moment, "--format", "json"] + db).stdout == asOf.stdout)
        #expect(try ws.tuki(["report", "sessions", "--at-position", "600", "--format", "csv"] + db).stdout == atPosition.stdout)
        #expect(try ws.tuki(["report", "sessions", "--format", "json"] + db).stdout != live.stdout)
        #expect(asOf.stdout.contains(#""asOf": "\#(moment)""#))

        let status = try ws.tuki(["projections", "status"] + db).stdout
        #expect(status.contains("sessions          5        \(try ws.head())         0  up to date"))
    }

    @Test func rebuildSaysWhatItDidAndCanKeepAReplay() throws {
        let ws = try demo()
        let db = ["--db", "tuki-demo.sqlite"]
        let rebuild = try ws.tuki(["projections", "rebuild"] + db)
        #expect(rebuild.status == 0, "\(rebuild.stderr)")
        let head = try ws.head()
        #expect(rebuild.stdout.hasPrefix("Rebuilt sessions, commitment, funder, directory, bikva, fit, feedback, survey, staff to position \(head): "))
        let kept = try ws.tuki(["projections", "rebuild", "sessions", "--at-position", "600", "--into", "past.sqlite"] + db)
        #expect(kept.status == 0, "\(kept.stderr)")
        #expect(kept.stdout.contains("kept in past.sqlite"))
        #expect(FileManager.default.fileExists(atPath: ws.path("past.sqlite")))
        #expect(try ws.tuki(["projections", "status"] + db).stdout.contains("\(head)         0  up to date"))
    }

    /// `--as-of` takes now and today; a replay before anything was recorded says so; `tuki log
    /// --last N` shows the latest events.
    @Test func replaysOfNowAndOfBeforeAnythingAndTheLatestEvents() throws {
        let ws = try demo()
        let db = ["--db", "tuki-demo.sqlite"]
        let today = String(Timestamp.now().occurredAtText.prefix(10))
        for moment in ["now", "today", today] {
            let result = try ws.tuki(["report", "sessions", "--as-of", moment, "--format", "json"] + db)
            #expect(result.status == 0, "\(moment): \(result.stderr)")
            #expect(try JSONParser.parse(result.stdout)["ledger"]?["position"] == .number(String(try ws.head())))
        }
        let bad = try ws.tuki(["report", "sessions", "--as-of", "yesterday"] + db)
        #expect(bad.status != 0 && bad.stderr.contains("today or now") && !bad.stderr.contains(": ."))
        let before = try ws.tuki(["report", "sessions", "--as-of", "2020-01-01", "--format", "json"] + db)
        #expect(before.status == 0 && before.stderr.hasPrefix("Nothing was recorded by 2020-01-01T23:59:59.999999Z: the ledger's first event was recorded at "))
        let head = try ws.head()
        let last = try ws.tuki(["log", "--last", "2", "--json"] + db).stdout.split(separator: "\n")
        #expect(try last.map { try JSONParser.parse(String($0))["position"] } == [.number(String(head - 1)), .number(String(head))])
        let lastCosts = try ws.tuki(["log", "--last", "1", "--type", "cost.incurred", "--json"] + db).stdout.split(separator: "\n")
        #expect(lastCosts.count == 1 && lastCosts.first?.contains("Koulutuksen työkirjat") == true)
    }

    /// What was typed is repeated in a message only when it is an id.
    @Test func anUnknownActivityIsNamedOnlyWhenItIsAnId() throws {
        let ws = try demo()
        let typed = try ws.tuki(["report", "commitment", "--activity", "Aino Virtanen\n\u{1B}[31m", "--db", "tuki-demo.sqlite"])
        #expect(typed.status == 2 && typed.stderr == "There is no activity with the id given in the ledger.\n")
        let id = try ws.tuki(["report", "sessions", "--activity", "activity-none", "--db", "tuki-demo.sqlite"])
        #expect(id.status == 2 && id.stderr == "There is no activity activity-none in the ledger.\n")
    }

    @Test func badRequestsAreUsageErrorsWithAPlainSentence() throws {
        let ws = try demo()
        let db = ["--db", "tuki-demo.sqlite"]
        let cases: [([String], String)] = [
            (["projections", "rebuild", "nonesuch"], "There is no projector named nonesuch"),
            (["report", "sessions", "--as-of", "2999-01-01"], "is in the future"),
            (["report", "sessions", "--at-position", "99999"], "beyond the ledger's head"),
            (["report", "sessions", "--as-of", "yesterday"], "--as-of must be an RFC 3339 timestamp"),
            (["report", "sessions", "--as-of", "2026-01-01", "--at-position", "3"], "not both"),
            (["report", "sessions", "--from", "2026-13-01"], "--from must be a date"),
            (["report", "commitment", "--activity", "activity-none"], "There is no activity activity-none"),
        ]
        for (arguments, message) in cases {
            let result = try ws.tuki(arguments + db)
            #expect(result.status == 2, "\(arguments): \(result.status)")
            #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
        }
    }
}

/// Output that cannot be written (here to /dev/full, a disk with no space left) is an error the
/// user reads, with the storage exit status, not a report silently cut short.
@Suite(.enabled(if: FileManager.default.isWritableFile(atPath: "/dev/full")))
struct UnwritableOutputTests {
    @Test func aFullDiskIsReported() throws {
        let ws = try Workspace()
        #expect(try ws.tuki(["demo"]).status == 0)
        let commands = [
            ["report", "sessions", "--format", "json"],
            ["report", "esr", "--project", "project-tukidemo-2026", "--period", "2026-01-01..2026-12-31", "--format", "csv"],
            ["export"],
            ["log", "--json"],
        ]
        for command in commands {
            let result = try ws.tuki(command + ["--db", "tuki-demo.sqlite"], outputPath: "/dev/full")
            #expect(result.status == 4, "\(command): \(result.stderr)")
            #expect(result.stderr.contains("Could not write to standard output: No space left on device."), "\(command): \(result.stderr)")
        }
    }
}
