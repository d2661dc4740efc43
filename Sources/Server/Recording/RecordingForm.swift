import EventStore
import Foundation
import Ledger
import Vocabulary

/// The coordinator's recording forms, by the name in their address (`/record/engagement`): what
/// the recording commands record (`tuki participant register`, `tuki enrol …`, `tuki engagement
/// …`, `tuki pay …`, `tuki fit record`, `tuki void` …), without JSON. Each form's fields are named after the event's data members
/// (`entry.ageAtEntry` is `ageAtEntry` inside `entry`), so a form is a list of typed fields and
/// `LedgerService.record(_:_:actor:)` says what events it makes.
enum RecordingForm: String, CaseIterable, Sendable {
    case participant, consent, signUp = "sign-up", start, end, expert, engagement, complete, cancel, fee, travel, perDiem = "per-diem"
    case fit, feedback, survey, bikvaStage = "bikva-stage", bikvaApproval = "bikva-approval", bikvaFollowUp = "bikva-follow-up"
    case staffTime = "staff-time", cost, project, activity, void

    /// A group's own work, which its facilitators record too: for an activity they run (named in
    /// the form's activity field), as a coordinator does for any.
    var isGroupWork: Bool { self == .fit || self == .feedback }

    /// Whether the recording page shows the form. Those about a person or an engagement are on
    /// the person's page, a FIT rating on the session's sheet, a void beside the entry it voids:
    /// there the person, the engagement or the entry is filled in, and no one types an id. (The
    /// API takes every form.)
    var isOnRecordingPage: Bool {
        ![.signUp, .start, .end, .consent, .expert, .engagement, .complete, .cancel, .fee, .travel, .perDiem, .fit, .void].contains(self)
    }

    /// The fields the recording page shows: client feedback there is anonymous (feedback from
    /// someone named is given on the session's sheet, picked by name).
    var pageFields: [RecordingField] {
        fields.filter { !(self == .feedback && $0.name == "participant") }
    }

    /// The forms the user may fill in: a coordinator's all, a facilitator's those of group work.
    static func forms(for user: SignedInUser) -> [RecordingForm] {
        if user.may(.recording) { return allCases }
        return user.may(.groups) ? allCases.filter(\.isGroupWork) : []
    }

    /// The form the address names, if the user may fill it in: `Refusal.notFound` for no such
    /// form, `Refusal.forbidden` for one the user may not.
    static func named(_ name: String, for user: SignedInUser) throws -> RecordingForm {
        guard let form = RecordingForm(rawValue: name) else { throw Refusal.notFound }
        guard forms(for: user).contains(form) else { throw Refusal.forbidden }
        return form
    }

    var title: Words {
        Catalogue.formTitle(rawValue) ?? Words(rawValue, rawValue)
    }

    /// The form's own label of the data member a refusal names (`data.entry.ageAtEntry`, and
    /// `data.items[1]` as the form numbers it, `items.2`); nil if the form does not show it.
    func label(ofPath path: String) -> Words? {
        var name = path.hasPrefix("data.") ? String(path.dropFirst(5)) : path
        if let open = name.firstIndex(of: "["), let index = Int(name[name.index(after: open)...].prefix { $0.isNumber }) {
            name = "\(name[..<open]).\(index + 1)"
        }
        return fields.first { $0.name == name }?.label
    }

