import Foundation
import GRDB
import Testing

@Suite struct CLITests {
    /// A valid little programme: a project, one of its activities, a session of it.
    static let line1 = #"{"eventId":"11111111-1111-4111-8111-111111111111","stream":"project-b","type":"project.registered","schemaVersion":1,"occurredAt":"2026-01-05T08:00:00+02:00","expectedVersion":0,"data":{"projectCode":"S1","name":"Ä \"quoted\" name","funder":"ESR+","startDate":"2026-01-01","endDate":"2027-12-31","costModel":"flat-rate-40","selfFinancingPercent":0.20}}"#
    static let line2 = #"{"eventId":"22222222-2222-4222-8222-222222222222","stream":"activity-a","type":"activity.created","occurredAt":"2026-01-12T09:00:00Z","data":{"project":"project-b","name":"Tähkä","kind":"closed-peer-group","targetGroup":"parents","municipality":"Forssa"},"meta":{"actor":"coordinator"}}"#
    static let line3 = #"{"eventId":"33333333-3333-4333-8333-333333333333","stream":"activity-a","type":"session.held","schemaVersion":2,"occurredAt":"2026-02-03T15:00:00Z","data":{"session":"s1","date":"2026-02-03","durationMinutes":120,"location":"Forssa","format":"in-person"}}"#

    static func projectData(_ code: String) -> String {
        #"{"projectCode":"\#(code)","name":"Project \#(code)","funder":"STEA","startDate":"2026-01-01","endDate":"2026-12-31","costModel":"real-costs","selfFinancingPercent":0}"#
    }

    @Test func initCreatesALedgerAndRefusesToOverwriteOne() throws {
        let ws = try Workspace()
        let created = try ws.tuki(["init", "--db", "l.sqlite"])
        #expect(created.status == 0)
        #expect(created.stdout.contains("l.sqlite"))
        let again = try ws.tuki(["init", "--db", "l.sqlite"])
        #expect(again.status == 3)
        #expect(again.stderr.contains("will not overwrite"))
        #expect(try ws.tuki(["verify", "--db", "l.sqlite"]).stdout.hasPrefix("ok 0 events, head 0 0000"))
    }

    @Test func theLedgerPathComesFromTheOptionThenTUKI_DBThenTheDefault() throws {
        let ws = try Workspace()
        #expect(try ws.tuki(["init"]).status == 0)
        #expect(FileManager.default.fileExists(atPath: ws.path("tuki.sqlite")))
        #expect(try ws.tuki(["init"], environment: ["TUKI_DB": "from-env.sqlite"]).status == 0)
        #expect(FileManager.default.fileExists(atPath: ws.path("from-env.sqlite")))
        #expect(try ws.tuki(["init", "--db", "flag.sqlite"], environment: ["TUKI_DB": "from-env.sqlite"]).status == 0)
        #expect(FileManager.default.fileExists(atPath: ws.path("flag.sqlite")))
    }

    @Test func appendRecordsTheActorAndChecksTheExpectedVersion() throws {
        let ws = try Workspace()
        try ws.tuki(["init"])
        let first = try ws.tuki([
            "append", "--stream", "project-a", "--type", "project.registered", "--data", Self.projectData("A"),
            "--occurred-at", "2026-02-03T15:00:00Z", "--expected-version", "0",
        ], environment: ["TUKI_ACTOR": "facilitator-7"])
        #expect(first.status == 0)
        #expect(first.stdout.contains("position 1"))
        let second = try ws.tuki([
            "append", "--stream", "project-a", "--type", "staff.time-logged", "--actor", "flag-actor",
            "--data", #"{"staffMember":"staff-anna","project":"project-a","date":"2026-02-03","hours":7.5,"hourlyCostCents":3250}"#,
        ])
        #expect(second.status == 0)
        let third = try ws.tuki(["append", "--stream", "project-c", "--type", "project.registered", "--data", Self.projectData("C")])
        #expect(third.status == 0)

        let exported = try ws.tuki(["export"]).stdout.split(separator: "\n")
        #expect(exported.count == 3)
        #expect(exported[0].contains(#""meta":{"actor":"facilitator-7"}"#))
        #expect(exported[1].contains(#""meta":{"actor":"flag-actor"}"#))
        #expect(exported[2].contains(#""meta":{"actor":"os-user"}"#))

        let conflict = try ws.tuki([
            "append", "--stream", "project-a", "--type", "cost.incurred", "--expected-version", "1",
            "--data", #"{"project":"project-a","date":"2026-02-03","category":"catering","amountCents":4500}"#,
        ])
        #expect(conflict.status == 3)
        #expect(conflict.stderr == "Stream project-a is at version 2, not at the expected version 1.\n")
    }

