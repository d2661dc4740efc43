import EventStore

/// The rules' state (`ProgrammeState`) kept in the ledger file, entry by entry, so that checking
/// one event reads only the entries its rules need — never the whole log — and a write costs the
/// same in the programme's fifth year as on its first day.
///
/// It lives in one write transaction (`ValidatingAppender`): entries are loaded when a decision
/// needs them, events are folded in as they are appended, and `flush` writes the changed entries
/// and the checkpoint (the position and hash the state has folded up to) before the transaction
/// commits — so the log and the state commit together or not at all. On opening, a state that is
/// missing, of another rules version, or whose checkpoint is not a point of this log is built
/// again from the log; one that is merely behind (events the system appended itself, or written
/// by an older Tuki) folds in the events after its checkpoint.
///
/// Each stored entry is `{"at":[positions],"v":value}`: the value, and the positions of the events
/// it was folded from. A void folds its event's one entry again from the other positions.
final class RulesStateStore {
    /// Raise it whenever `ProgrammeState`, its entries or `evolve` change: every ledger's state is
    /// then built again from its log on the first write.
    static let version = 5
    static let owner = "rules"

    private let appender: EventAppender
    private let catalogue: EventCatalogue
    private let stored: DerivedState
    private(set) var state = ProgrammeState()
    private var loaded: Set<StateKey> = []
    private var sources: [StateKey: Positions] = [:]
    private var changed: Set<StateKey> = []
    /// True while the stored state is known to be empty (a new ledger, or one being rebuilt):
    /// nothing needs to be read back, and every entry with sources is one to write. A bulk
    /// import into a new ledger then does no per-event bookkeeping beyond the fold itself.
    private var storedIsEmpty = false

    /// What bringing the state up to date did, for whoever reports on it.
    enum Refresh: Equatable {
        case upToDate
        case caughtUp(events: Int)
        case rebuilt(events: Int)
    }

    init(_ appender: EventAppender, catalogue: EventCatalogue) {
        self.appender = appender
        self.catalogue = catalogue
        stored = appender.derivedState(of: Self.owner)
    }

    /// Makes the state agree with the log as this transaction sees it.
    @discardableResult
    func bringUpToDate() throws -> Refresh {
        let head = appender.currentHead
        if let checkpoint = try stored.checkpoint(), checkpoint.version == Self.version, checkpoint.position <= head.position,
           try appender.reader.head(atPosition: checkpoint.position)?.hash == checkpoint.hash {
            guard checkpoint.position < head.position else { return .upToDate }
            return .caughtUp(events: try fold(after: checkpoint.position))
        }
        try stored.removeAll()
        storedIsEmpty = true
        return .rebuilt(events: try fold(after: 0))
    }

    /// What the store holds in memory, to be put back when a request of a group commit is refused
    /// after some of its events were folded in.
    struct Memory {
        fileprivate let state: ProgrammeState
        fileprivate let loaded: Set<StateKey>
        fileprivate let sources: [StateKey: Positions]
        fileprivate let changed: Set<StateKey>
        fileprivate let storedIsEmpty: Bool
    }

    var memory: Memory {
        get { Memory(state: state, loaded: loaded, sources: sources, changed: changed, storedIsEmpty: storedIsEmpty) }
        set { (state, loaded, sources, changed, storedIsEmpty) = (newValue.state, newValue.loaded, newValue.sources, newValue.changed, newValue.storedIsEmpty) }
    }

    /// Loads what deciding on `fact` and evolving it read.
    func prepare(for fact: Fact) throws {
        guard !storedIsEmpty else { return }
        let keys = StateKey.needed(by: fact)
        try load(keys)
        try load(StateKey.projects(of: keys, in: state))
    }

    /// Folds in an event just appended at `position`; `prepare(for:)` came first.
    func apply(_ fact: Fact, at position: Int64) throws {
        state.evolve(fact)
        if let key = StateKey.changed(by: fact) {
            sources[key, default: Positions()].append(position)
            if !storedIsEmpty { changed.insert(key) }
        }
        if case let .entryVoided(void) = fact.event { try takeOut(void.eventId) }
    }

