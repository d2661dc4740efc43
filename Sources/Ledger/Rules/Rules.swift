/// A programme rule an event breaks: the rule's name (docs/events.md lists them), the field it is
/// about and a plain reason. Never quotes personal data.
public struct RuleViolation: Error, Sendable, Equatable, CustomStringConvertible {
    public let rule: String
    /// `data.…` for a member of the event's data, or the envelope's `type` or `stream`.
    public let field: String
    public let reason: String

    /// A violation about the member `field` of the event's data.
    init(rule: String, field: String, reason: String) {
        self.init(rule: rule, path: "data.\(field)", reason: reason)
    }

    init(rule: String, path: String, reason: String) {
        self.rule = rule
        field = path
        self.reason = reason
    }

    /// The field and the reason: "data.engagement is not completed".
    public var sentence: String { "\(field) \(reason)" }
    public var description: String { "\(sentence) (rule \(rule))" }
}

/// What the rules may know of an event already in the log, found by its id (for `entry.voided`).
public struct LoggedEvent: Sendable, Equatable {
    public let type: String
    public let stream: String

    public init(type: String, stream: String) {
        self.type = type
        self.stream = stream
    }
}

/// The programme's rules as one pure decision: may this event be recorded, given the state so
/// far and the day it is recorded on? `loggedEvent` gives the type and stream of the event with
/// an id, or nil if the log has none (for `entry.voided`).
public enum Rules {
    /// Every rule, by the name a refusal gives (docs/events.md explains each).
    public static let names: [String] = [
        "activity.project-exists", "attendance.participant-enrolled", "attendance.session-held",
        "bikva.approves-a-recorded-stage", "bikva.follows-up-an-agreed-change", "bikva.stage-once", "bikva.stages-in-order",
        "date.inside-project-period", "date.not-in-the-future", "engagement.complete-once", "engagement.expert-registered", "engagement.not-cancelled",
        "engagement.not-completed", "enrolment.ends-after-it-starts", "enrolment.ends-an-open-one",
        "enrolment.age-follows-birth-year", "enrolment.one-open-at-a-time", "expert.over-12", "expert.registered-first", "fee.agreed-or-explained", "fee.needs-completed-engagement",
        "fee.paid-once", "feedback.participant-enrolled", "feedback.text-sealed-for-its-giver", "fit.one-decimal", "fit.participant-enrolled", "participant.born-before-registration", "per-diem.amount-is-days-times-rate", "per-diem.in-person-only",
        "per-diem.needs-completed-engagement", "per-diem.paid-once",
        "project.period", "reference.activity-exists", "reference.engagement-exists", "reference.participant-exists",
        "reference.project-exists", "stream.written-by-the-system", "survey.item-once", "survey.one-scale", "survey.score-on-scale", "travel.amount-is-km-times-rate", "travel.amount-is-ticket-cost",
        "travel.in-person-only", "travel.needs-completed-engagement", "travel.reimbursed-once", "type.written-by-the-system",
        "user.facilitator-has-activities", "user.revokes-a-granted-role", "void.event-exists", "void.not-a-system-record", "void.not-a-void", "void.on-the-voided-stream", "void.once",
    ]

    /// Event types that record what the system itself did: `tuki reveal` and `tuki erase` write
    /// them (EventStore's `PersonalData`), never a person through the validated path.
    public static let systemTypes: Set<String> = ["access.logged", "subject.erased"]

    /// The stream category the system keeps each subject's readings and erasure in
    /// (`SubjectID.privacyStream`).
    static let systemStreamPrefix = "subject-"

    /// `today`: the Finnish day the event is recorded on (`FinnishTime.today()`), YYYY-MM-DD.
    public static func check(
        _ fact: Fact, against state: ProgrammeState, today: String, loggedEvent: (String) -> LoggedEvent?
    ) throws(RuleViolation) {
        try checkReferences(fact, against: state, loggedEvent: loggedEvent)
        // Last, so that a day outside the project's period is refused as that.
        if let day = dayDone(fact.event), day > today {
            throw RuleViolation(rule: "date.not-in-the-future", field: "date",
                                reason: "is after today: what was done cannot be dated in the future (a session still to come is scheduled)")
        }
    }

