import EventStore
import Foundation
import Ledger
import Projections
import Reports
import Synchronization

/// The server's way to the ledger. Reads — roles, pages, reports, sheets — run concurrently on
/// SQLite's snapshots (GRDB's `DatabasePool.read`), each waiting only, when the read models are
/// behind the ledger's head, for the catch-up to pass it (so a page shows the write just made).
/// Writes go to the ledger's one `LedgerWriter`, which commits every request queued while it was
/// busy as one durable transaction (a group commit); after each commit the pages' read models
/// catch up in the background.
final class LedgerService: Sendable {
    let paths: LedgerPaths
    let store: EventStore
    let catalogue: EventCatalogue
    let readModels: ReadModelDatabase
    let writer: LedgerWriter
    private let follower: ReadModelFollower
    private let knownRoles = Mutex<[String: (version: Int64, roles: [UserRole: Set<String>])]>([:])

    /// The read models the pages read.
    static let projectors = ["directory", "sessions"]

    init(paths: LedgerPaths) throws {
        self.paths = paths
        store = try EventStore.open(at: paths.ledger)
        catalogue = try EventCatalogue.standard()
        readModels = try ReadModelDatabase.open(at: paths.readModels)
        let follower = try ReadModelFollower(store: store, readModels: readModels)
        self.follower = follower
        writer = LedgerWriter(store: store, catalogue: catalogue) { head in
            Task { try? await follower.catchUp(Self.projectors, to: head.position) }
        }
    }

    /// Waits until the named read models have applied every event committed so far.
    func upToDate(_ names: [String]) async throws {
        let head = try store.head().position
        guard !follower.hasReached(names, head) else { return }
        try await follower.catchUp(names, to: head)
    }

    // MARK: - Users

    /// The roles the ledger gives the user now: their grants and revocations, less any voided.
    func roles(of user: String) throws -> [UserRole: Set<String>] {
        // Asked on every request: kept while the user's stream stays at the version they were read at.
        let stream = "user-\(user)"
        let version = try store.read { try $0.version(ofStream: stream) }
        if let known = knownRoles.withLock({ $0[user] }), known.version == version { return known.roles }
        let facts = try store.read { reader in
            try StandingEvents.read("user-\(user)", types: ["user.role-granted", "user.role-revoked"], in: reader).standing.map { entry in
                Fact(stream: entry.event.stream, eventId: entry.event.eventId,
                     event: try catalogue.read(type: entry.event.type, version: entry.event.schemaVersion, data: entry.data))
            }
        }
        let roles = ProgrammeState.folded(facts).roles(of: user)
        knownRoles.withLock { $0[user] = (version, roles) }
        return roles
    }

    // MARK: - Groups

    struct Group: Sendable {
        let activity: String
        let name: String
        let municipality: String
        let enrolled: Int
        let sessions: [DirectoryReadModel.Session]

        init(_ activity: DirectoryReadModel.Activity, _ sessions: [DirectoryReadModel.Session]) {
            self.activity = activity.activity
            name = activity.name
            municipality = activity.municipality
            enrolled = activity.enrolled
            self.sessions = sessions
        }

        /// The first session still scheduled from today on.
        func nextSession(today: String) -> DirectoryReadModel.Session? {
            sessions.first { $0.status == "scheduled" && $0.date >= today }
        }
    }

    /// The activities the user may open (nil: all), each with its sessions. A facilitator's few
    /// are read one by one along the indexes: a county has thousands.
    func groups(only activities: Set<String>?, today: String) async throws -> [Group] {
        try await upToDate(Self.projectors)
        return try await blocking { [readModels] in try readModels.read { db in
            guard let activities else {
                let sessions = Dictionary(grouping: try DirectoryReadModel.sessions(.init(today: today), in: db), by: \.activity)
                return try DirectoryReadModel.activities(.init(today: today), in: db).map { Group($0, sessions[$0.activity] ?? []) }
            }
            return try activities.sorted().compactMap { id in
                try DirectoryReadModel.activity(id, in: db).map { Group($0, try DirectoryReadModel.sessions(ofActivity: id, in: db)) }
            }.sorted { ($0.name, $0.activity) < ($1.name, $1.activity) }
        } }
    }

