import EventStore

/// `participant.registered`: a person joins under a pseudonymous id; identifying fields are sealed
/// in `personal`. Stream: `participant-<id>`.
public struct ParticipantRegistered: Codable, Sendable, Equatable {
    public enum Gender: String, Codable, Sendable, CaseIterable { case woman, man, nonBinary = "non-binary", notTold = "not-told" }
    public enum Role: String, Codable, Sendable, CaseIterable {
        case child, youngPerson = "young-person", youngAdult = "young-adult", parent, experienceExpert = "experience-expert"
        case fosterParent = "foster-parent"
    }
    public var participant: String
    public var roles: [Role]
    public var gender: Gender
    public var birthYear: Int
    public var municipality: String
    public var registeredOn: String?
    /// The sealed value's JSON (see docs/privacy.md); never opened by rules or counting reports.
    public var personal: SealedJSON?
}

/// `participant.details-corrected`: the participant's record as it now stands — a misspelt
/// name, a new phone number, a move. Stream: the participant's.
public struct ParticipantDetailsCorrected: Codable, Sendable, Equatable {
    public var participant: String
    public var date: String
    public var gender: ParticipantRegistered.Gender
    public var birthYear: Int
    public var municipality: String
    /// The corrected personal fields, sealed for the participant as at registration.
    public var personal: SealedJSON?
}

/// A sealed value carried through Codable unopened.
public struct SealedJSON: Codable, Sendable, Equatable {
    public var sealed: String
    public var subject: String
    public var nonce: String
    public var ciphertext: String
}

/// `participant.consent-recorded`. Stream: the participant's.
public struct ConsentRecorded: Codable, Sendable, Equatable {
    public enum Scope: String, Codable, Sendable, CaseIterable {
        case participation, dataProcessing = "data-processing", esrReporting = "esr-reporting", photography, research
    }
    public enum GivenBy: String, Codable, Sendable, CaseIterable { case `self`, guardian }
    public var participant: String
    public var scope: Scope
    public var givenBy: GivenBy
    public var date: String
    public var withdrawn: Bool?
}

/// `enrolment.signed-up`. Stream: the participant's.
public struct EnrolmentSignedUp: Codable, Sendable, Equatable {
    public var participant: String
    public var activity: String
    public var date: String
}

/// `enrolment.started`, with the ESR+ entry data fixed at entry. Stream: the participant's.
public struct EnrolmentStarted: Codable, Sendable, Equatable {
    // Each enum's first case is what a form offers first: "not collected" where the item may go unasked.
    public enum LabourMarketStatus: String, Codable, Sendable, CaseIterable {
        case notCollected = "not-collected", unemployed, longTermUnemployed = "long-term-unemployed", inactive, employed, refused
    }
    public enum EducationLevel: String, Codable, Sendable, CaseIterable {
        case notCollected = "not-collected", isced0to2 = "isced-0-2", isced3to4 = "isced-3-4", isced5to8 = "isced-5-8", refused
    }
    /// An entry or exit item asked of the person: sensitive ones are not collected without a legal basis.
    public enum Answer: String, Codable, Sendable, CaseIterable { case notCollected = "not-collected", yes, no, refused }
    public struct Entry: Codable, Sendable, Equatable {
        public var ageAtEntry: Int
        public var labourMarketStatus: LabourMarketStatus
        public var educationLevel: EducationLevel
        public var disability: Answer
        public var thirdCountNational: Answer
        public var foreignBackground: Answer
        public var minority: Answer
        public var homelessOrHousingExclusion: Answer
        public var ruralArea: Answer

        /// Sensitive items are not collected unless given.
        public init(ageAtEntry: Int, labourMarketStatus: LabourMarketStatus, educationLevel: EducationLevel, disability: Answer = .notCollected,
                    thirdCountNational: Answer = .notCollected, foreignBackground: Answer = .notCollected, minority: Answer = .notCollected,
                    homelessOrHousingExclusion: Answer = .notCollected, ruralArea: Answer = .notCollected) {
            (self.ageAtEntry, self.labourMarketStatus, self.educationLevel) = (ageAtEntry, labourMarketStatus, educationLevel)
            (self.disability, self.thirdCountNational, self.foreignBackground, self.minority) = (disability, thirdCountNational, foreignBackground, minority)
            (self.homelessOrHousingExclusion, self.ruralArea) = (homelessOrHousingExclusion, ruralArea)
        }
    }
    public var participant: String
    public var activity: String
    public var date: String
    public var entry: Entry
}

/// `enrolment.ended`, with exit data for the result indicators. Stream: the participant's.
public struct EnrolmentEnded: Codable, Sendable, Equatable {
    public enum Outcome: String, Codable, Sendable, CaseIterable { case completed, graduated, droppedOut = "dropped-out", moved, other }
    public struct Exit: Codable, Sendable, Equatable {
        public var jobSearching: EnrolmentStarted.Answer
        public var inEducationOrTraining: EnrolmentStarted.Answer
        public var gainedQualification: EnrolmentStarted.Answer
        public var employed: EnrolmentStarted.Answer
    }
    public var participant: String
    public var activity: String
    public var date: String
    public var outcome: Outcome
    public var exit: Exit?
}
