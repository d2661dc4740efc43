import ArgumentParser
import EventStore
import Ledger

struct CostCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cost", abstract: "Record a project's costs other than staff pay.", subcommands: [CostAdd.self])
}

struct CostAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Record a cost; prints the event's id (void it to correct it).")
    @OptionGroup var ledger: LedgerOptions
    @Option(help: "The project's id (project-…).") var project: String
    @Option(help: "The activity's id, if the cost was for one.") var activity: String?
    @Option(help: "catering, travel, materials, premises or other.") var category: String
    @Option(parsing: .unconditional, help: "The amount in euros, e.g. 84.20.") var amount: String
    @Option(help: "The day, YYYY-MM-DD (default: today).") var date: String?
    @Option(help: "What it was, e.g. the receipt's number (no personal data).") var description: String?

    func run() throws {
        let day = date ?? Recorder.today()
        let cents = try Euros.cents(amount, field: "amount")
        let ids = try Recorder(ledger: ledger).record([.init(stream: project, type: "cost.incurred", data: object([
            ("project", project.json), ("activity", activity?.json), ("date", day.json), ("category", category.json),
            ("amountCents", cents.json), ("description", description?.json),
        ]), occurredAt: Recorder.day(day))])
        Recorder.announce(ids[0], "Recorded a cost of \(Euros.text(cents)) on \(day).")
    }
}
