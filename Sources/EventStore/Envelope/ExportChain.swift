/// An export file read as the copy of a ledger it is (docs/ledger-format.md, "Exact copies"):
/// each line back into the stored event it was written from, and the chain checked line by line —
/// positions without gaps, each `prevHash` the hash before it, stream versions without gaps, each
/// `hash` the one its fields call for. Used to verify an export by itself and to restore one.
public struct ExportChain {
    /// Where the chain broke: the position (or line) and why, in one sentence.
    public struct Break: Error, Sendable, Equatable, CustomStringConvertible {
        public let position: Int64
        public let reason: String
        public var description: String { "position \(position): \(reason)" }
    }

    public private(set) var head = LedgerHead.empty
    public private(set) var count = 0
    /// True when the file begins at position 1; an export `--from N` is checked from its first
    /// line on, trusting that line's `prevHash` and each stream's first version in it.
    public private(set) var startsAtGenesis = true
    private var streamVersions: [String: Int64] = [:]

    public init() {}

    /// The stored event an export line was written from. `data` and `meta` are taken back to
    /// their stored bytes (compact, members sorted, numbers as written); the hash then proves it.
    public static func event(fromExportLine line: [UInt8], number: Int) throws -> RecordedEvent {
        func broken(_ reason: String) -> Break { Break(position: Int64(number), reason: "line \(number) \(reason)") }
        guard case let .object(members)? = try? JSONParser.parse(bytes: line) else { throw broken("is not a JSON object") }
        func member(_ name: String) -> JSONValue? { members.first { $0.key == name }?.value }
        func text(_ name: String) throws -> String {
            guard let value = member(name)?.stringValue else { throw broken("has no \(name)") }
            return value
        }
        func integer(_ name: String) throws -> Int64 {
            guard let value = member(name)?.integerValue else { throw broken("has no \(name)") }
            return value
        }
        guard let data = member("data"), data.isObject, let meta = member("meta"), meta.isObject else {
            throw broken("has no data or meta object")
        }
        return RecordedEvent(
            position: try integer("position"), eventId: try text("eventId"), stream: try text("stream"),
            streamVersion: try integer("streamVersion"), type: try text("type"), schemaVersion: try integer("schemaVersion"),
            occurredAt: try text("occurredAt"), recordedAt: try text("recordedAt"),
            data: JSONWriter.compact(data.canonical), meta: JSONWriter.compact(meta.canonical),
            prevHash: try text("prevHash"), hash: try text("hash"))
    }

    /// Checks that `event` continues the chain so far, and takes it in.
    public mutating func append(_ event: RecordedEvent) throws {
        func broken(_ reason: String) -> Break { Break(position: event.position, reason: reason) }
        if count == 0 {
            startsAtGenesis = event.position == 1
            guard event.position >= 1 else { throw broken("is not a position") }
            if startsAtGenesis, event.prevHash != HashChain.genesisHash { throw broken("prev_hash is not 64 zeros") }
        } else {
            guard event.position == head.position + 1 else { throw broken("does not follow position \(head.position)") }
            guard event.prevHash == head.hash else { throw broken("prev_hash does not match the previous hash") }
            guard event.recordedAt >= head.recordedAt else { throw broken("recorded_at runs backwards") }
        }
        if let version = streamVersions[event.stream] {
            guard event.streamVersion == version + 1 else { throw broken("stream version is not \(version + 1)") }
        } else if startsAtGenesis, event.streamVersion != 1 {
            throw broken("stream version is not 1")
        }
        guard event.hash == event.expectedHash else { throw broken("hash does not match its fields") }
        streamVersions[event.stream] = event.streamVersion
        head = LedgerHead(position: event.position, hash: event.hash, recordedAt: event.recordedAt)
        count += 1
    }
}
