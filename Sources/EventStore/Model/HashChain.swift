
/// The hash chain of docs/ledger-format.md, a public contract that auditors check without Tuki:
/// `hash` = lower-case hex SHA-256 of the UTF-8 bytes of eleven fields joined by a line feed (no
/// trailing one): prev_hash, position, event_id, stream, stream_version, type, schema_version,
/// occurred_at, recorded_at, data, meta. Integers in decimal; position 1's prev_hash is 64 zeros.
public enum HashChain {
    public static let genesisHash = String(repeating: "0", count: 64)

    public static func hash(
        prevHash: String, position: Int64, eventId: String, stream: String, streamVersion: Int64,
        type: String, schemaVersion: Int64, occurredAt: String, recordedAt: String, data: String,
        meta: String
    ) -> String {
        var hasher = SHA256()
        let lineFeed: [UInt8] = [0x0A]
        let fields: [String] = [
            prevHash, String(position), eventId, stream, String(streamVersion), type,
            String(schemaVersion), occurredAt, recordedAt, data, meta,
        ]
        for (index, field) in fields.enumerated() {
            if index > 0 { hasher.update(data: lineFeed) }
            var field = field
            field.withUTF8 { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        }
        return hex(hasher.finalize())
    }

    /// The lowercase hex digit (as its ASCII byte) of a nibble 0…15. Worked out rather than looked
    /// up in a global table: reaching a global costs a `swift_once` check, and verify asks 64 times
    /// an event (3 % of its time).
    @inline(__always)
    @usableFromInline static func hexDigit(_ nibble: UInt8) -> UInt8 { nibble < 10 ? 0x30 + nibble : 0x57 + nibble }

    private static func hex(_ digest: SHA256.Digest) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(64)
        for byte in digest {
            bytes.append(hexDigit(byte >> 4))
            bytes.append(hexDigit(byte & 0x0F))
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
