import GRDB
import Ledger

/// An event as a projector sees it: its place in the log and its typed payload (upcast to the
/// latest schema version).
public struct ProjectedEvent: Sendable {
    public let position: Int64
    public let eventId: String
    public let stream: String
    public let type: String
    public let occurredAt: String
    public let recordedAt: String
    public let event: DomainEvent
}

/// Builds one read model from the log: `apply` each event it handles, in position order, to its
/// own tables. The engine calls it inside a transaction that also moves its checkpoint, so a
/// projector never sees an event twice, and never needs to remember where it is.
///
/// Convention (what makes `entry.voided` work with no code in the projector): each row of a
/// projector's tables comes from one event, and the table's `position INTEGER PRIMARY KEY` is
/// that event's position. The default `retract` then deletes those rows. A projector that keeps
/// running totals instead must override `retract` to take the voided event's effect back out.
public protocol Projector: Sendable {
    /// Unique and stable; also the prefix of its tables.
    var name: String { get }
    /// Raise it whenever the tables or `apply` change: the engine then rebuilds the read model.
    var version: Int { get }
    /// The event types `apply` reads; the engine reads no others for it (besides voids).
    var handledTypes: Set<String> { get }
    /// Its tables, each named `<name>_…`; the default `retract` deletes from each by position.
    /// (A rebuild drops every table and view with the prefix, whatever the version named them.)
    var tables: [String] { get }

    /// Creates its tables (and indexes, views) in an empty read model.
    func createTables(in db: Database) throws
    func apply(_ event: ProjectedEvent, in db: Database) throws
    /// Called once after each batch, in the batch's transaction, with the positions it covered:
    /// a projector that derives summary rows from its fact rows recomputes the ones the batch
    /// touched here, once, rather than on every event. Does nothing by default.
    func finishBatch(after from: Int64, through to: Int64, in db: Database) throws
    /// Takes back the effect of `event`, which a later `entry.voided` voided.
    func retract(_ event: ProjectedEvent, in db: Database) throws
}

extension Projector {
    public func finishBatch(after from: Int64, through to: Int64, in db: Database) throws {}

    public func retract(_ event: ProjectedEvent, in db: Database) throws {
        try deleteRows(of: event, from: tables, in: db)
    }

    /// Deletes the rows that `event` wrote to tables that follow the one-row-per-event convention.
    public func deleteRows(of event: ProjectedEvent, from tables: [String], in db: Database) throws {
        for table in tables {
            try db.cachedStatement(sql: "DELETE FROM \(table) WHERE position = ?").execute(arguments: [event.position])
        }
    }
}

/// Why a read model could not be brought up to date.
public enum ProjectionError: Error, Sendable, CustomStringConvertible {
    case unknownProjector(name: String, known: [String])
    case undecodable(position: Int64, type: String, field: String)
    case positionBeyondHead(position: Int64, head: Int64)
    case asOfInTheFuture(moment: String)
    case notAReadModel(path: String)
    case totalBeyondRange(project: String)

    public var description: String {
        switch self {
        case let .unknownProjector(name, known):
            let shown = name.utf8.count <= 64 && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") } ? " named \(name)" : " by the name given"
            return "There is no projector\(shown) (known: \(known.joined(separator: ", ")))."
        case let .undecodable(position, type, field):
            return "The event at position \(position) (\(type)) does not fit its Swift type at \(field); the projections cannot read it."
        case let .positionBeyondHead(position, head):
            return "Position \(position) is beyond the ledger's head (\(head))."
        case let .asOfInTheFuture(moment):
            return "\(moment) is in the future: a report as of a moment still to come could change, so Tuki refuses it."
        case let .totalBeyondRange(project):
            return "A money total of \(project) is beyond what the report can add up: the ledger holds an amount over today's bounds (docs/reliability.md), recorded before they existed; void it and record it again."
        case let .notAReadModel(path):
            return "\(path) is not a Tuki read-model file; move it away (read models are disposable) and try again."
        }
    }
}
