import EventStore
import Foundation

/// Why an event's data is not a known, well-formed event of the catalogue. Names the type, the
/// field and the broken rule of the schema; never quotes a value.
public enum CatalogueError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownType(type: String)
    case unknownVersion(type: String, version: Int64, latest: Int64)
    case invalid(type: String, version: Int64, violation: SchemaViolation)
    /// The data passed its schema but not the Swift type: a bug, which the catalogue tests catch.
    case undecodable(type: String, field: String)

    public var field: String {
        switch self {
        case .unknownType: return "type"
        case .unknownVersion: return "schemaVersion"
        case let .invalid(_, _, violation): return violation.path.isEmpty ? "data" : "data.\(violation.path)"
        case let .undecodable(_, field): return "data.\(field)"
        }
    }

    public var description: String {
        switch self {
        case let .unknownType(type):
            return "\(type) is not an event type of the catalogue (docs/events.md)"
        case let .unknownVersion(type, version, latest):
            return "\(type) has no schema version \(version) (the latest is \(latest))"
        case let .invalid(type, version, violation):
            return "\(field) \(violation.reason) (schema \(type) v\(version))"
        case let .undecodable(type, field):
            return "data.\(field) does not fit the Swift type of \(type)"
        }
    }
}

/// The event catalogue: each type's schemas (from Schemas/, embedded), its upcasters, and its
/// typed payload. `read` is the one way data becomes a `DomainEvent`: schema first, then the
/// upcasters to the latest version, then decoding.
public final class EventCatalogue: Sendable {
    private let schemas: [String: JSONSchema]
    public let latestVersions: [String: Int64]

    /// The catalogue built from Schemas/ as embedded in this binary.
    public static func standard() throws -> EventCatalogue {
        try shared.get()
    }

    private static let shared = Result { try EventCatalogue(files: EmbeddedSchemas.files) }

    init(files: [String: String]) throws {
        var registry: [String: JSONSchema] = [:]
        for (path, text) in files where !path.hasPrefix("events/") {
            let schema = try JSONSchema(try JSONParser.parse(text))
            if let id = schema.id { registry[id] = schema }
        }
        var schemas: [String: JSONSchema] = [:]
        var latest: [String: Int64] = [:]
        for (path, text) in files where path.hasPrefix("events/") {
            // events/<type>.v<N>.schema.json
            let name = String(path.dropFirst("events/".count).dropLast(".schema.json".count))
            guard let dot = name.range(of: ".v", options: .backwards), let version = Int64(name[dot.upperBound...]) else { continue }
            let type = String(name[..<dot.lowerBound])
            schemas[Self.key(type, version)] = try JSONSchema(try JSONParser.parse(text), registry: registry)
            latest[type] = max(latest[type] ?? 0, version)
        }
        self.schemas = schemas
        latestVersions = latest
    }

    private static func key(_ type: String, _ version: Int64) -> String { "\(type) v\(version)" }

    public var types: [String] { latestVersions.keys.sorted() }

    /// Checks `data` against its type's schema of `version`, upcasts it to the latest version and
    /// decodes it into its typed payload.
    public func read(type: String, version: Int64, data: JSONValue) throws(CatalogueError) -> DomainEvent {
        try validate(type: type, version: version, data: data)
        return try decodeRecorded(type: type, version: version, data: data)
    }

    /// Upcasts and decodes an event the ledger already holds: its schema was checked when it was
    /// recorded, so this skips the check (projectors read millions of events).
    public func decodeRecorded(type: String, version: Int64, data: JSONValue) throws(CatalogueError) -> DomainEvent {
        guard latestVersions[type] != nil else { throw .unknownType(type: type) }
        let current = Upcasters.upcast(type: type, from: version, data: data)
        do {
            return try Self.decode(type: type, data: current)
        } catch let error as DecodingError {
            throw .undecodable(type: type, field: error.fieldPath)
        } catch {
            throw .unknownType(type: type)
        }
    }

    public func validate(type: String, version: Int64, data: JSONValue) throws(CatalogueError) {
        guard let latest = latestVersions[type] else { throw .unknownType(type: type) }
        guard let schema = schemas[Self.key(type, version)] else {
            throw .unknownVersion(type: type, version: version, latest: latest)
        }
        do {
            try schema.validate(data)
        } catch {
            throw .invalid(type: type, version: version, violation: error)
        }
    }

    private static func decode(type: String, data: JSONValue) throws -> DomainEvent {
        guard let decode = decoders[type] else { throw CatalogueError.unknownType(type: type) }
        return try decode(JSONValueDecoder(), data)
    }

