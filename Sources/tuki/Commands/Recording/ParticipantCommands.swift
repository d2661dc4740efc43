import ArgumentParser
import EventStore
import Foundation
import Ledger

struct ParticipantCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "participant", abstract: "Record participants.", subcommands: [ParticipantRegister.self, ParticipantCorrect.self, ParticipantIndexNames.self])
}

struct ParticipantRegister: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "register",
        abstract: "Register a participant under a new pseudonymous id, which it prints.",
        discussion: "Name, exact birth date, contact, guardian and identity code are sealed (docs/privacy.md); only the birth year stands in clear.")

    @OptionGroup var ledger: LedgerOptions
    @OptionGroup var person: PersonalOptions
    @Option(help: "Roles, comma-separated: \(ParticipantRegistered.Role.allValueStrings.joined(separator: ", ")).")
    var roles: String = "parent"
    @Option(help: "The registration day (default: today).") var date: String?

    func run() throws {
        let personal = try person.personal()
        let roleList = try roles.split(separator: ",").map { text in
            guard let role = ParticipantRegistered.Role(rawValue: String(text).trimmed) else {
                throw CommandFailure.usage("--roles must be among \(ParticipantRegistered.Role.allValueStrings.joined(separator: ", ")).")
            }
            return role
        }
        let recorded = try Recorder(ledger: ledger).record(RegisterParticipant(
            personal: personal, gender: person.gender, municipality: person.municipality, roles: roleList, registeredOn: date))
        Recorder.announce(recorded.id, "Registered participant \(recorded.id); the name and birth date are sealed.")
    }
}

struct ParticipantCorrect: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "correct",
        abstract: "Correct a participant's details; prints the participant's id.",
        discussion: "Give the whole record as it now stands: what is left out is recorded as not given. The personal fields are sealed as at registration; lists and reports show the corrected values.")

    @OptionGroup var ledger: LedgerOptions
    @Argument(help: "The participant's id.") var participant: String
    @OptionGroup var person: PersonalOptions
    @Option(help: "The day of the correction (default: today).") var date: String?

    func run() throws {
        let recorded = try Recorder(ledger: ledger).record(CorrectParticipantDetails(
            participant: participant, personal: try person.personal(), gender: person.gender, municipality: person.municipality, date: date))
        Recorder.announce(recorded.id, "Corrected the details of \(recorded.id); the name and birth date are sealed.")
    }
}

struct ParticipantIndexNames: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index-names",
        abstract: "Index every participant's name for the server's people search; prints how many.",
        discussion: "For a ledger whose people were registered before the search existed, or a key store restored from a backup. Each name is opened for it, and so logged in that person's access log (docs/privacy.md).")

    @OptionGroup var ledger: LedgerOptions

    func run() throws {
        let indexed = try ledger.personalData().indexNames(actor: ledger.actorName)
        print(indexed)
        FileHandle.standardError.write(Data("Indexed \(indexed) names; each opening is in that person's access log.\n".utf8))
    }
}

/// A person's details as registration and correction take them: sealed but for the gender and
/// municipality, and the birth year, which stand in clear for the reports.
struct PersonalOptions: ParsableArguments {
    @Option(help: "The person's name (sealed).") var name: String
    @Option(help: "Birth date, YYYY-MM-DD (sealed; the year is kept in clear for reports).") var birthDate: String
    @Option(help: "The person's gender.") var gender: ParticipantRegistered.Gender
    @Option(help: "Home municipality.") var municipality: String
    @Option(help: "Phone or e-mail (sealed).") var contact: String?
    @Option(help: "The guardian's name and contact, for a child (sealed).") var guardian: String?
    @Option(help: "Personal identity code (sealed).") var identityCode: String?

    func personal() throws -> RegisterParticipant.Personal {
        guard birthDate.count == 10, (try? Timestamp(rfc3339: "\(birthDate)T00:00:00Z")) != nil else {
            throw CommandFailure.usage("--birth-date must be a day of the calendar, YYYY-MM-DD.")
        }
        return .init(name: name, birthDate: birthDate, contact: contact, guardian: guardian, personalIdentityCode: identityCode)
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
    @Option(help: "Training as an experience expert.") var training: ExpertRegistered.Training = .none
    @Option(help: "The registration day (default: today).") var date: String?

    func run() throws {
        try Recorder(ledger: ledger).record(RegisterExpert(participant: participant, alias: alias, anonymous: anonymous, training: training, date: date))
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
    @Option(help: "The expert's status from the day on.") var status: ExpertStatusChanged.Status
    @Option(help: "Why, in words naming no one (it stands in clear).") var reason: String?
    @Option(help: "The day, YYYY-MM-DD (default: today).") var date: String?

    func run() throws {
        let recorded = try Recorder(ledger: ledger).record(ChangeExpertStatus(participant: participant, status: status, reason: reason, date: date))
        // Recorded, so the schema has checked the id: an id and one of three words, never other input.
        Recorder.announce(recorded.eventIds[0], "Recorded expert \(participant) as \(status.rawValue).")
    }
}
