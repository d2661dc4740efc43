import Foundation

/// Seals, reveals and erases personal data for one ledger, keeping the promises of docs/privacy.md: names never in clear in the log, every reading of decrypted data recorded
/// as an event, erasure that leaves the history and its hash chain intact.
///
/// Nothing here is needed to open, verify, export or count a ledger: only sealing and revealing
/// read the master key, and erasing needs the key store alone.
public final class PersonalData {
    public static let accessLoggedType = "access.logged"
    public static let subjectErasedType = "subject.erased"

    public let store: EventStore
    public let keyStorePath: String
    public let masterKeyPath: String

    public init(store: EventStore, keyStorePath: String, masterKeyPath: String) {
        self.store = store
        self.keyStorePath = keyStorePath
        self.masterKeyPath = masterKeyPath
    }

    // MARK: - Sealing

    /// Seals `fields` for `subject` and gives the sealed value to `record`. If `record` throws (a
    /// refused event), a key that was made for this alone is erased again: a refusal leaves no
    /// key behind.
    public func sealing<T>(_ fields: JSONValue, for subject: SubjectID, _ record: (SealedValue) throws -> T) throws -> T {
        let hadKey = try KeyStore.open(at: keyStorePath).hasKey(for: subject)
        let (sealed, previousTokens) = try sealAndIndex(fields, for: subject)
        do {
            return try record(sealed)
        } catch {
            undo(subject, hadKey: hadKey, previousTokens: previousTokens)
            throw error
        }
    }

    /// `sealing` for a `record` that waits: a server's request waiting for the ledger's writer.
    public func sealing<T>(_ fields: JSONValue, for subject: SubjectID, _ record: (SealedValue) async throws -> T) async throws -> T {
        let hadKey = try KeyStore.open(at: keyStorePath).hasKey(for: subject)
        let (sealed, previousTokens) = try sealAndIndex(fields, for: subject)
        do {
            return try await record(sealed)
        } catch {
            undo(subject, hadKey: hadKey, previousTokens: previousTokens)
            throw error
        }
    }

    /// A refused event leaves the key store as it was: a key made for it alone is erased, and
    /// the name index finds the person by their name as it was before.
    private func undo(_ subject: SubjectID, hadKey: Bool, previousTokens: Set<[UInt8]>?) {
        guard let keyStore = try? KeyStore.open(at: keyStorePath) else { return }
        if !hadKey {
            _ = try? keyStore.erase(subject)
        } else if let previousTokens {
            _ = try? keyStore.replaceNameTokens(of: subject, with: previousTokens)
        }
    }

    /// Encrypts `fields` for `subject`, making the subject's data key on first use. Fields that
    /// hold a `name` put it in the name index (`NameIndex`) in place of the subject's earlier one.
    public func seal(_ fields: JSONValue, for subject: SubjectID) throws -> SealedValue {
        try sealAndIndex(fields, for: subject).sealed
    }

    private func sealAndIndex(_ fields: JSONValue, for subject: SubjectID) throws -> (sealed: SealedValue, previousTokens: Set<[UInt8]>?) {
        guard try !isErasedInLedger(subject) else { throw PrivacyError.erased(subject: subject.text) }
        let keyStore = try KeyStore.open(at: keyStorePath)
        let masterKey = try MasterKey.load(from: masterKeyPath)
        let key = try keyStore.dataKey(for: subject, masterKey: masterKey, create: true)
        let sealed = try SealedValue.seal(fields, for: subject, using: key)
        guard let name = fields["name"]?.stringValue else { return (sealed, nil) }
        let previous = try keyStore.replaceNameTokens(of: subject, with: NameIndex.tokens(ofName: name, key: try keyStore.nameIndexKey(masterKey: masterKey)))
        return (sealed, previous)
    }

    // MARK: - Finding

    /// The subjects whose name has every part of the search as the start of one of its parts
    /// (`NameIndex`); nil when the search is too short to look for. Nothing is opened: the caller
    /// opens, and so logs, only those it shows.
    public func subjects(named query: String) throws -> [SubjectID]? {
        let keyStore = try KeyStore.open(at: keyStorePath)
        guard let tokens = NameIndex.tokens(ofQuery: query, key: try keyStore.nameIndexKey(masterKey: try MasterKey.load(from: masterKeyPath)))
        else { return nil }
        return try keyStore.subjects(matchingAll: tokens)
    }

