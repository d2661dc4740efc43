import Samples
import EventStore

/// A county's programmes, activity after activity: each a closed group, training cohort or camp
/// with about a dozen participants over 16–24 sessions, or an open event series with headcounts;
/// with their staff time, costs, FIT ratings, feedback and experience-expert engagements.
struct CountyProgramme {
    typealias Random = SeededRandom

    static let project = "project-county-1"
    static let municipalities = ["Forssa", "Hämeenlinna", "Riihimäki", "Janakkala", "Hattula", "Loppi", "Tammela", "Jokioinen"]

    var random: Random
    let writer: LineWriter
    var activities = 0
    var people = 0
    var engagements = 0
    var experts: [String] = []

    init(seed: UInt64, writer: LineWriter) {
        random = Random(seed: seed)
        self.writer = writer
    }

    mutating func emit(_ stream: String, _ type: String, _ day: Int, _ data: String, version: Int = 1) {
        writer.emit(id: random.uuid(), stream: stream, type: type, schemaVersion: version, day: day, data: data)
    }

    mutating func generate(events: Int) {
        emit(Self.project, "project.registered", 0, #""projectCode":"S31000","name":"Kanta-Hämeen vertaistuki","funder":"ESR+","fundingProgramme":"Uudistuva ja osaava Suomi 2021–2027","startDate":"2013-01-01","endDate":"2023-12-31","costModel":"flat-rate-40","selfFinancingPercent":20"#)
        // A pool of experience experts, registered at the start.
        for index in 0..<40 where writer.count < events {
            let id = "p-x\(index)"
            experts.append(id)
            emit("participant-\(id)", "participant.registered", 0, #""participant":"\#(id)","roles":["experience-expert"],"gender":"\#(random.pick(["woman", "man", "non-binary", "not-told"]))","birthYear":\#(1960 + random.below(40)),"municipality":"\#(random.pick(Self.municipalities))","registeredOn":"2013-01-01""#)
            emit("participant-\(id)", "expert.registered", 1, #""participant":"\#(id)","alias":"Kokemusasiantuntija \#(index)","anonymous":\#(random.chance(40)),"training":"trained","date":"2013-01-02""#)
        }
        while writer.count < events {
            if random.chance(15) { openEventSeries() } else { group() }
        }
    }

    mutating func newActivity(kind: String, day: Int) -> String {
        activities += 1
        let activity = "activity-g\(activities)"
        emit(activity, "activity.created", day, #""project":"\#(Self.project)","name":"Ryhmä \#(activities)","kind":"\#(kind)","targetGroup":"\#(random.pick(["parents", "parents-of-placed-children", "young-people-12-17", "young-adults-aftercare", "foster-families"]))","municipality":"\#(random.pick(Self.municipalities))","plannedSessions":20"#)
        return activity
    }

    /// A closed peer group, a training cohort or a camp: enrolments, sessions with attendance,
    /// a few drop-outs, the rest finishing with exit data.
    mutating func group() {
        let start = random.below(3_800)
        let kind = random.pick(["closed-peer-group", "closed-peer-group", "training-cohort", "camp", "developer-group"])
        let activity = newActivity(kind: kind, day: start)
        var members: [(id: String, started: Bool, ended: Bool)] = []
        for index in 0..<(8 + random.below(9)) {
            people += 1
            let id = "p-g\(people)"
            let stream = "participant-\(id)"
            let age = random.pick([8, 11, 14, 16, 17, 19, 24, 29, 33, 38, 41, 47, 52, 56, 63])
            let role = age < 13 ? "child" : age < 18 ? "young-person" : age < 30 ? "young-adult" : "parent"
            emit(stream, "participant.registered", start, #""participant":"\#(id)","roles":["\#(role)"],"gender":"\#(random.pick(["woman", "woman", "man", "non-binary", "not-told"]))","birthYear":\#((Int(Days.date(start + 2).prefix(4)) ?? 2013) - age - 1),"municipality":"\#(random.pick(Self.municipalities))","registeredOn":"\#(Days.date(start))""#)
            if index % 2 == 0 {
                emit(stream, "participant.consent-recorded", start, #""participant":"\#(id)","scope":"esr-reporting","givenBy":"\#(age < 18 ? "guardian" : "self")","date":"\#(Days.date(start))""#)
            }
            emit(stream, "enrolment.signed-up", start + 1, #""participant":"\#(id)","activity":"\#(activity)","date":"\#(Days.date(start + 1))""#)
            let starts = random.chance(85)
            if starts {
                emit(stream, "enrolment.started", start + 2, #""participant":"\#(id)","activity":"\#(activity)","date":"\#(Days.date(start + 2))","entry":{"ageAtEntry":\#(age),"labourMarketStatus":"\#(random.pick(["employed", "employed", "unemployed", "long-term-unemployed", "inactive", "not-collected"]))","educationLevel":"\#(random.pick(["isced-0-2", "isced-3-4", "isced-3-4", "isced-5-8", "refused"]))","disability":"\#(random.pick(["no", "yes", "not-collected", "refused"]))","thirdCountNational":"\#(random.pick(["no", "no", "no", "yes"]))","foreignBackground":"\#(random.pick(["no", "no", "yes"]))","minority":"\#(random.pick(["not-collected", "no", "yes"]))","homelessOrHousingExclusion":"\#(random.pick(["no", "no", "no", "yes", "refused"]))","ruralArea":"\#(random.pick(["yes", "no"]))"}"#)
            }
            members.append((id, starts, false))
        }
        let sessions = kind == "camp" ? 1 : 16 + random.below(9)
        var lastDay = start + 2
        for number in 1...sessions {
            let day = start + 7 * number
            lastDay = day
            if random.chance(4) {
                emit(activity, "session.cancelled", day, #""session":"s\#(number)","date":"\#(Days.date(day))","reason":"ohjaaja sairastui""#)
                continue
            }
            let minutes = kind == "camp" ? 2_880 : random.pick([90, 120, 120, 180])
            emit(activity, "session.held", day, #""session":"s\#(number)","date":"\#(Days.date(day))","durationMinutes":\#(minutes),"location":"\#(random.pick(["Perhekeskus", "Nuorisotalo", "Kirjasto", "Seurakuntatalo"])), ryhmähuone \#(1 + random.below(4))","format":"\#(random.pick(["in-person", "in-person", "in-person", "remote", "hybrid"]))""#, version: 2)
            for member in members where member.started && !member.ended {
                let status = random.below(10) < 8 ? "present" : random.chance(50) ? "absent" : "excused"
                emit(activity, "attendance.recorded", day, #""session":"s\#(number)","participant":"\#(member.id)","status":"\#(status)""#)
            }
            emit(Self.project, "staff.time-logged", day, #""staffMember":"staff-\#(random.pick(["ohjaaja-a", "ohjaaja-b", "ohjaaja-c", "koordinaattori"]))","project":"\#(Self.project)","activity":"\#(activity)","date":"\#(Days.date(day))","hours":\#(random.pick(["2.5", "3", "4", "7.5"])),"hourlyCostCents":\#(random.pick([3_250, 3_480, 3_850]))"#)
            if number % 4 == 1, let rated = members.first(where: { $0.started && !$0.ended }) {
                let items = (0..<4).map { _ in "\(random.below(10)).\(random.below(10))" }.joined(separator: ",")
                emit("participant-\(rated.id)", "feedback.fit-recorded", day, #""participant":"\#(rated.id)","activity":"\#(activity)","session":"s\#(number)","instrument":"ORS","items":[\#(items)],"date":"\#(Days.date(day))""#)
            }
            // Now and then someone drops out after a session.
            if sessions > 4, number == sessions / 2, let index = members.indices.last(where: { members[$0].started && !members[$0].ended }), random.chance(60) {
                members[index].ended = true
                emit("participant-\(members[index].id)", "enrolment.ended", day, #""participant":"\#(members[index].id)","activity":"\#(activity)","date":"\#(Days.date(day))","outcome":"dropped-out""#)
            }
        }
        for member in members where !member.ended {
            let stream = "participant-\(member.id)"
            if member.started {
                emit(stream, "enrolment.ended", lastDay, #""participant":"\#(member.id)","activity":"\#(activity)","date":"\#(Days.date(lastDay))","outcome":"\#(kind == "training-cohort" ? "graduated" : "completed")","exit":{"jobSearching":"\#(random.pick(["no", "yes", "not-collected"]))","inEducationOrTraining":"\#(random.pick(["no", "yes"]))","gainedQualification":"\#(kind == "training-cohort" ? "yes" : "no")","employed":"\#(random.pick(["no", "yes", "not-collected", "refused"]))"}"#)
            } else {
                emit(stream, "enrolment.ended", lastDay, #""participant":"\#(member.id)","activity":"\#(activity)","date":"\#(Days.date(lastDay))","outcome":"other""#)
            }
            writer.close(stream)
        }
        emit(activity, "feedback.given", lastDay, #""activity":"\#(activity)","date":"\#(Days.date(lastDay))","rating":\#(3 + random.below(3)),"themes":["\#(random.pick(["tulla kuulluksi", "vertaistuki", "ruoka", "turvallisuus"]))"]"#)
        emit(Self.project, "cost.incurred", start + 7, #""project":"\#(Self.project)","activity":"\#(activity)","date":"\#(Days.date(start + 7))","category":"catering","amountCents":\#(4_000 + random.below(12_000)),"description":"Tarjoilu""#)
        engagement(activity: activity, day: start + 14)
        writer.close(activity)
    }

    /// Open evenings (Juttutupa-like): sessions with headcounts, nobody enrolled.
    mutating func openEventSeries() {
        let start = random.below(3_800)
        let activity = newActivity(kind: "open-event", day: start)
        for number in 1...(6 + random.below(10)) {
            let day = start + 14 * number
            emit(activity, "session.held", day, #""session":"s\#(number)","date":"\#(Days.date(day))","durationMinutes":90,"location":"Perhekeskus","format":"in-person","headcount":\#(3 + random.below(25))"#, version: 2)
            emit(Self.project, "staff.time-logged", day, #""staffMember":"staff-koordinaattori","project":"\#(Self.project)","activity":"\#(activity)","date":"\#(Days.date(day))","hours":2,"hourlyCostCents":3850"#)
        }
        writer.close(activity)
    }

    /// An experience expert co-facilitates: agreed, completed, paid, and travel for in-person work.
    mutating func engagement(activity: String, day: Int) {
        engagements += 1
        let id = "e-g\(engagements)"
        let stream = "engagement-\(id)"
        let hours = 1 + random.below(4)
        let inPerson = random.chance(70)
        emit(stream, "engagement.agreed", day, #""engagement":"\#(id)","expert":"\#(random.pick(experts))","project":"\#(Self.project)","activity":"\#(activity)","kind":"co-facilitating-peer-group","date":"\#(Days.date(day))","plannedHours":\#(hours),"agreedFeeCents":\#(hours * 3_000),"mode":"\#(inPerson ? "in-person" : "remote")""#)
        if random.chance(5) {
            emit(stream, "engagement.cancelled", day, #""engagement":"\#(id)","date":"\#(Days.date(day))""#)
        } else {
            emit(stream, "engagement.completed", day, #""engagement":"\#(id)","date":"\#(Days.date(day))","hours":\#(hours)"#)
            if random.chance(95) {
                emit(stream, "fee.paid", day + 14, #""engagement":"\#(id)","date":"\#(Days.date(day + 14))","amountCents":\#(hours * 3_000)"#)
                if inPerson {
                    let kilometres = 5 + random.below(80)
                    emit(stream, "travel.reimbursed", day + 14, #""engagement":"\#(id)","date":"\#(Days.date(day + 14))","kilometres":\#(kilometres),"centsPerKm":55,"amountCents":\#(kilometres * 55)"#)
                }
            }
        }
        writer.close(stream)
    }
}