    /// The day of an event that records something done — a session held, an engagement completed,
    /// a payment, a rating, feedback, working time, a cost — and nil for plans and the rest.
    /// Attendance is marked at a held session, whose day this checks.
    static func dayDone(_ event: DomainEvent) -> String? {
        switch event {
        case let .sessionHeld(session): session.date
        case let .engagementCompleted(completed): completed.date
        case let .feePaid(fee): fee.date
        case let .travelReimbursed(travel): travel.date
        case let .perDiemPaid(perDiem): perDiem.date
        case let .fitRecorded(fit): fit.date
        case let .feedbackGiven(feedback): feedback.date
        case let .staffTimeLogged(time): time.date
        case let .costIncurred(cost): cost.date
        default: nil
        }
    }

    private static func checkReferences(
        _ fact: Fact, against state: ProgrammeState, loggedEvent: (String) -> LoggedEvent?
    ) throws(RuleViolation) {
        guard !fact.stream.hasPrefix(systemStreamPrefix) else {
            throw RuleViolation(rule: "stream.written-by-the-system", path: "stream", reason: "is a subject's access log, which only the system writes")
        }
        switch fact.event {
        case let .activityCreated(activity):
            guard state.projects[activity.project] != nil else {
                throw RuleViolation(rule: "activity.project-exists", field: "project", reason: "names a project that is not registered")
            }
        case let .sessionScheduled(session):
            try requireActivity(fact.stream, state)
            try requireInProjectPeriod(session.date, ofActivity: fact.stream, state)
        case let .sessionHeld(session):
            try requireActivity(fact.stream, state)
            try requireInProjectPeriod(session.date, ofActivity: fact.stream, state)
        case let .sessionCancelled(session):
            try requireActivity(fact.stream, state)
            try requireInProjectPeriod(session.date, ofActivity: fact.stream, state)
        case let .consentRecorded(consent):
            try requireParticipant(consent.participant, state)
        case let .participantDetailsCorrected(correction):
            try requireParticipant(correction.participant, state)
            if let year = Int(correction.date.prefix(4)), correction.birthYear > year {
                throw RuleViolation(rule: "participant.born-before-registration", field: "birthYear", reason: "is after the registration date")
            }
        case let .enrolmentSignedUp(signUp):
            try requireEnrolmentReferences(signUp.participant, signUp.activity, signUp.date, state)
            guard state.openEnrolment(signUp.participant, signUp.activity) == nil else {
                throw RuleViolation(rule: "enrolment.one-open-at-a-time", field: "participant", reason: "is already enrolled in this activity")
            }
        case let .enrolmentStarted(start):
            try requireEnrolmentReferences(start.participant, start.activity, start.date, state)
            // Only the birth year stands in clear: the age on the entry day is one of two.
            if let birthYear = state.participants[start.participant], let year = Int(start.date.prefix(4)),
               !(year - birthYear - 1...year - birthYear).contains(start.entry.ageAtEntry) {
                throw RuleViolation(rule: "enrolment.age-follows-birth-year", field: "entry.ageAtEntry",
                                    reason: "does not follow from the birth year and the entry date")
            }
            if let open = state.openEnrolment(start.participant, start.activity), open.started {
                throw RuleViolation(rule: "enrolment.one-open-at-a-time", field: "participant", reason: "has already started this activity")
            }
        case let .enrolmentEnded(end):
            try requireEnrolmentReferences(end.participant, end.activity, end.date, state)
            guard let open = state.openEnrolment(end.participant, end.activity) else {
                throw RuleViolation(rule: "enrolment.ends-an-open-one", field: "participant", reason: "has no open enrolment in this activity")
            }
            guard open.from <= end.date else {
                throw RuleViolation(rule: "enrolment.ends-after-it-starts", field: "date", reason: "is before the enrolment began")
            }
        case let .attendanceRecorded(attendance):
            try requireActivity(fact.stream, state)
            guard let date = state.heldSessions[fact.stream]?[attendance.session] else {
                throw RuleViolation(rule: "attendance.session-held", field: "session", reason: "is not a held session of this activity")
            }
            try requireParticipant(attendance.participant, state)
            guard state.isEnrolled(attendance.participant, in: fact.stream, on: date) else {
                throw RuleViolation(
                    rule: "attendance.participant-enrolled", field: "participant", reason: "was not enrolled in this activity on the session's date")
            }
        case let .expertRegistered(expert):
            try requireParticipant(expert.participant, state)
            // Only the birth year stands in clear; the exact birth date is sealed. Anyone whose
            // birth year is 13 or more years before the registration year passes.
            if let birthYear = state.participants[expert.participant], let year = Int(expert.date.prefix(4)), year - birthYear < 13 {
                throw RuleViolation(rule: "expert.over-12", field: "date", reason: "is before the participant is over 12")
            }
        case let .engagementAgreed(agreed):
            guard state.experts.contains(agreed.expert) else {
                throw RuleViolation(rule: "engagement.expert-registered", field: "expert", reason: "is not a registered experience expert")
            }
            guard let project = state.projects[agreed.project] else {
                throw RuleViolation(rule: "reference.project-exists", field: "project", reason: "names a project that is not registered")
            }
            if let activity = agreed.activity, state.activities[activity] == nil {
                throw RuleViolation(rule: "reference.activity-exists", field: "activity", reason: "names an activity that is not created")
            }
            try requireInPeriod(agreed.date, project)
        case let .engagementCompleted(completed):
            let engagement = try requireEngagement(completed.engagement, state)
            guard !engagement.cancelled else {
                throw RuleViolation(rule: "engagement.not-cancelled", field: "engagement", reason: "was cancelled")
            }
            guard !engagement.completed else {
                throw RuleViolation(rule: "engagement.complete-once", field: "engagement", reason: "is already completed")
            }
            if let period = state.projects[engagement.project] { try requireInPeriod(completed.date, period) }
        case let .engagementCancelled(cancelled):
            let engagement = try requireEngagement(cancelled.engagement, state)
            guard !engagement.completed else {
                throw RuleViolation(rule: "engagement.not-completed", field: "engagement", reason: "was already completed")
            }
            if let period = state.projects[engagement.project] { try requireInPeriod(cancelled.date, period) }
        case let .feePaid(fee):
            let engagement = try requireCompleted(fee.engagement, rule: "fee.needs-completed-engagement", state)
            guard !engagement.feePaid else {
                throw RuleViolation(rule: "fee.paid-once", field: "engagement", reason: "already has its fee paid (void that payment first to correct it)")
            }
            guard fee.amountCents == engagement.agreedFeeCents || fee.reason != nil else {
                throw RuleViolation(rule: "fee.agreed-or-explained", field: "amountCents", reason: "differs from the agreed fee, and no reason is given")
            }
        case let .travelReimbursed(travel):
            try requireTripToPay(travel.engagement, "travel", once: "travel.reimbursed-once", paid: \.travelReimbursed, what: "its travel reimbursed", state)
            if let kilometres = travel.kilometres, let rate = travel.centsPerKm {
                guard let expected = KilometreAllowance.cents(kilometres: kilometres, centsPerKm: rate), travel.amountCents == expected else {
                    throw RuleViolation(rule: "travel.amount-is-km-times-rate", field: "amountCents", reason: "is not kilometres × cents per km, rounded to the cent")
                }
            } else if let ticket = travel.ticketCents, travel.amountCents != ticket {
                throw RuleViolation(rule: "travel.amount-is-ticket-cost", field: "amountCents", reason: "is not the ticket cost")
            }
        case let .perDiemPaid(perDiem):
            try requireTripToPay(perDiem.engagement, "per-diem", once: "per-diem.paid-once", paid: \.perDiemPaid, what: "its per diem paid", state)
            guard PerDiem.cents(days: perDiem.days, centsPerDay: perDiem.centsPerDay) == perDiem.amountCents else {
                throw RuleViolation(rule: "per-diem.amount-is-days-times-rate", field: "amountCents", reason: "is not days × cents per day")
            }
        case let .fitRecorded(fit):
            try requireParticipant(fit.participant, state)
            guard fit.items.allSatisfy({ ($0 * 10).rounded() == $0 * 10 }) else {
                throw RuleViolation(rule: "fit.one-decimal", field: "items", reason: "must be scores with at most one decimal")
            }
            // A rating given in a group is a rating of one of the group's own participants.
            if let activity = fit.activity {
                try requireActivity(activity, state)
                guard state.isEnrolled(fit.participant, in: activity, on: fit.date) else {
                    throw RuleViolation(rule: "fit.participant-enrolled", field: "participant",
                                        reason: "was not enrolled in this activity on the rating's date")
                }
            }
        case let .feedbackGiven(feedback):
            try requireActivity(feedback.activity, state)
            if let participant = feedback.participant {
                try requireParticipant(participant, state)
                guard state.isEnrolled(participant, in: feedback.activity, on: feedback.date) else {
                    throw RuleViolation(rule: "feedback.participant-enrolled", field: "participant",
                                        reason: "was not enrolled in this activity on the feedback's date")
                }
            }
            // Free text is sealed for whoever gave it, so that erasing them erases it; an
            // anonymous answer's text has a subject of its own, which names no participant.
            if let text = feedback.text {
                if let participant = feedback.participant, text.subject != participant {
                    throw RuleViolation(rule: "feedback.text-sealed-for-its-giver", field: "text", reason: "must be sealed for the participant who gave the feedback")
                }
                if feedback.participant == nil, state.participants[text.subject] != nil {
                    throw RuleViolation(rule: "feedback.text-sealed-for-its-giver", field: "text", reason: "of anonymous feedback must not be sealed for a participant, which would name them")
                }
            }
        case let .bikvaStageRecorded(stage):
            guard let project = state.projects[stage.project] else {
                throw RuleViolation(rule: "reference.project-exists", field: "project", reason: "names a project that is not registered")
            }
            try requireInPeriod(stage.date, project)
            let stages = state.evaluations[stage.evaluation] ?? [:]
            guard stages[stage.stage] == nil else {
                throw RuleViolation(rule: "bikva.stage-once", field: "stage", reason: "is already recorded for this evaluation (void it to record it again)")
            }
            if stage.stage > 1 {
                // Bottom-up: each level answers the themes of the level below.
                guard let before = stages[stage.stage - 1] else {
                    throw RuleViolation(rule: "bikva.stages-in-order", field: "stage", reason: "follows a stage that is not recorded yet")
                }
                guard before.date <= stage.date else {
                    throw RuleViolation(rule: "bikva.stages-in-order", field: "date", reason: "is before the day of the stage it follows")
                }
            }
        case let .expertStatusChanged(change):
            guard state.experts.contains(change.participant) else {
                throw RuleViolation(rule: "expert.registered-first", field: "participant", reason: "is not a registered experience expert")
            }
        case let .bikvaWordingApproved(approval):
            guard let stage = state.evaluations[approval.evaluation]?[approval.stage] else {
                throw RuleViolation(rule: "bikva.approves-a-recorded-stage", field: "stage", reason: "is not a recorded stage of this evaluation")
            }
            guard stage.date <= approval.date else {
                throw RuleViolation(rule: "bikva.approves-a-recorded-stage", field: "date", reason: "is before the day of the stage")
            }
        case let .bikvaChangeFollowedUp(followUp):
            guard let stage = state.evaluations[followUp.evaluation]?[followUp.stage],
                  stage.agreedChanges.contains(BIKVAStageRecorded.themeKey(followUp.theme))
            else {
                throw RuleViolation(rule: "bikva.follows-up-an-agreed-change", field: "theme", reason: "has no change agreed at that stage of this evaluation")
            }
            guard stage.date <= followUp.date else {
                throw RuleViolation(rule: "bikva.follows-up-an-agreed-change", field: "date", reason: "is before the day the change was agreed")
            }
        case let .surveyAnswered(answer):
            guard let project = state.projects[answer.project] else {
                throw RuleViolation(rule: "reference.project-exists", field: "project", reason: "names a project that is not registered")
            }
            try requireInPeriod(answer.date, project)
            let scale = answer.scale
            guard scale.min < scale.max, answer.answers.allSatisfy({ (scale.min...scale.max).contains($0.score) }) else {
                throw RuleViolation(rule: "survey.score-on-scale", field: "answers", reason: "holds a score off the answer's scale")
            }
            guard Set(answer.answers.map(\.item)).count == answer.answers.count else {
                throw RuleViolation(rule: "survey.item-once", field: "answers", reason: "scores an item more than once")
            }
            if let known = state.surveys[answer.survey], known != ProgrammeState.Scale(min: scale.min, max: scale.max) {
                throw RuleViolation(rule: "survey.one-scale", field: "scale", reason: "differs from the scale of the survey's earlier answers")
            }
        case let .staffTimeLogged(time):
            try requireProjectAndActivity(time.project, time.activity, date: time.date, state)
        case let .costIncurred(cost):
            try requireProjectAndActivity(cost.project, cost.activity, date: cost.date, state)
        case let .entryVoided(void):
            guard let voided = loggedEvent(void.eventId) else {
                throw RuleViolation(rule: "void.event-exists", field: "eventId", reason: "is not an event of this ledger")
            }
            // Voids are final: un-voiding by voiding a void would make "what counts" depend on
            // the order projectors read them, and a second void of one event would count twice.
            guard voided.type != "entry.voided" else {
                throw RuleViolation(rule: "void.not-a-void", field: "eventId", reason: "names a void, which cannot itself be voided")
            }
            // A reading or an erasure happened; voiding its record would hide it from the person.
            guard !systemTypes.contains(voided.type) else {
                throw RuleViolation(rule: "void.not-a-system-record", field: "eventId", reason: "names a record the system keeps, which cannot be voided")
            }
            // The correction stands beside what it corrects: reading a stream shows both.
            guard voided.stream == fact.stream else {
                throw RuleViolation(rule: "void.on-the-voided-stream", path: "stream", reason: "is not the stream of the voided event")
            }
            guard !state.voided.contains(void.eventId) else {
                throw RuleViolation(rule: "void.once", field: "eventId", reason: "names an event that is already voided")
            }
        case .projectRegistered(let project):
            guard project.startDate <= project.endDate else {
                throw RuleViolation(rule: "project.period", field: "endDate", reason: "is before the start date")
            }
        case let .userRoleGranted(grant):
            let activities = grant.activities ?? []
            guard (grant.role == .facilitator) == !activities.isEmpty else {
                throw RuleViolation(rule: "user.facilitator-has-activities", field: "activities",
                                    reason: grant.role == .facilitator ? "is missing: a facilitator runs named activities" : "goes only with the facilitator role")
            }
            for activity in activities { try requireActivity(activity, state) }
        case let .userRoleRevoked(revocation):
            guard state.users[revocation.user]?[revocation.role] != nil else {
                throw RuleViolation(rule: "user.revokes-a-granted-role", field: "role", reason: "is not a role the user holds")
            }
        case .accessLogged, .subjectErased:
            throw RuleViolation(rule: "type.written-by-the-system", path: "type", reason: "is recorded only by the system, as personal data is read or erased")
        case let .participantRegistered(participant):
            // Only the birth year stands in clear; a registration dated before that year is impossible.
            if let on = participant.registeredOn, let year = Int(on.prefix(4)), participant.birthYear > year {
                throw RuleViolation(rule: "participant.born-before-registration", field: "birthYear", reason: "is after the registration date")
            }
        }
    }

