import ArgumentParser
import EventStore
import GRDB
import Projections
import Reports

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "What exists: projects, activities, participants, sessions, engagements, experts.",
        discussion: """
            Lists show pseudonymous ids. Participants and experts show names only with --names \
            --purpose TEXT, and each person whose name is shown gets a reading in their access log. \
            Anonymous experts are shown by alias even then, except in `list experts --payroll`.
            """,
        subcommands: [ListProjects.self, ListActivities.self, ListParticipants.self, ListSessions.self, ListEngagements.self,
                      ListExperts.self])
}

/// The read models a list reads, brought up to date (or replayed), and the day `--open` is
/// judged on: today, or the day of an as-of replay.
struct DirectoryLists {
    let prepared: PreparedReadModels
    let today: String

    init(_ options: ReportOptions) throws {
        prepared = try PreparedReadModels.prepare(options.ledger, options.replay, projectors: ["directory", "sessions"],
                                                  verifyingChain: options.verify)
        today = try options.replay.day()
    }

    func read<T>(_ query: (Database) throws -> T) throws -> T {
        try prepared.readModels.read(query)
    }
}

struct ListProjects: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "projects", abstract: "The projects, with their periods.")
    @OptionGroup var options: ReportOptions
    @Flag(help: "Only projects whose period has not ended.") var open = false

    func run() throws {
        let lists = try DirectoryLists(options)
        let filter = DirectoryReadModel.Filter(open: open, today: lists.today)
        let projects = try lists.read { try DirectoryReadModel.projects(filter, in: $0) }
        try options.write(ListReports.projects(projects, parameters: ListReports.parameters(filter, options.lang), language: options.lang,
                                               stamp: lists.prepared.stamp))
    }
}

struct ListActivities: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "activities", abstract: "The activities, with how many are enrolled now.")
    @OptionGroup var options: ReportOptions
    @Option(help: "Only this project's.") var project: String?
    @Flag(help: "Only activities of projects still running.") var open = false

    func run() throws {
        let lists = try DirectoryLists(options)
        let filter = DirectoryReadModel.Filter(project: project, open: open, today: lists.today)
        let activities = try lists.read { try DirectoryReadModel.activities(filter, in: $0) }
        try options.write(ListReports.activities(activities, parameters: ListReports.parameters(filter, options.lang),
                                                 language: options.lang, stamp: lists.prepared.stamp))
    }
}

struct ListParticipants: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "participants", abstract: "The participants: pseudonymous ids and what reports count; names with --names.")
    @OptionGroup var options: ReportOptions
    @OptionGroup var nameOptions: NameOptions
    @Option(help: "Only people enrolled in this project's activities.") var project: String?
    @Option(help: "Only people enrolled in this activity.") var activity: String?
    @Flag(help: "Only people enrolled now.") var open = false

    func run() throws {
        let lists = try DirectoryLists(options)
        let filter = DirectoryReadModel.Filter(project: project, activity: activity, open: open, today: lists.today)
        let people = try lists.read { try DirectoryReadModel.participants(filter, in: $0) }
        var names: [String: ListReports.Name]?
        if nameOptions.names, let purpose = nameOptions.purpose {
            names = try SealedNames.names(people.map { ($0.participant, $0.anonymousExpert ? $0.expertAlias ?? "" : nil) },
                                          ledger: options.ledger, purpose: purpose)
        }
        try options.write(ListReports.participants(people, names: names, parameters: ListReports.parameters(filter, options.lang),
                                                   language: options.lang, stamp: lists.prepared.stamp))
    }
}

struct ListSessions: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sessions", abstract: "The sessions, by date, with what became of each.")
    @OptionGroup var options: ReportOptions
    @Option(help: "Only this project's.") var project: String?
    @Option(help: "Only this activity's.") var activity: String?
    @Flag(help: "Only sessions still only scheduled (to hold, cancel or record).") var open = false

    func run() throws {
        let lists = try DirectoryLists(options)
        let filter = DirectoryReadModel.Filter(project: project, activity: activity, open: open, today: lists.today)
        let sessions = try lists.read { try DirectoryReadModel.sessions(filter, in: $0) }
        try options.write(ListReports.sessions(sessions, parameters: ListReports.parameters(filter, options.lang), language: options.lang,
                                               stamp: lists.prepared.stamp))
    }
}

struct ListEngagements: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "engagements", abstract: "Experts' engagements, what became of them and what was paid; experts by alias.")
    @OptionGroup var options: ReportOptions
    @Option(help: "Only this project's.") var project: String?
    @Option(help: "Only this activity's.") var activity: String?
    @Option(help: "Only this expert's (participant id).") var expert: String?
    @Flag(help: "Only engagements still to do (agreed) or to pay (completed without a fee).") var open = false

    func run() throws {
        let lists = try DirectoryLists(options)
        let filter = DirectoryReadModel.Filter(project: project, activity: activity, expert: expert, open: open, today: lists.today)
        let engagements = try lists.read { try DirectoryReadModel.engagements(filter, in: $0) }
        try options.write(ListReports.engagements(engagements, parameters: ListReports.parameters(filter, options.lang),
                                                  language: options.lang, stamp: lists.prepared.stamp))
    }
}

struct ListExperts: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "experts", abstract: "The experience experts by alias, with their engagements.",
        discussion: "--names shows the names of experts who are not anonymous; --payroll shows every expert's name and identity code, for paying them.")
    @OptionGroup var options: ReportOptions
    @OptionGroup var nameOptions: NameOptions
    @Flag(help: "The payroll view: every expert's name, anonymous ones too, and identity code (needs --names --purpose).") var payroll = false
    @Option(help: "Only experts engaged in this project.") var project: String?

    func validate() throws {
        if payroll && !nameOptions.names { throw ValidationError("--payroll needs --names --purpose.") }
    }

    func run() throws {
        let lists = try DirectoryLists(options)
        let filter = DirectoryReadModel.Filter(project: project, today: lists.today)
        let experts = try lists.read { try DirectoryReadModel.experts(filter, in: $0) }
        var names: [String: ListReports.Name]?
        var codes: [String: String]?
        if nameOptions.names, let purpose = nameOptions.purpose {
            let shown = experts.filter { payroll || !$0.anonymous }
            let opened = try SealedNames.open(shown.map(\.participant), ledger: options.ledger, purpose: purpose)
            names = experts.reduce(into: [:]) { names, expert in
                names[expert.participant] = payroll || !expert.anonymous ? opened[expert.participant]?.name : .alias(expert.alias)
            }
            if payroll { codes = opened.compactMapValues(\.identityCode) }
        }
        try options.write(ListReports.experts(experts, names: names, identityCodes: codes,
                                              parameters: ListReports.parameters(filter, options.lang), language: options.lang,
                                              stamp: lists.prepared.stamp))
    }
}
