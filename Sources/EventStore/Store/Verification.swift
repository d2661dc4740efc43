import Crypto
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
/// is about bytes): no Swift string is made per event, only a stream's name when the stream changes from
/// the row before, so a million events verify in under two seconds on two cores.
struct ChainVerifier {
    private(set) var expectedPosition: Int64
    private(set) var previousHash = Array(HashChain.genesisHash.utf8)
    /// Each stream's last version, except the current stream's, which is kept apart: three rows
    /// in four continue the stream of the row before (a session's attendance), and for them no
    /// string is made and no dictionary touched.
    private var otherStreamVersions: [String: Int64] = [:]
    private var currentStream: (name: String, bytes: [UInt8], version: Int64)?
    private var lastRecordedAt: [UInt8] = []
    /// The hashed message and the hex digest, reused from row to row.
    private var message: [UInt8] = []
    private var digestHex = [UInt8](repeating: 0, count: 64)
    /// For a segment that starts mid-log: its first `prev_hash`, and each stream's first version
    /// in it, taken as given here and checked against the segment before when they are joined.
    private let startsMidLog: Bool
    private(set) var firstPrevHash: [UInt8]?
    private(set) var firstVersions: [String: Int64] = [:]

    /// `startingAt` a position after 1 checks a segment of the log on its own.
    init(startingAt position: Int64 = 1) {
        expectedPosition = position
        startsMidLog = position > 1
        message.reserveCapacity(4_096)
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
        let stream: (name: String, bytes: [UInt8], version: Int64)
        if let current = currentStream, Self.same(streamBytes, current.bytes) {
            stream = current
        } else {
            if let current = currentStream { otherStreamVersions[current.name] = current.version }
            let name = String(decoding: streamBytes, as: UTF8.self)
            if startsMidLog && otherStreamVersions[name] == nil {
                firstVersions[name] = streamVersion
                otherStreamVersions[name] = streamVersion - 1
            }
            stream = (name, Array(streamBytes), otherStreamVersions[name] ?? 0)
            currentStream = stream
        }
        let expectedVersion = stream.version + 1
        if streamVersion != expectedVersion {
            return .broken(
                position: position, problem: "stream \(stream.name) has version \(streamVersion) where \(expectedVersion) was expected")
        }
        let prevHash = row.bytes(10)
        if startsMidLog && firstPrevHash == nil {
            firstPrevHash = Array(prevHash)
            previousHash = Array(prevHash)
        }
        if !Self.same(prevHash, previousHash) {
            return .broken(position: position, problem: "prev_hash does not equal the hash of position \(position - 1)")
        }
        let storedHash = row.bytes(11)
        if !hashMatches(row, position: position, streamVersion: streamVersion, stored: storedHash) {
            return .broken(position: position, problem: "hash does not match the event's stored fields (its content was changed)")
        }
        currentStream?.version = expectedVersion
        previousHash.removeAll(keepingCapacity: true)
        previousHash.append(contentsOf: storedHash)
        lastRecordedAt.removeAll(keepingCapacity: true)
        lastRecordedAt.append(contentsOf: row.bytes(7))
        expectedPosition += 1
        return nil
    }

    /// HashChain's message — prev_hash, position, event_id, stream, stream_version, type,
    /// schema_version, occurred_at, recorded_at, data, meta, joined by line feeds — from the
    /// row's bytes; true when its hex SHA-256 is `stored`.
    private mutating func hashMatches(_ row: StoredRow, position: Int64, streamVersion: Int64, stored: UnsafeRawBufferPointer) -> Bool {
        message.removeAll(keepingCapacity: true)
        message.append(contentsOf: row.bytes(10))
        message.append(0x0A)
        appendDecimal(position)
        for column: Int32 in [1, 2] {
            message.append(0x0A)
            message.append(contentsOf: row.bytes(column))
        }
        message.append(0x0A)
        appendDecimal(streamVersion)
        message.append(0x0A)
        message.append(contentsOf: row.bytes(4))
        message.append(0x0A)
        appendDecimal(row.integer(5))
        for column: Int32 in [6, 7, 8, 9] {
            message.append(0x0A)
            message.append(contentsOf: row.bytes(column))
        }
        let digest = SHA256.hash(data: message)
        var index = 0
        for byte in digest {
            digestHex[index] = HashChain.hexDigits[Int(byte >> 4)]
            digestHex[index + 1] = HashChain.hexDigits[Int(byte & 0x0F)]
            index += 2
        }
        return Self.same(stored, digestHex)
    }

    /// Byte equality through memcmp (the generic `elementsEqual` was an eighth of the time).
    private static func same(_ bytes: UnsafeRawBufferPointer, _ other: [UInt8]) -> Bool {
        guard bytes.count == other.count else { return false }
        guard let base = bytes.baseAddress else { return other.isEmpty }
        return other.withUnsafeBytes { otherBytes in
            guard let otherBase = otherBytes.baseAddress else { return false }
            return memcmp(base, otherBase, other.count) == 0
        }
    }

    /// The digits are written backwards into a stack buffer, then appended in one go.
    private mutating func appendDecimal(_ value: Int64) {
        if value < 0 { message.append(0x2D) }
        var magnitude = value.magnitude
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var start = digits.count
            repeat {
                start -= 1
                digits[start] = UInt8(0x30 + magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            message.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start...]))
        }
    }

    /// Each stream's last version.
    var streamVersions: [String: Int64] {
        guard let current = currentStream else { return otherStreamVersions }
        var versions = otherStreamVersions
        versions[current.name] = current.version
        return versions
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

    func bytes(_ column: Int32) -> UnsafeRawBufferPointer {
        guard let text = sqlite3_column_text(statement, column) else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        return UnsafeRawBufferPointer(start: text, count: Int(sqlite3_column_bytes(statement, column)))
    }
}
