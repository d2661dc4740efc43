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
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw CommandFailure.usage("--reason must say why the event does not count.") }
        let prefix = eventId.lowercased()
        let matches = try ledger.openStore().read { try $0.events(withIdStarting: prefix, limit: 2) }
        guard let target = matches.first else {
            throw CommandFailure.usage("No event's id starts with the characters given; `tuki log` shows the events' ids.")
        }
        guard matches.count == 1 else {
            throw CommandFailure.usage("More than one event's id starts with the characters given; give more of the id.")
        }
        let recorder = Recorder(ledger: ledger)
        let ids = try recorder.record([.init(
            stream: target.stream, type: "entry.voided",
            data: object([("eventId", target.eventId.json), ("reason", reason.json)]),
            occurredAt: Timestamp.now().wholeSeconds.occurredAtText)])
        Recorder.announce(ids.first ?? "", "Voided \(Self.summary(of: target)).")
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
