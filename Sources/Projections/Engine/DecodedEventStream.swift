import EventStore
import Foundation
import Ledger

/// An event ready for the projectors, with the event it voids (read and decoded) if it is a void.
struct DecodedEvent: Sendable {
    let event: ProjectedEvent
    let voided: ProjectedEvent?
}

/// Reads and decodes the events of one batch on a second thread while the caller applies them:
/// on two cores, reading and decoding the log overlaps with SQLite's writes to the read models.
/// The events come out in position order, in chunks; at most `capacity` chunks wait at a time,
/// so memory stays bounded whatever the batch size.
///
/// The reading thread has its own snapshot of the ledger; every snapshot taken after the target
/// position was resolved holds the same events up to it (the log is append-only).
final class DecodedEventStream: @unchecked Sendable {
    private let condition = NSCondition()
    // Guarded by `condition`.
    private var chunks: [[DecodedEvent]] = []
    private var finished = false
    private var failure: (any Error)?
    private var stopped = false
    private var readerDone = false

    private let capacity = 8
    private let chunkSize = 1_024

    /// Starts reading the events of `types` in (from, to].
    init(store: EventStore, catalogue: EventCatalogue, after from: Int64, through to: Int64, types: [String]) {
        let thread = Thread { [self] in
            do {
                try store.read { reader in
                    let cursor = try reader.events(after: from, through: to, types: types)
                    var chunk: [DecodedEvent] = []
                    chunk.reserveCapacity(chunkSize)
                    while let recorded = try cursor.next() {
                        let event = try Self.decode(recorded, catalogue)
                        var voided: ProjectedEvent?
                        if case let .entryVoided(void) = event.event, let target = try reader.event(withId: void.eventId) {
                            voided = try Self.decode(target, catalogue)
                        }
                        chunk.append(DecodedEvent(event: event, voided: voided))
                        if chunk.count == chunkSize {
                            guard put(chunk) else { return }
                            chunk.removeAll(keepingCapacity: true)
                        }
                    }
                    if !chunk.isEmpty { _ = put(chunk) }
                }
                end(failure: nil)
            } catch {
                end(failure: error)
            }
        }
        thread.start()
    }

    /// The next chunk in position order; nil when every event has been handed out. Rethrows what
    /// stopped the reading thread (an undecodable event, a read error).
    func next() throws -> [DecodedEvent]? {
        condition.lock()
        defer { condition.unlock() }
        while chunks.isEmpty && !finished { condition.wait() }
        if !chunks.isEmpty {
            condition.broadcast()
            return chunks.removeFirst()
        }
        if let failure { throw failure }
        return nil
    }

    /// Tells the reading thread to stop (if it has not finished) and waits until it has let go
    /// of its snapshot. Call it before the batch's transaction ends, whatever happened.
    func stop() {
        condition.lock()
        defer { condition.unlock() }
        stopped = true
        condition.broadcast()
        while !readerDone { condition.wait() }
    }

    // MARK: - The reading thread's side

    /// Hands a chunk over, waiting while `capacity` chunks are waiting; false when told to stop.
    private func put(_ chunk: [DecodedEvent]) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while chunks.count >= capacity && !stopped { condition.wait() }
        guard !stopped else { return false }
        chunks.append(chunk)
        condition.broadcast()
        return true
    }

    private func end(failure: (any Error)?) {
        condition.lock()
        defer { condition.unlock() }
        self.failure = failure
        finished = true
        readerDone = true
        condition.broadcast()
    }

    private static func decode(_ recorded: RecordedEvent, _ catalogue: EventCatalogue) throws -> ProjectedEvent {
        do {
            let data = try JSONParser.parse(recorded.data)
            let event = try catalogue.decodeRecorded(type: recorded.type, version: recorded.schemaVersion, data: data)
            return ProjectedEvent(position: recorded.position, eventId: recorded.eventId, stream: recorded.stream, type: recorded.type,
                                  occurredAt: recorded.occurredAt, recordedAt: recorded.recordedAt, event: event)
        } catch let error as CatalogueError {
            throw ProjectionError.undecodable(position: recorded.position, type: recorded.type, field: error.field)
        } catch {
            throw ProjectionError.undecodable(position: recorded.position, type: recorded.type, field: "data")
        }
    }
}
