import ArgumentParser
import EventStore
import Foundation
import Ledger

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Append JSONL envelopes from a file (or - for stdin), all in one transaction.",
        discussion: "If any line is refused, nothing is appended. Events already present (same eventId, same content) are skipped."
    )

    @OptionGroup var ledger: LedgerOptions

    @Argument(help: "A JSONL file of envelopes, or - for standard input.")
    var file: String

    func run() throws {
        let lines = try LineReader(path: file)
        let store = try ledger.openStore()
        let actor = ledger.actorName
        let (appended, alreadyPresent, head) = try store.appendValidated { appender in
            var lineNumber = 0
            while let line = lines.next() {
                lineNumber += 1
                if LineReader.isBlank(line) { continue }
                do {
                    try appender.append(try Envelope.parse(line: line, actor: actor))
                } catch let refusal as LedgerRefusal {
                    throw CommandFailure.refused(
                        "Line \(lineNumber), event \(refusal.eventId), field \(refusal.field): \(refusal.reason) (rule \(refusal.rule)); nothing was imported.")
                } catch let error as EventValidationError {
                    throw CommandFailure.refused(
                        "Line \(lineNumber), field \(error.field): \(error.reason); nothing was imported.")
                } catch let error as EventStoreError {
                    throw CommandFailure.refused("Line \(lineNumber), field \(error.field): \(error.description) Nothing was imported.")
                }
            }
            if let failure = lines.failure(afterLine: lineNumber, of: file, "nothing was imported") { throw failure }
            return (appender.appendedCount, appender.alreadyPresentCount, appender.currentHead)
        }
        print("Imported \(counted(Int(appended), "event")), \(alreadyPresent) already present; head \(head.position) \(head.hash).")
    }
}

extension EventStoreError {
    /// The envelope field a store refusal is about, for messages that name a line and a field.
    var field: String {
        switch self {
        case .wrongExpectedVersion: return "expectedVersion"
        case .eventIdReused: return "eventId"
        case .ledgerExists, .noLedger, .notALedger, .readOnlyNeedsUpgrade, .readOnly, .notAnExactCopy: return "(none)"
        }
    }
}
