import Foundation

/// What is at a path, read from SQLite's file header without opening the file: opening can
/// write (a `DatabasePool` switches a file to WAL mode at once), and Tuki writes to no file it has
/// not recognised as its own.
public enum SQLiteFile {
    public enum Kind: Equatable, Sendable {
        case missing
        case directory
        /// A file of zero bytes: no database yet, and not one of ours.
        case empty
        /// A SQLite database; `applicationID` is its `PRAGMA application_id` as the main file holds it.
        case database(applicationID: Int32)
        /// Something that is not a SQLite database.
        case other
        /// A file this process may not read.
        case unreadable
    }

    private static let magic = Array("SQLite format 3\0".utf8)

    public static func kind(at path: String) -> Kind {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return .missing }
        if isDirectory.boolValue { return .directory }
        guard let handle = FileHandle(forReadingAtPath: path) else { return .unreadable }
        defer { try? handle.close() }
        let header: Data
        do {
            // Nil at the end of the file: a file of zero bytes.
            guard let read = try handle.read(upToCount: 100), !read.isEmpty else { return .empty }
            header = read
        } catch {
            return .unreadable
        }
        let bytes = [UInt8](header)
        guard bytes.count == 100, Array(bytes[0..<16]) == magic else { return .other }
        // Offset 68: the application id, a big-endian 32-bit integer (sqlite.org/fileformat.html).
        let id = bytes[68..<72].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        return .database(applicationID: Int32(bitPattern: id))
    }

    /// Whether a write-ahead log with content lies beside the file: its newest pages, the header
    /// among them, may not have reached the main file yet (a process stopped before SQLite
    /// copied them back).
    public static func hasPendingLog(_ path: String) -> Bool {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path + "-wal")
        return ((attributes?[.size] as? NSNumber)?.intValue ?? 0) > 0
    }
}
