import EventStore
import Foundation
import Ledger

/// What the coordinator's forms and a group's schedule form record: the same events as the
/// recording commands, through the same validated path, with the user in `meta.actor`.
extension LedgerService {
    /// What a form recorded: the id people go on with (a new participant's or engagement's, else
    /// the one the form was about).
    struct Recorded: Sendable {
        let id: String

        init(id: String) {
            self.id = id
        }

        /// The answer a form's request gave when it recorded `events`, given again when the same
        /// request comes back with its key: the id the form's data named, or the new one it made.
        init(_ form: RecordingForm, replaying events: [RecordedEvent]) {
            let first = events.first
            let data = first.flatMap { try? JSONParser.parse($0.data) }
            func member(_ name: String) -> String { data?[name]?.stringValue ?? "" }
            switch form {
            case .participant, .signUp, .start, .end, .expert, .consent, .fit: id = member("participant")
            case .engagement, .complete, .cancel, .fee, .travel, .perDiem: id = member("engagement")
            case .survey: id = member("survey")
            case .bikvaStage, .bikvaApproval, .bikvaFollowUp: id = member("evaluation")
            case .staffTime, .cost: id = member("project")
            case .project, .activity: id = first?.stream ?? ""
            case .void: id = member("eventId")
            case .feedback:
                let sealed = data.flatMap { try? SealedValue.all(in: $0).first?.sealed.subject.text }
                id = sealed ?? first?.stream ?? ""
            }
        }
    }

