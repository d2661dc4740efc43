import Samples
import EventStore
import Foundation
import GRDB
import Ledger
import Projections
import Testing

/// A projector that behaves like another until it meets `failAt`, then throws: a crash in the
/// middle of a rebuild.
struct FailingProjector: Projector {
    let wrapped: any Projector
    let failAt: Int64
    struct SimulatedFailure: Error {}

    var name: String { wrapped.name }
    var version: Int { wrapped.version }
    var handledTypes: Set<String> { wrapped.handledTypes }
    var tables: [String] { wrapped.tables }
    func createTables(in db: Database) throws { try wrapped.createTables(in: db) }
    func apply(_ event: ProjectedEvent, in db: Database) throws {
        if event.position >= failAt { throw SimulatedFailure() }
        try wrapped.apply(event, in: db)
    }
    func finishBatch(after from: Int64, through to: Int64, in db: Database) throws { try wrapped.finishBatch(after: from, through: to, in: db) }
    func retract(_ event: ProjectedEvent, in db: Database) throws { try wrapped.retract(event, in: db) }
}

/// The same projector under another version number.
struct RenumberedProjector: Projector {
    let wrapped: any Projector
    let version: Int
    var name: String { wrapped.name }
    var handledTypes: Set<String> { wrapped.handledTypes }
    var tables: [String] { wrapped.tables }
    func createTables(in db: Database) throws { try wrapped.createTables(in: db) }
    func apply(_ event: ProjectedEvent, in db: Database) throws { try wrapped.apply(event, in: db) }
    func finishBatch(after from: Int64, through to: Int64, in db: Database) throws { try wrapped.finishBatch(after: from, through: to, in: db) }
    func retract(_ event: ProjectedEvent, in db: Database) throws { try wrapped.retract(event, in: db) }
}

final class Notices: @unchecked Sendable {
    var sentences: [String] = []
}

