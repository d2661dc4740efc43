import EventStore

/// The fictional programme of `tuki demo`, modelled on a real kind of programme: an ESR+ project in
/// Kanta-Häme with a closed Tähkä group for parents of placed children in Forssa, open Juttutupa
/// evenings, a Kesäcamp for young people leaving care, and a Kokemuskumppani training cohort
/// (21 signed up, 18 started, 14 graduated, commitment 503 / (18 × 33) = 84.68 %); experience
/// experts with engagements, fees and travel; FIT ratings, client feedback and a BIKVA evaluation;
/// staff time and costs; one voided entry.
///
/// Sessions go through their whole life: the Tähkä group's eight are scheduled before it starts
/// and held one by one, its reunion is scheduled for the end of 2027 and still ahead, and one
/// Juttutupa evening is scheduled and then cancelled. Consent is given, and one is withdrawn.
/// Every event type a programme records appears at least once; `tuki demo` adds the two the
/// system records itself (a reading of personal data and an erasure).
///
/// Nothing done is dated after 2 December 2026 (rule `date.not-in-the-future`): the history is
/// the same on any day the demo runs. Only plans (the reunion) lie ahead.
///
/// Pure and reproducible: the same history every time but for the sealed values, whose nonces
/// are random. People appear under pseudonymous ids; their made-up names only inside sealed values.
public enum SampleProgramme {
    public static let projectStream = "project-tukidemo-2026"
    public static let activityStream = "activity-tahka-forssa-2026"
    public static let juttutupaStream = "activity-juttutupa-hameenlinna-2026"
    public static let campStream = "activity-kesacamp-2026"
    public static let cohortStream = "activity-kokemuskumppani-team-1"

    /// The Tähkä group's parents; the first is the one `tuki demo` reveals.
    public static let participants = ["p-7k2m", "p-9x4d", "p-3q8w", "p-5n1c", "p-2h6t", "p-8r4v"]
    static let campers = (1...9).map { "p-c\($0)" }
    /// The camper who asks, after the camp, for their personal data to be erased (`tuki demo` erases it).
    public static let erasedOnRequest = "p-c9"
    /// The users of `tuki serve` the demo gives roles: coordinator, the Tähkä group's facilitator,
    /// auditor and analyst. (A substitute facilitator's role is given and taken back.)
    public static let users = [("koordinaattori", "coordinator"), ("ohjaaja-forssa", "facilitator"),
                               ("tarkastaja", "auditor"), ("analyytikko", "analyst")]
    static let trainees = (1...21).map { "p-t\($0 < 10 ? "0" : "")\($0)" }
    /// Trainees who went on to work as experience experts: graduates, so over 12 and trained.
    static let experts = ["p-t01", "p-t02", "p-t03"]

    /// Seals a subject's personal fields; the caller owns the keys (see `PersonalData`).
    public typealias Sealer = (_ fields: JSONValue, _ subject: SubjectID) throws -> JSONValue

    public static func events(actor: String, seal: Sealer) throws -> [ProposedEvent] {
        try withoutActuallyEscaping(seal) { seal in
            var b = Builder(actor: actor, seal: seal)
            try b.project()
            try b.tahkaGroup()
            try b.juttutupa()
            try b.kesacamp()
            try b.trainingCohort()
            try b.expertWork()
            try b.evaluation()
            try b.staffAndCosts()
            try b.staffSurvey()
            try b.serverUsers()
            return b.events
        }
    }
}

private struct Builder {
    let actor: String
    let seal: SampleProgramme.Sealer
    var events: [ProposedEvent] = []
    var versions: [String: Int64] = [:]
    /// A small linear congruential generator: the demo must be the same on every machine.
    var random: UInt64 = 20_260_105

    typealias Fields = KeyValuePairs<String, JSONValue>

    // MARK: - The programme

    mutating func project() throws {
        try add(SampleProgramme.projectStream, "project.registered", "2026-01-05", [
            "projectCode": "S30999", "name": "Tuki demo project", "funder": "ESR+",
            "fundingProgramme": "Uudistuva ja osaava Suomi 2021–2027", "startDate": "2026-01-01", "endDate": "2027-12-31",
            "costModel": "flat-rate-40", "selfFinancingPercent": 20,
        ])
    }