    // MARK: - Shared checks

    private static func requireActivity(_ activity: String, _ state: ProgrammeState) throws(RuleViolation) {
        guard state.activities[activity] != nil else {
            throw RuleViolation(rule: "reference.activity-exists", field: "activity", reason: "names an activity that is not created")
        }
    }

    private static func requireParticipant(_ participant: String, _ state: ProgrammeState) throws(RuleViolation) {
        guard state.participants[participant] != nil else {
            throw RuleViolation(rule: "reference.participant-exists", field: "participant", reason: "names a participant who is not registered")
        }
    }

    private static func requireEnrolmentReferences(
        _ participant: String, _ activity: String, _ date: String, _ state: ProgrammeState
    ) throws(RuleViolation) {
        try requireParticipant(participant, state)
        try requireActivity(activity, state)
        try requireInProjectPeriod(date, ofActivity: activity, state)
    }

    private static func requireInProjectPeriod(_ date: String, ofActivity activity: String, _ state: ProgrammeState) throws(RuleViolation) {
        guard let project = state.activities[activity].flatMap({ state.projects[$0] }) else { return }
        try requireInPeriod(date, project)
    }

    private static func requireInPeriod(_ date: String, _ period: ProgrammeState.Period) throws(RuleViolation) {
        guard period.start <= date, date <= period.end else {
            throw RuleViolation(rule: "date.inside-project-period", field: "date", reason: "is outside the project's period")
        }
    }

