import EventStore
import Foundation
import Ledger
import Projections
import Reports

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

/// The server's one owner of the ledger: every request that reads or records goes through it, one
/// at a time. SQLite has one writer anyway, and the read models' engine is not shared between
/// threads; a request's work here is short (a page's queries, one batch of events).
actor LedgerService {
    let paths: LedgerPaths
    let store: EventStore
    let engine: ProjectionEngine
    let catalogue: EventCatalogue

    /// The read models the pages read.
    static let projectors = ["directory", "sessions"]

    init(paths: LedgerPaths) throws {
        self.paths = paths
        store = try EventStore.open(at: paths.ledger)
        catalogue = try EventCatalogue.standard()
        engine = try ProjectionEngine(store: store, readModels: try ReadModelDatabase.open(at: paths.readModels))
    }

    // MARK: - Users

    /// The roles the ledger gives the user now: their grants and revocations, less any voided.
    func roles(of user: String) throws -> [UserRole: Set<String>] {
        let facts = try store.read { reader in
            try StandingEvents.read("user-\(user)", types: ["user.role-granted", "user.role-revoked"], in: reader).standing.map { entry in
                Fact(stream: entry.event.stream, eventId: entry.event.eventId,
                     event: try catalogue.read(type: entry.event.type, version: entry.event.schemaVersion, data: entry.data))
            }
        }
        return ProgrammeState.folded(facts).roles(of: user)
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
    func groups(only activities: Set<String>?, today: String) throws -> [Group] {
        try engine.update(Self.projectors)
        return try engine.readModels.read { db in
            guard let activities else {
                let sessions = Dictionary(grouping: try DirectoryReadModel.sessions(.init(today: today), in: db), by: \.activity)
                return try DirectoryReadModel.activities(.init(today: today), in: db).map { Group($0, sessions[$0.activity] ?? []) }
            }
            return try activities.sorted().compactMap { id in
                try DirectoryReadModel.activity(id, in: db).map { Group($0, try DirectoryReadModel.sessions(ofActivity: id, in: db)) }
            }.sorted { ($0.name, $0.activity) < ($1.name, $1.activity) }
        }
    }

    func group(_ activity: String, today: String) throws -> Group? {
        try groups(only: [activity], today: today).first
    }

    struct SheetRow: Sendable {
        let participant: String
        /// As the lists show it; nil for someone registered without sealed personal data.
        let name: ListReports.Name?
        let mark: String?

        var nameText: String? {
            switch name {
            case let .name(text)?, let .alias(text)?: text
            case .erased?, .noKey?, nil: nil
            }
        }
    }

    /// The people enrolled in the activity on `day`, by name, with each one's mark at the session
    /// if one is recorded. Opening each name is logged (`access.logged`) under `actor` first.
    func sheet(activity: String, session: String?, day: String, actor: String, purpose: String) throws -> [SheetRow] {
        try engine.update(Self.projectors)
        let (enrolled, marks) = try engine.readModels.read { db in
            (try DirectoryReadModel.enrolled(in: activity, on: day, in: db),
             try session.map { try SessionsReadModel.marks(activity: activity, session: $0, in: db) } ?? [:])
        }
        return try ListReports.named(enrolled) { try openPeople($0, actor: actor, purpose: purpose) }
            .map { SheetRow(participant: $0.participant, name: $0.name, mark: marks[$0.participant]) }
    }

    // MARK: - Recording

    struct Draft: Sendable {
        let stream: String
        let type: String
        let data: JSONValue
        let day: String
    }

    /// Appends the drafts as one batch through the validated path (schema, then rules), with
    /// `actor` in each event's `meta.actor`. All or nothing.
    @discardableResult
    func record(_ drafts: [Draft], actor: String) throws -> [String] {
        let events = try drafts.map { draft in
            try catalogue.proposal(stream: draft.stream, type: draft.type, occurredAt: try Timestamp(rfc3339: "\(draft.day)T00:00:00Z"),
                                   data: draft.data, actor: actor)
        }
        try store.appendValidated(events)
        return events.map(\.eventId.text)
    }

    /// What an attendance sheet records: the session held (if it was only planned), then each mark.
    struct SheetRecord: Sendable {
        struct Held: Sendable {
            let durationMinutes: Int
            let location: String
            let format: String
            let headcount: Int?
        }
        var held: Held?
        var marks: [(participant: String, status: String)]
    }

    /// Records a session's sheet in one batch: `session.held` first when given, then one
    /// `attendance.recorded` per mark, all dated on the session's day. Returns the event ids;
    /// throws `Refusal.notFound` for a session the activity does not have, or one cancelled.
    @discardableResult
    func record(_ sheet: SheetRecord, activity: String, session id: String, actor: String) throws -> [String] {
        guard let session = try group(activity, today: Day.today())?.sessions.first(where: { $0.session == id }),
              session.status != "cancelled"
        else { throw Refusal.notFound }
        var drafts: [Draft] = []
        if let held = sheet.held {
            drafts.append(Draft(stream: activity, type: "session.held", data: JSONValue.object(omittingNil: [
                ("session", .string(id)), ("date", .string(session.date)), ("durationMinutes", .number(String(held.durationMinutes))),
                ("location", .string(held.location)), ("format", .string(held.format)), ("headcount", held.headcount.map { .number(String($0)) }),
            ]), day: session.date))
        }
        for mark in sheet.marks {
            drafts.append(Draft(stream: activity, type: "attendance.recorded", data: JSONValue.object(omittingNil: [
                ("session", .string(id)), ("participant", .string(mark.participant)), ("status", .string(mark.status)),
            ]), day: session.date))
        }
        guard !drafts.isEmpty else { throw Refusal.badForm }
        return try record(drafts, actor: actor)
    }

    // MARK: - The coordinator's overview

    struct Overview: Sendable {
        let groups: [Group]
        let openItems: [ExpertWorkReadModel.OpenItem]
    }

    func overview(today: String) throws -> Overview {
        let groups = try groups(only: nil, today: today)
        let work = try engine.readModels.read { try ExpertWorkReadModel.load(in: $0) }
        return Overview(groups: groups, openItems: ExpertWorkReadModel.openItems(work, on: today))
    }

    // MARK: - Audit

    /// The chain checked from position 1 up to `position` (the head when nil).
    func verify(through position: Int64? = nil) throws -> VerificationResult {
        if let position { return try store.verify(through: position) }
        return try store.verify()
    }

    func head() throws -> LedgerHead { try store.head() }

    /// The head the ledger had at the end of `day` (UTC): the last event recorded by then.
    func head(endOf day: String) throws -> LedgerHead {
        let moment = try Timestamp(rfc3339: "\(day)T23:59:59Z")
        return try store.read { try $0.head(asOf: Timestamp(microsecondsSinceEpoch: moment.microsecondsSinceEpoch + 999_999)) }
    }

    /// The export's lines (JSONL envelopes) from `position` up to `last`, at most `limit` of them.
    func exportLines(from position: Int64, through last: Int64 = .max, limit: Int) throws -> [String] {
        try store.read { reader in
            var lines: [String] = []
            let cursor = try reader.events(from: position)
            while lines.count < limit, let event = try cursor.next(), event.position <= last { lines.append(Envelope.exportLine(event)) }
            return lines
        }
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
