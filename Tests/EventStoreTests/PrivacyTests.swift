import Foundation
import GRDB
import Testing

@testable import EventStore

/// A ledger with its key store and master key, as `tuki init` makes them.
final class TestVault {
    let ledger: TestLedger
    let vault: PersonalData
    let keyStorePath: String
    let masterKeyPath: String

    init() throws {
        ledger = try TestLedger()
        keyStorePath = KeyStore.defaultPath(forLedger: ledger.path)
        masterKeyPath = ledger.directory.appendingPathComponent("master.key").path
        _ = try KeyStore.create(at: keyStorePath, masterKey: try MasterKey.create(at: masterKeyPath))
        vault = PersonalData(store: ledger.store, keyStorePath: keyStorePath, masterKeyPath: masterKeyPath)
    }

    /// Registers `subject` with sealed personal fields, as a domain command will.
    @discardableResult
    func register(_ subject: String, fields: String) throws -> SealedValue {
        let id = try SubjectID(subject)
        let sealed = try vault.seal(try JSONParser.parse(fields), for: id)
        try ledger.store.append([try ProposedEvent(
            stream: try StreamName("participant-\(subject)"), type: try EventType("participant.registered"),
            occurredAt: try Timestamp(rfc3339: "2026-01-20T10:00:00Z"),
            data: .object([(key: "participant", value: .string(subject)), (key: "personal", value: sealed.json)]))])
        return sealed
    }

    func eventCount(ofType type: String) throws -> Int {
        try ledger.all().filter { $0.type == type }.count
    }

    /// Every file the ledger uses: database, key store, their WAL and shared-memory files.
    var files: [String] {
        [ledger.path, keyStorePath].flatMap { [$0, $0 + "-wal", $0 + "-shm"] }
    }

    /// The files among `files` that contain `bytes` anywhere.
    func filesContaining(_ bytes: Data) throws -> [String] {
        try files.filter { path in
            guard let contents = FileManager.default.contents(atPath: path) else { return false }
            return contents.range(of: bytes) != nil
        }
    }
}

@Suite struct SealedValueTests {
    let subject = try! SubjectID("p-7k2m")
    let key = SymmetricKey(size: .bits256)