    @Test func appendWithAGivenEventIdIsIdempotent() throws {
        let ws = try Workspace()
        try ws.tuki(["init"])
        let args = ["append", "--stream", "project-a", "--type", "project.registered", "--data", Self.projectData("A"),
                    "--occurred-at", "2026-02-03T15:00:00Z", "--event-id", "44444444-4444-4444-8444-444444444444"]
        #expect(try ws.tuki(args).status == 0)
        let again = try ws.tuki(args)
        #expect(again.status == 0)
        #expect(again.stdout.contains("already present at position 1"))
        var changed = args
        changed[6] = Self.projectData("B")
        #expect(try ws.tuki(changed).status == 3)
    }

    @Test func importIsIdempotentAndReportsWhatItDid() throws {
        let ws = try Workspace()
        try ws.tuki(["init"])
        try ws.write("in.jsonl", [Self.line1, Self.line2, "", Self.line3].joined(separator: "\n") + "\n")
        let first = try ws.tuki(["import", "in.jsonl"])
        #expect(first.status == 0)
        #expect(first.stdout.hasPrefix("Imported 3 events, 0 already present; head 3 "))
        let second = try ws.tuki(["import", "in.jsonl"])
        #expect(second.stdout.hasPrefix("Imported 0 events, 3 already present; head 3 "))
        let fromStdin = try ws.tuki(["import", "-"], input: Self.line3 + "\n")
        #expect(fromStdin.stdout.hasPrefix("Imported 0 events, 1 already present"))
    }

    /// What spreadsheets and other systems write: a byte-order mark, CRLF line ends, no line
    /// feed at the end. A line past the limit is refused as soon as the limit is passed.
    @Test func importReadsByteOrderMarksAndCRLFAndRefusesOverlongLines() throws {
        let ws = try Workspace()
        try ws.tuki(["init"])
        let bom = String(decoding: [0xEF, 0xBB, 0xBF], as: UTF8.self)
        try ws.write("windows.jsonl", bom + [Self.line1, Self.line2, Self.line3].joined(separator: "\r\n"))
        let imported = try ws.tuki(["import", "windows.jsonl"])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.hasPrefix("Imported 3 events"))

