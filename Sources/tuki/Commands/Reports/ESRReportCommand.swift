import ArgumentParser
import Projections
import Reports
import Vocabulary

extension Report.Language: ExpressibleByArgument {}

struct ESRReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "esr",
        abstract: "The ESR+ progress report of a project for a payment period (docs/esr-report.md).",
        discussion: """
            Participants and leavers with the EECO and EECR indicators by gender, people reached, sessions and hours, \
            experience-expert work, staff time and costs with the flat rate and the self-financing share. \
            --format csv writes what a Finnish spreadsheet opens (semicolons, decimal commas, UTF-8 with BOM); \
            add --csv-standard for RFC 4180.
            """)

    @OptionGroup var options: ReportOptions

    @Option(help: "The project (its stream, e.g. project-s30999).")
    var project: String

    @OptionGroup var period: PeriodOption

    @OptionGroup var smallCells: SmallCellOption

    func run() throws {
        guard let report = try options.make(.esr(project: project, from: period.from, to: period.to), suppressBelow: smallCells.suppressBelow)
        else { throw options.missing(Terminal.named("project", project)) }
        try options.write(report)
    }
}
