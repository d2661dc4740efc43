import EventStore

/// Registers a participant under a pseudonymous id (new, unless given): the identifying fields
/// are sealed with a key of the person's own; the birth year stands in clear.
public struct RegisterParticipant: RecordingCommand {
    /// What is sealed for the person, as the event's `personal` holds it.
    public struct Personal: Sendable, Encodable {
        public var name: String
        /// YYYY-MM-DD.
        public var birthDate: String
        public var contact: String?
        public var guardian: String?
        public var personalIdentityCode: String?

        public init(name: String, birthDate: String, contact: String? = nil, guardian: String? = nil, personalIdentityCode: String? = nil) {
            (self.name, self.birthDate, self.contact, self.guardian, self.personalIdentityCode) = (name, birthDate, contact, guardian, personalIdentityCode)
        }
    }

    public var participant: String?
    public var personal: Personal
    public var gender: ParticipantRegistered.Gender
    public var municipality: String
    public var roles: [ParticipantRegistered.Role]
    public var registeredOn: String?

    public init(participant: String? = nil, personal: Personal, gender: ParticipantRegistered.Gender, municipality: String,
                roles: [ParticipantRegistered.Role], registeredOn: String? = nil) {
        (self.participant, self.personal, self.gender, self.municipality, self.roles, self.registeredOn) =
            (participant, personal, gender, municipality, roles, registeredOn)
    }

    public func recording(_ ledger: LedgerFacts) throws -> Recording {
        let day = registeredOn ?? ledger.today
        let year = try personal.birthYear(onOrBefore: day)
        let id = try participant ?? ledger.unusedIdentifier(prefix: "p") { "participant-\($0)" }
        let payload = ParticipantRegistered(participant: id, roles: roles, gender: gender, birthYear: year, municipality: municipality,
                                            registeredOn: day, personal: nil)
        return Recording(try .init("participant-\(id)", "participant.registered", payload, day: day), id: id,
                         sealing: try personal.sealing(for: id))
    }
}

extension RegisterParticipant.Personal {
    /// The year of the birth date, which must be a day of the calendar on or before `day` (both
    /// are YYYY-MM-DD, so text order is time order).
    func birthYear(onOrBefore day: String) throws(CommandError) -> Int {
        guard birthDate.count == 10, let year = Int(birthDate.prefix(4)), (try? Timestamp(rfc3339: "\(birthDate)T00:00:00Z")) != nil
        else { throw .notADay }
        guard birthDate <= day else { throw .bornAfterRegistration }
        return year
    }

    /// The fields sealed for the participant, into the event's `personal`.
    func sealing(for participant: String) throws -> Recording.Sealing {
        .init(fields: try Recording.Event.json(self), subject: try SubjectID(participant), member: "personal")
    }
}

/// Corrects a participant's details: the whole record as it now stands (what was right is given
/// again), the personal fields sealed for the participant as at registration, so that the name
/// index finds them by the corrected name and erasure erases both.
public struct CorrectParticipantDetails: RecordingCommand {
    public var participant: String
    public var personal: RegisterParticipant.Personal
    public var gender: ParticipantRegistered.Gender
    public var municipality: String
    public var date: String?

    public init(participant: String, personal: RegisterParticipant.Personal, gender: ParticipantRegistered.Gender, municipality: String,
                date: String? = nil) {
        (self.participant, self.personal, self.gender, self.municipality, self.date) = (participant, personal, gender, municipality, date)
    }

    public func recording(_ ledger: LedgerFacts) throws -> Recording {
        let day = date ?? ledger.today
        let payload = ParticipantDetailsCorrected(participant: participant, date: day, gender: gender,
                                                  birthYear: try personal.birthYear(onOrBefore: day), municipality: municipality, personal: nil)
        return Recording(try .init("participant-\(participant)", "participant.details-corrected", payload, day: day), id: participant,
                         sealing: try personal.sealing(for: participant))
    }
}

/// A consent given, or withdrawn: the latest record of a scope is the one in force.
public struct RecordConsent: RecordingCommand {
    public var participant: String
    public var scope: ConsentRecorded.Scope
    public var givenBy: ConsentRecorded.GivenBy
    public var withdrawn: Bool
    public var date: String?

    public init(participant: String, scope: ConsentRecorded.Scope, givenBy: ConsentRecorded.GivenBy = .`self`, withdrawn: Bool = false, date: String? = nil) {
        (self.participant, self.scope, self.givenBy, self.withdrawn, self.date) = (participant, scope, givenBy, withdrawn, date)
    }

    public func recording(_ ledger: LedgerFacts) throws -> Recording {
        let day = date ?? ledger.today
        let payload = ConsentRecorded(participant: participant, scope: scope, givenBy: givenBy, date: day, withdrawn: withdrawn ? true : nil)
        return Recording(try .init("participant-\(participant)", "participant.consent-recorded", payload, day: day), id: participant)
    }
}

