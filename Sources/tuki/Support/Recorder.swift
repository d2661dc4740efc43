import EventStore
import Foundation
import Ledger

/// What the recording commands share: each maps its options onto a typed command of Ledger and
/// runs it through the same validation as `tuki import`, then prints the new id alone on standard
/// output (for scripts) and a sentence on standard error (for people).
struct Recorder {
    let ledger: LedgerOptions

    /// Runs the command through the validated path, all its events or none; returns what it
    /// recorded. `about` names the event at an index for a refusal ("the attendance of p-7k2m",
    /// pseudonymous ids only): the event's own id means nothing to a person, as it was never stored.
    @discardableResult
    func record(_ command: some RecordingCommand, about: (Int) -> String? = { _ in nil }) throws -> CommandRunner.Recorded {
        let store = try ledger.openStore()
        let runner = CommandRunner(store: store, catalogue: try EventCatalogue.standard(), keyStorePath: ledger.keyStorePath,
                                   masterKeyPath: ledger.keyFilePath, actor: ledger.actorName)
        var proposed: [ProposedEvent] = []
        do {
            return try runner.run(command) { events in
                proposed = events
                try store.appendValidated(events)
            }
        } catch let refusal as LedgerRefusal where !proposed.isEmpty {
            let index = proposed.firstIndex { $0.eventId.text == refusal.eventId }
            let named = index.flatMap(about) ?? (proposed.count == 1 ? "the \(proposed[0].type.text) event" : "one of the events")
            let nothing = proposed.count == 1 ? "" : " Nothing of the \(proposed.count) was recorded."
            throw CommandFailure.refused("Refused \(named): \(refusal.reason) (rule \(refusal.rule)).\(nothing)")
        } catch let error as CommandError {
            throw CommandFailure(error)
        }
    }

    static func announce(_ id: String, _ message: String) {
        print(id)
        Terminal.printError(message)
    }
}

extension CommandFailure {
    /// A command's domain error in the command line's words.
    init(_ error: CommandError) {
        switch error {
        case .notADay: self = .usage("A day given is not a day of the calendar; write it as YYYY-MM-DD.")
        case .bornAfterRegistration: self = .usage("--birth-date is after the registration day.")
        case .noUnusedIdentifier: self.init(message: "Could not find an unused identifier; try again.", status: .storage)
        case .noSuchEngagement: self = .usage("There is no such engagement in the ledger, so no day to take the rate of.")
        case let .noRate(table, year):
            self = .usage("The table Rates/\(table) has no rate for \(year), the year the work was done: give --rate with --reason, or add the year's rate to the table.")
        case .amountTooLarge: self = .usage("The amount is more than any payment: --km is more than any trip, or --days × --rate more than any per diem.")
        case let .noSessionScheduled(day): self = .usage("No session of the activity is scheduled on \(day); name the one to cancel with --session.")
        case let .severalSessionsScheduled(day, sessions):
            self = .usage("\(sessions.count) sessions of the activity are scheduled on \(day) (\(sessions.joined(separator: ", "))): name the one meant with --session.")
        case .noSuchEvent: self = .usage("No event's id starts with the characters given; `tuki log` shows the events' ids.")
        case .severalEventsMatch: self = .usage("More than one event's id starts with the characters given; give more of the id.")
        case .nothingToRecord: self = .usage("There is nothing to record: give what happened (a reason, a mark, an answer).")
        case .notEncodable: self = .usage("A number given is out of range.")
        }
    }
}

extension Euros {
    static func cents(_ text: String, field: String) throws -> Int {
        guard let cents = cents(text) else { throw CommandFailure.usage("--\(field) must be euros such as 90 or 90.50, from 0 to \(largest).") }
        return cents
    }
}

/// A number given with a point or a comma, checked: never negative (hours, kilometres, percentages).
func number(_ text: String, field: String) throws -> Double {
    guard let value = Double(text.replacingOccurrences(of: ",", with: ".")), value.isFinite, value >= 0 else {
        throw CommandFailure.usage("--\(field) must be a number of at least 0, such as 3 or 2.5.")
    }
    return value
}
