import ArgumentParser
import EventStore
import Projections
import Reports

struct ExpertBankReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "experts",
        abstract: "The expert bank: each expert by alias, status, training, kinds of work, engagements and hours in the year (docs/experts-and-fees.md).")

    @OptionGroup var options: ReportOptions
    @Option(help: "Only experts engaged in this project.") var project: String?
    @Option(help: "The year whose engagements and hours are counted (default: this year).") var year: Int?

    func run() throws {
        let year = try self.year ?? Int(options.replay.day().prefix(4)) ?? 0
        guard let report = try options.make(.expertBank(project: project, year: year)) else { return }
        try options.write(report)
    }
}

struct FeesReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fees",
        abstract: "Fees and travel of a year per expert and month, and the open items (docs/experts-and-fees.md).",
        discussion: """
            Work counts in the month it was done, money in the month it was paid. Open items: completed \
            engagements without a fee, in-person ones without travel, agreed ones past their day neither \
            completed nor cancelled, each with its age in days on --on (default: today). --payroll \
            --purpose TEXT adds every expert's name and identity code for the payer, each opening logged: \
            the only output in which an anonymous expert's name appears. The hash chain is verified first.
            """)

    @OptionGroup var options: ReportOptions
    @Option(help: "The year.") var year: Int
    @Option(help: "One expert only (their participant id).") var expert: String?
    @Option(help: "Only engagements of this project.") var project: String?
    @Option(help: "The day the open items are judged on, YYYY-MM-DD (default: today).") var on: String?
    @Flag(help: "The payroll view: names and identity codes, anonymous experts' too (needs --purpose).") var payroll = false
    @Option(help: "Why the payroll view is needed (stored in clear, so no personal data).") var purpose: String?

    func validate() throws {
        try validateDate(on, "--on")
        if payroll && (purpose?.trimmed.isEmpty ?? true) { throw ValidationError("--payroll needs --purpose: why the names are needed.") }
        if !payroll && purpose != nil { throw ValidationError("--purpose goes with --payroll.") }
        if !(1...9999).contains(year) { throw ValidationError("--year must be a year such as 2026.") }
    }

    func run() throws {
        let day = try on ?? options.replay.day()
        let ledger = options.ledger
        let payees: ListReports.PersonOpener? = purpose.map { purpose in { try SealedNames.open($0, ledger: ledger, purpose: purpose) } }
        guard let report = try options.make(.fees(year: year, project: project, expert: expert, on: day), payees: payroll ? payees : nil)
        else { return }
        try options.write(report)
    }
}

struct StaffTimeReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "staff-time",
        abstract: "A project's working time per staff member and month, by activity and work package; --timesheet for one person's signed sheet.",
        discussion: """
            Cost is the hours at the hourly cost recorded with them, as the ESR+ report counts it. An \
            activity's work package is given when it is created (--work-package TP3); time logged without \
            an activity, or for an activity without one, has none. The hash chain is verified first.
            """)

    @OptionGroup var options: ReportOptions
    @Option(help: "The project (project-…).") var project: String
    @OptionGroup var period: PeriodOption
    @Option(help: "One staff member's timesheet (their id, e.g. staff-01), with lines to sign in HTML.") var timesheet: String?

    func run() throws {
        let request = ReportRequest.staffTime(project: project, from: period.from, to: period.to, timesheetOf: timesheet)
        guard let report = try options.make(request) else {
            throw options.missing("\(Terminal.named("project", project)) with activities or working time")
        }
        try options.write(report)
    }
}

struct STEAReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stea",
        abstract: "A STEA-funded project's yearly figures of reach and participation for its results report (docs/stea-report.md).",
        discussion: "Each figure says whether it is counted from the records or estimated. The hash chain is verified first.")

    @OptionGroup var options: ReportOptions
    @OptionGroup var smallCells: SmallCellOption
    @Option(help: "The project (project-…).") var project: String
    @Option(help: "The year.") var year: Int

    func validate() throws {
        if !(1...9999).contains(year) { throw ValidationError("--year must be a year such as 2026.") }
    }

    func run() throws {
        guard let report = try options.make(.stea(project: project, year: year), suppressBelow: smallCells.suppressBelow) else {
            throw options.missing(Terminal.named("project", project))
        }
        try options.write(report)
    }
}
