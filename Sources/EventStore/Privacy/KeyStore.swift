import Foundation
import GRDB

/// The subjects' data keys, each wrapped (AES-GCM) by the master key, in a SQLite file of its own
/// beside the ledger (`tuki.keys.sqlite` for `tuki.sqlite`). Outside the append-only log on
/// purpose: erasing a subject is deleting its key here, which the log never has to know.
public final class KeyStore: Sendable {
    public let path: String
    private let queue: DatabaseQueue

    private init(path: String, queue: DatabaseQueue) {
        self.path = path
        self.queue = queue
    }

    /// `tuki.keys.sqlite` for `tuki.sqlite`; `NAME.keys.sqlite` for any other `NAME`.
    public static func defaultPath(forLedger ledgerPath: String) -> String {
        companionPath(ofLedger: ledgerPath, suffix: ".keys.sqlite")
    }

    public static func create(at path: String, masterKey: MasterKey) throws -> KeyStore {
        guard !FileManager.default.fileExists(atPath: path) else { throw EventStoreError.ledgerExists(path: path) }
        let keyStore = KeyStore(path: path, queue: try DatabaseQueue(path: path, configuration: configuration))
        try keyStore.queue.write { db in
            try db.execute(sql: """
                CREATE TABLE subject_keys (
                    subject     TEXT PRIMARY KEY,
                    wrapped_key BLOB NOT NULL,
                    created_at  TEXT NOT NULL
                );
                CREATE TABLE erased_subjects (
                    subject   TEXT PRIMARY KEY,
                    erased_at TEXT NOT NULL
                );
                CREATE TABLE master_key_check (
                    id     INTEGER PRIMARY KEY CHECK (id = 1),
                    sealed BLOB NOT NULL
                );
                """)
            try createNameIndex(in: db)
            // A known value sealed under the master key: tells a wrong key file from a damaged key.
            let check = try AES.GCM.seal(Data(checkText.utf8), using: masterKey.key).combined ?? Data()
            try db.execute(sql: "INSERT INTO master_key_check (id, sealed) VALUES (1, ?)", arguments: [check])
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        return keyStore
    }

    /// Opens the key store at `path`; a file that is not one is refused, and left as it was.
    public static func open(at path: String) throws -> KeyStore {
        switch SQLiteFile.kind(at: path) {
        case .missing: throw PrivacyError.noKeyStore(path: path)
        case .directory, .empty, .other: throw PrivacyError.notAKeyStore(path: path)
        case .database, .unreadable: break
        }
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        guard try queue.read({ try $0.tableExists("subject_keys") && $0.tableExists("master_key_check") }) else {
            throw PrivacyError.notAKeyStore(path: path)
        }
        // A key store made before the name index gets its tables the first time it is opened.
        if try !queue.read({ try $0.tableExists("name_index") }) {
            try queue.write { try createNameIndex(in: $0) }
        }
        return KeyStore(path: path, queue: queue)
    }

    /// The blind index of names (`NameIndex`): each token beside the subject it finds, and the
    /// one index key, wrapped by the master key as the data keys are.
    private static func createNameIndex(in db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE IF NOT EXISTS name_index (
                token   BLOB NOT NULL,
                subject TEXT NOT NULL,
                PRIMARY KEY (token, subject)
            ) WITHOUT ROWID;
            CREATE INDEX IF NOT EXISTS name_index_by_subject ON name_index (subject);
            CREATE TABLE IF NOT EXISTS name_index_key (
                id          INTEGER PRIMARY KEY CHECK (id = 1),
                wrapped_key BLOB NOT NULL
            );
            """)
    }

    private static let checkText = "tuki master key check v1"

    private static var configuration: Configuration {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            // Deleted keys are overwritten with zeros in their pages, not merely unlinked.
            try db.execute(sql: "PRAGMA secure_delete = ON")
            try db.execute(sql: "PRAGMA journal_mode = WAL")
            // A key is made before the event that needs it is acknowledged: it must be on disk
            // as surely (SQLite's own default, said here because a pool would lower it in WAL mode).
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        return configuration
    }

    /// Throws `wrongMasterKey` unless `masterKey` is the key this store was created with.
    public func check(_ masterKey: MasterKey) throws {
        let sealed = try queue.read { db in try Data.fetchOne(db, sql: "SELECT sealed FROM master_key_check") }
        do {
            guard let sealed else { throw PrivacyError.wrongMasterKey(path: masterKey.path) }
            let opened = try AES.GCM.open(AES.GCM.SealedBox(combined: sealed), using: masterKey.key)
            guard opened == Data(Self.checkText.utf8) else { throw PrivacyError.wrongMasterKey(path: masterKey.path) }
        } catch {
            throw PrivacyError.wrongMasterKey(path: masterKey.path)
        }
    }

    /// The subject's data key; a new one is made when `create` is set and the subject has none.
    /// An erased subject never gets a key again.
    public func dataKey(for subject: SubjectID, masterKey: MasterKey, create: Bool) throws -> SymmetricKey {
        try check(masterKey)
        let authenticated = Data("tuki-key-v1\n\(subject.text)".utf8)
        return try queue.write { db in
            if try Self.isErased(subject, in: db) { throw PrivacyError.erased(subject: subject.text) }
            if let wrapped = try Data.fetchOne(
                db, sql: "SELECT wrapped_key FROM subject_keys WHERE subject = ?", arguments: [subject.text]) {
                guard let key = Self.unwrap(wrapped, masterKey, authenticated) else { throw PrivacyError.cannotOpen(subject: subject.text) }
                return SymmetricKey(data: key)
            }
            guard create else { throw PrivacyError.noPersonalData(subject: subject.text) }
            let key = SymmetricKey(size: .bits256)
            let wrapped = try Self.wrap(key, masterKey, authenticated)
            try db.execute(
                sql: "INSERT INTO subject_keys (subject, wrapped_key, created_at) VALUES (?, ?, ?)",
                arguments: [subject.text, wrapped, Timestamp.now().recordedAtText])
            return key
        }
    }

    /// The key the name index's hashes are made with, made on first use.
    public func nameIndexKey(masterKey: MasterKey) throws -> [UInt8] {
        try check(masterKey)
        let authenticated = Data("tuki-name-index-key-v1".utf8)
        return try queue.write { db in
            if let wrapped = try Data.fetchOne(db, sql: "SELECT wrapped_key FROM name_index_key WHERE id = 1") {
                guard let key = Self.unwrap(wrapped, masterKey, authenticated) else { throw PrivacyError.cannotOpenNameIndex }
                return Array(key)
            }
            let key = SymmetricKey(size: .bits256)
            try db.execute(sql: "INSERT INTO name_index_key (id, wrapped_key) VALUES (1, ?)", arguments: [try Self.wrap(key, masterKey, authenticated)])
            return key.withUnsafeBytes { Array($0) }
        }
    }

    /// Puts `tokens` in the name index for the subject in place of the ones it had (a corrected
    /// name replaces the misspelt one); returns those, so that a refused event can put them back.
    @discardableResult
    public func replaceNameTokens(of subject: SubjectID, with tokens: Set<[UInt8]>) throws -> Set<[UInt8]> {
        try queue.write { db in
            if try Self.isErased(subject, in: db) { throw PrivacyError.erased(subject: subject.text) }
            let previous = Set(try Data.fetchAll(db, sql: "SELECT token FROM name_index WHERE subject = ?", arguments: [subject.text]).map(Array.init))
            try db.execute(sql: "DELETE FROM name_index WHERE subject = ?", arguments: [subject.text])
            let insert = try db.cachedStatement(sql: "INSERT OR IGNORE INTO name_index (token, subject) VALUES (?, ?)")
            for token in tokens { try insert.execute(arguments: [Data(token), subject.text]) }
            return previous
        }
    }

    /// The subjects found by every one of the tokens (one per part of a search), in id order.
    public func subjects(matchingAll tokens: [[UInt8]]) throws -> [SubjectID] {
        guard !tokens.isEmpty else { return [] }
        let sql = Array(repeating: "SELECT subject FROM name_index WHERE token = ?", count: tokens.count).joined(separator: " INTERSECT ")
        return try queue.read { db in
            try String.fetchAll(db, sql: sql + " ORDER BY subject", arguments: StatementArguments(tokens.map { Data($0) }))
                .compactMap { try? SubjectID($0) }
        }
    }

    /// A key sealed under the master key, bound to what it is the key of (`authenticated`).
    private static func wrap(_ key: SymmetricKey, _ masterKey: MasterKey, _ authenticated: Data) throws -> Data {
        try key.withUnsafeBytes { bytes in
            try AES.GCM.seal(Data(bytes), using: masterKey.key, authenticating: authenticated).combined ?? Data()
        }
    }

    /// The key `wrap` sealed; nil if it does not open (altered, or sealed as another's key).
    private static func unwrap(_ wrapped: Data, _ masterKey: MasterKey, _ authenticated: Data) -> Data? {
        try? AES.GCM.open(AES.GCM.SealedBox(combined: wrapped), using: masterKey.key, authenticating: authenticated)
    }

    public func isErased(_ subject: SubjectID) throws -> Bool {
        try queue.read { db in try Self.isErased(subject, in: db) }
    }

    private static func isErased(_ subject: SubjectID, in db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT 1 FROM erased_subjects WHERE subject = ?", arguments: [subject.text]) == true
    }

    public func hasKey(for subject: SubjectID) throws -> Bool {
        try queue.read { db in
            try Bool.fetchOne(db, sql: "SELECT 1 FROM subject_keys WHERE subject = ?", arguments: [subject.text]) == true
        }
    }

    /// Destroys the subject's data key, and the hashes the name index finds them by, so that no copy remains in the file, its free pages or its
    /// WAL: delete with secure_delete on, checkpoint the WAL into the file and truncate it, VACUUM
    /// to rebuild the file without free pages, and checkpoint again. Returns false if the subject
    /// was already erased.
    @discardableResult
    public func erase(_ subject: SubjectID) throws -> Bool {
        let erasedNow = try queue.write { db -> Bool in
            if try Self.isErased(subject, in: db) { return false }
            try db.execute(sql: "DELETE FROM subject_keys WHERE subject = ?", arguments: [subject.text])
            try db.execute(sql: "DELETE FROM name_index WHERE subject = ?", arguments: [subject.text])
            try db.execute(
                sql: "INSERT INTO erased_subjects (subject, erased_at) VALUES (?, ?)",
                arguments: [subject.text, Timestamp.now().recordedAtText])
            return true
        }
        try queue.writeWithoutTransaction { db in
            try db.checkpoint(.truncate)
            try db.execute(sql: "VACUUM")
            try db.checkpoint(.truncate)
        }
        return erasedNow
    }
}

/// A file that belongs beside a ledger: `tuki.keys.sqlite` for `tuki.sqlite` and `.keys.sqlite`.
public func companionPath(ofLedger ledgerPath: String, suffix: String) -> String {
    (ledgerPath.hasSuffix(".sqlite") ? String(ledgerPath.dropLast(".sqlite".count)) : ledgerPath) + suffix
}
