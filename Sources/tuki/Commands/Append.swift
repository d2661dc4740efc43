import ArgumentParser
import EventStore

struct Append: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Append one event to a stream.")

    @OptionGroup var ledger: LedgerOptions

    @Option(help: "The stream, e.g. activity-tahka-forssa-2026.")
    var stream: String

    @Option(help: "The event type, e.g. session.held.")
    var type: String

    @Option(help: "The event's data: a JSON object.")
    var data: String

    @Option(help: "When it happened, RFC 3339 (default: now, to the second).")
    var occurredAt: String?

    @Option(help: "The stream's version before this event; refused if it is not.")
    var expectedVersion: Int64?

    @Option(help: "The event's UUID, the idempotency key (default: a new one).")
    var eventId: String?

    @Option(help: "The version of the event type's schema.")
    var schemaVersion: Int64 = 1

    func run() throws {
        let event = try ProposedEvent(
            eventId: eventId,
            stream: stream,
            type: type,
            schemaVersion: schemaVersion,
            occurredAt: occurredAt ?? Timestamp.now().occurredAtText,
            expectedVersion: expectedVersion,
            data: data,
            meta: JSONWriter.compact(.object([(key: "actor", value: .string(ledger.actorName))]))
        )
        let store = try ledger.openStore()
        let outcomes = try store.append([event])
        switch outcomes.first {
        case let .appended(position, streamVersion):
            print("Appended event \(event.eventId) at position \(position), stream \(event.stream) version \(streamVersion).")
        case let .alreadyPresent(position):
            print("Event \(event.eventId) is already present at position \(position); nothing was appended.")
        case nil:
            break
        }
    }
}
