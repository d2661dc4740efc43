import EventStore
import Testing

@Suite struct AppendTests {
    @Test func appendedEventsReadBackExactlyInPositionAndStreamOrder() throws {
        let ledger = try TestLedger()
        let first = try event("activity-a", data: #"{ "b": 2, "a": "ä" }"#)
        let second = try event("activity-b")
        let third = try event("activity-a", "attendance.recorded")
        let outcomes = try ledger.store.append([first, second, third])
        #expect(outcomes == [
            .appended(position: 1, streamVersion: 1), .appended(position: 2, streamVersion: 1),
            .appended(position: 3, streamVersion: 2),
        ])

        let all = try ledger.all()
        #expect(all.map(\.position) == [1, 2, 3])
        #expect(all[0].eventId == first.eventId.text)
        #expect(all[0].data == #"{"a":"ä","b":2}"#)
        #expect(all[0].meta == #"{"actor":"tester"}"#)
        #expect(all[0].occurredAt == "2026-02-03T15:00:00Z")
        #expect(all[0].prevHash == HashChain.genesisHash)
        #expect(all[1].prevHash == all[0].hash)

        let streamA = try ledger.store.read { reader in
            var events: [RecordedEvent] = []
            try reader.events(inStream: "activity-a").forEach { events.append($0) }
            return events
        }
        #expect(streamA.map(\.streamVersion) == [1, 2])
        #expect(streamA.map(\.type) == ["session.held", "attendance.recorded"])

