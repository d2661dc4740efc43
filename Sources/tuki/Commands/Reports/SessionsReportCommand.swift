import ArgumentParser
import Projections
import Reports

struct SessionsReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sessions",
        abstract: "Per activity the sessions held and cancelled; per session who was present, absent or excused, headcounts and attendance rates.")

    @OptionGroup var options: ReportOptions

    @Option(help: "Only this activity (its stream, e.g. activity-tahka-forssa-2026).")
    var activity: String?

    @Option(help: ArgumentHelp("Only sessions on or after this date.", valueName: "date"))
    var from: String?

    @Option(help: ArgumentHelp("Only sessions on or before this date.", valueName: "date"))
    var to: String?

    func validate() throws {
        try validateDate(from, "--from")
        try validateDate(to, "--to")
        if let from, let to, from > to { throw ValidationError("--from must not be after --to.") }
    }

    func run() throws {
        guard let report = try options.make(.sessions(activity: activity, from: from, to: to)) else {
            throw options.missing(Terminal.named("activity", activity ?? ""))
        }
        try options.write(report)
    }
}
