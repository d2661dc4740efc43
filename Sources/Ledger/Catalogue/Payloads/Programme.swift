/// `project.registered`: a funded development project (hanke) is set up. Stream: `project-…`.
public struct ProjectRegistered: Codable, Sendable, Equatable {
    public enum Funder: String, Codable, Sendable, CaseIterable { case esrPlus = "ESR+", stea = "STEA", other }
    public enum CostModel: String, Codable, Sendable, CaseIterable {
        case flatRate40 = "flat-rate-40", flatRate7 = "flat-rate-7", flatRate15 = "flat-rate-15", realCosts = "real-costs"
    }
    public var projectCode: String
    public var name: String
    public var funder: Funder
    public var fundingProgramme: String?
    public var region: String?
    public var startDate: String
    public var endDate: String
    public var costModel: CostModel
    public var selfFinancingPercent: Double
}

/// `activity.created`: a group, event series, camp, cohort or forum of a project. Stream: `activity-…`.
public struct ActivityCreated: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case closedPeerGroup = "closed-peer-group", openEvent = "open-event", camp, developerGroup = "developer-group"
        case trainingCohort = "training-cohort", professionalForum = "professional-forum"
        case experienceConsultation = "experience-consultation"
    }
    public enum TargetGroup: String, Codable, Sendable, CaseIterable {
        case childrenUnder12 = "children-under-12", youngPeople12to17 = "young-people-12-17", youngAdultsAftercare = "young-adults-aftercare"
        case parents, parentsOfPlacedChildren = "parents-of-placed-children", fosterFamilies = "foster-families", professionals
        case experienceExperts = "experience-experts", mixed
    }
    public struct Facilitators: Codable, Sendable, Equatable {
        public var worker: String?
        public var coFacilitator: String?
    }
    public var project: String
    public var name: String
    public var kind: Kind
    public var targetGroup: TargetGroup
    public var municipality: String
    /// The project's work package (TP1–TP7), version 2 on.
    public var workPackage: String?
    public var plannedSessions: Int?
    public var facilitators: Facilitators?
}

/// `session.scheduled`. Stream: the activity's.
public struct SessionScheduled: Codable, Sendable, Equatable {
    public var session: String
    public var date: String
    public var startTime: String?
    public var durationMinutes: Int
    public var location: String?
}

/// `session.held`, version 2 (version 1 had no `format`; its upcaster says "in-person").
/// Stream: the activity's.
public struct SessionHeld: Codable, Sendable, Equatable {
    public enum Format: String, Codable, Sendable, CaseIterable { case inPerson = "in-person", remote, hybrid }
    public var session: String
    public var date: String
    public var durationMinutes: Int
    public var location: String
    public var format: Format
    /// Open events: people reached without registering.
    public var headcount: Int?
}

/// `session.cancelled`. Stream: the activity's.
public struct SessionCancelled: Codable, Sendable, Equatable {
    public var session: String
    public var date: String
    public var reason: String?
}

/// `attendance.recorded`: a later record for the same session and participant supersedes the
/// earlier one. Stream: the activity's.
public struct AttendanceRecorded: Codable, Sendable, Equatable {
    public enum Status: String, Codable, Sendable, CaseIterable { case present, absent, excused }
    public var session: String
    public var participant: String
    public var status: Status
}
