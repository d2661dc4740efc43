import ArgumentParser
import EventStore

struct AccessLog: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "access-log",
        abstract: "List who read a subject's personal data, when and why (and when it was erased).")

    @OptionGroup var ledger: LedgerOptions

    @Argument(help: "The subject's pseudonymous id, e.g. p-7k2m.")
    var subject: String

    func run() throws {
        let subject = try SubjectID(subject)
        let records = try ledger.personalData().accessLog(subject)
        if records.isEmpty {
            print("Nobody has read the personal data of subject \(subject).")
            return
        }
        print("WHEN                  WHAT      WHO                   WHY")
        for record in records {
            let what = record.type == PersonalData.subjectErasedType ? "erased" : "read"
            print([record.occurredAt, Terminal.pad(what, 8), Terminal.pad(record.actor, 20), record.purpose].joined(separator: "  "))
        }
    }
}