    mutating func tahkaGroup() throws {
        let stream = SampleProgramme.activityStream
        try add(stream, "activity.created", "2026-01-12", schemaVersion: 2, [
            "project": .string(SampleProgramme.projectStream), "name": "Tähkä-ryhmä Forssa", "kind": "closed-peer-group",
            "targetGroup": "parents-of-placed-children", "workPackage": "TP2", "municipality": "Forssa", "plannedSessions": 8,
        ])
        let names = ["Aino", "Eero", "Helmi", "Onni", "Kerttu", "Väinö"]
        for (index, id) in SampleProgramme.participants.enumerated() {
            try participant(id, name: "\(names[index]) Esimerkki", gender: index % 2 == 0 ? "woman" : "man",
                            birthYear: 1980 + index * 2, municipality: index == 3 ? "Jokioinen" : "Forssa", on: "2026-01-20")
            try enrol(id, in: stream, signUp: "2026-01-25", start: "2026-02-03", age: 45 - index * 2)
        }
        // The whole plan is made before the group starts; each session is then held as planned.
        for number in 1...8 {
            try schedule(stream, "s\(number)", on: day(from: "2026-02-03", plus: (number - 1) * 7), minutes: 120,
                         at: "Forssa family centre", plannedOn: "2026-01-28")
        }
        for number in 1...8 {
            let date = day(from: "2026-02-03", plus: (number - 1) * 7)
            try session(stream, "s\(number)", on: date, minutes: 120, at: "Forssa family centre")
            for (index, id) in SampleProgramme.participants.enumerated() {
                let status = (number + index) % 9 == 0 ? "excused" : (number * index) % 11 == 7 ? "absent" : "present"
                try add(stream, "attendance.recorded", date, ["session": .string("s\(number)"), "participant": .string(id), "status": .string(status)])
            }
            // FIT: outcome at the start, alliance at the end, for three parents. The first two
            // improve; the third stays level; one alliance rating dips low enough to follow up.
            for (index, id) in SampleProgramme.participants.prefix(3).enumerated() {
                let base = index < 2 ? 4.0 + Double(number) * 0.4 : 6.6 + Double(number % 2) * 0.1
                try add("participant-\(id)", "feedback.fit-recorded", date, [
                    "participant": .string(id), "activity": .string(stream), "session": .string("s\(number)"), "instrument": "ORS",
                    "items": .array((0..<4).map { .number(decimalText(min(10, base + Double($0) * 0.3))) }), "date": .string(date),
                ])
                let alliance = index == 1 && number == 3 ? 8.0 : 9.0
                try add("participant-\(id)", "feedback.fit-recorded", date, [
                    "participant": .string(id), "activity": .string(stream), "session": .string("s\(number)"), "instrument": "SRS",
                    "items": .array((0..<4).map { .number(decimalText(min(10, alliance + Double($0) * (alliance < 9 ? 0.5 : 0.2)))) }),
                    "date": .string(date),
                ])
            }
        }
        for id in SampleProgramme.participants {
            try add("participant-\(id)", "enrolment.ended", "2026-03-24", [
                "participant": .string(id), "activity": .string(stream), "date": "2026-03-24", "outcome": "completed",
                "exit": .object([(key: "jobSearching", value: "no"), (key: "inEducationOrTraining", value: "no"),
                                 (key: "gainedQualification", value: "no"), (key: "employed", value: "yes")]),
            ])
        }
        // The parents asked to meet once more: a reunion near the project's end, still ahead.
        try schedule(stream, "s9", on: "2027-12-07", minutes: 120, at: "Forssa family centre", plannedOn: "2026-03-24")
        try add(stream, "feedback.given", "2026-03-24", [
            "activity": .string(stream), "date": "2026-03-24", "rating": 5, "themes": .array(["being heard", "food"]),
            "text": try seal(.object([(key: "text", value: "Vihdoin joku kuunteli.")]), SubjectID(SampleProgramme.participants[2])),
            "participant": .string(SampleProgramme.participants[2]),
        ])
    }

