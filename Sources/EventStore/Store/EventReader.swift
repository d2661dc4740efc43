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