    var fields: [RecordingField] {
        let participant = RecordingField("participant", .identifier)
        let activity = RecordingField("activity", .activity)
        let engagement = RecordingField("engagement", .identifier)
        let date = RecordingField("date", .dayOrToday)
        let evaluation = RecordingField("evaluation", .identifier)
        let answer = Self.values(EnrolmentStarted.Answer.self)
        switch self {
        case .participant:
            return [
                .init("personal.name", .text),
                .init("personal.birthDate", .day),
                .init("gender", .choice(Self.values(ParticipantRegistered.Gender.self))),
                .init("municipality", .text),
                .init("roles", .choices(Self.values(ParticipantRegistered.Role.self))),
                .init("personal.contact", .text, required: false),
                .init("personal.guardian", .text, required: false),
                .init("personal.personalIdentityCode", .text, required: false),
                .init("registeredOn", .dayOrToday),
            ]
        case .signUp: return [participant, activity, date]
        case .start:
            return [participant, activity, date,
                    .init("entry.ageAtEntry", .integer(0...120)),
                    .init("entry.labourMarketStatus", .choice(Self.values(EnrolmentStarted.LabourMarketStatus.self))),
                    .init("entry.educationLevel", .choice(Self.values(EnrolmentStarted.EducationLevel.self))),
                    .init("entry.disability", .choice(answer), default: "not-collected"),
                    .init("entry.thirdCountNational", .choice(answer), default: "not-collected"),
                    .init("entry.foreignBackground", .choice(answer), default: "not-collected"),
                    .init("entry.minority", .choice(answer), default: "not-collected"),
                    .init("entry.homelessOrHousingExclusion", .choice(answer), default: "not-collected"),
                    .init("entry.ruralArea", .choice(answer), default: "not-collected")]
        case .end:
            return [participant, activity, date,
                    .init("outcome", .choice(Self.values(EnrolmentEnded.Outcome.self))),
                    .init("exit.jobSearching", .choice(answer), required: false),
                    .init("exit.inEducationOrTraining", .choice(answer), required: false),
                    .init("exit.gainedQualification", .choice(answer), required: false),
                    .init("exit.employed", .choice(answer), required: false)]
        case .expert:
            return [participant, .init("alias", .text),
                    .init("anonymous", .flag),
                    .init("training", .choice(Self.values(ExpertRegistered.Training.self)), default: "none"), date]
        case .engagement:
            return [.init("expert", .identifier),
                    .init("project", .project), .init("activity", .activity, required: false),
                    .init("kind", .choice(Self.values(EngagementAgreed.Kind.self))), date,
                    .init("plannedHours", .decimal),
                    .init("agreedFeeCents", .euros),
                    .init("mode", .choice(Self.values(EngagementAgreed.Mode.self)), default: "in-person")]
        case .complete: return [engagement, date, .init("hours", .decimal)]
        case .cancel: return [engagement, date, .init("reason", .text, required: false)]
        case .fee:
            return [engagement, date, .init("amountCents", .euros),
                    .init("reason", form: .fee, .text, required: false)]
        case .travel:
            return [engagement, date,
                    .init("kilometres", .decimal, required: false),
                    .init("ticketCents", .euros, required: false)]
        case .perDiem:
            return [engagement, date,
                    .init("kind", form: .perDiem, .choice(Self.values(PerDiemPaid.Kind.self))),
                    .init("days", .integer(1...366), default: "1")]
        case .consent:
            return [participant, .init("scope", .choice(Self.values(ConsentRecorded.Scope.self))),
                    .init("givenBy", .choice(Self.values(ConsentRecorded.GivenBy.self)), default: "self"),
                    .init("withdrawn", .flag), date]
        case .fit:
            return [participant, .init("activity", .activity, required: false),
                    .init("session", .identifier, required: false),
                    .init("instrument", .choice(Self.values(FITRecorded.Instrument.self))),
                    .init("items.1", .decimal), .init("items.2", .decimal),
                    .init("items.3", .decimal), .init("items.4", .decimal), date]
        case .feedback:
            return [.init("activity", .activity), .init("rating", .integer(1...5)),
                    .init("participant", form: .feedback, .identifier, required: false),
                    .init("themes", .text, required: false),
                    .init("text", .longText, required: false), date]
        case .survey:
            return [.init("survey", .identifier),
                    .init("project", .project),
                    .init("wave", .choice(Self.values(SurveyAnswered.Wave.self))),
                    .init("respondentGroup", .choice(Self.values(SurveyAnswered.RespondentGroup.self)), default: "staff"),
                    .init("scale.min", .integer(-100...100)),
                    .init("scale.max", .integer(-100...100)), date,
                    .init("answers", .longText)]
        case .bikvaStage:
            return [evaluation, .init("project", .project),
                    .init("stage", .integer(1...4)),
                    .init("groupSize", .integer(1...100_000)), date,
                    .init("themes", form: .bikvaStage, .longText)]
        case .bikvaApproval:
            return [evaluation, .init("stage", form: .bikvaApproval, .integer(1...4)), date]
        case .bikvaFollowUp:
            return [evaluation, .init("stage", form: .bikvaFollowUp, .integer(1...4)),
                    .init("theme", .text),
                    .init("status", .choice(Self.values(BIKVAChangeFollowedUp.Status.self))),
                    .init("note", .text, required: false), date]
        case .staffTime:
            return [.init("staffMember", .identifier),
                    .init("project", .project), .init("activity", .activity, required: false), date,
                    .init("hours", form: .staffTime, .decimal), .init("hourlyCostCents", .euros)]
        case .cost:
            return [.init("project", .project), .init("activity", .activity, required: false),
                    .init("category", .choice(Self.values(CostIncurred.Category.self))),
                    .init("amountCents", .euros), date,
                    .init("description", .text, required: false)]
        case .project:
            return [.init("projectCode", .code),
                    .init("name", .text), .init("funder", .choice(Self.values(ProjectRegistered.Funder.self))),
                    .init("fundingProgramme", .text, required: false),
                    .init("region", .text, required: false),
                    .init("startDate", .day), .init("endDate", .day),
                    .init("costModel", .choice(Self.values(ProjectRegistered.CostModel.self))),
                    .init("selfFinancingPercent", .decimal)]
        case .activity:
            return [.init("project", .project), .init("name", .text),
                    .init("kind", form: .activity, .choice(Self.values(ActivityCreated.Kind.self))),
                    .init("targetGroup", .choice(Self.values(ActivityCreated.TargetGroup.self))),
                    .init("municipality", form: .activity, .text),
                    .init("plannedSessions", .integer(0...10_000), required: false),
                    .init("facilitators.worker", .identifier, required: false),
                    .init("facilitators.coFacilitator", .identifier, required: false),
                    .init("workPackage", .code, required: false),
                    .init("date", form: .activity, .dayOrToday)]
        case .void:
            return [.init("eventId", .code),
                    .init("reason", form: .void, .text)]
        }
    }

