import ArgumentParser
import EventStore
import Projections
import Reports

struct RosterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roster",
        abstract: "The attendance sheet of a session: the people enrolled, by name, with empty columns to tick.",
        discussion: """
            The paper fallback for a group without a network: print it (--format html) or keep it as \
            Markdown (--format md), then record what was ticked with `tuki attendance`. Without \
            --session, the activity's next scheduled session. Every person named gets a reading in \
            their access log.
            """)
    @OptionGroup var options: ReportOptions
    @Argument(help: "The activity's id (activity-…).") var activity: String
    @Option(help: "The session's id (default: the next one scheduled).") var session: String?
    @Option(help: "Why the names are needed (stored in clear, so no personal data).") var purpose: String

    func validate() throws {
        if purpose.trimmed.isEmpty { throw ValidationError("--purpose must say why the names are needed.") }
    }

    func run() throws {
        let lists = try DirectoryLists(options)
        let (name, sessions) = try lists.read { db in
            (try DirectoryReadModel.activityName(activity, in: db),
             try DirectoryReadModel.sessions(.init(activity: activity, today: lists.today), in: db))
        }
        guard let name else { throw CommandFailure.usage("There is no \(Terminal.named("activity", activity)) in the ledger.") }
        let chosen: DirectoryReadModel.Session
        if let session {
            guard let found = sessions.first(where: { $0.session == session }) else {
                throw CommandFailure.usage("The activity has no session with the id given; `tuki list sessions --activity \(activity)` lists them.")
            }
            chosen = found
        } else {
            guard let next = sessions.first(where: { $0.status == "scheduled" && $0.date >= lists.today }) else {
                throw CommandFailure.usage("No session of the activity is scheduled from \(lists.today) on: schedule one (`tuki session schedule`) or name one with --session.")
            }
            chosen = next
        }
        let enrolled = try lists.read { try DirectoryReadModel.enrolled(in: activity, on: chosen.date, in: $0) }
        let ledger = options.ledger
        let people = try ListReports.named(enrolled) { try SealedNames.open($0, ledger: ledger, purpose: purpose) }
        if people.isEmpty { Terminal.printError("Nobody is enrolled in the activity on \(chosen.date).") }
        try options.write(ListReports.roster(activity: activity, activityName: name, session: chosen.session, date: chosen.date,
                                             people: people, language: options.lang, stamp: lists.prepared.stamp))
    }
}
