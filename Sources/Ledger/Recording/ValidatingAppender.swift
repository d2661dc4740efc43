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
/// version, fields, types), then the programme's rules against the ledger's state including the
/// events appended before it in the same batch. Any refusal throws, and the transaction — the
/// whole batch — rolls back.
public final class ValidatingAppender {
    private let appender: EventAppender
    private let catalogue: EventCatalogue
    private var state: ProgrammeState

    /// Folds the whole log into the rules' state, ignoring voided events.
    public init(_ appender: EventAppender, catalogue: EventCatalogue) throws {
        self.appender = appender
        self.catalogue = catalogue
        state = try Self.fold(appender.reader, catalogue: catalogue)
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
        do {
            try Rules.check(fact, against: state, eventType: { (try? appender.reader.event(withId: $0))??.type })
        } catch {
            throw LedgerRefusal(eventId: eventId, field: "data.\(error.field)", rule: error.rule, reason: "data.\(error.field) \(error.reason)")
        }
        let outcome = try appender.appendNew(proposed)
        state.evolve(fact)
        return outcome
    }

    static func fold(_ reader: EventReader, catalogue: EventCatalogue) throws -> ProgrammeState {
        var voided = Set<String>()
        try reader.events(type: "entry.voided").forEach { event in
            if case let .entryVoided(void)? = try? catalogue.read(
                type: event.type, version: event.schemaVersion, data: JSONParser.parse(event.data)) {
                voided.insert(void.eventId)
            }
        }
        var state = ProgrammeState()
        try reader.events().forEach { event in
            guard !voided.contains(event.eventId),
                  let domainEvent = try? catalogue.read(type: event.type, version: event.schemaVersion, data: JSONParser.parse(event.data))
            else { return }
            state.evolve(Fact(stream: event.stream, eventId: event.eventId, event: domainEvent))
        }
        return state
    }
}
