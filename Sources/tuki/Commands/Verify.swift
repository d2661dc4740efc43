import ArgumentParser
import EventStore

struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check every position, stream version and hash of the ledger.",
        discussion: "Prints `ok N events, head POSITION HASH` and exits 0, or names the first bad position and exits 1."
    )

    @OptionGroup var ledger: LedgerOptions

    func run() throws {
        let store = try ledger.openStore()
        switch try store.verify() {
        case let .intact(count, head):
            print("ok \(count) events, head \(head.position) \(head.hash)")
        case let .broken(position, problem):
            print("FAILED at position \(position): \(problem)")
            throw ExitCode(ExitStatus.verificationFailed.rawValue)
        }
    }
}