        let padding = String(repeating: " ", count: LineLimit.bytes + 1)
        try ws.write("long.jsonl", Self.line1 + "\n" + "{" + padding + "}\n" + Self.line2 + "\n")
        let long = try ws.tuki(["import", "long.jsonl"])
        #expect(long.status == 3)
        #expect(long.stderr == "Line 2 is longer than 1024 KiB, the most an event may take; nothing was imported.\n")
        #expect(try ws.tuki(["verify"]).stdout.hasPrefix("ok 3 events"))
    }

    @Test func aRefusedLineNamesItsNumberAndFieldAndNothingIsImported() throws {
        let ws = try Workspace()
        try ws.tuki(["init"])
        let bad = Self.line3.replacingOccurrences(of: #""stream":"activity-a""#, with: #""stream":"Activity A""#)
        try ws.write("in.jsonl", [Self.line1, Self.line2, bad].joined(separator: "\n"))
        let result = try ws.tuki(["import", "in.jsonl"])
        #expect(result.status == 3)
        #expect(result.stderr.hasPrefix("Line 3, field stream: "))
        #expect(result.stderr.contains("nothing was imported"))
        #expect(!result.stderr.contains("quoted"))
        #expect(try ws.tuki(["verify"]).stdout.hasPrefix("ok 0 events"))

        // A conflict inside the input names the line and the field too.
        let conflicting = Self.line2.replacingOccurrences(of: #""stream":"activity-a""#, with: #""stream":"activity-a","expectedVersion":5"#)
        // (line 1 is the project the activity needs)
        try ws.write("conflict.jsonl", [Self.line1, conflicting].joined(separator: "\n"))
        let conflict = try ws.tuki(["import", "conflict.jsonl"])
        #expect(conflict.status == 3)
        #expect(conflict.stderr.hasPrefix("Line 2, field expectedVersion: Stream activity-a is at version 0, not at the expected version 5."))
        #expect(try ws.tuki(["verify"]).stdout.hasPrefix("ok 0 events"))
    }

    @Test func importingAnExportIntoAFreshLedgerKeepsDataMetaTypesAndStreams() throws {
        let ws = try Workspace()
        try ws.tuki(["init", "--db", "a.sqlite"])
        try ws.write("in.jsonl", [Self.line1, Self.line2, Self.line3].joined(separator: "\n"))
        try ws.tuki(["import", "in.jsonl", "--db", "a.sqlite", "--actor", "importer"])
        try ws.write("export.jsonl", try ws.tuki(["export", "--db", "a.sqlite"]).stdout)

        try ws.tuki(["init", "--db", "b.sqlite"])
        let imported = try ws.tuki(["import", "export.jsonl", "--db", "b.sqlite", "--actor", "someone-else"])
        #expect(imported.status == 0)
        #expect(imported.stdout.hasPrefix("Imported 3 events"))

        let query = "SELECT position, event_id, stream, stream_version, type, schema_version, occurred_at, data, meta FROM events ORDER BY position"
        let a = try DatabaseQueue(path: ws.path("a.sqlite")).read { try Row.fetchAll($0, sql: query) }
        let b = try DatabaseQueue(path: ws.path("b.sqlite")).read { try Row.fetchAll($0, sql: query) }
        #expect(a.count == 3)
        #expect(a == b)
        #expect(a[0]["data"] == #"{"costModel":"flat-rate-40","endDate":"2027-12-31","funder":"ESR+","name":"Ä \"quoted\" name","projectCode":"S1","selfFinancingPercent":0.20,"startDate":"2026-01-01"}"#)
        #expect(a[0]["occurred_at"] == "2026-01-05T06:00:00Z")
        #expect(a[0]["meta"] == #"{"actor":"importer"}"#)
        #expect(a[1]["meta"] == #"{"actor":"coordinator"}"#)
    }

    @Test func exportFromAPositionAndLogFilters() throws {
        let ws = try Workspace()
        try ws.tuki(["init"])
        try ws.write("in.jsonl", [Self.line1, Self.line2, Self.line3].joined(separator: "\n"))
        try ws.tuki(["import", "in.jsonl"])
        let fromTwo = try ws.tuki(["export", "--from", "2"]).stdout.split(separator: "\n")
        #expect(fromTwo.count == 2)
        #expect(fromTwo[0].hasPrefix(#"{"position":2,"#))

        let table = try ws.tuki(["log"]).stdout.split(separator: "\n")
        #expect(table.count == 4)
        #expect(table[0].contains("POSITION") && table[0].contains("TYPE"))
        #expect(table[2].contains("activity.created") && table[2].contains("coordinator"))

        let stream = try ws.tuki(["log", "--stream", "activity-a", "--json"]).stdout.split(separator: "\n")
        #expect(stream.count == 2)
        #expect(stream.allSatisfy { $0.contains(#""stream":"activity-a""#) })
        let typed = try ws.tuki(["log", "--type", "project.registered"]).stdout.split(separator: "\n")
        #expect(typed.count == 2)
        #expect(typed[1].contains("project-b"))
        let limited = try ws.tuki(["log", "--from", "2", "--limit", "1", "--json"]).stdout.split(separator: "\n")
        #expect(limited.count == 1)
        #expect(limited[0].hasPrefix(#"{"position":2,"#))
    }

    @Test func verifyNamesTheFirstBadPositionAndExitsOne() throws {
        let ws = try Workspace()
        try ws.tuki(["init"])
        try ws.write("in.jsonl", [Self.line1, Self.line2, Self.line3].joined(separator: "\n"))
        try ws.tuki(["import", "in.jsonl"])
        let ok = try ws.tuki(["verify"])
        #expect(ok.status == 0)
        #expect(ok.stdout.range(of: #"^ok 3 events, head 3 [0-9a-f]{64}\n$"#, options: .regularExpression) != nil)

        try DatabaseQueue(path: ws.path("tuki.sqlite")).write { db in
            try db.execute(sql: "DROP TRIGGER events_refuse_update")
            try db.execute(sql: "UPDATE events SET data = replace(data, 'Forssa', 'Forssb') WHERE position = 2")
        }
        let broken = try ws.tuki(["verify"])
        #expect(broken.status == 1)
        #expect(broken.stdout.hasPrefix("FAILED at position 2: hash does not match"))
    }

    @Test func usageErrorsExitTwoWithOneSentence() throws {
        let ws = try Workspace()
        let noLedger = try ws.tuki(["verify", "--db", "missing.sqlite"])
        #expect(noLedger.status == 2)
        #expect(noLedger.stderr == "There is no ledger at missing.sqlite; create one with `tuki init`.\n")
        #expect(try ws.tuki(["frobnicate"]).status == 2)
        #expect(try ws.tuki(["log", "--limit", "0"]).status == 2)
        try ws.tuki(["init"])
        #expect(try ws.tuki(["import", "no-such-file.jsonl"]).status == 2)
        #expect(try ws.tuki(["append", "--stream", "a"]).status == 2)
        try ws.write("plain.sqlite", "just text")
        #expect(try ws.tuki(["verify", "--db", "plain.sqlite"]).status == 2)
        #expect(try ws.tuki(["--help"]).status == 0)
    }

    @Test func refusedInputNeverEchoesItsContent() throws {
        let ws = try Workspace()
        try ws.tuki(["init"])
        let result = try ws.tuki([
            "append", "--stream", "participant-x", "--type", "participant.registered",
            "--data", #"{"name":"Aino Virtanen" "phone":"040 123"}"#,
        ])
        #expect(result.status == 3)
        #expect(!result.stderr.contains("Virtanen") && !result.stderr.contains("040"))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    /// A member the schema does not know is input, and its name may be anything: a person's
    /// name, a line break, a terminal escape, megabytes. No message repeats it.
    @Test func unexpectedMembersAreNeverNamedInAMessage() throws {
        let ws = try Workspace()
        try ws.tuki(["init"])
        let names = ["Aino Virtanen", #"line\nbreak"#, #"\u001b[31mred"#, String(repeating: "x", count: 100_000)]
        for name in names {
            let lines = [
                #"{"eventId":"\#(UUID().uuidString)","stream":"project-a","type":"project.registered","occurredAt":"2026-01-01T00:00:00Z","data":{"projectCode":"S1","name":"P","funder":"ESR+","startDate":"2026-01-01","endDate":"2026-12-31","costModel":"flat-rate-40","selfFinancingPercent":20,"\#(name)":1}}"#,
                #"{"eventId":"\#(UUID().uuidString)","stream":"project-a","type":"project.registered","occurredAt":"2026-01-01T00:00:00Z","\#(name)":1,"data":{}}"#,
                #"{"eventId":"\#(UUID().uuidString)","stream":"participant-p-aa","type":"participant.registered","occurredAt":"2026-01-01T00:00:00Z","data":{"participant":"p-aa","roles":["parent"],"gender":"woman","birthYear":1980,"municipality":"Forssa","personal":{"\#(name)":{"x":1}}}}"#,
            ]
            for line in lines {
                try ws.write("bad.jsonl", line)
                let result = try ws.tuki(["import", "bad.jsonl"])
                #expect(result.status == 3, "\(result.stderr.prefix(200))")
                #expect(result.stderr.split(separator: "\n").count == 1 && result.stderr.count < 300, "\(result.stderr.prefix(300))")
                #expect(!result.stderr.contains(name.prefix(20)) && !result.stderr.contains("\u{1B}") && !result.stderr.contains("Virtanen"))
            }
        }
        #expect(try ws.tuki(["verify"]).stdout.hasPrefix("ok 0 events"))
    }

    /// A path that holds no ledger is refused as a usage error, and the file there is left
    /// exactly as it was: no WAL switch, no companion files, not a byte changed.
    @Test func filesThatAreNotLedgersAreNeverTouched() throws {
        let ws = try Workspace()
        try ws.write("empty.sqlite", "")
        try ws.write("notes.sqlite", "not a database at all")
        try DatabaseQueue(path: ws.path("other.sqlite")).write { db in
            try db.execute(sql: "CREATE TABLE t (x); INSERT INTO t VALUES (1)")
        }
        try FileManager.default.createDirectory(atPath: ws.path("folder.sqlite"), withIntermediateDirectories: false)
        for name in ["empty.sqlite", "notes.sqlite", "other.sqlite", "folder.sqlite"] {
            let before = try? Data(contentsOf: URL(fileURLWithPath: ws.path(name)))
            for command in [["verify"], ["log"], ["report", "sessions"], ["append", "--stream", "x-1", "--type", "cost.incurred", "--data", "{}"]] {
                let result = try ws.tuki(command + ["--db", name])
                #expect(result.status == 2, "\(command) on \(name): \(result.status) \(result.stderr)")
                #expect(result.stderr.contains("not a Tuki ledger"), "\(command) on \(name): \(result.stderr)")
            }
            #expect((try? Data(contentsOf: URL(fileURLWithPath: ws.path(name)))) == before, "\(name) changed")
            #expect(!FileManager.default.fileExists(atPath: ws.path(name + "-wal")), "\(name) got a log")
        }
    }

    /// An auditor given read access only can verify, export, list and report, and nothing is
    /// written: not the ledger, not a -wal or -shm beside it. As root (CI), the commands run as
    /// `nobody` through setpriv; as another user, the ledger and its folder are made read-only.
    @Test func aLedgerThisUserMayOnlyReadCanBeVerifiedExportedAndReportedOn() throws {
        let ws = try Workspace()
        #expect(try ws.tuki(["demo"]).status == 0)
        let ledger = ws.path("tuki-demo.sqlite")
        let events = try ws.head()
        let before = try Data(contentsOf: URL(fileURLWithPath: ledger))
        let asReader: ([String]) throws -> Workspace.Result
        if getuid() == 0 {
            let setpriv = try #require(["/usr/bin/setpriv", "/bin/setpriv"].first { FileManager.default.isExecutableFile(atPath: $0) },
                                       "setpriv (util-linux) runs the commands as another user")
            let copy = ws.directory.appendingPathComponent("tuki-binary")
            try FileManager.default.copyItem(at: try Workspace.executable(), to: copy)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: copy.path)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: ws.directory.path)
            asReader = { arguments in
                try ws.run(URL(fileURLWithPath: setpriv), ["--reuid=65534", "--regid=65534", "--clear-groups", copy.path] + arguments + ["--db", ledger])
            }
        } else {
            try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: ledger)
            asReader = { arguments in try ws.tuki(arguments + ["--db", ledger]) }
        }
        let verify = try asReader(["verify"])
        #expect(verify.status == 0 && verify.stdout.hasPrefix("ok \(events) events"), "\(verify.stderr)")
        #expect(try asReader(["export"]).stdout.split(separator: "\n").count == events)
        #expect(try asReader(["log", "--limit", "3"]).status == 0)
        for report in [["report", "sessions", "--format", "json"], ["report", "esr", "--project", "project-tukidemo-2026", "--period", "2026-01-01..2026-06-30", "--format", "json"]] {
            let result = try asReader(report)
            #expect(result.status == 0, "\(report): \(result.stderr)")
            #expect(result.stderr.contains("can only be read here"))
        }
        let append = try asReader(["append", "--stream", "project-tukidemo-2026", "--type", "cost.incurred", "--data",
                                   #"{"project":"project-tukidemo-2026","date":"2026-03-01","category":"materials","amountCents":1}"#])
        #expect(append.status == 4 && append.stderr.contains("can only be read here"), "\(append.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: ledger)) == before)
        #expect(!FileManager.default.fileExists(atPath: ledger + "-wal") && !FileManager.default.fileExists(atPath: ledger + "-shm"))
        if getuid() != 0 { try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: ledger) }
    }

    @Test func demoBuildsAVerifiedSampleFromScratchEveryTime() throws {
        let ws = try Workspace()
        let first = try ws.tuki(["demo"])
        #expect(first.status == 0)
        #expect(first.stdout.contains("session.held"))
        #expect(first.stdout.contains("ilmoittautui 21, aloitti 18, valmistui 14; sitoutuminen 503 / (18 × 33) = 84,68 %"))
        #expect(first.stdout.contains("verify: ok "))
        let second = try ws.tuki(["demo"])
        #expect(second.status == 0)
        let verify = try ws.tuki(["verify", "--db", "tuki-demo.sqlite"])
        #expect(verify.status == 0)
        let count = Int(verify.stdout.split(separator: " ")[1]) ?? 0
        #expect(count >= 10)
        #expect(first.stdout.contains("verify: ok \(count) events"))
    }
}

