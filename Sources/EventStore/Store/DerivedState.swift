import GRDB

/// State derived from the log that a writer needs before it appends — an owner's keys and text
/// values, kept in the ledger file beside `events` and written in the same transaction as the
/// events it reflects, so that a crash can never leave the two apart.
///
/// The store knows nothing of what the values mean. Its checkpoint says how far the owner has
/// folded the log (the position and its hash) and with which version of its code: when the
/// checkpoint is missing, older than the code, behind the head, or names a hash that is not the
/// log's at that position, the owner catches up or starts again from the log. The state is not
/// part of the hash chain, of `tuki export` or of the audit contract: it can always be dropped.
public struct DerivedState {
    let db: Database
    public let owner: String

    /// How far the owner's state has folded the log, and with which version of its code.
    public struct Checkpoint: Sendable, Equatable {
        public let version: Int
        public let position: Int64
        public let hash: String

        public init(version: Int, position: Int64, hash: String) {
            self.version = version
            self.position = position
            self.hash = hash
        }
    }

    public func checkpoint() throws -> Checkpoint? {
        let select = try PreparedStatement(db, sql: "SELECT version, position, hash FROM derived_state_checkpoint WHERE owner = ?")
        var checkpoint: Checkpoint?
        try select.forEachRow(binding: [owner]) { row in
            checkpoint = Checkpoint(version: row.integer(0), position: Int64(row.integer(1)), hash: row.text(2))
        }
        return checkpoint
    }

    public func setCheckpoint(_ checkpoint: Checkpoint) throws {
        try PreparedStatement(db, sql: """
            INSERT INTO derived_state_checkpoint (owner, version, position, hash) VALUES (?, ?, ?, ?)
            ON CONFLICT (owner) DO UPDATE SET version = excluded.version, position = excluded.position, hash = excluded.hash
            """).execute(owner, checkpoint.version, checkpoint.position, checkpoint.hash)
    }

    public func value(forKey key: String) throws -> String? {
        let select = try PreparedStatement(db, sql: "SELECT value FROM derived_state WHERE owner = ? AND key = ?")
        var value: String?
        try select.forEachRow(binding: [owner, key]) { row in value = row.text(0) }
        return value
    }

    /// Sets the value under `key`, or removes the key when `value` is nil.
    public func setValue(_ value: String?, forKey key: String) throws {
        try setValues([(key, value)])
    }

    /// Sets each value under its key, or removes the key when its value is nil: the statements
    /// prepared once for the lot (a bulk import writes tens of thousands).
    public func setValues(_ entries: [(key: String, value: String?)]) throws {
        let upsert = try PreparedStatement(db, sql: """
            INSERT INTO derived_state (owner, key, value) VALUES (?, ?, ?)
            ON CONFLICT (owner, key) DO UPDATE SET value = excluded.value
            """)
        let delete = try PreparedStatement(db, sql: "DELETE FROM derived_state WHERE owner = ? AND key = ?")
        for (key, value) in entries {
            if let value {
                upsert.bind(1, owner)
                upsert.bind(2, key)
                upsert.bind(3, value)
                try upsert.execute()
            } else {
                delete.bind(1, owner)
                delete.bind(2, key)
                try delete.execute()
            }
        }
    }

    /// Every key and value the owner keeps, in key order: for checking the state against the log.
    public func entries() throws -> [(key: String, value: String)] {
        var entries: [(key: String, value: String)] = []
        try PreparedStatement(db, sql: "SELECT key, value FROM derived_state WHERE owner = ? ORDER BY key").forEachRow(binding: [owner]) { row in
            entries.append((row.text(0), row.text(1)))
        }
        return entries
    }

    /// Forgets the owner's whole state and its checkpoint, before it is built again from the log.
    public func removeAll() throws {
        try PreparedStatement(db, sql: "DELETE FROM derived_state WHERE owner = ?").execute(owner)
        try PreparedStatement(db, sql: "DELETE FROM derived_state_checkpoint WHERE owner = ?").execute(owner)
    }
}

extension EventReader {
    /// The owner's derived state as this snapshot of the ledger holds it.
    public func derivedState(of owner: String) -> DerivedState {
        DerivedState(db: db, owner: owner)
    }
}

extension EventAppender {
    /// The owner's derived state, read and written in this append's transaction.
    public func derivedState(of owner: String) -> DerivedState {
        DerivedState(db: db, owner: owner)
    }
}
