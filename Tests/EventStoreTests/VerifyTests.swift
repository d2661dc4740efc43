import EventStore
import Foundation
import GRDB
import Testing

@Suite struct VerifyTests {
    private func ledgerWithHistory() throws -> TestLedger {
        let ledger = try TestLedger()
        for batch in 0..<4 {
            try ledger.store.append((0..<5).map { i in
                try event("activity-\(i % 3)", data: #"{"batch":\#(batch),"i":\#(i),"name":"p-\#(i)"}"#)
            })
        }
        return ledger
    }

    @Test func anUntouchedLedgerVerifies() throws {
        let ledger = try ledgerWithHistory()
        let head = try ledger.store.head()
        #expect(head.position == 20)
        #expect(try ledger.store.verify() == .intact(eventCount: 20, head: head))
        let empty = try TestLedger()
        #expect(try empty.store.verify() == .intact(eventCount: 0, head: .empty))
    }

    @Test func oneChangedByteOfDataIsFoundAtItsPosition() throws {
        let ledger = try ledgerWithHistory()
        try ledger.tamper("UPDATE events SET data = replace(data, '\"i\":3', '\"i\":4') WHERE position = 14")
        guard case let .broken(position, problem) = try ledger.store.verify() else {
            Issue.record("tampering was not detected")
            return
        }
        #expect(position == 14)
        #expect(problem.contains("hash"))
    }

    @Test func aRemovedRowIsFoundAtItsPosition() throws {
        let ledger = try ledgerWithHistory()
        try ledger.tamper("DELETE FROM events WHERE position = 9")
        #expect(try ledger.store.verify() == .broken(
            position: 9, problem: "position 9 is missing; the next stored event has position 10"))
    }

    @Test func aRehashedForgeryBreaksTheNextLink() throws {
        let ledger = try ledgerWithHistory()
        let victim = try ledger.all()[4]
        let forgedData = #"{"forged":true}"#
        let forgedHash = HashChain.hash(
            prevHash: victim.prevHash, position: victim.position, eventId: victim.eventId, stream: victim.stream,
            streamVersion: victim.streamVersion, type: victim.type, schemaVersion: victim.schemaVersion,
            occurredAt: victim.occurredAt, recordedAt: victim.recordedAt, data: forgedData, meta: victim.meta)
        try ledger.tamper("UPDATE events SET data = ?, hash = ? WHERE position = 5", arguments: [forgedData, forgedHash])
        guard case let .broken(position, problem) = try ledger.store.verify() else {
            Issue.record("forgery was not detected")
            return
        }
        #expect(position == 6)
        #expect(problem.contains("prev_hash"))
    }

    @Test func aWrongStreamVersionIsFound() throws {
        let ledger = try ledgerWithHistory()
        try ledger.tamper("UPDATE events SET stream_version = 99 WHERE position = 7")
        guard case let .broken(position, problem) = try ledger.store.verify() else {
            Issue.record("not detected")
            return
        }
        #expect(position == 7)
        #expect(problem.contains("version 99"))
    }

    /// Recomputes the chain from the raw rows with its own code, as an auditor would, following
    /// only docs/ledger-format.md's text: not through `HashChain`.
    @Test func anIndependentRecomputationAgreesWithTheStoredHashes() throws {
        let ledger = try ledgerWithHistory()
        try ledger.store.append([try event("activity-x", data: #"{"text":"rivi\nvaihto ja \"lainaus\" ja ääkköset"}"#)])
        let rows = try ledger.rawConnection().read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM events ORDER BY position")
        }
        #expect(rows.count == 21)
        var previous = String(repeating: "0", count: 64)
        for row in rows {
            let fields: [String] = [
                row["prev_hash"], String(row["position"] as Int64), row["event_id"], row["stream"],
                String(row["stream_version"] as Int64), row["type"], String(row["schema_version"] as Int64),
                row["occurred_at"], row["recorded_at"], row["data"], row["meta"],
            ]
            let digest = SHA256.hash(data: Data(fields.joined(separator: "\n").utf8))
            let hex = digest.map { String(format: "%02x", $0) }.joined()
            #expect(row["prev_hash"] == previous)
            #expect(row["hash"] == hex)
            previous = hex
        }
        #expect(try ledger.store.head().hash == previous)
    }
}
