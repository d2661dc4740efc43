import EventStore
import Foundation
import GRDB
import Ledger

/// Where a projector stands against the ledger.
public struct ProjectorStatus: Sendable, Equatable {
    public let name: String
    public let version: Int
    /// The version that built the stored read model; nil if it was never built.
    public let builtVersion: Int?
    public let checkpoint: Int64
    public let lag: Int64
    /// False when the stored read model was built from another ledger (its checkpoint's hash is
    /// not this ledger's at that position).
    public let matchesLedger: Bool

    public var needsRebuild: Bool { (builtVersion != nil && builtVersion != version) || !matchesLedger }
}

/// How far a catch-up has come, for a progress bar.
public struct ProjectionProgress: Sendable {
    public let done: Int64
    public let total: Int64
    public let eventsRead: Int
    public let seconds: Double
}

/// What a catch-up or rebuild did.
public struct ProjectionSummary: Sendable {
    public var projectors: [String] = []
    public var rebuilt: [String] = []
    public var fromPosition: Int64 = 0
    public var toPosition: Int64 = 0
    public var eventsRead = 0
    public var seconds = 0.0
}

/// Brings projectors' read models up to a position of the log: each batch of events is applied
/// in one transaction of the read-model file together with the projectors' checkpoints, so a
/// run that stops anywhere resumes from its last commit and never applies an event twice.
public final class ProjectionEngine {
    public let store: EventStore
    public let readModels: ReadModelDatabase
    public let projectors: [any Projector]

    /// Positions per transaction: large, because commits are what a rebuild waits for, and each
    /// batch's `finishBatch` reads the summary rows' inputs once for the whole batch (250,000
    /// rather than 100,000: the funder projector's participation at 10,000,000 events, 165 s →
    /// 140 s for the rebuild, peak memory 117 → 123 MB).
    public var batchSize: Int64 = 250_000
    /// Called with a sentence when the engine rebuilds a read model on its own (a projector's
    /// version changed, or the read models were built from another ledger).
    public var onNotice: (String) -> Void = { _ in }
    /// Called after each committed batch.
    public var onProgress: (ProjectionProgress) -> Void = { _ in }

    public init(store: EventStore, readModels: ReadModelDatabase, projectors: [any Projector] = StandardProjectors.all) throws {
        self.store = store
        self.readModels = readModels
        self.projectors = projectors
    }

    /// The named projectors (all when `names` is empty), or an error naming an unknown one.
    public func projectors(named names: [String]) throws -> [any Projector] {
        guard !names.isEmpty else { return projectors }
        return try names.map { name in
            guard let projector = projectors.first(where: { $0.name == name }) else {
                throw ProjectionError.unknownProjector(name: name, known: projectors.map(\.name))
            }
            return projector
        }
    }

    public func status() throws -> (head: LedgerHead, projectors: [ProjectorStatus]) {
        let head = try store.head()
        let checkpoints = try readModels.checkpoints()
        return (head, try projectors.map { projector in
            let checkpoint = checkpoints[projector.name]
            let position = checkpoint?.position ?? 0
            return ProjectorStatus(name: projector.name, version: projector.version, builtVersion: checkpoint?.version,
                                   checkpoint: position, lag: head.position - position,
                                   matchesLedger: try checkpoint.map(belongsToLedger) ?? true)
        })
    }

    /// Brings the named projectors (all by default) to `target` (the head by default), first
    /// rebuilding any whose version changed or whose read model belongs to another ledger.
    @discardableResult
    public func update(_ names: [String] = [], to target: Int64? = nil) throws -> ProjectionSummary {
        let selected = try projectors(named: names)
        let target = try resolve(target)
        let rebuilt = try prepare(selected)
        var summary = try catchUp(selected, to: target)
        summary.rebuilt = rebuilt
        return summary
    }

    /// Drops the named projectors' read models (all by default) and builds them again from
    /// position 1 to `target` (the head by default).
    @discardableResult
    public func rebuild(_ names: [String] = [], to target: Int64? = nil) throws -> ProjectionSummary {
        let selected = try projectors(named: names)
        let target = try resolve(target)
        try readModels.write { db in
            for projector in selected { try reset(projector, in: db) }
        }
        var summary = try catchUp(selected, to: target)
        summary.rebuilt = selected.map(\.name)
        return summary
    }

    /// The ledger point the named projectors' read models stand at (the least advanced of them).
    public func stamp(for names: [String]) throws -> LedgerStamp {
        let selected = try projectors(named: names).map(\.name)
        return try readModels.read { db in try LedgerStamp.least(of: selected, in: db) }
    }

    // MARK: - Steps

    private func resolve(_ target: Int64?) throws -> Int64 {
        let head = try store.head().position
        guard let target else { return head }
        guard target <= head else { throw ProjectionError.positionBeyondHead(position: target, head: head) }
        return max(0, target)
    }

