import GRDB

/// Events one at a time, in position (or stream version) order, straight from SQLite: the log is
/// never loaded into memory. Valid only inside the `EventStore.read` closure that made it.
public final class EventCursor {
    private let rows: RowCursor

    init(rows: RowCursor) {
        self.rows = rows
    }

    public func next() throws -> RecordedEvent? {
        guard let row = try rows.next() else { return nil }
        return RecordedEvent(row: row)
    }

    public func forEach(_ body: (RecordedEvent) throws -> Void) throws {
        while let event = try next() { try body(event) }
    }
}

extension RecordedEvent {
    static let columns = """
        position, event_id, stream, stream_version, type, schema_version, occurred_at, recorded_at, \
        data, meta, prev_hash, hash
        """

    init(row: Row) {
        self.init(
            position: row[0], eventId: row[1], stream: row[2], streamVersion: row[3], type: row[4],
            schemaVersion: row[5], occurredAt: row[6], recordedAt: row[7], data: row[8], meta: row[9],
            prevHash: row[10], hash: row[11]
        )
    }
}
