import Crypto

/// The hash chain of DESIGN.md, a public contract that auditors check without Tuki:
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

    static let hexDigits = Array("0123456789abcdef".utf8)

    private static func hex(_ digest: SHA256.Digest) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(64)
        for byte in digest {
            bytes.append(hexDigits[Int(byte >> 4)])
            bytes.append(hexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
