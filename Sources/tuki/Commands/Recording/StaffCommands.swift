import ArgumentParser
import EventStore
import Ledger

struct StaffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "staff", abstract: "Record project staff's working time.", subcommands: [StaffLogTime.self])
}

struct StaffLogTime: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log-time", abstract: "Record a staff member's hours on a day; prints the event's id.",
        discussion: "The hours and their cost make the staff-cost figures of the funder's report.")
    @OptionGroup var ledger: LedgerOptions
    @Option(help: "The staff member's code, staff-… (a code, not a name).") var staff: String
    @Option(help: "The project's id (project-…).") var project: String
    @Option(help: "The activity's id, if the hours were for one.") var activity: String?
    @Option(help: "The day, YYYY-MM-DD (default: today).") var date: String?
    @Option(parsing: .unconditional, help: "Hours worked that day, e.g. 7.5.") var hours: String
    @Option(parsing: .unconditional, help: "The employer's cost of one hour in euros, e.g. 32.50.") var hourlyCost: String

    func run() throws {
        let recorded = try Recorder(ledger: ledger).record(LogStaffTime(
            staffMember: staff, project: project, activity: activity, date: date, hours: try number(hours, field: "hours"),
            hourlyCostCents: try Euros.cents(hourlyCost, field: "hourly-cost")))
        Recorder.announce(recorded.eventIds[0], "Recorded \(hours) hours of \(Terminal.named("staff member", staff)) on \(date ?? FinnishTime.today()).")
    }
}
