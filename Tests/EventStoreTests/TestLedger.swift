import EventStore
import Foundation
import GRDB

/// A ledger in a fresh temporary directory, removed when the test ends.
final class TestLedger {
    let directory: URL
    let path: String
    let store: EventStore

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("tuki-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        path = directory.appendingPathComponent("ledger.sqlite").path
        store = try EventStore.create(at: path)
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }

    /// A second, raw connection to the same file, as an attacker or an auditor would open it.
    func rawConnection() throws -> DatabaseQueue {
        try DatabaseQueue(path: path)
    }

    /// Changes the file behind the store's back, as someone with write access could: drops the
    /// append-only triggers, then runs `sql`.
    func tamper(_ sql: String, arguments: StatementArguments = StatementArguments()) throws {
        try rawConnection().write { db in
            try db.execute(sql: "DROP TRIGGER IF EXISTS events_refuse_update; DROP TRIGGER IF EXISTS events_refuse_delete")
            try db.execute(sql: sql, arguments: arguments)
        }
    }

    func count() throws -> Int {
        try store.read { reader in
            var n = 0
            try reader.events().forEach { _ in n += 1 }
            return n
        }
    }

    func all() throws -> [RecordedEvent] {
        try store.read { reader in
            var events: [RecordedEvent] = []
            try reader.events().forEach { events.append($0) }
            return events
        }
    }
}

func event(
    _ stream: String, _ type: String = "session.held", id: String? = nil, expected: Int64? = nil,
    data: String = #"{"n":1}"#, at occurredAt: String = "2026-02-03T15:00:00Z"
) throws -> ProposedEvent {
    try ProposedEvent(
        eventId: id, stream: stream, type: type, occurredAt: occurredAt, expectedVersion: expected, data: data,
        meta: #"{"actor":"tester"}"#)
}
