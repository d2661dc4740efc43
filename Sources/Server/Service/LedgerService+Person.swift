import EventStore
import Ledger
import Projections
import Reports

/// A person as the coordinator works with them: found by name through the key store's blind
/// index, and their file — every standing entry about them, each with the event that records it,
/// so that the page can offer to void it.
extension LedgerService {
    /// A participant found by a search, as the results show them.
    struct Found: Sendable {
        let participant: String
        let name: ListReports.Name?
        let birthYear: Int
        let municipality: String
    }

    /// The participants whose names start with the search's parts (`NameIndex`), by name; each
    /// name shown is opened, and so logged, under `actor` — and no one else's. Nil for a search
    /// too short to look for.
    func find(_ query: String, actor: String) async throws -> [Found]? {
        try await upToDate(Self.projectors)
        guard let subjects = try await blocking({ [store, paths] in
            try PersonalData(store: store, keyStorePath: paths.keyStore, masterKeyPath: paths.masterKey).subjects(named: query)
        }) else { return nil }
        let people = try readModels.read { db in try subjects.compactMap { try PersonReadModel.person($0.text, in: db) } }
        let names = try await shownNames(of: people, actor: actor, purpose: "name search on the server")
        return people.map { Found(participant: $0.participant, name: names[$0.participant] ?? nil, birthYear: $0.birthYear, municipality: $0.municipality) }
            .sorted { (displaySortKey($0.name), $0.participant) < (displaySortKey($1.name), $1.participant) }
    }

    /// The people's names as the pages show them: an anonymous expert by their alias, as the
    /// lists show them (nothing opened, nothing logged); everyone else's opened and logged.
    func shownNames(of people: [PersonReadModel.Person], actor: String, purpose: String) async throws -> [String: ListReports.Name?] {
        let anonymous = people.filter(\.anonymousExpert)
        var names = try await names(of: people.filter { !$0.anonymousExpert }.map(\.participant), actor: actor, purpose: purpose)
        for expert in anonymous { names[expert.participant] = .alias(expert.expertAlias ?? "") }
        return names
    }

    private func displaySortKey(_ name: ListReports.Name?) -> String {
        switch name {
        case let .name(text)?, let .alias(text)?: text.lowercased()
        case .erased?, .noKey?, nil: "\u{10FFFF}"
        }
    }

    /// One standing entry about the person: the event, decoded, and where it was recorded.
    struct PersonEntry: Sendable {
        let eventId: String
        let type: String
        let stream: String
        /// The business day it is dated on (YYYY-MM-DD).
        let day: String
        let event: DomainEvent
    }

    struct PersonFile: Sendable {
        let person: PersonReadModel.Person
        /// On the person's own stream: registration, corrections, consents, enrolments, expert
        /// registration and status, FIT ratings — in the order recorded.
        let own: [PersonEntry]
        let attendance: [PersonEntry]
        let feedback: [PersonEntry]
        /// Each engagement agreed with them as an expert, with its standing events in order.
        let engagements: [(engagement: String, entries: [PersonEntry])]

        /// Every entry of the file, by event id: what the page may offer to void.
        var all: [PersonEntry] { own + attendance + feedback + engagements.flatMap(\.entries) }
    }

    /// The participant's file, nil for someone not registered.
    func personFile(_ participant: String) async throws -> PersonFile? {
        try await upToDate(Self.projectors + ["feedback"])
        guard let (person, entries) = try readModels.read({ db -> (PersonReadModel.Person, PersonReadModel.Entries)? in
            guard let person = try PersonReadModel.person(participant, in: db) else { return nil }
            return (person, try PersonReadModel.entries(of: participant, in: db))
        }) else { return nil }
        return try await blocking { [self] in
            try store.read { reader in
                func entry(_ event: RecordedEvent, _ data: JSONValue) throws -> PersonEntry {
                    PersonEntry(eventId: event.eventId, type: event.type, stream: event.stream, day: String(event.occurredAt.prefix(10)),
                                event: try catalogue.read(type: event.type, version: event.schemaVersion, data: data))
                }
                func standing(_ stream: String) throws -> [PersonEntry] {
                    try StandingEvents.read(stream, types: Self.personTypes, in: reader).standing.map { try entry($0.event, $0.data) }
                }
                func at(_ positions: [Int64]) throws -> [PersonEntry] {
                    try positions.compactMap { position in
                        guard let event = try reader.event(atPosition: position) else { return nil }
                        return try entry(event, try JSONParser.parse(event.data))
                    }
                }
                return PersonFile(person: person, own: try standing("participant-\(participant)"), attendance: try at(entries.attendance),
                                  feedback: try at(entries.feedback),
                                  engagements: try entries.engagements.map { ($0, try standing("engagement-\($0)")) })
            }
        }
    }

    /// A project's costs and staff time, entry by entry.
    func projectEntries(_ project: String) async throws -> (costs: [ProjectEntriesReadModel.Cost], staffTime: [ProjectEntriesReadModel.StaffTime]) {
        try await upToDate(["funder", "staff"])
        return try readModels.read { db in
            (try ProjectEntriesReadModel.costs(of: project, in: db), try ProjectEntriesReadModel.staffTime(of: project, in: db))
        }
    }

    /// The types of a person's and an engagement's own streams that their file shows.
    static let personTypes: Set<String> = [
        "participant.registered", "participant.details-corrected", "participant.consent-recorded", "enrolment.signed-up",
        "enrolment.started", "enrolment.ended", "expert.registered", "expert.status-changed", "feedback.fit-recorded",
        "engagement.agreed", "engagement.completed", "engagement.cancelled", "fee.paid", "travel.reimbursed", "per-diem.paid",
    ]
}
