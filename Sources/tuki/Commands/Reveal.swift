import ArgumentParser
import EventStore

struct Reveal: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reveal",
        abstract: "Show a subject's personal fields. The reading is recorded in the ledger (access.logged).")

    @OptionGroup var ledger: LedgerOptions

    @Argument(help: "The subject's pseudonymous id, e.g. p-7k2m.")
    var subject: String

    @Option(help: "Why you read the data (recorded with your name).")
    var purpose: String

    func run() throws {
        let subject = try SubjectID(subject)
        let revelation = try ledger.personalData().reveal(subject, actor: ledger.actorName, purpose: purpose)
        print("Personal data of subject \(subject); this reading is recorded at position \(revelation.accessPosition).")
        if revelation.values.isEmpty { print("No sealed values were found in the ledger.") }
        for value in revelation.values {
            print("position \(value.position)  \(value.type)  \(value.path): \(JSONWriter.compact(value.fields))")
        }
    }
}
