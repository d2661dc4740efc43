import EventStore

/// The state entry by entry, as `RulesStateStore` keeps it between processes: each entry's value
/// as JSON, nil when the state holds nothing under its key.
extension ProgrammeState {
    func value(of key: StateKey) -> JSONValue? {
        switch key {
        case let .project(stream):
            return projects[stream].map { .array([.string($0.start), .string($0.end)]) }
        case let .activity(stream):
            return activities[stream].map { .string($0) }
        case let .heldSession(activity, session):
            return heldSessions[activity]?[session].map { .string($0) }
        case let .participant(id):
            return participants[id].map { .number(String($0)) }
        case let .enrolments(participant, activity):
            guard let list = enrolments[participant]?[activity] else { return nil }
            return .array(list.map { enrolment in
                .array([.string(enrolment.from), .bool(enrolment.started), enrolment.ended.map { .string($0) } ?? .null])
            })
        case let .expert(id):
            return experts.contains(id) ? .bool(true) : nil
        case let .engagement(id):
            guard let engagement = engagements[id] else { return nil }
            return .array([
                .string(engagement.expert), .string(engagement.project), .bool(engagement.inPerson), .number(String(engagement.agreedFeeCents)),
                .bool(engagement.completed), .bool(engagement.cancelled), .bool(engagement.feePaid), .bool(engagement.travelReimbursed),
                .bool(engagement.perDiemPaid),
            ])
        case let .evaluation(id):
            guard let stages = evaluations[id] else { return nil }
            return .array(stages.keys.sorted().compactMap { number in
                stages[number].map { .array([.number(String(number)), .string($0.date), .array($0.agreedChanges.sorted().map(JSONValue.string))]) }
            })
        case let .survey(id):
            return surveys[id].map { .array([.number(String($0.min)), .number(String($0.max))]) }
        case let .user(name):
            guard let roles = users[name] else { return nil }
            return .array(roles.keys.sorted().compactMap { role in
                roles[role].map { .array([.string(role.rawValue), .array($0.sorted().map(JSONValue.string))]) }
            })
        case let .voided(eventId):
            return voided.contains(eventId) ? .bool(true) : nil
        }
    }

    /// Sets the entry under `key` from a value `value(of:)` gave (nil removes it). A value of
    /// another shape (a state written by other code) is taken as absent.
    mutating func set(_ value: JSONValue?, of key: StateKey) {
        switch key {
        case let .project(stream):
            guard case let .array(dates)? = value, dates.count == 2, let start = dates[0].stringValue, let end = dates[1].stringValue else {
                projects[stream] = nil
                return
            }
            projects[stream] = Period(start: start, end: end)
        case let .activity(stream):
            activities[stream] = value?.stringValue
        case let .heldSession(activity, session):
            heldSessions[activity, default: [:]][session] = value?.stringValue
            if heldSessions[activity]?.isEmpty == true { heldSessions[activity] = nil }
        case let .participant(id):
            participants[id] = value?.integerValue.map { Int($0) }
        case let .enrolments(participant, activity):
            let list: [Enrolment]? = if case let .array(items)? = value {
                items.compactMap { item in
                    guard case let .array(fields) = item, fields.count == 3, let from = fields[0].stringValue,
                          case let .bool(started) = fields[1] else { return nil }
                    return Enrolment(from: from, started: started, ended: fields[2].stringValue)
                }
            } else {
                nil
            }
            enrolments[participant, default: [:]][activity] = list
            if enrolments[participant]?.isEmpty == true { enrolments[participant] = nil }
        case let .expert(id):
            if value == .bool(true) { experts.insert(id) } else { experts.remove(id) }
        case let .engagement(id):
            guard case let .array(fields)? = value, fields.count == 9, let expert = fields[0].stringValue, let project = fields[1].stringValue,
                  case let .bool(inPerson) = fields[2], let fee = fields[3].integerValue,
                  case let .bool(completed) = fields[4], case let .bool(cancelled) = fields[5],
                  case let .bool(feePaid) = fields[6], case let .bool(travelReimbursed) = fields[7],
                  case let .bool(perDiemPaid) = fields[8]
            else {
                engagements[id] = nil
                return
            }
            engagements[id] = Engagement(
                expert: expert, project: project, inPerson: inPerson, agreedFeeCents: Int(fee), completed: completed, cancelled: cancelled,
                feePaid: feePaid, travelReimbursed: travelReimbursed, perDiemPaid: perDiemPaid)
        case let .evaluation(id):
            var stages: [Int: BIKVAStage] = [:]
            if case let .array(items)? = value {
                for item in items {
                    guard case let .array(fields) = item, fields.count == 3, let number = fields[0].integerValue,
                          let date = fields[1].stringValue, case let .array(themes) = fields[2] else { continue }
                    stages[Int(number)] = BIKVAStage(date: date, agreedChanges: Set(themes.compactMap(\.stringValue)))
                }
            }
            evaluations[id] = stages.isEmpty ? nil : stages
        case let .survey(id):
            guard case let .array(bounds)? = value, bounds.count == 2, let min = bounds[0].integerValue, let max = bounds[1].integerValue else {
                surveys[id] = nil
                return
            }
            surveys[id] = Scale(min: Int(min), max: Int(max))
        case let .user(name):
            var roles: [UserRole: Set<String>] = [:]
            if case let .array(items)? = value {
                for item in items {
                    guard case let .array(fields) = item, fields.count == 2, let role = fields[0].stringValue.flatMap(UserRole.init(rawValue:)),
                          case let .array(activities) = fields[1] else { continue }
                    roles[role] = Set(activities.compactMap(\.stringValue))
                }
            }
            users[name] = roles.isEmpty ? nil : roles
        case let .voided(eventId):
            if value == .bool(true) { voided.insert(eventId) } else { voided.remove(eventId) }
        }
    }

    /// Every key the state holds something under.
    var keys: [StateKey] {
        var keys: [StateKey] = projects.keys.map { .project($0) } + activities.keys.map { .activity($0) }
        for (activity, sessions) in heldSessions {
            keys += sessions.keys.map { .heldSession(activity: activity, session: $0) }
        }
        keys += participants.keys.map { .participant($0) }
        for (participant, activities) in enrolments {
            keys += activities.keys.map { .enrolments(participant: participant, activity: $0) }
        }
        keys += experts.map { .expert($0) } + engagements.keys.map { .engagement($0) } + voided.map { .voided(eventId: $0) }
        keys += evaluations.keys.map { .evaluation($0) } + surveys.keys.map { .survey($0) } + users.keys.map { .user($0) }
        return keys
    }
}
