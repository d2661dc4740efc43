import EventStore

/// One entry of the rules' state (`ProgrammeState`): what one look-up returns, and the unit in
/// which the state is kept between processes.
public enum StateKey: Hashable, Sendable {
    /// project stream → its period
    case project(String)
    /// activity stream → its project
    case activity(String)
    /// a session held, by activity stream and session id → its date
    case heldSession(activity: String, session: String)
    /// participant id → birth year
    case participant(String)
    /// participant id and activity stream → the enrolments, oldest first
    case enrolments(participant: String, activity: String)
    /// participant id → registered as an experience expert
    case expert(String)
    /// engagement id → its expert, mode, agreed fee and what has happened to it
    case engagement(String)
    /// BIKVA evaluation id → its stages' days and agreed changes
    case evaluation(String)
    /// survey id → the scale of its answers
    case survey(String)
    /// user name → the roles granted, each with its activities (a facilitator's)
    case user(String)
    /// event id → voided
    case voided(eventId: String)

    /// The key as stored: a compact JSON array, unambiguous whatever the ids hold.
    var text: String {
        let parts: [String] = switch self {
        case let .project(stream): ["project", stream]
        case let .activity(stream): ["activity", stream]
        case let .heldSession(activity, session): ["held-session", activity, session]
        case let .participant(id): ["participant", id]
        case let .enrolments(participant, activity): ["enrolments", participant, activity]
        case let .expert(id): ["expert", id]
        case let .engagement(id): ["engagement", id]
        case let .evaluation(id): ["evaluation", id]
        case let .survey(id): ["survey", id]
        case let .user(name): ["user", name]
        case let .voided(eventId): ["voided", eventId]
        }
        var bytes: [UInt8] = [UInt8(ascii: "[")]
        for (offset, part) in parts.enumerated() {
            if offset > 0 { bytes.append(UInt8(ascii: ",")) }
            JSONWriter.writeString(part, into: &bytes)
        }
        bytes.append(UInt8(ascii: "]"))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The key `text` stands for, or nil if it names none.
    init?(text: String) {
        guard case let .array(items)? = try? JSONParser.parse(text) else { return nil }
        let parts = items.compactMap(\.stringValue)
        guard parts.count == items.count, let kind = parts.first else { return nil }
        switch (kind, parts.count) {
        case ("project", 2): self = .project(parts[1])
        case ("activity", 2): self = .activity(parts[1])
        case ("held-session", 3): self = .heldSession(activity: parts[1], session: parts[2])
        case ("participant", 2): self = .participant(parts[1])
        case ("enrolments", 3): self = .enrolments(participant: parts[1], activity: parts[2])
        case ("expert", 2): self = .expert(parts[1])
        case ("engagement", 2): self = .engagement(parts[1])
        case ("evaluation", 2): self = .evaluation(parts[1])
        case ("survey", 2): self = .survey(parts[1])
        case ("user", 2): self = .user(parts[1])
        case ("voided", 2): self = .voided(eventId: parts[1])
        default: return nil
        }
    }

    /// The one entry that evolving `fact` changes, if any.
    static func changed(by fact: Fact) -> StateKey? {
        switch fact.event {
        case .projectRegistered: .project(fact.stream)
        case .activityCreated: .activity(fact.stream)
        case let .sessionHeld(session): .heldSession(activity: fact.stream, session: session.session)
        case let .participantRegistered(participant): .participant(participant.participant)
        case let .participantDetailsCorrected(correction): .participant(correction.participant)
        case let .enrolmentSignedUp(step): .enrolments(participant: step.participant, activity: step.activity)
        case let .enrolmentStarted(step): .enrolments(participant: step.participant, activity: step.activity)
        case let .enrolmentEnded(step): .enrolments(participant: step.participant, activity: step.activity)
        case let .expertRegistered(expert): .expert(expert.participant)
        case let .engagementAgreed(agreed): .engagement(agreed.engagement)
        case let .engagementCompleted(completed): .engagement(completed.engagement)
        case let .engagementCancelled(cancelled): .engagement(cancelled.engagement)
        case let .feePaid(fee): .engagement(fee.engagement)
        case let .travelReimbursed(travel): .engagement(travel.engagement)
        case let .perDiemPaid(perDiem): .engagement(perDiem.engagement)
        case let .entryVoided(void): .voided(eventId: void.eventId)
        case let .bikvaStageRecorded(stage): .evaluation(stage.evaluation)
        case let .surveyAnswered(answer): .survey(answer.survey)
        case let .userRoleGranted(grant): .user(grant.user)
        case let .userRoleRevoked(revocation): .user(revocation.user)
        case .sessionScheduled, .sessionCancelled, .consentRecorded, .attendanceRecorded, .fitRecorded, .feedbackGiven,
             .bikvaWordingApproved, .bikvaChangeFollowedUp, .expertStatusChanged, .staffTimeLogged, .costIncurred, .accessLogged, .subjectErased:
            nil
        }
    }

    /// The entries that deciding on `fact` (`Rules.check`) and evolving it read or change, but
    /// for the projects of the activities among them (`projects(of:in:)`), which are known only
    /// once those are loaded.
    static func needed(by fact: Fact) -> [StateKey] {
        var keys: [StateKey] = []
        switch fact.event {
        case let .activityCreated(activity):
            keys = [.project(activity.project)]
        case .sessionScheduled, .sessionCancelled, .sessionHeld:
            keys = [.activity(fact.stream)]
        case let .consentRecorded(consent):
            keys = [.participant(consent.participant)]
        case let .enrolmentSignedUp(step):
            keys = [.participant(step.participant), .activity(step.activity)]
        case let .enrolmentStarted(step):
            keys = [.participant(step.participant), .activity(step.activity)]
        case let .enrolmentEnded(step):
            keys = [.participant(step.participant), .activity(step.activity)]
        case let .attendanceRecorded(attendance):
            keys = [.activity(fact.stream), .heldSession(activity: fact.stream, session: attendance.session),
                    .participant(attendance.participant), .enrolments(participant: attendance.participant, activity: fact.stream)]
        case let .expertRegistered(expert):
            keys = [.participant(expert.participant)]
        case let .expertStatusChanged(change):
            keys = [.expert(change.participant)]
        case let .engagementAgreed(agreed):
            keys = [.expert(agreed.expert), .project(agreed.project)] + (agreed.activity.map { [.activity($0)] } ?? [])
        case let .fitRecorded(fit):
            keys = [.participant(fit.participant)]
            if let activity = fit.activity { keys += [.activity(activity), .enrolments(participant: fit.participant, activity: activity)] }
        case let .feedbackGiven(feedback):
            // An anonymous answer's sealed text: the rules check it is not sealed for a participant.
            let giver = feedback.participant ?? feedback.text?.subject
            keys = [.activity(feedback.activity)] + (giver.map { [.participant($0)] } ?? [])
            if let participant = feedback.participant { keys.append(.enrolments(participant: participant, activity: feedback.activity)) }
        case let .bikvaStageRecorded(stage):
            keys = [.project(stage.project)]
        case let .bikvaWordingApproved(approval):
            keys = [.evaluation(approval.evaluation)]
        case let .bikvaChangeFollowedUp(followUp):
            keys = [.evaluation(followUp.evaluation)]
        case let .surveyAnswered(answer):
            keys = [.project(answer.project)]
        case let .staffTimeLogged(time):
            keys = [.project(time.project)] + (time.activity.map { [.activity($0)] } ?? [])
        case let .costIncurred(cost):
            keys = [.project(cost.project)] + (cost.activity.map { [.activity($0)] } ?? [])
        case let .userRoleGranted(grant):
            keys = (grant.activities ?? []).map { .activity($0) }
        case .userRoleRevoked:
            break
        case .projectRegistered, .participantRegistered, .participantDetailsCorrected, .engagementCompleted, .engagementCancelled, .feePaid,
             .travelReimbursed, .perDiemPaid, .entryVoided, .accessLogged, .subjectErased:
            break
        }
        if let changed = changed(by: fact) { keys.append(changed) }
        return keys
    }

    /// The projects of the activities and engagements among `keys`, as `state` has them: what
    /// the rules read of their project (its period).
    static func projects(of keys: [StateKey], in state: ProgrammeState) -> [StateKey] {
        keys.compactMap { key in
            switch key {
            case let .activity(stream): state.activities[stream].map { .project($0) }
            case let .engagement(id): state.engagements[id].map { .project($0.project) }
            default: nil
            }
        }
    }
}
