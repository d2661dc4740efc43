import EventStore

extension EventStore {
    /// Appends `events` as one batch, each checked by a `ValidatingAppender` (schema, then rules).
    @discardableResult
    public func appendValidated(_ events: [ProposedEvent]) throws -> [AppendOutcome] {
        try appendValidated { validating in try events.map { try validating.append($0) } }
    }

    /// Runs `body` in one write transaction with a `ValidatingAppender`: everything it appends,
    /// and the rules' state that follows from it, commits together, or nothing does if it throws.
    /// Used to stream a large import without holding it in memory.
    public func appendValidated<T>(_ body: (ValidatingAppender) throws -> T) throws -> T {
        let catalogue = try EventCatalogue.standard()
        return try append { appender in
            let validating = try ValidatingAppender(appender, catalogue: catalogue)
            let result = try body(validating)
            try validating.finish()
            return result
        }
    }
}
