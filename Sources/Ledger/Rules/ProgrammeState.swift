/// An event with the envelope facts the rules need: the stream it belongs to and its id.
public struct Fact: Sendable, Equatable {
    public let stream: String
    public let eventId: String
    public let event: DomainEvent

    public init(stream: String, eventId: String, event: DomainEvent) {
        self.stream = stream
        self.eventId = eventId
        self.event = event
    }
}

/// What the rules need to know about the programme so far, folded from the log by `evolve`.
/// Pure: no I/O, built by whoever holds the events.
///
/// Each event changes at most one entry of the state (`StateKey.changed(by:)`), and an entry's
/// value is the fold of the events that changed it and of no others. That is what lets the
/// state be kept entry by entry between processes (`RulesStateStore`), loading only what one
/// decision reads, and lets a void take an event back out by folding its one entry again.
public struct ProgrammeState: Sendable, Equatable {
    struct Period: Sendable, Equatable { let start: String, end: String }
    struct Enrolment: Sendable, Equatable {
        var from: String
        var started = false
        var ended: String?
    }
    struct Engagement: Sendable, Equatable {
        let expert: String
        let project: String
        let inPerson: Bool
        let agreedFeeCents: Int
        var completed = false
        var cancelled = false
        var feePaid = false
        var travelReimbursed = false
        var perDiemPaid = false
    }

    struct BIKVAStage: Sendable, Equatable {
        let date: String
        /// The themes (by `BIKVAStageRecorded.themeKey`) for which the stage agreed a change.
        let agreedChanges: Set<String>
    }
    struct Scale: Sendable, Equatable { let min: Int, max: Int }

    var projects: [String: Period] = [:]
    /// activity stream → project stream
    var activities: [String: String] = [:]
    /// activity stream → session id → date held
    var heldSessions: [String: [String: String]] = [:]
    /// participant id → birth year
    var participants: [String: Int] = [:]
    /// participant id → activity stream → enrolments, oldest first
    var enrolments: [String: [String: [Enrolment]]] = [:]
    var experts: Set<String> = []
    var engagements: [String: Engagement] = [:]
    /// BIKVA evaluation id → stage number → its day and agreed changes
    var evaluations: [String: [Int: BIKVAStage]] = [:]
    /// survey id → the scale of its answers
    var surveys: [String: Scale] = [:]
    /// user name → role → the activities it covers (a facilitator's; empty for the other roles)
    var users: [String: [UserRole: Set<String>]] = [:]
    /// Ids of the events voided so far.
    var voided: Set<String> = []

    public init() {}

    /// The state of a whole log: every event evolved in order, but those a void in the log names
    /// (wherever the void stands), which count as never recorded. The reference that the state
    /// kept entry by entry (`RulesStateStore`) must always equal.
    public static func folded(_ facts: [Fact]) -> ProgrammeState {
        var voided = Set<String>()
        for fact in facts {
            if case let .entryVoided(void) = fact.event { voided.insert(void.eventId) }
        }
        var state = ProgrammeState()
        for fact in facts where !voided.contains(fact.eventId) { state.evolve(fact) }
        return state
    }

    public mutating func evolve(_ fact: Fact) {
        switch fact.event {
        case let .projectRegistered(project):
            projects[fact.stream] = Period(start: project.startDate, end: project.endDate)
        case let .activityCreated(activity):
            activities[fact.stream] = activity.project
        case let .sessionHeld(session):
            heldSessions[fact.stream, default: [:]][session.session] = session.date
        case let .participantRegistered(participant):
            participants[participant.participant] = participant.birthYear
        case let .participantDetailsCorrected(correction):
            participants[correction.participant] = correction.birthYear
        case let .enrolmentSignedUp(signUp):
            enrolments[signUp.participant, default: [:]][signUp.activity, default: []].append(Enrolment(from: signUp.date))
        case let .enrolmentStarted(start):
            if var open = openEnrolment(start.participant, start.activity) {
                open.started = true
                replaceLast(start.participant, start.activity, with: open)
            } else {
                enrolments[start.participant, default: [:]][start.activity, default: []]
                    .append(Enrolment(from: start.date, started: true))
            }
        case let .enrolmentEnded(end):
            if var open = openEnrolment(end.participant, end.activity) {
                open.ended = end.date
                replaceLast(end.participant, end.activity, with: open)
            }
        case let .expertRegistered(expert):
            experts.insert(expert.participant)
        case let .engagementAgreed(agreed):
            engagements[agreed.engagement] = Engagement(
                expert: agreed.expert, project: agreed.project, inPerson: agreed.mode == .inPerson, agreedFeeCents: agreed.agreedFeeCents)
        case let .engagementCompleted(completed):
            engagements[completed.engagement]?.completed = true
        case let .engagementCancelled(cancelled):
            engagements[cancelled.engagement]?.cancelled = true
        case let .feePaid(fee):
            engagements[fee.engagement]?.feePaid = true
        case let .travelReimbursed(travel):
            engagements[travel.engagement]?.travelReimbursed = true
        case let .perDiemPaid(perDiem):
            engagements[perDiem.engagement]?.perDiemPaid = true
        case let .bikvaStageRecorded(stage):
            let changes = stage.themes.filter { !($0.agreedChange ?? "").isEmpty }.map { BIKVAStageRecorded.themeKey($0.theme) }
            evaluations[stage.evaluation, default: [:]][stage.stage] = BIKVAStage(date: stage.date, agreedChanges: Set(changes))
        case let .surveyAnswered(answer):
            if surveys[answer.survey] == nil { surveys[answer.survey] = Scale(min: answer.scale.min, max: answer.scale.max) }
        case let .userRoleGranted(grant):
            users[grant.user, default: [:]][grant.role, default: []].formUnion(grant.activities ?? [])
        case let .userRoleRevoked(revocation):
            users[revocation.user]?[revocation.role] = nil
            if users[revocation.user]?.isEmpty == true { users[revocation.user] = nil }
        case let .entryVoided(void):
            voided.insert(void.eventId)
        default:
            break
        }
    }

    func openEnrolment(_ participant: String, _ activity: String) -> Enrolment? {
        guard let last = enrolments[participant]?[activity]?.last, last.ended == nil else { return nil }
        return last
    }

    /// Whether the participant was enrolled in the activity on `date` (from sign-up or start, up to
    /// and including the day it ended).
    func isEnrolled(_ participant: String, in activity: String, on date: String) -> Bool {
        (enrolments[participant]?[activity] ?? []).contains { $0.from <= date && ($0.ended.map { date <= $0 } ?? true) }
    }

    private mutating func replaceLast(_ participant: String, _ activity: String, with enrolment: Enrolment) {
        guard var list = enrolments[participant]?[activity], !list.isEmpty else { return }
        list[list.count - 1] = enrolment
        enrolments[participant]?[activity] = list
    }
}

extension ProgrammeState {
    /// The roles the user holds, each with the activities it covers (for the server's access checks).
    public func roles(of user: String) -> [UserRole: Set<String>] { users[user] ?? [:] }
}
