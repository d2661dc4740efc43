import Dispatch
import EventStore
import Synchronization

/// The one writer of a ledger in a process that many request at once (the server): a group
/// commit.
///
/// Requests queue while the writer is busy; when it is free it takes every request queued (up to
/// `largestBatch` events), opens one transaction, and tries each request in turn under a
/// savepoint — its schema, then the rules against the state as the batch stands, then the append,
/// chained to the event before it whoever sent that. A refused request leaves nothing and is
/// answered with its refusal; the others go on. Then one durable COMMIT, and only then is each
/// request answered: an acknowledged event is on disk. A failed commit answers every request of
/// the batch with its error, and none of them is recorded.
///
/// There is no timer: a request that finds the writer free is written at once, alone; under load
/// the batches grow by themselves, each one's commit paying for the sync to disk of all.
/// Positions stay gap-free, commit order is position order, and a batch has one `recordedAt`.
/// (EventStoreDB's storage writer works the same way.)
public final class LedgerWriter: Sendable {
    public let store: EventStore
    private let catalogue: EventCatalogue
    /// Called after each commit with the new head, on the writer's thread.
    private let onCommit: @Sendable (LedgerHead) -> Void
    /// Events a batch takes at most: a few thousand, so that no request waits long behind one.
    public let largestBatch: Int

    private struct Pending {
        let events: [ProposedEvent]
        let answer: @Sendable (Result<[AppendOutcome], any Error>) -> Void
    }

    private struct Queue {
        var pending: [Pending] = []
        var isWriting = false
        var batches = 0
        var requests = 0
    }

    private let queue = Mutex(Queue())
    /// SQLite calls block: they run on a thread of their own, not on Swift concurrency's few.
    private let thread = DispatchQueue(label: "tuki.ledger-writer")

    public init(store: EventStore, catalogue: EventCatalogue, largestBatch: Int = 2_000,
                onCommit: @escaping @Sendable (LedgerHead) -> Void = { _ in }) {
        self.store = store
        self.catalogue = catalogue
        self.largestBatch = largestBatch
        self.onCommit = onCommit
    }

    /// Appends the request's events all or none, through the validated path; returns when they
    /// are on disk. Throws `LedgerRefusal` or the store's refusal for this request alone, or the
    /// error that failed the batch's commit.
    @discardableResult
    public func append(_ events: [ProposedEvent]) async throws -> [AppendOutcome] {
        try await withCheckedThrowingContinuation { continuation in
            submit(events) { continuation.resume(with: $0) }
        }
    }

    /// How many batches and requests have been written: for benchmarks.
    public var statistics: (batches: Int, requests: Int) {
        queue.withLock { ($0.batches, $0.requests) }
    }

    private func submit(_ events: [ProposedEvent], answer: @escaping @Sendable (Result<[AppendOutcome], any Error>) -> Void) {
        let startsWriting = queue.withLock { queue in
            queue.pending.append(Pending(events: events, answer: answer))
            guard !queue.isWriting else { return false }
            queue.isWriting = true
            return true
        }
        if startsWriting { thread.async { self.writeUntilIdle() } }
    }

    private func writeUntilIdle() {
        while true {
            let batch: [Pending] = queue.withLock { queue in
                guard !queue.pending.isEmpty else {
                    queue.isWriting = false
                    return []
                }
                var count = 0
                var taken = 0
                for request in queue.pending {
                    if taken > 0 && count + request.events.count > largestBatch { break }
                    count += request.events.count
                    taken += 1
                }
                defer { queue.pending.removeFirst(taken) }
                queue.batches += 1
                queue.requests += taken
                return Array(queue.pending.prefix(taken))
            }
            guard !batch.isEmpty else { return }
            write(batch)
        }
    }

    private func write(_ batch: [Pending]) {
        for (request, result) in zip(batch, commit(batch.map(\.events))) { request.answer(result) }
    }

    /// One batch: each request tried under a savepoint, then one durable COMMIT. Every request's
    /// result, or — when the commit fails — the commit's error for every one of them.
    func commit(_ requests: [[ProposedEvent]]) -> [Result<[AppendOutcome], any Error>] {
        var results: [Result<[AppendOutcome], any Error>] = []
        results.reserveCapacity(requests.count)
        do {
            let head = try store.append { appender in
                let validating = try ValidatingAppender(appender, catalogue: catalogue)
                for events in requests { results.append(Result { try validating.attempt(events) }) }
                try validating.finish()
                return validating.currentHead
            }
            onCommit(head)
            return results
        } catch {
            return requests.map { _ in .failure(error) }
        }
    }
}
