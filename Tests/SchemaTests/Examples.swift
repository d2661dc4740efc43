import EventStore

/// One valid example of every event type's data, at its latest schema version: the fixtures of the
/// catalogue tests, of the schema-agreement test, and of docs/events.md.
enum Examples {
    static let sealed = #"{"ciphertext":"J1GKnGd36+WD50g0vBSQppn3X1l5aKkg6YZQRqk5caLAEzoa","nonce":"Cgad530jO7Iy3NMC","sealed":"v1","subject":"p-7k2m"}"#

    static let data: [String: String] = [
        "project.registered": #"{"projectCode":"S30999","name":"KokoOma-demo","funder":"ESR+","fundingProgramme":"Uudistuva ja osaava Suomi 2021–2027","region":"Kanta-Häme","startDate":"2024-09-01","endDate":"2026-10-31","costModel":"flat-rate-40","selfFinancingPercent":20}"#,
        "activity.created": #"{"project":"project-kokooma","name":"Tähkä Forssa","kind":"closed-peer-group","targetGroup":"parents-of-placed-children","municipality":"Forssa","plannedSessions":8,"workPackage":"TP2","facilitators":{"worker":"staff-anna","coFacilitator":"p-5n1c"}}"#,
        "session.scheduled": #"{"session":"s1","date":"2026-02-03","startTime":"17:00","durationMinutes":120,"location":"Forssa family centre"}"#,
        "session.held": #"{"session":"s1","date":"2026-02-03","durationMinutes":120,"location":"Forssa family centre","format":"in-person","headcount":14}"#,
        "session.cancelled": #"{"session":"s2","date":"2026-02-10","reason":"facilitator ill"}"#,
        "participant.registered": #"{"participant":"p-7k2m","roles":["parent"],"gender":"woman","birthYear":1986,"municipality":"Forssa","registeredOn":"2026-01-20","personal":\#(sealed)}"#,
        "participant.details-corrected": #"{"participant":"p-7k2m","date":"2026-03-02","gender":"woman","birthYear":1986,"municipality":"Tammela","personal":\#(sealed)}"#,
        "participant.consent-recorded": #"{"participant":"p-7k2m","scope":"esr-reporting","givenBy":"self","date":"2026-01-20"}"#,
        "enrolment.signed-up": #"{"participant":"p-7k2m","activity":"activity-tahka","date":"2026-01-25"}"#,
        "enrolment.started": #"{"participant":"p-7k2m","activity":"activity-tahka","date":"2026-02-03","entry":{"ageAtEntry":39,"labourMarketStatus":"employed","educationLevel":"isced-3-4","disability":"not-collected","thirdCountNational":"no","foreignBackground":"no","minority":"refused","homelessOrHousingExclusion":"no","ruralArea":"yes"}}"#,
        "enrolment.ended": #"{"participant":"p-7k2m","activity":"activity-tahka","date":"2026-04-28","outcome":"completed","exit":{"jobSearching":"no","inEducationOrTraining":"no","gainedQualification":"no","employed":"yes"}}"#,
        "attendance.recorded": #"{"session":"s1","participant":"p-7k2m","status":"present"}"#,
        "expert.registered": #"{"participant":"p-5n1c","alias":"Kokemuskumppani K","anonymous":true,"training":"trained","date":"2026-01-15"}"#,
        "engagement.agreed": #"{"engagement":"e-2026-001","expert":"p-5n1c","project":"project-kokooma","activity":"activity-tahka","kind":"co-facilitating-peer-group","date":"2026-02-03","plannedHours":3,"agreedFeeCents":9000,"mode":"in-person"}"#,
        "engagement.completed": #"{"engagement":"e-2026-001","date":"2026-02-03","hours":3.5}"#,
        "engagement.cancelled": #"{"engagement":"e-2026-002","date":"2026-02-09","reason":"the group moved online"}"#,
        "fee.paid": #"{"engagement":"e-2026-001","date":"2026-02-28","amountCents":12000,"reason":"the session ran an hour over"}"#,
        "travel.reimbursed": #"{"engagement":"e-2026-001","date":"2026-02-28","kilometres":42,"centsPerKm":45,"amountCents":1890,"rateReason":"the association's own lower rate"}"#,
        "per-diem.paid": #"{"engagement":"e-2026-001","date":"2026-02-28","kind":"part-day","days":1,"centsPerDay":2500,"amountCents":2500}"#,
        "expert.status-changed": #"{"participant":"p-5n1c","status":"paused","date":"2026-09-01","reason":"studies this autumn"}"#,
        "feedback.fit-recorded": #"{"participant":"p-7k2m","activity":"activity-tahka","session":"s1","instrument":"ORS","items":[6.5,7,5.2,8],"date":"2026-02-03"}"#,
        "feedback.given": #"{"activity":"activity-tahka","date":"2026-02-03","rating":5,"themes":["food","being heard"],"text":\#(sealed)}"#,
        "bikva.stage-recorded": #"{"evaluation":"kokooma-2026","project":"project-kokooma","stage":2,"date":"2026-03-10","groupSize":6,"themes":[{"theme":"Meetings start late","said":"We wait and worry","response":"Start on time; text if late","agreedChange":"Reminder message the day before"}]}"#,
        "bikva.wording-approved": #"{"evaluation":"kokooma-2026","stage":2,"date":"2026-03-17"}"#,
        "bikva.change-followed-up": #"{"evaluation":"kokooma-2026","stage":2,"theme":"Meetings start late","status":"partly","date":"2026-06-01","note":"Reminders sent in Forssa"}"#,
        "survey.answered": #"{"survey":"staff-2026","project":"project-kokooma","wave":"baseline","respondentGroup":"staff","date":"2026-02-16","scale":{"min":1,"max":5},"answers":[{"item":"I can refer a family to a peer group","score":4},{"item":"Clients' views shape our work","score":3}]}"#,
        "staff.time-logged": #"{"staffMember":"staff-anna","project":"project-kokooma","activity":"activity-tahka","date":"2026-02-03","hours":7.5,"hourlyCostCents":3250}"#,
        "user.role-granted": #"{"user":"ohjaaja-tre-1","role":"facilitator","activities":["activity-tahka"]}"#,
        "user.role-revoked": #"{"user":"ohjaaja-tre-1","role":"facilitator","reason":"moved to another project"}"#,
        "cost.incurred": #"{"project":"project-kokooma","activity":"activity-tahka","date":"2026-02-03","category":"catering","amountCents":8450,"description":"Evening snack"}"#,
        "entry.voided": #"{"eventId":"0b6f6c1e-5d2a-4f3b-9a1c-2e4d6f8a0b1c","reason":"recorded twice"}"#,
        "access.logged": #"{"subject":"p-7k2m","actor":"coordinator","purpose":"camp contact list","valuesOpened":1}"#,
        "subject.erased": #"{"subject":"p-7k2m","reason":"the participant asked"}"#,
    ]

    static func value(_ type: String) throws -> JSONValue {
        try JSONParser.parse(data[type] ?? "{}")
    }
}
