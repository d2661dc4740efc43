import EventStore
import Foundation
import Testing

@testable import Ledger

/// The rules' state kept entry by entry in the ledger file (`RulesStateStore`) decides exactly as
/// a fold of the whole log would, and is built again from the log whenever it cannot be trusted.
@Suite struct RulesStateTests {
    let catalogue = try! EventCatalogue.standard()

    final class TempLedger {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tuki-rules-\(UUID().uuidString)")
        var path: String { directory.appendingPathComponent("ledger.sqlite").path }
        var store: EventStore

        init() throws {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            store = try EventStore.create(at: directory.appendingPathComponent("ledger.sqlite").path)
        }

        func reopen() throws { store = try EventStore.open(at: path) }

        deinit { try? FileManager.default.removeItem(at: directory) }
    }

    /// "accepted", or the name of the rule that refused.
    typealias Decision = String

    /// The reference: the rules asked against a fold of every event accepted so far.
    func foldDecision(_ event: ProposedEvent, accepted: [Fact], logged: [String: LoggedEvent]) -> Decision {
        let domainEvent: DomainEvent
        do {
            domainEvent = try catalogue.read(type: event.type.text, version: event.schemaVersion, data: event.dataValue)
        } catch {
            return LedgerRefusal(eventId: event.eventId.text, error).rule
        }
        let fact = Fact(stream: event.stream.text, eventId: event.eventId.text, event: domainEvent)
        do {
            try Rules.check(fact, against: ProgrammeState.folded(accepted), today: FinnishTime.today(), loggedEvent: { logged[$0] })
            return "accepted"
        } catch {
            return error.rule
        }
    }

    @Test(arguments: [UInt64(1), 2, 3])
    func everyDecisionOfTheKeptStateIsTheFoldsDecision(seed: UInt64) throws {
        let ledger = try TempLedger()
        var history = CandidateHistory(seed: seed)
        var accepted: [Fact] = []
        var logged: [String: LoggedEvent] = [:]
        var decisions: [Decision: Int] = [:]
        var batches = 0
        while history.proposed.count < 700 {
            // A batch of one to four events in one transaction, each accepted or refused on its own.
            var batch: [ProposedEvent] = []
            for _ in 0...history.random.below(4) { batch.append(try history.next()) }
            let expected = batch.map { event -> Decision in
                let decision = foldDecision(event, accepted: accepted, logged: logged)
                if decision == "accepted", let domainEvent = try? catalogue.read(type: event.type.text, version: event.schemaVersion, data: event.dataValue) {
                    accepted.append(Fact(stream: event.stream.text, eventId: event.eventId.text, event: domainEvent))
                    logged[event.eventId.text] = LoggedEvent(type: event.type.text, stream: event.stream.text)
                }
                return decision
            }
            let kept = try ledger.store.appendValidated { validating in
                batch.map { event -> Decision in
                    do {
                        try validating.append(event)
                        return "accepted"
                    } catch let refusal as LedgerRefusal {
                        return refusal.rule
                    } catch {
                        return "error: \(error)"
                    }
                }
            }
            for (event, (fold, incremental)) in zip(batch, zip(expected, kept)) {
                #expect(fold == incremental, "seed \(seed), \(event.type.text) on \(event.stream.text): fold \(fold), kept state \(incremental)")
                decisions[fold, default: 0] += 1
            }
            batches += 1
            if batches % 40 == 0 { try ledger.reopen() }
        }
        // The history means something: many accepted, refusals by many rules.
        #expect(decisions["accepted", default: 0] > 150)
        #expect(decisions.keys.filter { $0 != "accepted" }.count >= 20, "\(decisions)")
        // The state as kept equals the fold of the log, and stands at the head.
        let (stored, checkpoint, head) = try ledger.store.read { reader in
            (try RulesStateStore.storedState(in: reader), try reader.derivedState(of: RulesStateStore.owner).checkpoint(), try reader.head())
        }
        #expect(stored == ProgrammeState.folded(accepted))
        #expect(checkpoint?.position == head.position && checkpoint?.hash == head.hash)
    }

