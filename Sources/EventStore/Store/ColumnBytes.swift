import GRDBSQLite

/// A column of the current row as the bytes SQLite holds: a TEXT value's UTF-8 as stored, a
/// number's text, nothing for NULL. Valid only until the statement steps again.
///
/// Read as a blob, which is the same bytes, because asking for text makes SQLite copy a value
/// taken from its page to end it with a NUL. Through the column's value, so that SQLite looks
/// the column up once, not once for the pointer and again for the length. (SQLite's
/// documentation keeps the value_* calls for "protected" values, but GRDB opens its connections
/// in multi-thread mode, where it says the two kinds are the same.) Verify and
/// `PreparedStatement.forEachRow` read every column this way.
func columnBytes(_ value: OpaquePointer?) -> UnsafeRawBufferPointer {
    guard let bytes = sqlite3_value_blob(value) else { return UnsafeRawBufferPointer(start: nil, count: 0) }
    return UnsafeRawBufferPointer(start: bytes, count: Int(sqlite3_value_bytes(value)))
}
