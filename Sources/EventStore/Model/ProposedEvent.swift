/// An event on its way into the store: everything but what the store assigns (position, stream
/// version, recordedAt and the hashes). Building one validates every field, so the store only
/// ever sees well-formed events.
public struct ProposedEvent: Sendable, Equatable {
    public let eventId: EventID
    public let stream: StreamName
    public let type: EventType
    public let schemaVersion: Int64
    /// Business time, to the second.
    public let occurredAt: Timestamp
    /// The stream's version before this event, when the writer wants it checked.
    public let expectedVersion: Int64?
    /// Compact JSON of a JSON object with its members sorted: the exact bytes stored and hashed.
    public let data: String
    /// The same data as a value, for validation without parsing it again.
    public let dataValue: JSONValue
    /// Compact JSON of a JSON object with its members sorted; `{}` when empty.
    public let meta: String

    public init(
        eventId: EventID = .random(),
        stream: StreamName,
        type: EventType,
        schemaVersion: Int64 = 1,
        occurredAt: Timestamp,
        expectedVersion: Int64? = nil,
        data: JSONValue,
        meta: JSONValue = .object([])
    ) throws(EventValidationError) {
        guard schemaVersion >= 1 else {
            throw EventValidationError(field: "schemaVersion", reason: "must be a whole number of at least 1")
        }
        guard occurredAt.hasWholeSeconds else {
            throw EventValidationError(field: "occurredAt", reason: "must be whole seconds; business time is recorded to the second")
        }
        if let expectedVersion, expectedVersion < 0 {
            throw EventValidationError(field: "expectedVersion", reason: "must be a whole number of at least 0")
        }
        guard data.isObject else { throw EventValidationError(field: "data", reason: "must be a JSON object") }
        guard meta.isObject else { throw EventValidationError(field: "meta", reason: "must be a JSON object") }
        self.eventId = eventId
        self.stream = stream
        self.type = type
        self.schemaVersion = schemaVersion
        self.occurredAt = occurredAt
        self.expectedVersion = expectedVersion
        dataValue = data.canonical
        self.data = JSONWriter.compact(dataValue)
        self.meta = JSONWriter.compact(meta.canonical)
    }

    /// Convenience for code that holds plain strings (tests, the CLI): validates each one.
    public init(
        eventId: String? = nil,
        stream: String,
        type: String,
        schemaVersion: Int64 = 1,
        occurredAt: String,
        expectedVersion: Int64? = nil,
        data: String,
        meta: String = "{}"
    ) throws(EventValidationError) {
        let parsedOccurredAt: Timestamp
        do {
            parsedOccurredAt = try Timestamp(rfc3339: occurredAt)
        } catch {
            throw EventValidationError(field: "occurredAt", reason: error.reason)
        }
        try self.init(
            eventId: try eventId.map { id throws(EventValidationError) in try EventID(parsing: id) } ?? .random(),
            stream: try StreamName(stream),
            type: try EventType(type),
            schemaVersion: schemaVersion,
            occurredAt: parsedOccurredAt,
            expectedVersion: expectedVersion,
            data: try JSONParser.parse(data, field: "data"),
            meta: try JSONParser.parse(meta, field: "meta")
        )
    }

    /// Whether `other` records the same fact: the idempotency test for a re-used event id.
    /// `meta` and `expectedVersion` describe the recording, not the fact, so they are not compared.
    func hasSameContent(as stored: RecordedEvent) -> Bool {
        stored.stream == stream.text && stored.type == type.text && stored.schemaVersion == schemaVersion
            && stored.occurredAt == occurredAt.occurredAtText && stored.data == data
    }
}

extension JSONParser {
    /// Parses `text` for the named field: a syntax error becomes a refusal of that field.
    public static func parse(_ text: String, field: String) throws(EventValidationError) -> JSONValue {
        do {
            return try parse(text)
        } catch {
            throw EventValidationError(field: field, reason: "is not valid JSON (\(error))")
        }
    }
}
