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
}

struct SessionSchedule: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "schedule", abstract: "Plan a session; prints its id.")
    @OptionGroup var ledger: LedgerOptions
    @OptionGroup var options: SessionOptions
    @Option(help: "The new session's id within the activity (default: s<next number>).") var session: String?
    @Option(help: "Start time, HH:MM.") var start: String?
    @Option(help: "Length in minutes.") var duration: Int
    @Option(help: "Where.") var location: String?

    func run() throws {
        let recorded = try Recorder(ledger: ledger).record(ScheduleSession(
            activity: options.activity, session: session, date: options.date, startTime: start, durationMinutes: duration, location: location))
        Recorder.announce(recorded.id, "Scheduled session \(recorded.id) of \(options.activity) on \(options.date).")
    }
}

struct SessionHeldCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "held", abstract: "Record that a session took place; prints its id.")
    @OptionGroup var ledger: LedgerOptions
    @OptionGroup var options: SessionOptions
    @Option(help: "The session's id within the activity (default: the one scheduled that day; else a new s<next number>).") var session: String?
    @Option(help: "Length in minutes.") var duration: Int
    @Option(help: "Where.") var location: String
    @Option(help: "How it met.") var format: SessionHeld.Format = .inPerson
    @Option(help: "Open events: how many people came (an anonymous count).") var headcount: Int?

    func run() throws {
        let recorded = try Recorder(ledger: ledger).record(RecordSessionHeld(
            activity: options.activity, session: session, date: options.date, durationMinutes: duration, location: location,
            format: format, headcount: headcount))
        Recorder.announce(recorded.id, "Recorded session \(recorded.id) of \(options.activity) on \(options.date) as held.")
    }
}

struct SessionCancel: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "cancel", abstract: "Record that a planned session will not take place.")
    @OptionGroup var ledger: LedgerOptions
    @OptionGroup var options: SessionOptions
    @Option(help: "The session's id within the activity (default: the one scheduled that day).") var session: String?
    @Option(help: "Why (no personal data).") var reason: String?

    func run() throws {
        let recorded = try Recorder(ledger: ledger).record(CancelSession(
            activity: options.activity, session: session, date: options.date, reason: reason))
        Recorder.announce(recorded.id, "Cancelled session \(recorded.id) of \(options.activity).")
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
        let marks = [(AttendanceRecorded.Status.present, present), (.absent, absent), (.excused, excused)].flatMap { status, list in
            list.split(separator: ",").map { RecordSheet.Mark(participant: String($0).trimmed, status: status) }
        }
        guard !marks.isEmpty else { throw ValidationError("Name at least one participant with --present, --absent or --excused.") }
        // Attendance happened when the session did: the sheet is dated on the session's day.
        try Recorder(ledger: ledger).record(RecordSheet(activity: activity, session: session, marks: marks)) { index in
            "the attendance of \(Terminal.named("participant", marks[index].participant))"
        }
        Recorder.announce(session, "Recorded attendance of \(counted(marks.count, "participant")) at \(session) of \(activity).")
    }
}
