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
        guard let report = try options.make(.commitment(activity: activity)) else { throw options.missing(Terminal.named("activity", activity)) }
        try options.write(report)
    }
}
