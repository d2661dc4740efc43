import EventStore

/// `participant.registered`: a person joins under a pseudonymous id; identifying fields are sealed
/// in `personal`. Stream: `participant-<id>`.
public struct ParticipantRegistered: Codable, Sendable, Equatable {
    public enum Gender: String, Codable, Sendable, CaseIterable { case woman, man, nonBinary = "non-binary", notTold = "not-told" }
    public var participant: String
    public var roles: [String]
    public var gender: Gender
    public var birthYear: Int
    public var municipality: String
    public var registeredOn: String?
    /// The sealed value's JSON (see docs/privacy.md); never opened by rules or counting reports.
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
    public var participant: String
    public var scope: String
    public var givenBy: String
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
    public struct Entry: Codable, Sendable, Equatable {
        public var ageAtEntry: Int
        public var labourMarketStatus: String
        public var educationLevel: String
        public var disability: String
        public var thirdCountNational: String
        public var foreignBackground: String
        public var minority: String
        public var homelessOrHousingExclusion: String
        public var ruralArea: String
    }
    public var participant: String
    public var activity: String
    public var date: String
    public var entry: Entry
}

/// `enrolment.ended`, with exit data for the result indicators. Stream: the participant's.
public struct EnrolmentEnded: Codable, Sendable, Equatable {
    public enum Outcome: String, Codable, Sendable { case graduated, completed, droppedOut = "dropped-out", moved, other }
    public struct Exit: Codable, Sendable, Equatable {
        public var jobSearching: String
        public var inEducationOrTraining: String
        public var gainedQualification: String
        public var employed: String
    }
    public var participant: String
    public var activity: String
    public var date: String
    public var outcome: Outcome
    public var exit: Exit?
}
