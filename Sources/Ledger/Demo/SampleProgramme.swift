import EventStore

/// A small, fictional programme for `tuki demo`: one ESR+ project, one closed peer group for
/// parents of placed children, its first sessions and who came. Participants are registered under
/// pseudonymous ids; their (made-up) names stand only inside sealed values.
public enum SampleProgramme {
    public static let projectStream = "project-tukidemo-2026"
    public static let activityStream = "activity-tahka-forssa-2026"
    public static let participants = ["p-7k2m", "p-9x4d", "p-3q8w", "p-5n1c"]
    private static let fictionalNames = ["Aino Esimerkki", "Eero Esimerkki", "Helmi Malli", "Onni Malli"]

    /// Seals a subject's personal fields; the caller owns the keys (see `PersonalData`).
    public typealias Sealer = (_ fields: JSONValue, _ subject: SubjectID) throws -> JSONValue

    /// The sample history, in the order it is recorded.
    public static func events(actor: String, seal: Sealer) throws -> [ProposedEvent] {
        var builder = Builder(actor: actor)
        try builder.add(projectStream, "project.registered", "2026-01-05T08:00:00Z", [
            "projectCode": .string("S30999"), "name": .string("Tuki demo project"),
            "funder": .string("ESR+"), "fundingProgramme": .string("Uudistuva ja osaava Suomi 2021–2027"),
            "startDate": .string("2026-01-01"), "endDate": .string("2027-12-31"),
            "costModel": .string("flat-rate-40"), "selfFinancingPercent": .number("20"),
        ])
        try builder.add(activityStream, "activity.created", "2026-01-12T09:00:00Z", [
            "project": .string(projectStream), "name": .string("Tähkä-ryhmä Forssa"),
            "kind": .string("closed-peer-group"), "targetGroup": .string("parents-of-placed-children"),
            "municipality": .string("Forssa"), "plannedSessions": .number("8"),
        ])
        for (index, pseudonym) in participants.enumerated() {
            let personal = try seal(.object([
                (key: "name", value: .string(fictionalNames[index])),
                (key: "phone", value: .string("040 000 000\(index)")),
            ]), try SubjectID(pseudonym))
            try builder.add("participant-\(pseudonym)", "participant.registered", "2026-01-20T10:0\(index):00Z", [
                "participant": .string(pseudonym), "roles": .array([.string("parent")]),
                "gender": .string(index % 2 == 0 ? "woman" : "man"), "birthYear": .number(String(1984 + index * 3)),
                "municipality": .string(index == 3 ? "Jokioinen" : "Forssa"), "personal": personal,
            ])
        }
        for pseudonym in participants {
            try builder.add("participant-\(pseudonym)", "enrolment.signed-up", "2026-01-25T12:00:00Z", [
                "participant": .string(pseudonym), "activity": .string(activityStream), "date": .string("2026-01-25"),
            ])
            try builder.add("participant-\(pseudonym)", "enrolment.started", "2026-02-03T17:00:00Z", [
                "participant": .string(pseudonym), "activity": .string(activityStream), "date": .string("2026-02-03"),
                "entry": .object([
                    (key: "ageAtEntry", value: .number("40")), (key: "labourMarketStatus", value: .string("employed")),
                    (key: "educationLevel", value: .string("isced-3-4")), (key: "disability", value: .string("not-collected")),
                    (key: "thirdCountNational", value: .string("no")), (key: "foreignBackground", value: .string("no")),
                    (key: "minority", value: .string("not-collected")), (key: "homelessOrHousingExclusion", value: .string("no")),
                    (key: "ruralArea", value: .string("no")),
                ]),
            ])
        }
        let sessions = [("2026-02-03", "17:00:00"), ("2026-02-10", "17:00:00"), ("2026-02-17", "17:00:00")]
        for (number, (date, time)) in sessions.enumerated() {
            let session = "s\(number + 1)"
            try builder.add(activityStream, "session.held", "\(date)T\(time)Z", schemaVersion: 2, [
                "session": .string(session), "date": .string(date), "durationMinutes": .number("120"),
                "location": .string("Forssa family centre"), "format": .string("in-person"),
            ])
            for (index, pseudonym) in participants.enumerated() {
                // Everyone comes to the first session; afterwards one is excused and one absent.
                let status = number == 0 ? "present" : index == 1 ? "excused" : index == 3 && number == 2 ? "absent" : "present"
                try builder.add(activityStream, "attendance.recorded", "\(date)T\(time)Z", [
                    "session": .string(session), "participant": .string(pseudonym), "status": .string(status),
                ])
            }
        }
        return builder.events
    }

    private struct Builder {
        let actor: String
        var events: [ProposedEvent] = []
        var versions: [String: Int64] = [:]

        mutating func add(
            _ stream: String, _ type: String, _ occurredAt: String, schemaVersion: Int64 = 1,
            _ data: KeyValuePairs<String, JSONValue>
        ) throws {
            let version = versions[stream, default: 0]
            events.append(try ProposedEvent(
                eventId: EventID(parsing: Self.sampleEventID(events.count + 1)),
                stream: StreamName(stream),
                type: EventType(type),
                schemaVersion: schemaVersion,
                occurredAt: Timestamp(rfc3339: occurredAt),
                expectedVersion: version,
                data: .object(data.map { (key: $0.key, value: $0.value) }),
                meta: .object([(key: "actor", value: .string(actor))])
            ))
            versions[stream] = version + 1
        }

        /// Recognisable, fixed ids for the sample: 00000000-0000-4000-8000-0000000000NN.
        static func sampleEventID(_ number: Int) -> String {
            let digits = String(number)
            return "00000000-0000-4000-8000-" + String(repeating: "0", count: 12 - digits.count) + digits
        }
    }
}
