import EventStore

extension EventStore {
    /// Appends `events` as one batch, each checked by a `ValidatingAppender` (schema, then rules).
    @discardableResult
    public func appendValidated(_ events: [ProposedEvent]) throws -> [AppendOutcome] {
        let catalogue = try EventCatalogue.standard()
        return try append { appender in
            let validating = try ValidatingAppender(appender, catalogue: catalogue)
            return try events.map { try validating.append($0) }
        }
    }
}
