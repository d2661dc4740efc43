import EventStore
import Foundation

/// The write side's one home: an action a person takes — register a participant, record a sheet,
/// pay travel — as a typed command that says which events it records. The command line, the
/// server's forms and API, and `tuki demo` only map their options or fields onto a command;
/// `CommandRunner` appends what it proposes through the validated path (schema, then rules).
///
/// A command is pure but for what it asks of the ledger through `LedgerFacts` (a new id, the
/// day a piece of work was done, a session scheduled on a day): given the same input and the same
/// ledger it proposes the same events, whoever runs it.
public protocol RecordingCommand: Sendable {
    func recording(_ ledger: LedgerFacts) throws -> Recording
}

/// What a command proposes: the events, in order, and the id a person goes on with.
public struct Recording: Sendable {
    public struct Event: Sendable {
        public let stream: String
        public let type: String
        public let data: JSONValue
        public let occurredAt: Timestamp
    }

    /// Personal fields sealed for `subject` into the member `member` of the first event's data,
    /// just before it is appended (`PersonalData.sealing`: a refusal leaves no key behind).
    public struct Sealing: Sendable {
        public let fields: JSONValue
        public let subject: SubjectID
        public let member: String
    }

    /// A rate a payment took from the rates tables: the day whose rate it is, and the rate.
    public struct RateTaken: Sendable, Equatable {
        public let day: String
        public let cents: Int
    }

    public var events: [Event]
    /// The new participant's, engagement's, activity's or session's id, or the one the command was about.
    public var id: String
    public var sealing: Sealing?
    public var rateTaken: RateTaken?

    /// The events with the sealed value (`sealing`'s, sealed) in the first one's data.
    public func events(sealed: JSONValue?) -> [Event] {
        guard let sealed, let member = sealing?.member, let first = events.first, case let .object(members) = first.data else { return events }
        return [Event(stream: first.stream, type: first.type, data: .object(members + [(key: member, value: sealed)]), occurredAt: first.occurredAt)]
            + events.dropFirst()
    }

    init(_ events: [Event], id: String, sealing: Sealing? = nil) {
        self.events = events
        self.id = id
        self.sealing = sealing
    }

    init(_ event: Event, id: String, sealing: Sealing? = nil) {
        self.init([event], id: id, sealing: sealing)
    }
}

extension Recording.Event {
    /// An event of `payload` dated at the start of `day` (UTC): business time for a day's work.
    init(_ stream: String, _ type: String, _ payload: some Encodable, day: String) throws(CommandError) {
        guard let occurredAt = try? Timestamp(rfc3339: "\(day)T00:00:00Z") else { throw .notADay }
        try self.init(stream, type, payload, at: occurredAt)
    }

    init(_ stream: String, _ type: String, _ payload: some Encodable, at occurredAt: Timestamp) throws(CommandError) {
        self.stream = stream
        self.type = type
        data = try Self.json(payload)
        self.occurredAt = occurredAt
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// The payload as the data the event stores: a typed value is the one source of its members.
    static func json(_ payload: some Encodable) throws(CommandError) -> JSONValue {
        guard let bytes = try? encoder.encode(payload), let value = try? JSONParser.parse(String(decoding: bytes, as: UTF8.self)) else {
            throw .notEncodable
        }
        return value
    }
}

/// Several commands recorded as one: all their events, or none (a survey tool's export of a whole
/// wave). Nothing of theirs may be sealed.
public struct RecordingBatch: RecordingCommand {
    public var commands: [any RecordingCommand]

    public init(_ commands: [any RecordingCommand]) {
        self.commands = commands
    }

    public func recording(_ ledger: LedgerFacts) throws -> Recording {
        let recordings = try commands.map { try $0.recording(ledger) }
        guard recordings.allSatisfy({ $0.sealing == nil }), let first = recordings.first else { throw CommandError.nothingToRecord }
        return Recording(recordings.flatMap(\.events), id: first.id)
    }
}

/// Why a command cannot propose its events: domain reasons, which each front end words in its own
/// way (the command line names its options, a page its fields). Never a value given.
public enum CommandError: Error, Sendable, Equatable {
    /// A day given is not a day of the calendar.
    case notADay
    /// The birth date is after the registration day.
    case bornAfterRegistration
    /// A hundred new identifiers were all found used: try again.
    case noUnusedIdentifier
    /// The ledger has no such engagement, so no day to take a rate of.
    case noSuchEngagement
    /// The rates table (`Rates/<table>`) has no rate for the year the work was done.
    case noRate(table: String, year: String)
    /// An amount worked out is larger than any payment (kilometres × rate, days × rate).
    case amountTooLarge
    /// No session of the activity is scheduled on the day.
    case noSessionScheduled(day: String)
    /// Several sessions of the activity are scheduled on the day: name one.
    case severalSessionsScheduled(day: String, sessions: [String])
    /// No event's id starts with the characters given, or more than one's does.
    case noSuchEvent
    case severalEventsMatch
    /// A sheet, a survey answer or a void with nothing in it.
    case nothingToRecord
    /// A payload that JSON cannot hold (a number that is not finite).
    case notEncodable
}

/// What a command may ask of the ledger. `ReaderFacts` answers from a snapshot of the log (or from
/// a write transaction, which sees its own events: the demo records its whole history in one).
public protocol LedgerFacts {
    /// The Finnish day: what something done without a day given is dated on.
    var today: String { get }
    /// A new identifier `PREFIX-xxxxxx` whose stream (`stream(id)`) the ledger has never used.
    func unusedIdentifier(prefix: String, stream: (String) -> String) throws -> String
    /// What became of the activity's sessions.
    func sessions(of activity: String) throws -> ActivitySessions
    /// The day the engagement's work was done (completed, else agreed); nil for no such engagement.
    func workDay(ofEngagement engagement: String) throws -> String?
    /// The events whose ids start with `prefix`, by id and stream (at most two: enough to know
    /// it names one).
    func events(withIdStarting prefix: String) throws -> [(eventId: String, stream: String)]
}

/// `LedgerFacts` from a snapshot of the log.
public struct ReaderFacts: LedgerFacts {
    let reader: EventReader
    public let today: String

    public init(_ reader: EventReader, today: String = FinnishTime.today()) {
        self.reader = reader
        self.today = today
    }

    public func unusedIdentifier(prefix: String, stream: (String) -> String) throws -> String {
        let alphabet = Array("abcdefghijkmnpqrstuvwxyz23456789")
        for _ in 0..<100 {
            let id = prefix + "-" + String((0..<6).map { _ in alphabet.randomElement() ?? "a" })
            if try reader.version(ofStream: stream(id)) == 0 { return id }
        }
        throw CommandError.noUnusedIdentifier
    }

    public func sessions(of activity: String) throws -> ActivitySessions {
        try ActivitySessions.read(activity, in: reader)
    }

    public func workDay(ofEngagement engagement: String) throws -> String? {
        try StandingEvents.workDay(ofEngagement: engagement, in: reader)
    }

    public func events(withIdStarting prefix: String) throws -> [(eventId: String, stream: String)] {
        try reader.events(withIdStarting: prefix, limit: 2).map { ($0.eventId, $0.stream) }
    }
}
