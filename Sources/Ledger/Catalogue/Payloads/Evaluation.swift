/// `feedback.fit-recorded`: ORS/CORS at the start of a session, SRS/CSRS at the end.
/// Stream: the participant's.
public struct FITRecorded: Codable, Sendable, Equatable {
    public enum Instrument: String, Codable, Sendable { case ors = "ORS", srs = "SRS", cors = "CORS", csrs = "CSRS" }
    public var participant: String
    public var activity: String?
    public var session: String?
    public var instrument: Instrument
    public var items: [Double]
    public var date: String

    public var total: Double { items.reduce(0, +) }
}

/// `feedback.given`: client feedback on an activity; free text sealed. Stream: the activity's.
public struct FeedbackGiven: Codable, Sendable, Equatable {
    public var activity: String
    public var participant: String?
    public var date: String
    public var rating: Int
    public var themes: [String]?
    public var text: SealedJSON?
}

/// `bikva.stage-recorded`: one stage of a BIKVA evaluation. Stream: `bikva-<evaluation>`.
public struct BIKVAStageRecorded: Codable, Sendable, Equatable {
    public struct Theme: Codable, Sendable, Equatable {
        public var theme: String
        public var said: String?
        public var response: String?
        public var agreedChange: String?
    }
    public var evaluation: String
    public var project: String
    public var stage: Int
    public var date: String
    public var groupSize: Int
    public var themes: [Theme]
}

/// `staff.time-logged`. Stream: the project's.
public struct StaffTimeLogged: Codable, Sendable, Equatable {
    public var staffMember: String
    public var project: String
    public var activity: String?
    public var date: String
    public var hours: Double
    public var hourlyCostCents: Int
}

/// `cost.incurred`: a cost other than staff pay. Stream: the project's.
public struct CostIncurred: Codable, Sendable, Equatable {
    public enum Category: String, Codable, Sendable { case catering, travel, materials, premises, other }
    public var project: String
    public var activity: String?
    public var date: String
    public var category: Category
    public var amountCents: Int
    public var description: String?
}

/// `entry.voided`: voids an earlier event, which read models then ignore. Stream: the voided event's.
public struct EntryVoided: Codable, Sendable, Equatable {
    public var eventId: String
    public var reason: String
}

/// `access.logged` (written by PersonalData): someone read a subject's decrypted data.
public struct AccessLogged: Codable, Sendable, Equatable {
    public var subject: String
    public var actor: String
    public var purpose: String
    public var valuesOpened: Int
}

/// `subject.erased` (written by PersonalData): the subject's key was destroyed.
public struct SubjectErased: Codable, Sendable, Equatable {
    public var subject: String
    public var reason: String
}
