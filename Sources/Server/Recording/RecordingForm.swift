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

    var title: (fi: String, en: String) {
        switch self {
        case .participant: ("Rekisteröi osallistuja", "Register a participant")
        case .signUp: ("Ilmoittautuminen toimintaan", "Sign up for an activity")
        case .start: ("Osallistuminen alkaa (ESR+-aloitustiedot)", "Start an activity (ESR+ entry data)")
        case .end: ("Osallistuminen päättyy", "Leave an activity")
        case .expert: ("Kokemusasiantuntijaksi", "Register an experience expert")
        case .engagement: ("Sovi kokemusasiantuntijan toimeksianto", "Agree an expert's engagement")
        case .complete: ("Toimeksianto tehty", "Engagement done")
        case .cancel: ("Toimeksianto peruttu", "Engagement cancelled")
        case .fee: ("Maksa palkkio", "Pay a fee")
        case .travel: ("Korvaa matkakulut", "Reimburse travel")
        case .perDiem: ("Maksa päiväraha", "Pay a per diem")
        case .consent: ("Suostumus tai sen peruminen", "A consent given or withdrawn")
        case .fit: ("FIT-mittaus (ORS, SRS, CORS, CSRS)", "A FIT rating (ORS, SRS, CORS, CSRS)")
        case .feedback: ("Asiakaspalaute", "Client feedback")
        case .survey: ("Kyselyn vastaus", "A survey answer")
        case .bikvaStage: ("BIKVA-vaihe ja sen teemat", "A BIKVA stage and its themes")
        case .bikvaApproval: ("BIKVA: ryhmä hyväksyi välitetyn tekstin", "BIKVA: a group approved the wording passed on")
        case .bikvaFollowUp: ("BIKVA: sovitun muutoksen seuranta", "BIKVA: follow-up of an agreed change")
        case .staffTime: ("Henkilöstön työaika", "Staff working time")
        case .cost: ("Muu kustannus", "Another cost")
        case .project: ("Rekisteröi hanke", "Register a project")
        case .activity: ("Perusta toiminta (ryhmä, tapahtumasarja, leiri …)", "Set up an activity (group, event series, camp …)")
        case .void: ("Mitätöi virheellinen kirjaus", "Void an event entered by mistake")
        }
    }

    /// The form's own label of the data member a refusal names (`data.entry.ageAtEntry`, and
    /// `data.items[1]` as the form numbers it, `items.2`); nil if the form does not show it.
    func label(ofPath path: String) -> Words? {
        var name = path.hasPrefix("data.") ? String(path.dropFirst(5)) : path
        if let open = name.firstIndex(of: "["), let index = Int(name[name.index(after: open)...].prefix { $0.isNumber }) {
            name = "\(name[..<open]).\(index + 1)"
        }
        return fields.first { $0.name == name }?.words
    }

    var fields: [RecordingField] {
        let participant = RecordingField("participant", "Osallistuja (tunniste)", "Participant (id)", .identifier)
        let activity = RecordingField("activity", "Toiminta", "Activity", .activity)
        let engagement = RecordingField("engagement", "Toimeksianto (tunniste)", "Engagement (id)", .identifier)
        let date = RecordingField("date", "Päivä (tyhjä: tänään)", "Day (empty: today)", .dayOrToday)
        let evaluation = RecordingField("evaluation", "Arvioinnin tunnus (esim. kokooma-2026)", "The evaluation's id (e.g. kokooma-2026)", .identifier)
        let answer = Self.values(EnrolmentStarted.Answer.self)
        switch self {
        case .participant:
            return [
                .init("personal.name", "Nimi (salataan)", "Name (sealed)", .text),
                .init("personal.birthDate", "Syntymäaika (salataan; vuosi jää näkyviin)", "Birth date (sealed; the year stays in clear)", .day),
                .init("gender", "Sukupuoli", "Gender", .choice(Self.values(ParticipantRegistered.Gender.self))),
                .init("municipality", "Kotikunta", "Home municipality", .text),
                .init("roles", "Roolit", "Roles", .choices(Self.values(ParticipantRegistered.Role.self))),
                .init("personal.contact", "Puhelin tai sähköposti (salataan)", "Phone or e-mail (sealed)", .text, required: false),
                .init("personal.guardian", "Huoltaja ja yhteystieto (salataan)", "Guardian and contact (sealed)", .text, required: false),
                .init("personal.personalIdentityCode", "Henkilötunnus (salataan)", "Identity code (sealed)", .text, required: false),
                .init("registeredOn", "Rekisteröintipäivä (tyhjä: tänään)", "Registration day (empty: today)", .dayOrToday),
            ]
        case .signUp: return [participant, activity, date]
        case .start:
            return [participant, activity, date,
                    .init("entry.ageAtEntry", "Ikä aloituspäivänä", "Age on the day of entry", .integer(0...120)),
                    .init("entry.labourMarketStatus", "Työmarkkina-asema", "Labour market status",
                          .choice(Self.values(EnrolmentStarted.LabourMarketStatus.self))),
                    .init("entry.educationLevel", "Koulutustaso", "Education", .choice(Self.values(EnrolmentStarted.EducationLevel.self))),
                    .init("entry.disability", "Vamma (vain lakiperusteella)", "Disability (only with a legal basis)", .choice(answer), default: "not-collected"),
                    .init("entry.thirdCountNational", "Kolmannen maan kansalainen", "Third-country national", .choice(answer), default: "not-collected"),
                    .init("entry.foreignBackground", "Ulkomaalaistausta", "Foreign background", .choice(answer), default: "not-collected"),
                    .init("entry.minority", "Vähemmistö (vain lakiperusteella)", "Minority (only with a legal basis)", .choice(answer), default: "not-collected"),
                    .init("entry.homelessOrHousingExclusion", "Asunnottomuus", "Homeless or housing exclusion", .choice(answer), default: "not-collected"),
                    .init("entry.ruralArea", "Maaseutu", "Rural area", .choice(answer), default: "not-collected")]
        case .end:
            return [participant, activity, date,
                    .init("outcome", "Miten päättyi", "Outcome", .choice(Self.values(EnrolmentEnded.Outcome.self))),
                    .init("exit.jobSearching", "Lopussa: työnhakija", "At exit: job searching", .choice(answer), required: false),
                    .init("exit.inEducationOrTraining", "Lopussa: koulutuksessa", "At exit: in education or training", .choice(answer), required: false),
                    .init("exit.gainedQualification", "Lopussa: sai tutkinnon", "At exit: gained a qualification", .choice(answer), required: false),
                    .init("exit.employed", "Lopussa: työssä", "At exit: employed", .choice(answer), required: false)]
        case .expert:
            return [participant, .init("alias", "Julkinen peitenimi", "Public alias", .text),
                    .init("anonymous", "Ei koskaan nimellä", "Never named anywhere", .flag),
                    .init("training", "Koulutus", "Training", .choice(Self.values(ExpertRegistered.Training.self)), default: "none"), date]
        case .engagement:
            return [.init("expert", "Kokemusasiantuntija (tunniste)", "Expert (participant id)", .identifier),
                    .init("project", "Hanke", "Project", .project), .init("activity", "Toiminta", "Activity", .activity, required: false),
                    .init("kind", "Toimeksiannon laji", "Kind of work", .choice(Self.values(EngagementAgreed.Kind.self))), date,
                    .init("plannedHours", "Suunnitellut tunnit", "Planned hours", .decimal),
                    .init("agreedFeeCents", "Sovittu palkkio (€)", "Agreed fee (€)", .euros),
                    .init("mode", "Tapa", "Mode", .choice(Self.values(EngagementAgreed.Mode.self)), default: "in-person")]
        case .complete: return [engagement, date, .init("hours", "Tehdyt tunnit", "Hours worked", .decimal)]
        case .cancel: return [engagement, date, .init("reason", "Syy (ei henkilötietoja)", "Why (no personal data)", .text, required: false)]
        case .fee:
            return [engagement, date, .init("amountCents", "Summa (€)", "Amount (€)", .euros),
                    .init("reason", "Miksi summa poikkeaa sovitusta", "Why the amount differs from the agreed fee", .text, required: false)]
        case .travel:
            return [engagement, date,
                    .init("kilometres", "Kilometrit (korvataan voimassa olevalla kilometrikorvauksella)", "Kilometres (at the allowance in force)", .decimal, required: false),
                    .init("ticketCents", "Tai lippujen hinta (€)", "Or ticket costs (€)", .euros, required: false)]
        case .perDiem:
            return [engagement, date,
                    .init("kind", "Päiväraha (maksetaan työpäivänä voimassa olevan määrän mukaan)", "Per diem (at the rate in force on the day of the work)",
                          .choice(Self.values(PerDiemPaid.Kind.self))),
                    .init("days", "Päiviä", "Days", .integer(1...366), default: "1")]
        case .consent:
            return [participant, .init("scope", "Mihin", "Scope", .choice(Self.values(ConsentRecorded.Scope.self))),
                    .init("givenBy", "Kuka antoi", "Given by", .choice(Self.values(ConsentRecorded.GivenBy.self)), default: "self"),
                    .init("withdrawn", "Suostumus peruttiin", "The consent was withdrawn", .flag), date]
        case .fit:
            return [participant, .init("activity", "Toiminta", "Activity", .activity, required: false),
                    .init("session", "Kokoontuminen (tunniste, esim. s3)", "Session (id, e.g. s3)", .identifier, required: false),
                    .init("instrument", "Mittari", "Instrument", .choice(Self.values(FITRecorded.Instrument.self))),
                    .init("items.1", "1. kohta (0,0–10,0)", "Item 1 (0.0–10.0)", .decimal), .init("items.2", "2. kohta", "Item 2", .decimal),
                    .init("items.3", "3. kohta", "Item 3", .decimal), .init("items.4", "4. kohta", "Item 4", .decimal), date]
        case .feedback:
            return [.init("activity", "Toiminta", "Activity", .activity), .init("rating", "Arvio 1–5", "Rating 1–5", .integer(1...5)),
                    .init("participant", "Antaja (tunniste; tyhjä: nimetön)", "Given by (participant id; empty: anonymous)", .identifier, required: false),
                    .init("themes", "Teemat pilkuin eroteltuina", "Themes, comma-separated", .text, required: false),
                    .init("text", "Vapaa teksti (salataan antajalle)", "Free text (sealed for the giver)", .longText, required: false), date]
        case .survey:
            return [.init("survey", "Kyselyn tunnus (esim. staff-2026)", "The survey's id (e.g. staff-2026)", .identifier),
                    .init("project", "Hanke", "Project", .project),
                    .init("wave", "Kierros", "Wave", .choice(Self.values(SurveyAnswered.Wave.self))),
                    .init("respondentGroup", "Vastaajaryhmä", "Respondent group", .choice(Self.values(SurveyAnswered.RespondentGroup.self)), default: "staff"),
                    .init("scale.min", "Asteikon pienin", "The scale's lowest score", .integer(-100...100)),
                    .init("scale.max", "Asteikon suurin", "The scale's highest score", .integer(-100...100)), date,
                    .init("answers", "Vastaukset: rivi kohtaa kohden, kohta: pisteet", "The answers: a line per item, item: score", .longText)]
        case .bikvaStage:
            return [evaluation, .init("project", "Hanke", "Project", .project),
                    .init("stage", "Vaihe (1 asiakkaat, 2 työntekijät, 3 johto, 4 päättäjät)", "Stage (1 clients, 2 frontline, 3 management, 4 decision makers)", .integer(1...4)),
                    .init("groupSize", "Osallistujia", "How many took part", .integer(1...100_000)), date,
                    .init("themes", "Teemat (## Teema, sitten Sanottu:, Vastaus:, Sovittu muutos:)", "Themes (## Theme, then Said:, Response:, Agreed change:)", .longText)]
        case .bikvaApproval:
            return [evaluation, .init("stage", "Vaihe 1–4", "Stage 1–4", .integer(1...4)), date]
        case .bikvaFollowUp:
            return [evaluation, .init("stage", "Vaihe, jossa muutos sovittiin", "The stage at which the change was agreed", .integer(1...4)),
                    .init("theme", "Teema, kuten vaihe sen kirjasi", "The theme, as the stage recorded it", .text),
                    .init("status", "Tila", "Status", .choice(Self.values(BIKVAChangeFollowedUp.Status.self))),
                    .init("note", "Mitä tehtiin (ei henkilötietoja)", "What was done (naming no one)", .text, required: false), date]
        case .staffTime:
            return [.init("staffMember", "Työntekijä (koodi staff-…, ei nimi)", "Staff member (code staff-…, not a name)", .identifier),
                    .init("project", "Hanke", "Project", .project), .init("activity", "Toiminta", "Activity", .activity, required: false), date,
                    .init("hours", "Tunnit", "Hours", .decimal), .init("hourlyCostCents", "Tunnin hinta työnantajalle (€)", "The employer's cost of an hour (€)", .euros)]
        case .cost:
            return [.init("project", "Hanke", "Project", .project), .init("activity", "Toiminta", "Activity", .activity, required: false),
                    .init("category", "Laji", "Category", .choice(Self.values(CostIncurred.Category.self))),
                    .init("amountCents", "Summa (€)", "Amount (€)", .euros), date,
                    .init("description", "Mikä (esim. kuitin numero; ei henkilötietoja)", "What (e.g. the receipt's number; no personal data)", .text, required: false)]
        case .project:
            return [.init("projectCode", "Rahoittajan hankekoodi (esim. S30999)", "The funder's project code (e.g. S30999)", .code),
                    .init("name", "Nimi", "Name", .text), .init("funder", "Rahoittaja", "Funder", .choice(Self.values(ProjectRegistered.Funder.self))),
                    .init("fundingProgramme", "Rahoitusohjelma", "Funding programme", .text, required: false),
                    .init("region", "Alue", "Region", .text, required: false),
                    .init("startDate", "Alkaa", "First day", .day), .init("endDate", "Päättyy", "Last day", .day),
                    .init("costModel", "Kustannusmalli", "Cost model", .choice(Self.values(ProjectRegistered.CostModel.self))),
                    .init("selfFinancingPercent", "Omarahoitusosuus (%)", "Self-financing share (%)", .decimal)]
        case .activity:
            return [.init("project", "Hanke", "Project", .project), .init("name", "Nimi", "Name", .text),
                    .init("kind", "Laji", "Kind", .choice(Self.values(ActivityCreated.Kind.self))),
                    .init("targetGroup", "Kohderyhmä", "Target group", .choice(Self.values(ActivityCreated.TargetGroup.self))),
                    .init("municipality", "Kunta", "Municipality", .text),
                    .init("plannedSessions", "Suunniteltuja kokoontumisia", "Sessions planned", .integer(0...10_000), required: false),
                    .init("facilitators.worker", "Ohjaava työntekijä (staff-…)", "Facilitating worker (staff-…)", .identifier, required: false),
                    .init("facilitators.coFacilitator", "Kokemusohjaaja (tunniste)", "Experience co-facilitator (participant id)", .identifier, required: false),
                    .init("workPackage", "Työpaketti (esim. TP3)", "Work package (e.g. TP3)", .code, required: false),
                    .init("date", "Perustettu (tyhjä: tänään)", "Set up on (empty: today)", .dayOrToday)]
        case .void:
            return [.init("eventId", "Tapahtuman tunniste (tai sen alku)", "The event's id (or its start)", .code),
                    .init("reason", "Miksi se ei päde", "Why it does not count", .text)]
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
    let label: (fi: String, en: String)
    let kind: Kind
    let required: Bool
    /// What an empty field stands for (a sensitive item not collected unless given).
    let defaultValue: String?

    init(_ name: String, _ fi: String, _ en: String, _ kind: Kind, required: Bool = true, default defaultValue: String? = nil) {
        self.name = name
        label = (fi, en)
        self.kind = kind
        self.required = required
        self.defaultValue = defaultValue
    }

    var words: Words { Words(label.fi, label.en) }

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
