import ArgumentParser
import EventStore

struct ConsentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "consent", abstract: "Record a participant's consents and their withdrawal.",
        subcommands: [ConsentRecord.self, ConsentWithdraw.self])
}

/// What giving and withdrawing a consent both name.
struct ConsentOptions: ParsableArguments {
    @Argument(help: "The participant's id (p-…).") var participant: String
    @Option(help: "participation, data-processing, esr-reporting, photography or research.") var scope: String
    @Option(help: "self, or guardian for a child.") var givenBy = "self"
    @Option(help: "The day, YYYY-MM-DD (default: today).") var date: String?

    func record(_ ledger: LedgerOptions, withdrawn: Bool) throws -> String {
        let day = date ?? Recorder.today()
        let ids = try Recorder(ledger: ledger).record([.init(
            stream: "participant-\(participant)", type: "participant.consent-recorded", data: object([
                ("participant", participant.json), ("scope", scope.json), ("givenBy", givenBy.json), ("date", day.json),
                ("withdrawn", withdrawn ? .bool(true) : nil),
            ]), occurredAt: Recorder.day(day))])
        return ids[0]
    }
}

struct ConsentRecord: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "record", abstract: "Record a consent given; prints the event's id.")
    @OptionGroup var ledger: LedgerOptions
    @OptionGroup var options: ConsentOptions

    func run() throws {
        let id = try options.record(ledger, withdrawn: false)
        Recorder.announce(id, "Recorded the \(options.scope) consent of \(Terminal.named("participant", options.participant)).")
    }
}

struct ConsentWithdraw: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "withdraw", abstract: "Record that a consent was withdrawn; prints the event's id.",
        discussion: "The consent's earlier record stays in the log: the latest record of a scope is the one in force.")
    @OptionGroup var ledger: LedgerOptions
    @OptionGroup var options: ConsentOptions

    func run() throws {
        let id = try options.record(ledger, withdrawn: true)
        Recorder.announce(id, "Recorded that \(Terminal.named("participant", options.participant)) withdrew the \(options.scope) consent.")
    }
}
