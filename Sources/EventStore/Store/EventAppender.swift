import GRDB

/// What became of one proposed event.
public enum AppendOutcome: Sendable, Equatable {
    case appended(position: Int64, streamVersion: Int64)
    /// The event id was already in the log with the same content: nothing was written.
    case alreadyPresent(position: Int64)
}

/// Appends events inside one write transaction (see `EventStore.append(_:)`): positions and stream
/// versions are assigned here, one after the other, and each event is chained to the one before.
/// If anything throws, the transaction rolls back and none of its events remain.
public final class EventAppender {
    private let db: Database
    private let recordedAt: String
    private var head: LedgerHead
    private var streamVersions: [String: Int64] = [:]
    public private(set) var appendedCount = 0
    public private(set) var alreadyPresentCount = 0

    init(db: Database, now: Timestamp) throws {
        self.db = db
        head = try EventReader(db: db).head()
        // Transaction time never runs backwards along the log, even if the clock does: "as of T"
        // then always means a prefix of the log.
        let lastRecorded = (try? Timestamp(rfc3339: head.recordedAt)) ?? now
        recordedAt = max(now, lastRecorded).recordedAtText
    }

    public var currentHead: LedgerHead { head }

    @discardableResult
    public func append(_ event: ProposedEvent) throws -> AppendOutcome {
        if let existing = try storedEvent(withId: event.eventId.text) {
            guard event.hasSameContent(as: existing) else {
                throw EventStoreError.eventIdReused(eventId: existing.eventId, position: existing.position)
            }
            alreadyPresentCount += 1
            return .alreadyPresent(position: existing.position)
        }

        let stream = event.stream.text
        let currentVersion = try version(ofStream: stream)
        if let expected = event.expectedVersion, expected != currentVersion {
            throw EventStoreError.wrongExpectedVersion(stream: stream, expected: expected, actual: currentVersion)
        }
        let position = head.position + 1
        let streamVersion = currentVersion + 1
        let occurredAt = event.occurredAt.occurredAtText
        let hash = HashChain.hash(
            prevHash: head.hash, position: position, eventId: event.eventId.text, stream: stream,
            streamVersion: streamVersion, type: event.type.text, schemaVersion: event.schemaVersion,
            occurredAt: occurredAt, recordedAt: recordedAt, data: event.data, meta: event.meta
        )
        let insert = try db.cachedStatement(sql: """
            INSERT INTO events (\(RecordedEvent.columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        try insert.execute(arguments: [
            position, event.eventId.text, stream, streamVersion, event.type.text, event.schemaVersion,
            occurredAt, recordedAt, event.data, event.meta, head.hash, hash,
        ])
        head = LedgerHead(position: position, hash: hash, recordedAt: recordedAt)
        streamVersions[stream] = streamVersion
        appendedCount += 1
        return .appended(position: position, streamVersion: streamVersion)
    }

    private func storedEvent(withId eventId: String) throws -> RecordedEvent? {
        let select = try db.cachedStatement(sql: "SELECT \(RecordedEvent.columns) FROM events WHERE event_id = ?")
        return try Row.fetchOne(select, arguments: [eventId]).map(RecordedEvent.init(row:))
    }

    private func version(ofStream stream: String) throws -> Int64 {
        if let known = streamVersions[stream] { return known }
        let select = try db.cachedStatement(sql: "SELECT MAX(stream_version) FROM events WHERE stream = ?")
        let version = try Int64.fetchOne(select, arguments: [stream]) ?? 0
        streamVersions[stream] = version
        return version
    }
}
