import EventStore

extension EventStore {
    /// A new identifier `PREFIX-xxxxxx` whose stream (`stream(id)`) the ledger has never used:
    /// identifiers are never reused. Nil if a hundred tries all found one used.
    public func unusedIdentifier(prefix: String, stream: (String) -> String = { $0 }) throws -> String? {
        let alphabet = Array("abcdefghijkmnpqrstuvwxyz23456789")
        for _ in 0..<100 {
            let id = prefix + "-" + String((0..<6).map { _ in alphabet.randomElement() ?? "a" })
            if try read({ try $0.version(ofStream: stream(id)) }) == 0 { return id }
        }
        return nil
    }
}
