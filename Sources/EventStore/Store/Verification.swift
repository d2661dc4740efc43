import Foundation
import GRDB
import GRDBSQLite

/// The outcome of checking a ledger against its own hash chain.
public enum VerificationResult: Sendable, Equatable {
    case intact(eventCount: Int64, head: LedgerHead)
    /// The first position where the log is not what the chain says, and what is wrong there.
    case broken(position: Int64, problem: String)
}

/// Walks the log in position order and checks everything the hash-chain contract promises:
/// positions 1, 2, 3 … without gaps, per-stream versions 1, 2, 3 … without gaps, each `prev_hash`
/// equal to the previous event's `hash`, and each `hash` recomputed from the stored fields.
///
/// It reads the columns where SQLite holds them and hashes those bytes as they are (the contract
/// is about bytes): no Swift string is made and nothing is allocated per event but SHA-256's
/// context, so a million events verify in about a second on two cores.
struct ChainVerifier {
    private(set) var expectedPosition: Int64
    private(set) var previousHash = Array(HashChain.genesisHash.utf8)
    private var streams = StreamVersions()
    /// The stream of the row before: three rows in four continue it (a session's attendance), and
    /// for them the stream is not looked up.
    private var currentStream: Int?
    private var lastRecordedAt: [UInt8] = []
    /// Room for the hashed message, reused from row to row.
    private var message: [UInt8] = []
    /// For a segment that starts mid-log: its first `prev_hash` (and each stream's first version
    /// in it, in `streams`), taken as given here and checked against the segment before when
    /// they are joined.
    private let startsMidLog: Bool
    private(set) var firstPrevHash: [UInt8]?

    /// `startingAt` a position after 1 checks a segment of the log on its own.
    init(startingAt position: Int64 = 1) {
        expectedPosition = position
        startsMidLog = position > 1
        message = [UInt8](repeating: 0, count: 4_096)
    }

    /// Returns the problem with the row, or nil when it continues the chain correctly.
    mutating func check(_ row: StoredRow) -> VerificationResult? {
        let position = row.integer(0)
        if position != expectedPosition {
            if position > expectedPosition {
                let missing = expectedPosition == position - 1 ? "is missing" : "to \(position - 1) are missing"
                return .broken(
                    position: expectedPosition,
                    problem: "position \(expectedPosition) \(missing); the next stored event has position \(position)")
            }
            return .broken(position: position, problem: "position \(position) appears out of order")
        }
        let streamVersion = row.integer(3)
        let streamBytes = row.bytes(2)
        let stream: Int
        if let current = currentStream, streams.name(at: current, equals: streamBytes) {
            stream = current
        } else {
            let (index, added) = streams.index(adding: streamBytes)
            if added && startsMidLog {
                streams[index].firstVersion = streamVersion
                streams[index].version = streamVersion - 1
            }
            stream = index
            currentStream = index
        }
        let expectedVersion = streams[stream].version + 1
        if streamVersion != expectedVersion {
            return .broken(
                position: position,
                problem: "stream \(streams.name(at: stream)) has version \(streamVersion) where \(expectedVersion) was expected")
        }
        let prevHash = row.bytes(10)
        if startsMidLog && firstPrevHash == nil {
            firstPrevHash = Array(prevHash)
            previousHash = Array(prevHash)
        }
        if !previousHash.withUnsafeBytes({ prevHash.hasSameBytes(as: $0) }) {
            return .broken(position: position, problem: "prev_hash does not equal the hash of position \(position - 1)")
        }
        let storedHash = row.bytes(11)
        let recordedAt = row.bytes(7)
        // The columns already read are handed on: each read is two calls into SQLite.
        if !hashMatches(row, position: position, streamVersion: streamVersion, prevHash: prevHash, stream: streamBytes,
                        recordedAt: recordedAt, stored: storedHash) {
            return .broken(position: position, problem: "hash does not match the event's stored fields (its content was changed)")
        }
        streams[stream].version = expectedVersion
        Self.replace(&previousHash, with: storedHash)
        Self.replace(&lastRecordedAt, with: recordedAt)
        expectedPosition += 1
        return nil
    }

