import EventStore
import Foundation
import GRDB
import Testing

@testable import Ledger

/// The group commit (`LedgerWriter`): many writers at once, each answered alone, the log gap-free
/// and chained whatever they send.
@Suite struct LedgerWriterTests {
    final class TempLedger {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tuki-writer-\(UUID().uuidString)")
        let store: EventStore

        init() throws {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            store = try EventStore.create(at: directory.appendingPathComponent("ledger.sqlite").path)
        }

        deinit { try? FileManager.default.removeItem(at: directory) }
    }

    static let catalogue = try! EventCatalogue.standard()

    static func event(_ stream: String, _ type: String, _ data: String, id: EventID = .random(), expectedVersion: Int64? = nil) throws -> ProposedEvent {
        try ProposedEvent(eventId: id, stream: try StreamName(stream), type: try EventType(type), schemaVersion: 1,
                          occurredAt: try Timestamp(rfc3339: "2025-03-01T00:00:00Z"), expectedVersion: expectedVersion,
                          data: try JSONParser.parse(data))
    }

    static let setUp: [ProposedEvent] = [
        try! event("project-a", "project.registered", #"{"projectCode":"A","name":"A","funder":"ESR+","startDate":"2020-01-01","endDate":"2030-12-31","costModel":"flat-rate-40","selfFinancingPercent":20}"#),
        try! event("activity-a1", "activity.created", #"{"project":"project-a","name":"A1","kind":"closed-peer-group","targetGroup":"parents","municipality":"Forssa"}"#),
    ]

    /// One request of one to three costs; `refused` makes its last event one the rules or the
    /// store turn down, so that the request's earlier events must be rolled back with it.
    static func request(_ number: Int, refused: Bool, key: IdempotencyKey) throws -> [ProposedEvent] {
        let count = number % 3 + 1
        return try (0..<count).map { index in
            let id = key.eventID(index, of: "tester")
            if refused && index == count - 1 {
                return number % 2 == 0
                    ? try event("project-a", "cost.incurred", #"{"project":"project-zz","date":"2025-03-01","category":"catering","amountCents":100}"#, id: id)
                    : try event("project-a", "cost.incurred", #"{"project":"project-a","date":"2025-03-01","category":"catering","amountCents":100}"#, id: id, expectedVersion: 0)
            }
            return try event("project-a", "cost.incurred", #"{"project":"project-a","date":"2025-03-01","category":"catering","amountCents":\#(number * 10 + index)}"#, id: id)
        }
    }

    @Test func fiftyWritersAtOnceLeaveAGapFreeChainAndEachRequestAllOrNothing() async throws {
        let ledger = try TempLedger()
        let writer = LedgerWriter(store: ledger.store, catalogue: Self.catalogue)
        try await writer.append(Self.setUp)

        struct Sent: Sendable {
            let ids: [String]
            let acknowledged: Bool
            let refusedOnPurpose: Bool
        }
        let requests = try await withThrowingTaskGroup(of: [Sent].self) { group in
            for task in 0..<50 {
                group.addTask {
                    var sent: [Sent] = []
                    for step in 0..<200 {
                        let number = task * 200 + step
                        let refused = number % 10 == 3
                        // 5 % of requests are sent again with the same key, as a client retrying
                        // after a timeout would; the first send may still be in the writer's queue.
                        let times = number % 20 == 7 ? 2 : 1
                        let key = try #require(IdempotencyKey("request-\(number)"))
                        let events = try Self.request(number, refused: refused, key: key)
                        for _ in 0..<times {
                            var acknowledged = true
                            do {
                                try await writer.append(events)
                            } catch is LedgerRefusal {
                                acknowledged = false
                            } catch is EventStoreError {
                                acknowledged = false
                            }
                            sent.append(Sent(ids: events.map(\.eventId.text), acknowledged: acknowledged, refusedOnPurpose: refused))
                        }
                    }
                    return sent
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        #expect(requests.count == 10_500)
        #expect(requests.allSatisfy { $0.acknowledged != $0.refusedOnPurpose }, "every request is answered for itself")
        let stored = try ledger.store.read { reader in
            var events: [RecordedEvent] = []
            try reader.events().forEach { events.append($0) }
            return events
        }
        #expect(stored.map(\.position) == Array(1...Int64(stored.count)), "positions 1…N without a gap")
        guard case let .intact(count, _) = try ledger.store.verify() else {
            Issue.record("the chain does not verify")
            return
        }
        #expect(count == Int64(stored.count))
        let positions = Dictionary(uniqueKeysWithValues: stored.map { ($0.eventId, $0.position) })
        let acknowledged = requests.filter(\.acknowledged)
        let refused = requests.filter { !$0.acknowledged }
        for request in acknowledged {
            let at = request.ids.compactMap { positions[$0] }
            #expect(at.count == request.ids.count, "every acknowledged id is stored")
            #expect(at == Array((at.first ?? 0)..<((at.first ?? 0) + Int64(at.count))), "a request's events are contiguous")
        }
        #expect(refused.allSatisfy { $0.ids.allSatisfy { positions[$0] == nil } }, "no refused request left an event")
        let distinctAcknowledged = Set(acknowledged.flatMap(\.ids))
        #expect(stored.count == Self.setUp.count + distinctAcknowledged.count, "each acknowledged id exactly once")
        let (batches, written) = writer.statistics
        #expect(written == 10_501)
        #expect(batches < written / 2, "requests queued while the writer was busy share a commit")
        #expect(Set(stored.dropFirst(2).map(\.recordedAt)).count <= batches, "one recording time per transaction")
    }

    @Test func aRequestRolledBackInABatchLeavesTheRulesStateAsTheBatchStood() async throws {
        let ledger = try TempLedger()
        try await LedgerWriter(store: ledger.store, catalogue: Self.catalogue).append(Self.setUp)
        let second = try Self.event("project-b", "project.registered", #"{"projectCode":"B","name":"B","funder":"ESR+","startDate":"2020-01-01","endDate":"2030-12-31","costModel":"flat-rate-40","selfFinancingPercent":20}"#)
        let refusedAfterIt = try Self.event("activity-b1", "activity.created", #"{"project":"project-zz","name":"B1","kind":"closed-peer-group","targetGroup":"parents","municipality":"Forssa"}"#)
        let activityOfTheRolledBack = try Self.event("activity-b2", "activity.created", #"{"project":"project-b","name":"B2","kind":"closed-peer-group","targetGroup":"parents","municipality":"Forssa"}"#)
        let activityOfTheFirst = try Self.event("activity-a2", "activity.created", #"{"project":"project-a","name":"A2","kind":"closed-peer-group","targetGroup":"parents","municipality":"Forssa"}"#)
        // Three requests in one transaction, as a batch of the writer runs them.
        let outcomes = try ledger.store.appendValidated { validating in
            [[second, refusedAfterIt], [activityOfTheRolledBack], [activityOfTheFirst]].map { request in
                Result { try validating.attempt(request) }
            }
        }
        guard case let .failure(first as LedgerRefusal) = outcomes[0], case let .failure(then as LedgerRefusal) = outcomes[1] else {
            Issue.record("a request with a refused event, or an activity of a project rolled back with it, was accepted")
            return
        }
        #expect(first.rule == "activity.project-exists")
        #expect(then.rule == "activity.project-exists", "project-b's registration went with its request")
        #expect(throws: Never.self) { try outcomes[2].get() }
        #expect(try ledger.store.read { try $0.version(ofStream: "project-b") } == 0)
        #expect(try ledger.store.head().position == 3)
        guard case .intact = try ledger.store.verify() else {
            Issue.record("the chain does not verify")
            return
        }
    }

    @Test func everyLedgerThisProcessWritesCommitsWithSynchronousFull() throws {
        let ledger = try TempLedger()
        #expect(try ledger.store.writerSynchronousSetting() == 2)
        let reopened = try EventStore.open(at: ledger.store.path)
        #expect(try reopened.writerSynchronousSetting() == 2)
    }

    @Test func theSameKeyGivesTheSameIdsAndAnotherKeyOrSenderOthers() throws {
        let key = try #require(IdempotencyKey("0b6f6c1e-retry"))
        #expect(key.eventID(0, of: "anna") == key.eventID(0, of: "anna"))
        #expect(key.eventID(0, of: "anna") != key.eventID(1, of: "anna"))
        #expect(key.eventID(0, of: "anna") != key.eventID(0, of: "ville"))
        #expect(try EventID(parsing: key.eventID(0, of: "anna").text) == key.eventID(0, of: "anna"))
        #expect(IdempotencyKey("") == nil)
        #expect(IdempotencyKey("with space") == nil)
        #expect(IdempotencyKey(String(repeating: "k", count: 201)) == nil)
    }
}

/// A batch whose COMMIT fails answers every request with the failure and leaves none of them.
@Suite struct LedgerWriterCommitFailureTests {
    @Test func aFailedCommitRecordsNoRequestOfTheBatch() throws {
        let ledger = try LedgerWriterTests.TempLedger()
        let writer = LedgerWriter(store: ledger.store, catalogue: LedgerWriterTests.catalogue)
        _ = writer.commit([LedgerWriterTests.setUp])
        // A foreign key checked only at COMMIT, broken by any event on one stream: the batch's
        // transaction runs to its end and then cannot commit.
        try DatabaseQueue(path: ledger.store.path).write { db in
            try db.execute(sql: """
                CREATE TABLE doom_parent (id INTEGER PRIMARY KEY);
                CREATE TABLE doom_child (parent INTEGER REFERENCES doom_parent(id) DEFERRABLE INITIALLY DEFERRED);
                CREATE TRIGGER doom AFTER INSERT ON events WHEN NEW.stream = 'project-b' BEGIN INSERT INTO doom_child VALUES (42); END;
                """)
        }
        let before = try ledger.store.head()
        let fine = try LedgerWriterTests.event("project-a", "cost.incurred", #"{"project":"project-a","date":"2025-03-01","category":"catering","amountCents":100}"#)
        let doomed = try LedgerWriterTests.event("project-b", "project.registered", #"{"projectCode":"B","name":"B","funder":"ESR+","startDate":"2020-01-01","endDate":"2030-12-31","costModel":"flat-rate-40","selfFinancingPercent":20}"#)
        let alsoFine = try LedgerWriterTests.event("project-a", "cost.incurred", #"{"project":"project-a","date":"2025-03-02","category":"catering","amountCents":200}"#)
        let results = writer.commit([[fine], [doomed], [alsoFine]])
        #expect(results.count == 3)
        #expect(results.allSatisfy { if case .failure = $0 { true } else { false } }, "every request of the batch is told it failed")
        #expect(try ledger.store.head() == before, "none of them is recorded")
    }
}
