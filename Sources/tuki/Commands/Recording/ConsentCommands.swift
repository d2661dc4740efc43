import ArgumentParser
import EventStore
import Ledger

struct ConsentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "consent", abstract: "Record a participant's consents and their withdrawal.",
        subcommands: [ConsentRecord.self, ConsentWithdraw.self])
}

/// What giving and withdrawing a consent both name.
struct ConsentOptions: ParsableArguments {
    @Argument(help: "The participant's id (p-…).") var participant: String
    @Option(help: "What the consent covers.") var scope: ConsentRecorded.Scope
    @Option(help: "self, or guardian for a child.") var givenBy: ConsentRecorded.GivenBy = .`self`
    @Option(help: "The day, YYYY-MM-DD (default: today).") var date: String?

    func record(_ ledger: LedgerOptions, withdrawn: Bool) throws -> String {
        try Recorder(ledger: ledger).record(RecordConsent(participant: participant, scope: scope, givenBy: givenBy, withdrawn: withdrawn, date: date))
            .eventIds[0]
    }
}

struct ConsentRecord: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "record", abstract: "Record a consent given; prints the event's id.")
    @OptionGroup var ledger: LedgerOptions
    @OptionGroup var options: ConsentOptions

    func run() throws {
        let id = try options.record(ledger, withdrawn: false)
        Recorder.announce(id, "Recorded the \(options.scope.rawValue) consent of \(Terminal.named("participant", options.participant)).")
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
        Recorder.announce(id, "Recorded that \(Terminal.named("participant", options.participant)) withdrew the \(options.scope.rawValue) consent.")
    }
}