/// A participant signs up for an activity.
public struct SignUp: RecordingCommand {
    public var participant: String
    public var activity: String
    public var date: String?

    public init(participant: String, activity: String, date: String? = nil) {
        (self.participant, self.activity, self.date) = (participant, activity, date)
    }

    public func recording(_ ledger: LedgerFacts) throws -> Recording {
        let day = date ?? ledger.today
        return Recording(try .init("participant-\(participant)", "enrolment.signed-up",
                                   EnrolmentSignedUp(participant: participant, activity: activity, date: day), day: day), id: participant)
    }
}

/// A participant starts an activity; the ESR+ entry data are fixed now. Sensitive items are not
/// collected unless given.
public struct StartEnrolment: RecordingCommand {
    public var participant: String
    public var activity: String
    public var date: String?
    public var entry: EnrolmentStarted.Entry

    public init(participant: String, activity: String, date: String? = nil, entry: EnrolmentStarted.Entry) {
        (self.participant, self.activity, self.date, self.entry) = (participant, activity, date, entry)
    }

    public func recording(_ ledger: LedgerFacts) throws -> Recording {
        let day = date ?? ledger.today
        return Recording(try .init("participant-\(participant)", "enrolment.started",
                                   EnrolmentStarted(participant: participant, activity: activity, date: day, entry: entry), day: day), id: participant)
    }
}

/// A participant leaves an activity. Exit data are all given or none: an item not given of some
/// given is not collected.
public struct EndEnrolment: RecordingCommand {
    public var participant: String
    public var activity: String
    public var date: String?
    public var outcome: EnrolmentEnded.Outcome
    public var jobSearching: EnrolmentStarted.Answer?
    public var inEducationOrTraining: EnrolmentStarted.Answer?
    public var gainedQualification: EnrolmentStarted.Answer?
    public var employed: EnrolmentStarted.Answer?

    public init(participant: String, activity: String, date: String? = nil, outcome: EnrolmentEnded.Outcome,
                jobSearching: EnrolmentStarted.Answer? = nil, inEducationOrTraining: EnrolmentStarted.Answer? = nil,
                gainedQualification: EnrolmentStarted.Answer? = nil, employed: EnrolmentStarted.Answer? = nil) {
        (self.participant, self.activity, self.date, self.outcome) = (participant, activity, date, outcome)
        (self.jobSearching, self.inEducationOrTraining, self.gainedQualification, self.employed) = (jobSearching, inEducationOrTraining, gainedQualification, employed)
    }

    public func recording(_ ledger: LedgerFacts) throws -> Recording {
        let day = date ?? ledger.today
        let given = [jobSearching, inEducationOrTraining, gainedQualification, employed].contains { $0 != nil }
        let exit = given ? EnrolmentEnded.Exit(
            jobSearching: jobSearching ?? .notCollected, inEducationOrTraining: inEducationOrTraining ?? .notCollected,
            gainedQualification: gainedQualification ?? .notCollected, employed: employed ?? .notCollected) : nil
        return Recording(try .init("participant-\(participant)", "enrolment.ended",
                                   EnrolmentEnded(participant: participant, activity: activity, date: day, outcome: outcome, exit: exit), day: day),
                         id: participant)
    }
}

/// A registered participant (over 12) becomes an experience expert.
public struct RegisterExpert: RecordingCommand {
    public var participant: String
    public var alias: String
    public var anonymous: Bool
    public var training: ExpertRegistered.Training
    public var date: String?

    public init(participant: String, alias: String, anonymous: Bool = false, training: ExpertRegistered.Training = .none, date: String? = nil) {
        (self.participant, self.alias, self.anonymous, self.training, self.date) = (participant, alias, anonymous, training, date)
    }

    public func recording(_ ledger: LedgerFacts) throws -> Recording {
        let day = date ?? ledger.today
        return Recording(try .init("participant-\(participant)", "expert.registered", ExpertRegistered(
            participant: participant, alias: alias, anonymous: anonymous, training: training, date: day), day: day), id: participant)
    }
}

/// An expert pauses, leaves the expert bank, or is active again.
public struct ChangeExpertStatus: RecordingCommand {
    public var participant: String
    public var status: ExpertStatusChanged.Status
    public var reason: String?
    public var date: String?

    public init(participant: String, status: ExpertStatusChanged.Status, reason: String? = nil, date: String? = nil) {
        (self.participant, self.status, self.reason, self.date) = (participant, status, reason, date)
    }

    public func recording(_ ledger: LedgerFacts) throws -> Recording {
        let day = date ?? ledger.today
        return Recording(try .init("participant-\(participant)", "expert.status-changed", ExpertStatusChanged(
            participant: participant, status: status, date: day, reason: reason), day: day), id: participant)
    }
}
