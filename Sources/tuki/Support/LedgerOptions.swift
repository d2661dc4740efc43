import ArgumentParser
import EventStore
import Foundation
import Projections
import Server

/// Where the ledger is and who is recording: shared by every command that touches a ledger.
struct LedgerOptions: ParsableArguments {
    /// The options' help, shared with `ReportOptions`, which declares the same options.
    enum Help {
        static let db = ArgumentHelp("The ledger file (else $TUKI_DB, else ./tuki.sqlite).", valueName: "path")
        static let actor = ArgumentHelp("Who is recording, stored in meta.actor (else $TUKI_ACTOR, else the OS user).", valueName: "name")
        static let keyFile = ArgumentHelp("The master key file (else $TUKI_KEY_FILE, else beside the ledger).", valueName: "path")
    }

    @Option(name: .long, help: Help.db) var db: String?
    @Option(name: .long, help: Help.actor) var actor: String?
    @Option(name: .long, help: Help.keyFile) var keyFile: String?

    init() {}

    /// The options as given to a command that declares them itself (`ReportOptions`).
    init(db: String?, actor: String?, keyFile: String?) {
        self.db = db
        self.actor = actor
        self.keyFile = keyFile
    }

    var path: String {
        db ?? environment("TUKI_DB") ?? "./tuki.sqlite"
    }

    var actorName: String {
        actor ?? environment("TUKI_ACTOR") ?? osUser
    }

    /// The ledger's companion files: its key store, read models and users beside it, and its
    /// master key there too unless given (`--key-file`, `$TUKI_KEY_FILE`).
    var files: LedgerPaths {
        LedgerPaths(ledger: path, masterKey: keyFile ?? environment("TUKI_KEY_FILE"))
    }

    var keyFilePath: String { files.masterKey }
    var keyStorePath: String { files.keyStore }
    /// `tuki.readmodels.sqlite` beside `tuki.sqlite`: the live read models.
    var readModelPath: String { files.readModels }

    func openStore() throws -> EventStore {
        try EventStore.open(at: path)
    }

    func personalData() throws -> PersonalData {
        PersonalData(store: try openStore(), keyStorePath: keyStorePath, masterKeyPath: keyFilePath)
    }

    private func environment(_ name: String) -> String? {
        guard let value = ProcessInfo.processInfo.environment[name], !value.isEmpty else { return nil }
        return value
    }

    private var osUser: String {
        if let user = environment("USER") ?? environment("LOGNAME") { return user }
        let name = ProcessInfo.processInfo.userName
        return name.isEmpty ? "unknown" : name
    }
}
