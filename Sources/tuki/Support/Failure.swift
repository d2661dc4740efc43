import ArgumentParser
import EventStore
import GRDB
import Ledger
import Projections
import Server

/// Tuki's exit codes (README.md, "Exit codes").
enum ExitStatus: Int32 {
    case ok = 0
    case verificationFailed = 1
    case usage = 2
    case refused = 3
    case storage = 4
}

/// An error a command raises on purpose, with the sentence the user reads and the exit status.
struct CommandFailure: Error {
    let message: String
    let status: ExitStatus

    static func usage(_ message: String) -> CommandFailure { CommandFailure(message: message, status: .usage) }
    static func refused(_ message: String) -> CommandFailure { CommandFailure(message: message, status: .refused) }
}

/// Turns any error that reaches `main` into a message and an exit status.
struct Failure {
    let message: String?
    let code: ExitStatus

    init(_ error: any Error) {
        switch error {
        case let failure as CommandFailure:
            (message, code) = (failure.message, failure.status)
        case let error as EventStoreError:
            switch error {
            case .noLedger: (message, code) = (String(error.description.dropLast()) + "; create one with `tuki init`.", .usage)
            case .notALedger, .readOnlyNeedsUpgrade: (message, code) = (error.description, .usage)
            case .readOnly: (message, code) = (error.description, .storage)
            case .ledgerExists, .wrongExpectedVersion, .eventIdReused, .notAnExactCopy: (message, code) = (error.description, .refused)
            }
        case let refusal as LedgerRefusal:
            let event = refusal.eventId == "(new)" ? "The new event" : "The event \(refusal.eventId)"
            (message, code) = ("\(event) was refused: \(refusal.reason) (rule \(refusal.rule)).", .refused)
        case let error as PrivacyError:
            switch error {
            case .noMasterKey: (message, code) = (String(error.description.dropLast()) + "; give it with --key-file or TUKI_KEY_FILE.", .usage)
            case .unreadableMasterKey, .noKeyStore, .notAKeyStore: (message, code) = (error.description, .usage)
            default: (message, code) = (error.description, .refused)
            }
        case let error as ProjectionError:
            switch error {
            case .undecodable, .totalBeyondRange: (message, code) = (error.description, .storage)
            default: (message, code) = (error.description, .usage)
            }
        case let error as CredentialsError:
            (message, code) = (error.description, .storage)
        case let error as EventValidationError:
            (message, code) = ("The event was refused: \(error.field) \(error.reason).", .refused)
        case let error as DatabaseError:
            // Only SQLite's own message: GRDB's full description can quote the statement.
            (message, code) = ("The ledger database reported an error: \(error.message ?? "unknown error").", .storage)
        case let exit as ExitCode:
            (message, code) = (nil, ExitStatus(rawValue: exit.rawValue) ?? .refused)
        default:
            let parserExit = Tuki.exitCode(for: error)
            if parserExit == .success {
                (message, code) = (Tuki.fullMessage(for: error), .ok)
            } else if parserExit == .validationFailure {
                (message, code) = (Self.withoutValue(Tuki.fullMessage(for: error)), .usage)
            } else {
                (message, code) = ("Tuki could not finish: \(error.localizedDescription)", .storage)
            }
        }
    }

    /// The parser's "The value 'x' is invalid for '--option'" without the value: messages never
    /// echo what was typed (it may be personal data typed into the wrong option).
    static func withoutValue(_ message: String) -> String {
        guard let start = message.range(of: "The value '"), let end = message.range(of: "' is invalid", range: start.upperBound..<message.endIndex)
        else { return message }
        return message.replacingCharacters(in: start.lowerBound..<end.upperBound, with: "The value given is invalid")
    }
}
