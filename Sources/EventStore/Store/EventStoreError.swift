/// Why the store refused to do what it was asked. Each description is one plain sentence that names
/// only identifiers (paths, stream names, event ids, numbers), never event contents.
public enum EventStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    case ledgerExists(path: String)
    case noLedger(path: String)
    case notALedger(path: String)
    case wrongExpectedVersion(stream: String, expected: Int64, actual: Int64)
    case eventIdReused(eventId: String, position: Int64)

    public var description: String {
        switch self {
        case let .ledgerExists(path):
            return "A file already exists at \(path); Tuki will not overwrite it."
        case let .noLedger(path):
            return "There is no ledger at \(path); create one with `tuki init`."
        case let .notALedger(path):
            return "The file at \(path) is not a Tuki ledger."
        case let .wrongExpectedVersion(stream, expected, actual):
            return "Stream \(stream) is at version \(actual), not at the expected version \(expected)."
        case let .eventIdReused(eventId, position):
            return "Event id \(eventId) is already used by position \(position) for different content."
        }
    }
}
