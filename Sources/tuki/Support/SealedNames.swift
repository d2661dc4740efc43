import ArgumentParser
import EventStore
import Ledger
import Reports

/// Opens the names (and, for the payroll view, identity codes) sealed in participants'
/// registrations, for a list or an attendance sheet. Each person whose data is opened gets one
/// `access.logged`, all in one transaction, before anything is shown (`PersonalData.open`).
enum SealedNames {
    static func open(_ participants: [String], ledger: LedgerOptions, purpose: String) throws -> [String: ListReports.Person] {
        try ledger.personalData().openRegistrations(of: participants, actor: ledger.actorName, purpose: purpose).mapValues(ListReports.Person.init)
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
