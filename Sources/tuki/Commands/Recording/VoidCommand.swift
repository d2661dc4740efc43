import ArgumentParser
import EventStore
import Ledger
import Foundation

struct VoidCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "void",
        abstract: "Void an event entered by mistake; prints the void's event id.",
        discussion: """
            The event stays in the log, and an entry.voided beside it (on its stream) says it does not \
            count: reports and the rules leave it out from then on. EVENT-ID is the id, or any start of \
            it that names one event (`tuki log` shows the first 13 characters). A void is final; \
            readings of personal data and erasures cannot be voided.
            """)

    @OptionGroup var ledger: LedgerOptions
    @Argument(help: "The event's id, or the start of it.") var eventId: String
    @Option(help: "Why it does not count (e.g. \"the same receipt was entered twice\").") var reason: String

    func run() throws {
        guard !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw CommandFailure.usage("--reason must say why the event does not count.")
        }
        let recorded = try Recorder(ledger: ledger).record(VoidEntry(eventId: eventId, reason: reason))
        let target = try ledger.openStore().read { try $0.event(withId: recorded.id) }
        Recorder.announce(recorded.eventIds.first ?? "", "Voided \(target.map(Self.summary) ?? recorded.id).")
    }

    /// What a person needs to recognise an event, without personal data: its type, stream, day
    /// and the few members that are codes, ids, dates or amounts (never free text, never a
    /// sealed value).
    static func summary(of event: RecordedEvent) -> String {
        var parts = ["\(event.type) \(event.eventId)", "on \(event.stream)", "of \(event.occurredAt.prefix(10))"]
        let data = try? JSONParser.parse(event.data)
        var details: [String] = []
        for key in ["session", "participant", "engagement", "date", "status", "category", "outcome", "instrument", "stage", "hours"] {
            if let value = data?[key], let text = value.stringValue ?? value.numberText { details.append("\(key) \(text)") }
        }
        for key in ["amountCents", "agreedFeeCents"] {
            if let cents = data?[key]?.integerValue { details.append("\(key == "amountCents" ? "amount" : "agreed fee") \(Euros.text(Int(cents)))") }
        }
        if !details.isEmpty { parts.append("(" + details.joined(separator: ", ") + ")") }
        return parts.joined(separator: " ")
    }
}

extension JSONValue {
    /// A number's literal, for showing it as it was written.
    var numberText: String? {
        if case let .number(literal) = self { return literal }
        return nil
    }
}
