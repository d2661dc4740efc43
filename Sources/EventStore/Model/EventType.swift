/// An event type: dot-separated lower-case words, such as `session.held` or
/// `participant.consent-recorded`; at most 128 characters.
public struct EventType: Sendable, Hashable, CustomStringConvertible {
    public let text: String

    public init(_ text: String) throws(EventValidationError) {
        guard Self.isWellFormed(text) else {
            throw EventValidationError(
                field: "type",
                reason: "must be dot-separated lower-case words such as session.held (a-z, 0-9, '-'; at most 128 characters)"
            )
        }
        self.text = text
    }

    /// `word(.word)+`, each word `[a-z][a-z0-9-]*`.
    private static func isWellFormed(_ text: String) -> Bool {
        var count = 0
        var dots = 0
        var atWordStart = true
        for byte in text.utf8 {
            count += 1
            if atWordStart {
                guard (0x61...0x7A).contains(byte) else { return false }
                atWordStart = false
            } else if byte == UInt8(ascii: ".") {
                dots += 1
                atWordStart = true
            } else if !((0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) || byte == UInt8(ascii: "-")) {
                return false
            }
        }
        return count <= 128 && dots >= 1 && !atWordStart
    }

    public var description: String { text }
}
