import Samples
import EventStore

/// A reproducible random stream of events a programme might try to record, over a small world of
/// projects, activities, people, sessions and engagements, so that the same things are named
/// again and again: registrations and references to nobody, dates in and out of the period,
/// sessions held or not, enrolments opened twice, engagements completed, paid and reimbursed
/// twice, voids of anything (on the right stream or not), and forgeries of the system's records.
/// Every event fits its schema; the rules accept some and refuse others.
struct CandidateHistory {
    typealias Random = SeededRandom

    static let projects = ["project-a", "project-b", "project-x"]
    static let activities = ["activity-a1", "activity-a2", "activity-b1", "activity-x"]
    static let participants = ["p-aa", "p-ab", "p-ac", "p-ad", "p-ae", "p-kid", "p-zz"]
    static let sessions = ["s1", "s2", "s3", "s4"]
    static let engagements = ["e-1", "e-2", "e-3", "e-4", "e-5"]

    var random: Random
    /// Every event proposed so far, for voids to name.
    private(set) var proposed: [ProposedEvent] = []

    init(seed: UInt64) {
        random = Random(seed: seed)
    }

    /// A day between mid-December 2025 and mid-January 2027.
    mutating func day() -> String {
        let ordinal = random.below(400) - 15
        let monthLengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        var year = 2026, rest = ordinal
        if rest < 0 { return "2025-12-\(31 + rest)" }
        if rest >= 365 { year = 2027; rest -= 365 }
        var month = 0
        while rest >= monthLengths[month] { rest -= monthLengths[month]; month += 1 }
        return "\(year)-\(month < 9 ? "0" : "")\(month + 1)-\(rest < 9 ? "0" : "")\(rest + 1)"
    }