/// docs/ledger-format.md promises that an auditor can check a ledger with only `sqlite3` and
/// `sha256sum`; Tools/audit/verify-chain.sh is that recipe. Without them the test fails, never
/// skips: Tools/test installs them.
@Suite struct AuditScriptTests {
    @Test func theShellRecipeAgreesWithTukiVerify() throws {
        try #require(AuditScript.toolsInstalled, "the sqlite3 shell and sha256sum are needed (Tools/test installs them)")
        let ws = try Workspace.withDemo()
        let tuki = try ws.tuki(["verify", "--db", "tuki-demo.sqlite"])
        // Hashes of the first 60 positions (one sqlite3 call each); links and gaps of all of them.
        let script = try AuditScript.run(ws.path("tuki-demo.sqlite"), "1", "60")
        #expect(script.status == 0)
        #expect(script.output == tuki.stdout)

        try DatabaseQueue(path: ws.path("tuki-demo.sqlite")).write { db in
            try db.execute(sql: "DROP TRIGGER events_refuse_update")
            try db.execute(sql: "UPDATE events SET meta = '{\"actor\":\"mallory\"}' WHERE position = 7")
        }
        let tampered = try AuditScript.run(ws.path("tuki-demo.sqlite"), "1", "60")
        #expect(tampered.status == 1)
        #expect(tampered.output == "position 7: hash does not match its fields\n")
    }
}

