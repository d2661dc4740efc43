import EventStore

/// One person's data, as `tuki reveal`, `tuki access-log` and `tuki erase` give it.
extension LedgerService {
    /// A sealed value of the person, opened: the event it is in, and its fields.
    struct OpenedValue: Sendable {
        let type: String
        let recordedOn: String
        let fields: [(key: String, value: String)]
    }

    /// Every sealed value of the subject, opened; the reading is an `access.logged` under `actor`
    /// first. Throws `Refusal.noPersonalData` for a subject with nothing sealed here, and
    /// `Refusal.erased` for one whose key is destroyed.
    func reveal(_ subject: SubjectID, actor: String, purpose: String) async throws -> [OpenedValue] {
        try await blocking { [self] in try revealNow(subject, actor: actor, purpose: purpose) }
    }

    private func revealNow(_ subject: SubjectID, actor: String, purpose: String) throws -> [OpenedValue] {
        let revelation: PersonalData.Revelation
        do {
            revelation = try personalData.reveal(subject, actor: actor, purpose: purpose)
        } catch let error as PrivacyError {
            throw Self.refusal(error)
        }
        let days = try store.read { reader in
            try Dictionary(revelation.values.map(\.position).map { ($0, String(try reader.event(atPosition: $0)?.occurredAt.prefix(10) ?? "")) },
                           uniquingKeysWith: { first, _ in first })
        }
        return revelation.values.map { value in
            let fields: [(key: String, value: String)] = if case let .object(members) = value.fields {
                members.map { ($0.key, $0.value.stringValue ?? JSONWriter.compact($0.value)) }
            } else { [] }
            return OpenedValue(type: value.type, recordedOn: days[value.position] ?? "", fields: fields)
        }
    }

    /// Who has read the subject's data, when and why, and when it was erased, oldest first.
    func accessLog(_ subject: SubjectID) throws -> [PersonalData.AccessRecord] {
        try personalData.accessLog(subject)
    }

    /// Destroys the subject's key and records `subject.erased` under `actor`; true if it was
    /// erased now, false if it already was.
    func erase(_ subject: SubjectID, actor: String, reason: String) async throws -> Bool {
        try await blocking { [self] in
            do {
                if case .erased = try personalData.erase(subject, actor: actor, reason: reason) { return true }
                return false
            } catch let error as PrivacyError {
                throw Self.refusal(error)
            }
        }
    }

    private var personalData: PersonalData {
        PersonalData(store: store, keyStorePath: paths.keyStore, masterKeyPath: paths.masterKey)
    }

    private static func refusal(_ error: PrivacyError) -> Error {
        switch error {
        case .noPersonalData, .noKeyForSealedData: Refusal.noPersonalData
        case .erased: Refusal.erasedData
        default: error
        }
    }
}
