import ArgumentParser
import Projections
import Reports

struct BIKVAReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bikva",
        abstract: "A BIKVA evaluation theme by theme: what clients said, how each level answered, the changes agreed and followed up (docs/evaluation.md).",
        discussion: "The HTML is a document to attach to a final report. The hash chain is verified first.")

    @OptionGroup var options: ReportOptions
    @OptionGroup var smallCells: SmallCellOption
    @Option(help: "The evaluation's id.") var evaluation: String

    func run() throws {
        guard let report = try options.make(.bikva(evaluation: evaluation), suppressBelow: smallCells.suppressBelow) else {
            throw options.missing("stage of \(Terminal.named("BIKVA evaluation", evaluation))")
        }
        try options.write(report)
    }
}

struct FITReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fit",
        abstract: "FIT of an activity: each participant's first and latest ORS/CORS, reliable change, cut-offs, SRS alerts (docs/evaluation.md).")

    @OptionGroup var options: ReportOptions
    @OptionGroup var smallCells: SmallCellOption
    @Option(help: "The activity (activity-…).") var activity: String
    @Option(help: "One participant only (p-…).") var participant: String?
    @Flag(help: "A total exactly on a cut-off (ORS 25, CORS 32, SRS/CSRS 36) counts as above it, not below.")
    var onCutOffAbove = false

    func run() throws {
        let request = ReportRequest.fit(activity: activity, participant: participant, onCutOffCountsAsBelow: !onCutOffAbove)
        guard let report = try options.make(request, suppressBelow: smallCells.suppressBelow) else {
            throw options.missing(Terminal.named("activity", activity))
        }
        try options.write(report)
    }
}

struct FeedbackReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feedback",
        abstract: "Client feedback of an activity or a project: answers, ratings' distribution and mean, themes (docs/evaluation.md).",
        discussion: "Free text stays sealed in the ledger and is never in the report.")

    @OptionGroup var options: ReportOptions
    @OptionGroup var smallCells: SmallCellOption
    @Option(help: "The activity (activity-…).") var activity: String?
    @Option(help: "The project (project-…): every activity of it.") var project: String?
    @Option(help: "Answers from this day on, YYYY-MM-DD.") var from: String?
    @Option(help: "Answers up to this day, YYYY-MM-DD.") var to: String?

    func validate() throws {
        guard (activity == nil) != (project == nil) else { throw ValidationError("Give --activity or --project (one of them).") }
        try validateDate(from, "--from")
        try validateDate(to, "--to")
    }

    func run() throws {
        let scope: FeedbackReadModel.Scope = activity.map { .activity($0) } ?? .project(project ?? "")
        guard let report = try options.make(.feedback(scope, from: from, to: to), suppressBelow: smallCells.suppressBelow) else {
            throw options.missing(activity.map { Terminal.named("activity", $0) } ?? "activity of \(Terminal.named("project", project ?? ""))")
        }
        try options.write(report)
    }
}

struct SurveyReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "survey",
        abstract: "A staff or expert survey: per item the distribution and mean in each wave and the change from baseline (docs/evaluation.md).")

    @OptionGroup var options: ReportOptions
    @OptionGroup var smallCells: SmallCellOption
    @Option(help: "The survey's id.") var survey: String
    @Option(help: "One respondent group only: staff, management, experience-experts, partners or other.") var group: String?

    func run() throws {
        guard let report = try options.make(.survey(survey: survey, respondentGroup: group), suppressBelow: smallCells.suppressBelow) else {
            throw options.missing("answer to \(Terminal.named("survey", survey))\(group == nil ? "" : " from that group")")
        }
        try options.write(report)
    }
}
