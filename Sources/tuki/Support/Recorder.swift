import EventStore
import Foundation
import Ledger

/// What the recording commands share: they build domain events from options and append them
/// through the same validation as `tuki import`, then print the new id alone on standard output
/// (for scripts) and a sentence on standard error (for people).
struct Recorder {
    let ledger: LedgerOptions

    struct Draft {
        let stream: String
        let type: String
        let data: JSONValue
        /// Business time; a day's events are dated at its start (UTC).
        let occurredAt: String
        /// What a refusal calls this event, e.g. "the attendance of p-7k2m" (pseudonymous ids
        /// only): the event's own id means nothing to a person, as it was never stored.
        var about: String?
    }

    /// Appends the drafts as one batch, each at its type's latest schema version; returns their
    /// event ids.
    @discardableResult
    func record(_ drafts: [Draft]) throws -> [String] {
        let catalogue = try EventCatalogue.standard()
        let events = try drafts.map { draft in
            guard let occurredAt = try? Timestamp(rfc3339: draft.occurredAt) else {
                throw CommandFailure.usage("A day given is not a day of the calendar; write it as YYYY-MM-DD.")
            }
            return try catalogue.proposal(stream: draft.stream, type: draft.type, occurredAt: occurredAt, data: draft.data,
                                          actor: ledger.actorName)
        }
        do {
            try ledger.openStore().appendValidated(events)
        } catch let refusal as LedgerRefusal {
            let index = events.firstIndex { $0.eventId.text == refusal.eventId }
            let about = index.flatMap { drafts[$0].about } ?? (drafts.count == 1 ? "the \(drafts[0].type) event" : "one of the events")
            let nothing = drafts.count == 1 ? "" : " Nothing of the \(drafts.count) was recorded."
            throw CommandFailure.refused("Refused \(about): \(refusal.reason) (rule \(refusal.rule)).\(nothing)")
        }
        return events.map(\.eventId.text)
    }

    func personalData() throws -> PersonalData { try ledger.personalData() }

    /// Checks data against its type's schema alone, before anything irreversible (sealing) is done.
    func check(_ type: String, _ data: JSONValue) throws {
        try EventCatalogue.standard().checkAgainstLatest(type, data)
    }

    /// A new identifier `PREFIX-xxxxxx` whose stream the ledger has never used.
    func newIdentifier(prefix: String, stream: (String) -> String = { $0 }) throws -> String {
        guard let id = try ledger.openStore().unusedIdentifier(prefix: prefix, stream: stream) else {
            throw CommandFailure(message: "Could not find an unused identifier; try again.", status: .storage)
        }
        return id
    }

    static func announce(_ id: String, _ message: String) {
        print(id)
        Terminal.printError(message)
    }

    static func day(_ date: String) -> String { "\(date)T00:00:00Z" }

    /// Today in Finland: the day a thing done without `--date` is dated on.
    static func today() -> String { FinnishTime.today() }
}

/// Builds a JSON object from optional members, leaving out the nil ones.
func object(_ members: [(String, JSONValue?)]) -> JSONValue {
    .object(omittingNil: members)
}

extension String {
    var json: JSONValue { .string(self) }
}

extension Int {
    var json: JSONValue { .number(String(self)) }
}

extension Euros {
    static func cents(_ text: String, field: String) throws -> Int {
        guard let cents = cents(text) else { throw CommandFailure.usage("--\(field) must be euros such as 90 or 90.50, from 0 to \(largest).") }
        return cents
    }
}

/// A number as its JSON literal, checked: never negative (hours, kilometres, percentages).
func decimal(_ text: String, field: String) throws -> JSONValue {
    let normalised = text.replacingOccurrences(of: ",", with: ".")
    guard let value = Double(normalised), value.isFinite, value >= 0, (try? JSONParser.parse(normalised)) != nil else {
        throw CommandFailure.usage("--\(field) must be a number of at least 0, such as 3 or 2.5.")
    }
    return .number(normalised)
}