    mutating func juttutupa() throws {
        let stream = SampleProgramme.juttutupaStream
        try add(stream, "activity.created", "2026-01-15", schemaVersion: 2, [
            "project": .string(SampleProgramme.projectStream), "name": "Juttutupa Hämeenlinna", "kind": "open-event",
            "targetGroup": "parents", "workPackage": "TP3", "municipality": "Hämeenlinna", "plannedSessions": 10,
        ])
        for number in 1...10 {
            let date = day(from: "2026-02-05", plus: (number - 1) * 14)
            try add(stream, "session.held", date, schemaVersion: 2, [
                "session": .string("s\(number)"), "date": .string(date), "durationMinutes": 90, "location": "Perhekeskus Hämeenlinna",
                "format": "in-person", "headcount": .number(String(3 + next(9))),
            ])
        }
        try schedule(stream, "s11", on: "2026-07-02", minutes: 90, at: "Perhekeskus Hämeenlinna", plannedOn: "2026-06-01")
        try add(stream, "session.cancelled", "2026-06-20", ["session": "s11", "date": "2026-07-02", "reason": "summer break"])
    }

    mutating func kesacamp() throws {
        let stream = SampleProgramme.campStream
        try add(stream, "activity.created", "2026-04-01", schemaVersion: 2, [
            "project": .string(SampleProgramme.projectStream), "name": "Kesäcamp", "kind": "camp",
            "targetGroup": "young-adults-aftercare", "workPackage": "TP4", "municipality": "Hattula", "plannedSessions": 1,
        ])
        for (index, id) in SampleProgramme.campers.enumerated() {
            try participant(id, name: "Nuori \(index + 1) Malli", gender: ["woman", "man", "non-binary", "not-told"][index % 4],
                            birthYear: 2005 + index % 4, municipality: ["Hämeenlinna", "Riihimäki", "Forssa"][index % 3], on: "2026-05-10")
            try add("participant-\(id)", "participant.consent-recorded", "2026-05-10", [
                "participant": .string(id), "scope": "esr-reporting", "givenBy": "self", "date": "2026-05-10",
            ])
            if index == 0 {
                // Photographs at the camp: given at sign-up, withdrawn before the camp.
                try add("participant-\(id)", "participant.consent-recorded", "2026-05-10", [
                    "participant": .string(id), "scope": "photography", "givenBy": "self", "date": "2026-05-10",
                ])
                try add("participant-\(id)", "participant.consent-recorded", "2026-06-01", [
                    "participant": .string(id), "scope": "photography", "givenBy": "self", "date": "2026-06-01", "withdrawn": .bool(true),
                ])
            }
            try enrol(id, in: stream, signUp: "2026-05-15", start: "2026-06-15", age: 20 - index % 4, status: "inactive", education: "isced-0-2")
        }
        try session(stream, "s1", on: "2026-06-15", minutes: 3 * 24 * 60, at: "Leirikeskus, Hattula")
        for id in SampleProgramme.campers {
            try add(stream, "attendance.recorded", "2026-06-15", ["session": "s1", "participant": .string(id), "status": "present"])
            try add("participant-\(id)", "enrolment.ended", "2026-06-17", [
                "participant": .string(id), "activity": .string(stream), "date": "2026-06-17", "outcome": "completed",
            ])
        }
    }

