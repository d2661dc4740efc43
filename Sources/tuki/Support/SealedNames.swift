import ArgumentParser
import EventStore
import Ledger
import Reports

/// Opens the names (and, for the payroll view, identity codes) sealed in participants'
/// registrations, for a list or an attendance sheet. Each person whose data is opened gets one
/// `access.logged`, all in one transaction, before anything is shown (`PersonalData.open`).
enum SealedNames {
    struct Person {
        let name: ListReports.Name
        let identityCode: String?
    }

    static func open(_ participants: [String], ledger: LedgerOptions, purpose: String) throws -> [String: Person] {
        let store = try ledger.openStore()
        var sealed: [SealedValue] = []
        try store.read { reader in
            for participant in Set(participants).sorted() {
                if let value = try StandingEvents.sealedRegistration(of: participant, in: reader) { sealed.append(value) }
            }
        }
        let opened = try ledger.personalData().open(sealed, actor: ledger.actorName, purpose: purpose)
        var people: [String: Person] = [:]
        for (subject, result) in opened {
            switch result {
            case let .opened(fields):
                people[subject.text] = Person(name: .name(fields["name"]?.stringValue ?? ""),
                                              identityCode: fields["personalIdentityCode"]?.stringValue)
            case .erased: people[subject.text] = Person(name: .erased, identityCode: nil)
            case .noKey: people[subject.text] = Person(name: .noKey, identityCode: nil)
            }
        }
        return people
    }

    /// Each person's name as a list shows it: the alias given in `shownAs` (an anonymous expert's,
    /// whose data is then neither opened nor logged), else the opened name; no entry for someone
    /// registered without sealed fields.
    static func names(_ people: [(participant: String, shownAs: String?)], ledger: LedgerOptions,
                      purpose: String) throws -> [String: ListReports.Name] {
        let opened = try open(people.filter { $0.shownAs == nil }.map(\.participant), ledger: ledger, purpose: purpose)
        return people.reduce(into: [:]) { names, person in
            names[person.participant] = person.shownAs.map(ListReports.Name.alias) ?? opened[person.participant]?.name
        }
    }

}

/// `--names --purpose TEXT`: what showing people's names takes.
struct NameOptions: ParsableArguments {
    @Flag(help: "Show names (opened from the sealed registrations; each person's access log records it).") var names = false
    @Option(help: "Why the names are needed (required with --names; stored in clear, so no personal data).") var purpose: String?

    func validate() throws {
        if names && (purpose?.trimmed.isEmpty ?? true) { throw ValidationError("--names needs --purpose: why the names are needed.") }
        if !names && purpose != nil { throw ValidationError("--purpose goes with --names.") }
    }
}