    /// Creates the tables of projectors never built, and resets those whose stored read model
    /// no longer fits: another version of the projector, or another ledger.
    private func prepare(_ selected: [any Projector]) throws -> [String] {
        try readModels.write { db in
            let checkpoints = try Checkpoint.all(db)
            var reset: [String] = []
            for projector in selected {
                guard let checkpoint = checkpoints[projector.name] else {
                    try self.reset(projector, in: db)
                    continue
                }
                if checkpoint.version != projector.version {
                    onNotice("The \(projector.name) projector changed from version \(checkpoint.version) to \(projector.version): rebuilding its read model.")
                } else if try !belongsToLedger(checkpoint) {
                    onNotice("The \(projector.name) read model was built from another ledger (or one since replaced): rebuilding it.")
                } else {
                    continue
                }
                try self.reset(projector, in: db)
                reset.append(projector.name)
            }
            return reset
        }
    }

    private func belongsToLedger(_ checkpoint: Checkpoint) throws -> Bool {
        try store.read { reader in try reader.head(atPosition: checkpoint.position)?.hash == checkpoint.hash }
    }

    /// Drops everything the projector owns (every table and view named `<name>_…`, whatever an
    /// earlier version called them), creates its tables afresh and sets its checkpoint to 0.
    private func reset(_ projector: any Projector, in db: Database) throws {
        let prefix = projector.name + "_"
        let owned = try Row.fetchAll(
            db, sql: "SELECT type, name FROM sqlite_master WHERE type IN ('table', 'view') AND substr(name, 1, ?) = ?",
            arguments: [prefix.count, prefix])
        for row in owned {
            let kind: String = row[0] == "view" ? "VIEW" : "TABLE"
            let name: String = row[1]
            try db.execute(sql: "DROP \(kind) IF EXISTS \"\(name)\"")
        }
        try projector.createTables(in: db)
        try Checkpoint.start(of: projector).save(db)
    }

    private func catchUp(_ selected: [any Projector], to target: Int64) throws -> ProjectionSummary {
        let started = ContinuousClock.now
        var summary = ProjectionSummary()
        summary.projectors = selected.map(\.name)
        summary.toPosition = target
        var firstPosition: Int64?

        while true {
            let finished: Bool = try readModels.write { db in
                let checkpoints = try Checkpoint.all(db)
                let behind = selected.compactMap { projector -> (any Projector, Int64)? in
                    let position = checkpoints[projector.name]?.position ?? 0
                    return position < target ? (projector, position) : nil
                }
                guard let from = behind.map(\.1).min() else { return true }
                if firstPosition == nil { firstPosition = from }
                // A batch ends where the next projector stands, and reads only the types of the
                // projectors it moves: after an upgrade adds a projector, catching it up reads its
                // own events up to where the others stand, not every other projector's too.
                let nextCheckpoint = behind.map(\.1).filter { $0 > from }.min() ?? target
                let to = min(from + batchSize, target, nextCheckpoint)
                let types = Array(Set(behind.filter { $0.1 < to }.flatMap(\.0.handledTypes)).union(["entry.voided"])).sorted()
                summary.eventsRead += try applyEvents(after: from, through: to, of: types, to: behind, db: db)
                guard let head = try store.read({ try $0.head(atPosition: to) }) else {
                    throw ProjectionError.positionBeyondHead(position: to, head: try store.head().position)
                }
                // A projector already past this batch (it caught up alone earlier) keeps its checkpoint.
                for (projector, checkpoint) in behind where checkpoint < to {
                    try projector.finishBatch(after: max(from, checkpoint), through: to, in: db)
                    try Checkpoint(projector: projector.name, version: projector.version, position: to, hash: head.hash).save(db)
                }
                return false
            }
            if finished { break }
            let checkpoint = try stamp(for: selected.map(\.name)).position
            let start = firstPosition ?? 0
            onProgress(ProjectionProgress(done: checkpoint - start, total: target - start, eventsRead: summary.eventsRead,
                                          seconds: seconds(since: started)))
        }
        summary.fromPosition = firstPosition ?? target
        summary.seconds = seconds(since: started)
        return summary
    }

    /// Applies the events in (from, to] to each projector that has not applied them yet; an
    /// `entry.voided` makes each projector that applied the voided event retract it. The events
    /// are read and decoded on a second thread meanwhile (`DecodedEventStream`).
    private func applyEvents(
        after from: Int64, through to: Int64, of types: [String], to behind: [(any Projector, Int64)], db: Database
    ) throws -> Int {
        // The catalogue (every schema, parsed) is made on first use: a report whose read models are
        // up to date decodes no event and need not pay for it.
        let stream = DecodedEventStream(store: store, catalogue: try EventCatalogue.standard(), after: from, through: to, types: types)
        defer { stream.stop() }
        var count = 0
        while let chunk = try stream.next() {
            count += chunk.count
            for decoded in chunk {
                let event = decoded.event
                for (projector, checkpoint) in behind where checkpoint < event.position && projector.handledTypes.contains(event.type) {
                    try projector.apply(event, in: db)
                }
                guard let voided = decoded.voided else { continue }
                for (projector, checkpoint) in behind where checkpoint < event.position && projector.handledTypes.contains(voided.type) {
                    try projector.retract(voided, in: db)
                }
            }
        }
        return count
    }

    private func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}