    /// 21 sign up, 18 start, 33 sessions; 4 drop out after sessions 7, 11, 15 and 19 having come to
    /// every session till then (52 attendances); the 14 graduates miss 11 sessions between them
    /// (451 of 462): 503 attendances of 18 × 33 = 594, a commitment rate of 84.68 %.
    mutating func trainingCohort() throws {
        let stream = SampleProgramme.cohortStream
        try add(stream, "activity.created", "2026-08-01", schemaVersion: 2, [
            "project": .string(SampleProgramme.projectStream), "name": "Kokemuskumppani-koulutus, team 1", "kind": "training-cohort",
            "targetGroup": "experience-experts", "workPackage": "TP5", "municipality": "Hämeenlinna", "plannedSessions": 33,
        ])
        let trainees = SampleProgramme.trainees
        for (index, id) in trainees.enumerated() {
            try participant(id, name: "Kumppani \(index + 1) Esimerkki", gender: index % 3 == 0 ? "man" : "woman",
                            birthYear: 1970 + index, municipality: "Hämeenlinna", on: "2026-08-05")
            try add("participant-\(id)", "enrolment.signed-up", "2026-08-10", [
                "participant": .string(id), "activity": .string(stream), "date": "2026-08-10",
            ])
        }
        let started = Array(trainees.prefix(18))
        for (index, id) in started.enumerated() {
            try add("participant-\(id)", "enrolment.started", "2026-08-12", [
                "participant": .string(id), "activity": .string(stream), "date": "2026-08-12",
                "entry": entry(age: 56 - index, status: index % 4 == 0 ? "unemployed" : "employed", education: "isced-3-4"),
            ])
        }
        let dropouts = [(started[14], 7), (started[15], 11), (started[16], 15), (started[17], 19)]
        let graduates = Array(started.prefix(14))
        // Which graduate misses which session: 11 absences in all.
        let missed: Set<String> = ["p-t01 s5", "p-t02 s9", "p-t04 s12", "p-t04 s13", "p-t06 s20", "p-t07 s3",
                                   "p-t09 s25", "p-t10 s30", "p-t11 s17", "p-t13 s28", "p-t14 s2"]
        for number in 1...33 {
            let date = day(from: "2026-08-12", plus: (number - 1) * 7 / 2)
            try session(stream, "s\(number)", on: date, minutes: 180, at: "Hämeenlinna, koulutustila")
            for id in graduates {
                let status = missed.contains("\(id) s\(number)") ? (number % 2 == 0 ? "excused" : "absent") : "present"
                try add(stream, "attendance.recorded", date, ["session": .string("s\(number)"), "participant": .string(id), "status": .string(status)])
            }
            for (id, last) in dropouts where number <= last {
                try add(stream, "attendance.recorded", date, ["session": .string("s\(number)"), "participant": .string(id), "status": "present"])
            }
            if let (id, _) = dropouts.first(where: { $0.1 == number }) {
                try add("participant-\(id)", "enrolment.ended", date, [
                    "participant": .string(id), "activity": .string(stream), "date": .string(date), "outcome": "dropped-out",
                ])
            }
        }
        let graduation = day(from: "2026-08-12", plus: 32 * 7 / 2)
        for id in graduates {
            try add("participant-\(id)", "enrolment.ended", graduation, [
                "participant": .string(id), "activity": .string(stream), "date": .string(graduation), "outcome": "graduated",
                "exit": .object([(key: "jobSearching", value: "no"), (key: "inEducationOrTraining", value: "no"),
                                 (key: "gainedQualification", value: "yes"), (key: "employed", value: "not-collected")]),
            ])
        }
    }

    mutating func expertWork() throws {
        let aliases = ["Kokemuskumppani K", "Kokemuskumppani L", "Mikko (kokemusasiantuntija)"]
        for (index, id) in SampleProgramme.experts.enumerated() {
            try add("participant-\(id)", "expert.registered", "2026-10-01", [
                "participant": .string(id), "alias": .string(aliases[index]), "anonymous": .bool(index < 2),
                "training": "trained", "date": "2026-10-01",
            ])
        }
        // (engagement, expert, kind, date, hours, fee in cents, in person, outcome)
        let work: [(String, String, String, String, Int, Int, Bool, String)] = [
            ("e-demo-1", "p-t01", "co-facilitating-peer-group", "2026-10-06", 3, 9000, true, "paid"),
            ("e-demo-2", "p-t01", "developer-group-meeting", "2026-10-20", 2, 6000, false, "paid"),
            ("e-demo-3", "p-t02", "speaking-or-panel", "2026-10-29", 2, 15000, true, "paid"),
            ("e-demo-4", "p-t03", "pop-up-consultation", "2026-11-05", 4, 12000, true, "paid"),
            ("e-demo-5", "p-t02", "writing", "2026-11-12", 5, 15000, false, "completed"),
            ("e-demo-6", "p-t03", "co-design", "2026-11-26", 3, 9000, true, "cancelled"),
        ]
        for (id, expert, kind, date, hours, fee, inPerson, outcome) in work {
            let stream = "engagement-\(id)"
            try add(stream, "engagement.agreed", date, [
                "engagement": .string(id), "expert": .string(expert), "project": .string(SampleProgramme.projectStream),
                "kind": .string(kind), "date": .string(date), "plannedHours": .number(String(hours)), "agreedFeeCents": .number(String(fee)),
                "mode": .string(inPerson ? "in-person" : "remote"),
            ])
            if outcome == "cancelled" {
                try add(stream, "engagement.cancelled", date, ["engagement": .string(id), "date": .string(date), "reason": "the event was postponed"])
                continue
            }
            try add(stream, "engagement.completed", date, ["engagement": .string(id), "date": .string(date), "hours": .number(String(hours))])
            guard outcome == "paid" else { continue }  // e-demo-5: completed, fee still owed
            let paid = day(from: date, plus: 14)
            try add(stream, "fee.paid", paid, ["engagement": .string(id), "date": .string(paid), "amountCents": .number(String(fee))])
            if inPerson {
                try add(stream, "travel.reimbursed", paid, [
                    "engagement": .string(id), "date": .string(paid), "kilometres": 38, "centsPerKm": 55, "amountCents": 2090,
                ])
            }
            // The pop-up consultation kept Mikko away from home for over six hours: a part-day per diem.
            if kind == "pop-up-consultation" {
                try add(stream, "per-diem.paid", paid, [
                    "engagement": .string(id), "date": .string(paid), "kind": "part-day", "days": 1, "centsPerDay": 2500, "amountCents": 2500,
                ])
            }
        }
        // Mikko takes a break over the winter; the expert bank shows him paused.
        try add("participant-p-t03", "expert.status-changed", "2026-12-01", [
            "participant": "p-t03", "status": "paused", "date": "2026-12-01", "reason": "a break over the winter",
        ])
    }