    private static func requireProjectAndActivity(
        _ project: String, _ activity: String?, date: String, _ state: ProgrammeState
    ) throws(RuleViolation) {
        guard let period = state.projects[project] else {
            throw RuleViolation(rule: "reference.project-exists", field: "project", reason: "names a project that is not registered")
        }
        if let activity { try requireActivity(activity, state) }
        try requireInPeriod(date, period)
    }

    @discardableResult
    private static func requireEngagement(_ id: String, _ state: ProgrammeState) throws(RuleViolation) -> ProgrammeState.Engagement {
        guard let engagement = state.engagements[id] else {
            throw RuleViolation(rule: "reference.engagement-exists", field: "engagement", reason: "names an engagement that was not agreed")
        }
        return engagement
    }

    /// Travel and per diems: for a completed engagement (`<kind>.needs-completed-engagement`)
    /// done in person (`<kind>.in-person-only`), paid once (`once`) unless the earlier is voided.
    private static func requireTripToPay(
        _ id: String, _ kind: String, once: String, paid: KeyPath<ProgrammeState.Engagement, Bool>, what: String, _ state: ProgrammeState
    ) throws(RuleViolation) {
        let engagement = try requireCompleted(id, rule: "\(kind).needs-completed-engagement", state)
        guard engagement.inPerson else {
            throw RuleViolation(rule: "\(kind).in-person-only", field: "engagement", reason: "was done remotely: there was no trip")
        }
        guard !engagement[keyPath: paid] else {
            throw RuleViolation(rule: once, field: "engagement", reason: "already has \(what) (void that payment first to correct it)")
        }
    }

    @discardableResult
    private static func requireCompleted(_ id: String, rule: String, _ state: ProgrammeState) throws(RuleViolation) -> ProgrammeState.Engagement {
        let engagement = try requireEngagement(id, state)
        guard engagement.completed else {
            throw RuleViolation(rule: rule, field: "engagement", reason: "is not completed")
        }
        return engagement
    }
}
