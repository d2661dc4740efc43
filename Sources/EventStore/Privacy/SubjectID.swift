/// Whose personal data a sealed value holds: a pseudonymous id such as `p-7k2m`,
/// `[a-z0-9][a-z0-9-]{0,63}`. It is never a name, and never reused after erasure.
public struct SubjectID: Sendable, Hashable, CustomStringConvertible {
    public let text: String

    public init(_ text: String) throws(EventValidationError) {
        let bytes = Array(text.utf8)
        func isLowerAlphanumeric(_ b: UInt8) -> Bool { (0x61...0x7A).contains(b) || (0x30...0x39).contains(b) }
        guard (1...64).contains(bytes.count), isLowerAlphanumeric(bytes[0]),
              bytes.allSatisfy({ isLowerAlphanumeric($0) || $0 == UInt8(ascii: "-") })
        else {
            throw EventValidationError(
                field: "subject", reason: "must be a pseudonymous id of lower-case letters, digits and '-' (at most 64)")
        }
        self.text = text
    }

    /// The stream that records what happens to the subject's personal data: accesses, erasure.
    public var privacyStream: String { "subject-\(text)" }

    public var description: String { text }
}