    /// A BIKVA evaluation through all four stages: three themes the parents raised, answered by
    /// the workers, management and the county's decision makers; each group approved the wording
    /// passed on; the changes agreed were followed up. Then client feedback from the open evenings.
    mutating func evaluation() throws {
        let stream = "bikva-tukidemo-2026"
        typealias Theme = (theme: String, said: String?, response: String?, change: String?)
        let stages: [(stage: Int, date: String, size: Int, themes: [Theme])] = [
            (1, "2026-09-01", 7, [
                ("Meetings start late", "We wait and worry when meetings start late", nil, nil),
                ("Hard to reach the worker", "Calls go unanswered for days", nil, nil),
                ("Peer group helped", "Meeting other parents made us feel less alone", nil, nil),
            ]),
            (2, "2026-09-22", 9, [
                ("Meetings start late", nil, "Start on time; send a message if late", nil),
                ("Hard to reach the worker", nil, "Workloads are high; a shared phone hour could help", "A weekly phone hour"),
                ("Peer group helped", nil, "We see the same; more groups are needed", nil),
            ]),
            (3, "2026-10-13", 4, [
                ("Meetings start late", nil, "Meetings are booked with 15 minutes to spare", "Reminder messages the day before, from December"),
                ("Hard to reach the worker", nil, "Agreed", nil),
            ]),
            (4, "2026-11-10", 5, [
                ("Peer group helped", nil, "Peer groups go into next year's service plan", "Two new peer groups in the 2028 budget"),
            ]),
        ]
        for stage in stages {
            try add(stream, "bikva.stage-recorded", stage.date, [
                "evaluation": "tukidemo-2026", "project": .string(SampleProgramme.projectStream), "stage": .number(String(stage.stage)),
                "date": .string(stage.date), "groupSize": .number(String(stage.size)),
                "themes": .array(stage.themes.map { theme in
                    .object([(key: "theme", value: .string(theme.theme))]
                        + (theme.said.map { [(key: "said", value: JSONValue.string($0))] } ?? [])
                        + (theme.response.map { [(key: "response", value: JSONValue.string($0))] } ?? [])
                        + (theme.change.map { [(key: "agreedChange", value: JSONValue.string($0))] } ?? []))
                }),
            ])
            guard stage.stage < 4 else { continue }
            let approved = day(from: stage.date, plus: 7)
            try add(stream, "bikva.wording-approved", approved, ["evaluation": "tukidemo-2026", "stage": .number(String(stage.stage)),
                                                                 "date": .string(approved)])
        }
        try add(stream, "bikva.change-followed-up", "2026-11-17", [
            "evaluation": "tukidemo-2026", "stage": 2, "theme": "Hard to reach the worker", "status": "partly", "date": "2026-11-17",
            "note": "Phone hour in Forssa; Hämeenlinna from December",
        ])
        try add(stream, "bikva.change-followed-up", "2026-12-01", [
            "evaluation": "tukidemo-2026", "stage": 2, "theme": "Hard to reach the worker", "status": "done", "date": "2026-12-01",
        ])
        try add(stream, "bikva.change-followed-up", "2026-12-01", [
            "evaluation": "tukidemo-2026", "stage": 3, "theme": "Meetings start late", "status": "done", "date": "2026-12-01",
        ])
        // Anonymous feedback from the open evenings: a rating and themes, no text.
        let ratings = [4, 5, 3, 4, 5, 4]
        for (index, rating) in ratings.enumerated() {
            let date = day(from: "2026-02-05", plus: index * 14)
            try add(SampleProgramme.juttutupaStream, "feedback.given", date, [
                "activity": .string(SampleProgramme.juttutupaStream), "date": .string(date), "rating": .number(String(rating)),
                "themes": .array(index % 2 == 0 ? ["atmosphere", "coffee"] : ["atmosphere"]),
            ])
        }
    }

