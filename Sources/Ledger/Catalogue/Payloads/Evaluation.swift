/// `feedback.fit-recorded`: ORS/CORS at the start of a session, SRS/CSRS at the end.
/// Stream: the participant's.
public struct FITRecorded: Codable, Sendable, Equatable {
    public enum Instrument: String, Codable, Sendable, CaseIterable { case ors = "ORS", srs = "SRS", cors = "CORS", csrs = "CSRS" }
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

        public init(theme: String, said: String? = nil, response: String? = nil, agreedChange: String? = nil) {
            (self.theme, self.said, self.response, self.agreedChange) = (theme, said, response, agreedChange)
        }
    }
    public var evaluation: String
    public var project: String
    public var stage: Int
    public var date: String
    public var groupSize: Int
    public var themes: [Theme]

    /// The form in which stages name the same theme: case, and spaces around and between words,
    /// do not matter ("Meetings start late" is "meetings  start late").
    public static func themeKey(_ theme: String) -> String {
        theme.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

/// `bikva.wording-approved`: the group of a stage approved the wording passed on to the next
/// level (optional in the method, recorded when a project practises it). Stream: `bikva-<evaluation>`.
public struct BIKVAWordingApproved: Codable, Sendable, Equatable {
    public var evaluation: String
    public var stage: Int
    public var date: String
}

/// `bikva.change-followed-up`: what became of a change agreed at a stage for a theme.
/// Stream: `bikva-<evaluation>`.
public struct BIKVAChangeFollowedUp: Codable, Sendable, Equatable {
    public enum Status: String, Codable, Sendable, CaseIterable { case done, partly, notDone = "not-done" }
    public var evaluation: String
    public var stage: Int
    public var theme: String
    public var status: Status
    public var date: String
    public var note: String?
}

/// `survey.answered`: one anonymous answer to a staff or expert survey (no respondent id, by
/// design). Stream: `survey-<survey>`.
public struct SurveyAnswered: Codable, Sendable, Equatable {
    public enum Wave: String, Codable, Sendable, CaseIterable { case baseline, midTerm = "mid-term", final }
    public enum RespondentGroup: String, Codable, Sendable, CaseIterable {
        case staff, management, experienceExperts = "experience-experts", partners, other
    }
    public struct Scale: Codable, Sendable, Equatable {
        public var min: Int
        public var max: Int

        public init(min: Int, max: Int) {
            (self.min, self.max) = (min, max)
        }
    }
    public struct Answer: Codable, Sendable, Equatable {
        public var item: String
        public var score: Int

        public init(item: String, score: Int) {
            (self.item, self.score) = (item, score)
        }
    }
    public var survey: String
    public var project: String
    public var wave: Wave
    public var respondentGroup: RespondentGroup
    public var date: String
    public var scale: Scale
    public var answers: [Answer]
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
    public enum Category: String, Codable, Sendable, CaseIterable { case catering, travel, materials, premises, other }
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
