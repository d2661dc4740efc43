import Samples
import EventStore
import Foundation

/// A reproducible random programme that the ledger's rules accept: activities whose sessions are
/// scheduled, held or cancelled, participants who sign up, start, drop out or graduate, attendance
/// with corrections, and voids — the activities' events interleaved at random.
struct GeneratedHistory {
    typealias Random = SeededRandom

    /// An event before it is recorded. `tick` orders it: ten ticks a day from 2026-01-05, so that
    /// on one day sign-ups come before sessions, sessions before attendance, attendance before ends.
    private struct Planned {
        let tick: Int
        let stream: String
        let type: String
        let schemaVersion: Int64
        let data: String
        var id = EventID.random().text
    }

    /// The events in recording order.
    let events: [ProposedEvent]

    init(seed: UInt64, activities activityCount: Int = 4, participants participantCount: Int = 24) throws {
        var random = Random(seed: seed)
        var opening: [Planned] = [Planned(tick: 0, stream: "project-gen", type: "project.registered", schemaVersion: 1, data: """
            {"projectCode":"G1","name":"Generated","funder":"ESR+","startDate":"2026-01-01","endDate":"2027-12-31","costModel":"flat-rate-40","selfFinancingPercent":20}
            """)]
        let participants = (0..<participantCount).map { "p-g\($0)" }
        var birthYears: [String: Int] = [:]
        for id in participants {
            let gender = ["woman", "man", "non-binary", "not-told"][random.below(4)]
            birthYears[id] = 1960 + random.below(40)
            opening.append(Planned(tick: 0, stream: "participant-\(id)", type: "participant.registered", schemaVersion: 1, data: """
                {"participant":"\(id)","roles":["parent"],"gender":"\(gender)","birthYear":\(birthYears[id] ?? 1980),"municipality":"Forssa"}
                """))
        }
        var perActivity: [[Planned]] = []
        var voidable: [Planned] = []
        for index in 0..<activityCount {
            let activity = "activity-gen-\(index)"
            let kind = ["closed-peer-group", "training-cohort", "open-event"][index % 3]
            var list = [Planned(tick: 10, stream: activity, type: "activity.created", schemaVersion: 1, data: """
                {"project":"project-gen","name":"Group \(index)","kind":"\(kind)","targetGroup":"parents","municipality":"Forssa"}
                """)]
            // Enrolments: sign up in the first days, most start, some end early.
            var enrolled: [(id: String, from: Int, until: Int?)] = []
            for id in participants where random.chance(40) {
                let signUp = 2 + random.below(10)
                list.append(Planned(tick: signUp * 10, stream: "participant-\(id)", type: "enrolment.signed-up", schemaVersion: 1,
                                    data: #"{"participant":"\#(id)","activity":"\#(activity)","date":"\#(Self.date(signUp))"}"#))
                var until: Int?
                if random.chance(85) {
                    let start = signUp + random.below(4)
                    list.append(Planned(tick: start * 10, stream: "participant-\(id)", type: "enrolment.started", schemaVersion: 1, data: """
                        {"participant":"\(id)","activity":"\(activity)","date":"\(Self.date(start))","entry":{"ageAtEntry":\(2025 - (birthYears[id] ?? 1985)),"labourMarketStatus":"employed","educationLevel":"isced-3-4","disability":"no","thirdCountNational":"no","foreignBackground":"no","minority":"no","homelessOrHousingExclusion":"no","ruralArea":"no"}}
                        """))
                    if random.chance(50) {
                        let end = start + 10 + random.below(90)
                        until = end
                        let outcome = random.chance(50) ? "dropped-out" : "graduated"
                        // The end day is still enrolled: its end comes after that day's attendance.
                        list.append(Planned(tick: end * 10 + 9, stream: "participant-\(id)", type: "enrolment.ended", schemaVersion: 1, data: """
                            {"participant":"\(id)","activity":"\(activity)","date":"\(Self.date(end))","outcome":"\(outcome)"}
                            """))
                    }
                }
                enrolled.append((id, signUp, until))
            }
            for number in 1...(6 + random.below(10)) {
                let day = 14 + number * 7
                let session = "s\(number)"
                let fate = random.below(10)
                if fate < 3 {
                    list.append(Planned(tick: (day - 7) * 10, stream: activity, type: "session.scheduled", schemaVersion: 1,
                                        data: #"{"session":"\#(session)","date":"\#(Self.date(day))","durationMinutes":120}"#))
                }
                if fate == 0 { continue }
                if fate == 1 {
                    let cancelled = Planned(tick: day * 10 + 2, stream: activity, type: "session.cancelled", schemaVersion: 1,
                                            data: #"{"session":"\#(session)","date":"\#(Self.date(day))"}"#)
                    list.append(cancelled)
                    voidable.append(cancelled)
                    continue
                }
                let headcount = kind == "open-event" ? #","headcount":\#(random.below(30))"# : ""
                list.append(Planned(tick: day * 10 + 2, stream: activity, type: "session.held", schemaVersion: 2, data: """
                    {"session":"\(session)","date":"\(Self.date(day))","durationMinutes":\(60 + 30 * random.below(4)),"location":"Forssa","format":"\(["in-person", "remote", "hybrid"][random.below(3)])"\(headcount)}
                    """))
                for person in enrolled where person.from <= day && (person.until.map { day <= $0 } ?? true) {
                    for _ in 0..<(random.chance(15) ? 2 : 1) {
                        let record = Planned(tick: day * 10 + 3, stream: activity, type: "attendance.recorded", schemaVersion: 1, data: """
                            {"session":"\(session)","participant":"\(person.id)","status":"\(["present", "present", "present", "absent", "excused"][random.below(5)])"}
                            """)
                        list.append(record)
                        voidable.append(record)
                    }
                }
            }
            perActivity.append(list.enumerated().sorted { ($0.element.tick, $0.offset) < ($1.element.tick, $1.offset) }.map(\.element))
        }
        // Interleave the activities: repeatedly take the next event of a random activity whose
        // next event is among the earliest days.
        var merged = opening
        var recorded = Set<String>()
        var cursors = Array(repeating: 0, count: perActivity.count)
        while true {
            let candidates = perActivity.indices.filter { cursors[$0] < perActivity[$0].count }
            guard !candidates.isEmpty else { break }
            let earliest = candidates.map { perActivity[$0][cursors[$0]].tick }.min() ?? 0
            let ready = candidates.filter { perActivity[$0][cursors[$0]].tick <= earliest + 150 }
            let pick = ready[random.below(ready.count)]
            merged.append(perActivity[pick][cursors[pick]])
            recorded.insert(perActivity[pick][cursors[pick]].id)
            cursors[pick] += 1
            // Now and then, void an attendance record or a cancellation already recorded.
            if random.chance(3), let target = voidable.filter({ recorded.contains($0.id) }).randomElement(using: &random) {
                voidable.removeAll { $0.id == target.id }
                merged.append(Planned(tick: target.tick, stream: target.stream, type: "entry.voided", schemaVersion: 1,
                                      data: #"{"eventId":"\#(target.id)","reason":"recorded by mistake"}"#))
            }
        }
        events = try merged.map { planned in
            try ProposedEvent(eventId: planned.id, stream: planned.stream, type: planned.type, schemaVersion: planned.schemaVersion,
                              occurredAt: "2026-01-05T12:00:00Z", data: planned.data, meta: #"{"actor":"generator"}"#)
        }
    }

    private static func date(_ day: Int) -> String {
        let seconds = 1_767_571_200 + Int64(day) * 86_400 // 2026-01-05
        return String(Timestamp(microsecondsSinceEpoch: seconds * 1_000_000).occurredAtText.prefix(10))
    }
}

