import EventStore
import Foundation

/// A reproducible programme for the ESR+ report, and — kept by the generator as it goes, not
/// read back from any read model — what each person's participation was: their gender, their
/// first entry (date and data), and, if they left, when and with what exit data.
struct ESRProgramme {
    struct Person {
        let id: String
        let gender: String
        var firstEntry: (date: String, age: Int, answers: [String: String])
        /// Their enrolments in the project's activities, in order: start, end and exit data.
        var episodes: [(start: String, end: String?, exit: [String: String]?)] = []

        /// Whether they had left by `day` (every enrolment started by then had ended by then),
        /// and their last exit then.
        func left(by day: String) -> (date: String, exit: [String: String]?)? {
            let started = episodes.filter { $0.start <= day }
            guard !started.isEmpty, started.allSatisfy({ $0.end.map { $0 <= day } ?? false }) else { return nil }
            return started.last.map { ($0.end ?? "", $0.exit) }
        }
    }

    static let project = "project-esrgen"
    static let answerFields = ["labourMarketStatus", "educationLevel", "disability", "thirdCountNational", "foreignBackground",
                               "minority", "homelessOrHousingExclusion", "ruralArea"]
    static let exitFields = ["jobSearching", "inEducationOrTraining", "gainedQualification", "employed"]

    var events: [ProposedEvent] = []
    var people: [Person] = []

    init(seed: UInt64, people count: Int = 80) throws {
        var random = GeneratedHistory.Random(seed: seed)
        func pick<T>(_ options: [T]) -> T { options[random.below(options.count)] }
        func day(_ offset: Int) -> String {
            String(Timestamp(microsecondsSinceEpoch: (1_767_225_600 + Int64(offset) * 86_400) * 1_000_000).occurredAtText.prefix(10)) // from 2026-01-01
        }
        var events: [ProposedEvent] = []
        func add(_ stream: String, _ type: String, _ data: String) throws {
            events.append(try ProposedEvent(stream: stream, type: type, occurredAt: "2026-01-01T08:00:00Z", data: data))
        }
        try add(Self.project, "project.registered", #"{"projectCode":"G2","name":"ESR generated","funder":"ESR+","startDate":"2026-01-01","endDate":"2027-12-31","costModel":"flat-rate-40","selfFinancingPercent":20}"#)
        let activities = ["activity-esr-a", "activity-esr-b", "activity-esr-c"]
        for (index, activity) in activities.enumerated() {
            try add(activity, "activity.created", #"{"project":"\#(Self.project)","name":"Group \#(index)","kind":"closed-peer-group","targetGroup":"parents","municipality":"Forssa"}"#)
        }
        // An activity of another project: its participants must not count.
        try add("project-other", "project.registered", #"{"projectCode":"O","name":"Other","funder":"STEA","startDate":"2026-01-01","endDate":"2027-12-31","costModel":"real-costs","selfFinancingPercent":0}"#)
        try add("activity-other", "activity.created", #"{"project":"project-other","name":"Other","kind":"camp","targetGroup":"parents","municipality":"Forssa"}"#)

        let answers: [String: [String]] = [
            "labourMarketStatus": ["unemployed", "long-term-unemployed", "inactive", "employed", "not-collected", "refused"],
            "educationLevel": ["isced-0-2", "isced-3-4", "isced-5-8", "not-collected", "refused"],
        ]
        // Ages on both sides of every boundary of the indicators.
        let ages = [12, 17, 18, 23, 29, 30, 41, 54, 55, 67]
        for number in 0..<count {
            let id = "p-esr\(number)"
            let gender = pick(["woman", "man", "non-binary", "not-told"])
            // The age at the first entry (in 2026, before the birthday) fixes the birth year; later
            // entries are as old as the years since make them.
            let birthYear = 2026 - pick(ages) - 1
            try add("participant-\(id)", "participant.registered", #"{"participant":"\#(id)","roles":["parent"],"gender":"\#(gender)","birthYear":\#(birthYear),"municipality":"Forssa"}"#)
            // One to three enrolments; each starts after the one before has ended.
            var day0 = random.below(300)
            var person: Person?
            for enrolment in 0..<(1 + random.below(3)) {
                let activity = enrolment == 0 ? pick(activities + ["activity-other"]) : pick(activities)
                var entry: [String: String] = [:]
                for field in Self.answerFields { entry[field] = pick(answers[field] ?? ["yes", "no", "not-collected", "refused"]) }
                let age = (Int(day(day0).prefix(4)) ?? 2026) - birthYear - 1
                let json = Self.answerFields.map { #""\#($0)":"\#(entry[$0] ?? "")""# }.joined(separator: ",")
                try add("participant-\(id)", "enrolment.started", #"{"participant":"\#(id)","activity":"\#(activity)","date":"\#(day(day0))","entry":{"ageAtEntry":\#(age),\#(json)}}"#)
                if activity != "activity-other" {
                    if person == nil { person = Person(id: id, gender: gender, firstEntry: (day(day0), age, entry)) }
                    person?.episodes.append((day(day0), nil, nil))
                }
                guard random.chance(70) else { break }
                day0 += 5 + random.below(80)
                var exit: [String: String]?
                if random.chance(80) {
                    var values: [String: String] = [:]
                    for field in Self.exitFields { values[field] = pick(["yes", "no", "no", "not-collected", "refused"]) }
                    exit = values
                }
                let exitJSON = exit.map { values in #","exit":{"# + Self.exitFields.map { #""\#($0)":"\#(values[$0] ?? "")""# }.joined(separator: ",") + "}" } ?? ""
                try add("participant-\(id)", "enrolment.ended", #"{"participant":"\#(id)","activity":"\#(activity)","date":"\#(day(day0))","outcome":"\#(pick(["completed", "dropped-out", "graduated"]))"\#(exitJSON)}"#)
                if activity != "activity-other", let last = person?.episodes.indices.last {
                    person?.episodes[last].end = day(day0)
                    person?.episodes[last].exit = exit
                }
                day0 += 1 + random.below(30)
            }
            if let person { people.append(person) }
        }
        self.events = events
    }
}
