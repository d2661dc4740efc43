import ArgumentParser
import EventStore

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the stored events as JSONL envelopes (with position, recordedAt and hashes).")

    @OptionGroup var ledger: LedgerOptions

    @Option(help: "The first position to export.")
    var from: Int64 = 1

    func validate() throws {
        guard from >= 1 else { throw ValidationError("--from must be a position of at least 1.") }
    }

    func run() throws {
        let store = try ledger.openStore()
        let output = OutputBuffer()
        try store.read { reader in
            try reader.events(from: from).forEach { output.writeLine(Envelope.exportLine($0)) }
        }
        try output.finish()
    }
}
