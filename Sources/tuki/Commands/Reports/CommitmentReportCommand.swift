import ArgumentParser
import Projections
import Reports

struct CommitmentReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "commitment",
        abstract: "Signed up, started, graduated, dropped out, and the commitment rate of a group or training cohort.")

    @OptionGroup var options: ReportOptions

    @Option(help: "The activity (its stream, e.g. activity-kokemuskumppani-team-1).")
    var activity: String

    func run() throws {
        let prepared = try PreparedReadModels.prepare(options.ledger, options.replay, projectors: ["sessions", "commitment"], verifyingChain: options.verify)
        guard let figures = try prepared.readModels.read({ db in try CommitmentReadModel.figures(of: activity, in: db) }) else {
            throw CommandFailure.usage("There is no \(Terminal.named("activity", activity)) in the ledger\(options.replay.isReplay ? " at that point" : "").")
        }
        try options.write(CommitmentReport.make(figures, language: options.lang, stamp: prepared.stamp))
    }
}
