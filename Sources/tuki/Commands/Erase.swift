import ArgumentParser
import EventStore

struct Erase: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "erase",
        abstract: "Erase a subject's personal data: destroy its key and record subject.erased.",
        discussion: "The history and its hash chain stay intact; the subject's sealed values can never be opened again."
    )

    @OptionGroup var ledger: LedgerOptions

    @Argument(help: "The subject's pseudonymous id, e.g. p-7k2m.")
    var subject: String

    @Option(help: "Why the data is erased (recorded in the ledger: write no personal data here).")
    var reason: String

    func run() throws {
        let subject = try SubjectID(subject)
        switch try ledger.personalData().erase(subject, actor: ledger.actorName, reason: reason) {
        case let .erased(position):
            print("Erased the personal data of subject \(subject); recorded at position \(position).")
        case .alreadyErased:
            print("The personal data of subject \(subject) was already erased; its key is gone.")
        }
    }
}