        let fromTwo = try ledger.store.read { reader in
            var positions: [Int64] = []
            try reader.events(from: 2).forEach { positions.append($0.position) }
            return positions
        }
        #expect(fromTwo == [2, 3])
    }

    @Test func wrongExpectedVersionIsAConflictNamingStreamAndBothVersions() throws {
        let ledger = try TestLedger()
        try ledger.store.append([try event("activity-a", expected: 0), try event("activity-a", expected: 1)])
        #expect(throws: EventStoreError.wrongExpectedVersion(stream: "activity-a", expected: 1, actual: 2)) {
            try ledger.store.append([try event("activity-a", expected: 1)])
        }
        let message = EventStoreError.wrongExpectedVersion(stream: "activity-a", expected: 1, actual: 2).description
        #expect(message.contains("activity-a") && message.contains("1") && message.contains("2"))
        try ledger.store.append([try event("activity-a", expected: 2)])
        #expect(try ledger.count() == 3)
    }

    @Test func sameIdAndContentIsANoOpAndOtherContentIsRefused() throws {
        let ledger = try TestLedger()
        let id = "6F1C2B0E-8D7A-4C59-9C1B-3E5F7A9B1D2F"
        let original = try event("activity-a", id: id, expected: 0)
        try ledger.store.append([original])
        let headBefore = try ledger.store.head()

        // Same content, key order and id case differing, different expectedVersion and meta: a no-op.
        let again = try ProposedEvent(
            eventId: id.lowercased(), stream: "activity-a", type: "session.held", occurredAt: "2026-02-03T17:00:00+02:00",
            expectedVersion: 7, data: #"{"n":1}"#, meta: #"{"actor":"someone else"}"#)
        #expect(try ledger.store.append([again]) == [.alreadyPresent(position: 1)])
        #expect(try ledger.store.head() == headBefore)

        let changed = try event("activity-a", id: id, data: #"{"n":2}"#)
        #expect(throws: EventStoreError.eventIdReused(eventId: id.lowercased(), position: 1)) {
            try ledger.store.append([changed])
        }
        #expect(try ledger.count() == 1)
    }

    @Test func aBatchWithOneRefusedEventAppendsNothingAndLeavesNoGaps() throws {
        let ledger = try TestLedger()
        try ledger.store.append([try event("activity-a")])
        #expect(throws: EventStoreError.self) {
            try ledger.store.append([
                try event("activity-b"), try event("activity-c"), try event("activity-a", expected: 5), try event("activity-d"),
            ])
        }
        #expect(try ledger.count() == 1)
        try ledger.store.append([try event("activity-b"), try event("activity-a")])
        let all = try ledger.all()
        #expect(all.map(\.position) == [1, 2, 3])
        #expect(all.map(\.streamVersion) == [1, 1, 2])
        #expect(try ledger.store.verify() == .intact(eventCount: 3, head: try ledger.store.head()))
    }

    @Test func aBatchRepeatingAnIdWithinItselfIsIdempotentToo() throws {
        let ledger = try TestLedger()
        let once = try event("activity-a")
        #expect(try ledger.store.append([once, once]) == [
            .appended(position: 1, streamVersion: 1), .alreadyPresent(position: 1),
        ])
        // In a new ledger's first batch too, the same id with other content is refused.
        let fresh = try TestLedger()
        let other = try ProposedEvent(eventId: once.eventId, stream: once.stream, type: once.type, occurredAt: once.occurredAt,
                                      data: .object([(key: "text", value: "other")]))
        #expect(throws: EventStoreError.self) { try fresh.store.append([once, other]) }
        #expect(try fresh.store.head().position == 0)
    }

    @Test func rawUpdateAndDeleteAreRefusedByTheTriggers() throws {
        let ledger = try TestLedger()
        try ledger.store.append([try event("activity-a"), try event("activity-a")])
        let raw = try ledger.rawConnection()
        for sql in [
            "UPDATE events SET data = '{\"n\":9}' WHERE position = 1",
            "DELETE FROM events WHERE position = 2",
            "DELETE FROM events",
        ] {
            do {
                try raw.write { try $0.execute(sql: sql) }
                Issue.record("\(sql) was not refused")
            } catch {
                #expect("\(error)".contains("events table is append-only"))
            }
        }
        #expect(try ledger.count() == 2)
        #expect(try ledger.all()[0].data == #"{"n":1}"#)
    }

    @Test func theLedgerFileIsInWALModeAndSaysItIsATukiLedger() throws {
        let ledger = try TestLedger()
        let (journalMode, applicationID) = try ledger.rawConnection().read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int32.fetchOne(db, sql: "PRAGMA application_id"))
        }
        #expect(journalMode == "wal")
        #expect(applicationID == 0x5455_4B49)
    }

    @Test func schemaMigrationsAreRecordedAndReopeningAppliesNoneTwice() throws {
        let ledger = try TestLedger()
        try ledger.store.append([try event("activity-a")])
        _ = try EventStore.open(at: ledger.path)
        let applied = try ledger.rawConnection().read { db in
            try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
        }
        #expect(applied == ["v1: events", "v2: derived state"])
        #expect(try ledger.count() == 1)
    }

    @Test func recordedAtNeverRunsBackwardsAlongTheLog() throws {
        let ledger = try TestLedger()
        for _ in 0..<5 { try ledger.store.append([try event("activity-a")]) }
        let recorded = try ledger.all().map(\.recordedAt)
        #expect(recorded == recorded.sorted())
        #expect(recorded.allSatisfy { $0.count == "2026-02-03T15:00:00.000000Z".count && $0.hasSuffix("Z") })
    }

    @Test func openingRefusesMissingFilesAndOtherDatabases() throws {
        let ledger = try TestLedger()
        let missing = ledger.directory.appendingPathComponent("none.sqlite").path
        #expect(throws: EventStoreError.noLedger(path: missing)) { try EventStore.open(at: missing) }
        #expect(throws: EventStoreError.ledgerExists(path: ledger.path)) { try EventStore.create(at: ledger.path) }

        let other = ledger.directory.appendingPathComponent("other.sqlite").path
        try DatabaseQueueMaker.make(other)
        #expect(throws: EventStoreError.notALedger(path: other)) { try EventStore.open(at: other) }
    }

    @Test(arguments: [
        ("Activity-A", "stream"), ("-a", "stream"), ("a_b", "stream"), ("", "stream"),
        (String(repeating: "a", count: 129), "stream"),
    ])
    func malformedStreamNamesAreRefused(_ stream: String, _ field: String) {
        #expect(throws: EventValidationError.self) { try event(stream) }
    }

    @Test func proposedEventsRefuseBadFields() {
        #expect(throws: EventValidationError(field: "type", reason: "must be dot-separated lower-case words such as session.held (a-z, 0-9, '-'; at most 128 characters)")) {
            try event("activity-a", "SessionHeld")
        }
        #expect(throws: EventValidationError.self) { try event("activity-a", data: "[1,2]") }
        #expect(throws: EventValidationError.self) { try event("activity-a", at: "2026-02-03T15:00:00.5Z") }
        #expect(throws: EventValidationError.self) { try event("activity-a", id: "not-a-uuid") }
    }
}

import GRDB

enum DatabaseQueueMaker {
    static func make(_ path: String) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.write { try $0.execute(sql: "CREATE TABLE notes (text TEXT)") }
    }
}
