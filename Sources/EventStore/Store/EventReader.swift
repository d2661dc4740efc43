import GRDB

/// Read access to one consistent snapshot of the log (see `EventStore.read`).
public struct EventReader {
    let db: Database

    public func head() throws -> LedgerHead {
        let row = try Row.fetchOne(
            db, sql: "SELECT position, hash, recorded_at FROM events ORDER BY position DESC LIMIT 1")
        guard let row else { return .empty }
        return LedgerHead(position: row[0], hash: row[1], recordedAt: row[2])
    }

    /// Every event from `position` on, optionally only those of one type.
    public func events(from position: Int64 = 1, type: String? = nil) throws -> EventCursor {
        if let type {
            return EventCursor(rows: try Row.fetchCursor(
                db, sql: "SELECT \(RecordedEvent.columns) FROM events WHERE position >= ? AND type = ? ORDER BY position",
                arguments: [position, type]))
        }
        return EventCursor(rows: try Row.fetchCursor(
            db, sql: "SELECT \(RecordedEvent.columns) FROM events WHERE position >= ? ORDER BY position",
            arguments: [position]))
    }

    /// The latest `limit` events of one type, newest first (an auditor's page of recent readings).
    public func latestEvents(ofType type: String, limit: Int) throws -> [RecordedEvent] {
        var events: [RecordedEvent] = []
        try EventCursor(rows: try Row.fetchCursor(
            db, sql: "SELECT \(RecordedEvent.columns) FROM events WHERE type = ? ORDER BY position DESC LIMIT ?",
            arguments: [type, limit])).forEach { events.append($0) }
        return events
    }

    /// The events after `position` up to and including `last`, in position order, only of `types`
    /// (all types when `types` is nil): what a projector catching up reads.
    public func events(after position: Int64, through last: Int64, types: [String]?) throws -> EventCursor {
        guard let types, !types.isEmpty else {
            return EventCursor(rows: try Row.fetchCursor(
                db, sql: "SELECT \(RecordedEvent.columns) FROM events WHERE position > ? AND position <= ? ORDER BY position",
                arguments: [position, last]))
        }
        let placeholders = Array(repeating: "?", count: types.count).joined(separator: ", ")
        return EventCursor(rows: try Row.fetchCursor(
            db,
            sql: "SELECT \(RecordedEvent.columns) FROM events WHERE position > ? AND position <= ? AND type IN (\(placeholders)) ORDER BY position",
            arguments: StatementArguments([position, last] as [any DatabaseValueConvertible] + types)))
    }

    /// The head the log had when `position` was its last event (`.empty` for 0), or nil if the log
    /// is shorter.
    public func head(atPosition position: Int64) throws -> LedgerHead? {
        guard position > 0 else { return .empty }
        let row = try Row.fetchOne(db, sql: "SELECT position, hash, recorded_at FROM events WHERE position = ?", arguments: [position])
        return row.map { LedgerHead(position: $0[0], hash: $0[1], recordedAt: $0[2]) }
    }

    /// The head the log had at `moment`: its last event recorded at or before it (`.empty` if none).
    /// recorded_at never decreases along the log, so this is a binary search over positions, with
    /// no index on recorded_at.
    public func head(asOf moment: Timestamp) throws -> LedgerHead {
        let limit = moment.recordedAtText
        var low: Int64 = 0
        var high = try head().position
        while low < high {
            let middle = low + (high - low + 1) / 2
            let recordedAt = try String.fetchOne(db, sql: "SELECT recorded_at FROM events WHERE position = ?", arguments: [middle]) ?? ""
            if recordedAt <= limit { low = middle } else { high = middle - 1 }
        }
        return try head(atPosition: low) ?? .empty
    }

    /// The events of one stream, in stream-version order.
    public func events(inStream stream: String, fromVersion version: Int64 = 1) throws -> EventCursor {
        EventCursor(rows: try Row.fetchCursor(
            db,
            sql: "SELECT \(RecordedEvent.columns) FROM events WHERE stream = ? AND stream_version >= ? ORDER BY stream_version",
            arguments: [stream, version]))
    }

    /// The events whose stored `data` contains `text` literally: a cheap pre-filter (SQLite's
    /// `instr`) for callers that then parse the data and look properly.
    public func events(whoseDataContains text: String) throws -> EventCursor {
        EventCursor(rows: try Row.fetchCursor(
            db, sql: "SELECT \(RecordedEvent.columns) FROM events WHERE instr(data, ?) > 0 ORDER BY position",
            arguments: [text]))
    }

    /// The events whose id starts with `prefix` (lower-case hex digits and hyphens), at most
    /// `limit` of them: what finds an event from the start of its id that `tuki log` shows.
    public func events(withIdStarting prefix: String, limit: Int) throws -> [RecordedEvent] {
        // GLOB is case-sensitive and, with no wildcard in the prefix, searches the index on event_id.
        guard !prefix.isEmpty, prefix.allSatisfy({ $0.isHexDigit && !$0.isUppercase || $0 == "-" }) else { return [] }
        return try Row.fetchAll(
            db, sql: "SELECT \(RecordedEvent.columns) FROM events WHERE event_id GLOB ? ORDER BY position LIMIT ?",
            arguments: [prefix + "*", limit]
        ).map(RecordedEvent.init(row:))
    }

    public func event(atPosition position: Int64) throws -> RecordedEvent? {
        try Row.fetchOne(
            db, sql: "SELECT \(RecordedEvent.columns) FROM events WHERE position = ?", arguments: [position]
        ).map(RecordedEvent.init(row:))
    }

    public func event(withId eventId: String) throws -> RecordedEvent? {
        try Row.fetchOne(
            db, sql: "SELECT \(RecordedEvent.columns) FROM events WHERE event_id = ?", arguments: [eventId]
        ).map(RecordedEvent.init(row:))
    }

    /// The stream's current version: the number of events in it (0 for a stream never written).
    public func version(ofStream stream: String) throws -> Int64 {
        try Int64.fetchOne(
            db, sql: "SELECT MAX(stream_version) FROM events WHERE stream = ?", arguments: [stream]) ?? 0
    }
}
