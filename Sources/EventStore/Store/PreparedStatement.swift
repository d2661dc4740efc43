import GRDB
import GRDBSQLite

/// A cached GRDB statement driven through SQLite's C API, for the statements run once per event
/// (the append path, the projectors' inserts).
///
/// GRDB's `StatementArguments` box every value in an existential and look up generic metadata at
/// run time; on a bulk import that was a fifth of the time. Here the values are bound directly.
/// The statement is reset after each use, so GRDB finds it as it left it.
public struct PreparedStatement {
    private let db: Database
    private let handle: OpaquePointer

    public init(_ db: Database, sql: String) throws {
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

    func bindNull(_ index: Int32) {
        sqlite3_bind_null(handle, index)
    }

    /// Binds `values` to the parameters 1, 2, 3 … and runs the statement, which returns no rows.
    public func execute(_ values: any SQLiteBindable...) throws {
        try execute(binding: values)
    }

    public func execute(binding values: [any SQLiteBindable]) throws {
        for (offset, value) in values.enumerated() { value.bind(to: self, at: Int32(offset + 1)) }
        try execute()
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

    /// Binds `values` to the parameters 1, 2, 3 …, then hands each row the statement returns to
    /// `body`, in order. For reads of many rows: GRDB's `Row` asks each column's type and decodes
    /// it through its generic protocols, about four times the work of reading it here.
    public func forEachRow(binding values: [any SQLiteBindable] = [], _ body: (ResultRow) throws -> Void) throws {
        defer { sqlite3_reset(handle) }
        for (offset, value) in values.enumerated() { value.bind(to: self, at: Int32(offset + 1)) }
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else { throw error(code) }
            try body(ResultRow(handle: handle))
        }
    }

    /// The current row of `forEachRow`: valid only inside its `body`. Each column is read through its value, and text as its bytes (`columnBytes`).
    public struct ResultRow {
        fileprivate let handle: OpaquePointer

        private func value(_ column: Int32) -> OpaquePointer? {
            sqlite3_column_value(handle, column)
        }

        public func isNull(_ column: Int32) -> Bool {
            sqlite3_value_type(value(column)) == SQLITE_NULL
        }

        public func integer(_ column: Int32) -> Int {
            Int(sqlite3_value_int64(value(column)))
        }

        public func optionalInteger(_ column: Int32) -> Int? {
            let value = value(column)
            return sqlite3_value_type(value) == SQLITE_NULL ? nil : Int(sqlite3_value_int64(value))
        }

        /// The column as text ("" for NULL).
        public func text(_ column: Int32) -> String {
            withText(value(column)) { String(decoding: $0, as: UTF8.self) }
        }

        public func optionalText(_ column: Int32) -> String? {
            let value = value(column)
            return sqlite3_value_type(value) == SQLITE_NULL ? nil : withText(value) { String(decoding: $0, as: UTF8.self) }
        }

        /// True when the column's text is `string`, without making a String of it.
        public func text(_ column: Int32, equals string: String) -> Bool {
            var string = string
            return withText(value(column)) { bytes in string.withUTF8 { UnsafeRawBufferPointer(bytes).hasSameBytes(as: UnsafeRawBufferPointer($0)) } }
        }

        /// The value's UTF-8 bytes where SQLite holds them.
        private func withText<T>(_ value: OpaquePointer?, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
            body(columnBytes(value).assumingMemoryBound(to: UInt8.self))
        }
    }

    private func error(_ code: Int32) -> DatabaseError {
        let message = sqlite3_errmsg(db.sqliteConnection).map { String(cString: $0) }
        return DatabaseError(resultCode: ResultCode(rawValue: code), message: message)
    }
}

/// A Swift value `PreparedStatement` binds without going through GRDB's `DatabaseValue`.
public protocol SQLiteBindable {
    func bind(to statement: PreparedStatement, at index: Int32)
}

extension String: SQLiteBindable {
    public func bind(to statement: PreparedStatement, at index: Int32) { statement.bind(index, self) }
}

extension Int64: SQLiteBindable {
    public func bind(to statement: PreparedStatement, at index: Int32) { statement.bind(index, self) }
}

extension Int: SQLiteBindable {
    public func bind(to statement: PreparedStatement, at index: Int32) { statement.bind(index, Int64(self)) }
}

extension Optional: SQLiteBindable where Wrapped: SQLiteBindable {
    public func bind(to statement: PreparedStatement, at index: Int32) {
        if let value = self { value.bind(to: statement, at: index) } else { statement.bindNull(index) }
    }
}
