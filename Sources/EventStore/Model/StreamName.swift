/// A stream's name: `[a-z0-9][a-z0-9-]{0,127}`. Its category is the part before the first `-`.
public struct StreamName: Sendable, Hashable, CustomStringConvertible {
    public let text: String

    public init(_ text: String) throws(EventValidationError) {
        let bytes = Array(text.utf8)
        guard (1...128).contains(bytes.count) else {
            throw EventValidationError(field: "stream", reason: "must be 1 to 128 characters long")
        }
        func isLowerAlphanumeric(_ b: UInt8) -> Bool { (0x61...0x7A).contains(b) || (0x30...0x39).contains(b) }
        guard isLowerAlphanumeric(bytes[0]), bytes.allSatisfy({ isLowerAlphanumeric($0) || $0 == UInt8(ascii: "-") }) else {
            throw EventValidationError(
                field: "stream",
                reason: "must be lower-case letters a-z, digits and '-', starting with a letter or digit"
            )
        }
        self.text = text
    }

    /// `activity` for `activity-tahka-forssa-2026`.
    public var category: String {
        String(text.prefix(while: { $0 != "-" }))
    }

    public var description: String { text }
}
