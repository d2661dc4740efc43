import EventStore
import Testing

@testable import Ledger

/// Every rule with one accepted and one refused case, decided purely: no database.
@Suite struct RulesTests {
    let catalogue = try! EventCatalogue.standard()

    /// A small programme to judge new events against.
    func baseState() throws -> ProgrammeState {
        var state = ProgrammeState()
        let history: [(String, String, String)] = [
            ("project-kokooma", "project.registered", #"{"projectCode":"S1","name":"KokoOma","funder":"ESR+","startDate":"2024-09-01","endDate":"2026-10-31","costModel":"flat-rate-40","selfFinancingPercent":20}"#),
            ("activity-tahka", "activity.created", #"{"project":"project-kokooma","name":"Tähkä","kind":"closed-peer-group","targetGroup":"parents","municipality":"Forssa"}"#),
            ("participant-p-adult", "participant.registered", #"{"participant":"p-adult","roles":["parent"],"gender":"woman","birthYear":1986,"municipality":"Forssa"}"#),
            ("participant-p-other", "participant.registered", #"{"participant":"p-other","roles":["parent"],"gender":"man","birthYear":1980,"municipality":"Forssa"}"#),
            ("participant-p-teen", "participant.registered", #"{"participant":"p-teen","roles":["young-person"],"gender":"not-told","birthYear":2013,"municipality":"Forssa"}"#),
            ("participant-p-child", "participant.registered", #"{"participant":"p-child","roles":["child"],"gender":"man","birthYear":2014,"municipality":"Forssa"}"#),
            ("participant-p-adult", "enrolment.signed-up", #"{"participant":"p-adult","activity":"activity-tahka","date":"2026-01-25"}"#),
            ("activity-tahka", "session.held", #"{"session":"s1","date":"2026-02-03","durationMinutes":120,"location":"Forssa","format":"in-person"}"#),
            ("participant-p-teen", "expert.registered", #"{"participant":"p-teen","alias":"K","anonymous":true,"training":"trained","date":"2026-06-01"}"#),
            ("engagement-e-1", "engagement.agreed", #"{"engagement":"e-1","expert":"p-teen","project":"project-kokooma","kind":"writing","date":"2026-06-02","plannedHours":2,"agreedFeeCents":6000,"mode":"in-person"}"#),
            ("engagement-e-2", "engagement.agreed", #"{"engagement":"e-2","expert":"p-teen","project":"project-kokooma","kind":"writing","date":"2026-06-02","plannedHours":2,"agreedFeeCents":6000,"mode":"remote"}"#),
            ("engagement-e-1", "engagement.completed", #"{"engagement":"e-1","date":"2026-06-10","hours":2}"#),
            ("engagement-e-2", "engagement.completed", #"{"engagement":"e-2","date":"2026-06-10","hours":2}"#),
            ("engagement-e-3", "engagement.agreed", #"{"engagement":"e-3","expert":"p-teen","project":"project-kokooma","kind":"writing","date":"2026-06-02","plannedHours":2,"agreedFeeCents":6000,"mode":"in-person"}"#),
            ("engagement-e-4", "engagement.agreed", #"{"engagement":"e-4","expert":"p-teen","project":"project-kokooma","kind":"writing","date":"2026-06-02","plannedHours":2,"agreedFeeCents":6000,"mode":"in-person"}"#),
            ("engagement-e-4", "engagement.cancelled", #"{"engagement":"e-4","date":"2026-06-05"}"#),
            ("engagement-e-5", "engagement.agreed", #"{"engagement":"e-5","expert":"p-teen","project":"project-kokooma","kind":"writing","date":"2026-06-02","plannedHours":2,"agreedFeeCents":6000,"mode":"in-person"}"#),
            ("engagement-e-5", "engagement.completed", #"{"engagement":"e-5","date":"2026-06-10","hours":2}"#),
            ("engagement-e-5", "fee.paid", #"{"engagement":"e-5","date":"2026-06-30","amountCents":6000}"#),
            ("engagement-e-5", "travel.reimbursed", #"{"engagement":"e-5","date":"2026-06-30","ticketCents":1290,"amountCents":1290}"#),
            ("engagement-e-5", "per-diem.paid", #"{"engagement":"e-5","date":"2026-06-30","kind":"part-day","days":1,"centsPerDay":2500,"amountCents":2500}"#),
            ("project-kokooma", "entry.voided", #"{"eventId":"\#(Self.voidedCost)","reason":"entered twice"}"#),
            ("bikva-k", "bikva.stage-recorded", #"{"evaluation":"k","project":"project-kokooma","stage":1,"date":"2026-03-01","groupSize":6,"themes":[{"theme":"Waiting","said":"Queues are long"}]}"#),
            ("bikva-k", "bikva.stage-recorded", #"{"evaluation":"k","project":"project-kokooma","stage":2,"date":"2026-03-20","groupSize":8,"themes":[{"theme":"Waiting","response":"We see it","agreedChange":"A text message on the queue"},{"theme":"Rooms","response":"Too small"}]}"#),
            ("survey-s", "survey.answered", #"{"survey":"s","project":"project-kokooma","wave":"baseline","respondentGroup":"staff","date":"2026-02-16","scale":{"min":1,"max":5},"answers":[{"item":"q1","score":3}]}"#),
            ("user-ohjaaja", "user.role-granted", #"{"user":"ohjaaja","role":"facilitator","activities":["activity-tahka"]}"#),
        ]
        for (stream, type, data) in history {
            let fact = try fact(stream, type, data)
            try Rules.check(fact, against: state, today: Self.today, loggedEvent: Self.loggedEvent)
            state.evolve(fact)
        }
        return state
    }

    /// Event ids the log of `baseState` is taken to hold, besides its own: a cost it voided, the
    /// void, a session and a reading of a person's data.
    /// The day the cases are recorded on.
    static let today = "2026-07-01"
    static let voidedCost = "22222222-2222-4222-8222-222222222222"
    static let void = "11111111-1111-4111-8111-111111111111"
    static let session = "0b6f6c1e-5d2a-4f3b-9a1c-000000000001"
    static let reading = "33333333-3333-4333-8333-333333333333"
    static func loggedEvent(_ eventId: String) -> LoggedEvent? {
        [
            voidedCost: LoggedEvent(type: "cost.incurred", stream: "project-kokooma"),
            void: LoggedEvent(type: "entry.voided", stream: "project-kokooma"),
            session: LoggedEvent(type: "session.held", stream: "activity-tahka"),
            reading: LoggedEvent(type: "access.logged", stream: "subject-p-adult"),
        ][eventId]
    }

    func fact(_ stream: String, _ type: String, _ data: String) throws -> Fact {
        let version = catalogue.latestVersions[type] ?? 1
        return Fact(stream: stream, eventId: EventID.random().text,
                    event: try catalogue.read(type: type, version: version, data: try JSONParser.parse(data)))
    }

    /// nil: the event must be accepted; a rule name: it must be refused by that rule.
    static let cases: [(label: String, stream: String, type: String, data: String, refusedBy: String?)] = [
        ("activity of a known project", "activity-new", "activity.created", #"{"project":"project-kokooma","name":"A","kind":"camp","targetGroup":"parents","municipality":"Forssa"}"#, nil),
        ("activity of an unknown project", "activity-new", "activity.created", #"{"project":"project-none","name":"A","kind":"camp","targetGroup":"parents","municipality":"Forssa"}"#, "activity.project-exists"),
        ("session of an unknown activity", "activity-none", "session.held", #"{"session":"s9","date":"2026-02-03","durationMinutes":60,"location":"X","format":"remote"}"#, "reference.activity-exists"),
        ("session after the project ended", "activity-tahka", "session.held", #"{"session":"s9","date":"2026-11-01","durationMinutes":60,"location":"X","format":"remote"}"#, "date.inside-project-period"),
        ("a session held today", "activity-tahka", "session.held", #"{"session":"s3","date":"2026-07-01","durationMinutes":60,"location":"X","format":"remote"}"#, nil),
        ("a session held tomorrow", "activity-tahka", "session.held", #"{"session":"s3","date":"2026-07-02","durationMinutes":60,"location":"X","format":"remote"}"#, "date.not-in-the-future"),
        ("a fee paid tomorrow", "engagement-e-1", "fee.paid", #"{"engagement":"e-1","date":"2026-07-02","amountCents":6000}"#, "date.not-in-the-future"),
        ("staff time of tomorrow", "project-kokooma", "staff.time-logged", #"{"staffMember":"staff-01","project":"project-kokooma","date":"2026-07-02","hours":7.5,"hourlyCostCents":3200}"#, "date.not-in-the-future"),
        ("a session held inside the period", "activity-tahka", "session.held", #"{"session":"s2","date":"2026-02-10","durationMinutes":60,"location":"X","format":"hybrid"}"#, nil),
        ("session inside the period", "activity-tahka", "session.scheduled", #"{"session":"s9","date":"2026-10-31","durationMinutes":60}"#, nil),
        ("a participant registered after birth", "participant-p-new", "participant.registered", #"{"participant":"p-new","roles":["child"],"gender":"man","birthYear":2026,"municipality":"Forssa","registeredOn":"2026-03-01"}"#, nil),
        ("a participant registered before birth", "participant-p-new", "participant.registered", #"{"participant":"p-new","roles":["child"],"gender":"man","birthYear":2027,"municipality":"Forssa","registeredOn":"2026-03-01"}"#, "participant.born-before-registration"),
        ("consent of a registered participant", "participant-p-adult", "participant.consent-recorded", #"{"participant":"p-adult","scope":"esr-reporting","givenBy":"self","date":"2026-01-20"}"#, nil),
        ("consent of an unknown participant", "participant-p-none", "participant.consent-recorded", #"{"participant":"p-none","scope":"esr-reporting","givenBy":"self","date":"2026-01-20"}"#, "reference.participant-exists"),
        ("a first sign-up", "participant-p-other", "enrolment.signed-up", #"{"participant":"p-other","activity":"activity-tahka","date":"2026-01-25"}"#, nil),
        ("a second open sign-up", "participant-p-adult", "enrolment.signed-up", #"{"participant":"p-adult","activity":"activity-tahka","date":"2026-02-01"}"#, "enrolment.one-open-at-a-time"),
        ("starting after signing up", "participant-p-adult", "enrolment.started", #"{"participant":"p-adult","activity":"activity-tahka","date":"2026-02-03","entry":{"ageAtEntry":39,"labourMarketStatus":"employed","educationLevel":"isced-3-4","disability":"no","thirdCountNational":"no","foreignBackground":"no","minority":"no","homelessOrHousingExclusion":"no","ruralArea":"no"}}"#, nil),
        ("starting at an age the birth year cannot give", "participant-p-adult", "enrolment.started", #"{"participant":"p-adult","activity":"activity-tahka","date":"2026-02-03","entry":{"ageAtEntry":44,"labourMarketStatus":"employed","educationLevel":"isced-3-4","disability":"no","thirdCountNational":"no","foreignBackground":"no","minority":"no","homelessOrHousingExclusion":"no","ruralArea":"no"}}"#, "enrolment.age-follows-birth-year"),
        ("ending an open enrolment", "participant-p-adult", "enrolment.ended", #"{"participant":"p-adult","activity":"activity-tahka","date":"2026-04-01","outcome":"completed"}"#, nil),
        ("ending without an enrolment", "participant-p-other", "enrolment.ended", #"{"participant":"p-other","activity":"activity-tahka","date":"2026-04-01","outcome":"completed"}"#, "enrolment.ends-an-open-one"),
        ("ending before it began", "participant-p-adult", "enrolment.ended", #"{"participant":"p-adult","activity":"activity-tahka","date":"2026-01-01","outcome":"moved"}"#, "enrolment.ends-after-it-starts"),
        ("attendance of an enrolled participant", "activity-tahka", "attendance.recorded", #"{"session":"s1","participant":"p-adult","status":"present"}"#, nil),
        ("attendance at a session not held", "activity-tahka", "attendance.recorded", #"{"session":"s2","participant":"p-adult","status":"present"}"#, "attendance.session-held"),
        ("attendance of someone not enrolled", "activity-tahka", "attendance.recorded", #"{"session":"s1","participant":"p-other","status":"present"}"#, "attendance.participant-enrolled"),
        ("an expert over 12", "participant-p-adult", "expert.registered", #"{"participant":"p-adult","alias":"A","anonymous":false,"training":"none","date":"2026-01-20"}"#, nil),
        ("an expert of 12", "participant-p-child", "expert.registered", #"{"participant":"p-child","alias":"C","anonymous":true,"training":"none","date":"2026-06-01"}"#, "expert.over-12"),
        ("a registered expert pauses", "participant-p-teen", "expert.status-changed", #"{"participant":"p-teen","status":"paused","date":"2026-09-01"}"#, nil),
        ("a participant who is no expert pauses", "participant-p-adult", "expert.status-changed", #"{"participant":"p-adult","status":"paused","date":"2026-09-01"}"#, "expert.registered-first"),
        ("an engagement of a registered expert", "engagement-e-9", "engagement.agreed", #"{"engagement":"e-9","expert":"p-teen","project":"project-kokooma","kind":"writing","date":"2026-06-02","plannedHours":1,"agreedFeeCents":3000,"mode":"remote"}"#, nil),
        ("an engagement of a non-expert", "engagement-e-9", "engagement.agreed", #"{"engagement":"e-9","expert":"p-adult","project":"project-kokooma","kind":"writing","date":"2026-06-02","plannedHours":1,"agreedFeeCents":3000,"mode":"remote"}"#, "engagement.expert-registered"),
        ("an engagement in an unknown project", "engagement-e-9", "engagement.agreed", #"{"engagement":"e-9","expert":"p-teen","project":"project-none","kind":"writing","date":"2026-06-02","plannedHours":1,"agreedFeeCents":3000,"mode":"remote"}"#, "reference.project-exists"),
        ("completing an agreed engagement", "engagement-e-3", "engagement.completed", #"{"engagement":"e-3","date":"2026-06-10","hours":2}"#, nil),
        ("completing an unknown engagement", "engagement-e-9", "engagement.completed", #"{"engagement":"e-9","date":"2026-06-10","hours":2}"#, "reference.engagement-exists"),
        ("completing a cancelled engagement", "engagement-e-4", "engagement.completed", #"{"engagement":"e-4","date":"2026-06-10","hours":2}"#, "engagement.not-cancelled"),
        ("completing an engagement after the project ended", "engagement-e-3", "engagement.completed", #"{"engagement":"e-3","date":"2026-11-15","hours":2}"#, "date.inside-project-period"),
        ("completing an engagement twice", "engagement-e-1", "engagement.completed", #"{"engagement":"e-1","date":"2026-06-11","hours":2}"#, "engagement.complete-once"),
        ("cancelling an open engagement", "engagement-e-3", "engagement.cancelled", #"{"engagement":"e-3","date":"2026-06-10"}"#, nil),
        ("cancelling a completed engagement", "engagement-e-1", "engagement.cancelled", #"{"engagement":"e-1","date":"2026-06-10"}"#, "engagement.not-completed"),
        ("a fee for a completed engagement", "engagement-e-1", "fee.paid", #"{"engagement":"e-1","date":"2026-06-30","amountCents":6000}"#, nil),
        ("a fee for an engagement not completed", "engagement-e-3", "fee.paid", #"{"engagement":"e-3","date":"2026-06-30","amountCents":6000}"#, "fee.needs-completed-engagement"),
        ("a second fee for one engagement", "engagement-e-5", "fee.paid", #"{"engagement":"e-5","date":"2026-07-01","amountCents":6000}"#, "fee.paid-once"),
        ("a fee other than agreed, with its reason", "engagement-e-1", "fee.paid", #"{"engagement":"e-1","date":"2026-06-30","amountCents":7500,"reason":"the session ran an hour over"}"#, nil),
        ("a fee other than agreed, unexplained", "engagement-e-1", "fee.paid", #"{"engagement":"e-1","date":"2026-06-30","amountCents":800000}"#, "fee.agreed-or-explained"),
        ("travel by km for an in-person engagement", "engagement-e-1", "travel.reimbursed", #"{"engagement":"e-1","date":"2026-06-30","kilometres":42.5,"centsPerKm":55,"amountCents":2338}"#, nil),
        ("travel on a half-cent tie, rounded up", "engagement-e-1", "travel.reimbursed", #"{"engagement":"e-1","date":"2026-06-30","kilometres":32.3,"centsPerKm":55,"amountCents":1777}"#, nil),
        ("travel on a half-cent tie, a cent short", "engagement-e-1", "travel.reimbursed", #"{"engagement":"e-1","date":"2026-06-30","kilometres":32.3,"centsPerKm":55,"amountCents":1776}"#, "travel.amount-is-km-times-rate"),
        ("a per diem for an in-person engagement", "engagement-e-1", "per-diem.paid", #"{"engagement":"e-1","date":"2026-06-30","kind":"full-day","days":2,"centsPerDay":5400,"amountCents":10800}"#, nil),
        ("a per diem for a remote engagement", "engagement-e-2", "per-diem.paid", #"{"engagement":"e-2","date":"2026-06-30","kind":"part-day","days":1,"centsPerDay":2500,"amountCents":2500}"#, "per-diem.in-person-only"),
        ("a per diem for an engagement not completed", "engagement-e-3", "per-diem.paid", #"{"engagement":"e-3","date":"2026-06-30","kind":"part-day","days":1,"centsPerDay":2500,"amountCents":2500}"#, "per-diem.needs-completed-engagement"),
        ("a second per diem for one engagement", "engagement-e-5", "per-diem.paid", #"{"engagement":"e-5","date":"2026-06-30","kind":"part-day","days":1,"centsPerDay":2500,"amountCents":2500}"#, "per-diem.paid-once"),
        ("a per diem that is not days × rate", "engagement-e-1", "per-diem.paid", #"{"engagement":"e-1","date":"2026-06-30","kind":"full-day","days":2,"centsPerDay":5400,"amountCents":5400}"#, "per-diem.amount-is-days-times-rate"),
        ("travel by ticket", "engagement-e-1", "travel.reimbursed", #"{"engagement":"e-1","date":"2026-06-30","ticketCents":1290,"amountCents":1290}"#, nil),
        ("travel for an engagement not completed", "engagement-e-3", "travel.reimbursed", #"{"engagement":"e-3","date":"2026-06-30","ticketCents":1290,"amountCents":1290}"#, "travel.needs-completed-engagement"),
        ("travel reimbursed twice", "engagement-e-5", "travel.reimbursed", #"{"engagement":"e-5","date":"2026-07-01","ticketCents":1290,"amountCents":1290}"#, "travel.reimbursed-once"),
        ("travel for a remote engagement", "engagement-e-2", "travel.reimbursed", #"{"engagement":"e-2","date":"2026-06-30","ticketCents":1290,"amountCents":1290}"#, "travel.in-person-only"),
        ("travel miscalculated", "engagement-e-1", "travel.reimbursed", #"{"engagement":"e-1","date":"2026-06-30","kilometres":42,"centsPerKm":55,"amountCents":2400}"#, "travel.amount-is-km-times-rate"),
        ("travel not the ticket cost", "engagement-e-1", "travel.reimbursed", #"{"engagement":"e-1","date":"2026-06-30","ticketCents":1290,"amountCents":1300}"#, "travel.amount-is-ticket-cost"),
        ("FIT scores with one decimal", "participant-p-adult", "feedback.fit-recorded", #"{"participant":"p-adult","instrument":"ORS","items":[6.5,7,5.2,8],"date":"2026-02-03"}"#, nil),
        ("FIT scores with two decimals", "participant-p-adult", "feedback.fit-recorded", #"{"participant":"p-adult","instrument":"SRS","items":[6.55,7,5.2,8],"date":"2026-02-03"}"#, "fit.one-decimal"),
        ("FIT in a group the participant is enrolled in", "participant-p-adult", "feedback.fit-recorded", #"{"participant":"p-adult","activity":"activity-tahka","session":"s1","instrument":"ORS","items":[6.5,7,5.2,8],"date":"2026-02-03"}"#, nil),
        ("FIT in a group the participant is not enrolled in", "participant-p-other", "feedback.fit-recorded", #"{"participant":"p-other","activity":"activity-tahka","session":"s1","instrument":"ORS","items":[6.5,7,5.2,8],"date":"2026-02-03"}"#, "fit.participant-enrolled"),
        ("FIT in a group before the participant signed up", "participant-p-adult", "feedback.fit-recorded", #"{"participant":"p-adult","activity":"activity-tahka","instrument":"ORS","items":[6.5,7,5.2,8],"date":"2026-01-24"}"#, "fit.participant-enrolled"),
        ("named feedback from someone not enrolled", "activity-tahka", "feedback.given", #"{"activity":"activity-tahka","participant":"p-other","date":"2026-02-03","rating":4}"#, "feedback.participant-enrolled"),
        ("FIT of an unknown participant", "participant-p-none", "feedback.fit-recorded", #"{"participant":"p-none","instrument":"ORS","items":[1,2,3,4],"date":"2026-02-03"}"#, "reference.participant-exists"),
        ("feedback on an unknown activity", "activity-none", "feedback.given", #"{"activity":"activity-none","date":"2026-02-03","rating":4}"#, "reference.activity-exists"),
        ("named feedback with its text sealed for the giver", "activity-tahka", "feedback.given", #"{"activity":"activity-tahka","participant":"p-adult","date":"2026-02-03","rating":4,"text":{"sealed":"v1","subject":"p-adult","nonce":"Cgad530jO7Iy3NMC","ciphertext":"J1GKnGd3J1GKnGd3J1GKnGd3"}}"#, nil),
        ("named feedback with its text sealed for someone else", "activity-tahka", "feedback.given", #"{"activity":"activity-tahka","participant":"p-adult","date":"2026-02-03","rating":4,"text":{"sealed":"v1","subject":"p-other","nonce":"Cgad530jO7Iy3NMC","ciphertext":"J1GKnGd3J1GKnGd3J1GKnGd3"}}"#, "feedback.text-sealed-for-its-giver"),
        ("anonymous feedback with text under a subject of its own", "activity-tahka", "feedback.given", #"{"activity":"activity-tahka","date":"2026-02-03","rating":4,"text":{"sealed":"v1","subject":"fb-k3m9qa","nonce":"Cgad530jO7Iy3NMC","ciphertext":"J1GKnGd3J1GKnGd3J1GKnGd3"}}"#, nil),
        ("anonymous feedback with text sealed for a participant", "activity-tahka", "feedback.given", #"{"activity":"activity-tahka","date":"2026-02-03","rating":4,"text":{"sealed":"v1","subject":"p-other","nonce":"Cgad530jO7Iy3NMC","ciphertext":"J1GKnGd3J1GKnGd3J1GKnGd3"}}"#, "feedback.text-sealed-for-its-giver"),
        ("a BIKVA stage outside the period", "bikva-k", "bikva.stage-recorded", #"{"evaluation":"k","project":"project-kokooma","stage":1,"date":"2027-01-10","groupSize":5,"themes":[{"theme":"t"}]}"#, "date.inside-project-period"),
        ("the next BIKVA stage", "bikva-k", "bikva.stage-recorded", #"{"evaluation":"k","project":"project-kokooma","stage":3,"date":"2026-04-10","groupSize":4,"themes":[{"theme":"waiting"}]}"#, nil),
        ("a BIKVA stage recorded twice", "bikva-k", "bikva.stage-recorded", #"{"evaluation":"k","project":"project-kokooma","stage":2,"date":"2026-04-10","groupSize":4,"themes":[{"theme":"t"}]}"#, "bikva.stage-once"),
        ("a BIKVA stage skipping one", "bikva-k", "bikva.stage-recorded", #"{"evaluation":"k","project":"project-kokooma","stage":4,"date":"2026-04-10","groupSize":4,"themes":[{"theme":"t"}]}"#, "bikva.stages-in-order"),
        ("a BIKVA stage before the one it follows", "bikva-k", "bikva.stage-recorded", #"{"evaluation":"k","project":"project-kokooma","stage":3,"date":"2026-03-19","groupSize":4,"themes":[{"theme":"t"}]}"#, "bikva.stages-in-order"),
        ("approving a recorded stage", "bikva-k", "bikva.wording-approved", #"{"evaluation":"k","stage":2,"date":"2026-03-27"}"#, nil),
        ("approving a stage not recorded", "bikva-k", "bikva.wording-approved", #"{"evaluation":"k","stage":3,"date":"2026-03-27"}"#, "bikva.approves-a-recorded-stage"),
        ("approving a stage before its day", "bikva-k", "bikva.wording-approved", #"{"evaluation":"k","stage":2,"date":"2026-03-19"}"#, "bikva.approves-a-recorded-stage"),
        ("following up an agreed change, in other case and spacing", "bikva-k", "bikva.change-followed-up", #"{"evaluation":"k","stage":2,"theme":" waiting ","status":"partly","date":"2026-06-01"}"#, nil),
        ("following up a theme with no agreed change", "bikva-k", "bikva.change-followed-up", #"{"evaluation":"k","stage":2,"theme":"Rooms","status":"done","date":"2026-06-01"}"#, "bikva.follows-up-an-agreed-change"),
        ("following up at a stage that agreed nothing on it", "bikva-k", "bikva.change-followed-up", #"{"evaluation":"k","stage":1,"theme":"Waiting","status":"done","date":"2026-06-01"}"#, "bikva.follows-up-an-agreed-change"),
        ("following up before the change was agreed", "bikva-k", "bikva.change-followed-up", #"{"evaluation":"k","stage":2,"theme":"Waiting","status":"done","date":"2026-03-19"}"#, "bikva.follows-up-an-agreed-change"),
        ("a survey answer on its scale", "survey-s", "survey.answered", #"{"survey":"s","project":"project-kokooma","wave":"final","respondentGroup":"management","date":"2026-10-01","scale":{"min":1,"max":5},"answers":[{"item":"q1","score":5},{"item":"q2","score":1}]}"#, nil),
        ("a survey score off the scale", "survey-t", "survey.answered", #"{"survey":"t","project":"project-kokooma","wave":"final","respondentGroup":"staff","date":"2026-10-01","scale":{"min":1,"max":5},"answers":[{"item":"q1","score":6}]}"#, "survey.score-on-scale"),
        ("a survey item scored twice", "survey-t", "survey.answered", #"{"survey":"t","project":"project-kokooma","wave":"final","respondentGroup":"staff","date":"2026-10-01","scale":{"min":1,"max":5},"answers":[{"item":"q1","score":2},{"item":"q1","score":3}]}"#, "survey.item-once"),
        ("a facilitator of a created activity", "user-uusi", "user.role-granted", #"{"user":"uusi","role":"facilitator","activities":["activity-tahka"]}"#, nil),
        ("a coordinator", "user-koordinaattori", "user.role-granted", #"{"user":"koordinaattori","role":"coordinator"}"#, nil),
        ("a facilitator of nothing", "user-uusi", "user.role-granted", #"{"user":"uusi","role":"facilitator"}"#, "user.facilitator-has-activities"),
        ("an auditor with activities", "user-uusi", "user.role-granted", #"{"user":"uusi","role":"auditor","activities":["activity-tahka"]}"#, "user.facilitator-has-activities"),
        ("a facilitator of an activity never created", "user-uusi", "user.role-granted", #"{"user":"uusi","role":"facilitator","activities":["activity-none"]}"#, "reference.activity-exists"),
        ("revoking a role held", "user-ohjaaja", "user.role-revoked", #"{"user":"ohjaaja","role":"facilitator"}"#, nil),
        ("revoking a role never granted", "user-ohjaaja", "user.role-revoked", #"{"user":"ohjaaja","role":"coordinator"}"#, "user.revokes-a-granted-role"),
        ("a survey answer on another scale", "survey-s", "survey.answered", #"{"survey":"s","project":"project-kokooma","wave":"final","respondentGroup":"staff","date":"2026-10-01","scale":{"min":0,"max":10},"answers":[{"item":"q1","score":7}]}"#, "survey.one-scale"),
        ("a survey answer of an unknown project", "survey-t", "survey.answered", #"{"survey":"t","project":"project-none","wave":"final","respondentGroup":"staff","date":"2026-10-01","scale":{"min":1,"max":5},"answers":[{"item":"q1","score":2}]}"#, "reference.project-exists"),
        ("staff time in the period", "project-kokooma", "staff.time-logged", #"{"staffMember":"staff-a","project":"project-kokooma","date":"2026-02-03","hours":7.5,"hourlyCostCents":3250}"#, nil),
        ("staff time of an unknown project", "project-none", "staff.time-logged", #"{"staffMember":"staff-a","project":"project-none","date":"2026-02-03","hours":7.5,"hourlyCostCents":3250}"#, "reference.project-exists"),
        ("a cost before the project began", "project-kokooma", "cost.incurred", #"{"project":"project-kokooma","date":"2024-08-31","category":"catering","amountCents":100}"#, "date.inside-project-period"),
        ("a cost for an unknown activity", "project-kokooma", "cost.incurred", #"{"project":"project-kokooma","activity":"activity-none","date":"2025-08-31","category":"catering","amountCents":100}"#, "reference.activity-exists"),
        ("voiding a recorded event on its stream", "activity-tahka", "entry.voided", #"{"eventId":"\#(session)","reason":"typo"}"#, nil),
        ("voiding a void", "project-kokooma", "entry.voided", #"{"eventId":"\#(void)","reason":"undo"}"#, "void.not-a-void"),
        ("voiding an event twice", "project-kokooma", "entry.voided", #"{"eventId":"\#(voidedCost)","reason":"again"}"#, "void.once"),
        ("voiding an event from another stream", "project-kokooma", "entry.voided", #"{"eventId":"\#(session)","reason":"typo"}"#, "void.on-the-voided-stream"),
        ("voiding a reading of personal data", "project-kokooma", "entry.voided", #"{"eventId":"\#(reading)","reason":"hide it"}"#, "void.not-a-system-record"),
        ("a reading written by hand", "project-kokooma", "access.logged", #"{"subject":"p-adult","actor":"mallory","purpose":"x","valuesOpened":1}"#, "type.written-by-the-system"),
        ("an erasure written by hand", "project-kokooma", "subject.erased", #"{"subject":"p-adult","reason":"x"}"#, "type.written-by-the-system"),
        ("a cost on a subject's access log", "subject-p-adult", "cost.incurred", #"{"project":"project-kokooma","date":"2025-08-31","category":"catering","amountCents":100}"#, "stream.written-by-the-system"),
        ("voiding an unknown event", "activity-tahka", "entry.voided", #"{"eventId":"0b6f6c1e-5d2a-4f3b-9a1c-2e4d6f8a0b1c","reason":"typo"}"#, "void.event-exists"),
        ("a project that ends before it starts", "project-x", "project.registered", #"{"projectCode":"X","name":"X","funder":"STEA","startDate":"2026-01-01","endDate":"2025-12-31","costModel":"real-costs","selfFinancingPercent":0}"#, "project.period"),
    ]

    @Test(arguments: cases.indices)
    func eachRuleAcceptsAndRefusesAsDocumented(_ index: Int) throws {
        let c = Self.cases[index]
        let state = try baseState()
        let fact = try fact(c.stream, c.type, c.data)
        do {
            try Rules.check(fact, against: state, today: Self.today, loggedEvent: Self.loggedEvent)
            #expect(c.refusedBy == nil, "\(c.label) was accepted")
        } catch {
            #expect(error.rule == c.refusedBy, "\(c.label): refused by \(error.rule)")
        }
    }

    @Test func everyRuleHasAnAcceptedAndARefusedCase() {
        let refusing = Set(Self.cases.compactMap(\.refusedBy))
        #expect(refusing == Set(Rules.names))
        let acceptedTypes = Set(Self.cases.filter { $0.refusedBy == nil }.map(\.type))
        for type in Set(Self.cases.filter { $0.refusedBy != nil }.map(\.type)) where !["feedback.given", "bikva.stage-recorded", "project.registered", "cost.incurred", "access.logged", "subject.erased"].contains(type) {
            #expect(acceptedTypes.contains(type), "\(type) has no accepted case")
        }
    }

    @Test func attendanceCountsOnlyWhileEnrolled() throws {
        var state = try baseState()
        state.evolve(try fact("participant-p-adult", "enrolment.ended", #"{"participant":"p-adult","activity":"activity-tahka","date":"2026-02-01","outcome":"dropped-out"}"#))
        let attendance = try fact("activity-tahka", "attendance.recorded", #"{"session":"s1","participant":"p-adult","status":"present"}"#)
        #expect(throws: RuleViolation.self) { try Rules.check(attendance, against: state, today: Self.today, loggedEvent: { _ in nil }) }
        // A new enrolment after the first ended is allowed.
        try Rules.check(
            try fact("participant-p-adult", "enrolment.signed-up", #"{"participant":"p-adult","activity":"activity-tahka","date":"2026-03-01"}"#),
            against: state, today: Self.today, loggedEvent: { _ in nil })
    }
}
