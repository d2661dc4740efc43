import Samples
import EventStore
import Foundation
import GRDB
import Ledger
import Projections

/// A ledger (with its key store) and its read models in a fresh temporary directory, removed when
/// the test ends.
final class ProjectionFixture {
    let directory: URL
    let ledgerPath: String
    let store: EventStore
    let personalData: PersonalData

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("tuki-projections-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        ledgerPath = directory.appendingPathComponent("ledger.sqlite").path
        store = try EventStore.create(at: ledgerPath)
        let keyStorePath = KeyStore.defaultPath(forLedger: ledgerPath)
        let masterKeyPath = directory.appendingPathComponent("master.key").path
        _ = try KeyStore.create(at: keyStorePath, masterKey: try MasterKey.create(at: masterKeyPath))
        personalData = PersonalData(store: store, keyStorePath: keyStorePath, masterKeyPath: masterKeyPath)
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }

    func demoEvents() throws -> [ProposedEvent] {
        try SampleProgramme.events(actor: "tester") { try self.personalData.seal($0, for: $1).json }
    }

    /// The live read models beside the ledger.
    func liveReadModels() throws -> ReadModelDatabase {
        try ReadModelDatabase.open(at: ReadModelDatabase.defaultPath(forLedger: ledgerPath))
    }

    func engine(_ readModels: ReadModelDatabase, projectors: [any Projector] = StandardProjectors.all) throws -> ProjectionEngine {
        try ProjectionEngine(store: store, readModels: readModels, projectors: projectors)
    }

    /// A read model built from scratch in one go: what every other way of building must equal.
    func rebuiltReadModels(to position: Int64? = nil) throws -> ReadModelDatabase {
        let readModels = try ReadModelDatabase.temporary()
        try engine(readModels).rebuild(to: position)
        return readModels
    }
}

/// Every row of every table of a read-model file, as text, in primary-key order: two read models
/// are the same when their dumps are.
func dump(_ readModels: ReadModelDatabase) throws -> [String: [[String]]] {
    try readModels.read { db in
        var tables: [String: [[String]]] = [:]
        let names = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        for name in names {
            let columns = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM pragma_table_info(?)", arguments: [name]) ?? 1
            let order = (1...columns).map(String.init).joined(separator: ", ")
            tables[name] = try Row.fetchAll(db, sql: "SELECT * FROM \(name) ORDER BY \(order)").map { row in
                row.databaseValues.map { $0.isNull ? "NULL" : $0.description }
            }
        }
        return tables
    }
}

/// Splits `events` into consecutive chunks of random sizes from 1 to `largest`.
func chunks<T>(_ events: [T], largest: Int, random: inout GeneratedHistory.Random) -> [[T]] {
    var result: [[T]] = []
    var start = 0
    while start < events.count {
        let end = min(events.count, start + 1 + random.below(largest))
        result.append(Array(events[start..<end]))
        start = end
    }
    return result
}
