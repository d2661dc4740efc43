import GRDB
import GRDBSQLite

/// A cached GRDB statement driven through SQLite's C API, for the append path only.
///
/// GRDB's `StatementArguments` box every value in an existential and look up generic metadata at
/// run time; on a bulk import that was a fifth of the time. Here the values are bound directly.
/// The statement is reset after each use, so GRDB finds it as it left it.
struct PreparedStatement {
    private let db: Database
    private let handle: OpaquePointer

    init(_ db: Database, sql: String) throws {
        self.db = db
        handle = try db.cachedStatement(sql: sql).sqliteStatement
    }

    /// SQLite copies the bytes (SQLITE_TRANSIENT), so the Swift string need not outlive the call.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    func bind(_ index: Int32, _ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            _ = utf8.withMemoryRebound(to: CChar.self) { chars in
                sqlite3_bind_text(handle, index, chars.baseAddress, Int32(chars.count), Self.transient)
            }
        }
    }

    func bind(_ index: Int32, _ number: Int64) {
        sqlite3_bind_int64(handle, index, number)
    }

    /// Runs a statement that returns no rows.
    func execute() throws {
        defer { sqlite3_reset(handle) }
        let code = sqlite3_step(handle)
        guard code == SQLITE_DONE else { throw error(code) }
    }

    /// The first column of the first row as an integer, or nil when there is no row or it is NULL.
    func fetchInteger() throws -> Int64? {
        defer { sqlite3_reset(handle) }
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW:
            return sqlite3_column_type(handle, 0) == SQLITE_NULL ? nil : sqlite3_column_int64(handle, 0)
        case SQLITE_DONE:
            return nil
        default:
            throw error(code)
        }
    }

    private func error(_ code: Int32) -> DatabaseError {
        let message = sqlite3_errmsg(db.sqliteConnection).map { String(cString: $0) }
        return DatabaseError(resultCode: ResultCode(rawValue: code), message: message)
    }
}
