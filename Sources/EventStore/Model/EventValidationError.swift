/// Why a proposed event is refused before it reaches the store: which field, and what is wrong
/// with it. The reason never quotes the value: values may hold personal data.
public struct EventValidationError: Error, Sendable, Equatable, CustomStringConvertible {
    public let field: String
    public let reason: String

    public init(field: String, reason: String) {
        self.field = field
        self.reason = reason
    }

    public var description: String { "field \(field): \(reason)" }
}
