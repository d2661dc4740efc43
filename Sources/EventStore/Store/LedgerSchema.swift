import GRDB

/// The ledger file's SQL schema, as GRDB migrations: a later schema change is a new migration,
/// never an edit of an old one.
enum LedgerSchema {
    /// `PRAGMA application_id` of a Tuki ledger ("TUKI" in ASCII), so that Tuki never mistakes
    /// another SQLite file for a ledger, nor writes its tables into one.
    static let applicationID: Int32 = 0x5455_4B49

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: events") { db in
            try db.execute(sql: """
                CREATE TABLE events (
                    position       INTEGER PRIMARY KEY,
                    event_id       TEXT    NOT NULL UNIQUE,
                    stream         TEXT    NOT NULL,
                    stream_version INTEGER NOT NULL,
                    type           TEXT    NOT NULL,
                    schema_version INTEGER NOT NULL,
                    occurred_at    TEXT    NOT NULL,
                    recorded_at    TEXT    NOT NULL,
                    data           TEXT    NOT NULL,
                    meta           TEXT    NOT NULL,
                    prev_hash      TEXT    NOT NULL,
                    hash           TEXT    NOT NULL,
                    UNIQUE (stream, stream_version)
                );
                CREATE TRIGGER events_refuse_update BEFORE UPDATE ON events
                BEGIN SELECT RAISE(ABORT, 'events table is append-only'); END;
                CREATE TRIGGER events_refuse_delete BEFORE DELETE ON events
                BEGIN SELECT RAISE(ABORT, 'events table is append-only'); END;
                """)
        }
        // State derived from the log for its writers (DerivedState), in the same file so that it
        // commits with the events it reflects. Not part of the chain: it can always be dropped.
        migrator.registerMigration("v2: derived state") { db in
            try db.execute(sql: """
                CREATE TABLE derived_state (
                    owner TEXT NOT NULL,
                    key   TEXT NOT NULL,
                    value TEXT NOT NULL,
                    PRIMARY KEY (owner, key)
                ) WITHOUT ROWID;
                CREATE TABLE derived_state_checkpoint (
                    owner    TEXT PRIMARY KEY,
                    version  INTEGER NOT NULL,
                    position INTEGER NOT NULL,
                    hash     TEXT NOT NULL
                ) WITHOUT ROWID;
                """)
        }
        return migrator
    }
}
