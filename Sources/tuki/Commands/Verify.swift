import ArgumentParser
import EventStore

struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check every position, stream version and hash of the ledger.",
        discussion: """
            Prints `ok N events, head POSITION HASH` and exits 0, or names the first bad position and exits 1.             With --export FILE it checks an export file by itself, without a ledger: positions, links, stream             versions and every hash, and the head it ends at.
            """
    )

    @OptionGroup var ledger: LedgerOptions

    @Option(help: ArgumentHelp("An export file (tuki export) to check by itself, or - for standard input.", valueName: "file"))
    var export: String?

    func run() throws {
        if let export { return try verifyExport(export) }
        let store = try ledger.openStore()
        switch try store.verify() {
        case let .intact(count, head):
            print("ok \(counted(Int(count), "event")), head \(head.position) \(head.hash)")
        case let .broken(position, problem):
            print("FAILED at position \(position): \(problem)")
            throw ExitCode(ExitStatus.verificationFailed.rawValue)
        }
    }

    private func verifyExport(_ file: String) throws {
        let lines = try LineReader(path: file)
        var chain = ExportChain()
        var number = 0
        do {
            while let line = lines.next() {
                number += 1
                if LineReader.isBlank(line) { continue }
                try chain.append(try ExportChain.event(fromExportLine: line, number: number))
            }
        } catch let error as ExportChain.Break {
            print("FAILED at \(error)")
            throw ExitCode(ExitStatus.verificationFailed.rawValue)
        }
        if let failure = lines.failure(afterLine: number, of: file, "nothing was verified") { throw failure }
        let from = chain.startsAtGenesis ? "" : " (from position \(chain.head.position - Int64(chain.count) + 1): its first prev_hash taken as given)"
        print("ok \(counted(Int(chain.count), "event")), head \(chain.head.position) \(chain.head.hash)\(from)")
    }
}
