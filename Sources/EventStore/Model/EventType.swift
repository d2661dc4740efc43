/// An event type: dot-separated lower-case words, such as `session.held` or
/// `participant.consent-recorded`; at most 128 characters.
public struct EventType: Sendable, Hashable, CustomStringConvertible {
    public let text: String

    public init(_ text: String) throws(EventValidationError) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let wellFormed = text.utf8.count <= 128 && parts.count >= 2 && parts.allSatisfy { part in
            guard let first = part.utf8.first, (0x61...0x7A).contains(first) else { return false }
            return part.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == UInt8(ascii: "-") }
        }
        guard wellFormed else {
            throw EventValidationError(
                field: "type",
                reason: "must be dot-separated lower-case words such as session.held (a-z, 0-9, '-'; at most 128 characters)"
            )
        }
        self.text = text
    }

    public var description: String { text }
}
