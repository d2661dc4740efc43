import EventStore
import Ledger

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
/// Every event comes from the typed command a person would use (`RegisterParticipant`,
/// `RecordSheet`, `PayTravel` …), the same the command line and the server run; the demo gives
/// each its day, a fixed id and the stream's expected version.
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
    /// Their names, in the same order (sealed in the ledger; tests find them on the pages).
    public static let participantNames = ["Aino Esimerkki", "Eero Esimerkki", "Helmi Esimerkki", "Onni Esimerkki", "Kerttu Esimerkki", "Väinö Esimerkki"]
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
        let catalogue = try EventCatalogue.standard()
        return try withoutActuallyEscaping(seal) { seal in
            var b = Builder(actor: actor, seal: seal, catalogue: catalogue)
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
    let catalogue: EventCatalogue
    var events: [ProposedEvent] = []
    var versions: [String: Int64] = [:]
    var facts = HistoryFacts()
    /// A small linear congruential generator: the demo must be the same on every machine.
    var random: UInt64 = 20_260_105

    // MARK: - The programme

    mutating func project() throws {
        try record(RegisterProject(project: SampleProgramme.projectStream, code: "S30999", name: "Tuki-esimerkkihanke", funder: .esrPlus, fundingProgramme: "Uudistuva ja osaava Suomi 2021–2027",
                                   startDate: "2026-01-01", endDate: "2027-12-31", costModel: .flatRate40, selfFinancingPercent: 20), on: "2026-01-05")
    }

    mutating func tahkaGroup() throws {
        let stream = SampleProgramme.activityStream
        try record(CreateActivity(activity: stream, project: SampleProgramme.projectStream, name: "Tähkä-ryhmä Forssa", kind: .closedPeerGroup,
                                  targetGroup: .parentsOfPlacedChildren, municipality: "Forssa", plannedSessions: 8, workPackage: "TP2"), on: "2026-01-12")
        var birthDates: [String] = []
        for (index, id) in SampleProgramme.participants.enumerated() {
            birthDates.append(try participant(id, name: SampleProgramme.participantNames[index], gender: index % 2 == 0 ? .woman : .man,
                            birthYear: 1980 + index * 2, municipality: index == 3 ? "Jokioinen" : "Forssa", on: "2026-01-20"))
            try enrol(id, in: stream, signUp: "2026-01-25", start: "2026-02-03", age: 45 - index * 2)
        }
        // The whole plan is made before the group starts; each session is then held as planned.
        for number in 1...8 {
            try schedule(stream, "s\(number)", on: day(from: "2026-02-03", plus: (number - 1) * 7), minutes: 120,
                         at: "Forssan perhekeskus", plannedOn: "2026-01-28")
        }
        for number in 1...8 {
            let date = day(from: "2026-02-03", plus: (number - 1) * 7)
            let marks = SampleProgramme.participants.enumerated().map { index, id in
                let status: AttendanceRecorded.Status = (number + index) % 9 == 0 ? .excused : (number * index) % 11 == 7 ? .absent : .present
                return RecordSheet.Mark(participant: id, status: status)
            }
            try record(RecordSheet(activity: stream, session: "s\(number)", held: .init(durationMinutes: 120, location: "Forssan perhekeskus"),
                                   marks: marks, date: date), on: date)
            // FIT: outcome at the start, alliance at the end, for three parents. The first two
            // improve; the third stays level; one alliance rating dips low enough to follow up.
            for (index, id) in SampleProgramme.participants.prefix(3).enumerated() {
                let base = index < 2 ? 4.0 + Double(number) * 0.4 : 6.6 + Double(number % 2) * 0.1
                try record(RecordFIT(participant: id, instrument: .ors, items: (0..<4).map { tenths(min(10, base + Double($0) * 0.3)) },
                                     activity: stream, session: "s\(number)", date: date), on: date)
                let alliance = index == 1 && number == 3 ? 8.0 : 9.0
                try record(RecordFIT(participant: id, instrument: .srs,
                                     items: (0..<4).map { tenths(min(10, alliance + Double($0) * (alliance < 9 ? 0.5 : 0.2))) },
                                     activity: stream, session: "s\(number)", date: date), on: date)
            }
        }
        // Väinö's new phone number, given at the fourth session.
        try record(CorrectParticipantDetails(participant: SampleProgramme.participants[5],
                                             personal: .init(name: SampleProgramme.participantNames[5], birthDate: birthDates[5], contact: "040 555 0106"),
                                             gender: .man, municipality: "Forssa", date: "2026-02-24"), on: "2026-02-24")
        for id in SampleProgramme.participants {
            try record(EndEnrolment(participant: id, activity: stream, date: "2026-03-24", outcome: .completed, jobSearching: .no,
                                    inEducationOrTraining: .no, gainedQualification: .no, employed: .yes), on: "2026-03-24")
        }
        // The parents asked to meet once more: a reunion near the project's end, still ahead.
        try schedule(stream, "s9", on: "2027-12-07", minutes: 120, at: "Forssan perhekeskus", plannedOn: "2026-03-24")
        try record(GiveFeedback(activity: stream, rating: 5, participant: SampleProgramme.participants[2], themes: ["being heard", "food"],
                                text: "Vihdoin joku kuunteli.", date: "2026-03-24"), on: "2026-03-24")
    }

    mutating func juttutupa() throws {
        let stream = SampleProgramme.juttutupaStream
        try record(CreateActivity(activity: stream, project: SampleProgramme.projectStream, name: "Juttutupa Hämeenlinna", kind: .openEvent,
                                  targetGroup: .parents, municipality: "Hämeenlinna", plannedSessions: 10, workPackage: "TP3"), on: "2026-01-15")
        for number in 1...10 {
            let date = day(from: "2026-02-05", plus: (number - 1) * 14)
            try record(RecordSessionHeld(activity: stream, session: "s\(number)", date: date, durationMinutes: 90, location: "Perhekeskus Hämeenlinna",
                                         headcount: 3 + next(9)), on: date)
        }
        try schedule(stream, "s11", on: "2026-07-02", minutes: 90, at: "Perhekeskus Hämeenlinna", plannedOn: "2026-06-01")
        try record(CancelSession(activity: stream, session: "s11", date: "2026-07-02", reason: "kesätauko"), on: "2026-06-20")
    }

    mutating func kesacamp() throws {
        let stream = SampleProgramme.campStream
        try record(CreateActivity(activity: stream, project: SampleProgramme.projectStream, name: "Kesäcamp", kind: .camp,
                                  targetGroup: .youngAdultsAftercare, municipality: "Hattula", plannedSessions: 1, workPackage: "TP4"), on: "2026-04-01")
        let genders: [ParticipantRegistered.Gender] = [.woman, .man, .nonBinary, .notTold]
        for (index, id) in SampleProgramme.campers.enumerated() {
            try participant(id, name: "Nuori \(index + 1) Malli", gender: genders[index % 4],
                            birthYear: 2005 + index % 4, municipality: ["Hämeenlinna", "Riihimäki", "Forssa"][index % 3], on: "2026-05-10")
            try record(RecordConsent(participant: id, scope: .esrReporting, date: "2026-05-10"), on: "2026-05-10")
            if index == 0 {
                // Photographs at the camp: given at sign-up, withdrawn before the camp.
                try record(RecordConsent(participant: id, scope: .photography, date: "2026-05-10"), on: "2026-05-10")
                try record(RecordConsent(participant: id, scope: .photography, withdrawn: true, date: "2026-06-01"), on: "2026-06-01")
            }
            try enrol(id, in: stream, signUp: "2026-05-15", start: "2026-06-15", age: 20 - index % 4, status: .inactive, education: .isced0to2)
        }
        try record(RecordSheet(activity: stream, session: "s1", held: .init(durationMinutes: 3 * 24 * 60, location: "Leirikeskus, Hattula"),
                               marks: SampleProgramme.campers.map { .init(participant: $0, status: .present) }, date: "2026-06-15"), on: "2026-06-15")
        for id in SampleProgramme.campers {
            try record(EndEnrolment(participant: id, activity: stream, date: "2026-06-17", outcome: .completed), on: "2026-06-17")
        }
    }

    /// 21 sign up, 18 start, 33 sessions; 4 drop out after sessions 7, 11, 15 and 19 having come to
    /// every session till then (52 attendances); the 14 graduates miss 11 sessions between them
    /// (451 of 462): 503 attendances of 18 × 33 = 594, a commitment rate of 84.68 %.
    mutating func trainingCohort() throws {
        let stream = SampleProgramme.cohortStream
        try record(CreateActivity(activity: stream, project: SampleProgramme.projectStream, name: "Kokemuskumppani-koulutus, ryhmä 1",
                                  kind: .trainingCohort, targetGroup: .experienceExperts, municipality: "Hämeenlinna", plannedSessions: 33,
                                  workPackage: "TP5"), on: "2026-08-01")
        let trainees = SampleProgramme.trainees
        for (index, id) in trainees.enumerated() {
            try participant(id, name: "Kumppani \(index + 1) Esimerkki", gender: index % 3 == 0 ? .man : .woman,
                            birthYear: 1970 + index, municipality: "Hämeenlinna", on: "2026-08-05")
            try record(SignUp(participant: id, activity: stream, date: "2026-08-10"), on: "2026-08-10")
        }
        let started = Array(trainees.prefix(18))
        for (index, id) in started.enumerated() {
            try record(StartEnrolment(participant: id, activity: stream, date: "2026-08-12",
                                      entry: entry(age: 56 - index, status: index % 4 == 0 ? .unemployed : .employed, education: .isced3to4)),
                       on: "2026-08-12")
        }
        let dropouts = [(started[14], 7), (started[15], 11), (started[16], 15), (started[17], 19)]
        let graduates = Array(started.prefix(14))
        // Which graduate misses which session: 11 absences in all.
        let missed: Set<String> = ["p-t01 s5", "p-t02 s9", "p-t04 s12", "p-t04 s13", "p-t06 s20", "p-t07 s3",
                                   "p-t09 s25", "p-t10 s30", "p-t11 s17", "p-t13 s28", "p-t14 s2"]
        for number in 1...33 {
            let date = day(from: "2026-08-12", plus: (number - 1) * 7 / 2)
            var marks = graduates.map { id in
                RecordSheet.Mark(participant: id, status: missed.contains("\(id) s\(number)") ? (number % 2 == 0 ? .excused : .absent) : .present)
            }
            marks += dropouts.filter { number <= $0.1 }.map { RecordSheet.Mark(participant: $0.0, status: .present) }
            try record(RecordSheet(activity: stream, session: "s\(number)", held: .init(durationMinutes: 180, location: "Hämeenlinna, koulutustila"),
                                   marks: marks, date: date), on: date)
            if let (id, _) = dropouts.first(where: { $0.1 == number }) {
                try record(EndEnrolment(participant: id, activity: stream, date: date, outcome: .droppedOut), on: date)
            }
        }
        let graduation = day(from: "2026-08-12", plus: 32 * 7 / 2)
        for id in graduates {
            try record(EndEnrolment(participant: id, activity: stream, date: graduation, outcome: .graduated, jobSearching: .no,
                                    inEducationOrTraining: .no, gainedQualification: .yes, employed: .notCollected), on: graduation)
        }
    }

    mutating func expertWork() throws {
        let aliases = ["Kokemuskumppani K", "Kokemuskumppani L", "Mikko (kokemusasiantuntija)"]
        for (index, id) in SampleProgramme.experts.enumerated() {
            try record(RegisterExpert(participant: id, alias: aliases[index], anonymous: index < 2, training: .trained, date: "2026-10-01"), on: "2026-10-01")
        }
        // (engagement, expert, kind, date, hours, fee in cents, in person, outcome)
        let work: [(String, String, EngagementAgreed.Kind, String, Double, Int, Bool, String)] = [
            ("e-demo-1", "p-t01", .coFacilitatingPeerGroup, "2026-10-06", 3, 9000, true, "paid"),
            ("e-demo-2", "p-t01", .developerGroupMeeting, "2026-10-20", 2, 6000, false, "paid"),
            ("e-demo-3", "p-t02", .speakingOrPanel, "2026-10-29", 2, 15000, true, "paid"),
            ("e-demo-4", "p-t03", .popUpConsultation, "2026-11-05", 4, 12000, true, "paid"),
            ("e-demo-5", "p-t02", .writing, "2026-11-12", 5, 15000, false, "completed"),
            ("e-demo-6", "p-t03", .coDesign, "2026-11-26", 3, 9000, true, "cancelled"),
        ]
        for (id, expert, kind, date, hours, fee, inPerson, outcome) in work {
            try record(AgreeEngagement(engagement: id, expert: expert, project: SampleProgramme.projectStream, kind: kind, date: date,
                                       plannedHours: hours, agreedFeeCents: fee, mode: inPerson ? .inPerson : .remote), on: date)
            if outcome == "cancelled" {
                try record(CancelEngagement(engagement: id, date: date, reason: "tapahtuma siirtyi"), on: date)
                continue
            }
            try record(CompleteEngagement(engagement: id, date: date, hours: hours), on: date)
            guard outcome == "paid" else { continue }  // e-demo-5: completed, fee still owed
            let paid = day(from: date, plus: 14)
            try record(PayFee(engagement: id, amountCents: fee, date: paid), on: paid)
            if inPerson {
                try record(PayTravel(engagement: id, trip: .kilometres(DecimalNumber(units: 38, scale: 0), rate: .inForce), date: paid), on: paid)
            }
            // The pop-up consultation kept Mikko away from home for over six hours: a part-day per diem.
            if kind == .popUpConsultation {
                try record(PayPerDiem(engagement: id, kind: .partDay, date: paid), on: paid)
            }
        }
        // Mikko takes a break over the winter; the expert bank shows him paused.
        try record(ChangeExpertStatus(participant: "p-t03", status: .paused, reason: "talvitauko", date: "2026-12-01"), on: "2026-12-01")
    }

    /// A BIKVA evaluation through all four stages: three themes the parents raised, answered by
    /// the workers, management and the county's decision makers; each group approved the wording
    /// passed on; the changes agreed were followed up. Then client feedback from the open evenings.
    mutating func evaluation() throws {
        let evaluation = "tukidemo-2026"
        typealias Theme = BIKVAStageRecorded.Theme
        let stages: [(stage: Int, date: String, size: Int, themes: [Theme])] = [
            (1, "2026-09-01", 7, [
                Theme(theme: "Tapaamiset alkavat myöhässä", said: "Odotamme ja huolestumme, kun tapaamiset alkavat myöhässä"),
                Theme(theme: "Työntekijää on vaikea tavoittaa", said: "Puheluihin ei vastata päiviin"),
                Theme(theme: "Vertaisryhmä auttoi", said: "Muiden vanhempien tapaaminen vähensi yksinäisyyttä"),
            ]),
            (2, "2026-09-22", 9, [
                Theme(theme: "Tapaamiset alkavat myöhässä", response: "Aloitetaan ajallaan; viesti, jos myöhästytään"),
                Theme(theme: "Työntekijää on vaikea tavoittaa", response: "Työkuorma on suuri; yhteinen puhelinaika voisi auttaa", agreedChange: "Viikoittainen puhelinaika"),
                Theme(theme: "Vertaisryhmä auttoi", response: "Näemme saman; ryhmiä tarvitaan lisää"),
            ]),
            (3, "2026-10-13", 4, [
                Theme(theme: "Tapaamiset alkavat myöhässä", response: "Tapaamisiin varataan 15 minuuttia väljyyttä",
                      agreedChange: "Muistutusviesti edellisenä päivänä joulukuusta alkaen"),
                Theme(theme: "Työntekijää on vaikea tavoittaa", response: "Samaa mieltä"),
            ]),
            (4, "2026-11-10", 5, [
                Theme(theme: "Vertaisryhmä auttoi", response: "Vertaisryhmät kirjataan ensi vuoden palvelusuunnitelmaan", agreedChange: "Kaksi uutta vertaisryhmää vuoden 2028 talousarvioon"),
            ]),
        ]
        for stage in stages {
            try record(RecordBIKVAStage(evaluation: evaluation, project: SampleProgramme.projectStream, stage: stage.stage, groupSize: stage.size,
                                        themes: stage.themes, date: stage.date), on: stage.date)
            guard stage.stage < 4 else { continue }
            let approved = day(from: stage.date, plus: 7)
            try record(ApproveBIKVAWording(evaluation: evaluation, stage: stage.stage, date: approved), on: approved)
        }
        try record(FollowUpBIKVAChange(evaluation: evaluation, stage: 2, theme: "Työntekijää on vaikea tavoittaa", status: .partly,
                                       note: "Puhelinaika Forssassa; Hämeenlinnassa joulukuusta", date: "2026-11-17"), on: "2026-11-17")
        try record(FollowUpBIKVAChange(evaluation: evaluation, stage: 2, theme: "Työntekijää on vaikea tavoittaa", status: .done, date: "2026-12-01"), on: "2026-12-01")
        try record(FollowUpBIKVAChange(evaluation: evaluation, stage: 3, theme: "Tapaamiset alkavat myöhässä", status: .done, date: "2026-12-01"), on: "2026-12-01")
        // Anonymous feedback from the open evenings: a rating and themes, no text.
        let ratings = [4, 5, 3, 4, 5, 4]
        for (index, rating) in ratings.enumerated() {
            let date = day(from: "2026-02-05", plus: index * 14)
            try record(GiveFeedback(activity: SampleProgramme.juttutupaStream, rating: rating,
                                    themes: index % 2 == 0 ? ["atmosphere", "coffee"] : ["atmosphere"], date: date), on: date)
        }
    }

    /// The project's staff survey in two waves, at the start and near the end of the first year:
    /// eight anonymous answers each, four items on a scale of 1 to 5.
    mutating func staffSurvey() throws {
        let items = [
            "Osaan tehdä työtä kokemusasiantuntijan kanssa", "Asiakkaiden näkemykset ohjaavat työtämme",
            "Osaan ohjata perheen vertaisryhmään", "Minulla on aikaa kuunnella asiakkaita",
        ]
        for (wave, date, lift) in [(SurveyAnswered.Wave.baseline, "2026-02-16", 0), (.final, "2026-11-30", 1)] {
            for respondent in 0..<8 {
                // Every item but the last rises by the final wave.
                let answers = items.enumerated().map { index, item in
                    SurveyAnswered.Answer(item: item, score: min(5, 2 + (respondent + index) % 3 + (index < 3 ? lift : 0)))
                }
                try record(AnswerSurvey(survey: "staff-2026", project: SampleProgramme.projectStream, wave: wave,
                                        respondentGroup: respondent < 6 ? .staff : .management, scale: .init(min: 1, max: 5), answers: answers,
                                        date: date), on: date)
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
                try record(LogStaffTime(staffMember: "staff-coordinator", project: project, date: date, hours: 7.5, hourlyCostCents: 3850), on: date)
                guard dayOfMonth % 5 == 2 || dayOfMonth % 5 == 4 else { continue }
                try record(LogStaffTime(staffMember: "staff-facilitator", project: project, activity: SampleProgramme.activityStream, date: date,
                                        hours: 3, hourlyCostCents: 3250), on: date)
            }
        }
        let snack = RecordCost(project: project, activity: SampleProgramme.activityStream, category: .catering, amountCents: 8450,
                               description: "Iltapala ryhmälle", date: "2026-02-03")
        try record(snack, on: "2026-02-03")
        let duplicate = try record(snack, on: "2026-02-03")
        try record(VoidEntry(eventId: duplicate[0], reason: "sama kuitti kirjattiin kahdesti"), on: "2026-02-05")
        try record(RecordCost(project: project, activity: SampleProgramme.campStream, category: .travel, amountCents: 64000,
                              description: "Bussi leirille ja takaisin", date: "2026-06-15"), on: "2026-06-15")
        try record(RecordCost(project: project, activity: SampleProgramme.cohortStream, category: .materials, amountCents: 23990,
                              description: "Koulutuksen työkirjat", date: "2026-08-19"), on: "2026-08-19")
    }

    // MARK: - Helpers

    /// Who may use the server, and one role taken back when a substitute's spring ended.
    mutating func serverUsers() throws {
        for (user, role) in SampleProgramme.users {
            guard let role = UserRole(rawValue: role) else { continue }
            try record(GrantRole(user: user, role: role, activities: role == .facilitator ? [SampleProgramme.activityStream] : []), on: "2026-01-02")
        }
        try record(GrantRole(user: "sijainen", role: .facilitator, activities: [SampleProgramme.activityStream]), on: "2026-01-02")
        try record(RevokeRole(user: "sijainen", role: .facilitator, reason: "ryhmä päättyi"), on: "2026-03-25")
    }

    /// Registers a participant born on a day of `birthYear`; answers the birth date.
    @discardableResult
    mutating func participant(_ id: String, name: String, gender: ParticipantRegistered.Gender, birthYear: Int, municipality: String,
                              on date: String) throws -> String {
        let birthDate = "\(birthYear)-0\(1 + next(9))-1\(next(9))"
        try record(RegisterParticipant(participant: id, personal: .init(name: name, birthDate: birthDate), gender: gender, municipality: municipality,
                                       roles: [id.hasPrefix("p-c") ? .youngAdult : .parent], registeredOn: date), on: date)
        return birthDate
    }

    mutating func enrol(_ id: String, in activity: String, signUp: String, start: String, age: Int,
                        status: EnrolmentStarted.LabourMarketStatus = .employed, education: EnrolmentStarted.EducationLevel = .isced3to4) throws {
        try record(SignUp(participant: id, activity: activity, date: signUp), on: signUp)
        try record(StartEnrolment(participant: id, activity: activity, date: start, entry: entry(age: age, status: status, education: education)), on: start)
    }

    func entry(age: Int, status: EnrolmentStarted.LabourMarketStatus, education: EnrolmentStarted.EducationLevel) -> EnrolmentStarted.Entry {
        EnrolmentStarted.Entry(ageAtEntry: age, labourMarketStatus: status, educationLevel: education, disability: .notCollected,
                               thirdCountNational: .no, foreignBackground: age % 5 == 0 ? .yes : .no, minority: .notCollected,
                               homelessOrHousingExclusion: age < 25 ? .refused : .no, ruralArea: age % 3 == 0 ? .yes : .no)
    }

    mutating func schedule(_ activity: String, _ id: String, on date: String, minutes: Int, at location: String, plannedOn: String) throws {
        try record(ScheduleSession(activity: activity, session: id, date: date, startTime: "17:00", durationMinutes: minutes, location: location), on: plannedOn)
    }

    /// Records what the command proposes, each event dated at the start of `date` (UTC) — the
    /// day it was recorded in the programme's story — under a fixed id, at its type's latest
    /// schema version, with the stream's expected version; returns the events' ids.
    @discardableResult
    mutating func record(_ command: some RecordingCommand, on date: String) throws -> [String] {
        let recording = try command.recording(facts)
        var ids: [String] = []
        let sealed = try recording.sealing.map { try seal($0.fields, $0.subject) }
        for event in recording.events(sealed: sealed) {
            let data = event.data
            let version = versions[event.stream, default: 0]
            let id = Self.sampleEventID(events.count + 1)
            events.append(try ProposedEvent(
                eventId: EventID(parsing: id), stream: StreamName(event.stream), type: EventType(event.type),
                schemaVersion: catalogue.latestVersions[event.type] ?? 1, occurredAt: Timestamp(rfc3339: "\(date)T00:00:00Z"),
                expectedVersion: version, data: data, meta: .object([(key: "actor", value: .string(actor))])))
            versions[event.stream] = version + 1
            facts.learn(id: id, stream: event.stream, type: event.type, data: data)
            ids.append(id)
        }
        return ids
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

    /// A FIT score with one decimal, as the 10 cm line is read.
    func tenths(_ value: Double) -> Double {
        (value * 10).rounded() / 10
    }
}

/// What the demo's commands ask of the ledger, answered from the history built so far: the
/// demo names every id itself, so only the work days of engagements and the events a void names
/// are asked.
private struct HistoryFacts: LedgerFacts {
    /// The last day of the demo's story: nothing done is dated after it.
    let today = "2026-12-02"
    private var agreed: [String: String] = [:]
    private var completed: [String: String] = [:]
    private var streams: [String: String] = [:]

    mutating func learn(id: String, stream: String, type: String, data: JSONValue) {
        streams[id] = stream
        guard let engagement = data["engagement"]?.stringValue, let date = data["date"]?.stringValue else { return }
        if type == "engagement.agreed" { agreed[engagement] = date }
        if type == "engagement.completed" { completed[engagement] = date }
    }

    func unusedIdentifier(prefix: String, stream: (String) -> String) throws -> String { throw CommandError.noUnusedIdentifier }
    func sessions(of activity: String) throws -> ActivitySessions { ActivitySessions() }
    func workDay(ofEngagement engagement: String) throws -> String? { completed[engagement] ?? agreed[engagement] }
    func events(withIdStarting prefix: String) throws -> [(eventId: String, stream: String)] {
        streams.filter { $0.key.hasPrefix(prefix) }.prefix(2).map { ($0.key, $0.value) }
    }
}
