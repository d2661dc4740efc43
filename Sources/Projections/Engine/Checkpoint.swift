import EventStore
import GRDB

/// How far a projector has read: the last position it applied (with that event's hash, which
/// ties the read model to this ledger), and the version of the projector that built it.
public struct Checkpoint: Sendable, Equatable {
    public let projector: String
    public let version: Int
    public let position: Int64
    public let hash: String

    static func createTable(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE IF NOT EXISTS projector_checkpoints (
                projector TEXT PRIMARY KEY,
                version   INTEGER NOT NULL,
                position  INTEGER NOT NULL,
                hash      TEXT    NOT NULL
            )
            """)
    }

    static func all(_ db: Database) throws -> [String: Checkpoint] {
        var result: [String: Checkpoint] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT projector, version, position, hash FROM projector_checkpoints") {
            let checkpoint = Checkpoint(projector: row[0], version: row[1], position: row[2], hash: row[3])
            result[checkpoint.projector] = checkpoint
        }
        return result
    }

    func save(_ db: Database) throws {
        try db.execute(
            sql: "INSERT OR REPLACE INTO projector_checkpoints (projector, version, position, hash) VALUES (?, ?, ?, ?)",
            arguments: [projector, version, position, hash])
    }

    static func start(of projector: any Projector) -> Checkpoint {
        Checkpoint(projector: projector.name, version: projector.version, position: 0, hash: HashChain.genesisHash)
    }
}

/// The point of the log a report was built from: the head (position and hash) its read models had
/// reached, and the moment or position asked for, if it was a replay.
public struct LedgerStamp: Sendable, Equatable {
    public let position: Int64
    public let hash: String
    public var asOf: String?
    public var atPosition: Int64?
    /// True when the hash chain was checked from position 1 up to this head before the report
    /// was made (docs/ledger-format.md): the footer then says so.
    public var chainVerified = false

    public init(position: Int64, hash: String, asOf: String? = nil, atPosition: Int64? = nil) {
        self.position = position
        self.hash = hash
        self.asOf = asOf
        self.atPosition = atPosition
    }
}

extension LedgerStamp {
    /// The point the named projectors' read models stand at in this snapshot of the read-model
    /// file: the least advanced of them (position 0 for one never built).
    public static func least(of projectors: [String], in db: Database) throws -> LedgerStamp {
        let checkpoints = try Checkpoint.all(db)
        let least = projectors.map { checkpoints[$0].map { ($0.position, $0.hash) } ?? (0, HashChain.genesisHash) }.min { $0.0 < $1.0 }
        return LedgerStamp(position: least?.0 ?? 0, hash: least?.1 ?? HashChain.genesisHash)
    }
}
