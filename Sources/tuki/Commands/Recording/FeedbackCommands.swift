import ArgumentParser
import EventStore
import Foundation
import Ledger

struct FeedbackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feedback", abstract: "Record client feedback on an activity.", subcommands: [FeedbackGive.self])
}

struct FeedbackGive: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "give", abstract: "Record one answer: a rating, themes and free text; prints the event's id.",
        discussion: """
            Free text may name people, so it is sealed: for the participant who gave it (erasing them \
            erases it), or, for anonymous feedback, for a subject of its own (fb-…, printed on stderr), \
            which `tuki erase` can erase alone. Give the text in a file (--text-file, - for standard \
            input) rather than on the command line, which the shell may keep in its history.
            """)
    @OptionGroup var ledger: LedgerOptions
    @Argument(help: "The activity's id (activity-…).") var activity: String
    @Option(help: "1 (poor) to 5 (excellent).") var rating: Int
    @Option(help: "The participant who gave it (leave out for anonymous feedback).") var participant: String?
    @Option(help: "Themes, comma-separated codes or short phrases, e.g. \"atmosphere,timing\".") var themes: String?
    @Option(help: "The free text (sealed).") var text: String?
    @Option(help: ArgumentHelp("A file holding the free text (sealed); - reads standard input.", valueName: "path")) var textFile: String?
    @Option(help: "The day, YYYY-MM-DD (default: today).") var date: String?

    static let longestText = 8_000

    func validate() throws {
        if text != nil && textFile != nil { throw ValidationError("Give the free text with --text or --text-file, not both.") }
    }

    func run() throws {
        let themeList = themes.map { $0.split(separator: ",").map { String($0).trimmed }.filter { !$0.isEmpty } }
        let recorded = try Recorder(ledger: ledger).record(GiveFeedback(
            activity: activity, rating: rating, participant: participant, themes: themeList, text: try readText(), date: date))
        if recorded.id == activity {
            Recorder.announce(recorded.eventIds[0], "Recorded feedback rated \(rating) on \(activity).")
        } else {
            Recorder.announce(recorded.eventIds[0], "Recorded feedback rated \(rating) on \(activity); its text is sealed for subject \(recorded.id).")
        }
    }

    private func readText() throws -> String? {
        var body = text
        if let textFile {
            let data: Data
            // Read at most a little more than the longest text allowed (4 bytes a character).
            let limit = Self.longestText * 4 + 1
            if textFile == "-" {
                data = (try? FileHandle.standardInput.read(upToCount: limit)) ?? Data()
            } else {
                do {
                    guard let handle = FileHandle(forReadingAtPath: textFile) else { throw CocoaError(.fileReadNoSuchFile) }
                    data = try handle.read(upToCount: limit) ?? Data()
                } catch {
                    throw CommandFailure.usage("The --text-file given cannot be read.")
                }
            }
            guard data.count < limit else {
                throw CommandFailure.usage("The free text is longer than \(Self.longestText) characters; shorten it.")
            }
            guard let decoded = String(data: data, encoding: .utf8) else { throw CommandFailure.usage("The --text-file given is not UTF-8 text.") }
            body = decoded
        }
        guard let trimmed = body?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else { return nil }
        guard trimmed.count <= Self.longestText else {
            throw CommandFailure.usage("The free text is longer than \(Self.longestText) characters; shorten it.")
        }
        return trimmed
    }
}

struct FITCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fit", abstract: "Record FIT ratings (ORS, SRS, CORS, CSRS).", subcommands: [FITRecord.self])
}

struct FITRecord: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record", abstract: "Record one rating of four items; prints the event's id.",
        discussion: "ORS/CORS at the start of a session, SRS/CSRS at its end; each item 0.0–10.0 (centimetres on the 10 cm line, one decimal).")
    @OptionGroup var ledger: LedgerOptions
    @Argument(help: "The participant's id (p-…).") var participant: String
    @Option(help: "The FIT instrument.") var instrument: FITRecorded.Instrument
    @Option(parsing: .unconditional, help: "The four item scores, comma-separated, e.g. 4.2,5.0,3.8,6.1.") var items: String
    @Option(help: "The activity's id, if rated in a group.") var activity: String?
    @Option(help: "The session's id within the activity (e.g. s3).") var session: String?
    @Option(help: "The day, YYYY-MM-DD (default: today).") var date: String?

    func run() throws {
        let scores = try items.split(separator: ",", omittingEmptySubsequences: false).map { try number(String($0).trimmed, field: "items") }
        guard scores.count == 4 else { throw CommandFailure.usage("--items must be four scores, comma-separated.") }
        let recorded = try Recorder(ledger: ledger).record(RecordFIT(
            participant: participant, instrument: instrument, items: scores, activity: activity, session: session, date: date))
        Recorder.announce(recorded.eventIds[0], "Recorded \(instrument.rawValue) of \(Terminal.named("participant", participant)) on \(date ?? FinnishTime.today()).")
    }
}