    /// A small programme, recorded through the validated path.
    func programme(_ ledger: TempLedger) throws {
        try ledger.store.appendValidated([
            try ProposedEvent(stream: "project-a", type: "project.registered", occurredAt: "2026-01-01T00:00:00Z",
                              data: #"{"projectCode":"P","name":"P","funder":"ESR+","startDate":"2026-01-01","endDate":"2026-12-31","costModel":"flat-rate-40","selfFinancingPercent":20}"#),
            try ProposedEvent(stream: "activity-a1", type: "activity.created", occurredAt: "2026-01-02T00:00:00Z",
                              data: #"{"project":"project-a","name":"A","kind":"closed-peer-group","targetGroup":"parents","municipality":"Forssa"}"#),
            try ProposedEvent(stream: "participant-p-aa", type: "participant.registered", occurredAt: "2026-01-02T00:00:00Z",
                              data: #"{"participant":"p-aa","roles":["parent"],"gender":"woman","birthYear":1980,"municipality":"Forssa"}"#),
        ])
    }

    func signUp(_ participant: String = "p-aa") throws -> ProposedEvent {
        try ProposedEvent(stream: "participant-\(participant)", type: "enrolment.signed-up", occurredAt: "2026-02-01T00:00:00Z",
                          data: #"{"participant":"\#(participant)","activity":"activity-a1","date":"2026-02-01"}"#)
    }

    func keptState(_ ledger: TempLedger) throws -> (ProgrammeState, DerivedState.Checkpoint?, LedgerHead) {
        try ledger.store.read { reader in
            (try RulesStateStore.storedState(in: reader), try reader.derivedState(of: RulesStateStore.owner).checkpoint(), try reader.head())
        }
    }

    enum Spoiling: CaseIterable {
        case missing, olderRulesVersion, anotherLedgersCheckpoint, checkpointBeyondTheHead
    }

    @Test(arguments: Spoiling.allCases)
    func aStateThatCannotBeTrustedIsBuiltAgainFromTheLog(_ spoiling: Spoiling) throws {
        let ledger = try TempLedger()
        try programme(ledger)
        let (good, _, _) = try keptState(ledger)
        try ledger.store.append { appender in
            let state = appender.derivedState(of: RulesStateStore.owner)
            let head = appender.currentHead
            switch spoiling {
            case .missing:
                try state.removeAll()
            case .olderRulesVersion:
                // What an older Tuki kept: a wrong entry under an older version.
                try state.setValue(#"{"at":[1],"v":["2020-01-01","2020-12-31"]}"#, forKey: StateKey.project("project-a").text)
                try state.setCheckpoint(.init(version: RulesStateStore.version - 1, position: head.position, hash: head.hash))
            case .anotherLedgersCheckpoint:
                try state.setValue(nil, forKey: StateKey.participant("p-aa").text)
                try state.setCheckpoint(.init(version: RulesStateStore.version, position: head.position, hash: String(repeating: "a", count: 64)))
            case .checkpointBeyondTheHead:
                try state.setValue(nil, forKey: StateKey.activity("activity-a1").text)
                try state.setCheckpoint(.init(version: RulesStateStore.version, position: head.position + 5, hash: head.hash))
            }
        }
        // The next write needs every spoilt entry; it is accepted, and the state is whole again.
        try ledger.store.appendValidated([try signUp()])
        let (kept, checkpoint, head) = try keptState(ledger)
        var expected = good
        expected.evolve(Fact(stream: "participant-p-aa", eventId: "x", event: try catalogue.read(
            type: "enrolment.signed-up", version: 1, data: try signUp().dataValue)))
        #expect(kept == expected)
        #expect(checkpoint == DerivedState.Checkpoint(version: RulesStateStore.version, position: head.position, hash: head.hash))
    }

    @Test func eventsTheSystemAppendedOutsideTheRulesAreFoldedInOnTheNextWrite() throws {
        let ledger = try TempLedger()
        try programme(ledger)
        // As PersonalData appends a reading, and as an older Tuki would have appended anything.
        try ledger.store.append([try ProposedEvent(
            stream: "participant-p-ab", type: "participant.registered", occurredAt: "2026-01-03T00:00:00Z",
            data: #"{"participant":"p-ab","roles":["parent"],"gender":"man","birthYear":1979,"municipality":"Forssa"}"#)])
        try ledger.store.appendValidated([try signUp("p-ab")])
        let (kept, checkpoint, head) = try keptState(ledger)
        #expect(kept.participants["p-ab"] == 1979 && kept.openEnrolment("p-ab", "activity-a1") != nil)
        #expect(checkpoint?.position == head.position)
    }

    @Test func aBatchThatFailsLeavesNeitherEventsNorStateBehind() throws {
        let ledger = try TempLedger()
        try programme(ledger)
        let before = try keptState(ledger)
        struct Interrupted: Error {}
        #expect(throws: Interrupted.self) {
            try ledger.store.appendValidated { validating in
                try validating.append(try signUp())
                throw Interrupted()
            }
        }
        let after = try keptState(ledger)
        #expect(after.0 == before.0 && after.1 == before.1 && after.2 == before.2)
        // And the event that was rolled back can be recorded afresh.
        try ledger.store.appendValidated([try signUp()])
    }

    @Test func aVoidTakesItsEventBackOutOfTheKeptState() throws {
        let ledger = try TempLedger()
        try programme(ledger)
        let expert = try ProposedEvent(stream: "participant-p-aa", type: "expert.registered", occurredAt: "2026-02-01T00:00:00Z",
                                       data: #"{"participant":"p-aa","alias":"A","anonymous":false,"training":"none","date":"2026-02-01"}"#)
        func engagement(_ type: String, _ data: String, version: Int64 = 1) throws -> ProposedEvent {
            try ProposedEvent(stream: "engagement-e-1", type: type, schemaVersion: version, occurredAt: "2026-03-01T00:00:00Z", data: data)
        }
        let fee = try engagement("fee.paid", #"{"engagement":"e-1","date":"2026-03-10","amountCents":6000}"#)
        try ledger.store.appendValidated([
            expert,
            try engagement("engagement.agreed", #"{"engagement":"e-1","expert":"p-aa","project":"project-a","kind":"writing","date":"2026-03-01","plannedHours":2,"agreedFeeCents":6000,"mode":"remote"}"#),
            try engagement("engagement.completed", #"{"engagement":"e-1","date":"2026-03-02","hours":2}"#),
            fee,
        ])
        let again = try engagement("fee.paid", #"{"engagement":"e-1","date":"2026-03-11","amountCents":6000}"#)
        let refusal = #expect(throws: LedgerRefusal.self) { try ledger.store.appendValidated([again]) }
        #expect(refusal?.rule == "fee.paid-once")
        try ledger.store.appendValidated([try engagement("entry.voided", #"{"eventId":"\#(fee.eventId.text)","reason":"paid twice by mistake"}"#)])
        try ledger.store.appendValidated([again])
        let (kept, _, _) = try keptState(ledger)
        #expect(kept.engagements["e-1"]?.feePaid == true && kept.voided.contains(fee.eventId.text))
    }
}