    // MARK: - Revealing

    public struct RevealedValue: Sendable {
        public let position: Int64
        public let type: String
        /// Where in the event's data the sealed value stands, e.g. `personal`.
        public let path: String
        public let fields: JSONValue
    }

    public struct Revelation: Sendable {
        /// The position of the `access.logged` event that recorded this reading.
        public let accessPosition: Int64
        public let values: [RevealedValue]
    }

    /// Opens every sealed value of `subject` in the log on behalf of `actor`. The reading is
    /// recorded (one `access.logged` event) before any decrypted value is returned; if it cannot
    /// be recorded, nothing is returned.
    public func reveal(_ subject: SubjectID, actor: String, purpose: String) throws -> Revelation {
        let purpose = try Self.required(purpose, field: "purpose")
        let keyStore = try KeyStore.open(at: keyStorePath)
        let needle = #""subject":"\#(subject.text)""#
        let key: SymmetricKey
        switch try dataKey(for: subject, in: keyStore, masterKey: { try MasterKey.load(from: masterKeyPath) }) {
        case let .key(found): key = found
        case .erased: throw PrivacyError.erased(subject: subject.text)
        case .missing:
            // No key here: either nothing was ever sealed for the subject, or the ledger came
            // without the key store it was recorded with (a copy restored elsewhere).
            let sealedInLedger = try store.read { reader in
                let cursor = try reader.events(whoseDataContains: needle)
                while let event = try cursor.next() {
                    if try SealedValue.all(in: try JSONParser.parse(event.data)).contains(where: { $0.sealed.subject == subject }) { return true }
                }
                return false
            }
            throw sealedInLedger ? PrivacyError.noKeyForSealedData(subject: subject.text) : PrivacyError.noPersonalData(subject: subject.text)
        }

        let values = try store.read { reader in
            var values: [RevealedValue] = []
            let cursor = try reader.events(whoseDataContains: needle)
            while let event = try cursor.next() {
                for (path, sealed) in try SealedValue.all(in: try JSONParser.parse(event.data)) where sealed.subject == subject {
                    values.append(RevealedValue(
                        position: event.position, type: event.type, path: path, fields: try sealed.open(using: key)))
                }
            }
            return values
        }
        let access = try record(Self.accessLoggedType, for: subject, actor: actor, data: [
            "subject": .string(subject.text), "actor": .string(actor), "purpose": .string(purpose),
            "valuesOpened": .number(String(values.count)),
        ])
        return Revelation(accessPosition: access, values: values)
    }

    /// What became of one subject's value in a batch reading.
    public enum Opened: Sendable, Equatable {
        case opened(JSONValue)
        /// The subject was erased: the value can never be opened again.
        case erased
        /// This key store holds no key for the subject (a copy restored without its key store).
        case noKey
    }

    /// Opens one sealed value of each of many subjects — the names on a list, an attendance
    /// sheet — on behalf of `actor`. Each subject whose value opened gets its own `access.logged`
    /// (so each person's access log tells them of it), all appended in one transaction before any
    /// value is returned; if they cannot be recorded, nothing is returned.
    public func open(_ values: [SealedValue], actor: String, purpose: String) throws -> [SubjectID: Opened] {
        let purpose = try Self.required(purpose, field: "purpose")
        guard !values.isEmpty else { return [:] }
        let keyStore = try KeyStore.open(at: keyStorePath)
        let masterKey = try MasterKey.load(from: masterKeyPath)
        var results: [SubjectID: Opened] = [:]
        var opened: [SubjectID] = []
        // One value per subject: a second one given for a subject already read is left out.
        for sealed in values where results[sealed.subject] == nil {
            switch try dataKey(for: sealed.subject, in: keyStore, masterKey: { masterKey }) {
            case let .key(key):
                results[sealed.subject] = .opened(try sealed.open(using: key))
                opened.append(sealed.subject)
            case .erased: results[sealed.subject] = .erased
            case .missing: results[sealed.subject] = .noKey
            }
        }
        let readings = try opened.map { subject in
            try proposal(Self.accessLoggedType, for: subject, actor: actor, data: [
                "subject": .string(subject.text), "actor": .string(actor), "purpose": .string(purpose), "valuesOpened": .number("1"),
            ])
        }
        if !readings.isEmpty { try store.append(readings) }
        return results
    }

