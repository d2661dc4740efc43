import EventStore
import Foundation
import Ledger

/// What the coordinator's forms and a group's schedule form record: the same events as the
/// recording commands, through the same validated path, with the user in `meta.actor`.
extension LedgerService {
    /// What a form recorded: the id people go on with (a new participant's or engagement's, else
    /// the one the form was about).
    struct Recorded: Sendable {
        let id: String

        init(id: String) {
            self.id = id
        }

        /// The answer a form's request gave when it recorded `events`, given again when the same
        /// request comes back with its key: the id the form's data named, or the new one it made.
        init(_ form: RecordingForm, replaying events: [RecordedEvent]) {
            let first = events.first
            let data = first.flatMap { try? JSONParser.parse($0.data) }
            func member(_ name: String) -> String { data?[name]?.stringValue ?? "" }
            switch form {
            case .participant, .signUp, .start, .end, .expert, .consent, .fit: id = member("participant")
            case .engagement, .complete, .cancel, .fee, .travel, .perDiem: id = member("engagement")
            case .survey: id = member("survey")
            case .bikvaStage, .bikvaApproval, .bikvaFollowUp: id = member("evaluation")
            case .staffTime, .cost: id = member("project")
            case .project, .activity: id = first?.stream ?? ""
            case .void: id = member("eventId")
            case .feedback:
                let sealed = data.flatMap { try? SealedValue.all(in: $0).first?.sealed.subject.text }
                id = sealed ?? first?.stream ?? ""
            }
        }
    }

    /// Records what the form's data make, through the form's typed command. Throws
    /// `LedgerRefusal` for what the schema or the rules refuse (nothing is recorded then),
    /// `Refusal` for a form that cannot be an event or a command that cannot be made.
    func record(_ form: RecordingForm, _ data: [String: JSONValue], actor: String, today: String, key: IdempotencyKey? = nil) async throws -> Recorded {
        if let replayed = try replayed(key, actor: actor) { return Recorded(form, replaying: replayed) }
        return Recorded(id: try await run(try form.command(FormData(data)), actor: actor, key: key).id)
    }

    /// Registers every participant of a spreadsheet's list in one batch, each one's personal
    /// fields sealed for them: all recorded, or none (and no key left behind). Answers their new
    /// ids, in the list's order; the same ids again for a request sent twice.
    func importParticipants(_ registrations: [RegisterParticipant], actor: String, key: IdempotencyKey? = nil) async throws -> [String] {
        if let replayed = try replayed(key, actor: actor) {
            return replayed.compactMap { try? JSONParser.parse($0.data)["participant"]?.stringValue }
        }
        let runner = CommandRunner(store: store, catalogue: catalogue, keyStorePath: paths.keyStore, masterKeyPath: paths.masterKey, actor: actor)
        do {
            return try await runner.runAll(registrations, key: key) { [writer] events in try await writer.append(events) }.map(\.id)
        } catch let error as CommandError {
            throw Refusal(error)
        }
    }

    /// Runs a command through the ledger's writer, as `actor`; the answer comes once its events are on disk.
    @discardableResult
    func run(_ command: some RecordingCommand, actor: String, key: IdempotencyKey? = nil) async throws -> CommandRunner.Recorded {
        let runner = CommandRunner(store: store, catalogue: catalogue, keyStorePath: paths.keyStore, masterKeyPath: paths.masterKey, actor: actor)
        do {
            return try await runner.run(command, key: key) { [writer] events in try await writer.append(events) }
        } catch let error as CommandError {
            throw Refusal(error)
        }
    }

    /// Plans a session of the activity under the next unused id (`s1`, `s2`, … after every id the
    /// activity has used, voided ones too); returns the id. `Refusal.badForm` for a day, length
    /// (1–1440 minutes), start (HH:MM) or place (at most 500 characters) out of form.
    func schedule(activity: String, date: String, durationMinutes: Int, startTime: String?, location: String?, actor: String,
                  key: IdempotencyKey? = nil) async throws -> String {
        if let replayed = try replayed(key, actor: actor) { return replayed.first.flatMap { try? JSONParser.parse($0.data)["session"]?.stringValue } ?? "" }
        try Self.checkSchedule(dates: [date], durationMinutes: durationMinutes, startTime: startTime, location: location)
        return try await run(ScheduleSession(activity: activity, date: date, startTime: startTime, durationMinutes: durationMinutes, location: location),
                             actor: actor, key: key).id
    }

    /// Plans a session on each of the days, all at the same time, length and place, in one batch;
    /// returns how many were planned. Out of form as `schedule(activity:date:…)` says.
    func schedule(activity: String, dates: [String], durationMinutes: Int, startTime: String?, location: String?, actor: String,
                  key: IdempotencyKey? = nil) async throws -> Int {
        if let replayed = try replayed(key, actor: actor) { return replayed.count }
        try Self.checkSchedule(dates: dates, durationMinutes: durationMinutes, startTime: startTime, location: location)
        return try await run(ScheduleSessions(activity: activity, dates: dates, startTime: startTime, durationMinutes: durationMinutes, location: location),
                             actor: actor, key: key).eventIds.count
    }

    private static func checkSchedule(dates: [String], durationMinutes: Int, startTime: String?, location: String?) throws {
        guard !dates.isEmpty, dates.allSatisfy(Day.isDay), (1...1440).contains(durationMinutes), startTime.map(Self.isTimeOfDay) ?? true,
              (location?.count ?? 0) <= RecordingField.longestText
        else { throw Refusal.badForm }
    }

    /// HH:MM on a 24-hour clock.
    static func isTimeOfDay(_ text: String) -> Bool {
        let parts = text.split(separator: ":")
        guard text.count == 5, parts.count == 2, let hours = Int(parts[0]), let minutes = Int(parts[1]) else { return false }
        return (0...23).contains(hours) && (0...59).contains(minutes)
    }
}
