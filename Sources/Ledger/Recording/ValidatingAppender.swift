import EventStore

/// Why the ledger refused an event: its id, the field, the rule, and a plain reason.
public struct LedgerRefusal: Error, Sendable, CustomStringConvertible {
    public let eventId: String
    public let field: String
    public let rule: String
    public let reason: String

    public var description: String { "event \(eventId), field \(field): \(reason) (rule \(rule))" }

    init(eventId: String, field: String, rule: String, reason: String) {
        self.eventId = eventId
        self.field = field
        self.rule = rule
        self.reason = reason
    }

    /// A refusal by the event's schema.
    public init(eventId: String, _ error: CatalogueError) {
        let rule = if case let .invalid(_, _, violation) = error { "schema.\(violation.keyword)" } else { "schema" }
        self.init(eventId: eventId, field: error.field, rule: rule, reason: error.description)
    }
}

/// Appends domain events inside one write transaction, each checked in turn: its schema (type,
/// version, fields, types), then the programme's rules against the rules' state, which includes
/// the events appended before it in the same batch. Any refusal throws, and the transaction — the
/// whole batch — rolls back.
///
/// The rules' state is read entry by entry from the ledger file (`RulesStateStore`), not folded
/// from the log, so a write costs the same however long the history. `finish()` writes the state
/// of this batch's events; `EventStore.appendValidated` calls it before the transaction commits.
public final class ValidatingAppender {
    private let appender: EventAppender
    private let catalogue: EventCatalogue
    private let rulesState: RulesStateStore
    /// The Finnish day the batch is recorded on: nothing done may be dated after it.
    private let today: String

    public init(_ appender: EventAppender, catalogue: EventCatalogue, today: String = FinnishTime.today()) throws {
        self.appender = appender
        self.catalogue = catalogue
        self.today = today
        rulesState = RulesStateStore(appender, catalogue: catalogue)
        try rulesState.bringUpToDate()
    }

    public var appendedCount: Int { appender.appendedCount }
    public var alreadyPresentCount: Int { appender.alreadyPresentCount }
    public var currentHead: LedgerHead { appender.currentHead }

    @discardableResult
    public func append(_ proposed: ProposedEvent) throws -> AppendOutcome {
        let eventId = proposed.eventId.text
        let event: DomainEvent
        do {
            event = try catalogue.read(type: proposed.type.text, version: proposed.schemaVersion, data: proposed.dataValue)
        } catch {
            throw LedgerRefusal(eventId: eventId, error)
        }
        // A re-sent event is the store's business (a no-op, or refused if its content changed):
        // the rules judged it when it was first recorded.
        if try appender.contains(eventId: eventId) { return try appender.append(proposed) }

        let fact = Fact(stream: proposed.stream.text, eventId: eventId, event: event)
        try rulesState.prepare(for: fact)
        let reader = appender.reader
        do {
            try Rules.check(fact, against: rulesState.state, today: today, loggedEvent: { id in
                (try? reader.event(withId: id)).flatMap { $0.map { LoggedEvent(type: $0.type, stream: $0.stream) } }
            })
        } catch {
            throw LedgerRefusal(eventId: eventId, field: error.field, rule: error.rule, reason: error.sentence)
        }
        let outcome = try appender.appendNew(proposed)
        if case let .appended(position, _) = outcome { try rulesState.apply(fact, at: position) }
        return outcome
    }

    /// Appends one request's events all or none, inside the batch's transaction: each is checked
    /// against the rules' state as the batch stands, and a refusal of any rolls back this request
    /// alone (a savepoint), leaving the batch's other requests and the state as they were.
    @discardableResult
    public func attempt(_ events: [ProposedEvent]) throws -> [AppendOutcome] {
        let memory = rulesState.memory
        do {
            return try appender.withSavepoint { try events.map { try append($0) } }
        } catch {
            rulesState.memory = memory
            throw error
        }
    }

    /// Writes the rules' state of the events appended so far; the transaction must not commit
    /// without it being called last (a state left behind is caught up on the next write).
    public func finish() throws {
        try rulesState.flush()
    }
}
