import Foundation
import GRDB
import Testing

@testable import EventStore

/// A long log is verified in two halves on two threads; whatever was done to the file, that must
/// say exactly what one pass from position 1 says.
@Suite struct VerifySplitTests {
    private func ledger() throws -> TestLedger {
        let ledger = try TestLedger()
        for batch in 0..<4 {
            try ledger.store.append((0..<5).map { i in
                try event("activity-\(i % 3)", data: #"{"batch":\#(batch),"i":\#(i)}"#)
            })
        }
        return ledger
    }

    /// Re-hashes every event after `position` as a forger would, the first linked to `previous`.
    private func rechain(_ ledger: TestLedger, after position: Int64, from previous: String) throws {
        var previous = previous
        for event in try ledger.all() where event.position > position {
            let hash = HashChain.hash(
                prevHash: previous, position: event.position, eventId: event.eventId, stream: event.stream,
                streamVersion: event.streamVersion, type: event.type, schemaVersion: event.schemaVersion,
                occurredAt: event.occurredAt, recordedAt: event.recordedAt, data: event.data, meta: event.meta)
            try ledger.tamper("UPDATE events SET prev_hash = ?, hash = ? WHERE position = ?", arguments: [previous, hash, event.position])
            previous = hash
        }
    }

    static let tampering: [(label: String, sql: String)] = [
        ("nothing", ""),
        ("a changed byte in the first half", "UPDATE events SET data = replace(data, '\"i\":3', '\"i\":4') WHERE position = 4"),
        ("a changed byte in the second half", "UPDATE events SET data = replace(data, '\"i\":3', '\"i\":4') WHERE position = 14"),
        ("the last row of the first half removed", "DELETE FROM events WHERE position = 10"),
        ("the first row of the second half removed", "DELETE FROM events WHERE position = 11"),
        ("rows on both sides of the seam removed", "DELETE FROM events WHERE position IN (9, 10, 11)"),
        ("a stream version changed after the seam", "UPDATE events SET stream_version = 99 WHERE position = 12"),
        ("the seam's link changed", "UPDATE events SET prev_hash = hash WHERE position = 11"),
        ("a hash replaced at the end of the first half", "UPDATE events SET hash = prev_hash WHERE position = 10"),
    ]

    @Test(arguments: tampering.indices)
    func twoHalvesSayWhatOnePassSays(_ index: Int) throws {
        let ledger = try ledger()
        let (label, sql) = Self.tampering[index]
        if !sql.isEmpty { try ledger.tamper(sql) }
        let onePass = try ledger.store.verify(splittingAbove: .max)
        #expect(try ledger.store.verify(splittingAbove: 0) == onePass, "\(label)")
        if sql.isEmpty {
            #expect(onePass == .intact(eventCount: 20, head: try ledger.store.head()))
        } else {
            guard case .broken = onePass else { Issue.record("\(label) was not found"); return }
        }
    }

    /// The whole second half forged and re-chained from a changed prev_hash at its start: each
    /// half is consistent on its own, and only the seam shows it.
    @Test func aReChainedSecondHalfIsCaughtAtTheSeam() throws {
        let ledger = try ledger()
        try rechain(ledger, after: 10, from: String(repeating: "e", count: 64))
        let onePass = try ledger.store.verify(splittingAbove: .max)
        #expect(onePass == .broken(position: 11, problem: "prev_hash does not equal the hash of position 10"))
        #expect(try ledger.store.verify(splittingAbove: 0) == onePass)
    }

    /// A stream renumbered from the seam on and the second half re-hashed to match: the links hold,
    /// and only the stream's versions across the seam show it.
    @Test func aStreamRenumberedAcrossTheSeamIsCaught() throws {
        let ledger = try ledger()
        try ledger.tamper("UPDATE events SET stream_version = stream_version + 100 WHERE position > 10 AND stream = 'activity-1'")
        try rechain(ledger, after: 10, from: try #require(ledger.all().first { $0.position == 10 }).hash)
        let onePass = try ledger.store.verify(splittingAbove: .max)
        guard case let .broken(_, problem) = onePass else { Issue.record("not found"); return }
        #expect(problem.contains("stream activity-1"))
        #expect(try ledger.store.verify(splittingAbove: 0) == onePass)
    }
}