    mutating func next() throws -> ProposedEvent {
        let (stream, type, data) = nextEvent()
        let event = try ProposedEvent(
            eventId: random.uuid(), stream: stream, type: type, schemaVersion: type == "session.held" ? 2 : (type == "fee.paid" ? 2 : 1),
            occurredAt: "2026-06-01T12:00:00Z", data: data, meta: #"{"actor":"test"}"#)
        proposed.append(event)
        return event
    }

    private mutating func nextEvent() -> (stream: String, type: String, data: String) {
        let project = random.pick(Self.projects), activity = random.pick(Self.activities)
        let participant = random.pick(Self.participants), session = random.pick(Self.sessions)
        let engagement = random.pick(Self.engagements), date = day()
        switch random.below(31) {
        case 0:
            let (start, end) = project == "project-b" ? ("2026-03-01", "2026-06-30") : ("2026-01-01", random.chance(90) ? "2026-12-31" : "2025-12-31")
            return (project, "project.registered", #"{"projectCode":"P","name":"P","funder":"ESR+","startDate":"\#(start)","endDate":"\#(end)","costModel":"flat-rate-40","selfFinancingPercent":20}"#)
        case 1:
            let owner = activity == "activity-b1" ? "project-b" : (activity == "activity-x" ? "project-x" : "project-a")
            return (activity, "activity.created", #"{"project":"\#(owner)","name":"A","kind":"closed-peer-group","targetGroup":"parents","municipality":"Forssa"}"#)
        case 2, 3:
            return (activity, "session.held", #"{"session":"\#(session)","date":"\#(date)","durationMinutes":90,"location":"Forssa","format":"in-person"}"#)
        case 4:
            return (activity, "session.scheduled", #"{"session":"\#(session)","date":"\#(date)","durationMinutes":90}"#)
        case 5:
            return (activity, "session.cancelled", #"{"session":"\#(session)","date":"\#(date)"}"#)
        case 6, 7:
            let year = participant == "p-kid" ? 2015 : 1960 + random.below(40)
            return ("participant-\(participant)", "participant.registered", #"{"participant":"\#(participant)","roles":["parent"],"gender":"woman","birthYear":\#(year),"municipality":"Forssa"}"#)
        case 8:
            return ("participant-\(participant)", "participant.consent-recorded", #"{"participant":"\#(participant)","scope":"esr-reporting","givenBy":"self","date":"\#(date)"\#(random.chance(30) ? #","withdrawn":true"# : "")}"#)
        case 9, 10:
            return ("participant-\(participant)", "enrolment.signed-up", #"{"participant":"\#(participant)","activity":"\#(activity)","date":"\#(date)"}"#)
        case 11:
            return ("participant-\(participant)", "enrolment.started", #"{"participant":"\#(participant)","activity":"\#(activity)","date":"\#(date)","entry":{"ageAtEntry":40,"labourMarketStatus":"employed","educationLevel":"isced-3-4","disability":"no","thirdCountNational":"no","foreignBackground":"no","minority":"no","homelessOrHousingExclusion":"no","ruralArea":"no"}}"#)
        case 12:
            return ("participant-\(participant)", "enrolment.ended", #"{"participant":"\#(participant)","activity":"\#(activity)","date":"\#(date)","outcome":"completed"}"#)
        case 13, 14:
            return (activity, "attendance.recorded", #"{"session":"\#(session)","participant":"\#(participant)","status":"present"}"#)
        case 15:
            return ("participant-\(participant)", "expert.registered", #"{"participant":"\#(participant)","alias":"X","anonymous":false,"training":"none","date":"\#(date)"}"#)
        case 16:
            let tied = random.chance(30) ? #","activity":"\#(activity)""# : ""
            return ("engagement-\(engagement)", "engagement.agreed", #"{"engagement":"\#(engagement)","expert":"\#(participant)","project":"\#(project)"\#(tied),"kind":"writing","date":"\#(date)","plannedHours":2,"agreedFeeCents":6000,"mode":"\#(random.chance(70) ? "in-person" : "remote")"}"#)
        case 17:
            return ("engagement-\(engagement)", "engagement.completed", #"{"engagement":"\#(engagement)","date":"\#(date)","hours":2}"#)
        case 18:
            return ("engagement-\(engagement)", "engagement.cancelled", #"{"engagement":"\#(engagement)","date":"\#(date)"}"#)
        case 19:
            let amount = random.chance(70) ? 6000 : 800_000
            let reason = random.chance(30) ? #","reason":"agreed again""# : ""
            return ("engagement-\(engagement)", "fee.paid", #"{"engagement":"\#(engagement)","date":"\#(date)","amountCents":\#(amount)\#(reason)}"#)
        case 20:
            return ("engagement-\(engagement)", "travel.reimbursed", #"{"engagement":"\#(engagement)","date":"\#(date)","ticketCents":1290,"amountCents":\#(random.chance(85) ? 1290 : 1300)}"#)
        case 21:
            return ("participant-\(participant)", "feedback.fit-recorded", #"{"participant":"\#(participant)","instrument":"ORS","items":[6.5,7,5.2,\#(random.chance(85) ? "8" : "8.25")],"date":"\#(date)"}"#)
        case 22:
            return (activity, "feedback.given", #"{"activity":"\#(activity)","date":"\#(date)","rating":4,"participant":"\#(participant)"}"#)
        case 23:
            return ("project-a", "staff.time-logged", #"{"staffMember":"staff-a","project":"\#(project)","date":"\#(date)","hours":7.5,"hourlyCostCents":3250}"#)
        case 24:
            let tied = random.chance(40) ? #","activity":"\#(activity)""# : ""
            let stream = random.chance(90) ? "project-a" : "subject-\(participant)"
            return (stream, "cost.incurred", #"{"project":"\#(project)"\#(tied),"date":"\#(date)","category":"catering","amountCents":100}"#)
        case 25:
            let stream = random.chance(50) ? "subject-\(participant)" : "project-a"
            return random.chance(50)
                ? (stream, "access.logged", #"{"subject":"\#(participant)","actor":"mallory","purpose":"x","valuesOpened":1}"#)
                : (stream, "subject.erased", #"{"subject":"\#(participant)","reason":"x"}"#)
        case 26:
            let evaluation = random.chance(50) ? "ev-a" : "ev-b", stage = 1 + random.below(4)
            let change = random.chance(50) ? #","agreedChange":"c""# : ""
            return ("bikva-\(evaluation)", "bikva.stage-recorded", #"{"evaluation":"\#(evaluation)","project":"\#(project)","stage":\#(stage),"date":"\#(date)","groupSize":5,"themes":[{"theme":"\#(random.chance(50) ? "T1" : "t2")"\#(change)}]}"#)
        case 27:
            let evaluation = random.chance(50) ? "ev-a" : "ev-b"
            return ("bikva-\(evaluation)", "bikva.wording-approved", #"{"evaluation":"\#(evaluation)","stage":\#(1 + random.below(4)),"date":"\#(date)"}"#)
        case 28:
            let evaluation = random.chance(50) ? "ev-a" : "ev-b"
            return ("bikva-\(evaluation)", "bikva.change-followed-up", #"{"evaluation":"\#(evaluation)","stage":\#(1 + random.below(4)),"theme":"\#(random.chance(50) ? "t1" : "t2")","status":"done","date":"\#(date)"}"#)
        case 29:
            let survey = random.chance(50) ? "sv-a" : "sv-b", top = random.chance(80) ? 5 : 10
            return ("survey-\(survey)", "survey.answered", #"{"survey":"\#(survey)","project":"\#(project)","wave":"baseline","respondentGroup":"staff","date":"\#(date)","scale":{"min":1,"max":\#(top)},"answers":[{"item":"q1","score":\#(1 + random.below(top + 1))}]}"#)
        default:
            // A void of something proposed earlier (refused or not), mostly on its own stream.
            guard let target = proposed.isEmpty ? nil : proposed[random.below(proposed.count)] else {
                return ("project-a", "entry.voided", #"{"eventId":"\#(random.uuid())","reason":"x"}"#)
            }
            let stream = random.chance(85) ? target.stream.text : "project-a"
            return (stream, "entry.voided", #"{"eventId":"\#(target.eventId.text)","reason":"entered by mistake"}"#)
        }
    }
}
