import ArgumentParser
import Foundation

/// Every command sets its `commandName`: without one, swift-argument-parser works the name out
/// from the type's name, through the runtime's type-name printing, several times per command on
/// every start (18 M instructions, about 5 ms, of each `tuki` run).
@main
struct Tuki: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tuki",
        abstract: "An append-only, hash-chained records ledger for child-welfare peer-support programmes.",
        discussion: """
            Exit codes: 0 ok, 1 verification failure, 2 usage error, 3 refused input or conflict, \
            4 the ledger file could not be read or written.
            """,
        version: "0.1.0",
        subcommands: [
            Init.self, Append.self, Import.self, Export.self, Restore.self, Log.self, Verify.self,
            ProjectCommand.self, ActivityCommand.self, ParticipantCommand.self, Enrol.self, SessionCommand.self,
            Attendance.self, ExpertCommand.self, EngagementCommand.self, Pay.self, StaffCommand.self, CostCommand.self,
            ConsentCommand.self, FeedbackCommand.self, FITCommand.self, BIKVACommand.self, SurveyCommand.self, VoidCommand.self,
            ListCommand.self, RosterCommand.self, ProjectionsCommand.self, ReportCommand.self,
            Reveal.self, AccessLog.self, Erase.self, UserCommand.self, Serve.self, Demo.self,
        ]
    )

    /// Replaces ArgumentParser's `main()` so that every failure leaves with Tuki's documented exit
    /// code and one plain sentence on stderr, never a stack trace.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var command = command as? AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch {
            let failure = Failure(error)
            if let message = failure.message {
                if failure.code == .ok {
                    print(message)
                } else {
                    Terminal.printError(message)
                }
            }
            Foundation.exit(failure.code.rawValue)
        }
    }
}
