import ArgumentParser
import Projections

struct ProjectionsUpdate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update", abstract: "Bring every read model up to the ledger's head (every report does this first).")

    @OptionGroup var ledger: LedgerOptions

    func run() throws {
        let engine = try ProjectionEngine(store: try ledger.openStore(), readModels: try ReadModelDatabase.open(at: ledger.readModelPath))
        ProgressDisplay.attach(to: engine)
        let summary = try engine.update()
        let stamp = try engine.stamp(for: [])
        print("Read models at position \(stamp.position) (hash \(stamp.hash)): \(counted(Int(summary.eventsRead), "event")) read in \(Terminal.seconds(summary.seconds)).")
    }
}
