import Dispatch
import EventStore
import Projections
import Synchronization

/// The server's read models, kept up with the ledger: one catch-up at a time, on a queue of its
/// own (the projection engine is not shared between threads, and a long catch-up — a projector
/// rebuilt after an upgrade — must not hold one of the few threads that answer requests). It is
/// started after each commit and by any read that finds its read models behind the head. How far
/// each projector has come is kept apart, so that a read whose read models are up to date never
/// waits for the queue.
final class ReadModelFollower: Sendable {
    /// The engine, touched only on `queue`.
    private final class Confined: @unchecked Sendable {
        let engine: ProjectionEngine

        init(_ engine: ProjectionEngine) {
            self.engine = engine
        }
    }

    private let confined: Confined
    private let queue = DispatchQueue(label: "tuki.read-models")
    private let reached = Mutex<[String: Int64]>([:])

    init(store: EventStore, readModels: ReadModelDatabase) throws {
        confined = Confined(try ProjectionEngine(store: store, readModels: readModels))
    }

    /// Whether the named read models have applied every event through `position`.
    func hasReached(_ names: [String], _ position: Int64) -> Bool {
        reached.withLock { reached in names.allSatisfy { (reached[$0] ?? -1) >= position } }
    }

    /// Brings the named read models to the head, unless they have already passed `position`
    /// (a catch-up queued behind another often finds its work done).
    func catchUp(_ names: [String], to position: Int64) async throws {
        guard !hasReached(names, position) else { return }
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            queue.async { [self] in
                continuation.resume(with: Result {
                    guard !hasReached(names, position) else { return }
                    let summary = try confined.engine.update(names)
                    reached.withLock { reached in
                        for name in summary.projectors { reached[name] = max(reached[name] ?? -1, summary.toPosition) }
                    }
                })
            }
        }
    }
}
