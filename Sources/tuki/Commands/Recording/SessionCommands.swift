import ArgumentParser
import EventStore
import Ledger

struct SessionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "session", abstract: "Record an activity's sessions.",
        subcommands: [SessionSchedule.self, SessionHeldCommand.self, SessionCancel.self])
}

/// The options every session command shares.
struct SessionOptions: ParsableArguments {
    @Argument(help: "The activity's id (activity-…).") var activity: String
    @Option(help: "The session's day, YYYY-MM-DD.") var date: String
    @Option(help: "The session's id within the activity (default: held or cancelled, the one scheduled that day; else s<next number>).") var session: String?

    /// The given id, or `s1`, `s2`, … after the sessions the activity already has.
    func sessionID(_ ledger: LedgerOptions) throws -> String {
        if let session { return session }
        return try ActivitySessions.read(activity, in: ledger.openStore()).nextID
    }

    /// The session a `held` record is about: the given one; else the one session of the activity
    /// still scheduled on that day; else a new one (a session held without being planned).
    func heldSessionID(_ ledger: LedgerOptions) throws -> String {
        if let session { return session }
        let sessions = try ActivitySessions.read(activity, in: ledger.openStore())
        return try scheduledOnTheDay(sessions, doing: "held") ?? sessions.nextID
    }

    /// The session a cancellation is about: the given one, else the one still scheduled that day.
    func cancelledSessionID(_ ledger: LedgerOptions) throws -> String {
        if let session { return session }
        guard let planned = try scheduledOnTheDay(try ActivitySessions.read(activity, in: ledger.openStore()), doing: "cancelled") else {
            throw CommandFailure.usage("No session of the activity is scheduled on \(date); name the one to cancel with --session.")
        }
        return planned
    }

    private func scheduledOnTheDay(_ sessions: ActivitySessions, doing: String) throws -> String? {
        let planned = sessions.latest.filter { $0.value.status == "session.scheduled" && $0.value.date == date }.keys.sorted()
        guard planned.count <= 1 else {
            throw CommandFailure.usage("\(planned.count) sessions of the activity are scheduled on \(date) (\(planned.joined(separator: ", "))): name the one \(doing) with --session.")
        }
        return planned.first
    }
}

struct SessionSchedule: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "schedule", abstract: "Plan a session; prints its id.")
    @OptionGroup var ledger: LedgerOptions
    @OptionGroup var options: SessionOptions
    @Option(help: "Start time, HH:MM.") var start: String?
    @Option(help: "Length in minutes.") var duration: Int
    @Option(help: "Where.") var location: String?

    func run() throws {
        let id = try options.sessionID(ledger)
        try Recorder(ledger: ledger).record([.init(stream: options.activity, type: "session.scheduled", data: object([
            ("session", id.json), ("date", options.date.json), ("startTime", start?.json), ("durationMinutes", duration.json),
            ("location", location?.json),
        ]), occurredAt: Recorder.day(options.date))])
        Recorder.announce(id, "Scheduled session \(id) of \(options.activity) on \(options.date).")
    }
}

struct SessionHeldCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "held", abstract: "Record that a session took place; prints its id.")
    @OptionGroup var ledger: LedgerOptions
    @OptionGroup var options: SessionOptions
    @Option(help: "Length in minutes.") var duration: Int
    @Option(help: "Where.") var location: String
    @Option(help: "in-person, remote or hybrid.") var format = "in-person"
    @Option(help: "Open events: how many people came (an anonymous count).") var headcount: Int?

    func run() throws {
        let id = try options.heldSessionID(ledger)
        try Recorder(ledger: ledger).record([.init(stream: options.activity, type: "session.held", data: object([
            ("session", id.json), ("date", options.date.json), ("durationMinutes", duration.json), ("location", location.json),
            ("format", format.json), ("headcount", headcount?.json),
        ]), occurredAt: Recorder.day(options.date))])
        Recorder.announce(id, "Recorded session \(id) of \(options.activity) on \(options.date) as held.")
    }
}

struct SessionCancel: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "cancel", abstract: "Record that a planned session will not take place.")
    @OptionGroup var ledger: LedgerOptions
    @OptionGroup var options: SessionOptions
    @Option(help: "Why (no personal data).") var reason: String?

    func run() throws {
        let id = try options.cancelledSessionID(ledger)
        try Recorder(ledger: ledger).record([.init(stream: options.activity, type: "session.cancelled", data: object([
            ("session", id.json), ("date", options.date.json), ("reason", reason?.json),
        ]), occurredAt: Recorder.day(options.date))])
        Recorder.announce(id, "Cancelled session \(id) of \(options.activity).")
    }
}

struct Attendance: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attendance",
        abstract: "Record who came to a held session, all in one batch.",
        discussion: "A later record for the same participant and session supersedes the earlier one.")

    @OptionGroup var ledger: LedgerOptions
    @Argument(help: "The activity's id.") var activity: String
    @Argument(help: "The session's id (e.g. s3).") var session: String
    @Option(help: "Participants present, comma-separated.") var present: String = ""
    @Option(help: "Participants absent, comma-separated.") var absent: String = ""
    @Option(help: "Participants excused, comma-separated.") var excused: String = ""

    func run() throws {
        let marks = [("present", present), ("absent", absent), ("excused", excused)].flatMap { status, list in
            list.split(separator: ",").map { (participant: String($0).trimmed, status: status) }
        }
        guard !marks.isEmpty else { throw ValidationError("Name at least one participant with --present, --absent or --excused.") }
        let day = Recorder.day(try heldOn() ?? Recorder.today())
        try Recorder(ledger: ledger).record(marks.map { mark in
            .init(stream: activity, type: "attendance.recorded", data: object([
                ("session", session.json), ("participant", mark.participant.json), ("status", mark.status.json),
            ]), occurredAt: day, about: "the attendance of \(Terminal.named("participant", mark.participant))")
        })
        Recorder.announce(session, "Recorded attendance of \(counted(marks.count, "participant")) at \(session) of \(activity).")
    }

    /// Attendance happened when the session did.
    private func heldOn() throws -> String? {
        try ledger.openStore().read { reader in
            try StandingEvents.read(activity, types: ["session.held"], in: reader).standing
                .last { $0.data["session"]?.stringValue == session }?.data["date"]?.stringValue
        }
    }
}
