/// The envelope: one line of JSONL on import and export (docs/architecture.md, "The event envelope";
/// Schemas/envelope.schema.json is its contract).
public enum Envelope {
    /// Fields an import line may carry. The last five are what `tuki export` adds; they are
    /// checked for form and otherwise ignored, because the importing store assigns its own.
    static let importFields: [String] = [
        "eventId", "stream", "type", "schemaVersion", "occurredAt", "expectedVersion", "data", "meta",
        "position", "streamVersion", "recordedAt", "prevHash", "hash",
    ]

    /// Reads one import line. `actor` goes into `meta.actor` when the line names none.
    public static func parse(line: [UInt8], actor: String?) throws(EventValidationError) -> ProposedEvent {
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes: line)
        } catch {
            throw EventValidationError(field: "(line)", reason: "is not valid JSON: \(error)")
        }
        guard case let .object(members) = value else {
            throw EventValidationError(field: "(line)", reason: "must be a JSON object")
        }
        // The unexpected member's name is input: never repeated in the message.
        for member in members where !importFields.contains(member.key) {
            throw EventValidationError(field: "(line)", reason: "has a field that is not an envelope field")
        }
        func required(_ field: String) throws(EventValidationError) -> JSONValue {
            guard let found = value[field] else { throw EventValidationError(field: field, reason: "is missing") }
            return found
        }
        func string(_ field: String, _ found: JSONValue) throws(EventValidationError) -> String {
            guard let text = found.stringValue else { throw EventValidationError(field: field, reason: "must be a string") }
            return text
        }
        func integer(_ field: String, minimum: Int64) throws(EventValidationError) -> Int64? {
            guard let found = value[field] else { return nil }
            guard let number = found.integerValue, number >= minimum else {
                throw EventValidationError(field: field, reason: "must be a whole number of at least \(minimum)")
            }
            return number
        }

        let eventId = try EventID(parsing: try string("eventId", try required("eventId")))
        let stream = try StreamName(try string("stream", try required("stream")))
        let type = try EventType(try string("type", try required("type")))
        let occurredAt = try timestamp("occurredAt", try string("occurredAt", try required("occurredAt")))
        let schemaVersion = try integer("schemaVersion", minimum: 1) ?? 1
        let expectedVersion = try integer("expectedVersion", minimum: 0)
        let data = try required("data")

        // The export's own fields: accepted for round trips, checked for form, then ignored.
        _ = try integer("position", minimum: 1)
        _ = try integer("streamVersion", minimum: 1)
        if let recordedAt = value["recordedAt"] { _ = try timestamp("recordedAt", try string("recordedAt", recordedAt)) }
        for field in ["prevHash", "hash"] {
            guard let found = value[field] else { continue }
            let text = try string(field, found)
            guard text.utf8.count == 64, text.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }) else {
                throw EventValidationError(field: field, reason: "must be 64 lower-case hex digits")
            }
        }

        var meta = value["meta"] ?? .object([])
        guard case .object(var metaMembers) = meta else {
            throw EventValidationError(field: "meta", reason: "must be a JSON object")
        }
        if let existingActor = meta["actor"] {
            guard existingActor.stringValue != nil else {
                throw EventValidationError(field: "meta.actor", reason: "must be a string")
            }
        } else if let actor {
            metaMembers.append((key: "actor", value: .string(actor)))
            meta = .object(metaMembers)
        }
        return try ProposedEvent(
            eventId: eventId, stream: stream, type: type, schemaVersion: schemaVersion,
            occurredAt: occurredAt, expectedVersion: expectedVersion, data: data, meta: meta
        )
    }

    private static func timestamp(_ field: String, _ text: String) throws(EventValidationError) -> Timestamp {
        do {
            return try Timestamp(rfc3339: text)
        } catch {
            throw EventValidationError(field: field, reason: error.reason)
        }
    }

    /// The export line of a stored event: the import fields (with `expectedVersion`, so that an
    /// import into a fresh ledger rebuilds the same stream versions) plus the stored position,
    /// stream version, recordedAt and hashes. `data` and `meta` are the stored bytes, unchanged.
    public static func exportLine(_ event: RecordedEvent) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(event.data.utf8.count + event.meta.utf8.count + 420)
        func key(_ name: String) {
            out.append(contentsOf: (out.isEmpty ? "{\"" : ",\"").utf8)
            out.append(contentsOf: name.utf8)
            out.append(contentsOf: "\":".utf8)
        }
        func text(_ name: String, _ value: String) {
            key(name)
            JSONWriter.writeString(value, into: &out)
        }
        func number(_ name: String, _ value: Int64) {
            key(name)
            out.append(contentsOf: String(value).utf8)
        }
        number("position", event.position)
        text("eventId", event.eventId)
        text("stream", event.stream)
        number("streamVersion", event.streamVersion)
        number("expectedVersion", event.streamVersion - 1)
        text("type", event.type)
        number("schemaVersion", event.schemaVersion)
        text("occurredAt", event.occurredAt)
        text("recordedAt", event.recordedAt)
        key("data")
        out.append(contentsOf: event.data.utf8)
        key("meta")
        out.append(contentsOf: event.meta.utf8)
        text("prevHash", event.prevHash)
        text("hash", event.hash)
        out.append(UInt8(ascii: "}"))
        return String(decoding: out, as: UTF8.self)
    }
}
