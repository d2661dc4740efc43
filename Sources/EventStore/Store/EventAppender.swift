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
    let db: Database
    private let recordedAt: String
    private var head: LedgerHead
    private var streamVersions: [String: Int64] = [:]
    public private(set) var appendedCount = 0
    public private(set) var alreadyPresentCount = 0
    /// When the ledger was empty as the transaction began, the hash of every id appended since:
    /// the log holds no other ids, so most "is this id there?" questions of an import into a new
    /// ledger are answered here without a look-up in SQLite's index (a matching hash is still
    /// checked there).
    private var idsOfANewLedger: Set<Int>?

    init(db: Database, now: Timestamp) throws {
        self.db = db
        head = try EventReader(db: db).head()
        if head.position == 0 { idsOfANewLedger = [] }
        // Transaction time never runs backwards along the log, even if the clock does: "as of T"
        // then always means a prefix of the log.
        let lastRecorded = (try? Timestamp(rfc3339: head.recordedAt)) ?? now
        recordedAt = max(now, lastRecorded).recordedAtText
    }

    public var currentHead: LedgerHead { head }

    /// The log as this transaction sees it, including what it has appended so far.
    public var reader: EventReader { EventReader(db: db) }

    /// Whether an event with this id is in the log (or was appended in this transaction).
    public func contains(eventId: String) throws -> Bool {
        if let ids = idsOfANewLedger, !ids.contains(eventId.hashValue) { return false }
        let exists = try PreparedStatement(db, sql: "SELECT 1 FROM events WHERE event_id = ?")
        exists.bind(1, eventId)
        return try exists.fetchInteger() != nil
    }

    @discardableResult
    public func append(_ event: ProposedEvent) throws -> AppendOutcome {
        if let existing = try storedEvent(withId: event.eventId.text) {
            guard event.hasSameContent(as: existing) else {
                throw EventStoreError.eventIdReused(eventId: existing.eventId, position: existing.position)
            }
            alreadyPresentCount += 1
            return .alreadyPresent(position: existing.position)
        }
        return try appendNew(event)
    }

    /// Appends an event whose id the caller has just found absent with `contains(eventId:)` in this
    /// transaction, sparing a second look-up. (Were it present after all, UNIQUE(event_id) refuses
    /// the insert and the transaction rolls back.)
    @discardableResult
    public func appendNew(_ event: ProposedEvent) throws -> AppendOutcome {
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
        let insert = try PreparedStatement(db, sql: """
            INSERT INTO events (\(RecordedEvent.columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        insert.bind(1, position)
        insert.bind(2, event.eventId.text)
        insert.bind(3, stream)
        insert.bind(4, streamVersion)
        insert.bind(5, event.type.text)
        insert.bind(6, event.schemaVersion)
        insert.bind(7, occurredAt)
        insert.bind(8, recordedAt)
        insert.bind(9, event.data)
        insert.bind(10, event.meta)
        insert.bind(11, head.hash)
        insert.bind(12, hash)
        try insert.execute()
        head = LedgerHead(position: position, hash: hash, recordedAt: recordedAt)
        idsOfANewLedger?.insert(event.eventId.text.hashValue)
        streamVersions[stream] = streamVersion
        appendedCount += 1
        return .appended(position: position, streamVersion: streamVersion)
    }

    /// Appends an event exactly as another ledger stored it — position, recording time, hashes —
    /// for an exact copy (`tuki restore`). It must continue this log: the next position, the
    /// head's hash as its `prev_hash`, the stream's next version, and the hash its fields call for.
    @discardableResult
    public func appendVerbatim(_ event: RecordedEvent) throws -> AppendOutcome {
        func notACopy(_ reason: String) -> EventStoreError { .notAnExactCopy(position: event.position, reason: reason) }
        guard event.position == head.position + 1 else { throw notACopy("does not follow this ledger's head at \(head.position)") }
        guard event.prevHash == head.hash else { throw notACopy("its prev_hash is not this ledger's head hash") }
        guard event.recordedAt >= head.recordedAt else { throw notACopy("its recorded_at runs backwards") }
        guard event.streamVersion == (try version(ofStream: event.stream)) + 1 else { throw notACopy("its stream version does not follow") }
        guard event.hash == event.expectedHash else { throw notACopy("its hash does not match its fields") }
        let insert = try PreparedStatement(db, sql: """
            INSERT INTO events (\(RecordedEvent.columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        try insert.execute(
            event.position, event.eventId, event.stream, event.streamVersion, event.type, event.schemaVersion,
            event.occurredAt, event.recordedAt, event.data, event.meta, event.prevHash, event.hash)
        head = LedgerHead(position: event.position, hash: event.hash, recordedAt: event.recordedAt)
        streamVersions[event.stream] = event.streamVersion
        appendedCount += 1
        return .appended(position: event.position, streamVersion: event.streamVersion)
    }

    /// Runs `body` under a savepoint of the transaction: if it throws, what it appended is rolled
    /// back — rows and this appender's own bookkeeping (head, stream versions, counts) — and the
    /// transaction goes on as if it had never run. One request of a group commit is one savepoint.
    public func withSavepoint<T>(_ body: () throws -> T) throws -> T {
        let saved = (head, streamVersions, appendedCount, alreadyPresentCount, idsOfANewLedger)
        var outcome: Result<T, any Error> = .failure(CancellationError())
        do {
            try db.inSavepoint {
                outcome = Result { try body() }
                if case .success = outcome { return .commit }
                return .rollback
            }
        } catch {
            outcome = .failure(error)
        }
        if case .failure = outcome { (head, streamVersions, appendedCount, alreadyPresentCount, idsOfANewLedger) = saved }
        return try outcome.get()
    }

    private func storedEvent(withId eventId: String) throws -> RecordedEvent? {
        // Nearly every id is new: ask the index a yes-or-no question first, fetch the row only if yes.
        guard try contains(eventId: eventId) else { return nil }
        return try EventReader(db: db).event(withId: eventId)
    }

    private func version(ofStream stream: String) throws -> Int64 {
        if let known = streamVersions[stream] { return known }
        let select = try PreparedStatement(db, sql: "SELECT MAX(stream_version) FROM events WHERE stream = ?")
        select.bind(1, stream)
        let version = try select.fetchInteger() ?? 0
        streamVersions[stream] = version
        return version
    }
}