    /// The project's staff survey in two waves, at the start and near the end of the first year:
    /// eight anonymous answers each, four items on a scale of 1 to 5.
    mutating func staffSurvey() throws {
        let items = [
            "I know how to work with an experience expert", "Clients' views shape our work",
            "I can refer a family to a peer group", "I have time to listen to clients",
        ]
        for (wave, date, lift) in [("baseline", "2026-02-16", 0), ("final", "2026-11-30", 1)] {
            for respondent in 0..<8 {
                try add("survey-staff-2026", "survey.answered", date, [
                    "survey": "staff-2026", "project": .string(SampleProgramme.projectStream), "wave": .string(wave),
                    "respondentGroup": respondent < 6 ? "staff" : "management", "date": .string(date),
                    "scale": .object([(key: "min", value: 1), (key: "max", value: 5)]),
                    "answers": .array(items.enumerated().map { index, item in
                        // Every item but the last rises by the final wave.
                        let score = 2 + (respondent + index) % 3 + (index < 3 ? lift : 0)
                        return .object([(key: "item", value: .string(item)), (key: "score", value: .number(String(min(5, score))))])
                    }),
                ])
            }
        }
    }

    mutating func staffAndCosts() throws {
        let project = SampleProgramme.projectStream
        // A coordinator full time on the project (7.5 h on days 1–20 of each month, January to
        // November: nothing is recorded for days still to come) and a facilitator two evenings a
        // week for the Tähkä group.
        for month in 1...11 {
            let prefix = "2026-\(month < 10 ? "0" : "")\(month)-"
            for dayOfMonth in 1...20 {
                let date = prefix + (dayOfMonth < 10 ? "0" : "") + String(dayOfMonth)
                try add(project, "staff.time-logged", date, [
                    "staffMember": "staff-coordinator", "project": .string(project), "date": .string(date),
                    "hours": .number("7.5"), "hourlyCostCents": 3850,
                ])
                guard dayOfMonth % 5 == 2 || dayOfMonth % 5 == 4 else { continue }
                try add(project, "staff.time-logged", date, [
                    "staffMember": "staff-facilitator", "project": .string(project), "activity": .string(SampleProgramme.activityStream),
                    "date": .string(date), "hours": 3, "hourlyCostCents": 3250,
                ])
            }
        }
        try add(project, "cost.incurred", "2026-02-03", [
            "project": .string(project), "activity": .string(SampleProgramme.activityStream), "date": "2026-02-03",
            "category": "catering", "amountCents": 8450, "description": "Evening snack for the group",
        ])
        let duplicate = try add(project, "cost.incurred", "2026-02-03", [
            "project": .string(project), "activity": .string(SampleProgramme.activityStream), "date": "2026-02-03",
            "category": "catering", "amountCents": 8450, "description": "Evening snack for the group",
        ])
        try add(project, "entry.voided", "2026-02-05", ["eventId": .string(duplicate), "reason": "the same receipt was entered twice"])
        try add(project, "cost.incurred", "2026-06-15", [
            "project": .string(project), "activity": .string(SampleProgramme.campStream), "date": "2026-06-15",
            "category": "travel", "amountCents": 64000, "description": "Bus to the camp and back",
        ])
        try add(project, "cost.incurred", "2026-08-19", [
            "project": .string(project), "activity": .string(SampleProgramme.cohortStream), "date": "2026-08-19",
            "category": "materials", "amountCents": 23990, "description": "Training workbooks",
        ])
    }

    // MARK: - Helpers

    /// Who may use the server, and one role taken back when a substitute's spring ended.
    mutating func serverUsers() throws {
        for (user, role) in SampleProgramme.users {
            if role == "facilitator" {
                try add("user-\(user)", "user.role-granted", "2026-01-02", [
                    "user": .string(user), "role": .string(role), "activities": .array([.string(SampleProgramme.activityStream)]),
                ])
            } else {
                try add("user-\(user)", "user.role-granted", "2026-01-02", ["user": .string(user), "role": .string(role)])
            }
        }
        try add("user-sijainen", "user.role-granted", "2026-01-02", [
            "user": "sijainen", "role": "facilitator", "activities": .array([.string(SampleProgramme.activityStream)]),
        ])
        try add("user-sijainen", "user.role-revoked", "2026-03-25", ["user": "sijainen", "role": "facilitator", "reason": "the group ended"])
    }

