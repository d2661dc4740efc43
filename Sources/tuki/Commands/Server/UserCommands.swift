import ArgumentParser
import EventStore
import Ledger
import Server

struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "The server's users: who they are, and the roles the ledger gives them.",
        subcommands: [UserAdd.self, UserGrant.self, UserRevoke.self, UserResetPassword.self, UserResetSecondFactor.self])
}

/// The options naming a user and a role.
struct UserRoleOptions: ParsableArguments {
    @Argument(help: "The user's sign-in name: a work handle such as ohjaaja-tre-1, never a client's name.") var name: String
    @Option(help: "The user's role.") var role: UserRole
    @Option(name: .customLong("activity"), help: "A facilitator's activity (activity-…); repeat for several.") var activities: [String] = []

    /// Records the grant (through the validated path, with `--actor` as the one who gives it).
    func grant(_ ledger: LedgerOptions) throws {
        try Recorder(ledger: ledger).record(GrantRole(user: name, role: role, activities: activities)) { _ in "the role of \(name)" }
    }
}

struct UserAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a user of `tuki serve` with a role; prints a one-time password.",
        discussion: """
            The grant is recorded in the ledger (user.role-granted, with --actor as the one who gave it). The \
            one-time password goes to standard output only, and its bcrypt hash to the users file beside the \
            ledger (tuki.users.json); at their first sign-in the user chooses their own password.
            """)
    @OptionGroup var ledger: LedgerOptions
    @OptionGroup var options: UserRoleOptions

    func run() throws {
        let path = ledger.files.credentials
        var credentials = try Credentials.load(from: path)
        guard credentials.users[options.name] == nil else {
            throw CommandFailure.usage("The user already exists: give another role with `tuki user grant`, or a new password with `tuki user reset-password`.")
        }
        try options.grant(ledger)
        let password = credentials.issueOneTimePassword(for: options.name)
        try credentials.save(to: path)
        Recorder.announce(password, "Added \(options.name) as \(options.role.rawValue). The line above is their one-time password: give it to them in person; it works once.")
    }
}

struct UserGrant: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grant", abstract: "Give a user another role, or a facilitator more activities.")
    @OptionGroup var ledger: LedgerOptions
    @OptionGroup var options: UserRoleOptions

    func run() throws {
        try options.grant(ledger)
        Terminal.printError("Gave \(options.name) the role \(options.role.rawValue).")
    }
}

struct UserRevoke: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revoke", abstract: "Take a role back from a user; it takes effect at their next click.")
    @OptionGroup var ledger: LedgerOptions
    @Argument(help: "The user's sign-in name.") var name: String
    @Option(help: "The role to take back.") var role: UserRole
    @Option(help: "Why (no personal data).") var reason: String?

    func run() throws {
        try Recorder(ledger: ledger).record(RevokeRole(user: name, role: role, reason: reason)) { _ in "the role of \(name)" }
        Terminal.printError("Took the role \(role.rawValue) back from \(name).")
    }
}

struct UserResetPassword: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reset-password", abstract: "Give a user a new one-time password (a forgotten password); prints it.")
    @OptionGroup var ledger: LedgerOptions
    @Argument(help: "The user's sign-in name.") var name: String

    func run() throws {
        let password = try changeUsersFile(ledger, user: name) { $0.issueOneTimePassword(for: name) }
        Recorder.announce(password, "The line above is \(name)'s new one-time password; the old one no longer works.")
    }
}

struct UserResetSecondFactor: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reset-2fa",
        abstract: "Remove a user's second factor (a lost phone and lost recovery codes).",
        discussion: """
            The user's authenticator and recovery codes stop working at once. At their next sign-in, the \
            password is followed by enrolling a new authenticator when their role requires one (coordinators \
            and auditors), and is enough on its own for the others. Check who is asking before you run this: it \
            is what stands between a stolen password and the names in the ledger.
            """)
    @OptionGroup var ledger: LedgerOptions
    @Argument(help: "The user's sign-in name.") var name: String

    func run() throws {
        try changeUsersFile(ledger, user: name) { credentials in
            guard credentials.resetSecondFactor(of: name) else {
                throw CommandFailure.usage("The user has no second factor: they enrol one at their next sign-in.")
            }
        }
        Terminal.printError("Removed \(name)'s second factor; they enrol a new one at their next sign-in.")
    }
}

/// Reads the users file, refuses a user it does not have, lets `change` change the user's entry,
/// and writes the file back.
private func changeUsersFile<T>(_ ledger: LedgerOptions, user: String, _ change: (inout Credentials) throws -> T) throws -> T {
    let path = ledger.files.credentials
    var credentials = try Credentials.load(from: path)
    guard credentials.users[user] != nil else { throw CommandFailure.usage("There is no such user: add them with `tuki user add`.") }
    let result = try change(&credentials)
    try credentials.save(to: path)
    return result
}