    /// Records what the form's data make. Throws `LedgerRefusal` for what the schema or the rules
    /// refuse (nothing is recorded then), `Refusal.badForm` for a form that cannot be an event.
    func record(_ form: RecordingForm, _ data: [String: JSONValue], actor: String, today: String, key: IdempotencyKey? = nil) async throws -> Recorded {
        if let replayed = try replayed(key, actor: actor) { return Recorded(form, replaying: replayed) }
        func text(_ name: String) -> String { data[name]?.stringValue ?? "" }
        func members(_ names: [String], extra: [(String, JSONValue?)] = []) -> JSONValue {
            .object(omittingNil: names.map { ($0, data[$0]) } + extra)
        }
        switch form {
        case .participant:
            return try await registerParticipant(data, actor: actor, key: key)
        case .signUp, .start, .end:
            let type = ["sign-up": "enrolment.signed-up", "start": "enrolment.started", "end": "enrolment.ended"][form.rawValue] ?? ""
            var exit = data["exit"]
            // Exit data are all given or none: those left empty were not collected.
            if case let .object(given)? = exit {
                let keys = ["jobSearching", "inEducationOrTraining", "gainedQualification", "employed"]
                exit = .object(keys.map { key in (key, given.first { $0.key == key }?.value ?? .string("not-collected")) })
            }
            try await record([Draft(stream: "participant-\(text("participant"))", type: type,
                              data: members(["participant", "activity", "date", "entry", "outcome"], extra: [("exit", exit)]),
                              day: text("date"))], actor: actor, key: key)
            return Recorded(id: text("participant"))
        case .expert:
            try await record([Draft(stream: "participant-\(text("participant"))", type: "expert.registered",
                              data: members(["participant", "alias", "anonymous", "training", "date"]), day: text("date"))], actor: actor, key: key)
            return Recorded(id: text("participant"))
        case .engagement:
            guard let id = try store.unusedIdentifier(prefix: "e", stream: { "engagement-\($0)" }) else { throw Refusal.busy }
            try await record([Draft(stream: "engagement-\(id)", type: "engagement.agreed",
                              data: members(["expert", "project", "activity", "kind", "date", "plannedHours", "agreedFeeCents", "mode"],
                                            extra: [("engagement", .string(id))]),
                              day: text("date"))], actor: actor, key: key)
            return Recorded(id: id)
        case .complete, .cancel, .fee:
            let type = ["complete": "engagement.completed", "cancel": "engagement.cancelled", "fee": "fee.paid"][form.rawValue] ?? ""
            try await record([Draft(stream: "engagement-\(text("engagement"))", type: type,
                              data: members(["engagement", "date", "hours", "reason", "amountCents"]), day: text("date"))], actor: actor, key: key)
            return Recorded(id: text("engagement"))
        case .travel:
            try await record([try travel(data)], actor: actor, key: key)
            return Recorded(id: text("engagement"))
        case .perDiem:
            try await record([try perDiem(data)], actor: actor, key: key)
            return Recorded(id: text("engagement"))
        case .consent:
            let withdrawn: JSONValue? = data["withdrawn"] == .bool(true) ? .bool(true) : nil
            try await record([Draft(stream: "participant-\(text("participant"))", type: "participant.consent-recorded",
                              data: members(["participant", "scope", "givenBy", "date"], extra: [("withdrawn", withdrawn)]), day: text("date"))],
                       actor: actor, key: key)
            return Recorded(id: text("participant"))
        case .fit:
            guard case let .object(items)? = data["items"] else { throw Refusal.badForm }
            let scores = ["1", "2", "3", "4"].compactMap { number in items.first { $0.key == number }?.value }
            try await record([Draft(stream: "participant-\(text("participant"))", type: "feedback.fit-recorded",
                              data: members(["participant", "activity", "session", "instrument", "date"], extra: [("items", .array(scores))]),
                              day: text("date"))], actor: actor, key: key)
            return Recorded(id: text("participant"))
        case .feedback:
            return try await feedback(data, actor: actor, key: key)
        case .survey:
            let answers = try text("answers").split(whereSeparator: \.isNewline).compactMap { line -> JSONValue? in
                let line = line.trimmingCharacters(in: .whitespaces)
                guard !line.isEmpty else { return nil }
                guard let split = line.lastIndex(where: { $0 == ":" || $0 == "=" }),
                      let score = Int(line[line.index(after: split)...].trimmingCharacters(in: .whitespaces))
                else { throw Refusal.surveyAnswers }
                return .object([("item", .string(line[..<split].trimmingCharacters(in: .whitespaces))), ("score", .number(String(score)))])
            }
            guard !answers.isEmpty else { throw Refusal.surveyAnswers }
            try await record([Draft(stream: "survey-\(text("survey"))", type: "survey.answered",
                              data: members(["survey", "project", "wave", "respondentGroup", "date", "scale"], extra: [("answers", .array(answers))]),
                              day: text("date"))], actor: actor, key: key)
            return Recorded(id: text("survey"))
        case .bikvaStage:
            let themes: [BIKVAThemes.Theme]
            do { themes = try BIKVAThemes.markdown(text("themes")) } catch { throw Refusal.bikvaThemes }
            guard !themes.isEmpty else { throw Refusal.bikvaThemes }
            try await record([Draft(stream: "bikva-\(text("evaluation"))", type: "bikva.stage-recorded",
                              data: members(["evaluation", "project", "stage", "date", "groupSize"], extra: [("themes", .array(themes.map(\.json)))]),
                              day: text("date"))], actor: actor, key: key)
            return Recorded(id: text("evaluation"))
        case .bikvaApproval, .bikvaFollowUp:
            let type = form == .bikvaApproval ? "bikva.wording-approved" : "bikva.change-followed-up"
            try await record([Draft(stream: "bikva-\(text("evaluation"))", type: type,
                              data: members(["evaluation", "stage", "theme", "status", "date", "note"]), day: text("date"))], actor: actor, key: key)
            return Recorded(id: text("evaluation"))
        case .staffTime:
            try await record([Draft(stream: text("project"), type: "staff.time-logged",
                              data: members(["staffMember", "project", "activity", "date", "hours", "hourlyCostCents"]), day: text("date"))],
                       actor: actor, key: key)
            return Recorded(id: text("project"))
        case .cost:
            try await record([Draft(stream: text("project"), type: "cost.incurred",
                              data: members(["project", "activity", "date", "category", "amountCents", "description"]), day: text("date"))],
                       actor: actor, key: key)
            return Recorded(id: text("project"))
        case .project:
            let id = "project-" + text("projectCode").lowercased().filter { $0.isLetter || $0.isNumber || $0 == "-" }
            try await record([Draft(stream: id, type: "project.registered", data: members([
                "projectCode", "name", "funder", "fundingProgramme", "region", "startDate", "endDate", "costModel", "selfFinancingPercent",
            ]), day: text("startDate"))], actor: actor, key: key)
            return Recorded(id: id)
        case .activity:
            guard let id = try store.unusedIdentifier(prefix: "activity") else { throw Refusal.busy }
            try await record([Draft(stream: id, type: "activity.created", data: members([
                "project", "name", "kind", "targetGroup", "municipality", "plannedSessions", "facilitators", "workPackage",
            ]), day: text("date"))], actor: actor, key: key)
            return Recorded(id: id)
        case .void:
            let matches = try store.read { try $0.events(withIdStarting: text("eventId").lowercased(), limit: 2) }
            guard matches.count == 1, let target = matches.first else { throw Refusal.noSuchEvent }
            try await record([Draft(stream: target.stream, type: "entry.voided",
                              data: .object([("eventId", .string(target.eventId)), ("reason", data["reason"] ?? .string(""))]), day: today)],
                       actor: actor, key: key)
            return Recorded(id: target.eventId)
        }
    }