    /// Writes the changed entries and the checkpoint, in the transaction, before it commits.
    func flush() throws {
        // In batches, so that a bulk import's tens of thousands of entries are never all in memory twice.
        var batch: [(key: String, value: String?)] = []
        batch.reserveCapacity(4096)
        func write(_ key: StateKey) throws {
            batch.append((key.text, storedText(of: key)))
            if batch.count == 4096 {
                try stored.setValues(batch)
                batch.removeAll(keepingCapacity: true)
            }
        }
        if storedIsEmpty {
            for key in sources.keys { try write(key) }
        } else {
            for key in changed { try write(key) }
        }
        try stored.setValues(batch)
        changed.removeAll()
        storedIsEmpty = false
        loaded = Set(sources.keys)
        let head = appender.currentHead
        try stored.setCheckpoint(.init(version: Self.version, position: head.position, hash: head.hash))
    }

    /// The entry under `key` as stored, `{"at":[positions],"v":value}`, or nil when the state
    /// holds nothing there.
    private func storedText(of key: StateKey) -> String? {
        guard let positions = sources[key], !positions.isEmpty, let value = state.value(of: key) else { return nil }
        var bytes = Array(#"{"at":["#.utf8)
        for (offset, position) in positions.all.enumerated() {
            if offset > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(contentsOf: String(position).utf8)
        }
        bytes.append(contentsOf: #"],"v":"#.utf8)
        JSONWriter.write(value, into: &bytes)
        bytes.append(UInt8(ascii: "}"))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The state as `reader`'s ledger keeps it, whole (however far its checkpoint is): for
    /// checking it against a fold of the log.
    static func storedState(in reader: EventReader) throws -> ProgrammeState {
        var state = ProgrammeState()
        for (key, text) in try reader.derivedState(of: owner).entries() {
            guard let key = StateKey(text: key), let entry = try? JSONParser.parse(text) else { continue }
            state.set(entry["v"], of: key)
        }
        return state
    }

    // MARK: - Loading and folding

    private func load(_ keys: [StateKey]) throws {
        for key in keys where !loaded.contains(key) {
            loaded.insert(key)
            guard !storedIsEmpty, let text = try stored.value(forKey: key.text) else { continue }
            let entry = try? JSONParser.parse(text)
            guard case let .array(positions)? = entry?["at"] else { continue }
            state.set(entry?["v"], of: key)
            sources[key] = Positions(positions.compactMap(\.integerValue))
        }
    }

    /// Folds the log's events after `position` into the state, as if each had just been appended.
    private func fold(after position: Int64) throws -> Int {
        var count = 0
        try appender.reader.events(from: position + 1).forEach { event in
            guard let fact = decode(event) else { return }
            try prepare(for: fact)
            try apply(fact, at: event.position)
            count += 1
        }
        return count
    }

    /// Takes a voided event back out of the state: its one entry is folded again from the events
    /// that made it, less this one.
    private func takeOut(_ eventId: String) throws {
        guard let voided = try appender.reader.event(withId: eventId), let fact = decode(voided),
              let key = StateKey.changed(by: fact) else { return }
        try load([key])
        let remaining = (sources[key]?.all ?? []).filter { $0 != voided.position }
        state.set(nil, of: key)
        for position in remaining {
            guard let event = try appender.reader.event(atPosition: position), let source = decode(event) else { continue }
            state.evolve(source)
        }
        sources[key] = Positions(remaining)
        changed.insert(key)
    }

    private func decode(_ event: RecordedEvent) -> Fact? {
        guard let data = try? JSONParser.parse(event.data),
              let domainEvent = try? catalogue.decodeRecorded(type: event.type, version: event.schemaVersion, data: data)
        else { return nil }
        return Fact(stream: event.stream, eventId: event.eventId, event: domainEvent)
    }
}

/// The positions of the events an entry was folded from, oldest first: nearly always one, kept
/// without allocating an array (a bulk import keeps one per entry of the whole programme).
struct Positions {
    /// 0 while there is none: positions start at 1.
    private var first: Int64 = 0
    private var more: [Int64] = []

    init() {}

    init(_ positions: [Int64]) {
        for position in positions { append(position) }
    }

    var isEmpty: Bool { first == 0 }

    mutating func append(_ position: Int64) {
        if first == 0 { first = position } else { more.append(position) }
    }

    var all: [Int64] { isEmpty ? [] : [first] + more }
}
