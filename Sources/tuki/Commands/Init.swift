import ArgumentParser
import EventStore
import Foundation

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a new, empty ledger, its key store and its master key file (never overwrites a file).")

    @OptionGroup var ledger: LedgerOptions

    func run() throws {
        // Check every file first, so that a refusal leaves nothing half-made behind.
        for path in [ledger.path, ledger.keyStorePath] where FileManager.default.fileExists(atPath: path) {
            throw EventStoreError.ledgerExists(path: path)
        }
        guard !FileManager.default.fileExists(atPath: ledger.keyFilePath) else {
            throw PrivacyError.masterKeyExists(path: ledger.keyFilePath)
        }
        let masterKey = try MasterKey.create(at: ledger.keyFilePath)
        _ = try EventStore.create(at: ledger.path)
        _ = try KeyStore.create(at: ledger.keyStorePath, masterKey: masterKey)
        print("Created an empty ledger at \(ledger.path).")
        print("Its key store is \(ledger.keyStorePath); its master key is \(ledger.keyFilePath) (readable by you only).")
        print("Back up the master key apart from the ledger: without it, no sealed personal data can be read.")
    }
}
