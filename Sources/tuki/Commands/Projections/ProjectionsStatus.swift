import ArgumentParser
import Projections

struct ProjectionsStatus: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Each projector, its version, its checkpoint and how far it lags behind the head.")

    @OptionGroup var ledger: LedgerOptions

    func run() throws {
        let engine = try ProjectionEngine(store: try ledger.openStore(), readModels: try ReadModelDatabase.open(at: ledger.readModelPath))
        let (head, projectors) = try engine.status()
        let width = max(9, projectors.map(\.name.count).max() ?? 0)
        print(Terminal.pad("PROJECTOR", width) + "  VERSION  " + Terminal.pad("CHECKPOINT", 10, right: true) + "  "
              + Terminal.pad("LAG", 8, right: true) + "  STATE")
        for projector in projectors {
            let state: String
            if projector.builtVersion == nil {
                state = "not built"
            } else if !projector.matchesLedger {
                state = "rebuild due (built from another ledger)"
            } else if let built = projector.builtVersion, built != projector.version {
                state = "rebuild due (built by version \(built))"
            } else {
                state = projector.lag == 0 ? "up to date" : "behind"
            }
            print(Terminal.pad(projector.name, width) + "  " + Terminal.pad(String(projector.version), 7, right: true) + "  "
                  + Terminal.pad(String(projector.checkpoint), 10, right: true) + "  "
                  + Terminal.pad(String(projector.lag), 8, right: true) + "  " + state)
        }
        print("\nLedger head \(head.position) \(head.hash); read models in \(engine.readModels.path)")
    }
}
