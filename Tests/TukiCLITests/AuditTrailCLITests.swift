import EventStore
import Foundation
import Testing

/// The audit trail cannot be forged through the commands anyone may run, voids stand beside
/// what they void, money is paid once, and writers take turns.
@Suite struct AuditTrailCLITests {
    func demo() throws -> Workspace { try Workspace.withDemo() }

    let db = ["--db", "tuki-demo.sqlite"]

    /// The event ids of a stream, oldest first, from the export form of `tuki log`.
    func eventIds(_ ws: Workspace, stream: String, type: String) throws -> [String] {
        try ws.tuki(["log", "--stream", stream, "--json"] + db).stdout.split(separator: "\n").compactMap { line in
            let event = try JSONParser.parse(String(line))
            return event["type"]?.stringValue == type ? event["eventId"]?.stringValue : nil
        }
    }

    /// Tries one event through `tuki append` and through `tuki import`; both must refuse it by a
    /// rule whose name contains `rule`, appending nothing.
    func expectRefusedBothWays(_ ws: Workspace, stream: String, type: String, data: String, rule: String) throws {
        let before = try ws.head()
        let appended = try ws.tuki(["append", "--stream", stream, "--type", type, "--data", data, "--actor", "mallory"] + db)
        #expect(appended.status == 3, "append \(type) on \(stream): \(appended.stderr)")
        #expect(appended.stderr.contains(rule), "append \(type) on \(stream): \(appended.stderr)")
        try ws.write("forged.jsonl", #"{"eventId":"\#(UUID().uuidString.lowercased())","stream":"\#(stream)","type":"\#(type)","occurredAt":"2026-12-01T10:00:00Z","data":\#(data),"meta":{"actor":"mallory"}}"#)
        let imported = try ws.tuki(["import", "forged.jsonl"] + db)
        #expect(imported.status == 3, "import \(type) on \(stream): \(imported.stderr)")
        #expect(imported.stderr.contains(rule) && imported.stderr.contains("nothing was imported"), "import: \(imported.stderr)")
        #expect(try ws.head() == before)
    }

    @Test func readingsErasuresAndTheirLogCannotBeForged() throws {
        let ws = try demo()
        let reading = try #require(try eventIds(ws, stream: "subject-p-7k2m", type: "access.logged").first)
        try expectRefusedBothWays(ws, stream: "subject-p-9x4d", type: "access.logged",
                                  data: #"{"subject":"p-9x4d","actor":"auditor","purpose":"routine","valuesOpened":1}"#, rule: "written-by-the-system")
        try expectRefusedBothWays(ws, stream: "project-tukidemo-2026", type: "access.logged",
                                  data: #"{"subject":"p-9x4d","actor":"auditor","purpose":"routine","valuesOpened":1}"#, rule: "type.written-by-the-system")
        try expectRefusedBothWays(ws, stream: "project-tukidemo-2026", type: "subject.erased",
                                  data: #"{"subject":"p-9x4d","reason":"asked"}"#, rule: "type.written-by-the-system")
        try expectRefusedBothWays(ws, stream: "subject-p-7k2m", type: "cost.incurred",
                                  data: #"{"project":"project-tukidemo-2026","date":"2026-03-01","category":"materials","amountCents":100}"#, rule: "stream.written-by-the-system")
        try expectRefusedBothWays(ws, stream: "project-tukidemo-2026", type: "entry.voided",
                                  data: #"{"eventId":"\#(reading)","reason":"hide it"}"#, rule: "void.not-a-system-record")
        try expectRefusedBothWays(ws, stream: "subject-p-7k2m", type: "entry.voided",
                                  data: #"{"eventId":"\#(reading)","reason":"hide it"}"#, rule: "stream.written-by-the-system")
        // The person whose erasure was forged is still readable, and nothing says otherwise.
        #expect(try ws.tuki(["reveal", "p-9x4d", "--purpose", "checking"] + db).status == 0)
        #expect(!(try ws.tuki(["access-log", "p-9x4d"] + db).stdout.contains("erased")))
    }

    @Test func theAccessLogListsOnlyReadingsAndErasures() throws {
        let ws = try demo()
        // An event on the subject's stream that did not come through the rules (as an older Tuki allowed).
        let store = try EventStore.open(at: ws.path("tuki-demo.sqlite"))
        try store.append([try ProposedEvent(stream: "subject-p-7k2m", type: "cost.incurred", occurredAt: "2026-03-01T00:00:00Z",
                                            data: #"{"project":"project-tukidemo-2026","date":"2026-03-01","category":"materials","amountCents":100}"#)])
        let log = try ws.tuki(["access-log", "p-7k2m"] + db)
        #expect(log.status == 0)
        let lines = log.stdout.split(separator: "\n").dropFirst()
        #expect(lines.count == 1 && lines.allSatisfy { $0.contains("read") && $0.contains("esimerkki: yhteystiedon tarkistus") }, "\(log.stdout)")
    }

    @Test func aVoidStandsOnTheVoidedEventsStream() throws {
        let ws = try demo()
        let cost = try #require(try eventIds(ws, stream: "project-tukidemo-2026", type: "cost.incurred").last)
        try expectRefusedBothWays(ws, stream: "activity-tahka-forssa-2026", type: "entry.voided",
                                  data: #"{"eventId":"\#(cost)","reason":"typo"}"#, rule: "void.on-the-voided-stream")
    }

    @Test func voidFindsAnEventByTheStartOfItsIdAndSaysWhatItVoided() throws {
        let ws = try demo()
        let table = try ws.tuki(["log", "--type", "cost.incurred"] + db).stdout.split(separator: "\n")
        #expect(table.first?.contains("EVENT ID") == true)
        let cost = try #require(try eventIds(ws, stream: "project-tukidemo-2026", type: "cost.incurred").last)
        let shown = String(cost.prefix(13))
        #expect(table.contains { $0.contains(shown) }, "tuki log shows the start of each id")

        let voided = try ws.tuki(["void", shown, "--reason", "the invoice was cancelled"] + db)
        #expect(voided.status == 0, "\(voided.stderr)")
        let voidId = voided.stdout.trimmingCharacters(in: .newlines)
        #expect(try eventIds(ws, stream: "project-tukidemo-2026", type: "entry.voided").contains(voidId))
        #expect(voided.stderr.hasPrefix("Voided cost.incurred \(cost) on project-tukidemo-2026 of 2026-08-19 ("))
        #expect(voided.stderr.contains("amount 239.90 €") && voided.stderr.contains("category materials"))
        #expect(!voided.stderr.contains("workbooks"), "free text is never shown: \(voided.stderr)")

        let again = try ws.tuki(["void", cost, "--reason", "again"] + db)
        #expect(again.status == 3 && again.stderr.contains("void.once"))
        for (prefix, message) in [("0000", "More than one event"), ("fffff0", "No event's id"), ("", "No event's id")] {
            let result = try ws.tuki(["void", prefix, "--reason", "x"] + db)
            #expect(result.status == 2 && result.stderr.hasPrefix(message), "\(prefix): \(result.stderr)")
            #expect(prefix.isEmpty || !result.stderr.contains(prefix), "the message does not echo the input")
        }
        #expect(try ws.tuki(["void", shown, "--reason", "  "] + db).status == 2)
    }

    @Test func moneyIsPaidOnceAndAFeeOtherThanAgreedSaysWhy() throws {
        let ws = try demo()
        func tuki(_ arguments: [String]) throws -> Workspace.Result { try ws.tuki(arguments + db) }
        let cases: [([String], String)] = [
            (["pay", "fee", "e-demo-1", "--amount", "90"], "fee.paid-once"),
            (["pay", "travel", "e-demo-1", "--tickets", "12.50"], "travel.reimbursed-once"),
            (["engagement", "complete", "e-demo-1", "--hours", "3"], "engagement.complete-once"),
            (["pay", "fee", "e-demo-5", "--amount", "8000"], "fee.agreed-or-explained"),
        ]
        for (arguments, rule) in cases {
            let result = try tuki(arguments)
            #expect(result.status == 3 && result.stderr.contains(rule), "\(arguments): \(result.stderr)")
        }
        let explained = try tuki(["pay", "fee", "e-demo-5", "--amount", "160", "--reason", "an extra hour of writing"])
        #expect(explained.status == 0, "\(explained.stderr)")
        let fee = try #require(try ws.tuki(["log", "--stream", "engagement-e-demo-5", "--json"] + db).stdout.split(separator: "\n").last)
        let json = try JSONParser.parse(String(fee))
        #expect(json["schemaVersion"] == .number("2") && json["data"]?["reason"] == "an extra hour of writing")

        // A payment voided can be made again, correctly.
        let paid = try #require(try eventIds(ws, stream: "engagement-e-demo-1", type: "fee.paid").first)
        #expect(try tuki(["void", paid, "--reason", "paid to the wrong account"]).status == 0)
        #expect(try tuki(["pay", "fee", "e-demo-1", "--amount", "90"]).status == 0)

        // Completing never says a fee is due when it is paid.
        let agreed = try tuki(["engagement", "agree", "--expert", "p-t03", "--project", "project-tukidemo-2026", "--kind", "writing",
                               "--hours", "2", "--fee", "60", "--date", "2026-05-03", "--mode", "remote"])
        let engagement = agreed.stdout.trimmingCharacters(in: .newlines)
        let completed = try tuki(["engagement", "complete", engagement, "--hours", "2", "--date", "2026-05-03"])
        #expect(completed.status == 0 && completed.stderr.contains("pay its fee"), "\(completed.stderr)")
        #expect(try tuki(["pay", "fee", engagement, "--amount", "60"]).status == 0)
        let completion = try #require(try eventIds(ws, stream: "engagement-\(engagement)", type: "engagement.completed").first)
        #expect(try tuki(["void", completion, "--reason", "wrong date"]).status == 0)
        let recompleted = try tuki(["engagement", "complete", engagement, "--hours", "2", "--date", "2026-05-04"])
        #expect(recompleted.status == 0 && recompleted.stderr.contains("its fee is paid") && !recompleted.stderr.contains("pay its fee"),
                "\(recompleted.stderr)")
    }

    /// Several people recording at once: each waits its turn, none is refused as "locked".
    @Test func writersTakeTurns() throws {
        let ws = try Workspace()
        try ws.tuki(["init"])
        let project = try ws.tuki(["project", "register", "--code", "S1", "--name", "P", "--funder", "ESR+", "--start", "2026-01-01",
                                   "--end", "2026-12-31", "--cost-model", "flat-rate-40", "--self-financing", "20"])
        let projectId = project.stdout.trimmingCharacters(in: .newlines)
        let writers = 6, each = 5
        let results = try Array(0..<writers).concurrentMap { writer in
            try (0..<each).map { number in
                try ws.tuki(["append", "--stream", projectId, "--type", "cost.incurred", "--actor", "writer-\(writer)", "--data",
                             #"{"project":"\#(projectId)","date":"2026-02-0\#(number + 1)","category":"materials","amountCents":\#(100 + writer)}"#])
            }
        }.flatMap { $0 }
        #expect(results.allSatisfy { $0.status == 0 }, "\(results.filter { $0.status != 0 }.map(\.stderr))")
        #expect(try ws.tuki(["verify"]).stdout.hasPrefix("ok \(1 + writers * each) events"))
    }
}
