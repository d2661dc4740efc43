import Foundation

/// An event's identifier and idempotency key: a UUID, written in lower case.
public struct EventID: Sendable, Hashable, CustomStringConvertible {
    public let text: String

    public init(_ uuid: UUID) {
        text = uuid.uuidString.lowercased()
    }

    /// Accepts the 8-4-4-4-12 hex form in either case. Checked by hand: Foundation's
    /// `UUID(uuidString:)` goes through `sscanf`, which was a tenth of an import's time.
    public init(parsing text: String) throws(EventValidationError) {
        var bytes = Array(text.utf8)
        guard bytes.count == 36 else { throw EventValidationError(field: "eventId", reason: "is not a UUID") }
        for index in 0..<36 {
            let byte = bytes[index]
            if index == 8 || index == 13 || index == 18 || index == 23 {
                guard byte == UInt8(ascii: "-") else { throw EventValidationError(field: "eventId", reason: "is not a UUID") }
            } else if (0x30...0x39).contains(byte) || (0x61...0x66).contains(byte) {
                continue
            } else if (0x41...0x46).contains(byte) {
                bytes[index] = byte + 0x20
            } else {
                throw EventValidationError(field: "eventId", reason: "is not a UUID")
            }
        }
        self.text = String(decoding: bytes, as: UTF8.self)
    }

    public static func random() -> EventID { EventID(UUID()) }

    /// The `index`th event id of a request sent with an idempotency key: the same key (of the
    /// same sender) gives the same ids, so a request sent again after a timeout finds its events
    /// already in the log and records nothing twice. A UUID of version 8 (RFC 9562, "custom"):
    /// the first 16 bytes of SHA-256 over the scope, the key and the index.
    public static func derived(scope: String, key: String, index: Int) -> EventID {
        let digest = Array(SHA256.hash(data: Array("tuki-idempotency\n\(scope)\n\(key)\n\(index)".utf8)))
        var bytes = Array(digest.prefix(16))
        bytes[6] = bytes[6] & 0x0F | 0x80
        bytes[8] = bytes[8] & 0x3F | 0x80
        let uuid = UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                               bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
        return EventID(uuid)
    }

    public var description: String { text }
}
