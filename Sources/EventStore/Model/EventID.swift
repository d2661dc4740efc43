import Foundation

/// An event's identifier and idempotency key: a UUID, written in lower case.
public struct EventID: Sendable, Hashable, CustomStringConvertible {
    public let text: String

    public init(_ uuid: UUID) {
        text = uuid.uuidString.lowercased()
    }

    public init(parsing text: String) throws(EventValidationError) {
        guard let uuid = UUID(uuidString: text) else {
            throw EventValidationError(field: "eventId", reason: "is not a UUID")
        }
        self.init(uuid)
    }

    public static func random() -> EventID { EventID(UUID()) }

    public var description: String { text }
}