@Suite struct EngineTests {
    @Test func aRebuildInterruptedMidwayResumesWithoutCountingTwice() throws {
        let fixture = try ProjectionFixture()
        try fixture.store.appendValidated(try fixture.demoEvents())
        let live = try fixture.liveReadModels()
        // Fail at the first attendance record after position 550.
        let failAt = try #require(try fixture.store.read { reader in
            try reader.events(after: 550, through: 10_000, types: ["attendance.recorded"]).next()?.position
        })
        let failing = try fixture.engine(live, projectors: [FailingProjector(wrapped: SessionsProjector(), failAt: failAt)]
                                            + StandardProjectors.all.filter { $0.name != "sessions" })
        failing.batchSize = 100
        #expect(throws: FailingProjector.SimulatedFailure.self) { try failing.rebuild() }
        // The batches before the failure are committed with their checkpoints; the failed one is not.
        let committed = (failAt - 1) / 100 * 100
        let checkpoints = try live.checkpoints()
        #expect(committed >= 500)
        #expect(checkpoints["sessions"]?.position == committed)
        #expect(checkpoints["commitment"]?.position == committed)

        let notices = Notices()
        let engine = try fixture.engine(live)
        engine.onNotice = { notices.sentences.append($0) }
        let summary = try engine.update()
        #expect(summary.fromPosition == committed)
        #expect(summary.rebuilt.isEmpty && notices.sentences.isEmpty)
        #expect(try dump(live) == (try dump(try fixture.rebuiltReadModels())))
    }

    @Test func aProjectorWhoseVersionChangedIsRebuiltAndSaysSo() throws {
        let fixture = try ProjectionFixture()
        try fixture.store.appendValidated(try fixture.demoEvents())
        let live = try fixture.liveReadModels()
        try fixture.engine(live).update()
        let notices = Notices()
        let current = SessionsProjector().version
        let engine = try fixture.engine(live, projectors: [RenumberedProjector(wrapped: SessionsProjector(), version: current + 1)]
                                            + StandardProjectors.all.filter { $0.name != "sessions" })
        engine.onNotice = { notices.sentences.append($0) }
        let summary = try engine.update()
        #expect(summary.rebuilt == ["sessions"])
        #expect(notices.sentences == ["The sessions projector changed from version \(current) to \(current + 1): rebuilding its read model."])
        #expect(try live.checkpoints()["sessions"]?.version == current + 1)
        #expect(try engine.status().projectors.allSatisfy { $0.lag == 0 && !$0.needsRebuild })
        var expected = try dump(try fixture.rebuiltReadModels())
        expected["projector_checkpoints"] = nil
        var actual = try dump(live)
        actual["projector_checkpoints"] = nil
        #expect(actual == expected)
    }

    /// After an upgrade adds a projector, catching up reads the new projector's events alone up
    /// to where the others stand, and everyone's after that; the result equals a rebuild.
    @Test func aProjectorAddedLaterCatchesUpReadingOnlyItsOwnEvents() throws {
        let fixture = try ProjectionFixture()
        let events = try fixture.demoEvents()
        try fixture.store.appendValidated(Array(events.prefix(1000)))
        let live = try fixture.liveReadModels()
        try fixture.engine(live, projectors: StandardProjectors.all.filter { $0.name != "fit" }).update()
        try fixture.store.appendValidated(Array(events.dropFirst(1000)))
        let summary = try fixture.engine(live).update()

        let fit = Set(FITProjector().handledTypes).union(["entry.voided"])
        let all = Set(StandardProjectors.all.flatMap(\.handledTypes)).union(["entry.voided"])
        let types = events.map(\.type.text)
        let expected = types.prefix(1000).filter(fit.contains).count + types.dropFirst(1000).filter(all.contains).count
        #expect(summary.eventsRead == expected)
        #expect(summary.eventsRead < types.filter(all.contains).count)
        var rebuilt = try dump(try fixture.rebuiltReadModels())
        rebuilt["projector_checkpoints"] = nil
        var actual = try dump(live)
        actual["projector_checkpoints"] = nil
        #expect(actual == rebuilt)
    }

    @Test func readModelsOfAnotherLedgerAreRebuilt() throws {
        let first = try ProjectionFixture()
        try first.store.appendValidated(try first.demoEvents())
        let second = try ProjectionFixture()
        try second.store.appendValidated(Array(try second.demoEvents().prefix(600)))
        let readModels = try first.liveReadModels()
        try first.engine(readModels).update()
        let notices = Notices()
        let engine = try second.engine(readModels)
        #expect(try engine.status().projectors.allSatisfy { !$0.matchesLedger && $0.needsRebuild })
        engine.onNotice = { notices.sentences.append($0) }
        try engine.update()
        #expect(try engine.status().projectors.allSatisfy { $0.matchesLedger && !$0.needsRebuild })
        #expect(notices.sentences.count == StandardProjectors.all.count)
        #expect(notices.sentences.allSatisfy { $0.contains("another ledger") })
        #expect(try dump(readModels) == (try dump(try second.rebuiltReadModels())))
    }

    @Test func theReadModelsLiveInTheirOwnFile() throws {
        let fixture = try ProjectionFixture()
        try fixture.store.appendValidated(try fixture.demoEvents())
        let live = try fixture.liveReadModels()
        try fixture.engine(live).update()
        #expect(live.path != fixture.ledgerPath)
        let ledgerTables = try DatabaseQueue(path: fixture.ledgerPath).read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' ORDER BY name")
        }
        // The ledger holds its events and the rules' state derived from them, never a read model.
        #expect(ledgerTables == ["derived_state", "derived_state_checkpoint", "events", "grdb_migrations"])
        // Deleting the read models loses nothing: the next update builds the same again.
        let before = try dump(live)
        try FileManager.default.removeItem(atPath: live.path)
        let again = try fixture.liveReadModels()
        try fixture.engine(again).update()
        #expect(try dump(again) == before)
    }

    @Test func aLedgerIsNeverTakenForAReadModel() throws {
        let fixture = try ProjectionFixture()
        #expect(throws: ProjectionError.self) { try ReadModelDatabase.open(at: fixture.ledgerPath) }
    }

    @Test func statusShowsCheckpointsAndLag() throws {
        let fixture = try ProjectionFixture()
        let events = try fixture.demoEvents()
        try fixture.store.appendValidated(Array(events.prefix(500)))
        let live = try fixture.liveReadModels()
        let engine = try fixture.engine(live, projectors: [SessionsProjector(), CommitmentProjector()])
        #expect(try engine.status().projectors.map(\.builtVersion) == [nil, nil])
        try engine.update(["commitment"])
        try fixture.store.appendValidated(Array(events.dropFirst(500)))
        let (head, projectors) = try engine.status()
        #expect(projectors.map(\.name) == ["sessions", "commitment"])
        #expect(projectors.map(\.checkpoint) == [0, 500])
        #expect(projectors.map(\.lag) == [head.position, head.position - 500])
    }

    @Test func unknownProjectorsAndPositionsBeyondTheHeadAreRefused() throws {
        let fixture = try ProjectionFixture()
        try fixture.store.appendValidated(Array(try fixture.demoEvents().prefix(10)))
        let engine = try fixture.engine(try ReadModelDatabase.temporary())
        #expect(throws: ProjectionError.self) { try engine.rebuild(["nonesuch"]) }
        #expect(throws: ProjectionError.self) { try engine.update(to: 11) }
    }
}

/// The events are read and decoded on a second thread: what stops it must reach the caller,
/// and the batches before it must stay committed.
@Suite struct DecodingThreadTests {
    @Test func anEventThatDoesNotFitItsTypeStopsTheCatchUpAndIsNamed() throws {
        let fixture = try ProjectionFixture()
        let demo = try fixture.demoEvents()
        try fixture.store.appendValidated(demo)
        // The event store alone does not check schemas: an attendance record without a status.
        let broken = try ProposedEvent(stream: SampleProgramme.cohortStream, type: "attendance.recorded",
                                       occurredAt: "2026-09-03T10:00:00Z", data: #"{"session":"s5","participant":"p-t01"}"#)
        guard case let .appended(position, _)? = try fixture.store.append([broken]).first else {
            Issue.record("the broken event was not appended")
            return
        }
        let live = try fixture.liveReadModels()
        let engine = try fixture.engine(live)
        engine.batchSize = 500
        do {
            try engine.update()
            Issue.record("the catch-up read an event that does not fit its type")
        } catch let ProjectionError.undecodable(failedAt, type, field) {
            #expect(failedAt == position && type == "attendance.recorded" && field == "data.status")
        }
        // Whole batches before it are kept; the one holding it is not.
        #expect(try live.checkpoints()["sessions"]?.position == (position - 1) / 500 * 500)
    }
}
