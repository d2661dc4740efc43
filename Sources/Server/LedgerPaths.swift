import EventStore
import Projections

/// Where a ledger's files are: the ledger, its read models, its keys and its users.
public struct LedgerPaths: Sendable {
    public var ledger: String
    public var masterKey: String
    public var keyStore: String
    public var readModels: String
    public var credentials: String

    /// The files beside the ledger, as `tuki init` makes them.
    public init(ledger: String, masterKey: String? = nil) {
        self.ledger = ledger
        self.masterKey = masterKey ?? MasterKey.defaultPath(forLedger: ledger)
        keyStore = KeyStore.defaultPath(forLedger: ledger)
        readModels = ReadModelDatabase.defaultPath(forLedger: ledger)
        credentials = Credentials.defaultPath(forLedger: ledger)
    }
}
