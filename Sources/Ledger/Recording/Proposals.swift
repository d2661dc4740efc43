import EventStore

extension EventCatalogue {
    /// An event a person records, at its type's latest schema version, with who recorded it in
    /// `meta.actor`: what the recording commands and the server append.
    public func proposal(stream: String, type: String, occurredAt: Timestamp, data: JSONValue, actor: String,
                         eventId: EventID = .random()) throws -> ProposedEvent {
        try ProposedEvent(eventId: eventId, stream: try StreamName(stream), type: try EventType(type), schemaVersion: latestVersions[type] ?? 1,
                          occurredAt: occurredAt, data: data, meta: .object([(key: "actor", value: .string(actor))]))
    }

    /// Checks data against its type's latest schema alone, before anything irreversible (sealing
    /// a person's data under a new key) is done.
    public func checkAgainstLatest(_ type: String, _ data: JSONValue) throws(LedgerRefusal) {
        do {
            try validate(type: type, version: latestVersions[type] ?? 1, data: data)
        } catch {
            throw LedgerRefusal(eventId: "(new)", error)
        }
    }
}
