/// Whether two secrets are equal, in a time that does not depend on where they first differ (a
/// form token, a one-time code), so that timing tells a guesser nothing.
func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
    guard a.count == b.count else { return false }
    return zip(a, b).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
}
