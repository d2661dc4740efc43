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

    public var description: String { text }
}