enum AuditScript {
    static let path = Repository.root.appendingPathComponent("Tools/audit/verify-chain.sh").path

    static var toolsInstalled: Bool {
        ["/usr/bin/sqlite3", "/usr/bin/sha256sum"].allSatisfy { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func run(_ ledger: String, _ range: String...) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = [path, ledger] + range
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }
}

@Suite struct ConcurrentWriterTests {
    /// Two processes importing into one ledger at once: SQLite serialises them (the second waits
    /// for the first), and the log stays gapless and verifiable.
    @Test func twoImportsAtOnceBothLandWithoutGaps() throws {
        let ws = try Workspace()
        try ws.tuki(["init"])
        for name in ["a", "b"] {
            let project = #"{"eventId":"\#(UUID().uuidString)","stream":"project-\#(name)","type":"project.registered","occurredAt":"2026-01-01T00:00:00Z","data":\#(CLITests.projectData(name))}"#
            let costs = (1...299).map { i in
                #"{"eventId":"\#(UUID().uuidString)","stream":"project-\#(name)","type":"cost.incurred","occurredAt":"2026-02-03T15:00:00Z","data":{"project":"project-\#(name)","date":"2026-02-03","category":"materials","amountCents":\#(i)}}"#
            }
            try ws.write("\(name).jsonl", ([project] + costs).joined(separator: "\n"))
        }
        let results = try [("a.jsonl"), ("b.jsonl")].concurrentMap { file in try ws.tuki(["import", file]) }
        #expect(results.allSatisfy { $0.status == 0 })
        #expect(try ws.tuki(["verify"]).stdout.hasPrefix("ok 600 events"))
    }
}

extension Array where Element: Sendable {
    func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) throws -> T) throws -> [T] {
        let box = ResultBox<T>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            box.set(index, Result { try transform(self[index]) })
        }
        return try box.values.map { try $0!.get() }
    }
}

