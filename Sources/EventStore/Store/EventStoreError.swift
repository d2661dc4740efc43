/// Why the store refused to do what it was asked. Each description is one plain sentence that names
/// only identifiers (paths, stream names, event ids, numbers), never event contents.
public enum EventStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    case ledgerExists(path: String)
    case noLedger(path: String)
    case notALedger(path: String)
    case readOnlyNeedsUpgrade(path: String)
    case readOnly(path: String)
    case notAnExactCopy(position: Int64, reason: String)
    case wrongExpectedVersion(stream: String, expected: Int64, actual: Int64)
    case eventIdReused(eventId: String, position: Int64)

    public var description: String {
        switch self {
        case let .ledgerExists(path):
            return "A file already exists at \(path); Tuki will not overwrite it."
        case let .noLedger(path):
            return "There is no ledger at \(path)."
        case let .notALedger(path):
            return "The file at \(path) is not a Tuki ledger."
        case let .notAnExactCopy(position, reason):
            return "The event at position \(position) cannot be restored: \(reason)."
        case let .readOnly(path):
            return "The ledger at \(path) can only be read here (no write permission): nothing was recorded."
        case let .readOnlyNeedsUpgrade(path):
            return "The ledger at \(path) is in an older format that this version upgrades by writing to it, and it can only be read here; open it once with write access."
        case let .wrongExpectedVersion(stream, expected, actual):
            return "Stream \(stream) is at version \(actual), not at the expected version \(expected)."
        case let .eventIdReused(eventId, position):
            return "Event id \(eventId) is already used by position \(position) for different content."
        }
    }
}