    @Test func sealThenOpenGivesBackTheFields() throws {
        let fields = try JSONParser.parse(#"{"name":"Aino Virtanen","birthDate":"2011-05-04","contact":{"phone":"040 123"}}"#)
        let sealed = try SealedValue.seal(fields, for: subject, using: key)
        #expect(try sealed.open(using: key) == fields.canonical)
        // And through its JSON form, as it stands in an event.
        let text = JSONWriter.compact(sealed.json)
        #expect(!text.contains("Virtanen"))
        let reread = try #require(try SealedValue(json: try JSONParser.parse(text)))
        #expect(try reread.open(using: key) == fields.canonical)
    }

    @Test func aTamperedCiphertextDoesNotOpen() throws {
        let sealed = try SealedValue.seal(try JSONParser.parse(#"{"name":"Aino"}"#), for: subject, using: key)
        var bytes = [UInt8](sealed.ciphertext)
        bytes[0] ^= 0x01
        let tampered = SealedValue(subject: subject, nonce: sealed.nonce, ciphertext: Data(bytes))
        #expect(throws: PrivacyError.cannotOpen(subject: "p-7k2m")) { try tampered.open(using: key) }
        let truncated = SealedValue(subject: subject, nonce: sealed.nonce, ciphertext: sealed.ciphertext.prefix(10))
        #expect(throws: PrivacyError.cannotOpen(subject: "p-7k2m")) { try truncated.open(using: key) }
    }

    @Test func aSealedValueMovedToAnotherSubjectDoesNotOpen() throws {
        let sealed = try SealedValue.seal(try JSONParser.parse(#"{"name":"Aino"}"#), for: subject, using: key)
        // Even with the right key: the subject is bound into the authenticated data.
        let moved = SealedValue(subject: try SubjectID("p-9x4d"), nonce: sealed.nonce, ciphertext: sealed.ciphertext)
        #expect(throws: PrivacyError.cannotOpen(subject: "p-9x4d")) { try moved.open(using: key) }
        #expect(throws: PrivacyError.cannotOpen(subject: "p-7k2m")) { try sealed.open(using: SymmetricKey(size: .bits256)) }
        #expect(PrivacyError.cannotOpen(subject: "p-9x4d").description.contains("another subject"))
    }

    @Test func sealedValuesAreFoundAnywhereInData() throws {
        let a = try SealedValue.seal(.object([]), for: subject, using: key)
        let data = JSONValue.object([
            (key: "personal", value: a.json),
            (key: "guardians", value: .array([.object([(key: "contact", value: a.json)])])),
            (key: "plain", value: .string("x")),
        ])
        #expect(try SealedValue.all(in: data).map(\.path) == ["personal", "guardians[0].contact"])
    }
}

@Suite struct PersonalDataTests {
    @Test func everyRevealAppendsExactlyOneAccessLoggedEvent() throws {
        let t = try TestVault()
        try t.register("p-7k2m", fields: #"{"name":"Aino Virtanen"}"#)
        try t.register("p-9x4d", fields: #"{"name":"Eero Mäkinen"}"#)
        let subject = try SubjectID("p-7k2m")

        let first = try t.vault.reveal(subject, actor: "coordinator", purpose: "camp contact list")
        #expect(first.values.count == 1)
        #expect(first.values[0].fields["name"]?.stringValue == "Aino Virtanen")
        #expect(first.values[0].path == "personal")
        #expect(try t.eventCount(ofType: "access.logged") == 1)
        _ = try t.vault.reveal(subject, actor: "auditor", purpose: "audit")
        #expect(try t.eventCount(ofType: "access.logged") == 2)

        let log = try t.vault.accessLog(subject)
        #expect(log.map(\.actor) == ["coordinator", "auditor"])
        #expect(log.map(\.purpose) == ["camp contact list", "audit"])
        #expect(log[0].position == first.accessPosition)
        #expect(try t.vault.accessLog(try SubjectID("p-9x4d")).isEmpty)
    }

    @Test func readingCountingAndVerifyingAppendNothing() throws {
        let t = try TestVault()
        try t.register("p-7k2m", fields: #"{"name":"Aino Virtanen"}"#)
        let head = try t.ledger.store.head()
        _ = try t.ledger.store.verify()
        _ = try t.ledger.all()
        _ = try t.vault.accessLog(try SubjectID("p-7k2m"))
        let registered = try t.ledger.store.read { reader in
            var n = 0
            try reader.events(type: "participant.registered").forEach { _ in n += 1 }
            return n
        }
        #expect(registered == 1)
        #expect(try t.ledger.store.head() == head)
    }

    @Test func aRevealWithoutAPurposeIsRefusedAndLogsNothing() throws {
        let t = try TestVault()
        try t.register("p-7k2m", fields: #"{"name":"Aino"}"#)
        #expect(throws: EventValidationError(field: "purpose", reason: "must be given")) {
            try t.vault.reveal(try SubjectID("p-7k2m"), actor: "x", purpose: "  ")
        }
        #expect(try t.eventCount(ofType: "access.logged") == 0)
    }

    @Test(arguments: [false, true])
    func afterErasureNothingOpensTheChainVerifiesAndNoTraceRemains(checkpointFirst: Bool) throws {
        let t = try TestVault()
        let name = "Zyxwvutsson-Qöpelinen"
        try t.register("p-7k2m", fields: #"{"name":"\#(name)","phone":"040 987 6543"}"#)
        try t.register("p-9x4d", fields: #"{"name":"Eero Mäkinen"}"#)
        let subject = try SubjectID("p-7k2m")
        let keyStore = try KeyStore.open(at: t.keyStorePath)
        let dataKey = try keyStore.dataKey(for: subject, masterKey: try MasterKey.load(from: t.masterKeyPath), create: false)
            .withUnsafeBytes { Data($0) }
        let wrappedKey = try DatabaseQueue(path: t.keyStorePath).read { db in
            try #require(try Data.fetchOne(db, sql: "SELECT wrapped_key FROM subject_keys WHERE subject = 'p-7k2m'"))
        }
        _ = try t.vault.reveal(subject, actor: "coordinator", purpose: "before erasure")

        if checkpointFirst {
            for path in [t.ledger.path, t.keyStorePath] {
                try DatabaseQueue(path: path).writeWithoutTransaction { try $0.checkpoint(.truncate) }
            }
        } else {
            // The ledger's events are still only in its WAL.
            let walSize = (try? FileManager.default.attributesOfItem(atPath: t.ledger.path + "-wal")[.size] as? Int) ?? 0
            #expect(walSize > 0)
        }
        // The search works: before erasure the wrapped key is in the key store's files.
        #expect(try !t.filesContaining(wrappedKey).isEmpty)

        #expect(try t.vault.erase(subject, actor: "coordinator", reason: "asked by the participant") != .alreadyErased)

        #expect(throws: PrivacyError.erased(subject: "p-7k2m")) {
            try t.vault.reveal(subject, actor: "coordinator", purpose: "after erasure")
        }
        #expect(throws: PrivacyError.erased(subject: "p-7k2m")) {
            try keyStore.dataKey(for: subject, masterKey: try MasterKey.load(from: t.masterKeyPath), create: true)
        }
        #expect(throws: PrivacyError.erased(subject: "p-7k2m")) { try t.vault.seal(.object([]), for: subject) }
        guard case let .intact(count, _) = try t.ledger.store.verify() else {
            Issue.record("the chain no longer verifies after erasure")
            return
        }
        #expect(count == 4)  // two registrations, one access, one erasure
        #expect(try t.filesContaining(Data(name.utf8)).isEmpty)
        #expect(try t.filesContaining(dataKey).isEmpty)
        #expect(try t.filesContaining(wrappedKey).isEmpty)

        // The other subject is untouched.
        #expect(try t.vault.reveal(try SubjectID("p-9x4d"), actor: "c", purpose: "p").values.count == 1)
        // Erasing again records nothing new.
        #expect(try t.vault.erase(subject, actor: "coordinator", reason: "again") == .alreadyErased)
        #expect(try t.eventCount(ofType: "subject.erased") == 1)
    }

    @Test func erasingASubjectWithNoPersonalDataIsRefused() throws {
        let t = try TestVault()
        #expect(throws: PrivacyError.noPersonalData(subject: "p-none")) {
            try t.vault.erase(try SubjectID("p-none"), actor: "c", reason: "r")
        }
    }

    @Test func aMissingOrWrongMasterKeyStopsRevealOnlyWithAClearError() throws {
        let t = try TestVault()
        try t.register("p-7k2m", fields: #"{"name":"Aino"}"#)
        let subject = try SubjectID("p-7k2m")

        let missing = PersonalData(store: t.ledger.store, keyStorePath: t.keyStorePath, masterKeyPath: t.masterKeyPath + ".gone")
        #expect(throws: PrivacyError.noMasterKey(path: t.masterKeyPath + ".gone")) {
            try missing.reveal(subject, actor: "c", purpose: "p")
        }
        let otherKeyPath = t.ledger.directory.appendingPathComponent("other.key").path
        _ = try MasterKey.create(at: otherKeyPath)
        let wrong = PersonalData(store: t.ledger.store, keyStorePath: t.keyStorePath, masterKeyPath: otherKeyPath)
        #expect(throws: PrivacyError.wrongMasterKey(path: otherKeyPath)) { try wrong.reveal(subject, actor: "c", purpose: "p") }
        #expect(throws: PrivacyError.wrongMasterKey(path: otherKeyPath)) { try wrong.seal(.object([]), for: subject) }
        #expect(try t.eventCount(ofType: "access.logged") == 0)

        // Everything that does not open sealed values still works.
        guard case .intact = try t.ledger.store.verify() else {
            Issue.record("verify failed")
            return
        }
        try t.ledger.store.append([try event("activity-a")])
        #expect(try wrong.accessLog(subject).isEmpty)
        #expect(try wrong.erase(subject, actor: "c", reason: "r") != .alreadyErased)
    }

    @Test func aMasterKeyFileIsPrivateAndNeverOverwritten() throws {
        let t = try TestVault()
        let mode = try FileManager.default.attributesOfItem(atPath: t.masterKeyPath)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(throws: PrivacyError.masterKeyExists(path: t.masterKeyPath)) { try MasterKey.create(at: t.masterKeyPath) }
        try Data("not a key".utf8).write(to: URL(fileURLWithPath: t.masterKeyPath + ".bad"))
        #expect(throws: PrivacyError.unreadableMasterKey(path: t.masterKeyPath + ".bad")) {
            try MasterKey.load(from: t.masterKeyPath + ".bad")
        }
    }
}
