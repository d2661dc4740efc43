import ArgumentParser
import EventStore

struct BIKVACommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bikva", abstract: "Record the stages of a BIKVA evaluation.", subcommands: [BIKVAStage.self])
}

struct BIKVAStage: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stage", abstract: "Record one stage with the themes its group approved; prints the event's id.",
        discussion: """
            Stages: 1 clients' group interview, 2 frontline workers, 3 management, 4 decision makers. \
            The themes come from a CSV or Markdown file (docs/bikva-themes.md); they stand in clear, \
            so they must be the group's approved wording, naming no one.
            """)
    @OptionGroup var ledger: LedgerOptions
    @Argument(help: "The evaluation's id, e.g. kokooma-2026 (lower-case letters, digits, -).") var evaluation: String
    @Option(help: "The project's id (project-…).") var project: String
    @Option(help: "1, 2, 3 or 4.") var stage: Int
    @Option(help: "How many took part in the group.") var groupSize: Int
    @Option(help: ArgumentHelp("The themes: a .csv file, else Markdown.", valueName: "path")) var themes: String
    @Option(help: "The day of the group, YYYY-MM-DD (default: today).") var date: String?

    func run() throws {
        let day = date ?? Recorder.today()
        let approved: [BIKVAThemesFile.Theme]
        do { approved = try BIKVAThemesFile.read(path: themes) } catch let problem as BIKVAThemesFile.Problem {
            throw CommandFailure.usage(problem.message)
        }
        let ids = try Recorder(ledger: ledger).record([.init(stream: "bikva-\(evaluation)", type: "bikva.stage-recorded", data: object([
            ("evaluation", evaluation.json), ("project", project.json), ("stage", stage.json), ("date", day.json),
            ("groupSize", groupSize.json), ("themes", .array(approved.map(\.json))),
        ]), occurredAt: Recorder.day(day))])
        Recorder.announce(ids[0], "Recorded stage \(stage) of BIKVA evaluation \(evaluation) with \(counted(approved.count, "theme")).")
    }
}