    /// HashChain's message — prev_hash, position, event_id, stream, stream_version, type,
    /// schema_version, occurred_at, recorded_at, data, meta, joined by line feeds — from the
    /// row's bytes; true when its hex SHA-256 is `stored`. The message is written into a buffer
    /// kept from row to row, through one pointer (no array append per field).
    private mutating func hashMatches(
        _ row: StoredRow, position: Int64, streamVersion: Int64, prevHash: UnsafeRawBufferPointer, stream: UnsafeRawBufferPointer,
        recordedAt: UnsafeRawBufferPointer, stored: UnsafeRawBufferPointer
    ) -> Bool {
        let (eventId, type, occurredAt, data, meta) = (row.bytes(1), row.bytes(4), row.bytes(6), row.bytes(8), row.bytes(9))
        // Three decimals of at most 20 characters, ten line feeds.
        let longest = prevHash.count + eventId.count + stream.count + type.count + occurredAt.count + recordedAt.count
            + data.count + meta.count + 3 * 20 + 10
        if message.count < longest { message = [UInt8](repeating: 0, count: max(longest, 2 * message.count)) }
        let schemaVersion = row.integer(5)
        var hasher = SHA256()
        message.withUnsafeMutableBytes { buffer in
            var writer = MessageWriter(buffer: buffer)
            writer.write(prevHash)
            writer.write(decimal: position)
            writer.write(eventId)
            writer.write(stream)
            writer.write(decimal: streamVersion)
            writer.write(type)
            writer.write(decimal: schemaVersion)
            writer.write(occurredAt)
            writer.write(recordedAt)
            writer.write(data)
            writer.write(meta, last: true)
            hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: buffer[..<writer.length]))
        }
        // The stored hash is lowercase hex: the digest is written out in hex on the stack and
        // compared in one memcmp (byte by byte, with a check per digit, took ten times as long).
        return hasher.finalize().withUnsafeBytes { digest in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { hex in
                // A constant count lets the compiler unroll the loop (three times fewer instructions).
                guard digest.count == 32 else { return false }
                for index in 0..<32 {
                    hex[2 * index] = HashChain.hexDigit(digest[index] >> 4)
                    hex[2 * index + 1] = HashChain.hexDigit(digest[index] & 0x0F)
                }
                return UnsafeRawBufferPointer(hex).hasSameBytes(as: stored)
            }
        }
    }

    /// `bytes` into `kept`, in place when they are as long (a hash and a timestamp always are).
    private static func replace(_ kept: inout [UInt8], with bytes: UnsafeRawBufferPointer) {
        guard kept.count == bytes.count else { return kept = Array(bytes) }
        kept.withUnsafeMutableBytes { $0.copyMemory(from: bytes) }
    }

    /// True when this segment, checked on its own from mid-log, continues `earlier` (the segment
    /// just before it): its first `prev_hash` is the last hash there, and each stream's first
    /// version here follows the stream's last version there (0 if it had none).
    func continues(_ earlier: ChainVerifier) -> Bool {
        guard firstPrevHash == earlier.previousHash else { return false }
        return streams.entries.indices.allSatisfy { index in
            guard let firstVersion = streams[index].firstVersion else { return true }
            let lastVersion = streams.withName(at: index) { earlier.streams.index(of: $0) }.map { earlier.streams[$0].version } ?? 0
            return firstVersion == lastVersion + 1
        }
    }

    var result: VerificationResult {
        let count = expectedPosition - 1
        guard count > 0 else { return .intact(eventCount: 0, head: .empty) }
        return .intact(eventCount: count, head: LedgerHead(
            position: count, hash: String(decoding: previousHash, as: UTF8.self),
            recordedAt: String(decoding: lastRecordedAt, as: UTF8.self)))
    }
}

/// The current row of a stepped statement, its columns as SQLite holds them: valid only until the
/// next step.
struct StoredRow {
    let statement: OpaquePointer

    func integer(_ column: Int32) -> Int64 {
        sqlite3_column_int64(statement, column)
    }

    /// The column's bytes (`columnBytes`).
    func bytes(_ column: Int32) -> UnsafeRawBufferPointer {
        columnBytes(sqlite3_column_value(statement, column))
    }
}

/// Writes the fields of HashChain's message one after another into a buffer big enough for them,
/// each followed by a line feed but the last.
private struct MessageWriter {
    let buffer: UnsafeMutableRawBufferPointer
    private(set) var length = 0

    init(buffer: UnsafeMutableRawBufferPointer) { self.buffer = buffer }

    mutating func write(_ field: UnsafeRawBufferPointer, last: Bool = false) {
        if let source = field.baseAddress, let target = buffer.baseAddress, field.count > 0 {
            (target + length).copyMemory(from: source, byteCount: field.count)
            length += field.count
        }
        if !last { lineFeed() }
    }

    mutating func write(decimal value: Int64) {
        length += DecimalText.write(value, into: buffer, at: length)
        lineFeed()
    }

    private mutating func lineFeed() {
        buffer[length] = 0x0A
        length += 1
    }
}
