import ArgumentParser
import EventStore

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create a new, empty ledger (never overwrites a file).")

    @OptionGroup var ledger: LedgerOptions

    func run() throws {
        _ = try EventStore.create(at: ledger.path)
        print("Created an empty ledger at \(ledger.path).")
    }
}
