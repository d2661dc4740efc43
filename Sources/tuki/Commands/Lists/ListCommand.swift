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

    /// Writes the list; with `--names --purpose`, participants' or experts' names opened (each
    /// reading logged).
    func write(_ request: ListRequest, _ filter: DirectoryReadModel.Filter, names: NameOptions? = nil, _ options: ReportOptions) throws {
        let ledger = options.ledger
        let opener: ListReports.PersonOpener? = names.flatMap { names in
            guard names.names, let purpose = names.purpose else { return nil }
            return { try SealedNames.open($0, ledger: ledger, purpose: purpose) }
        }
        try options.write(try prepared.readModels.read { db in
            try request.make(filter, in: db, names: opener, language: options.lang, stamp: prepared.stamp)
        })
    }
}

struct ListProjects: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "projects", abstract: "The projects, with their periods.")
    @OptionGroup var options: ReportOptions
    @Flag(help: "Only projects whose period has not ended.") var open = false

    func run() throws {
        let lists = try DirectoryLists(options)
        let filter = DirectoryReadModel.Filter(open: open, today: lists.today)
        try lists.write(.projects, filter, options)
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
        try lists.write(.activities, filter, options)
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
        try lists.write(.participants, filter, names: nameOptions, options)
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
        try lists.write(.sessions, filter, options)
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
        try lists.write(.engagements, filter, options)
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
        try lists.write(.experts(payroll: payroll), filter, names: nameOptions, options)
    }
}
