import ArgumentParser
import EventStore
import Ledger

struct Append: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "append", abstract: "Append one event to a stream.")

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

    @Option(help: "Seal --personal for this subject (a pseudonymous id) into data.personal.")
    var sealFor: String?

    @Option(help: "Personal fields (a JSON object) to seal; stored only encrypted.")
    var personal: String?

    func validate() throws {
        guard (sealFor == nil) == (personal == nil) else {
            throw ValidationError("--seal-for and --personal go together.")
        }
    }

    func run() throws {
        let store = try ledger.openStore()
        let data = try sealPersonalFields(into: data, store: store)
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
        switch try store.appendValidated([event]).first {
        case let .appended(position, streamVersion):
            print("Appended event \(event.eventId) at position \(position), stream \(event.stream) version \(streamVersion).")
        case let .alreadyPresent(position):
            print("Event \(event.eventId) is already present at position \(position); nothing was appended.")
        case nil:
            break
        }
    }

    /// With --seal-for, adds `personal` to the data: the fields sealed with the subject's key.
    private func sealPersonalFields(into data: String, store: EventStore) throws -> String {
        guard let sealFor, let personal else { return data }
        let subject = try SubjectID(sealFor)
        guard case let .object(members) = try JSONParser.parse(data, field: "data") else {
            throw EventValidationError(field: "data", reason: "must be a JSON object")
        }
        guard !members.contains(where: { $0.key == "personal" }) else {
            throw EventValidationError(field: "data.personal", reason: "is set by --personal; leave it out of --data")
        }
        let vault = PersonalData(store: store, keyStorePath: ledger.keyStorePath, masterKeyPath: ledger.keyFilePath)
        let sealed = try vault.seal(try JSONParser.parse(personal, field: "personal"), for: subject)
        return JSONWriter.compact(.object(members + [(key: "personal", value: sealed.json)]))
    }
}
