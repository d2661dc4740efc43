import ArgumentParser
import EventStore
import Foundation
import Ledger

struct Restore: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Make an exact copy of a ledger from its export: the same positions, recording times and hashes.",
        discussion: """
            FILE is the whole output of `tuki export` (or - for standard input). The new ledger at --db must \
            not exist yet. Every line must continue the chain (positions, links, stream versions, hashes): \
            the copy ends at the same head as the ledger exported, which `tuki verify` prints. The chain is \
            checked, not today's rules: the copy keeps the history as it was recorded, readings and erasures \
            included. Personal data stays sealed: copy the key store and master key too (docs/privacy.md).
            """)

    @OptionGroup var ledger: LedgerOptions

    @Argument(help: "The export, a JSONL file, or - for standard input.")
    var file: String

    func run() throws {
        let lines = try LineReader(path: file)
        let path = ledger.path
        let store = try EventStore.create(at: path)
        do {
            let (count, head) = try store.append { appender in
                var chain = ExportChain()
                var number = 0
                while let line = lines.next() {
                    number += 1
                    if LineReader.isBlank(line) { continue }
                    do {
                        let event = try ExportChain.event(fromExportLine: line, number: number)
                        try chain.append(event)
                        try appender.appendVerbatim(event)
                    } catch let error as ExportChain.Break {
                        throw CommandFailure.refused("The export breaks at \(error); nothing was restored.")
                    }
                }
                if let failure = lines.failure(afterLine: number, of: file, "nothing was restored") { throw failure }
                guard chain.startsAtGenesis else { throw CommandFailure.refused("The export does not begin at position 1 (an export --from N cannot be restored); nothing was restored.") }
                return (chain.count, chain.head)
            }
            // The rules' state of the copy, folded from its log now rather than on its first write.
            try store.appendValidated { _ in }
            print("Restored \(counted(Int(count), "event")), head \(head.position) \(head.hash).")
        } catch {
            for companion in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + companion) }
            throw error
        }
    }
}