    mutating func participant(_ id: String, name: String, gender: String, birthYear: Int, municipality: String, on date: String) throws {
        let personal = try seal(.object([
            (key: "name", value: .string(name)),
            (key: "birthDate", value: .string("\(birthYear)-0\(1 + next(9))-1\(next(9))")),
        ]), SubjectID(id))
        try add("participant-\(id)", "participant.registered", date, [
            "participant": .string(id), "roles": .array([.string(id.hasPrefix("p-c") ? "young-adult" : "parent")]),
            "gender": .string(gender), "birthYear": .number(String(birthYear)), "municipality": .string(municipality),
            "registeredOn": .string(date), "personal": personal,
        ])
    }

    mutating func enrol(_ id: String, in activity: String, signUp: String, start: String, age: Int,
                        status: String = "employed", education: String = "isced-3-4") throws {
        try add("participant-\(id)", "enrolment.signed-up", signUp, [
            "participant": .string(id), "activity": .string(activity), "date": .string(signUp),
        ])
        try add("participant-\(id)", "enrolment.started", start, [
            "participant": .string(id), "activity": .string(activity), "date": .string(start),
            "entry": entry(age: age, status: status, education: education),
        ])
    }

    func entry(age: Int, status: String, education: String) -> JSONValue {
        .object([
            (key: "ageAtEntry", value: .number(String(age))), (key: "labourMarketStatus", value: .string(status)),
            (key: "educationLevel", value: .string(education)), (key: "disability", value: "not-collected"),
            (key: "thirdCountNational", value: "no"), (key: "foreignBackground", value: age % 5 == 0 ? "yes" : "no"),
            (key: "minority", value: "not-collected"), (key: "homelessOrHousingExclusion", value: age < 25 ? "refused" : "no"),
            (key: "ruralArea", value: age % 3 == 0 ? "yes" : "no"),
        ])
    }

    mutating func schedule(_ activity: String, _ id: String, on date: String, minutes: Int, at location: String, plannedOn: String) throws {
        try add(activity, "session.scheduled", plannedOn, [
            "session": .string(id), "date": .string(date), "startTime": "17:00", "durationMinutes": .number(String(minutes)),
            "location": .string(location),
        ])
    }

    mutating func session(_ activity: String, _ id: String, on date: String, minutes: Int, at location: String) throws {
        try add(activity, "session.held", date, schemaVersion: 2, [
            "session": .string(id), "date": .string(date), "durationMinutes": .number(String(minutes)),
            "location": .string(location), "format": "in-person",
        ])
    }

    /// Appends one event dated at the start of `date` (UTC); returns its id.
    @discardableResult
    mutating func add(_ stream: String, _ type: String, _ date: String, schemaVersion: Int64 = 1, _ data: Fields) throws -> String {
        let version = versions[stream, default: 0]
        let id = Self.sampleEventID(events.count + 1)
        events.append(try ProposedEvent(
            eventId: EventID(parsing: id),
            stream: StreamName(stream),
            type: EventType(type),
            schemaVersion: schemaVersion,
            occurredAt: Timestamp(rfc3339: "\(date)T00:00:00Z"),
            expectedVersion: version,
            data: .object(data.map { (key: $0.key, value: $0.value) }),
            meta: .object([(key: "actor", value: .string(actor))])
        ))
        versions[stream] = version + 1
        return id
    }

    /// Recognisable, fixed ids for the sample, numbered at the start where `tuki log` shows an
    /// id and `tuki void` reads one: 00000042-0000-4000-8000-000000000000.
    static func sampleEventID(_ number: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: 8 - digits.count) + digits + "-0000-4000-8000-000000000000"
    }

    mutating func next(_ bound: Int) -> Int {
        random = random &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((random >> 33) % UInt64(bound))
    }

    func day(from date: String, plus days: Int) -> String {
        guard let start = try? Timestamp(rfc3339: "\(date)T00:00:00Z") else { return date }
        return String(Timestamp(microsecondsSinceEpoch: start.microsecondsSinceEpoch + Int64(days) * 86_400_000_000).occurredAtText.prefix(10))
    }

    func decimalText(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}
