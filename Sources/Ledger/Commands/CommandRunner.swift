import EventStore

/// Runs a `RecordingCommand`: asks it for its events against the ledger as it stands, gives them
/// their ids (the idempotency key's, or new ones) and `meta.actor`, seals what it asks to be
/// sealed, and hands the events to `append` — the validated path, through which they are
/// recorded all or none. What the command line and the server share; the demo, which records its
/// whole history in one transaction, asks the commands itself.
public struct CommandRunner: Sendable {
    public let store: EventStore
    public let catalogue: EventCatalogue
    /// Where sealed values get their keys; nil where nothing is sealed.
    public let keyStorePath: String?
    public let masterKeyPath: String?
    public let actor: String
    public let today: String

    public init(store: EventStore, catalogue: EventCatalogue, keyStorePath: String? = nil, masterKeyPath: String? = nil, actor: String,
                today: String = FinnishTime.today()) {
        self.store = store
        self.catalogue = catalogue
        self.keyStorePath = keyStorePath
        self.masterKeyPath = masterKeyPath
        self.actor = actor
        self.today = today
    }

    /// What a command recorded: the id a person goes on with, the events' ids and their data as
    /// the command made them (a sealed value left out).
    public struct Recorded: Sendable {
        public let id: String
        public let eventIds: [String]
        public let data: [JSONValue]
        /// The rate a payment took from the rates tables, when it took one.
        public let rateTaken: Recording.RateTaken?

        init(_ recording: Recording, _ events: [ProposedEvent]) {
            id = recording.id
            eventIds = events.map(\.eventId.text)
            data = recording.events.map(\.data)
            rateTaken = recording.rateTaken
        }
    }

    /// The command's events, built and with their ids, before anything is sealed or appended.
    public func proposal(_ command: some RecordingCommand) throws -> Recording {
        try store.read { try command.recording(ReaderFacts($0, today: today)) }
    }

    public func run(_ command: some RecordingCommand, key: IdempotencyKey? = nil,
                    append: ([ProposedEvent]) throws -> Void) throws -> Recorded {
        let recording = try proposal(command)
        func record(_ sealed: SealedValue?) throws -> Recorded {
            let events = try proposed(recording, sealed: sealed, key: key)
            try append(events)
            return Recorded(recording, events)
        }
        guard let sealing = try sealing(of: recording) else { return try record(nil) }
        return try personalData().sealing(sealing.fields, for: sealing.subject) { try record($0) }
    }

    /// The same for an `append` that waits: a server's request waiting for the ledger's writer.
    public func run(_ command: some RecordingCommand, key: IdempotencyKey? = nil,
                    append: ([ProposedEvent]) async throws -> Void) async throws -> Recorded {
        let recording = try proposal(command)
        func record(_ sealed: SealedValue?) async throws -> Recorded {
            let events = try proposed(recording, sealed: sealed, key: key)
            try await append(events)
            return Recorded(recording, events)
        }
        guard let sealing = try sealing(of: recording) else { return try await record(nil) }
        return try await personalData().sealing(sealing.fields, for: sealing.subject) { try await record($0) }
    }

    /// Several commands that each seal a person's data — a spreadsheet's participants — recorded
    /// as one: every event, or none. Each command's new id differs from the others'; every
    /// command's clear data is checked against its schema before any key is made; and when the
    /// batch is refused, the keys made for it are destroyed again.
    public func runAll(_ commands: [some RecordingCommand], key: IdempotencyKey? = nil,
                       append: ([ProposedEvent]) async throws -> Void) async throws -> [Recorded] {
        var recordings: [Recording] = []
        var ids: Set<String> = []
        for command in commands {
            var recording = try proposal(command)
            // A new id drawn at random may be one an earlier row of the batch drew.
            for _ in 0..<100 where ids.contains(recording.id) { recording = try proposal(command) }
            guard ids.insert(recording.id).inserted else { throw CommandError.noUnusedIdentifier }
            if let first = recording.events.first, recording.sealing != nil { try catalogue.checkAgainstLatest(first.type, first.data) }
            recordings.append(recording)
        }
        var sealedFor: [SubjectID] = []
        do {
            var events: [ProposedEvent] = []
            var recorded: [Recorded] = []
            for recording in recordings {
                var sealed: SealedValue?
                if let sealing = recording.sealing {
                    sealedFor.append(sealing.subject)
                    sealed = try personalData().seal(sealing.fields, for: sealing.subject)
                }
                let proposed = try proposed(recording, sealed: sealed, key: key, from: events.count)
                events += proposed
                recorded.append(Recorded(recording, proposed))
            }
            try await append(events)
            return recorded
        } catch {
            if let keyStore = try? KeyStore.open(at: keyStorePath ?? "") {
                for subject in sealedFor { _ = try? keyStore.erase(subject) }
            }
            throw error
        }
    }

    /// The events as the store takes them, the sealed value (if any) in the first one's data; the
    /// `from`-th event of a request onwards (an idempotency key gives each event of a request its id).
    func proposed(_ recording: Recording, sealed: SealedValue?, key: IdempotencyKey?, from first: Int = 0) throws -> [ProposedEvent] {
        try recording.events(sealed: sealed?.json).enumerated().map { index, event in
            try catalogue.proposal(stream: event.stream, type: event.type, occurredAt: event.occurredAt, data: event.data, actor: actor,
                                   eventId: key?.eventID(first + index, of: actor) ?? .random())
        }
    }

    /// What the recording asks to be sealed. What stands in clear is checked against the schema
    /// first, before a key is made for the person: a refused event must not leave a key behind.
    private func sealing(of recording: Recording) throws -> Recording.Sealing? {
        guard let sealing = recording.sealing, let first = recording.events.first else { return nil }
        try catalogue.checkAgainstLatest(first.type, first.data)
        return sealing
    }

    private func personalData() throws -> PersonalData {
        guard let keyStorePath, let masterKeyPath else { throw PrivacyError.noKeyStore(path: "") }
        return PersonalData(store: store, keyStorePath: keyStorePath, masterKeyPath: masterKeyPath)
    }
}