    // MARK: - Erasing

    public enum ErasureOutcome: Sendable, Equatable {
        case erased(position: Int64)
        case alreadyErased
    }

    /// Destroys the subject's data key (see `KeyStore.erase`) and records `subject.erased`. Safe to
    /// repeat: an interrupted erasure is completed, a finished one is reported as such.
    public func erase(_ subject: SubjectID, actor: String, reason: String) throws -> ErasureOutcome {
        let reason = try Self.required(reason, field: "reason")
        let keyStore = try KeyStore.open(at: keyStorePath)
        let recorded = try isErasedInLedger(subject)
        guard try recorded || keyStore.isErased(subject) || keyStore.hasKey(for: subject) else {
            throw PrivacyError.noPersonalData(subject: subject.text)
        }
        // The key goes first: if recording fails after it, the data is already unreadable, and
        // running the erasure again records it.
        try keyStore.erase(subject)
        if recorded { return .alreadyErased }
        let position = try record(Self.subjectErasedType, for: subject, actor: actor, data: [
            "subject": .string(subject.text), "reason": .string(reason),
        ])
        return .erased(position: position)
    }

    // MARK: - The access log

    public struct AccessRecord: Sendable, Equatable {
        public let position: Int64
        public let occurredAt: String
        public let type: String
        public let actor: String
        /// The purpose of a reading, or the reason of an erasure.
        public let purpose: String
    }

    /// Who read the subject's personal data and why, and when it was erased, oldest first: only
    /// those two kinds of record, whatever else a stream of that name might hold.
    public func accessLog(_ subject: SubjectID) throws -> [AccessRecord] {
        try store.read { reader in
            var records: [AccessRecord] = []
            try reader.events(inStream: subject.privacyStream).forEach { event in
                guard event.type == Self.accessLoggedType || event.type == Self.subjectErasedType else { return }
                let data = try JSONParser.parse(event.data)
                let meta = try JSONParser.parse(event.meta)
                records.append(AccessRecord(
                    position: event.position, occurredAt: event.occurredAt, type: event.type,
                    actor: data["actor"]?.stringValue ?? meta["actor"]?.stringValue ?? "",
                    purpose: data["purpose"]?.stringValue ?? data["reason"]?.stringValue ?? ""))
            }
            return records
        }
    }

    // MARK: - Helpers

    private func isErasedInLedger(_ subject: SubjectID) throws -> Bool {
        try store.read { reader in
            let cursor = try reader.events(inStream: subject.privacyStream)
            while let event = try cursor.next() {
                if event.type == Self.subjectErasedType { return true }
            }
            return false
        }
    }

    private enum KeyLookup {
        case key(SymmetricKey)
        case erased
        /// The key store holds no key for the subject.
        case missing
    }

    /// The subject's data key, unless the subject was erased (in the key store or the ledger) or
    /// this key store has no key for it.
    private func dataKey(for subject: SubjectID, in keyStore: KeyStore, masterKey: () throws -> MasterKey) throws -> KeyLookup {
        if try keyStore.isErased(subject) || isErasedInLedger(subject) { return .erased }
        do {
            return .key(try keyStore.dataKey(for: subject, masterKey: try masterKey(), create: false))
        } catch PrivacyError.noPersonalData {
            return .missing
        }
    }

    /// A record of what the system did with a subject's data, on the subject's access-log stream.
    private func proposal(_ type: String, for subject: SubjectID, actor: String, data: KeyValuePairs<String, JSONValue>) throws -> ProposedEvent {
        try ProposedEvent(
            stream: try StreamName(subject.privacyStream),
            type: try EventType(type),
            occurredAt: Timestamp.now().wholeSeconds,
            data: .object(data.map { (key: $0.key, value: $0.value) }),
            meta: .object([(key: "actor", value: .string(actor))]))
    }

    private func record(_ type: String, for subject: SubjectID, actor: String, data: KeyValuePairs<String, JSONValue>) throws -> Int64 {
        let event = try proposal(type, for: subject, actor: actor, data: data)
        // A new random event id is never already present, so the one outcome is an append.
        guard case let .appended(position, _) = try store.append([event]).first else { return 0 }
        return position
    }

    private static func required(_ text: String, field: String) throws -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw EventValidationError(field: field, reason: "must be given") }
        return trimmed
    }
}
