import ArgumentParser
import EventStore
import Ledger

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
}

struct EnrolSignUp: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sign-up", abstract: "A participant signs up for an activity.")
    @OptionGroup var ledger: LedgerOptions
    @OptionGroup var options: EnrolmentOptions

    func run() throws {
        try Recorder(ledger: ledger).record(SignUp(participant: options.participant, activity: options.activity, date: options.date))
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
    @Option(help: "Labour market status at entry.") var labourMarket: EnrolmentStarted.LabourMarketStatus
    @Option(help: "Education level at entry (ISCED).") var education: EnrolmentStarted.EducationLevel
    @Option(help: "Disability (only with a legal basis).") var disability: EnrolmentStarted.Answer = .notCollected
    @Option(help: "Third-country national.") var thirdCountNational: EnrolmentStarted.Answer = .notCollected
    @Option(help: "Foreign background.") var foreignBackground: EnrolmentStarted.Answer = .notCollected
    @Option(help: "Minority (only with a legal basis).") var minority: EnrolmentStarted.Answer = .notCollected
    @Option(help: "Homeless or in housing exclusion.") var homeless: EnrolmentStarted.Answer = .notCollected
    @Option(help: "Living in a rural area.") var rural: EnrolmentStarted.Answer = .notCollected

    func run() throws {
        try Recorder(ledger: ledger).record(StartEnrolment(participant: options.participant, activity: options.activity, date: options.date, entry: .init(
            ageAtEntry: ageAtEntry, labourMarketStatus: labourMarket, educationLevel: education, disability: disability,
            thirdCountNational: thirdCountNational, foreignBackground: foreignBackground, minority: minority,
            homelessOrHousingExclusion: homeless, ruralArea: rural)))
        Recorder.announce(options.participant, "\(options.participant) started \(options.activity).")
    }
}

struct EnrolEnd: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "end", abstract: "A participant leaves an activity.")
    @OptionGroup var ledger: LedgerOptions
    @OptionGroup var options: EnrolmentOptions
    @Option(help: "How it ended.") var outcome: EnrolmentEnded.Outcome
    @Option(help: "Exit data: job searching.") var jobSearching: EnrolmentStarted.Answer?
    @Option(help: "Exit data: in education or training.") var inEducation: EnrolmentStarted.Answer?
    @Option(help: "Exit data: gained a qualification.") var qualification: EnrolmentStarted.Answer?
    @Option(help: "Exit data: employed.") var employed: EnrolmentStarted.Answer?

    func run() throws {
        try Recorder(ledger: ledger).record(EndEnrolment(
            participant: options.participant, activity: options.activity, date: options.date, outcome: outcome, jobSearching: jobSearching,
            inEducationOrTraining: inEducation, gainedQualification: qualification, employed: employed))
        Recorder.announce(options.participant, "\(options.participant) left \(options.activity) (\(outcome.rawValue)).")
    }
}
