import EventStore
import Foundation
import GRDB
import Testing

/// The demo ledger is where a newcomer first sees what Tuki keeps: every kind of event a programme
/// records, and the whole life of a session, from its plan to held, cancelled or still ahead.
@Suite struct DemoCLITests {
    /// The catalogue's event types, read from the schema files' names (`TYPE.vN.schema.json`).
    static func catalogueTypes() throws -> Set<String> {
        let files = try FileManager.default.contentsOfDirectory(atPath: Repository.root.appendingPathComponent("Schemas/events").path)
        return Set(files.compactMap { name in
            name.range(of: ".v", options: .backwards).map { String(name[..<$0.lowerBound]) }
        })
    }

    struct Event {
        let position: Int64
        let stream: String
        let type: String
        let data: JSONValue
    }

    func demoEvents() throws -> (Workspace, [Event]) {
        let ws = try Workspace()
        let result = try ws.tuki(["demo"])
        #expect(result.status == 0, "\(result.stderr)")
        let events = try DatabaseQueue(path: ws.path("tuki-demo.sqlite")).read { db in
            try Row.fetchAll(db, sql: "SELECT position, stream, type, data FROM events ORDER BY position").map { row in
                Event(position: row["position"], stream: row["stream"], type: row["type"], data: try JSONParser.parse(row["data"] as String))
            }
        }
        return (ws, events)
    }

    @Test func everyEventTypeOfTheCatalogueIsInTheDemo() throws {
        let catalogue = try Self.catalogueTypes()
        #expect(catalogue.count > 20)
        let (_, events) = try demoEvents()
        let missing = catalogue.subtracting(events.map(\.type))
        #expect(missing.isEmpty, "the demo records no \(missing.sorted())")
    }

    @Test func sessionsAreScheduledThenHeldOrCancelledAndOneIsStillAhead() throws {
        let (ws, events) = try demoEvents()
        func key(_ event: Event) -> String { event.stream + " " + (event.data["session"]?.stringValue ?? "") }
        let sessionEvents = events.filter { $0.type.hasPrefix("session.") }
        var firstScheduled: [String: Int64] = [:]
        for event in sessionEvents where event.type == "session.scheduled" { firstScheduled[key(event)] = firstScheduled[key(event)] ?? event.position }
        let held = sessionEvents.filter { $0.type == "session.held" }
        let cancelled = sessionEvents.filter { $0.type == "session.cancelled" }
        let heldAsPlanned = held.filter { event in firstScheduled[key(event)].map { $0 < event.position } ?? false }
        #expect(heldAsPlanned.count >= 8, "sessions scheduled first and held later")
        #expect(cancelled.contains { event in firstScheduled[key(event)].map { $0 < event.position } ?? false },
                "a scheduled session that was then cancelled")

        let settled = Set((held + cancelled).map(key))
        let ahead = sessionEvents.filter { $0.type == "session.scheduled" && !settled.contains(key($0)) }
        let heldDates = held.compactMap { $0.data["date"]?.stringValue }
        let lastHeld = try #require(heldDates.max())
        #expect(ahead.count == 1)
        let reunion = try #require(ahead.first)
        #expect((reunion.data["date"]?.stringValue ?? "") > lastHeld, "the session still ahead comes after every held one")

        let report = try ws.tuki(["report", "sessions", "--activity", reunion.stream, "--db", "tuki-demo.sqlite", "--format", "json"])
        let json = try JSONParser.parse(report.stdout)
        guard case let .array(rows)? = json["tables"]?["sessions"] else { Issue.record("no sessions table"); return }
        #expect(rows.contains { $0["session"] == reunion.data["session"] && $0["status"] == "scheduled" })
    }

    @Test func consentIsGivenAndWithdrawnAnEntryVoidedAndAPersonErased() throws {
        let (ws, events) = try demoEvents()
        let consents = events.filter { $0.type == "participant.consent-recorded" }
        let withdrawal = try #require(consents.first { $0.data["withdrawn"] == .bool(true) })
        #expect(consents.contains { given in
            given.position < withdrawal.position && given.data["withdrawn"] == nil
                && given.data["participant"] == withdrawal.data["participant"] && given.data["scope"] == withdrawal.data["scope"]
        }, "the withdrawn consent was given first")

        let void = try #require(events.first { $0.type == "entry.voided" })
        let voidedID = try #require(void.data["eventId"]?.stringValue)
        let voided = try DatabaseQueue(path: ws.path("tuki-demo.sqlite")).read { db in
            try String.fetchOne(db, sql: "SELECT type FROM events WHERE event_id = ?", arguments: [voidedID])
        }
        #expect(voided == "cost.incurred")

        let erasure = try #require(events.first { $0.type == "subject.erased" })
        let subject = try #require(erasure.data["subject"]?.stringValue)
        let reveal = try ws.tuki(["reveal", subject, "--purpose", "checking the erasure", "--db", "tuki-demo.sqlite"])
        #expect(reveal.status == 3)
        #expect(reveal.stderr == "The personal data of subject \(subject) was erased.\n")
    }
}