    /// A payload enum's stored values: the one source of a form's choices.
    static func values<Choice: CaseIterable & RawRepresentable<String>>(_ type: Choice.Type) -> [String] {
        type.allCases.map(\.rawValue)
    }

    /// The form's values as event data: each field typed, nested by its dotted name, empty
    /// optional fields left out. Throws `RecordingField.Invalid` naming the first field that is
    /// missing or not of its kind (never its value).
    func data(_ form: FormFields, today: String) throws(RecordingField.Invalid) -> [String: JSONValue] {
        var flat: [(name: String, value: JSONValue)] = []
        for field in fields {
            guard let value = field.value(in: form, today: today) else { throw RecordingField.Invalid(field: field) }
            if let value { flat.append((field.name, value)) }
        }
        var data: [String: JSONValue] = [:]
        var nested: [String: [(key: String, value: JSONValue)]] = [:]
        for (name, value) in flat {
            let parts = name.split(separator: ".", maxSplits: 1).map(String.init)
            if parts.count == 2 { nested[parts[0], default: []].append((parts[1], value)) } else { data[name] = value }
        }
        for (name, members) in nested { data[name] = .object(members) }
        return data
    }
}

/// One field of a recording form.
struct RecordingField: Sendable {
    enum Kind: Sendable {
        /// `code`: letters of either case, digits, dots and hyphens (a funder's project code).
        case text, longText, identifier, code, day, dayOrToday, decimal, euros, flag, project, activity
        case integer(ClosedRange<Int>)
        case choice([String])
        case choices([String])
    }

    /// A field missing or not of its kind.
    struct Invalid: Error {
        let field: RecordingField
    }

    let name: String
    let label: Words
    let kind: Kind
    let required: Bool
    /// What an empty field stands for (a sensitive item not collected unless given).
    let defaultValue: String?

    /// A field of a form, labelled by the catalogue (`Catalogue+Forms.swift`): the form's own
    /// label of the name where it has one, else the name's.
    init(_ name: String, form: RecordingForm? = nil, _ kind: Kind, required: Bool = true, default defaultValue: String? = nil) {
        self.name = name
        label = form.flatMap { Catalogue.formField("\($0.rawValue).\(name)") } ?? Catalogue.formField(name) ?? Words(name, name)
        self.kind = kind
        self.required = required
        self.defaultValue = defaultValue
    }

    /// Free text a person types is at most this long (a name, a place, a reason).
    static let longestText = 500
    /// Free text that is sealed (client feedback) is at most this long.
    static let longestSealedText = 8_000

    /// The field's value as JSON: `.some(nil)` for an optional field left empty, nil when the
    /// value is missing or not of the field's kind.
    func value(in form: FormFields, today: String) -> JSONValue?? {
        if case let .choices(options) = kind {
            let chosen = form.values(named: name)
            guard chosen.allSatisfy(options.contains), !(required && chosen.isEmpty) else { return nil }
            return .some(.array(chosen.map(JSONValue.string)))
        }
        if case .flag = kind { return .some(.bool(form[name] == "on")) }
        let text = form[name]?.trimmed.nonEmpty ?? defaultValue ?? ""
        if text.isEmpty {
            if case .dayOrToday = kind { return .some(.string(today)) }
            return required ? nil : .some(nil)
        }
        switch kind {
        case .text: return text.count <= Self.longestText ? .string(text) : nil
        case .longText: return text.count <= Self.longestSealedText ? .string(text) : nil
        case .code:
            let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-")
            return text.count <= 64 && text.unicodeScalars.allSatisfy(allowed.contains) ? .string(text) : nil
        case .identifier, .project, .activity: return ServedReport.Field.isIdentifier(text) ? .string(text) : nil
        case .day, .dayOrToday: return Shown.isoDay(text).map(JSONValue.string)
        case let .integer(range): return Int(text).flatMap { range.contains($0) ? .number(String($0)) : nil }
        case .decimal:
            let normalised = text.replacingOccurrences(of: ",", with: ".")
            guard normalised.count <= 12, let number = Double(normalised), number.isFinite, number >= 0,
                  normalised.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") })
            else { return nil }
            return .number(normalised.hasPrefix(".") ? "0" + normalised : normalised.hasSuffix(".") ? normalised + "0" : normalised)
        case .euros: return Euros.cents(text).map { .number(String($0)) }
        case let .choice(options): return options.contains(text) ? .string(text) : nil
        case .choices, .flag: return nil
        }
    }
}