final class ResultBox<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [Result<T, any Error>?]

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Result<T, any Error>) {
        lock.withLock { storage[index] = value }
    }

    var values: [Result<T, any Error>?] { lock.withLock { storage } }
}

@Suite struct ValidationCLITests {
    @Test func aRefusedEventNamesLineEventIdFieldAndRuleAndRefusesTheBatch() throws {
        let ws = try Workspace()
        try ws.tuki(["init"])
        let attendance = #"{"eventId":"55555555-5555-4555-8555-555555555555","stream":"activity-a","type":"attendance.recorded","occurredAt":"2026-02-03T15:00:00Z","data":{"session":"s1","participant":"p-nobody","status":"present"}}"#
        try ws.write("in.jsonl", [CLITests.line1, CLITests.line2, CLITests.line3, attendance].joined(separator: "\n"))
        let result = try ws.tuki(["import", "in.jsonl"])
        #expect(result.status == 3)
        #expect(result.stderr == "Line 4, event 55555555-5555-4555-8555-555555555555, field data.participant: data.participant names a participant who is not registered (rule reference.participant-exists); nothing was imported.\n")
        #expect(try ws.tuki(["verify"]).stdout.hasPrefix("ok 0 events"))

        let wrongType = CLITests.line2.replacingOccurrences(of: #""municipality":"Forssa""#, with: #""municipality":7"#)
        try ws.write("bad.jsonl", [CLITests.line1, wrongType].joined(separator: "\n"))
        let schema = try ws.tuki(["import", "bad.jsonl"])
        #expect(schema.status == 3)
        #expect(schema.stderr.hasPrefix("Line 2, event 22222222-2222-4222-8222-222222222222, field data.municipality: data.municipality must be text"))
        #expect(schema.stderr.contains("(rule schema.type)"))

        let unknown = CLITests.line2.replacingOccurrences(of: #""type":"activity.created""#, with: #""type":"activity.invented""#)
        try ws.write("unknown.jsonl", unknown)
        #expect(try ws.tuki(["import", "unknown.jsonl"]).stderr.contains("field type: activity.invented is not an event type"))
    }

    @Test func anOldVersionEventIsImportedKeptAsItWasAndReadThroughItsUpcaster() throws {
        let ws = try Workspace()
        try ws.tuki(["init"])
        let oldSession = #"{"eventId":"66666666-6666-4666-8666-666666666666","stream":"activity-a","type":"session.held","schemaVersion":1,"occurredAt":"2026-02-03T15:00:00Z","data":{"session":"s1","date":"2026-02-03","durationMinutes":90,"location":"Forssa"}}"#
        let participant = #"{"eventId":"77777777-7777-4777-8777-777777777777","stream":"participant-p-a1","type":"participant.registered","occurredAt":"2026-01-20T10:00:00Z","data":{"participant":"p-a1","roles":["parent"],"gender":"man","birthYear":1980,"municipality":"Forssa"}}"#
        let signUp = #"{"eventId":"88888888-8888-4888-8888-888888888888","stream":"participant-p-a1","type":"enrolment.signed-up","occurredAt":"2026-01-25T10:00:00Z","data":{"participant":"p-a1","activity":"activity-a","date":"2026-01-25"}}"#
        try ws.write("old.jsonl", [CLITests.line1, CLITests.line2, oldSession, participant, signUp].joined(separator: "\n"))
        #expect(try ws.tuki(["import", "old.jsonl"]).status == 0)
        // The v1 event stays v1 in the log …
        let stored = try ws.tuki(["log", "--type", "session.held", "--json"]).stdout
        #expect(stored.contains(#""schemaVersion":1"#) && !stored.contains("format"))
        // … and a later import is judged against state read through the upcaster: s1 is a held session.
        let attendance = try ws.tuki([
            "append", "--stream", "activity-a", "--type", "attendance.recorded",
            "--data", #"{"session":"s1","participant":"p-a1","status":"present"}"#,
        ])
        #expect(attendance.status == 0, "\(attendance.stderr)")
    }
}

/// The import's line limit as README.md states it (Tools' LineReader.maximumLineBytes).
enum LineLimit {
    static let bytes = 1 << 20
}
