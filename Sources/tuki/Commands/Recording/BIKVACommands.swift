import ArgumentParser
import EventStore
import Ledger

struct BIKVACommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bikva", abstract: "Record the stages of a BIKVA evaluation, their approval and the follow-up of agreed changes.",
        subcommands: [BIKVAStage.self, BIKVAApprove.self, BIKVAFollowUp.self])
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
        let approved: [BIKVAThemes.Theme]
        do { approved = try BIKVAThemesFile.read(path: themes) } catch let problem as BIKVAThemes.Problem {
            throw CommandFailure.usage(problem.message)
        }
        let recorded = try Recorder(ledger: ledger).record(RecordBIKVAStage(
            evaluation: evaluation, project: project, stage: stage, groupSize: groupSize, themes: approved, date: date))
        Recorder.announce(recorded.eventIds[0], "Recorded stage \(stage) of BIKVA evaluation \(evaluation) with \(counted(approved.count, "theme")).")
    }
}

struct BIKVAApprove: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approve", abstract: "Record that a stage's group approved the wording passed on; prints the event's id.",
        discussion: "Optional in the method: record it when the project lets each group approve its summary (docs/evaluation.md).")
    @OptionGroup var ledger: LedgerOptions
    @Argument(help: "The evaluation's id.") var evaluation: String
    @Option(help: "The stage whose group approved, 1–4.") var stage: Int
    @Option(help: "The day of the approval, YYYY-MM-DD (default: today).") var date: String?

    func run() throws {
        let recorded = try Recorder(ledger: ledger).record(ApproveBIKVAWording(evaluation: evaluation, stage: stage, date: date))
        Recorder.announce(recorded.eventIds[0], "Recorded the approval of stage \(stage) of BIKVA evaluation \(evaluation).")
    }
}

struct BIKVAFollowUp: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "follow-up", abstract: "Record what became of a change agreed at a stage: done, partly or not done; prints the event's id.")
    @OptionGroup var ledger: LedgerOptions
    @Argument(help: "The evaluation's id.") var evaluation: String
    @Option(help: "The stage at which the change was agreed, 1–4.") var stage: Int
    @Option(help: "The theme, as the stage recorded it (case and spacing do not matter).") var theme: String
    @Option(help: "What became of the change.") var status: BIKVAChangeFollowedUp.Status
    @Option(help: "What was done, in words naming no one (it stands in clear).") var note: String?
    @Option(help: "The day of the follow-up, YYYY-MM-DD (default: today).") var date: String?

    func run() throws {
        let recorded = try Recorder(ledger: ledger).record(FollowUpBIKVAChange(
            evaluation: evaluation, stage: stage, theme: theme, status: status, note: note, date: date))
        Recorder.announce(recorded.eventIds[0], "Recorded the follow-up of a change agreed at stage \(stage) of BIKVA evaluation \(evaluation).")
    }
}