    /// One session of the activity. Read as the read models stand (a write that needs it should
    /// not wait for them to catch up); only when they do not hold it yet — a session scheduled a
    /// moment ago — does it wait for them to reach the head and look again.
    func session(_ id: String, of activity: String) async throws -> DirectoryReadModel.Session? {
        let lookUp = { [readModels] in try readModels.read { try DirectoryReadModel.session(id, ofActivity: activity, in: $0) } }
        // A read model never built in this file has no table yet: then it is built first.
        if let session = try? lookUp() { return session }
        try await upToDate(Self.projectors)
        return try lookUp()
    }

    func group(_ activity: String, today: String) async throws -> Group? {
        try await groups(only: [activity], today: today).first
    }

    struct SheetRow: Sendable {
        let participant: String
        /// As the lists show it; nil for someone registered without sealed personal data.
        let name: ListReports.Name?
        let mark: String?
        /// The event that records the mark, which voiding takes back.
        var markEvent: String?

        var nameText: String? {
            switch name {
            case let .name(text)?, let .alias(text)?: text
            case .erased?, .noKey?, nil: nil
            }
        }
    }

    /// The people enrolled in the activity on `day`, by name, with each one's mark at the session
    /// if one is recorded. Opening each name is logged (`access.logged`) under `actor` first.
    func sheet(activity: String, session: String?, day: String, actor: String, purpose: String) async throws -> [SheetRow] {
        try await upToDate(Self.projectors)
        let (enrolled, marks, positions) = try readModels.read { db in
            (try DirectoryReadModel.enrolled(in: activity, on: day, in: db),
             try session.map { try SessionsReadModel.marks(activity: activity, session: $0, in: db) } ?? [:],
             try session.map { try SessionsReadModel.markPositions(activity: activity, session: $0, in: db) } ?? [:])
        }
        let events = try eventIds(at: Array(positions.values))
        // Opening the names appends to the ledger, so it may wait for the writer's lock.
        return try await blocking { [self] in
            try ListReports.named(enrolled) { try openPeople($0, actor: actor, purpose: purpose) }
                .map { SheetRow(participant: $0.participant, name: $0.name, mark: marks[$0.participant],
                                markEvent: positions[$0.participant].flatMap { events[$0] }) }
        }
    }

    /// The event with this id, if the ledger has one.
    func event(withId id: String) throws -> RecordedEvent? {
        try store.read { try $0.event(withId: id) }
    }

    /// The ids of the events at these positions of the ledger.
    func eventIds(at positions: [Int64]) throws -> [Int64: String] {
        guard !positions.isEmpty else { return [:] }
        return try store.read { reader in
            Dictionary(try positions.compactMap { position in try reader.event(atPosition: position).map { (position, $0.eventId) } },
                       uniquingKeysWith: { first, _ in first })
        }
    }

    /// Who is on the session's sheet and the marks recorded for them, by pseudonymous id only:
    /// what a posted sheet is checked against, without opening anyone's name again.
    func marks(activity: String, session: String, day: String) async throws -> (enrolled: [String], marks: [String: String]) {
        try await upToDate(Self.projectors)
        return try readModels.read { db in
            (try DirectoryReadModel.enrolled(in: activity, on: day, in: db).map(\.participant),
             try SessionsReadModel.marks(activity: activity, session: session, in: db))
        }
    }

