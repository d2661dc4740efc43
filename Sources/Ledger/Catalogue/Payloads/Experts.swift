/// `expert.registered`: a participant (over 12) becomes an experience expert. Stream: the participant's.
public struct ExpertRegistered: Codable, Sendable, Equatable {
    public var participant: String
    /// Shown instead of the person in every output; anonymous experts are never named anywhere.
    public enum Training: String, Codable, Sendable, CaseIterable { case none, inTraining = "in-training", trained }
    public var alias: String
    public var anonymous: Bool
    public var training: Training
    public var date: String
}

/// `expert.status-changed`: an expert is active again, pauses, or leaves the bank. Stream: the participant's.
public struct ExpertStatusChanged: Codable, Sendable, Equatable {
    public enum Status: String, Codable, Sendable, CaseIterable { case active, paused, left }
    public var participant: String
    public var status: Status
    public var date: String
    public var reason: String?
}

/// `engagement.agreed`. Stream: `engagement-<id>`.
public struct EngagementAgreed: Codable, Sendable, Equatable {
    public enum Mode: String, Codable, Sendable, CaseIterable { case inPerson = "in-person", remote }
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case developerGroupMeeting = "developer-group-meeting", jointConsultation = "joint-consultation", raisingAnIssue = "raising-an-issue"
        case workingGroup = "working-group", speakingOrPanel = "speaking-or-panel", writing, meetingDecisionMakers = "meeting-decision-makers"
        case coDesign = "co-design", coFacilitatingPeerGroup = "co-facilitating-peer-group", popUpConsultation = "pop-up-consultation"
        case parentPeerSupport = "parent-peer-support"
    }
    public var engagement: String
    public var expert: String
    public var project: String
    public var activity: String?
    public var kind: Kind
    public var date: String
    public var plannedHours: Double
    public var agreedFeeCents: Int
    public var mode: Mode
}

/// `engagement.completed`. Stream: the engagement's.
public struct EngagementCompleted: Codable, Sendable, Equatable {
    public var engagement: String
    public var date: String
    public var hours: Double
}

/// `engagement.cancelled`. Stream: the engagement's.
public struct EngagementCancelled: Codable, Sendable, Equatable {
    public var engagement: String
    public var date: String
    public var reason: String?
}

/// `fee.paid` (version 2; version 1 had no `reason`). Stream: the engagement's.
public struct FeePaid: Codable, Sendable, Equatable {
    public var engagement: String
    public var date: String
    public var amountCents: Int
    /// Why the amount differs from the agreed fee; required when it does (rule fee.agreed-or-explained).
    public var reason: String?
}

/// `travel.reimbursed` (version 2; version 1 had no `rateReason`): by kilometres at a rate, or by
/// ticket costs. Stream: the engagement's.
public struct TravelReimbursed: Codable, Sendable, Equatable {
    public var engagement: String
    public var date: String
    public var kilometres: Double?
    public var centsPerKm: Int?
    public var ticketCents: Int?
    public var amountCents: Int
    /// Why the rate is not the kilometre allowance in force on the day of the trip (`KilometreAllowance`).
    public var rateReason: String?
}

/// `per-diem.paid`: a per diem (päiväraha) for an engagement done in person away from home, at
/// the full-day or part-day rate in force on the day of the trip (`PerDiem`). Stream: the engagement's.
public struct PerDiemPaid: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable, CaseIterable { case fullDay = "full-day", partDay = "part-day" }
    public var engagement: String
    public var date: String
    public var kind: Kind
    public var days: Int
    public var centsPerDay: Int
    public var amountCents: Int
    /// Why the rate is not the one in force on the day of the trip.
    public var rateReason: String?
}
