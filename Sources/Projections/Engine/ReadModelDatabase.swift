import EventStore
import Foundation
import GRDB

/// The SQLite file that holds the read models and their checkpoints, beside the ledger
/// (`tuki.readmodels.sqlite` for `tuki.sqlite`) and never inside it. Disposable: deleting it
/// loses nothing, the next report rebuilds it from the log.
public final class ReadModelDatabase: Sendable {
    /// `PRAGMA application_id` of a read-model file ("TUKR"), so that Tuki never writes its
    /// tables into another SQLite file, least of all a ledger.
    static let applicationID: Int32 = 0x5455_4B52

    public let path: String
    let writer: any DatabaseWriter
    private let isTemporary: Bool

    private init(path: String, writer: any DatabaseWriter, isTemporary: Bool) {
        self.path = path
        self.writer = writer
        self.isTemporary = isTemporary
    }

    public static func defaultPath(forLedger ledgerPath: String) -> String {
        companionPath(ofLedger: ledgerPath, suffix: ".readmodels.sqlite")
    }

    /// Opens the read-model file at `path`, creating it if there is none. A file that is not a
    /// read-model file is refused before anything is written to it.
    public static func open(at path: String) throws -> ReadModelDatabase {
        switch SQLiteFile.kind(at: path) {
        case .missing, .unreadable:
            break
        case .directory, .empty, .other:
            throw ProjectionError.notAReadModel(path: path)
        case let .database(id):
            guard id == applicationID || id == 0 && SQLiteFile.hasPendingLog(path) else { throw ProjectionError.notAReadModel(path: path) }
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            // Disposable data: NORMAL is durable enough (a lost last transaction is rebuilt).
            // secure_delete (on by default in Debian's SQLite) would zero every deleted row and
            // freed page; a read model holds nothing the ledger does not keep for good, and no
            // personal data in clear (docs/privacy.md), so the zeroing protects nothing and cost
            // a rebuild its dropped tables' pages written again.
            try db.execute(sql: "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -32768; PRAGMA secure_delete = OFF")
        }
        let pool: DatabasePool
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            try pool.writeWithoutTransaction { db in
                let id = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                let isEmpty = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master") == 0
                if id == 0 && isEmpty {
                    try db.execute(sql: "PRAGMA application_id = \(applicationID)")
                } else if id != applicationID {
                    throw ProjectionError.notAReadModel(path: path)
                }
                try Checkpoint.createTable(db)
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw ProjectionError.notAReadModel(path: path)
        }
        return ReadModelDatabase(path: path, writer: pool, isTemporary: false)
    }

    /// A read model in a temporary file, removed when this object goes: for replays as of a
    /// moment, which must leave the live read model alone.
    public static func temporary() throws -> ReadModelDatabase {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("tuki-replay-\(UUID().uuidString).sqlite").path
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            // Thrown away after one report: no journal needed to survive a crash.
            try db.execute(sql: "PRAGMA synchronous = OFF; PRAGMA journal_mode = OFF; PRAGMA cache_size = -32768; PRAGMA secure_delete = OFF")
        }
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA application_id = \(applicationID)")
            try Checkpoint.createTable(db)
        }
        return ReadModelDatabase(path: path, writer: queue, isTemporary: true)
    }

    /// Keeps a temporary read model at `destination` (which must not exist) instead of removing it.
    public func keep(at destination: String) throws {
        try writer.writeWithoutTransaction { db in
            try db.execute(sql: "VACUUM INTO ?", arguments: [destination])
        }
    }

    deinit {
        guard isTemporary else { return }
        try? writer.close()
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Runs `body` on one consistent snapshot of the read models.
    public func read<T>(_ body: (Database) throws -> T) throws -> T {
        try writer.read(body)
    }

    /// One IMMEDIATE write transaction: another process catching up at the same moment waits for
    /// this one, then sees its checkpoints, so no event is applied twice.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        try writer.writeWithoutTransaction { db in
            var result: T?
            try db.inTransaction(.immediate) {
                result = try body(db)
                return .commit
            }
            guard let result else { throw DatabaseError(message: "transaction produced no result") }
            return result
        }
    }

    /// Every projector's checkpoint.
    public func checkpoints() throws -> [String: Checkpoint] {
        try read { db in try Checkpoint.all(db) }
    }
}