    /// Client feedback: the rating and themes in clear, the free text sealed — for the
    /// participant who gave it, or for a subject of its own (`fb-…`) when it is anonymous, so that
    /// erasing either erases it. A refused answer leaves no key made for it behind.
    private func feedback(_ data: [String: JSONValue], actor: String, key: IdempotencyKey?) async throws -> Recorded {
        let activity = data["activity"]?.stringValue ?? ""
        let themes = data["themes"]?.stringValue.map { text in
            JSONValue.array(text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.map(JSONValue.string))
        }
        let inClear: [(String, JSONValue?)] = [
            ("activity", .string(activity)), ("participant", data["participant"]), ("date", data["date"]), ("rating", data["rating"]),
            ("themes", themes),
        ]
        let type = "feedback.given"
        let day = data["date"]?.stringValue ?? ""
        guard let text = data["text"] else {
            try await record([Draft(stream: activity, type: type, data: .object(omittingNil: inClear), day: day)], actor: actor, key: key)
            return Recorded(id: activity)
        }
        try catalogue.checkAgainstLatest(type, .object(omittingNil: inClear))
        let subjectText: String
        if let participant = data["participant"]?.stringValue {
            subjectText = participant
        } else {
            guard let id = try store.unusedIdentifier(prefix: "fb", stream: { "subject-\($0)" }) else { throw Refusal.busy }
            subjectText = id
        }
        _ = try await PersonalData(store: store, keyStorePath: paths.keyStore, masterKeyPath: paths.masterKey)
            .sealing(.object([("text", text)]), for: try SubjectID(subjectText)) { sealed async throws in
                try await record([Draft(stream: activity, type: type, data: .object(omittingNil: inClear + [("text", sealed.json)]), day: day)],
                           actor: actor, key: key)
            }
        return Recorded(id: subjectText)
    }

    /// A participant under a new pseudonymous id: the fields named `personal.…` are sealed with
    /// a key of their own, the birth year stands in clear. What stands in clear is checked against
    /// the schema before a key is made, so a refused registration leaves no key behind.
    private func registerParticipant(_ data: [String: JSONValue], actor: String, key: IdempotencyKey?) async throws -> Recorded {
        guard case let .object(personal)? = data["personal"] else { throw Refusal.badForm }
        let birthDate = personal.first { $0.key == "birthDate" }?.value.stringValue ?? ""
        let registeredOn = data["registeredOn"]?.stringValue ?? ""
        guard let year = Int(birthDate.prefix(4)), birthDate <= registeredOn else { throw Refusal.badForm }
        guard let id = try store.unusedIdentifier(prefix: "p", stream: { "participant-\($0)" }) else { throw Refusal.busy }
        let inClear: [(String, JSONValue?)] = [
            ("participant", .string(id)), ("roles", data["roles"]), ("gender", data["gender"]), ("birthYear", .number(String(year))),
            ("municipality", data["municipality"]), ("registeredOn", .string(registeredOn)),
        ]
        let type = "participant.registered"
        try catalogue.checkAgainstLatest(type, .object(omittingNil: inClear))
        let sealed = try PersonalData(store: store, keyStorePath: paths.keyStore, masterKeyPath: paths.masterKey)
            .seal(.object(personal), for: try SubjectID(id))
        try await record([Draft(stream: "participant-\(id)", type: type, data: .object(omittingNil: inClear + [("personal", sealed.json)]),
                          day: registeredOn)], actor: actor, key: key)
        return Recorded(id: id)
    }

