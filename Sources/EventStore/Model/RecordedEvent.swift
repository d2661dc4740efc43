/// An event as the `events` table holds it (docs/ledger-format.md).
/// Text fields are exactly the stored, hashed text.
public struct RecordedEvent: Sendable, Equatable {
    public let position: Int64
    public let eventId: String
    public let stream: String
    public let streamVersion: Int64
    public let type: String
    public let schemaVersion: Int64
    public let occurredAt: String
    public let recordedAt: String
    public let data: String
    public let meta: String
    public let prevHash: String
    public let hash: String

    public init(
        position: Int64, eventId: String, stream: String, streamVersion: Int64, type: String,
        schemaVersion: Int64, occurredAt: String, recordedAt: String, data: String, meta: String,
        prevHash: String, hash: String
    ) {
        self.position = position
        self.eventId = eventId
        self.stream = stream
        self.streamVersion = streamVersion
        self.type = type
        self.schemaVersion = schemaVersion
        self.occurredAt = occurredAt
        self.recordedAt = recordedAt
        self.data = data
        self.meta = meta
        self.prevHash = prevHash
        self.hash = hash
    }

    /// The hash this event's fields call for; equal to `hash` in an intact ledger.
    public var expectedHash: String {
        HashChain.hash(
            prevHash: prevHash, position: position, eventId: eventId, stream: stream,
            streamVersion: streamVersion, type: type, schemaVersion: schemaVersion,
            occurredAt: occurredAt, recordedAt: recordedAt, data: data, meta: meta
        )
    }
}

/// The last event of the log: its position and hash fingerprint the whole history.
public struct LedgerHead: Sendable, Equatable, CustomStringConvertible {
    public let position: Int64
    public let hash: String
    public let recordedAt: String

    public static let empty = LedgerHead(position: 0, hash: HashChain.genesisHash, recordedAt: "")

    public var description: String { "\(position) \(hash)" }
}
