import EventStore
import Projections
import Synchronization

/// The server's read models, kept up with the ledger: one catch-up at a time (the projection
/// engine is not shared between threads), started after each commit and by any read that finds
/// its read models behind the head. How far each projector has come is also kept outside the
/// actor, so that a read whose read models are up to date never waits for it.
actor ReadModelFollower {
    private let engine: ProjectionEngine
    private nonisolated let reached = Mutex<[String: Int64]>([:])

    init(store: EventStore, readModels: ReadModelDatabase) throws {
        engine = try ProjectionEngine(store: store, readModels: readModels)
    }

    /// Whether the named read models have applied every event through `position`.
    nonisolated func hasReached(_ names: [String], _ position: Int64) -> Bool {
        reached.withLock { reached in names.allSatisfy { (reached[$0] ?? -1) >= position } }
    }

    /// Brings the named read models to the head, unless they have already passed `position`
    /// (a catch-up queued behind another often finds its work done).
    func catchUp(_ names: [String], to position: Int64) throws {
        guard !hasReached(names, position) else { return }
        let summary = try engine.update(names)
        reached.withLock { reached in
            for name in summary.projectors { reached[name] = max(reached[name] ?? -1, summary.toPosition) }
        }
    }
}
