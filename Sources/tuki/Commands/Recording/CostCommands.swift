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
    @Option(help: "What kind of cost.") var category: CostIncurred.Category
    @Option(parsing: .unconditional, help: "The amount in euros, e.g. 84.20.") var amount: String
    @Option(help: "The day, YYYY-MM-DD (default: today).") var date: String?
    @Option(help: "What it was, e.g. the receipt's number (no personal data).") var description: String?

    func run() throws {
        let cents = try Euros.cents(amount, field: "amount")
        let recorded = try Recorder(ledger: ledger).record(RecordCost(
            project: project, activity: activity, category: category, amountCents: cents, description: description, date: date))
        Recorder.announce(recorded.eventIds[0], "Recorded a cost of \(Euros.text(cents)) on \(date ?? FinnishTime.today()).")
    }
}
