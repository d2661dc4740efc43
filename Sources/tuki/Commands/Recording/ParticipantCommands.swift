import ArgumentParser
import EventStore
import Foundation

struct ParticipantCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "participant", abstract: "Record participants.", subcommands: [ParticipantRegister.self])
}

struct ParticipantRegister: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "register",
        abstract: "Register a participant under a new pseudonymous id, which it prints.",
        discussion: "Name, exact birth date, contact, guardian and identity code are sealed (docs/privacy.md); only the birth year stands in clear.")

    @OptionGroup var ledger: LedgerOptions
    @Option(help: "The person's name (sealed).") var name: String
    @Option(help: "Birth date, YYYY-MM-DD (sealed; the year is kept in clear for reports).") var birthDate: String
    @Option(help: "woman, man, non-binary or not-told.") var gender: String
    @Option(help: "Home municipality.") var municipality: String
    @Option(help: "Roles, comma-separated: child, young-person, young-adult, parent, experience-expert, foster-parent.")
    var roles: String = "parent"
    @Option(help: "Phone or e-mail (sealed).") var contact: String?
    @Option(help: "The guardian's name and contact, for a child (sealed).") var guardian: String?
    @Option(help: "Personal identity code (sealed).") var identityCode: String?
    @Option(help: "The registration day (default: today).") var date: String?

    func run() throws {
        guard birthDate.count == 10, let year = Int(birthDate.prefix(4)),
              (try? Timestamp(rfc3339: Recorder.day(birthDate))) != nil
        else { throw CommandFailure.usage("--birth-date must be a day of the calendar, YYYY-MM-DD.") }
        let registeredOn = date ?? Recorder.today()
        // Both are YYYY-MM-DD, so text order is time order; the birth date itself is sealed below.
        guard birthDate <= registeredOn else { throw CommandFailure.usage("--birth-date is after the registration day.") }
        let recorder = Recorder(ledger: ledger)
        let id = try recorder.newIdentifier(prefix: "p") { "participant-\($0)" }
        let inClear: [(String, JSONValue?)] = [
            ("participant", id.json), ("roles", .array(roles.split(separator: ",").map { String($0).trimmed.json })),
            ("gender", gender.json), ("birthYear", year.json), ("municipality", municipality.json),
            ("registeredOn", registeredOn.json),
        ]
        // Check what stands in clear before a key is made for the person: a refused registration
        // must not leave a data key behind in the key store.
        try recorder.check("participant.registered", object(inClear))
        let personal = try recorder.personalData().seal(object([
            ("name", name.json), ("birthDate", birthDate.json), ("contact", contact?.json),
            ("guardian", guardian?.json), ("personalIdentityCode", identityCode?.json),
        ]), for: try SubjectID(id))
        try recorder.record([.init(
            stream: "participant-\(id)", type: "participant.registered", data: object(inClear + [("personal", personal.json)]),
            occurredAt: Recorder.day(registeredOn))])
        Recorder.announce(id, "Registered participant \(id); the name and birth date are sealed.")
    }
}

struct ExpertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "expert", abstract: "Record experience experts.", subcommands: [ExpertRegister.self, ExpertStatus.self])
}

struct ExpertRegister: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "register", abstract: "Make a registered participant (over 12) an experience expert; prints the participant id.")

    @OptionGroup var ledger: LedgerOptions
    @Argument(help: "The participant's id.") var participant: String
    @Option(help: "The public alias shown instead of the person.") var alias: String
    @Flag(help: "Never name this expert anywhere.") var anonymous = false
    @Option(help: "none, in-training or trained.") var training = "none"
    @Option(help: "The registration day (default: today).") var date: String?

    func run() throws {
        let day = date ?? Recorder.today()
        try Recorder(ledger: ledger).record([.init(stream: "participant-\(participant)", type: "expert.registered", data: object([
            ("participant", participant.json), ("alias", alias.json), ("anonymous", .bool(anonymous)),
            ("training", training.json), ("date", day.json),
        ]), occurredAt: Recorder.day(day))])
        Recorder.announce(participant, "Registered \(participant) as an experience expert (\(anonymous ? "anonymous, " : "")alias \(alias)).")
    }
}

extension String {
    var trimmed: String { trimmingCharacters(in: .whitespaces) }
}

struct ExpertStatus: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Record that an expert pauses, leaves the expert bank, or is active again; prints the event's id.")

    @OptionGroup var ledger: LedgerOptions
    @Argument(help: "The expert's participant id.") var participant: String
    @Option(help: "active, paused or left.") var status: String
    @Option(help: "Why, in words naming no one (it stands in clear).") var reason: String?
    @Option(help: "The day, YYYY-MM-DD (default: today).") var date: String?

    func run() throws {
        let day = date ?? Recorder.today()
        let ids = try Recorder(ledger: ledger).record([.init(stream: "participant-\(participant)", type: "expert.status-changed", data: object([
            ("participant", participant.json), ("status", status.json), ("date", day.json), ("reason", reason?.json),
        ]), occurredAt: Recorder.day(day))])
        // Recorded, so the schema has checked both: an id and one of three words, never other input.
        Recorder.announce(ids[0], "Recorded expert \(participant) as \(status).")
    }
}