    /// The day of the engagement's trip — the day the work was done — whose rates a payment
    /// takes; `Refusal.notFound` for no such engagement.
    private func tripDay(of engagement: String) throws -> String {
        guard let day = try store.read({ try StandingEvents.workDay(ofEngagement: engagement, in: $0) }) else { throw Refusal.notFound }
        return day
    }

    /// A per diem of the kind at the rate in force on the day of the trip (the work's), for the days given.
    private func perDiem(_ data: [String: JSONValue]) throws -> Draft {
        let engagement = data["engagement"]?.stringValue ?? ""
        guard let kind = data["kind"]?.stringValue.flatMap(PerDiemPaid.Kind.init(rawValue:)),
              let days = data["days"]?.integerValue.map({ Int($0) }) else { throw Refusal.badForm }
        guard let rate = PerDiem.rate(on: try tripDay(of: engagement)) else { throw Refusal.noPerDiemRate }
        guard let cents = PerDiem.cents(days: days, centsPerDay: rate.cents(kind)) else { throw Refusal.badForm }
        return Draft(stream: "engagement-\(engagement)", type: "per-diem.paid", data: .object(omittingNil: [
            ("engagement", .string(engagement)), ("date", data["date"]), ("kind", .string(kind.rawValue)), ("days", .number(String(days))),
            ("centsPerDay", .number(String(rate.cents(kind)))), ("amountCents", .number(String(cents))),
        ]), day: data["date"]?.stringValue ?? "")
    }

    /// Travel: kilometres at the allowance in force on the day of the trip (the work's), or ticket costs.
    private func travel(_ data: [String: JSONValue]) throws -> Draft {
        let engagement = data["engagement"]?.stringValue ?? ""
        var members: [(String, JSONValue?)] = [("engagement", .string(engagement)), ("date", data["date"])]
        switch (data["kilometres"], data["ticketCents"]) {
        case let (kilometres?, nil):
            guard let allowance = KilometreAllowance.rate(on: try tripDay(of: engagement)), case let .number(literal) = kilometres, let km = DecimalNumber(literal) else {
                throw Refusal.noAllowance
            }
            guard let cents = KilometreAllowance.cents(kilometres: km, centsPerKm: allowance.centsPerKm) else { throw Refusal.badForm }
            members += [("kilometres", kilometres), ("centsPerKm", .number(String(allowance.centsPerKm))), ("amountCents", .number(String(cents)))]
        case let (nil, tickets?):
            members += [("ticketCents", tickets), ("amountCents", tickets)]
        default:
            throw Refusal.badForm
        }
        return Draft(stream: "engagement-\(engagement)", type: "travel.reimbursed", data: .object(omittingNil: members),
                     day: data["date"]?.stringValue ?? "")
    }

    /// Plans a session of the activity under the next unused id (`s1`, `s2`, … after every id the
    /// activity has used, voided ones too); returns the id. `Refusal.badForm` for a day, length
    /// (1–1440 minutes), start (HH:MM) or place (at most 500 characters) out of form.
    func schedule(activity: String, date: String, durationMinutes: Int, startTime: String?, location: String?, actor: String,
                  key: IdempotencyKey? = nil) async throws -> String {
        if let replayed = try replayed(key, actor: actor) { return replayed.first.flatMap { try? JSONParser.parse($0.data)["session"]?.stringValue } ?? "" }
        guard Day.isDay(date), (1...1440).contains(durationMinutes), startTime.map(Self.isTimeOfDay) ?? true,
              (location?.count ?? 0) <= RecordingField.longestText
        else { throw Refusal.badForm }
        let id = try ActivitySessions.read(activity, in: store).nextID
        try await record([Draft(stream: activity, type: "session.scheduled", data: .object(omittingNil: [
            ("session", .string(id)), ("date", .string(date)), ("startTime", startTime.map(JSONValue.string)),
            ("durationMinutes", .number(String(durationMinutes))), ("location", location.map(JSONValue.string)),
        ]), day: date)], actor: actor, key: key)
        return id
    }

    /// HH:MM on a 24-hour clock.
    static func isTimeOfDay(_ text: String) -> Bool {
        let parts = text.split(separator: ":")
        guard text.count == 5, parts.count == 2, let hours = Int(parts[0]), let minutes = Int(parts[1]) else { return false }
        return (0...23).contains(hours) && (0...59).contains(minutes)
    }
}
