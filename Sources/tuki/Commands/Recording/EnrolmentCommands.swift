import ArgumentParser
import EventStore

struct Enrol: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enrol",
        abstract: "Record enrolments: sign-up, start (with the ESR+ entry data) and end.",
        subcommands: [EnrolSignUp.self, EnrolStart.self, EnrolEnd.self], defaultSubcommand: EnrolSignUp.self)
}

struct EnrolmentOptions: ParsableArguments {
    @Argument(help: "The participant's id.") var participant: String
    @Argument(help: "The activity's id.") var activity: String
    @Option(help: "The day, YYYY-MM-DD (default: today).") var date: String?

    var day: String { date ?? Recorder.today() }

    func draft(_ type: String, _ extra: [(String, JSONValue?)]) -> Recorder.Draft {
        .init(stream: "participant-\(participant)", type: type, data: object([
            ("participant", participant.json), ("activity", activity.json), ("date", day.json),
        ] + extra), occurredAt: Recorder.day(day))
    }
}

struct EnrolSignUp: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sign-up", abstract: "A participant signs up for an activity.")
    @OptionGroup var ledger: LedgerOptions
    @OptionGroup var options: EnrolmentOptions

    func run() throws {
        try Recorder(ledger: ledger).record([options.draft("enrolment.signed-up", [])])
        Recorder.announce(options.participant, "Signed \(options.participant) up for \(options.activity).")
    }
}

struct EnrolStart: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "start", abstract: "A participant starts; the ESR+ entry data are fixed now.",
        discussion: "Sensitive items default to not-collected: record them only with a legal basis, and refused when the person declines.")
    @OptionGroup var ledger: LedgerOptions
    @OptionGroup var options: EnrolmentOptions
    @Option(help: "Age on the day of entry.") var ageAtEntry: Int
    @Option(help: "unemployed, long-term-unemployed, inactive, employed, not-collected or refused.") var labourMarket: String
    @Option(help: "isced-0-2, isced-3-4, isced-5-8, not-collected or refused.") var education: String
    @Option(help: "yes, no, not-collected or refused.") var disability = "not-collected"
    @Option(help: "yes, no, not-collected or refused.") var thirdCountNational = "not-collected"
    @Option(help: "yes, no, not-collected or refused.") var foreignBackground = "not-collected"
    @Option(help: "yes, no, not-collected or refused.") var minority = "not-collected"
    @Option(help: "yes, no, not-collected or refused.") var homeless = "not-collected"
    @Option(help: "yes, no, not-collected or refused.") var rural = "not-collected"

    func run() throws {
        try Recorder(ledger: ledger).record([options.draft("enrolment.started", [("entry", object([
            ("ageAtEntry", ageAtEntry.json), ("labourMarketStatus", labourMarket.json), ("educationLevel", education.json),
            ("disability", disability.json), ("thirdCountNational", thirdCountNational.json),
            ("foreignBackground", foreignBackground.json), ("minority", minority.json),
            ("homelessOrHousingExclusion", homeless.json), ("ruralArea", rural.json),
        ]))])])
        Recorder.announce(options.participant, "\(options.participant) started \(options.activity).")
    }
}

struct EnrolEnd: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "end", abstract: "A participant leaves an activity.")
    @OptionGroup var ledger: LedgerOptions
    @OptionGroup var options: EnrolmentOptions
    @Option(help: "graduated, completed, dropped-out, moved or other.") var outcome: String
    @Option(help: "Exit data: job searching (yes, no, not-collected, refused).") var jobSearching: String?
    @Option(help: "Exit data: in education or training.") var inEducation: String?
    @Option(help: "Exit data: gained a qualification.") var qualification: String?
    @Option(help: "Exit data: employed.") var employed: String?

    func run() throws {
        let exitGiven = [jobSearching, inEducation, qualification, employed].contains { $0 != nil }
        let exitData = exitGiven ? object([
            ("jobSearching", (jobSearching ?? "not-collected").json), ("inEducationOrTraining", (inEducation ?? "not-collected").json),
            ("gainedQualification", (qualification ?? "not-collected").json), ("employed", (employed ?? "not-collected").json),
        ]) : nil
        try Recorder(ledger: ledger).record([options.draft("enrolment.ended", [("outcome", outcome.json), ("exit", exitData)])])
        Recorder.announce(options.participant, "\(options.participant) left \(options.activity) (\(outcome)).")
    }
}