    /// Runs blocking work — a long read such as verifying the chain, or a write that may wait for
    /// the ledger's lock — on one of Dispatch's threads, leaving Swift concurrency's few threads
    /// (one per core) to the other requests.
    func blocking<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try body() }) }
        }
    }

    // MARK: - Recording

    /// The events a request sent before under this key recorded, in order; nil when it recorded
    /// none (or there is no key). Asked before a request is built: the request may have changed
    /// what it would build (a session since held, a new id drawn at random).
    func replayed(_ key: IdempotencyKey?, actor: String) throws -> [RecordedEvent]? {
        guard let key else { return nil }
        return try store.read { reader in
            var events: [RecordedEvent] = []
            while let event = try reader.event(withId: key.eventID(events.count, of: actor).text) { events.append(event) }
            return events.isEmpty ? nil : events
        }
    }

    /// Records a session's sheet (`RecordSheet`: the session held first when given, then each
    /// mark) dated on the session's day. Returns the event ids; throws `Refusal.notFound` for a
    /// session the activity does not have, or one cancelled.
    @discardableResult
    func record(_ sheet: RecordSheet, actor: String, key: IdempotencyKey? = nil) async throws -> [String] {
        if let replayed = try replayed(key, actor: actor) { return replayed.map(\.eventId) }
        guard let session = try await session(sheet.session, of: sheet.activity), session.status != "cancelled" else { throw Refusal.notFound }
        var sheet = sheet
        sheet.date = session.date
        return try await run(sheet, actor: actor, key: key).eventIds
    }

    // MARK: - The coordinator's overview

    struct Overview: Sendable {
        let groups: [Group]
        let openItems: [ExpertWorkReadModel.OpenItem]
        /// The engagements of the open items, by id: what each is and when.
        let engagements: [String: DirectoryReadModel.Engagement]
    }

    func overview(today: String) async throws -> Overview {
        let groups = try await groups(only: nil, today: today)
        let (work, engagements) = try await blocking { [readModels] in try readModels.read { db in
            (try ExpertWorkReadModel.load(in: db), try DirectoryReadModel.engagements(.init(today: today), in: db))
        } }
        return Overview(groups: groups, openItems: ExpertWorkReadModel.openItems(work, on: today),
                        engagements: Dictionary(engagements.map { ($0.engagement, $0) }, uniquingKeysWith: { first, _ in first }))
    }

    /// What the read models hold of these participants in clear (no name), by id.
    func people(_ participants: [String]) async throws -> [String: PersonReadModel.Person] {
        try await upToDate(Self.projectors)
        return try readModels.read { db in
            Dictionary(try participants.compactMap { try PersonReadModel.person($0, in: db).map { ($0.participant, $0) } }, uniquingKeysWith: { first, _ in first })
        }
    }

    // MARK: - Audit

    /// The chain checked from position 1 up to `position` (the head when nil).
    func verify(through position: Int64? = nil) async throws -> VerificationResult {
        try await blocking { [store] in
            if let position { return try store.verify(through: position) }
            return try store.verify()
        }
    }

    func head() throws -> LedgerHead { try store.head() }

    /// The head the ledger had at the end of `day` (UTC): the last event recorded by then.
    func head(endOf day: String) throws -> LedgerHead {
        let moment = try Timestamp(rfc3339: "\(day)T23:59:59Z")
        return try store.read { try $0.head(asOf: Timestamp(microsecondsSinceEpoch: moment.microsecondsSinceEpoch + 999_999)) }
    }

    /// The export's lines (JSONL envelopes) from `position` up to `last`, at most `limit` of them.
    func exportLines(from position: Int64, through last: Int64 = .max, limit: Int) async throws -> [String] {
        try await blocking { [store] in try store.read { reader in
            var lines: [String] = []
            let cursor = try reader.events(from: position)
            while lines.count < limit, let event = try cursor.next(), event.position <= last { lines.append(Envelope.exportLine(event)) }
            return lines
        } }
    }

    struct Reading: Sendable {
        let at: String
        let subject: String
        let actor: String
        let purpose: String
    }

    /// The latest readings of personal data (`access.logged`), newest first.
    func readings(limit: Int) throws -> [Reading] {
        try store.read { reader in
            try reader.latestEvents(ofType: "access.logged", limit: limit).map { event in
                let data = try? JSONParser.parse(event.data)
                return Reading(at: event.recordedAt, subject: data?["subject"]?.stringValue ?? "",
                               actor: data?["actor"]?.stringValue ?? "", purpose: data?["purpose"]?.stringValue ?? "")
            }
        }
    }
}