    /// Each type's decoder into its case of `DomainEvent`, found by one hash of the type (a switch
    /// over the names compared up to 25 strings for every event of an import).
    private static let decoders: [String: @Sendable (JSONValueDecoder, JSONValue) throws -> DomainEvent] = [
        "project.registered": { .projectRegistered(try $0.decode(ProjectRegistered.self, from: $1)) },
        "activity.created": { .activityCreated(try $0.decode(ActivityCreated.self, from: $1)) },
        "session.scheduled": { .sessionScheduled(try $0.decode(SessionScheduled.self, from: $1)) },
        "session.held": { .sessionHeld(try $0.decode(SessionHeld.self, from: $1)) },
        "session.cancelled": { .sessionCancelled(try $0.decode(SessionCancelled.self, from: $1)) },
        "participant.registered": { .participantRegistered(try $0.decode(ParticipantRegistered.self, from: $1)) },
        "participant.details-corrected": { .participantDetailsCorrected(try $0.decode(ParticipantDetailsCorrected.self, from: $1)) },
        "participant.consent-recorded": { .consentRecorded(try $0.decode(ConsentRecorded.self, from: $1)) },
        "enrolment.signed-up": { .enrolmentSignedUp(try $0.decode(EnrolmentSignedUp.self, from: $1)) },
        "enrolment.started": { .enrolmentStarted(try $0.decode(EnrolmentStarted.self, from: $1)) },
        "enrolment.ended": { .enrolmentEnded(try $0.decode(EnrolmentEnded.self, from: $1)) },
        "attendance.recorded": { .attendanceRecorded(try $0.decode(AttendanceRecorded.self, from: $1)) },
        "expert.registered": { .expertRegistered(try $0.decode(ExpertRegistered.self, from: $1)) },
        "expert.status-changed": { .expertStatusChanged(try $0.decode(ExpertStatusChanged.self, from: $1)) },
        "engagement.agreed": { .engagementAgreed(try $0.decode(EngagementAgreed.self, from: $1)) },
        "engagement.completed": { .engagementCompleted(try $0.decode(EngagementCompleted.self, from: $1)) },
        "engagement.cancelled": { .engagementCancelled(try $0.decode(EngagementCancelled.self, from: $1)) },
        "fee.paid": { .feePaid(try $0.decode(FeePaid.self, from: $1)) },
        "travel.reimbursed": { .travelReimbursed(try $0.decode(TravelReimbursed.self, from: $1)) },
        "per-diem.paid": { .perDiemPaid(try $0.decode(PerDiemPaid.self, from: $1)) },
        "feedback.fit-recorded": { .fitRecorded(try $0.decode(FITRecorded.self, from: $1)) },
        "feedback.given": { .feedbackGiven(try $0.decode(FeedbackGiven.self, from: $1)) },
        "bikva.stage-recorded": { .bikvaStageRecorded(try $0.decode(BIKVAStageRecorded.self, from: $1)) },
        "bikva.wording-approved": { .bikvaWordingApproved(try $0.decode(BIKVAWordingApproved.self, from: $1)) },
        "bikva.change-followed-up": { .bikvaChangeFollowedUp(try $0.decode(BIKVAChangeFollowedUp.self, from: $1)) },
        "survey.answered": { .surveyAnswered(try $0.decode(SurveyAnswered.self, from: $1)) },
        "staff.time-logged": { .staffTimeLogged(try $0.decode(StaffTimeLogged.self, from: $1)) },
        "cost.incurred": { .costIncurred(try $0.decode(CostIncurred.self, from: $1)) },
        "user.role-granted": { .userRoleGranted(try $0.decode(UserRoleGranted.self, from: $1)) },
        "user.role-revoked": { .userRoleRevoked(try $0.decode(UserRoleRevoked.self, from: $1)) },
        "entry.voided": { .entryVoided(try $0.decode(EntryVoided.self, from: $1)) },
        "access.logged": { .accessLogged(try $0.decode(AccessLogged.self, from: $1)) },
        "subject.erased": { .subjectErased(try $0.decode(SubjectErased.self, from: $1)) },
    ]
}

extension DecodingError {
    /// The dotted path of the member that did not decode.
    var fieldPath: String {
        let context: Context? = switch self {
        case let .keyNotFound(key, context): Context(codingPath: context.codingPath + [key], debugDescription: "")
        case let .typeMismatch(_, context), let .valueNotFound(_, context), let .dataCorrupted(context): context
        @unknown default: nil
        }
        return context?.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".") ?? ""
    }
}
