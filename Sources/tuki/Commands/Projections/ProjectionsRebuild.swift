import ArgumentParser
import Foundation
import Projections

struct ProjectionsRebuild: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rebuild",
        abstract: "Drop read models and build them again from position 1.",
        discussion: """
            With --as-of or --at-position the read models are built in a temporary file and the live ones are left \
            alone; --into keeps that file for analysis.
            """)

    @OptionGroup var ledger: LedgerOptions
    @OptionGroup var replay: ReplayOptions

    @Option(help: ArgumentHelp("Build into this new file instead of the live read models, and keep it.", valueName: "path"))
    var into: String?

    @Argument(help: ArgumentHelp("The projectors to rebuild (all if none): see `tuki projections status`.", valueName: "name"))
    var names: [String] = []

    func validate() throws {
        if let into, FileManager.default.fileExists(atPath: into) {
            throw ValidationError("\(into) already exists; --into writes a new file.")
        }
    }

    func run() throws {
        let store = try ledger.openStore()
        let separate = replay.isReplay || into != nil
        let readModels = separate ? try ReadModelDatabase.temporary() : try ReadModelDatabase.open(at: ledger.readModelPath)
        let engine = try ProjectionEngine(store: store, readModels: readModels)
        ProgressDisplay.attach(to: engine)
        let point = try replay.point(in: store)
        let summary = try engine.rebuild(names, to: point?.position)
        let rate = summary.seconds > 0 ? Int(Double(summary.eventsRead) / summary.seconds) : summary.eventsRead
        var sentence = "Rebuilt \(summary.rebuilt.joined(separator: ", ")) to position \(summary.toPosition)"
        if let asOf = point?.stamp.asOf { sentence += " (as of \(asOf))" }
        sentence += ": \(counted(Int(summary.eventsRead), "event")) in \(Terminal.seconds(summary.seconds)), \(rate) events/s"
        if let into {
            try readModels.keep(at: into)
            sentence += "; kept in \(into)"
        } else if separate {
            sentence += "; the live read models were left alone"
        }
        print(sentence + ".")
    }
}
